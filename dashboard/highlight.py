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
    # Spans, not per-character marks: memory grows with the annotations, not the text.
    cited: list[tuple[int, int, str]] = []
    quotes: list[tuple[int, int]] = []
    for event in story.events:
        for source in event.sources:
            if source.article != article.id:
                continue
            span = text.span(source.sentence)
            if span is not None:
                cited.append((span[0], span[1], event.id))
            quote = text.span(source.quote) if source.quote else None
            if quote is not None:
                quotes.append(quote)
    cuts = sorted(
        {0, len(article.body)}
        | {i for start, end, _ in cited for i in (start, end)}
        | {i for span in quotes for i in span}
    )
    segments: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        events = {event_id for s, e, event_id in cited if s <= start and end <= e}
        segments.append(
            Segment(
                tuple(article.body[start:end].split("\n")),
                " ".join(sorted(events)),
                any(s <= start and end <= e for s, e in quotes),
                focus in events,
            )
        )
    return render("article.html", segments=segments)
