"""dashboard/maps.py: markers, the offline base map, label placement and click lookup."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import folium
import pytest
from geopy.distance import geodesic

from dashboard.maps import (
    MAX_LABEL_ROWS,
    PILL_HEIGHT,
    STATIC_DIR,
    STATIC_URL,
    base_map,
    compact_labels,
    label_offsets,
    marker_html,
    place_at,
    place_markers,
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
    assert "L.geoJson(" in html  # the bundled basemap is always there


# --- label_offsets ------------------------------------------------------------------------------


def pixels(latlon: LatLon, zoom: int) -> tuple[float, float]:
    """Web Mercator pixels, written independently of the code under test."""
    size = 256 * 2**zoom
    x = (latlon.lon + 180) / 360 * size
    siny = math.sin(math.radians(latlon.lat))
    y = (0.5 - math.log((1 + siny) / (1 - siny)) / (4 * math.pi)) * size
    return x, y


def box(place: Place, offset: tuple[int, int], zoom: int) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the label pill, with the same width estimate as the map."""
    x, y = pixels(place.latlon, zoom)
    left, top = x + offset[0], y + offset[1]
    return left, top, left + 44 + 8.5 * len(place.name), top + PILL_HEIGHT


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def gazetteer() -> list[Place]:
    places = list(read_story(DEFAULT_FOLDER).story.places.values())
    assert len(places) > 5
    return places


def test_no_two_named_labels_overlap_at_the_opening_zoom(gazetteer):
    offsets = label_offsets(gazetteer, zoom=7)
    assert set(offsets) == {p.id for p in gazetteer}
    compact = compact_labels(gazetteer, zoom=7)
    boxes = {p.id: box(p, offsets[p.id], 7) for p in gazetteer if p.id not in compact}
    clashes = [(a, b) for a, b in itertools.combinations(boxes, 2) if overlap(boxes[a], boxes[b])]
    assert clashes == []


def test_the_places_of_the_real_story_all_get_named_labels():
    story = read_story(DEFAULT_FOLDER).story
    assert compact_labels(list(story.places_with_events())) == frozenset()


def test_crowded_labels_go_compact_instead_of_piling_up(tmp_path):
    from geodata.synthetic import Size, write_story

    places = list(read_story(write_story(tmp_path, Size(400, 200))).story.places.values())
    offsets, compact = label_offsets(places), compact_labels(places)
    assert compact, "200 places in Syria cannot all have named labels"
    lowest = -PILL_HEIGHT // 2 + (MAX_LABEL_ROWS - 1) * (PILL_HEIGHT + 2)
    assert max(dy for _, dy in offsets.values()) <= lowest
    html = marker_html(places[0], 1, False, False, compact=True)
    assert 'class="place-marker' in html and "compact" in html.split('"')[1]


def test_places_closer_than_20_km_get_separate_rows(gazetteer):
    offsets = label_offsets(gazetteer, zoom=7)
    close = [
        (a, b)
        for a, b in itertools.combinations(gazetteer, 2)
        if geodesic((a.latlon.lat, a.latlon.lon), (b.latlon.lat, b.latlon.lon)).km < 20
    ]
    assert close, "the gazetteer has near places (Tartus and its naval facility)"
    for a, b in close:
        assert abs(offsets[a.id][1] - offsets[b.id][1]) >= PILL_HEIGHT, (a.id, b.id)


def test_a_lone_place_keeps_its_label_centred_on_its_point(gazetteer):
    offsets = label_offsets(gazetteer, zoom=7)
    for lone in ("moscow", "libya", "north-korea"):
        assert offsets[lone] == (-14, -PILL_HEIGHT // 2)


def test_two_places_at_one_point_are_stacked():
    places = [make_place("a", "Alpha"), make_place("b", "Beta"), make_place("c", "Gamma")]
    offsets = label_offsets(places)
    rows = sorted(dy for _, dy in offsets.values())
    assert [b - a for a, b in itertools.pairwise(rows)] == [PILL_HEIGHT + 2] * 2


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
