"""Who said what: each speaker's statements in date order, and where outlets word them differently.

Pure Python: the "Who said what" page and its tests build on these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from geodata.dates import StoryDate
from geodata.models import Event, EventKind, Story
from geodata.text import normalise

PRECISION_WORDS = {
    "day": "exact day",
    "range": "approximate: some day in this span",
    "month": "month only",
    "year": "year only",
    "on_or_before": "not dated in the article: on or before this day",
}


@dataclass(frozen=True, slots=True)
class Wording:
    """How one source words a statement: its outlet, the quote (if any) and the sentence."""

    outlet: str
    headline: str
    published: str
    article: str
    quote: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class SpeakerLine:
    """One speaker's statements, oldest first, and the roles the articles give them."""

    speaker: str
    statements: tuple[Event, ...]

    def __post_init__(self) -> None:
        if not self.speaker.strip():
            raise ValueError("a speaker line needs a speaker's name")
        if any(event.actor != self.speaker for event in self.statements):
            raise ValueError(f"every statement of {self.speaker!r}'s line must be theirs")

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(event.role for event in self.statements if event.role))

    @property
    def span(self) -> tuple[StoryDate, StoryDate] | None:
        """The first and last date of the line (None if it is empty)."""
        if not self.statements:
            return None
        return self.statements[0].when, self.statements[-1].when


def is_statement(event: Event) -> bool:
    """A statement with a named speaker: what a speaker's line lists."""
    return event.kind is EventKind.STATEMENT and bool(event.actor)


def statements_in_order(events: Iterable[Event]) -> list[Event]:
    """Statements with a speaker, by date (start, then end), then id."""
    return sorted((e for e in events if is_statement(e)), key=lambda e: (e.when, e.id))


def speaker_lines(events: Iterable[Event]) -> list[SpeakerLine]:
    """Every speaker's line: those with most statements first, then by name."""
    grouped: dict[str, list[Event]] = {}
    for event in statements_in_order(events):
        grouped.setdefault(event.actor or "", []).append(event)
    lines = [SpeakerLine(speaker, tuple(found)) for speaker, found in grouped.items()]
    return sorted(lines, key=lambda line: (-len(line.statements), line.speaker.casefold()))


def speaker_line(events: Iterable[Event], speaker: str) -> SpeakerLine:
    """The statements of ``speaker`` (exactly as the annotations name them), oldest first."""
    return SpeakerLine(speaker, tuple(e for e in statements_in_order(events) if e.actor == speaker))


def wordings(event: Event, story: Story) -> list[Wording]:
    """How each source of ``event`` gives it, in the annotation's order."""
    found = []
    for source in event.sources:
        article = story.articles.get(source.article)
        if article is None:
            continue
        found.append(
            Wording(
                article.outlet,
                article.headline,
                article.published.label,
                article.id,
                source.quote,
                source.sentence,
            )
        )
    return found


def worded_differently(event: Event, story: Story) -> bool:
    """Whether the sources quote the statement in different words (spacing and quote marks
    aside)."""
    quotes = {normalise(w.quote) for w in wordings(event, story) if w.quote}
    return len(quotes) > 1


def precision_words(when: StoryDate) -> str:
    """How exactly the date is known, in words."""
    return PRECISION_WORDS.get(when.precision.value, when.precision.value)
