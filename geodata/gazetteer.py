"""The gazetteer: places, their other spellings, and a forgiving lookup by name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from anyascii import anyascii

from geodata.errors import FieldError, Issue, Severity, UnknownPlaceError
from geodata.fields import FieldReader, IdLines, bidi_issues, tables
from geodata.models import LAT_RANGE, LON_RANGE, LatLon, Place, PlaceKind

# Transliteration habits: Khmeimim/Hmeimim, Tartous/Tartus, Lattakia/Latakia, Idleb/Idlib,
# Jablah/Jableh.
_SPELLING = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"(?<=[a-z])[ae]h\b"), "a"),
    (re.compile(r"(?<=[a-z])e(?=[a-z])"), "i"),
    (re.compile(r"([a-z])\1"), r"\1"),
)
_LEADING = re.compile(r"^(?:the|al|el|ar|as|ad|at|an)\s+")
_PLACE_FIELDS = {
    "id",
    "name",
    "kind",
    "lat",
    "lon",
    "country",
    "governorate",
    "aliases",
    "description",
    "coordinates_source",
    "draft",
}


def name_key(name: str) -> str:
    """Fold a name to a key that spellings of the same place share.

    Any script is transliterated first (anyascii: "Тартус" -> "Tartus", "Ţarţūs" ->
    "Tartus", "طرطوس" -> "trtws"); a name with no letter or digit folds to "".
    """
    text = anyascii(name).casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = _LEADING.sub("", text)
    for pattern, replacement in _SPELLING:
        text = pattern.sub(replacement, text)
    return text.replace(" ", "")


class Gazetteer:
    """Places by id, found by any of their names, forgiving case, accents and spelling."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places: dict[str, Place] = {}
        self._by_key: dict[str, Place] = {}
        for place in places:
            self.places[place.id] = place
            for name in (place.id, *place.names):
                if key := name_key(name):
                    self._by_key.setdefault(key, place)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self.places

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places.values())

    def __len__(self) -> int:
        return len(self.places)

    def find(self, name: str) -> Place | None:
        """The place called ``name`` in any known spelling, or None (never for a name that
        folds to nothing, such as "...")."""
        key = name_key(name)
        return self.places.get(name) or (self._by_key.get(key) if key else None)

    def suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        """Ids of the places whose names come closest to ``name``."""
        if not name_key(name):
            return ()
        keys = difflib.get_close_matches(name_key(name), self._by_key, n=limit * 3, cutoff=0.6)
        ids = dict.fromkeys(self._by_key[key].id for key in keys)
        return tuple(ids)[:limit]

    def lookup(self, name: str) -> Place:
        """The place called ``name``; raise UnknownPlaceError with the closest matches."""
        place = self.find(name)
        if place is None:
            raise UnknownPlaceError(name, self.suggest(name))
        return place


def parse_places(data: Mapping[str, Any], file: str, raw: str) -> tuple[list[Place], list[Issue]]:
    """Build the places of a parsed ``places.toml``; bad entries become issues."""
    if "place" not in data:
        return [], [
            Issue(
                file=file,
                problem="has no [[place]] entries",
                field="place",
                expected="[[place]] tables",
                fix="add the places (see articles/README.md)",
            )
        ]
    found, issues = tables(data, "place", file, "place")
    places: list[Place] = []
    seen: dict[str, int | None] = {}
    lines = IdLines(raw)
    for number, table in enumerate(found, 1):
        place_id = table.get("id") if isinstance(table.get("id"), str) else None
        line = lines.next(place_id)
        label = place_id or f"place #{number}"
        reader = FieldReader(table, file, line, event=None, prefix=f"{label}.")
        place = _read_place(reader)
        issues.extend(reader.issues)
        issues.extend(bidi_issues(table, file, line, None, prefix=f"{label}."))
        if place is None:
            continue
        if place.id in seen:
            issues.append(
                Issue(
                    file=file,
                    problem=f"place id {place.id!r} is used twice",
                    line=line,
                    field="id",
                    expected="unique ids",
                    fix=f"rename one; the first is on line {seen[place.id]}",
                )
            )
            continue
        seen[place.id] = line
        places.append(place)
        if place.draft:
            issues.append(
                Issue(
                    file=file,
                    problem=f"place {place.id!r} is a draft ({place.coordinates_source})",
                    line=line,
                    expected="a reviewed place",
                    fix="check name, kind and coordinates, then delete draft = true",
                    severity=Severity.REVIEW,
                )
            )
    return places, issues


def _read_place(reader: FieldReader) -> Place | None:
    reader.unknown_keys(_PLACE_FIELDS)
    place_id, name = reader.ident("id"), reader.text("name")
    kind = reader.choice("kind", PlaceKind)
    lat, lon = reader.number("lat", -90, 90, LAT_RANGE), reader.number("lon", -180, 180, LON_RANGE)
    country = reader.text("country")
    governorate = reader.text("governorate", required=False)
    aliases = reader.texts("aliases", required=False)
    description = reader.text("description", required=False) or ""
    source = reader.text("coordinates_source", required=False) or ""
    draft = reader.table.get("draft", False) is True
    if place_id is None or name is None or kind is None or country is None:
        return None
    if lat is None or lon is None:
        return None
    try:
        return Place(
            id=place_id,
            name=name,
            kind=kind,
            latlon=LatLon(lat, lon),
            country=country,
            governorate=governorate,
            aliases=aliases,
            description=description,
            coordinates_source=source,
            draft=draft,
        )
    except FieldError as error:
        reader.problem(error.field, str(error), error.expected)
        return None
