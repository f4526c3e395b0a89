"""What the pages show, as pure functions: slider stops, event cards, highlighted articles.

Everything that comes from an article is escaped here before it becomes HTML.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

from dashboard.plaintext import isolated
from geodata import Article, Event, EventKind, Place, Story, StoryDate, Timeline
from geodata.text import SearchableText

BACKGROUND = "background"
KIND_LABELS = {
    EventKind.MILITARY: "Military",
    EventKind.POLITICAL: "Political",
    EventKind.DIPLOMATIC: "Diplomatic",
    EventKind.STATEMENT: "Statement",
    EventKind.BACKGROUND: "Background",
}


@dataclass(frozen=True, slots=True)
class Stop:
    """One position of the date slider: a date with events, or the whole background."""

    code: str
    label: str
    index: int  # the timeline stop whose events are revealed at this position
    events: tuple[Event, ...]


def slider_stops(timeline: Timeline) -> list[Stop]:
    """'Background' (everything before the story, if any), then one stop per story date."""
    first = timeline.first_story_index()
    stops: list[Stop] = []
    if first > 0:
        earlier = tuple(e for events in timeline.by_stop[:first] for e in events)
        years = f"{timeline.stops[0].start.year}–{timeline.stops[first - 1].end.year}"
        years = years if years[:4] != years[-4:] else years[:4]  # 1971, not 1971–1971
        stops.append(Stop(BACKGROUND, f"Background ({years})", first - 1, earlier))
    for index in range(first, len(timeline)):
        when = timeline.stops[index]
        stops.append(Stop(when.code, when.label, index, timeline.by_stop[index]))
    return stops


def stop_heading(stop: Stop) -> str:
    """The panel's title for a stop: 'On 8 December 2024', 'Reported by 9 December 2024,
    not dated', or the background's own."""
    if stop.code == BACKGROUND:
        return f"Before the story: {stop.label.lower()}"
    return StoryDate.parse(stop.code).heading


def stop_until(stop: Stop) -> str:
    """How far a place's count goes: 'up to 8 December 2024', or 'by 9 December 2024'."""
    if stop.code == BACKGROUND:
        return f"up to {stop.label}"
    return StoryDate.parse(stop.code).up_to


def stop_position(stops: list[Stop], code: str | None) -> int | None:
    """Where the stop written as ``code`` is on the slider, or None if there is none."""
    return next((i for i, stop in enumerate(stops) if stop.code == code), None)


def default_position(stops: list[Stop]) -> int:
    """Open on the first date of the story itself, not on the background."""
    return 1 if stops and stops[0].code == BACKGROUND and len(stops) > 1 else 0


def article_link(article_id: str, event_id: str | None = None) -> str:
    query = {"article": article_id} | ({"event": event_id} if event_id else {})
    return "articles?" + urlencode(query)


def _bdi(text: str) -> str:
    """A data text, escaped and isolated: its direction controls cannot reorder the line."""
    return f"<bdi>{escape(text)}</bdi>"


def event_card(event: Event, story: Story) -> str:
    """One event or statement in plain sentences, with its quote and sources, as safe HTML."""
    places = ", ".join(_bdi(story.places[p].name) for p in event.places if p in story.places)
    parts = [
        f'<div class="event-card kind-{event.kind.value}" data-event="{escape(event.id)}">',
        f'<div class="when">{escape(event.when.label)} · {KIND_LABELS[event.kind]}'
        + (" · draft, not reviewed" if event.draft else "")
        + "</div>",
        f'<div class="summary" dir="auto">{escape(event.summary)}</div>',
    ]
    if event.speaker:
        verb = "Said by" if event.kind is EventKind.STATEMENT else "Who"
        parts.append(f'<div class="speaker">{verb}: {_bdi(event.speaker)}</div>')
    if event.quote:
        parts.append(f"<blockquote>“{_bdi(event.quote)}”</blockquote>")
    parts.append(f'<div class="places">Where: {places}</div>')
    if event.note:
        parts.append(f'<div class="note">Note: {_bdi(event.note)}</div>')
    parts.append('<div class="sources">Sources:<ul>')
    for source in event.sources:
        article = story.articles.get(source.article)
        if article is None:
            continue
        said = f" (“{_bdi(source.quote)}”)" if source.quote and source.quote != event.quote else ""
        differs = f" <em>{_bdi(source.note)}</em>" if source.note else ""
        parts.append(
            f'<li><a href="{escape(article_link(article.id, event.id))}" target="_self">'
            f"{_bdi(article.outlet)}, “{_bdi(article.headline)}”, "
            f"{escape(article.published.label)}</a>: "
            f"“{_bdi(source.sentence)}”{said}{differs}</li>"
        )
    parts.append("</ul></div></div>")
    return "".join(parts)


def count_words(count: int) -> str:
    return "nothing yet" if count == 0 else f"{count} event{'s' if count != 1 else ''}"


def place_heading(place: Place, count: int, stop: Stop) -> str:
    return f"{isolated(place.name)}: {count_words(count)} {stop_until(stop)}"


def highlighted_article(article: Article, story: Story, focus: str | None = None) -> str:
    """The article text as safe HTML, with each annotated sentence and quote marked.

    Works on the spans' boundaries, not character by character, so a long article (up to
    the 1 MB limit) costs time and memory in proportion to its text, not many times it.
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
    out: list[str] = []
    pending: tuple[int, frozenset[str], bool] | None = None  # start and state of a run
    for start in cuts[:-1]:
        state = (
            frozenset(e for s, t, e in sentences if s <= start < t),
            any(s <= start < t for s, t in quotes),
        )
        if pending is not None and (pending[1], pending[2]) != state:
            out.append(_segment(article.body[pending[0] : start], pending[1], pending[2], focus))
            pending = None
        if pending is None:
            pending = (start, *state)
    if pending is not None:
        out.append(_segment(article.body[pending[0] :], pending[1], pending[2], focus))
    return '<div class="article-body">' + "".join(out) + "</div>"


def _segment(chunk: str, events: frozenset[str], quoted: bool, focus: str | None) -> str:
    body = escape(chunk).replace("\n", "<br>")
    if quoted:
        body = f'<span class="quote">{body}</span>'
    if not events:
        return body
    classes = "sentence focus" if focus in events else "sentence"
    ids = escape(" ".join(sorted(events)))
    return f'<mark class="{classes}" data-events="{ids}" title="{ids}">{body}</mark>'


# Story mode: the presenter's view of one stop, as pure functions.

# The story's neighbourhood: a stop's places inside it are framed, those farther away
# (Moscow, Libya) only when nothing is inside. (south, west), (north, east).
LEVANT = ((29.0, 32.0), (38.5, 43.0))
SHORT_QUOTE = 110
PAGE_HEIGHT = 360  # pixels of the story card (its container is 390 high, less the end note)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def _lines(text: str, per_line: int) -> int:
    return -(-len(text) // per_line)


def card_height(event: Event, story: Story) -> int:
    """About how many pixels the presenter card of ``event`` takes in story mode.

    Measured on a 600 px wide card (see STORY_CSS) and rounded up: a card shorter than
    estimated only leaves some space, a taller one would need scrolling.
    """
    height = _lines(event.summary, 46) * 35 + _lines(card_meta(event, story), 75) * 26 + 16
    if event.speaker:
        height += _lines(event.speaker, 45) * 29
    quote = card_quote(event)
    if quote:
        height += _lines(quote, 52) * 31 + 8
    return height


def card_meta(event: Event, story: Story) -> str:
    """'9 December 2024 · Statement · Source: TASS, 9 December 2024' (plain text)."""
    outlets = sorted(
        {
            f"{story.articles[s.article].outlet}, {story.articles[s.article].published.label}"
            for s in event.sources
            if s.article in story.articles
        }
    )
    return f"{event.when.label} · {KIND_LABELS[event.kind]} · Source: {'; '.join(outlets)}"


def card_quote(event: Event) -> str | None:
    """The quote as the presenter card shows it: short, shorter under a long summary.

    The whole quote is one click away ("Full text"), so a card never needs scrolling.
    """
    if not event.quote:
        return None
    limit = SHORT_QUOTE if len(event.summary) <= 160 else 40
    return f"“{shorten(event.quote, limit)}”"


def story_pages(
    events: tuple[Event, ...], story: Story, budget: int = PAGE_HEIGHT
) -> list[tuple[Event, ...]]:
    """The events of one stop split into pages that fit the card; every event on one page."""
    pages: list[list[Event]] = []
    used = budget
    for event in events:
        cost = card_height(event, story)
        if used + cost > budget:
            pages.append([])
            used = 0
        pages[-1].append(event)
        used += cost
    return [tuple(page) for page in pages] or [()]


def _inside(place: Place, frame: tuple[tuple[float, float], tuple[float, float]]) -> bool:
    (south, west), (north, east) = frame
    return south <= place.latlon.lat <= north and west <= place.latlon.lon <= east


def _mercator_y(lat: float) -> float:
    rad = math.radians(max(min(lat, 85.0), -85.0))
    return math.log(math.tan(math.pi / 4 + rad / 2))


def map_view(
    places: list[Place], width: int, height: int, max_zoom: int = 8
) -> tuple[tuple[float, float], int] | None:
    """Centre and zoom that show ``places`` in a map of ``width`` x ``height`` pixels.

    Places near Syria are framed; far ones only when no place is near. None without places.
    """
    near = [place for place in places if _inside(place, LEVANT)]
    chosen = near or places
    if not chosen:
        return None
    if not near:
        max_zoom = min(max_zoom, 5)  # a far capital alone is shown with its surroundings
    lats = [place.latlon.lat for place in chosen]
    lons = [place.latlon.lon for place in chosen]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    centre = ((south + north) / 2, (west + east) / 2)
    # Leave room for the labels, which sit to the right of their points.
    span_x = max(east - west, 1e-6) / 360 * 256
    span_y = max(_mercator_y(north) - _mercator_y(south), 1e-6) / (2 * math.pi) * 256
    zoom_x = math.log2((width * 0.6) / span_x)
    zoom_y = math.log2((height * 0.7) / span_y)
    zoom = max(3, min(max_zoom, math.floor(min(zoom_x, zoom_y))))
    return (round(centre[0], 4), round(centre[1], 4)), zoom


def presenter_card(event: Event, story: Story) -> str:
    """One event in large type for a projector: the summary, who, a short quote, the sources."""
    parts = [
        f'<div class="story-card kind-{event.kind.value}" data-event="{escape(event.id)}">',
        f'<div class="summary" dir="auto">{escape(event.summary)}</div>',
    ]
    if event.speaker:
        parts.append(f'<div class="speaker">{_bdi(event.speaker)}</div>')
    quote = card_quote(event)
    if quote:
        parts.append(f"<blockquote>{_bdi(quote)}</blockquote>")
    parts.append(f'<div class="meta">{escape(card_meta(event, story))}</div></div>')
    return "".join(parts)
