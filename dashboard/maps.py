"""Folium objects for the story map: an offline basemap and one marker per place. No st.* here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import folium
from branca.element import Figure
from folium.template import Template
from markupsafe import Markup

from dashboard.cards import NUMBER_KEY
from dashboard.placement import OPENING_ZOOM, ZOOMS, Mark, Spot, layouts, marks
from dashboard.render import render
from geodata import Place, PlaceKind, Story, Timeline

STATIC_DIR = Path(__file__).resolve().parent / "static"
# Streamlit serves dashboard/static/ at this path when static serving is on.
STATIC_URL = "/app/static"
# The story's frame: Syria's coast to Damascus and Aleppo, (south, west), (north, east).
STORY_BOUNDS = ((33.2, 35.3), (36.6, 38.4))
SEA = "#cfe3ef"
LAND = "#f6f3ec"
# The one-line key to the numbers, for the map page, story mode and the export alike.
COUNT_KEY = NUMBER_KEY
MAP_TITLE = "Map of the story's places"
# Sources of the basemap, as their licences ask (dashboard/static/ATTRIBUTION.md).
MAP_CREDIT = (
    "Borders: Natural Earth (public domain), which draws the Golan Heights inside Israel. "
    "City names: GeoNames (CC BY 4.0)."
)
# The places the project's brief names: always on the map, with events or not.
BRIEF_PLACES = (
    "tartus-naval-base",
    "tartus",
    "hmeimim-air-base",
    "jableh",
    "latakia",
    "damascus",
    "aleppo",
    "idlib",
)

# Okabe-Ito colours (colour-blind safe), each paired with its own shape.
SYMBOLS: dict[PlaceKind, tuple[str, str, str]] = {
    PlaceKind.NAVAL_BASE: ("⚓", "#0072B2", "Russian naval base"),
    PlaceKind.AIR_BASE: ("✈", "#0072B2", "Russian air base"),
    PlaceKind.CITY: ("●", "#3b3b3b", "City"),
    PlaceKind.PROVINCE: ("▦", "#6b5a2e", "Province"),
    PlaceKind.COUNTRY: ("◆", "#6b5a2e", "Country"),
    PlaceKind.REGION: ("◆", "#6b5a2e", "Region"),
}
# Darker than Okabe-Ito's vermillion so the ring keeps 4:1 over the sea; the "new" badge
# says it in words as well, for readers who do not see the colour.
NEW_COLOUR = "#B34700"


def _zoom_css() -> str:
    """Per-zoom label spots: the map sets class story-zN on its container as it zooms."""
    rules = []
    for z in ZOOMS:
        rules.append(
            f".story-z{z} .place-marker .pill {{ left: var(--x{z}, var(--dx)); "
            f"top: var(--y{z}, var(--dy)); }}\n"
            f".story-z{z} .place-marker .leader {{ width: var(--l{z}, 0px); "
            f"transform: rotate(var(--a{z}, 0deg)); }}\n"
            f".story-z{z} .place-marker.c{z} .name {{ display: none; }}\n"
            f".story-z{z} .place-marker:not(.c{z}) .name {{ display: inline; }}"
        )
    return "\n".join(rules)


MARKER_CSS = f"""
<style>
.leaflet-container {{ background: {SEA}; font-family: system-ui, sans-serif; }}
.place-marker {{ position: relative; width: 0; height: 0; cursor: pointer; }}
.place-marker .pin {{ position: absolute; left: -5px; top: -5px; width: 10px; height: 10px;
  border-radius: 5px; background: var(--c); border: 1.5px solid #fff; box-sizing: border-box; }}
.place-marker.base .pin {{ border-radius: 1px; }}
.place-marker .leader {{ position: absolute; left: 0; top: -1px; height: 2px;
  width: var(--l7, 0px); background: var(--c); transform-origin: 0 50%;
  transform: rotate(var(--a7, 0deg)); }}
.place-marker .pill {{ position: absolute; display: inline-flex; align-items: center; gap: 4px;
  white-space: nowrap; background: #fff; border: 2px solid var(--c); border-radius: 14px;
  padding: 1px 7px 1px 3px; font-size: 15px; line-height: 20px; color: #111;
  box-shadow: 0 1px 3px rgba(0,0,0,.35); left: var(--dx); top: var(--dy); }}
.place-marker .sym {{ display: inline-block; width: 20px; height: 20px; border-radius: 10px;
  background: var(--c); color: #fff; text-align: center; font-size: 13px; line-height: 20px; }}
.place-marker.compact .name {{ display: none; }}
.place-marker.base .pill {{ border-radius: 3px; }}
.place-marker.base .sym {{ border-radius: 2px; }}
.place-marker .count {{ font-weight: 700; }}
.place-marker.empty .pill {{ border-style: dashed; color: #333; }}
.place-marker.empty .sym {{ background: #fff; color: var(--c);
  box-shadow: inset 0 0 0 2px var(--c); }}
.place-marker.empty .count {{ font-weight: 400; }}
.place-marker.new .pill {{ border-color: {NEW_COLOUR}; border-width: 3px;
  box-shadow: 0 0 0 2px #fff, 0 0 0 4px {NEW_COLOUR}; }}
.place-marker:not(.new) .badge {{ display: none; }}
.place-marker .badge {{ position: absolute; right: -10px; top: -11px; background: {NEW_COLOUR};
  color: #fff; font-size: 11px; line-height: 14px; padding: 0 4px; border-radius: 7px;
  font-weight: 700; letter-spacing: .02em; }}
.place-marker.selected .pill {{ outline: 3px dashed #111; outline-offset: 2px; }}
.place-icon:focus {{ outline: none; }}
.place-icon:focus-visible .pill, .place-icon:focus .pill {{ outline: 3px solid #000;
  outline-offset: 2px; box-shadow: 0 0 0 7px #fff; }}
{_zoom_css()}
.map-label-icon {{ pointer-events: none; }}
.map-label {{ position: absolute; white-space: nowrap; transform: translate(-50%, -50%);
  text-shadow: 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; line-height: 1.1; }}
.map-label.hidden {{ display: none; }}
.map-label.country {{ font-size: 15px; font-weight: 600; letter-spacing: .08em;
  text-transform: uppercase; color: #4a4540; }}
.map-label.sea {{ font-size: 15px; font-style: italic; letter-spacing: .06em; color: #24536f;
  text-shadow: none; white-space: normal; width: 7.5em; text-align: center; }}
.map-label.governorate {{ font-size: 12px; font-style: italic; color: #6b624c; }}
.map-label.city {{ font-size: 13px; color: #222; transform: translate(-4px, -50%);
  padding-left: 11px; }}
.map-label.city.left {{ transform: translate(calc(-100% + 4px), -50%); padding: 0 11px 0 0; }}
.map-label.city.above {{ transform: translate(-50%, calc(-100% - 2px)); padding: 0; }}
.map-label.city.below {{ transform: translate(-50%, 4px); padding: 0; }}
.map-label.city.left::before {{ left: auto; right: 0; }}
.map-label.city.above::before {{ left: 50%; top: 100%; margin: -1px 0 0 -4px; }}
.map-label.city.below::before {{ left: 50%; top: 0; margin: -9px 0 0 -4px; }}
.map-label.city.right {{ transform: translate(-4px, -50%); }}
.map-label:not(.city).left {{ transform: translate(-110%, -50%); }}
.map-label:not(.city).right {{ transform: translate(10%, -50%); }}
.map-label:not(.city).above {{ transform: translate(-50%, -160%); }}
.map-label:not(.city).below {{ transform: translate(-50%, 60%); }}
.map-label:not(.city).far-above {{ transform: translate(-50%, -260%); }}
.map-label:not(.city).far-below {{ transform: translate(-50%, 160%); }}
.map-label.city::before {{ content: ""; position: absolute; left: 0; top: 50%; width: 7px;
  height: 7px; margin-top: -4px; border-radius: 4px; background: #fff;
  border: 1.5px solid #555; box-sizing: border-box; }}
.story-key {{ background: rgba(255,255,255,.96); color: #111; padding: 3px 8px;
  font-size: 14px; border-radius: 4px; box-shadow: 0 1px 3px rgba(0,0,0,.3);
  max-width: 46vw; }}
@media (max-width: 500px) {{ .story-key {{ font-size: 12px; padding: 2px 6px; }} }}
.place-marker.away > span {{ opacity: 0; pointer-events: none; }}
.place-marker.squeezed .name {{ display: none !important; }}
.story-edges {{ position: absolute; inset: 0; z-index: 800; pointer-events: none; }}
.story-edge {{ position: absolute; pointer-events: auto; display: inline-flex; gap: 3px;
  align-items: center; font: inherit; font-size: 13px; line-height: 18px; white-space: nowrap;
  color: #111; background: #fff; border: 2px solid var(--c); border-radius: 11px;
  padding: 0 6px 0 2px; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.35); }}
.story-edge[hidden], .story-edge-menu[hidden] {{ display: none; }}
.story-edge.empty {{ border-style: dashed; }}
.story-edge .arrow, .story-edge-menu .arrow {{ display: inline-block; width: 16px;
  text-align: center; color: var(--c, #0072B2); font-weight: 700; }}
.story-edge .count {{ font-weight: 700; }}
.story-edge.empty .count {{ font-weight: 400; }}
.story-edge .more {{ background: #111; color: #fff; font-size: 11px; line-height: 14px;
  padding: 0 4px; border-radius: 7px; font-weight: 700; }}
.story-edge .more:empty {{ display: none; }}
.story-edge:focus, .story-edge-menu button:focus {{ outline: 3px solid #000;
  outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }}
.story-edge-menu {{ position: absolute; z-index: 1001; list-style: none; margin: 0; padding: 4px;
  background: #fff; color: #111; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.45);
  max-height: 60%; overflow: auto; font-size: 13px; min-width: 13rem; }}
.story-edge-menu button {{ font: inherit; display: flex; gap: 6px; align-items: center;
  width: 100%; background: #fff; border: 1px solid #888; border-radius: 3px; margin: 2px 0;
  padding: 1px 5px; cursor: pointer; color: #111; text-align: left; }}
.story-edge-menu .where {{ flex: 1; }}
.story-edge-menu .far {{ color: #444; }}
.story-edge-menu .count {{ font-weight: 700; min-width: 1.5em; text-align: right; }}
</style>
"""


@dataclass(frozen=True, slots=True)
class Assets:
    """Where the browser gets Leaflet: the app's own server by default, never a CDN."""

    base: str = STATIC_URL

    @property
    def js(self) -> list[tuple[str, str]]:
        # storymap.js is not here: Basemap loads it once the markers are drawn.
        return [("leaflet", f"{self.base}/leaflet/leaflet.js")]

    @property
    def css(self) -> list[tuple[str, str]]:
        return [("leaflet_css", f"{self.base}/leaflet/leaflet.css")]


@cache
def basemap_geojson() -> dict[str, Any]:
    """The bundled vector basemap (Natural Earth): world, countries, governorates, rivers, lakes."""
    data: dict[str, Any] = json.loads((STATIC_DIR / "basemap.geojson").read_text("utf-8"))
    return data


@cache
def basemap_labels() -> list[list[Any]]:
    """Names of countries, seas, governorates and cities: [name, kind, lat, lon, minzoom,
    maxzoom, rank] (dashboard/static/ATTRIBUTION.md)."""
    data: list[list[Any]] = json.loads((STATIC_DIR / "labels.json").read_text("utf-8"))
    return data


BASEMAP_LAYERS = ("world", "country", "governorate", "buffer_zone", "lake", "river")


def basemap_styles() -> dict[str, dict[str, Any]]:
    """The style of each basemap layer, for Leaflet."""
    return {layer: basemap_style({"properties": {"layer": layer}}) for layer in BASEMAP_LAYERS}


def basemap_style(feature: dict[str, Any]) -> dict[str, Any]:
    layer = feature["properties"].get("layer")
    if layer == "world":
        return {"fillColor": LAND, "fillOpacity": 1, "color": "#a5a5a5", "weight": 0.8}
    if layer == "country":
        return {"fillColor": LAND, "fillOpacity": 1, "color": "#8a8a8a", "weight": 1.2}
    if layer == "governorate":
        return {"fillOpacity": 0, "color": "#b9b09a", "weight": 0.8, "dashArray": "4 3"}
    if layer == "lake":
        return {"fillColor": SEA, "fillOpacity": 1, "color": "#8fb3c9", "weight": 0.5}
    return {"color": "#8fb3c9", "weight": 1.2, "fillOpacity": 0}


class Basemap(folium.MacroElement):
    """The bundled basemap and its labels, fetched by the browser from the app's own server,
    drawn by dashboard/static/storymap.js (with the key, keyboard and edge markers).

    Embedding it (folium.GeoJson) would put 170 kB into the map script, restyle every
    feature in Python and resend it all on every rerun; fetched, the browser caches it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map, config) {
                // Loaded after the markers are drawn, so they show without waiting for it
                // (it lays out names, edge markers and keys once it has come).
                function go() { StoryMap.setup(map, config); }
                if (window.StoryMap) { go(); return; }
                var script = document.createElement("script");
                script.src = config.script;
                script.onload = go;
                document.head.appendChild(script);
            })({{ this._parent.get_name() }}, {{ this.config|tojson }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        base: str,
        under_tiles: bool = False,
        count_key: bool = False,
        pan_to_far: bool = False,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca's MacroElement is untyped
        self._name = "Basemap"
        self.config = {
            "script": f"{base}/storymap.js",
            "basemap": f"{base}/basemap.geojson",
            "labels": f"{base}/labels.json",
            "styles": basemap_styles(),
            "key": COUNT_KEY if count_key else None,
            "title": MAP_TITLE,
            "underTiles": under_tiles,
            "panToFar": pan_to_far,
        }


def base_map(
    online_tiles: bool = False,
    assets: Assets | None = None,
    count_key: bool = False,
    pan_to_far: bool = False,
) -> folium.Map:
    """The map without place markers; identical for every date so it never reloads.

    ``count_key`` writes COUNT_KEY inside the map (top right), for pages with no room for
    it above the map. ``pan_to_far``: choosing a far place's edge marker also moves the
    map to it (story mode, where a place has no panel to open)."""
    assets = assets or Assets()
    fmap = folium.Map(
        tiles=None,
        max_zoom=12,
        min_zoom=3,
        control_scale=True,
        zoom_control=True,
        prefer_canvas=False,
    )
    fmap.default_js = assets.js
    fmap.default_css = assets.css
    # The padding keeps room for the labels, more on the west: the coast's pills (Tartus
    # naval facility) sit left of their points, over the sea. A phone-wide map opens one
    # zoom out.
    fmap.fit_bounds(
        [list(STORY_BOUNDS[0]), list(STORY_BOUNDS[1])],
        padding_top_left=(150, 10),
        padding_bottom_right=(10, 10),
    )
    root = fmap.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(folium.Element(MARKER_CSS))
    Basemap(assets.base, online_tiles, count_key, pan_to_far).add_to(fmap)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="Street map (online)", opacity=0.6).add_to(fmap)
    return fmap


def spot_style(spots: dict[int, Spot]) -> str:
    """The CSS variables that put a marker's label at each zoom (see _zoom_css)."""
    parts = []
    for zoom, spot in spots.items():
        length, angle = spot.leader or (0, 0)
        parts.append(
            f"--x{zoom}:{spot.dx}px;--y{zoom}:{spot.dy}px;--l{zoom}:{length}px;--a{zoom}:{angle}deg"
        )
    return ";".join(parts)


def marker_html(
    place: Place,
    count: int,
    new: bool,
    selected: bool,
    offset: tuple[int, int] = (-14, -13),
    compact: bool = False,
    spots: dict[int, Spot] | None = None,
) -> str:
    """The marker element; carries data-place and data-count for anyone testing the map.

    ``offset`` and ``compact`` place the label at the opening zoom; ``spots`` (per zoom,
    from dashboard.placement) let the live map move it as the reader zooms.
    """
    return _fill(_parts(place, offset, compact, spots), count, new, selected)


def _parts(
    place: Place, offset: tuple[int, int], compact: bool, spots: dict[int, Spot] | None
) -> tuple[str, str, str]:
    """What does not change from date to date: classes, the opening tag's rest, the pill."""
    symbol, colour, _ = SYMBOLS[place.kind]
    classes = ["place-marker", place.kind.value]
    classes += ["compact"] if compact else []
    classes += ["base"] if place.kind.is_base else []
    classes += [f"c{zoom}" for zoom, spot in (spots or {}).items() if spot.compact]
    style = f"--c:{colour};--dx:{offset[0]}px;--dy:{offset[1]}px"
    if spots:
        style += ";" + spot_style(spots)
    attributes, pill = render(
        "marker_pill.html", style=style, id=place.id, symbol=symbol, name=place.name
    ).split("\n")
    return " ".join(classes), Markup(attributes), Markup(pill)


def _fill(parts: tuple[str, str, str], count: int, new: bool, selected: bool) -> str:
    classes, attributes, pill = parts
    state = (
        (" new" if new else "")
        + (" selected" if selected else "")
        + (" empty" if count == 0 else "")
    )
    badge = Markup('<span class="badge">new</span>') if new else ""
    return str(
        Markup(
            '<div class="{}" {} data-count="{}">{}<span class="count">{}</span>{}</span></div>'
        ).format(classes + state, attributes, count, pill, count, badge)
    )


def tooltip_text(place: Place, count: int, new: bool) -> str:
    """What a marker says on hover and to a screen reader: name, kind, count, where it is."""
    if count == 0:
        so_far = "nothing reported here yet"
    elif count == 1:
        so_far = "1 event or statement reported so far"
    else:
        so_far = f"{count} events and statements reported so far"
    text = f"{place.name} ({place.kind.label}): {so_far}{', new on this date' if new else ''}."
    if place.description:
        text += f" {place.description}"
    return text


def marker_records(
    places: list[Place], timeline: Timeline, index: int, selected: str | None = None
) -> list[dict[str, Any]]:
    """Each place's marker at stop ``index``: point, HTML and plain tooltip text."""
    new = timeline.new_places(index) if index >= 0 else frozenset()
    parts = _places_parts(places)
    records = []
    for place in places:
        count = timeline.count_at(index, place.id)
        html = _fill(parts[place.id], count, place.id in new, place.id == selected)
        records.append(
            {
                "id": place.id,
                "name": place.name,
                "lat": place.latlon.lat,
                "lon": place.latlon.lon,
                "html": html,
                "tooltip": tooltip_text(place, count, place.id in new),
            }
        )
    return records


_PARTS: dict[tuple[Mark, ...], tuple[tuple[Place, ...], dict[str, tuple[str, str, str]]]] = {}


def _places_parts(places: list[Place]) -> dict[str, tuple[str, str, str]]:
    """Each place's unchanging marker parts, remembered by the cheap key of placement
    (hashing 200 whole places on every step costs more than the step's own work); the
    places themselves are compared too, so a changed name or description is seen."""
    key = marks(places)
    known = _PARTS.get(key)
    if known is None or any(a is not b and a != b for a, b in zip(known[0], places, strict=True)):
        spots = layouts(places)
        parts = {}
        for place in places:
            opening = spots[place.id][OPENING_ZOOM]
            parts[place.id] = _parts(
                place, (opening.dx, opening.dy), opening.compact, spots[place.id]
            )
        if len(_PARTS) > 8:
            _PARTS.clear()
        known = _PARTS[key] = (tuple(places), parts)
    return known[1]


def map_places(story: Story, places: list[Place]) -> list[Place]:
    """The places with events, then those of the brief that have none (reference places)."""
    shown = {place.id for place in places}
    extra = [
        story.places[place_id]
        for place_id in BRIEF_PLACES
        if place_id in story.places and place_id not in shown
    ]
    return [*places, *extra]


def tooltip_html(text: str) -> str:
    """Escaped for HTML and safe inside the JavaScript template literal folium puts it in."""
    return escape(text).replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def place_markers(
    places: list[Place], timeline: Timeline, index: int, selected: str | None = None
) -> folium.FeatureGroup:
    """One marker per place with its count of events revealed up to stop ``index``."""
    group = folium.FeatureGroup(name="Places")
    for record in marker_records(places, timeline, index, selected):
        icon = folium.DivIcon(
            html=record["html"], icon_size=(0, 0), icon_anchor=(0, 0), class_name="place-icon"
        )
        folium.Marker(
            [record["lat"], record["lon"]], icon=icon, tooltip=tooltip_html(record["tooltip"])
        ).add_to(group)
    return group


class PlaceLayer(folium.FeatureGroup):
    """The same markers as ``place_markers``, drawn in the browser by one short script.

    folium renders three templates per marker (marker, icon, tooltip): at 200 places a
    third of a second on every slider step. Here the server writes one JSON list
    (HTML-escaped text; ``tojson`` also escapes ``<``, ``>``, ``&`` and quotes) and the
    browser keeps one marker per place on the map, replacing only the icons whose HTML
    changed: a step touches the few places that changed, not every marker. The group
    itself stays empty; streamlit-folium swaps it on each rerun.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({});
            (function (map, places) {
                var store = map.__places;
                if (!store) {
                    store = map.__places = {layer: L.featureGroup().addTo(map), byId: {}};
                }
                var keep = {}, moved = false;
                places.forEach(function (p) {
                    keep[p.id] = true;
                    var known = store.byId[p.id];
                    var icon = L.divIcon({
                        html: p.html, iconSize: [0, 0], iconAnchor: [0, 0], className: "place-icon"
                    });
                    var tooltip = "<div>" + p.tooltip + "</div>";
                    if (known && known.lat === p.lat && known.lon === p.lon) {
                        if (known.html !== p.html) { known.marker.setIcon(icon); }
                        if (known.tooltip !== tooltip) { known.marker.setTooltipContent(tooltip); }
                    } else {
                        if (known) { store.layer.removeLayer(known.marker); }
                        moved = true;
                        known = {marker: L.marker([p.lat, p.lon], {icon: icon, keyboard: true})
                            .bindTooltip(tooltip, {direction: "bottom", offset: [0, 16]})
                            .addTo(store.layer)};
                        store.byId[p.id] = known;
                    }
                    var element = known.marker.getElement();
                    if (element && known.label !== p.label) {
                        element.setAttribute("aria-label", p.label);
                    }
                    Object.assign(known, {
                        lat: p.lat, lon: p.lon, html: p.html, tooltip: tooltip, label: p.label
                    });
                });
                Object.keys(store.byId).forEach(function (id) {
                    if (keep[id]) { return; }
                    store.layer.removeLayer(store.byId[id].marker);
                    delete store.byId[id];
                    moved = true;
                });
                if (window.StoryMap) { StoryMap.refresh(map, !moved); }
            })({{ this._parent.get_name() }}, {{ this.markers|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, markers: list[dict[str, Any]]) -> None:
        super().__init__(name="Places")
        self._name = "FeatureGroup"
        self.markers = markers


def place_layer(
    places: list[Place], timeline: Timeline, index: int, selected: str | None = None
) -> PlaceLayer:
    """``place_markers`` for the live map: one marker per place, cheap to render per step."""
    records = marker_records(places, timeline, index, selected)
    markers = [
        record | {"tooltip": escape(record["tooltip"]), "label": record["tooltip"]}
        for record in records
    ]
    return PlaceLayer(markers)


def place_at(places: list[Place], lat: float, lon: float) -> Place | None:
    """The place whose marker sits at the clicked point."""
    return min(
        (p for p in places if abs(p.latlon.lat - lat) < 1e-6 and abs(p.latlon.lon - lon) < 1e-6),
        key=lambda p: p.id,
        default=None,
    )
