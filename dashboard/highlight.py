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

    The sentences of the event ``focus`` are outlined.
    """
    text = SearchableText.of(article.body)
    marks: list[set[str]] = [set() for _ in article.body]
    quoted = [False] * len(article.body)
    for event in story.events:
        for source in event.sources:
            if source.article != article.id:
                continue
            span = text.span(source.sentence)
            if span is not None:
                for i in range(*span):
                    marks[i].add(event.id)
            quote = text.span(source.quote) if source.quote else None
            if quote is not None:
                for i in range(*quote):
                    quoted[i] = True
    segments: list[Segment] = []
    start = 0
    for i in range(1, len(article.body) + 1):
        if i < len(article.body) and (marks[i], quoted[i]) == (marks[start], quoted[start]):
            continue
        segments.append(
            Segment(
                tuple(article.body[start:i].split("\n")),
                " ".join(sorted(marks[start])),
                quoted[start],
                focus in marks[start],
            )
        )
        start = i
    return render("article.html", segments=segments)
