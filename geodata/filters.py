"""Narrowing the story: a filter (kinds, actors, outlets, places, words) and the search behind it.

Search forgives case, accents and the transliterations the gazetteer knows (Khmeimim/Hmeimim,
Tartous/Tartus): every word is folded with the gazetteer's own ``name_key``. Pure Python.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from geodata.errors import FilterError as FilterError  # re-exported: imported from here too
from geodata.errors import did_you_mean
from geodata.gazetteer import Gazetteer, name_key
from geodata.models import Event, EventKind, Story

_WORD = re.compile(r"\w+")
# The URL keys of a filter; "place" is already the focused place, so the filter's places are
# "where" and the words "q", as search boxes usually write them.
QUERY_KEYS = ("kind", "actor", "outlet", "where", "q")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word as the gazetteer folds names: 'Khmeimim' and 'Hmeimim' give the same key."""
    return name_key(word)


def fold_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, in order, without empty ones."""
    return tuple(key for word in _WORD.findall(text) if (key := fold_word(word)))


def _values(values: Iterable[str]) -> frozenset[str]:
    return frozenset(value.strip() for value in values if value.strip())


@dataclass(frozen=True, slots=True)
class Filter:
    """What a reader narrowed the story to. Empty parts match everything.

    Several values of one part are alternatives (statement OR military); the parts combine
    (statement AND Dmitry Peskov). ``text`` matches when every one of its words begins a word
    of the event's summary, quotes, source sentences, actor, role or place names.
    """

    kinds: frozenset[EventKind] = frozenset()
    actors: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    text: str = ""

    def __post_init__(self) -> None:
        for part in (self.actors, self.outlets, self.places):
            if any(not value or value != value.strip() for value in part):
                raise ValueError(f"filter values must be non-empty and trimmed: {sorted(part)!r}")
        if self.text != " ".join(self.text.split()):
            raise ValueError(f"filter text {self.text!r} must have single spaces and no edges")

    @classmethod
    def of(
        cls,
        kinds: Iterable[str | EventKind] = (),
        actors: Iterable[str] = (),
        outlets: Iterable[str] = (),
        places: Iterable[str] = (),
        text: str = "",
    ) -> Filter:
        """A filter from loose values (trimmed, blanks dropped); raise ValueError for a bad kind."""
        return cls(
            kinds=frozenset(_kind(kind) for kind in kinds if str(kind).strip()),
            actors=_values(actors),
            outlets=_values(outlets),
            places=_values(places),
            text=" ".join(text.split()),
        )

    @classmethod
    def from_query(cls, query: Mapping[str, Sequence[str]]) -> Filter:
        """The filter written in a URL's query (see ``to_query``); unknown kinds are dropped."""
        known = {kind.value for kind in EventKind}
        return cls.of(
            kinds=[kind for kind in query.get("kind", ()) if kind in known],
            actors=query.get("actor", ()),
            outlets=query.get("outlet", ()),
            places=query.get("where", ()),
            text=" ".join(query.get("q", ())),
        )

    def to_query(self) -> dict[str, list[str]]:
        """The filter as URL query values, sorted so one filter always gives one URL."""
        query = {
            "kind": sorted(kind.value for kind in self.kinds),
            "actor": sorted(self.actors),
            "outlet": sorted(self.outlets),
            "where": sorted(self.places),
            "q": [self.text] if self.text else [],
        }
        return {key: values for key, values in query.items() if values}

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.actors or self.outlets or self.places or self.text)

    def describe(self, place_names: Mapping[str, str] | None = None) -> str:
        """Plain words for the filter: 'Kind: statement · Speaker: Dmitry Peskov', or ''."""
        names = place_names or {}
        parts = []
        if self.kinds:
            kinds = [kind.value for kind in EventKind if kind in self.kinds]
            parts.append("Kind: " + " or ".join(kinds))
        if self.actors:
            parts.append("Who: " + " or ".join(sorted(self.actors)))
        if self.outlets:
            parts.append("Outlet: " + " or ".join(sorted(self.outlets)))
        if self.places:
            parts.append("Place: " + " or ".join(sorted(names.get(p, p) for p in self.places)))
        if self.text:
            parts.append(f"Words: “{self.text}”")
        return " · ".join(parts)


def _kind(kind: str | EventKind) -> EventKind:
    if isinstance(kind, EventKind):
        return kind
    try:
        return EventKind(kind.strip().lower())
    except ValueError:
        known = ", ".join(k.value for k in EventKind)
        raise ValueError(f"kind {kind!r} is not one of {known}") from None


@dataclass(frozen=True, slots=True)
class Facet:
    """One value a reader can filter on, with how many events have it."""

    value: str
    label: str
    count: int


class EventIndex:
    """The events of a story prepared for filtering: folded words and outlets, computed once."""

    def __init__(self, story: Story, events: Iterable[Event] | None = None) -> None:
        self.story = story
        self.events: tuple[Event, ...] = tuple(story.events if events is None else events)
        self._words: dict[str, str] = {}
        self._outlets: dict[str, frozenset[str]] = {}
        self._facets: dict[str, list[Facet]] | None = None
        for event in self.events:
            self._words[event.id] = " " + " ".join(fold_words(self._searchable(event)))
            self._outlets[event.id] = frozenset(
                story.articles[s.article].outlet
                for s in event.sources
                if s.article in story.articles
            )

    def _searchable(self, event: Event) -> str:
        places = [self.story.places[p] for p in event.places if p in self.story.places]
        texts = [event.summary, event.actor or "", event.role or "", event.note or ""]
        texts += [name for place in places for name in place.names]
        for source in event.sources:
            texts += [source.sentence, source.quote or "", source.note or ""]
        return "\n".join(texts)

    def outlets_of(self, event: Event) -> frozenset[str]:
        return self._outlets.get(event.id, frozenset())

    def says(self, event: Event, text: str) -> bool:
        """Whether every word of ``text`` begins a word of the event's searchable text."""
        return self._says(event, [" " + word for word in fold_words(text)])

    def _says(self, event: Event, starts: list[str]) -> bool:
        words = self._words.get(event.id)
        return words is not None and all(start in words for start in starts)

    def matches(self, event: Event, wanted: Filter) -> bool:
        """Whether ``event`` has every part of the filter (any of a part's values)."""
        return self._matches(event, wanted, [" " + word for word in fold_words(wanted.text)])

    def _matches(self, event: Event, wanted: Filter, starts: list[str]) -> bool:
        if wanted.kinds and event.kind not in wanted.kinds:
            return False
        if wanted.actors and event.actor not in wanted.actors:
            return False
        if wanted.places and wanted.places.isdisjoint(event.places):
            return False
        if wanted.outlets and wanted.outlets.isdisjoint(self.outlets_of(event)):
            return False
        return not wanted.text or self._says(event, starts)

    def select(self, wanted: Filter) -> list[Event]:
        """The indexed events the filter keeps, in their order."""
        if not wanted.active:
            return list(self.events)
        starts = [" " + word for word in fold_words(wanted.text)]  # folded once, not per event
        return [event for event in self.events if self._matches(event, wanted, starts)]

    def facets(self) -> dict[str, list[Facet]]:
        """Every kind, actor, outlet and place of the events, most frequent first."""
        if self._facets is None:
            self._facets = self._count_facets()
        return self._facets

    def _count_facets(self) -> dict[str, list[Facet]]:
        kinds = Counter(event.kind.value for event in self.events)
        actors = Counter(event.actor for event in self.events if event.actor)
        outlets = Counter(o for event in self.events for o in self.outlets_of(event))
        places = Counter(p for event in self.events for p in event.places)
        names = {p.id: p.name for p in self.story.places.values()}
        return {
            "kind": [Facet(k.value, k.value, kinds[k.value]) for k in EventKind if kinds[k.value]],
            "actor": _ranked(actors, {}),
            "outlet": _ranked(outlets, {}),
            "where": _ranked(places, names),
        }

    def check(self, wanted: Filter) -> None:
        """Raise FilterError naming every actor, outlet or place no event has (with the fix)."""
        facets = self.facets()
        problems = []
        for key, label, values in (
            ("actor", "actor", wanted.actors),
            ("outlet", "outlet", wanted.outlets),
            ("where", "place", wanted.places),
        ):
            known = [facet.value for facet in facets[key]]
            for value in sorted(set(values) - set(known)):
                problems.append(f"{label} {value!r} is in no event; {_choices(value, known)}")
        if problems:
            raise FilterError("the filter matches nothing it names:\n  " + "\n  ".join(problems))


def _ranked(counts: Counter[str], labels: Mapping[str, str]) -> list[Facet]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], labels.get(item[0], item[0])))
    return [Facet(value, labels.get(value, value), count) for value, count in ordered]


def _choices(value: str, known: Sequence[str]) -> str:
    """'did you mean ...' by folded spelling, else the list of known values."""
    key = name_key(value)
    close = [k for k in known if name_key(k) == key or key and key in name_key(k)]
    if close:
        return did_you_mean(close[:3]) or ""
    return "known: " + ", ".join(map(repr, known[:12])) + (" ..." if len(known) > 12 else "")


def place_ids(story: Story, names: Iterable[str]) -> list[str]:
    """Place ids for ids or names in any known spelling; FilterError naming the unknown ones."""
    gazetteer = Gazetteer(story.places.values())
    found, unknown = [], []
    for name in names:
        place = gazetteer.find(name)
        if place is None:
            hint = gazetteer.suggest(name)
            unknown.append(f"{name!r}" + (f" (did you mean {', '.join(hint)}?)" if hint else ""))
        else:
            found.append(place.id)
    if unknown:
        raise FilterError("no place is called " + ", ".join(unknown))
    return found


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """--kind/--actor/--outlet/--place (each repeatable: any of them) and --search."""
    filters = parser.add_argument_group(
        "filters", "narrow the story as the map page does; repeat an option for several values"
    )
    kinds = [kind.value for kind in EventKind]
    filters.add_argument("--kind", action="append", default=[], choices=kinds)
    filters.add_argument("--actor", action="append", default=[], metavar="NAME")
    filters.add_argument("--outlet", action="append", default=[], metavar="NAME")
    filters.add_argument(
        "--place", action="append", default=[], metavar="PLACE", help="a place id or name"
    )
    filters.add_argument("--search", default="", metavar="WORDS", help="words every event has")


def filter_from_arguments(story: Story, args: argparse.Namespace) -> Filter:
    """The filter a command line asked for (places by any spelling); FilterError if unknown."""
    return Filter.of(
        kinds=args.kind,
        actors=args.actor,
        outlets=args.outlet,
        places=place_ids(story, args.place),
        text=args.search,
    )


def filtered_story(story: Story, wanted: Filter) -> Story:
    """``story`` with only the events ``wanted`` keeps (all of them without a filter).

    Raises FilterError when the filter names an actor, outlet or place no event has.
    """
    if not wanted.active:
        return story
    index = EventIndex(story)
    index.check(wanted)
    return replace(story, events=tuple(index.select(wanted)))
