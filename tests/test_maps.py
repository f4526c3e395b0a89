"""dashboard/maps.py: markers, the offline base map, label placement and click lookup."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import folium
import pytest

from dashboard.maps import (
    STATIC_DIR,
    STATIC_URL,
    base_map,
    marker_html,
    place_at,
    place_markers,
)
from dashboard.placement import (
    MAX_DISTANCE,
    ON_POINT,
    OPENING_ZOOM,
    PILL_HEIGHT,
    PIN,
    ZOOMS,
    layout,
    pill_width,
)
from geodata import DEFAULT_FOLDER, LatLon, Place, PlaceKind, Story, Timeline, read_story


def make_place(
    place_id: str = "x",
    name: str = "X",
    kind: PlaceKind = PlaceKind.CITY,
    lat: float = 34.0,
    lon: float = 36.0,
) -> Place:
    return Place(id=place_id, name=name, kind=kind, latlon=LatLon(lat, lon), country="Syria")


class Outer(HTMLParser):
    """Attributes of the outermost element and all text of a marker's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] | None = None
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if self.attrs is None:
            self.attrs = {k: v or "" for k, v in attrs}

    def handle_data(self, data):
        self.text += data

    @classmethod
    def of(cls, html: str) -> Outer:
        parser = cls()
        parser.feed(html)
        return parser


@pytest.fixture
def story(story_dir) -> Story:
    reading = read_story(story_dir)
    assert reading.errors == ()
    return reading.story


@pytest.fixture
def timeline(story) -> Timeline:
    return Timeline.of(story.events)


# --- marker_html ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "count", "new", "selected", "classes"),
    [
        (PlaceKind.CITY, 3, False, False, {"place-marker", "city"}),
        (PlaceKind.CITY, 0, False, False, {"place-marker", "city", "empty"}),
        (PlaceKind.NAVAL_BASE, 1, True, False, {"place-marker", "naval_base", "base", "new"}),
        (PlaceKind.AIR_BASE, 12, False, True, {"place-marker", "air_base", "base", "selected"}),
    ],
    ids=["city", "empty", "new-base", "selected-base"],
)
def test_marker_carries_place_count_and_state(kind, count, new, selected, classes):
    place = make_place("hmeimim-air-base", "Hmeimim", kind)
    outer = Outer.of(marker_html(place, count, new, selected, offset=(-14, 41)))
    assert outer.attrs is not None
    assert outer.attrs["data-place"] == "hmeimim-air-base"
    assert outer.attrs["data-count"] == str(count)
    assert set(outer.attrs["class"].split()) == classes
    assert "--dx:-14px;--dy:41px" in outer.attrs["style"]
    assert "Hmeimim" in outer.text and str(count) in outer.text


def test_marker_escapes_the_place_name():
    place = make_place(name="<script>alert(1)</script> & <img src=x onerror=alert(1)>")
    html = marker_html(place, 2, False, False)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in html
    assert not re.search(r"<\s*(script|img)\b", html, re.IGNORECASE)
    assert set(Outer.of(html).tags) <= {"div", "span"}


# --- place_markers ------------------------------------------------------------------------------


def markers(group: folium.FeatureGroup) -> Iterator[tuple[folium.Marker, dict[str, str]]]:
    for child in group._children.values():
        assert isinstance(child, folium.Marker)
        icons = [c for c in child._children.values() if isinstance(c, folium.DivIcon)]
        assert len(icons) == 1
        attrs = Outer.of(icons[0].options["html"]).attrs
        assert attrs is not None
        yield child, attrs


@pytest.mark.parametrize(
    ("index", "counts", "new"),
    [
        (-1, {"tartus-naval-base": 0, "tartus": 0, "damascus": 0}, set()),
        (0, {"tartus-naval-base": 0, "tartus": 0, "damascus": 1}, {"damascus"}),
        (1, {"tartus-naval-base": 0, "tartus": 0, "damascus": 2}, {"damascus"}),
        (
            2,
            {"tartus-naval-base": 1, "tartus": 0, "damascus": 3},
            {"damascus", "tartus-naval-base"},
        ),
    ],
    ids=["before", "late-november", "8-december", "16-december"],
)
def test_place_markers_one_per_place_with_counts_at_the_stop(story, timeline, index, counts, new):
    places = list(story.places.values())
    found = {}
    for marker, attrs in markers(place_markers(places, timeline, index, selected="tartus")):
        place = story.places[attrs["data-place"]]
        assert marker.location == [place.latlon.lat, place.latlon.lon]
        classes = attrs["class"].split()
        assert ("new" in classes) == (place.id in new)
        assert ("selected" in classes) == (place.id == "tartus")
        found[attrs["data-place"]] = int(attrs["data-count"])
    assert found == counts


# --- base_map -----------------------------------------------------------------------------------


def tree(element) -> Iterator:
    yield element
    for child in element._children.values():
        yield from tree(child)


@pytest.mark.parametrize("online_tiles", [False, True], ids=["offline", "online-tiles"])
def test_base_map_loads_scripts_and_styles_only_from_the_app(story, timeline, online_tiles):
    fmap = base_map(online_tiles=online_tiles)
    place_markers(list(story.places.values()), timeline, 2).add_to(fmap)
    urls = [
        url
        for element in tree(fmap.get_root())
        for _, url in [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]
    ]
    assert urls, "the map must load Leaflet from somewhere"
    for url in urls:
        assert url.startswith(STATIC_URL + "/"), url
        assert (STATIC_DIR / url.removeprefix(STATIC_URL + "/")).is_file(), url
    html = fmap.get_root().render()
    loaded = re.findall(r"<script[^>]*\bsrc=\"([^\"]*)\"", html)
    loaded += re.findall(r"<link[^>]*\bhref=\"([^\"]*)\"", html)
    assert loaded
    assert all(url.startswith(STATIC_URL + "/") for url in loaded), loaded
    assert not re.search(r"(src|href)=\"(https?:)?//", html)


@pytest.mark.parametrize("online_tiles", [False, True], ids=["offline", "online-tiles"])
def test_base_map_has_a_tile_layer_only_when_asked(online_tiles):
    html = base_map(online_tiles=online_tiles).get_root().render()
    assert ("L.tileLayer(" in html) == online_tiles
    assert "StoryMap.setup(" in html and "/basemap.geojson" in html  # always the basemap


def test_the_map_moves_to_a_far_place_s_edge_marker_only_when_asked():
    assert '"panToFar": false' in base_map().get_root().render()
    assert '"panToFar": true' in base_map(pan_to_far=True).get_root().render()


# --- label layout ---------------------------------------------------------------------------------


def pixels(latlon: LatLon, zoom: int) -> tuple[float, float]:
    """Web Mercator pixels, written independently of the code under test."""
    size = 256 * 2**zoom
    x = (latlon.lon + 180) / 360 * size
    siny = math.sin(math.radians(latlon.lat))
    y = (0.5 - math.log((1 + siny) / (1 - siny)) / (4 * math.pi)) * size
    return x, y


def box(place: Place, offset: tuple[int, int], zoom: int, compact: bool = False):
    """(left, top, right, bottom) of the label pill, with the same width estimate as the map."""
    x, y = pixels(place.latlon, zoom)
    left, top = x + offset[0], y + offset[1]
    return left, top, left + pill_width(place, compact), top + PILL_HEIGHT


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def gap(place: Place, pill, zoom: int) -> float:
    """Pixels from the place's point to the nearest edge of its pill (0 when it covers it)."""
    x, y = pixels(place.latlon, zoom)
    dx = max(pill[0] - x, 0, x - pill[2])
    dy = max(pill[1] - y, 0, y - pill[3])
    return math.hypot(dx, dy)


@pytest.fixture(scope="module")
def gazetteer() -> list[Place]:
    places = list(read_story(DEFAULT_FOLDER).story.places.values())
    assert len(places) > 5
    return places


@pytest.mark.parametrize("zoom", [z for z in ZOOMS if z >= OPENING_ZOOM])
def test_no_two_labels_overlap_and_none_covers_another_point(gazetteer, zoom):
    spots = layout(gazetteer, zoom)
    assert set(spots) == {p.id for p in gazetteer}
    boxes = {
        p.id: box(p, (spots[p.id].dx, spots[p.id].dy), zoom, spots[p.id].compact) for p in gazetteer
    }
    clashes = [(a, b) for a, b in itertools.combinations(boxes, 2) if overlap(boxes[a], boxes[b])]
    assert clashes == []
    for place in gazetteer:
        for other in gazetteer:
            if other.id != place.id:
                x, y = pixels(other.latlon, zoom)
                assert not overlap(boxes[place.id], (x - PIN, y - PIN, x + PIN, y + PIN)), (
                    place.id,
                    other.id,
                )


@pytest.mark.parametrize("zoom", ZOOMS)
def test_every_label_stays_next_to_its_point_with_a_leader_when_apart(gazetteer, zoom):
    for place_id, spot in layout(gazetteer, zoom).items():
        place = next(p for p in gazetteer if p.id == place_id)
        distance = gap(place, box(place, (spot.dx, spot.dy), zoom, spot.compact), zoom)
        assert distance <= MAX_DISTANCE, (place_id, distance)
        assert (spot.leader is not None) == (distance >= PIN), place_id
        if spot.leader:
            assert abs(spot.leader[0] - distance) <= 1


def test_the_places_of_the_real_story_all_get_named_labels_at_the_opening_zoom():
    story = read_story(DEFAULT_FOLDER).story
    spots = layout(list(story.places_with_events()))
    assert [place_id for place_id, spot in spots.items() if spot.compact] == []


def test_crowded_labels_go_compact_and_stay_by_their_points(tmp_path):
    from geodata.synthetic import Size, write_story

    places = list(read_story(write_story(tmp_path, Size(400, 200))).story.places.values())
    spots = layout(places, 7)
    assert any(spot.compact for spot in spots.values()), "200 places cannot all have names"
    for place_id, spot in spots.items():
        place = next(p for p in places if p.id == place_id)
        assert gap(place, box(place, (spot.dx, spot.dy), 7, spot.compact), 7) <= MAX_DISTANCE
    html = marker_html(places[0], 1, False, False, compact=True)
    assert 'class="place-marker' in html and "compact" in html.split('"')[1]


def test_tartus_city_and_its_naval_facility_cover_neither_point(gazetteer):
    spots = layout(gazetteer, 7)
    base, city = (next(p for p in gazetteer if p.id == i) for i in ("tartus-naval-base", "tartus"))
    for place, other in ((base, city), (city, base)):
        spot = spots[place.id]
        x, y = pixels(other.latlon, 7)
        assert not overlap(box(place, (spot.dx, spot.dy), 7), (x - PIN, y - PIN, x + PIN, y + PIN))


def test_a_lone_place_keeps_its_symbol_on_its_point(gazetteer):
    spots = layout(gazetteer, 7)
    for lone in ("moscow", "libya", "north-korea"):
        assert (spots[lone].dx, spots[lone].dy) == ON_POINT


def test_two_places_at_one_point_get_separate_spots():
    places = [make_place("a", "Alpha"), make_place("b", "Beta"), make_place("c", "Gamma")]
    spots = layout(places)
    assert len({(spot.dx, spot.dy) for spot in spots.values()}) == 3


# --- place_at -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (34.9115, 35.8735, "tartus-naval-base"),
        (34.88902, 35.88659, "tartus"),
        (33.5102, 36.29128, "damascus"),
        (33.5102 + 1e-7, 36.29128 - 1e-7, "damascus"),
        (33.5112, 36.29128, None),
        (34.9115, 35.88659, None),
        (0.0, 0.0, None),
    ],
    ids=["naval-base", "tartus", "damascus", "rounding", "1-km-off", "mixed-coordinates", "far"],
)
def test_place_at_finds_a_place_by_its_exact_point(story, lat, lon, expected):
    found = place_at(list(story.places.values()), lat, lon)
    assert (found.id if found else None) == expected


def test_place_at_picks_one_place_deterministically_when_two_share_a_point():
    places = [make_place("zeta"), make_place("alpha")]
    assert place_at(places, 34.0, 36.0).id == "alpha"
    assert place_at([], 34.0, 36.0) is None


# --- tooltips -----------------------------------------------------------------------------------


def test_tooltip_text_cannot_break_out_of_the_map_script(timeline):
    """folium puts tooltip text inside a JS template literal (`...`): ` ${ and \\ must go."""
    place = make_place("damascus", "Dam`+alert(1)+` ${alert(2)} C:\\u")
    fmap = base_map()
    place_markers([place], timeline, 2).add_to(fmap)
    html = fmap.get_root().render()
    literal = re.search(r"bindTooltip\(\s*`(.*?)</div>`", html, re.DOTALL)
    assert literal is not None
    assert "Dam" in literal.group(1)
    assert not re.search(r"`|\$\{|\\", literal.group(1)), literal.group(1)
