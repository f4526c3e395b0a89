"""Event cards, place headings, the places table and the legend: the app's and the export's.

One renderer: the map page, story mode and the exported HTML file all show what these
functions return, so they cannot drift apart. All HTML comes from autoescaping templates.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from dashboard.plaintext import isolated
from dashboard.render import render
from dashboard.view import Stop, stop_until
from geodata import Article, Event, EventKind, Place, Story

KIND_LABELS = {
    EventKind.MILITARY: "Military",
    EventKind.POLITICAL: "Political",
    EventKind.DIPLOMATIC: "Diplomatic",
    EventKind.STATEMENT: "Statement",
    EventKind.BACKGROUND: "Background",
}
# What the number on a marker means, in words a reader gets without a legend lesson.
NUMBER_KEY = "The number on each place = events and statements reported there so far."
APP_LINKS = "articles?"  # the app's articles page
EXPORT_LINKS = "#"  # the exported file shows the article in its own panel

_QUOTE_MARKS = "\"'“”‘’«»„‚"
_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
# How article files say that the text names no outlet ("Outlet not named in the text").
_UNNAMED_OUTLET = re.compile(r"^\s*(outlet\s+)?(not\s+named|unnamed|unknown)\b", re.IGNORECASE)


def count_words(count: int) -> str:
    return "nothing yet" if count == 0 else f"{count} event{'s' if count != 1 else ''}"


def place_heading(place: Place, count: int, stop: Stop) -> str:
    """'Damascus: 3 events up to 8 December 2024', '… by 9 December 2024', '… up to the
    period between March and December 2025 (approximate)'; the name isolated in its own
    writing direction (plain text, for headings and the export's textContent)."""
    return f"{isolated(place.name)}: {count_words(count)} {stop_until(stop)}"


def unquoted(text: str) -> str:
    """``text`` without the quotation marks around it, if it has them."""
    inner = text.strip()
    if len(inner) > 1 and inner[0] in _QUOTE_MARKS and inner[-1] in _QUOTE_MARKS:
        inner = inner[1:-1].strip()
    return inner


def quoted(text: str) -> str:
    """``text`` between curly quotes, once: marks already around it are not doubled."""
    return f"“{unquoted(text)}”"


def outlet_name(article: Article) -> str | None:
    """The outlet as a reader should see it, or None when the text names none."""
    return None if _UNNAMED_OUTLET.match(article.outlet) else article.outlet


def source_name(article: Article) -> str:
    """'TASS, “Headline”, 16 December 2024'; 'A news article, “…”, …' when no outlet is named."""
    outlet = outlet_name(article) or "A news article"
    return f"{outlet}, {quoted(article.headline)}, {article.published.label}"


def reader_note(note: str, story: Story) -> str:
    """A note as readers see it: ids become words. An event named by its id is named by its
    summary, an article by its outlet (or "the article “headline”"), a place by its name."""
    named_ids = set(_ID.findall(note))
    if not named_ids:
        return note
    words = {e.id: quoted(e.summary.rstrip(". ")) for e in story.events if e.id in named_ids}
    for article_id in named_ids & set(story.articles):
        article = story.articles[article_id]
        words[article_id] = outlet_name(article) or f"the article {quoted(article.headline)}"
    for place_id in named_ids & set(story.places):
        words.setdefault(place_id, story.places[place_id].name)

    def named(match: re.Match[str]) -> str:
        word = words.get(match.group(0), match.group(0))
        return word[0].upper() + word[1:] if match.start() == 0 else word

    return _ID.sub(named, note)


def place_names(event: Event, story: Story) -> list[str]:
    return [story.places[p].name for p in event.places if p in story.places]


def article_link(article_id: str, event_id: str | None = None, base: str = APP_LINKS) -> str:
    query = {"article": article_id} | ({"event": event_id} if event_id else {})
    return base + urlencode(query)


def event_card(event: Event, story: Story, links: str = APP_LINKS) -> Markup:
    """One event or statement in plain sentences, with its quote and sources, as safe HTML.

    ``links`` is where a source opens its article: the app's articles page, or (in the
    exported file) the file's own article panel.
    """
    sources = []
    for source in event.sources:
        article = story.articles.get(source.article)
        if article is None:
            continue
        differs = source.quote and source.quote != event.quote
        sources.append(
            {
                "article": article.id,
                "href": article_link(article.id, event.id, links),
                "outlet": outlet_name(article) or "A news article",
                "headline": unquoted(article.headline),
                "published": article.published.label,
                "sentence": source.sentence,
                "quote": unquoted(source.quote) if differs and source.quote else None,
                "note": reader_note(source.note, story) if source.note else None,
            }
        )
    return render(
        "event_card.html",
        id=event.id,
        kind=event.kind.value,
        kind_label=KIND_LABELS[event.kind],
        when=event.when.label,
        draft=event.draft,
        summary=event.summary,
        speaker=event.speaker,
        speaker_verb="Said by" if event.kind is EventKind.STATEMENT else "Who",
        quote=unquoted(event.quote) if event.quote else None,
        places=place_names(event, story),
        note=reader_note(event.note, story) if event.note else None,
        sources=sources,
    )


def card_meta(event: Event, story: Story) -> str:
    """'9 December 2024 · Statement · Source: TASS, 9 December 2024' (plain text)."""
    outlets = sorted(
        {
            f"{outlet_name(story.articles[s.article]) or 'a news article'}, "
            f"{story.articles[s.article].published.label}"
            for s in event.sources
            if s.article in story.articles
        }
    )
    return f"{event.when.label} · {KIND_LABELS[event.kind]} · Source: {'; '.join(outlets)}"


def presenter_card(
    event: Event,
    story: Story,
    quote: str | None = None,
    continued: bool = False,
    continues: bool = False,
) -> Markup:
    """One event in large type for a projector: summary, who, the quote, where, the sources.

    ``quote`` is the part of the quote this screen shows (story mode splits a long quote
    over screens rather than cut it); ``continued``/``continues`` say it is not the start
    or not the end.
    """
    return render(
        "presenter_card.html",
        id=event.id,
        kind=event.kind.value,
        summary=event.summary,
        speaker=event.speaker,
        quote=quote,
        continued=continued,
        continues=continues,
        places=place_names(event, story),
        meta=card_meta(event, story),
    )


def places_caption(stop: Stop | None) -> str:
    """'Places at 8 December 2024', 'Places between March and December 2025 (approximate)',
    'Places by 9 December 2024', 'Places before the story (1971–2024)'."""
    if stop is None:
        return "Places at the start of the story"
    if stop.when is None:
        return f"Places before the story{stop.label.removeprefix('Background')}"
    if stop.label.startswith(("between ", "from ", "by ")):
        return f"Places {stop.label}"
    return f"Places at {stop.label}"


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One line of the places table."""

    id: str
    name: str
    kind: str
    count: int
    new: str
    button: bool = False
    here: bool = False  # a place of the events on screen (story mode lists them first)


def places_table(
    places: list[Place],
    counts: Mapping[str, int],
    new: Collection[str],
    caption: str,
    buttons: bool = False,
    table_id: str | None = None,
    first: Sequence[str] = (),
) -> Markup:
    """'Places at <date>' (``caption``, see ``places_caption``): place, kind, count and
    whether it is new on that date; the map in words, for screen readers too. The places
    ``first`` names (those on a story-mode screen) come first, marked; then the others by name.
    """
    on_top = {place_id: number for number, place_id in enumerate(dict.fromkeys(first))}
    rows = [
        PlaceRow(
            place.id,
            place.name,
            place.kind.label,
            counts.get(place.id, 0),
            "yes" if place.id in new else "no",
            buttons,
            place.id in on_top,
        )
        for place in sorted(
            places, key=lambda p: (on_top.get(p.id, len(on_top)), p.name.casefold(), p.id)
        )
    ]
    return render("places_table.html", caption=caption, rows=rows, table_id=table_id)


def legend(items: list[tuple[str, str, str]], key: str | None = NUMBER_KEY) -> Markup:
    """The map's key: each (symbol, colour, text), the 'new' ring and what the number means."""
    return render(
        "legend.html",
        items=[{"symbol": s, "colour": c, "text": t} for s, c, t in items],
        key=key,
    )
