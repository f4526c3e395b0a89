"""Finding the places an article names: gazetteer spellings, descriptions, and new names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geopy.distance import geodesic  # type: ignore[import-untyped]

from geodata.gazetteer import Gazetteer, name_key
from geodata.ingest.geocoding import GeocodedPlace
from geodata.models import Place, PlaceKind

_TOKEN = re.compile(r"[^\W_]+(?:[-'’](?!s\b)[^\W_]+)*([’']s\b)?")
_LONGEST = 7
_BASE_WORDS = re.compile(
    r"\b(?P<kind>air ?base|airfield|air field|naval (?:base|facility)|naval port|port facility)"
    r"\s+(?:near|in|at|outside|close to|of)\s+(?:the\s+(?:city|town|port)\s+of\s+)?$",
    re.IGNORECASE,
)
_PROVINCE_AFTER = re.compile(
    r"^\s+(?:and\s+(?P<other>[A-Z][\w-]+)\s+)?(?:provinces?|governorates?)\b"
)
_OPENING = re.compile(r"(?:In|At|Near|From|Outside|Around|Across|Inside)\s+(?=\S)")
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|to|into|toward|towards|outside|around|across|through|via|of|"
    r"entered|entering|reached|reaching|left|leaving|took|captured|seized)|[A-Z][\w-]+,?\s+and)\s+"
    r"(?:the\s+)?(?:(?:city|town|port|village|province|region) of\s+)?$"
)
_NEAREST_KM = 60.0
_BASE_KM = 15.0
_BASE_AFTER = re.compile(r"^\s+(?:naval\s+|air\s*)?(?:bases?|facility|facilities)\b")
_FUNCTION_WORDS = frozenset(
    "in at from to near the on and but of for with by into outside across over as while "
    "after before since when where a an this that both".split()
)

Geocode = Callable[[str], GeocodedPlace | None]


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the text: which place (or a new one), the words, and where."""

    text: str
    start: int
    end: int
    place: Place | None = None
    new: GeocodedPlace | None = None

    @property
    def key(self) -> str:
        return self.place.id if self.place else name_key(self.new.name if self.new else self.text)


def find_mentions(text: str, gazetteer: Gazetteer, geocode: Geocode | None = None) -> list[Mention]:
    """Every place named in ``text``, left to right; unknown names go to ``geocode``."""
    tokens = [(m.start(), m.end() - len(m.group(1) or "")) for m in _TOKEN.finditer(text)]
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        found = _gazetteer_match(text, tokens, index, gazetteer)
        if found is None:
            index += 1
            continue
        place, last = found
        start, end = tokens[index][0], tokens[last][1]
        mentions.extend(_with_context(text, start, end, place, gazetteer))
        index = last + 1
    if geocode is not None:
        mentions.extend(_new_names(text, tokens, mentions, geocode))
    return sorted(mentions, key=lambda m: m.start)


def _gazetteer_match(
    text: str, tokens: list[tuple[int, int]], index: int, gazetteer: Gazetteer
) -> tuple[Place, int] | None:
    for last in range(min(len(tokens), index + _LONGEST) - 1, index - 1, -1):
        words = text[tokens[index][0] : tokens[last][1]]
        if not any(_capitalised(text[s:e]) for s, e in tokens[index : last + 1]):
            continue
        place = gazetteer.find(words)
        if place is None:
            continue
        if last == index and _inside_name(text, tokens, index):
            return None
        return place, last
    return None


def _capitalised(word: str) -> bool:
    first = word[0]
    bare = re.sub(r"^(?:al|el|ad|ar|as|an|at)-", "", word)
    return first.isupper() or not first.isascii() and not first.islower() or bare[:1].isupper()


def _inside_name(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """'al-Sham' in 'Hayat Tahrir al-Sham' is part of another name, not Damascus."""
    if index == 0:
        return False
    start, end = tokens[index - 1]
    between = text[end : tokens[index][0]]
    word = text[start:end]
    return (
        between == " "
        and word[0].isupper()
        and not word.isupper()
        and word.lower() not in _FUNCTION_WORDS
    )


def _with_context(
    text: str, start: int, end: int, place: Place, gazetteer: Gazetteer
) -> list[Mention]:
    mentions = [Mention(text[start:end], start, end, place)]
    described = _BASE_WORDS.search(text[max(0, start - 60) : start])
    if described and not place.kind.is_base:
        kind = described.group("kind").lower()
        wanted = PlaceKind.NAVAL_BASE if "naval" in kind or "port" in kind else PlaceKind.AIR_BASE
        base = _nearest(gazetteer, place, wanted)
        if base is not None:
            begin = start - len(described.group(0))
            mentions.insert(0, Mention(text[begin:end], begin, end, base))
    base_after = _BASE_AFTER.match(text[end:])
    if base_after and place.kind is PlaceKind.CITY:
        bases = [_nearest(gazetteer, place, k) for k in (PlaceKind.NAVAL_BASE, PlaceKind.AIR_BASE)]
        near = [b for b in bases if b is not None and _km(b, place) <= _BASE_KM]
        if near:
            mentions[-1] = Mention(
                text[start:end], start, end, min(near, key=lambda b: _km(b, place))
            )
    province = _PROVINCE_AFTER.match(text[end:])
    if province and place.kind is PlaceKind.CITY:
        whole = gazetteer.find(f"{place.name} province")
        if whole is not None:
            mentions[-1] = Mention(text[start:end], start, end, whole)
        other = province.group("other")
        other_place = gazetteer.find(f"{other} province") if other else None
        if other and other_place is not None:
            offset = end + province.start("other")
            mentions.append(Mention(other, offset, offset + len(other), other_place))
    return mentions


def _km(a: Place, b: Place) -> float:
    return float(geodesic((a.latlon.lat, a.latlon.lon), (b.latlon.lat, b.latlon.lon)).km)


def _nearest(gazetteer: Gazetteer, near: Place, kind: PlaceKind) -> Place | None:
    def distance(place: Place) -> float:
        return _km(place, near)

    bases = [place for place in gazetteer if place.kind is kind]
    best = min(bases, key=distance, default=None)
    return best if best is not None and distance(best) <= _NEAREST_KM else None


def _new_names(
    text: str, tokens: list[tuple[int, int]], known: list[Mention], geocode: Geocode
) -> list[Mention]:
    covered = [(m.start, m.end) for m in known]
    found: list[Mention] = []
    for start, end in _capitalised_runs(text, tokens):
        # A sentence may open with a capitalised preposition: "In Hama, officials said".
        opening = _OPENING.match(text, start, end)
        if opening is not None:
            start = opening.end()
        if any(s < end and start < e for s, e in covered):
            continue
        dateline = text[start:end].isupper() and (start == 0 or text[start - 1] == "\n")
        possessive = text[end : end + 2] in ("'s", "’s")
        locative = opening is not None or _LOCATIVE.search(text[max(0, start - 40) : start])
        if not (dateline or possessive or locative):
            continue
        place = geocode(text[start:end])
        # "Syria's": a possessive names a place only when it is a country, not a person.
        if place is not None and (not possessive or place.kind is PlaceKind.COUNTRY):
            found.append(Mention(text[start:end], start, end, new=place))
    return found


def _capitalised_runs(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in tokens:
        if not _capitalised(text[start:end]):
            current = None
            continue
        if current is not None and text[current[1] : start] == " ":
            current = (current[0], end)
            runs[-1] = current
        else:
            current = (start, end)
            runs.append(current)
    return runs
