"""Fidelity checks: is every event true to the sentences it cites?

Each check catches a kind of error a line-by-line fact-check found in the annotations:
a place or actor the sources do not name, a date the sources do not give, one happening
told as two events, quoted words the sources do not contain. They need judgment, so they
are warnings, each with its fix. An event can accept a warning with a recorded reason
(``accept = [{check = "...", reason = "..."}]``); ``check`` then lists it as accepted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from geodata.dates import DatePrecision, StoryDate
from geodata.errors import Issue, Severity
from geodata.gazetteer import name_key
from geodata.ingest.sentences import Sentence, split_sentences
from geodata.models import Acceptance, Article, Event, Place, Source, Story
from geodata.text import SearchableText, normalise

CHECKS = {
    "place-not-named": "a place that no source sentence, nor the one before it, names in "
    "any of its spellings",
    "place-only-mentioned": "a place the sources name only as where people come from "
    "or inside a reporter's question",
    "actor-not-named": "an actor or speaker that no source sentence, nor the one before it, names",
    "date-text-not-in-sentence": "a date_text that is not in its source sentence",
    "day-without-day-text": "a day-precision date whose sources give no day in their date_text",
    "dated-after-report": "an event dated after every article that reports it (a forecast?)",
    "shared-sentence": "two events that cite the same sentence",
    "duplicate-event": "two events with the same date, actor and overlapping places",
    "quote-not-in-source": "words in quotation marks in a summary that no source contains",
}

_TOKEN = re.compile(r"[^\W_]+")
# "diplomats from Belarus": the place is where people come from, not where it happened.
_PEOPLE = frozenset(
    name_key(word)
    for word in "diplomats citizens nationals officials envoys delegation delegations "
    "representatives people refugees journalists tourists students workers".split()
)
# "Russia's bases", "military installations": the story's bases, each of them; "a base
# in Tartus": the base of that governorate.
_BASES = frozenset(name_key(w) for w in "bases installations facilities".split())
_BASE = frozenset(name_key(w) for w in "base facility installation airbase".split())
# "asked ... whether social media reports were true that ... Libya": the reporter's words.
_QUESTION = frozenset((name_key("whether"),))
# Words that make an actor an institution: all its words must be there, not the last one.
_INSTITUTION = frozenset(
    name_key(word)
    for word in "ministry forces force union government kremlin army navy council agency "
    "committee office service republic federation group defence defense foreign".split()
)
_ARTICLES = frozenset(("the", "a", "an"))
_PARTICLES = frozenset(("al", "el", "ash", "as", "ad", "bin", "ibn", "de", "van", "von"))
_LINKS = frozenset(name_key(w) for w in "in of to from at the and near for on into".split())
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DAY_WORDS = re.compile(
    rf"\b(?:{_WEEKDAYS}|today|yesterday|tonight|this (?:morning|afternoon|evening)"
    rf"|(?:{_MONTHS})\.? \d{{1,2}}\b|\d{{1,2}} (?:{_MONTHS})|\d{{4}}-\d{{2}}-\d{{2}})",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|\u2018([^\u2019]+)\u2019")


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning about one event (``others`` are the events a pair warning also names)."""

    check: str
    event: Event
    problem: str
    fix: str
    field: str | None = None
    others: tuple[Event, ...] = ()
    subject: str | None = None  # what an accept's ``on`` names: a place, event or source


def fidelity_issues(story: Story, stale: bool = True) -> list[Issue]:
    """A warning for every finding, or an accepted note where the event recorded why.

    With ``stale``, an accept entry that explains nothing is a warning too; pass False when
    records were left out for errors, since an accept may explain a pair with one of them.
    """
    used: set[tuple[str, int]] = set()
    issues: list[Issue] = []
    for finding in _findings(story):
        reason = None
        for event in (finding.event, *finding.others):
            for number, accepted in enumerate(event.accepted):
                if _covers(accepted, finding, event):
                    used.add((event.id, number))
                    reason = reason or accepted.reason
        issues.append(_issue(finding, reason))
    for event in story.events if stale else ():
        issues.extend(_stale(event, used))
    return issues


def _findings(story: Story) -> Iterator[Finding]:
    texts = _Texts(story.articles)
    for event in story.events:
        yield from _places(event, story, texts)
        yield from _actor(event, texts)
        yield from _dates(event, story)
        yield from _summary_quotes(event)
    yield from _shared_sentences(story.events)
    yield from _duplicates(story.events)


def _covers(accepted: Acceptance, finding: Finding, event: Event) -> bool:
    """Whether ``event``'s acceptance is for this finding (its check, and its subject)."""
    if accepted.check != finding.check:
        return False
    if accepted.on is None:
        return True
    pair = {e.id for e in (finding.event, *finding.others)} - {event.id}
    return accepted.on == finding.subject or accepted.on in pair


def _issue(finding: Finding, reason: str | None) -> Issue:
    event = finding.event
    problem = f"{finding.check}: {finding.problem}"
    if reason is not None:
        problem += f" (accepted: {reason})"
    return Issue(
        file=event.file,
        problem=problem,
        line=event.line,
        event=event.id,
        field=finding.field,
        fix=None if reason is not None else finding.fix,
        severity=Severity.ACCEPTED if reason is not None else Severity.WARNING,
    )


def _stale(event: Event, used: set[tuple[str, int]]) -> Iterator[Issue]:
    for number, accepted in enumerate(event.accepted):
        on = "" if accepted.on is None else f" on {accepted.on!r}"
        if accepted.check not in CHECKS:
            problem = f"accepts {accepted.check!r}, which is not a check"
            fix = "use one of " + ", ".join(map(repr, CHECKS))
        elif (event.id, number) not in used:
            problem = f"accepts {accepted.check!r}{on}, but that check finds nothing there"
            fix = (
                "remove this accept entry if the warning it explained is gone for good, or "
                "correct its 'on' (the place, source or event it names)"
            )
        else:
            continue
        yield Issue(
            file=event.file,
            problem=problem,
            line=event.line,
            event=event.id,
            field="accept",
            fix=fix,
            severity=Severity.WARNING,
        )


class _Texts:
    """Word keys of sentences and articles, and the sentence before a sentence."""

    def __init__(self, articles: dict[str, Article]) -> None:
        self.articles = articles
        self._split: dict[str, tuple[SearchableText, list[Sentence]]] = {}

    def before(self, source: Source) -> str:
        """The text of the sentence before the cited one (empty if there is none)."""
        if source.article not in self._split:
            body = self.articles[source.article].body
            self._split[source.article] = (SearchableText.of(body), split_sentences(body))
        text, sentences = self._split[source.article]
        offset = text.find(source.sentence)
        if offset is None:
            return ""
        earlier = [s for s in sentences if s.start < offset]
        if earlier and earlier[-1].end > offset:  # the splitter joined the two sentences
            head = text.original[earlier[-1].start : offset].strip()
            if head:
                return head
            earlier.pop()
        return earlier[-1].text if earlier else ""


def _keys(text: str) -> list[str]:
    return [key for key in (name_key(w) for w in _TOKEN.findall(normalise(text))) if key]


def _occurrences(words: list[str], name: list[str]) -> Iterator[int]:
    for index in range(len(words) - len(name) + 1):
        if words[index : index + len(name)] == name:
            yield index


def _named_at(place: Place, words: list[str]) -> list[int]:
    found: list[int] = []
    if place.kind.is_base:
        found.extend(i for i, w in enumerate(words) if w in _BASES)
        region = _keys(place.governorate or "")
        if region and any(w in _BASE for w in words) and any(_occurrences(words, region)):
            found.extend(_occurrences(words, region))
    for name in {tuple(_keys(n)) for n in place.names}:
        if name:
            found.extend(
                i for i in _occurrences(words, list(name)) if not _inside_name(words, i, name)
            )
    return found


def _inside_name(words: list[str], index: int, name: tuple[str, ...]) -> bool:
    """'al-Sham' in 'Hayat Tahrir al-Sham' is part of a longer name, not Damascus."""
    return name[0] in _PARTICLES and index > 0 and words[index - 1] not in _LINKS


def _weak(words: list[str], index: int) -> bool:
    """Named as where people come from, or after 'whether' (a reporter's question)."""
    before = words[max(0, index - 8) : index]
    if "from" in before:
        at = len(before) - 1 - before[::-1].index("from")
        if at > 0 and before[at - 1] in _PEOPLE:
            return True
    return any(word in _QUESTION for word in words[:index])


def _places(event: Event, story: Story, texts: _Texts) -> Iterator[Finding]:
    for place_id in event.places:
        place = story.places.get(place_id)
        if place is None:
            continue
        said = [_keys(texts.before(s) + " " + s.sentence) for s in event.sources]
        where = [_named_at(place, words) for words in said]
        strong = any(
            not _weak(words, i) for words, found in zip(said, where, strict=True) for i in found
        )
        if strong:
            continue
        if any(where):
            yield Finding(
                "place-only-mentioned",
                event,
                f"{place_id!r} is named only as where people come from or in a question "
                "put to the speaker, not as where this happened",
                f"remove {place_id!r} from places (give what is said about it an event of "
                "its own), or accept with the reason it belongs here",
                "places",
                subject=place_id,
            )
            continue
        in_article = [
            s.article
            for s in event.sources
            if _named_at(place, _keys(story.articles[s.article].body))
        ]
        elsewhere = f"; {in_article[0]} names it elsewhere" if in_article else ""
        yield Finding(
            "place-not-named",
            event,
            f"no source sentence, nor the one before it, names {place_id!r} ({place.name}) "
            "in any of its spellings" + elsewhere,
            "cite the sentence that names it, add the spelling the text uses to its aliases "
            "in places.toml, remove the place, or accept with the reason it stands here",
            "places",
            subject=place_id,
        )


def _actor_words(actor: str) -> list[str]:
    """The words that must be named: a person's surname, else every capitalised word."""
    words = [w for w in _TOKEN.findall(normalise(actor)) if w.casefold() not in _ARTICLES]
    capital = [w for w in words if w[0].isupper()]
    if not capital:
        return [name_key(words[-1])] if words else []
    keys = [name_key(w) for w in capital]
    person = len(capital) >= 2 and all(w[0].isupper() or w.casefold() in _PARTICLES for w in words)
    if person and not _INSTITUTION.intersection(keys):
        return keys[-1:]
    return keys


def _actor(event: Event, texts: _Texts) -> Iterator[Finding]:
    if event.actor is None:
        return
    wanted = _actor_words(event.actor)
    for source in event.sources:
        around = set(_keys(source.sentence)) | set(_keys(texts.before(source)))
        if all(word in around for word in wanted):
            return
    yield Finding(
        "actor-not-named",
        event,
        f"no source sentence, nor the sentence before it, names {event.actor!r}",
        "check who acted or spoke: correct actor to the one the sentence names, cite the "
        "sentence that names them, or accept with the reason",
        "actor",
    )


def _dates(event: Event, story: Story) -> Iterator[Finding]:
    for number, source in enumerate(event.sources, 1):
        if (
            source.date_text
            and normalise(source.date_text).casefold() not in normalise(source.sentence).casefold()
        ):
            yield Finding(
                "date-text-not-in-sentence",
                event,
                f"date_text {source.date_text!r} is not in the sentence it goes with",
                "copy the date words from that sentence (cite the sentence that dates it as "
                "another source), or move the explanation to the source's note",
                f"source[{number}].date_text",
                subject=f"source[{number}]",
            )
    if event.when.precision is DatePrecision.DAY and not any(
        _DAY_WORDS.search(s.date_text or "") for s in event.sources
    ):
        yield Finding(
            "day-without-day-text",
            event,
            f"is dated to the day ({event.when.label}) but no source's date_text gives a day",
            "cite the sentence that gives the day with its words in date_text, or date it "
            f"'..{event.when.end.isoformat()}' (on or before the report) or as a range",
            "date",
        )
    reported = [story.articles[s.article].published.end for s in event.sources]
    if reported and event.when.start > max(reported):
        yield Finding(
            "dated-after-report",
            event,
            f"is dated {event.when.label}, after every article that reports it",
            "a forecast is not an event on its future day: date it by the report that "
            "made it (e.g. '..<publication day>') and say what was expected in the summary",
            "date",
        )


def _summary_quotes(event: Event) -> Iterator[Finding]:
    sources = " ".join(
        normalise(text).casefold() for s in event.sources for text in (s.sentence, s.quote or "")
    )
    for match in _QUOTED.finditer(event.summary):
        words = next(group for group in match.groups() if group is not None)
        if normalise(words).casefold().strip(" .,") not in sources:
            yield Finding(
                "quote-not-in-source",
                event,
                f"the summary quotes {words!r}, which no source sentence contains",
                "quote only words the article prints, or drop the quotation marks and say "
                "it in your own words",
                "summary",
            )


def _pairs(events: Iterable[Event]) -> Iterator[tuple[Event, Event]]:
    yield from combinations(sorted(events, key=lambda e: (e.file, e.line or 0, e.id)), 2)


def _shared_sentences(events: tuple[Event, ...]) -> Iterator[Finding]:
    citing: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        for key in {(s.article, normalise(s.sentence)) for s in event.sources}:
            citing[key].append(event)
    seen: set[tuple[str, str]] = set()
    for (article, sentence), sharing in citing.items():
        for first, second in _pairs(sharing):
            if (first.id, second.id) in seen:
                continue
            seen.add((first.id, second.id))
            yield Finding(
                "shared-sentence",
                second,
                f"cites the same sentence of {article} as event {first.id!r} ({sentence[:60]!r}…)",
                "if both tell one happening, merge them into one event; else accept on "
                "either with what makes them two",
                "source",
                (first,),
            )


def _duplicates(events: tuple[Event, ...]) -> Iterator[Finding]:
    by_date: dict[StoryDate, list[Event]] = defaultdict(list)
    for event in events:
        by_date[event.when].append(event)
    for same_day in by_date.values():
        for first, second in _pairs(same_day):
            if not set(first.places) & set(second.places):
                continue
            actors = {e.actor.casefold() for e in (first, second) if e.actor}
            quotes = {first.quote, second.quote}
            if len(actors) > 1 or (None not in quotes and len(quotes) == 2):
                continue  # different actors, or two statements in different words
            yield Finding(
                "duplicate-event",
                second,
                f"has the same date ({second.when.label}), actor and a place in common with "
                f"event {first.id!r}",
                f"if it is the same happening, merge it into {first.id!r} (its sentence as "
                "another source); else accept on either with what makes them two",
                "id",
                (first,),
            )
