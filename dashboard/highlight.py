"""An article's text with the sentences its events cite marked and their quotes in bold.

Sentences are found after normalising quote marks and whitespace (``SearchableText``),
as ``python -m geodata check`` finds them, so a sentence ``check`` accepts is marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from dashboard.render import render
from geodata import Article, Story
from geodata.text import SearchableText


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the article's text with the same marks: cited by ``events``, quoted or not."""

    lines: tuple[str, ...]
    events: str  # the ids of the events citing it, space-separated; "" when none
    quoted: bool
    focus: bool


def highlighted_article(article: Article, story: Story, focus: str | None = None) -> Markup:
    """The article text as safe HTML, with each annotated sentence and quote marked.

    The sentences of the event ``focus`` are outlined. Works on the spans' boundaries, not
    character by character, so a long article (up to the 1 MB limit) costs time and memory
    in proportion to its text, not many times it.
    """
    text = SearchableText.of(article.body)
    sentences: list[tuple[int, int, str]] = []
    quotes: list[tuple[int, int]] = []
    for event in story.events:
        for source in event.sources:
            if source.article != article.id:
                continue
            span = text.span(source.sentence)
            if span is not None:
                sentences.append((*span, event.id))
            quote = text.span(source.quote) if source.quote else None
            if quote is not None:
                quotes.append(quote)
    cuts = sorted(
        {0, len(article.body), *(c for s in sentences for c in s[:2])}
        | {c for q in quotes for c in q}
    )
    segments: list[Segment] = []

    def add(start: int, end: int, events: frozenset[str], quoted: bool) -> None:
        lines = tuple(article.body[start:end].split("\n"))
        segments.append(Segment(lines, " ".join(sorted(events)), quoted, focus in events))

    pending: tuple[int, frozenset[str], bool] | None = None  # start and state of a run
    for start in cuts[:-1]:
        state = (
            frozenset(e for s, t, e in sentences if s <= start < t),
            any(s <= start < t for s, t in quotes),
        )
        if pending is not None and (pending[1], pending[2]) != state:
            add(pending[0], start, pending[1], pending[2])
            pending = None
        if pending is None:
            pending = (start, *state)
    if pending is not None:
        add(pending[0], len(article.body), pending[1], pending[2])
    return render("article.html", segments=segments)
