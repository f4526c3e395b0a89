"""The gazetteer: places, their other spellings, and a forgiving lookup by name."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from geodata.errors import Issue, Severity, UnknownPlaceError
from geodata.fields import FieldReader, id_lines
from geodata.models import LatLon, Place, PlaceKind

# Letters that accent-stripping leaves alone, and transliteration habits:
# Khmeimim/Hmeimim, Tartous/Tartus, Lattakia/Latakia, Idleb/Idlib, Jablah/Jableh.
_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "æ": "ae"})
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
    """Fold a name to a key that spellings of the same place share."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
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
                self._by_key.setdefault(name_key(name), place)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self.places

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places.values())

    def __len__(self) -> int:
        return len(self.places)

    def find(self, name: str) -> Place | None:
        """The place called ``name`` in any known spelling, or None."""
        return self.places.get(name) or self._by_key.get(name_key(name))

    def suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        """Ids of the places whose names come closest to ``name``."""
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
    tables = data.get("place")
    if not isinstance(tables, list):
        return [], [
            Issue(file, "has no [[place]] entries", field="place", expected="[[place]] tables")
        ]
    places: list[Place] = []
    issues: list[Issue] = []
    seen: dict[str, int | None] = {}
    lines = id_lines(raw)
    for number, table in enumerate(tables, 1):
        place_id = table.get("id") if isinstance(table.get("id"), str) else None
        line = lines.get(place_id) if place_id else None
        label = place_id or f"place #{number}"
        reader = FieldReader(table, file, line, event=None, prefix=f"{label}.")
        place = _read_place(reader)
        issues.extend(reader.issues)
        if place is None:
            continue
        if place.id in seen:
            issues.append(
                Issue(
                    file,
                    f"place id {place.id!r} is used twice",
                    line,
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
                    file,
                    f"place {place.id!r} is a draft ({place.coordinates_source})",
                    line,
                    expected="a reviewed place",
                    fix="check name, kind and coordinates, then delete draft = true",
                    severity=Severity.REVIEW,
                )
            )
    return places, issues


def _read_place(reader: FieldReader) -> Place | None:
    reader.unknown_keys(_PLACE_FIELDS)
    place_id, name = reader.text("id"), reader.text("name")
    kind = reader.choice("kind", PlaceKind)
    lat, lon = reader.number("lat"), reader.number("lon")
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
    except ValueError as error:
        reader.problem("id" if "id" in str(error) else "lat", str(error))
        return None
