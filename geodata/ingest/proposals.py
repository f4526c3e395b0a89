"""Proposing an article's places, dates, statements and events for a person to review.

The lead (the first sentence of the news, after any dateline) is always an event, dated by
its own words, else the dateline ("MOSCOW, October 16. /TASS/."), else the publication day.
A sentence's date is its main clause's: a date in a background clause ("following the
toppling of Assad in 2024", "who toppled Assad late last year") does not date it. A quote's
statement is dated when the speaking happened: a day in its sentence, else the lead's date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from geodata.dates import DatePrecision, StoryDate
from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import GeocodedPlace
from geodata.ingest.mentions import Geocode, Mention, find_mentions
from geodata.ingest.quotes import Quote, find_quotes
from geodata.ingest.sentences import Sentence, split_sentences, unwrap
from geodata.ingest.timex import Timex, find_timexes
from geodata.models import Event, EventKind, slug

_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'-]*[A-Z])\s*(?:,|\(|:|—|–|-|$)")
_MILITARY = re.compile(
    r"\b(?:troops|forces|offensive|attack\w*|strikes?|struck|aircraft|warships?|ships?|"
    r"withdr[ae]w\w*|evacuat\w*|deploy\w*|fighters|convoy|airlift\w*|clash\w*|fighting)\b",
    re.IGNORECASE,
)
_DIPLOMATIC = re.compile(
    r"\b(?:talks|negotiat\w*|delegation|visit\w*|met|meets?|meeting|agreement|treaty|envoy|"
    r"ambassador|diplomat\w*|foreign minist\w*|summit)\b",
    re.IGNORECASE,
)
# Words that open a background clause: a date after them does not date the sentence.
_BACKGROUND = re.compile(
    r"\b(?:following|since|after|before|until|amid|toppl\w+|ouster|ousted|overthr\w+|"
    r"fall of|collapse|who|which|whose|when|once|previously|formerly)\b(?P<tail>[^.;:]{0,70})$",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][\w'’-]+|al-[A-Z][\w'’-]+)"
_SPEAKER = re.compile(
    rf"(?P<name>(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})\s+(?:also\s+)?"
    r"(?:said|says|told|stated|announced|proposed|warned|confirmed)\b"
)
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|near|of|outside|inside|to|for)\s+(?:the\s+)?$")
_NOT_ACTORS = frozenset(
    "The A An It This That He She They We Kremlin President Minister Foreign Defense Defence "
    "Prime Deputy Secretary Spokesman Russian Syrian Mr. Mrs. Ms.".split()
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

    def spellings(self, key: str) -> list[str]:
        """Every spelling the text uses for one place, first use first ("Kamishli", ...)."""
        return list(dict.fromkeys(m.text for m in self.mentions if m.key == key))

    def place_lines(self) -> list[str]:
        """Every place the article names, once, for the reviewer: how it was found."""
        lines: list[str] = []
        for key, mention in {m.key: m for m in self.mentions}.items():
            if mention.place is not None:
                how = f"gazetteer place {key!r}"
            elif mention.new is not None:
                how = f"new draft place ({mention.new.source})"
            else:
                how = "not located: add it to places.toml by hand if an event needs it"
            lines.append(f"{mention.text!r}: {how}")
        return lines


def propose(
    body: str,
    published: date,
    gazetteer: Gazetteer,
    existing: Iterable[Event] = (),
    geocode: Geocode | None = None,
    prefix: str = "draft",
    find_dates: Callable[[str, date], list[Timex]] = find_timexes,
) -> Proposal:
    """Read ``body`` and propose its places, dates, statements and events."""
    # Hard-wrapped copy is read as its sentences run; offsets are the body's.
    body = unwrap(body)
    sentences = split_sentences(body)
    mentions = find_mentions(body, gazetteer, geocode)
    timexes = find_dates(body, published)
    quotes = find_quotes(sentences)
    builder = _Builder(sentences, mentions, timexes, published, prefix)
    events = builder.lead(quotes) + builder.statements(quotes) + builder.happenings(quotes)
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
        self.sentences, self.timexes = sentences, timexes
        self.mentions = [m for m in mentions if m.located]
        self.published, self.prefix = published, prefix
        counts = Counter(m.key for m in self.mentions)
        self.main_place = counts.most_common(1)[0][0] if counts else None
        self.ids: Counter[str] = Counter()
        self.dateline: str | None = None
        self.dateline_date: Timex | None = None
        self.dateline_only: Sentence | None = None
        self.lead_sentence = self._find_lead()
        self.lead_date = self.dateline_date.when if self.dateline_date else None

    def _find_lead(self) -> Sentence | None:
        """The sentence that carries the news; notes the dateline on the way."""
        for index, sentence in enumerate(self.sentences[:8]):
            match = _DATELINE.match(sentence.text)
            inside = self._in(self.mentions, sentence)
            if match and inside and inside[0].start == sentence.start:
                self.dateline = inside[0].key
                after = sentence.start + match.end()
                dated = [t for t in self._dates(sentence) if t.start - after < 4]
                self.dateline_date = dated[0] if dated else None
                if len(sentence.text.split()) <= 5:
                    self.dateline_only = sentence
                    following = self.sentences[index + 1 : index + 2]
                    return following[0] if following else None
                return sentence
        for sentence in self.sentences[:8]:
            words = sentence.text.split()
            if len(words) >= 8 and sentence.text[-1] in '.!?"”’':
                return sentence
        return None

    @staticmethod
    def _in(items: list[Mention], sentence: Sentence) -> list[Mention]:
        return [m for m in items if sentence.start <= m.start < sentence.end]

    def _dates(self, sentence: Sentence) -> list[Timex]:
        return [t for t in self.timexes if sentence.start <= t.start < sentence.end]

    def _main_date(self, sentence: Sentence) -> Timex | None:
        """The date of the sentence's main clause, if it has one."""
        for timex in self._dates(sentence):
            if timex is self.dateline_date:
                continue
            if not _in_background(sentence.text[: timex.start - sentence.start]):
                return timex
        return None

    def _fallback(self) -> tuple[StoryDate, str]:
        if self.lead_date is not None:
            return self.lead_date, "the dateline's date"
        return StoryDate.day(self.published), "the publication day"

    def _places(self, sentence: Sentence) -> tuple[list[str], list[str]]:
        places = list(dict.fromkeys(m.key for m in self._in(self.mentions, sentence)))
        if places:
            return places, []
        fallback = self.dateline or self.main_place
        reason = "places: the dateline or the place the article names most"
        return ([fallback], [reason]) if fallback else ([], [])

    def _id(self, words: str) -> str:
        base = f"{self.prefix}-{slug(words, 40, 'event')}"
        self.ids[base] += 1
        return base if self.ids[base] == 1 else f"{base}-{self.ids[base]}"

    def lead(self, quotes: list[Quote]) -> list[ProposedEvent]:
        """The lead as an event, unless a quote in it makes it a statement."""
        sentence = self.lead_sentence
        if sentence is None or any(q.sentence.start == sentence.start for q in quotes):
            return []
        main = self._main_date(sentence)
        when, why = (main.when, "its own words") if main else self._fallback()
        places, reasons = self._places(sentence)
        if not places:
            return []
        actor = _actor(sentence.text)
        return [
            ProposedEvent(
                self._id(f"{places[0]} {when.code}"),
                _kind(sentence.text, when, self.published),
                when,
                places,
                [ProposedSource(sentence.text, None, main.text if main else None)],
                actor,
                reasons=[f"the article's lead; date: {why}", *reasons, "kind: guessed"],
            )
        ]

    def _speech_date(self, sentence: Sentence) -> tuple[StoryDate, Timex | None, str | None]:
        """When a quote was spoken: a past day in its sentence, else the lead's date."""
        for timex in self._dates(sentence):
            past = timex.when.end <= self.published
            if past and timex.when.precision is DatePrecision.DAY:
                before = sentence.text[: timex.start - sentence.start]
                if not _in_background(before) and timex is not self.dateline_date:
                    return timex.when, timex, None
        when, why = self._fallback()
        return when, None, f"date: {why} (the sentence gives no day it was said)"

    def statements(self, quotes: list[Quote]) -> list[ProposedEvent]:
        events: dict[tuple[str | None, str], ProposedEvent] = {}
        for quote in quotes:
            when, timex, reason = self._speech_date(quote.sentence)
            source = ProposedSource(quote.sentence.text, quote.text, timex.text if timex else None)
            known = events.get((quote.speaker, when.code))
            if known is not None:
                known.sources.append(source)
                continue
            places, reasons = self._places(quote.sentence)
            if not places:
                continue
            events[(quote.speaker, when.code)] = ProposedEvent(
                self._id(f"{quote.speaker} {when.code}"),
                EventKind.STATEMENT,
                when,
                places,
                [source],
                quote.speaker,
                quote.role,
                reasons=([reason] if reason else []) + reasons,
            )
        return list(events.values())

    def happenings(self, quotes: list[Quote]) -> list[ProposedEvent]:
        used = {q.sentence.start for q in quotes}
        used |= {s.start for s in (self.lead_sentence, self.dateline_only) if s is not None}
        grouped: dict[tuple[str, tuple[str, ...]], ProposedEvent] = {}
        for sentence in self.sentences:
            dates, places = self._dates(sentence), self._in(self.mentions, sentence)
            if sentence.start in used or not dates or not places:
                continue
            main = self._main_date(sentence)
            reasons = ["kind: guessed from the sentence's words"]
            if main is None:
                when, why = self._fallback()
                reasons.append(f"date: {why}; the sentence's dates are background")
            else:
                when = main.when
            keys = tuple(dict.fromkeys(m.key for m in places))
            source = ProposedSource(sentence.text, None, main.text if main else None)
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
                _actor(sentence.text),
                reasons=reasons,
            )
        return list(grouped.values())


def _in_background(before: str) -> bool:
    """Whether a date after ``before`` sits in a background clause it opened.

    "who toppled Assad, a close ally, late last year": the clause runs on past the
    apposition; "which backed Assad until 2024, took over the airport in 2019": the
    main clause has resumed, several words after the last comma.
    """
    match = _BACKGROUND.search(before)
    if match is None:
        return False
    tail = match.group("tail")
    return "," not in tail or len(tail.rsplit(",", 1)[1].split()) <= 2


def _actor(text: str) -> str | None:
    """Who the sentence says spoke or acted ("Putin said ..."), if it names one."""
    for match in _SPEAKER.finditer(text):
        words = match.group("name").split()
        if _PLACE_PREPOSITION.search(text, 0, match.start()):
            # '"...," an official in Tartus said': a name right after a preposition is where
            # the speaker is, never who speaks ('the minister of Russia Sergei Lavrov said':
            # the words after it may still name the speaker).
            words = words[1:]
        while words and words[0] in _NOT_ACTORS:
            words.pop(0)
        if words:
            return " ".join(words)
    return None


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
            surname = actor.split()[-1] if actor else ""
            same_actor = (event.actor or "") == actor or (
                bool(surname) and (surname in text or surname in (event.actor or ""))
            )
            if same_actor:
                event.same_as = known.id
                break
