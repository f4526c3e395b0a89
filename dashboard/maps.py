"""Folium objects for the story map: an offline basemap and one marker per place. No st.* here."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from html import escape
from pathlib import Path
from typing import Any

import folium
from branca.element import Figure
from folium.template import Template

from geodata import Place, PlaceKind, Timeline

STATIC_DIR = Path(__file__).resolve().parent / "static"
# Streamlit serves dashboard/static/ at this path when static serving is on.
STATIC_URL = "/app/static"
# The story's frame: Syria's coast to Damascus and Aleppo, (south, west), (north, east).
STORY_BOUNDS = ((33.2, 35.3), (36.6, 38.4))
SEA = "#cfe3ef"
LAND = "#f6f3ec"

# Okabe-Ito colours (colour-blind safe), each paired with its own shape.
SYMBOLS: dict[PlaceKind, tuple[str, str, str]] = {
    PlaceKind.NAVAL_BASE: ("⚓", "#0072B2", "Russian naval base"),
    PlaceKind.AIR_BASE: ("✈", "#0072B2", "Russian air base"),
    PlaceKind.CITY: ("●", "#3b3b3b", "City"),
    PlaceKind.PROVINCE: ("▦", "#6b5a2e", "Province"),
    PlaceKind.COUNTRY: ("◆", "#6b5a2e", "Country"),
    PlaceKind.REGION: ("◆", "#6b5a2e", "Region"),
}
NEW_COLOUR = "#D55E00"

MARKER_CSS = f"""
<style>
.leaflet-container {{ background: {SEA}; font-family: system-ui, sans-serif; }}
.place-marker {{ position: relative; width: 0; height: 0; cursor: pointer; }}
.place-marker .pin {{ position: absolute; left: -4px; top: -4px; width: 8px; height: 8px;
  border-radius: 4px; background: var(--c); border: 1px solid #fff; }}
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
.place-marker.empty {{ opacity: .55; }}
.place-marker.new .pill {{ border-color: {NEW_COLOUR}; border-width: 3px;
  box-shadow: 0 0 0 3px rgba(213,94,0,.35); }}
.place-marker.selected .pill {{ outline: 3px dashed #111; outline-offset: 2px; }}
</style>
"""


@dataclass(frozen=True, slots=True)
class Assets:
    """Where the browser gets Leaflet: the app's own server by default, never a CDN."""

    base: str = STATIC_URL

    @property
    def js(self) -> list[tuple[str, str]]:
        return [("leaflet", f"{self.base}/leaflet/leaflet.js")]

    @property
    def css(self) -> list[tuple[str, str]]:
        return [("leaflet_css", f"{self.base}/leaflet/leaflet.css")]


@cache
def basemap_geojson() -> dict[str, Any]:
    """The bundled vector basemap (Natural Earth): countries, governorates, rivers, lakes."""
    data: dict[str, Any] = json.loads((STATIC_DIR / "basemap.geojson").read_text("utf-8"))
    return data


def basemap_style(feature: dict[str, Any]) -> dict[str, Any]:
    layer = feature["properties"].get("layer")
    if layer == "country":
        return {"fillColor": LAND, "fillOpacity": 1, "color": "#8a8a8a", "weight": 1.2}
    if layer == "governorate":
        return {"fillOpacity": 0, "color": "#b9b09a", "weight": 0.8, "dashArray": "4 3"}
    if layer == "lake":
        return {"fillColor": SEA, "fillOpacity": 1, "color": "#8fb3c9", "weight": 0.5}
    return {"color": "#8fb3c9", "weight": 1.2, "fillOpacity": 0}


class Basemap(folium.MacroElement):
    """The bundled basemap, fetched by the browser from the app's own server.

    Embedding it (folium.GeoJson) would put 80 kB into the map script, restyle every
    feature in Python and resend it all on every rerun; fetched, the browser caches it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            fetch({{ this.url|tojson }}).then(function (answer) { return answer.json(); })
              .then(function (data) {
                var styles = {{ this.styles|tojson }};
                L.geoJson(data, {
                    interactive: false,
                    style: function (feature) {
                        return styles[feature.properties.layer] || styles.river;
                    }
                }).addTo({{ this._parent.get_name() }}).bringToBack();
              });
        {% endmacro %}
        """
    )

    def __init__(self, url: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca's MacroElement is untyped
        self._name = "Basemap"
        self.url = url
        self.styles = {
            layer: basemap_style({"properties": {"layer": layer}})
            for layer in ("country", "governorate", "lake", "river")
        }


def base_map(online_tiles: bool = False, assets: Assets | None = None) -> folium.Map:
    """The map without place markers; identical for every date so it never reloads."""
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
    fmap.fit_bounds([list(STORY_BOUNDS[0]), list(STORY_BOUNDS[1])])
    root = fmap.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(folium.Element(MARKER_CSS))
    Basemap(f"{assets.base}/basemap.geojson").add_to(fmap)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="Street map (online)", opacity=0.6).add_to(fmap)
    return fmap


PILL_HEIGHT = 26


def _pixels(place: Place, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel position of a place at ``zoom``."""
    scale = 256 * 2**zoom
    lat = math.radians(place.latlon.lat)
    x = (place.latlon.lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * scale
    return x, y


MAX_LABEL_ROWS = 3  # a label moves at most this many rows down; beyond, it goes compact


def label_offsets(places: list[Place], zoom: int = 7) -> dict[str, tuple[int, int]]:
    """Where each label sits relative to its point, so that labels of near places don't overlap.

    Labels go right of their point; one that would overlap a label already placed moves
    down a row at a time. Computed for the opening zoom; zooming in only spreads them.
    Remembered per set of places: it is quadratic, and the places change only with the data.
    """
    return dict(_label_layout(tuple(places), zoom)[0])


def compact_labels(places: list[Place], zoom: int = 7) -> frozenset[str]:
    """Places too crowded for a named label: they show symbol and count, the name on hover."""
    return _label_layout(tuple(places), zoom)[1]


@lru_cache(maxsize=8)
def _label_layout(
    places: tuple[Place, ...], zoom: int
) -> tuple[tuple[tuple[str, tuple[int, int]], ...], frozenset[str]]:
    boxes: list[tuple[float, float, float, float]] = []
    offsets: dict[str, tuple[int, int]] = {}
    compact: set[str] = set()
    for place in sorted(places, key=lambda p: (-p.latlon.lat, p.id)):
        x, y = _pixels(place, zoom)
        width = 44 + 8.5 * len(place.name)
        dy = -PILL_HEIGHT // 2
        for _ in range(MAX_LABEL_ROWS):
            if not any(
                x - 14 < bx + bw
                and bx < x - 14 + width
                and y + dy < by + bh
                and by < y + dy + PILL_HEIGHT
                for bx, by, bw, bh in boxes
            ):
                boxes.append((x - 14, y + dy, width, PILL_HEIGHT))
                break
            dy += PILL_HEIGHT + 2
        else:
            dy = -PILL_HEIGHT // 2
            compact.add(place.id)
        offsets[place.id] = (-14, dy)
    return tuple(offsets.items()), frozenset(compact)


def marker_html(
    place: Place,
    count: int,
    new: bool,
    selected: bool,
    offset: tuple[int, int] = (-14, -13),
    compact: bool = False,
) -> str:
    """The marker element; carries data-place and data-count for anyone testing the map."""
    symbol, colour, _ = SYMBOLS[place.kind]
    classes = ["place-marker", place.kind.value]
    classes += ["compact"] if compact else []
    classes += ["base"] if place.kind.is_base else []
    classes += ["new"] if new else []
    classes += ["selected"] if selected else []
    classes += ["empty"] if count == 0 else []
    return (
        f'<div class="{" ".join(classes)}" '
        f'style="--c:{colour};--dx:{offset[0]}px;--dy:{offset[1]}px" '
        f'data-place="{escape(place.id)}" data-count="{count}"><span class="pin"></span>'
        f'<span class="pill"><span class="sym" aria-hidden="true">{symbol}</span>'
        f'<span class="name">{escape(place.name)}</span>'
        f'<span class="count" title="events and statements so far">{count}</span></span></div>'
    )


def marker_records(
    places: list[Place], timeline: Timeline, index: int, selected: str | None = None
) -> list[dict[str, Any]]:
    """Each place's marker at stop ``index``: point, HTML and plain tooltip text."""
    new = timeline.new_places(index) if index >= 0 else frozenset()
    offsets, compact = label_offsets(places), compact_labels(places)
    records = []
    for place in places:
        count = timeline.count_at(index, place.id)
        html = marker_html(
            place,
            count,
            place.id in new,
            place.id == selected,
            offsets[place.id],
            place.id in compact,
        )
        tooltip = f"{place.name} ({place.kind.label}): {count} so far. Click to focus."
        records.append(
            {
                "id": place.id,
                "lat": place.latlon.lat,
                "lon": place.latlon.lon,
                "html": html,
                "tooltip": tooltip,
            }
        )
    return records


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
                var keep = {};
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
                        known = {marker: L.marker([p.lat, p.lon], {icon: icon})
                            .bindTooltip(tooltip, {sticky: true}).addTo(store.layer)};
                        store.byId[p.id] = known;
                    }
                    Object.assign(known, {lat: p.lat, lon: p.lon, html: p.html, tooltip: tooltip});
                });
                Object.keys(store.byId).forEach(function (id) {
                    if (keep[id]) { return; }
                    store.layer.removeLayer(store.byId[id].marker);
                    delete store.byId[id];
                });
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
    markers = [record | {"tooltip": escape(record["tooltip"])} for record in records]
    return PlaceLayer(markers)


def place_at(places: list[Place], lat: float, lon: float) -> Place | None:
    """The place whose marker sits at the clicked point."""
    return min(
        (p for p in places if abs(p.latlon.lat - lat) < 1e-6 and abs(p.latlon.lon - lon) < 1e-6),
        key=lambda p: p.id,
        default=None,
    )
