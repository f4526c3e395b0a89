"""The story's records: places, articles, events and their sources. Each checks itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from anyascii import anyascii

from geodata.dates import StoryDate
from geodata.errors import FieldError

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 100
ID_RULE = f"lowercase letters a-z and digits joined by single dashes, at most {ID_MAX} characters"


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be an id (of a place, article or event), or None if it can.

    Ids become file names (``<id>.txt``) and parts of addresses, so the rule is strict: no
    dots, slashes, spaces or capitals can lead a file out of its folder or hide it.
    """
    if len(value) > ID_MAX:
        return f"is {len(value)} characters long"
    if not ID_PATTERN.match(value):
        return "is not lowercase letters and digits joined by single dashes"
    return None


def check_id(value: str) -> str:
    problem = id_problem(value)
    if problem is not None:
        raise FieldError("id", f"id {value!r} {problem}", ID_RULE)
    return value


def slug(text: str, limit: int = 40, default: str = "item") -> str:
    """The id form of any text: transliterated to ASCII, lowercase words joined by dashes.

    The one slug routine for article, place and event ids: "Agência Brasil" becomes
    ``agencia-brasil``, "Тартус" ``tartus``; a text with no letter or digit gives ``default``.
    """
    words = re.findall(r"[a-z0-9]+", anyascii(text).casefold())
    return "-".join(words)[:limit].strip("-") or default


LAT_RANGE = "a latitude from -90 to 90 (north positive), e.g. 34.89"
LON_RANGE = "a longitude from -180 to 180 (east positive), e.g. 35.88"


@dataclass(frozen=True, slots=True)
class LatLon:
    """A WGS84 point in decimal degrees."""

    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not -90 <= self.lat <= 90:
            raise FieldError("lat", f"latitude {self.lat!r} is outside -90..90", LAT_RANGE)
        if not -180 <= self.lon <= 180:
            raise FieldError("lon", f"longitude {self.lon!r} is outside -180..180", LON_RANGE)

    def geojson(self) -> list[float]:
        """GeoJSON's axis order: ``[lon, lat]``."""
        return [self.lon, self.lat]


class PlaceKind(Enum):
    NAVAL_BASE = "naval_base"
    AIR_BASE = "air_base"
    CITY = "city"
    PROVINCE = "province"
    COUNTRY = "country"
    REGION = "region"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def is_base(self) -> bool:
        return self in (PlaceKind.NAVAL_BASE, PlaceKind.AIR_BASE)


@dataclass(frozen=True, slots=True)
class Place:
    """A named place of the gazetteer with its point and other spellings."""

    id: str
    name: str
    kind: PlaceKind
    latlon: LatLon
    country: str
    governorate: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    coordinates_source: str = ""
    draft: bool = False

    def __post_init__(self) -> None:
        check_id(self.id)
        if not self.name.strip():
            raise FieldError("name", f"place {self.id!r} has an empty name", "a name")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class DateBasis(Enum):
    """How an article's publication date is known."""

    STATED = "stated"
    INFERRED = "inferred"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: metadata and its verbatim text."""

    id: str
    outlet: str
    headline: str
    published: StoryDate
    published_basis: DateBasis
    published_reasoning: str
    body: str
    path: str
    body_line: int = 1
    url: str | None = None
    seed: str | None = None
    notes: tuple[str, ...] = ()
    draft: bool = False

    def __post_init__(self) -> None:
        check_id(self.id)

    def line_at(self, offset: int) -> int:
        """The file line of a character offset into ``body``."""
        return self.body_line + self.body.count("\n", 0, offset)


class EventKind(Enum):
    MILITARY = "military"
    POLITICAL = "political"
    DIPLOMATIC = "diplomatic"
    STATEMENT = "statement"
    BACKGROUND = "background"


@dataclass(frozen=True, slots=True)
class Source:
    """Where an event is told: an article and its exact sentence (and quote)."""

    article: str
    sentence: str
    quote: str | None = None
    date_text: str | None = None
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A fidelity warning an event accepts, and the reason recorded for it.

    ``on`` narrows it to one subject: a place id, the other event's id of a pair,
    or a source ("source[2]"); without it, every finding of that check is accepted.
    """

    check: str
    reason: str
    on: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened or was said, dated, placed and sourced."""

    id: str
    kind: EventKind
    summary: str
    when: StoryDate
    places: tuple[str, ...]
    sources: tuple[Source, ...]
    actor: str | None = None
    role: str | None = None
    note: str | None = None
    file: str = ""
    line: int | None = None
    draft: bool = False
    indirect: bool = False
    same_as: str | None = None
    accepted: tuple[Acceptance, ...] = ()

    def __post_init__(self) -> None:
        check_id(self.id)
        if not self.places:
            raise FieldError("places", f"event {self.id!r} has no place", "a place id")
        if not self.sources:
            raise FieldError("source", f"event {self.id!r} has no source", "[[event.source]]")

    @property
    def quote(self) -> str | None:
        """The first quote its sources give, if any."""
        return next((s.quote for s in self.sources if s.quote), None)

    @property
    def speaker(self) -> str | None:
        """'Dmitry Peskov, Kremlin spokesman' or whichever part is known."""
        parts = [part for part in (self.actor, self.role) if part]
        return ", ".join(parts) or None


@dataclass(frozen=True, slots=True)
class Story:
    """Everything valid that was read: places by id, articles by id, events by date."""

    places: dict[str, Place] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    events: tuple[Event, ...] = ()

    def places_with_events(self) -> tuple[Place, ...]:
        used = {place_id for event in self.events for place_id in event.places}
        return tuple(place for place in self.places.values() if place.id in used)
