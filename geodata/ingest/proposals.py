"""Proposing an article's places, dates, statements and events for a person to review."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from geodata.dates import StoryDate
from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import GeocodedPlace
from geodata.ingest.mentions import Geocode, Mention, find_mentions
from geodata.ingest.quotes import Quote, find_quotes
from geodata.ingest.sentences import Sentence, split_sentences
from geodata.ingest.timex import Timex, find_timexes
from geodata.models import Event, EventKind, slug

_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Za-z .'-]+?)\s*(?:,|\(|:|—)")
_MILITARY = re.compile(
    r"\b(?:troops|forces|offensive|attack|strike|aircraft|warships?|ships?|withdr[ae]w\w*|"
    r"evacuat\w*|deploy\w*|military|fighters|convoy|airlift\w*|base)\b",
    re.IGNORECASE,
)
_DIPLOMATIC = re.compile(
    r"\b(?:talks|negotiat\w*|delegation|visit\w*|met|meeting|agreement|treaty|envoy|"
    r"ambassador|diplomat\w*|foreign minist\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ProposedSource:
    sentence: str
    quote: str | None = None
    date_text: str | None = None


@dataclass
class ProposedEvent:
    """An event for the reviewer: everything but the summary, which a person writes."""

    id: str
    kind: EventKind
    when: StoryDate
    places: list[str]
    sources: list[ProposedSource]
    actor: str | None = None
    role: str | None = None
    same_as: str | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass
class Proposal:
    """Everything found in one article."""

    mentions: list[Mention]
    timexes: list[Timex]
    quotes: list[Quote]
    events: list[ProposedEvent]

    @property
    def new_places(self) -> dict[str, GeocodedPlace]:
        return {m.key: m.new for m in self.mentions if m.new is not None}


def propose(
    body: str,
    published: date,
    gazetteer: Gazetteer,
    existing: Iterable[Event] = (),
    geocode: Geocode | None = None,
    prefix: str = "draft",
) -> Proposal:
    """Read ``body`` and propose its places, dates, statements and events."""
    sentences = split_sentences(body)
    mentions = find_mentions(body, gazetteer, geocode)
    timexes = find_timexes(body, published)
    quotes = find_quotes(sentences)
    builder = _Builder(sentences, mentions, timexes, published, prefix)
    events = builder.statements(quotes) + builder.happenings(quotes)
    _link(events, list(existing))
    return Proposal(mentions, timexes, quotes, events)


class _Builder:
    def __init__(
        self,
        sentences: list[Sentence],
        mentions: list[Mention],
        timexes: list[Timex],
        published: date,
        prefix: str,
    ) -> None:
        self.sentences, self.mentions, self.timexes = sentences, mentions, timexes
        self.published, self.prefix = published, prefix
        counts = Counter(m.key for m in mentions)
        self.main_place = counts.most_common(1)[0][0] if counts else None
        self.dateline = self._dateline(gazetteer_keys={m.key for m in mentions})
        self.ids: Counter[str] = Counter()

    def _dateline(self, gazetteer_keys: set[str]) -> str | None:
        for sentence in self.sentences[:6]:
            match = _DATELINE.match(sentence.text)
            if match and match.group("place").isupper():
                inside = self._in(self.mentions, sentence)
                if inside and inside[0].start == sentence.start:
                    return inside[0].key
        return None

    @staticmethod
    def _in(items: list[Mention], sentence: Sentence) -> list[Mention]:
        return [m for m in items if sentence.start <= m.start < sentence.end]

    def _dates(self, sentence: Sentence) -> list[Timex]:
        return [t for t in self.timexes if sentence.start <= t.start < sentence.end]

    def _id(self, words: str) -> str:
        base = f"{self.prefix}-{slug(words, 40, 'event')}"
        self.ids[base] += 1
        return base if self.ids[base] == 1 else f"{base}-{self.ids[base]}"

    def statements(self, quotes: list[Quote]) -> list[ProposedEvent]:
        events: list[ProposedEvent] = []
        for quote in quotes:
            dates = self._dates(quote.sentence)
            when = dates[0].when if dates else StoryDate.day(self.published)
            source = ProposedSource(
                quote.sentence.text, quote.text, dates[0].text if dates else None
            )
            last = events[-1] if events else None
            if last and last.actor == quote.speaker and last.when == when:
                last.sources.append(source)
                continue
            places = [m.key for m in self._in(self.mentions, quote.sentence)]
            reasons = [] if dates else ["date: the publication date (the sentence gives none)"]
            if not places:
                fallback = self.dateline or self.main_place
                places = [fallback] if fallback else []
                reasons.append("places: the dateline or the place the article names most")
            events.append(
                ProposedEvent(
                    self._id(f"{quote.speaker} {when.code}"),
                    EventKind.STATEMENT,
                    when,
                    list(dict.fromkeys(places)),
                    [source],
                    quote.speaker,
                    quote.role,
                    reasons=reasons,
                )
            )
        return [event for event in events if event.places]

    def happenings(self, quotes: list[Quote]) -> list[ProposedEvent]:
        quoted = {q.sentence.start for q in quotes}
        grouped: dict[tuple[str, tuple[str, ...]], ProposedEvent] = {}
        for sentence in self.sentences:
            dates, places = self._dates(sentence), self._in(self.mentions, sentence)
            if sentence.start in quoted or not dates or not places:
                continue
            keys = tuple(dict.fromkeys(m.key for m in places))
            when = dates[0].when
            source = ProposedSource(sentence.text, None, dates[0].text)
            known = grouped.get((when.code, keys))
            if known is not None:
                known.sources.append(source)
                continue
            grouped[(when.code, keys)] = ProposedEvent(
                self._id(f"{keys[0]} {when.code}"),
                _kind(sentence.text, when, self.published),
                when,
                list(keys),
                [source],
                reasons=["kind: guessed from the sentence's words"],
            )
        return list(grouped.values())


def _kind(text: str, when: StoryDate, published: date) -> EventKind:
    if (published - when.end).days > 365:
        return EventKind.BACKGROUND
    if _MILITARY.search(text):
        return EventKind.MILITARY
    if _DIPLOMATIC.search(text):
        return EventKind.DIPLOMATIC
    return EventKind.POLITICAL


def _link(events: list[ProposedEvent], existing: list[Event]) -> None:
    """Mark a proposal that repeats a known event: same date, a shared place, same actor."""
    for event in events:
        for known in existing:
            if known.when != event.when or not set(known.places) & set(event.places):
                continue
            text = " ".join(source.sentence for source in event.sources)
            actor = known.actor or ""
            same_actor = (event.actor or "") == actor or (
                event.actor is None and actor and actor.split()[-1] in text
            )
            if same_actor:
                event.same_as = known.id
                break
