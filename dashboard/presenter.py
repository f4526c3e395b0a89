"""Story mode's screens, as pure functions: a title screen, then each stop's events in parts
that fit one projector screen (a long quote goes on over screens, never cut), and the map
frame of each screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from dashboard.cards import card_meta, outlet_name, place_names, presenter_card, quoted
from dashboard.render import render
from dashboard.view import Stop
from geodata import Event, Place, Story

# The story's neighbourhood: a stop's places inside it are framed, those farther away
# (Moscow, Libya) only when nothing is inside. (south, west), (north, east).
LEVANT = ((29.0, 32.0), (38.5, 43.0))
PAGE_HEIGHT = 360  # pixels of the story card (its container is 390 high, less the end note)
# Measured on a 600 px wide card (see STORY_CSS): characters per line and pixels per line.
SUMMARY, META, SPEAKER, QUOTE = (46, 35), (75, 26), (45, 29), (52, 31)


@dataclass(frozen=True, slots=True)
class Part:
    """What one screen shows of an event: all of it, or a piece of its long quote."""

    event: Event
    quote: str | None  # the words of the quote on this screen, in quote marks
    continued: bool = False  # the quote started on an earlier screen
    continues: bool = False  # the quote goes on on the next screen

    def card(self, story: Story) -> Markup:
        return presenter_card(self.event, story, self.quote, self.continued, self.continues)


def _lines(text: str, per_line: int) -> int:
    return -(-len(text) // per_line)


def _height(text: str, measure: tuple[int, int]) -> int:
    return _lines(text, measure[0]) * measure[1]


def _frame_height(event: Event, story: Story, continued: bool) -> int:
    """The card without its quote: summary (or 'continued' line), speaker, where, sources."""
    if continued:
        height = SPEAKER[1] + 8
    else:
        height = _height(event.summary, SUMMARY) + 16
        if event.speaker:
            height += _height(event.speaker, SPEAKER)
    height += _height("Where: " + ", ".join(place_names(event, story)), META)
    return height + _height(card_meta(event, story), META)


def card_height(part: Part, story: Story) -> int:
    """About how many pixels the presenter card of ``part`` takes in story mode, rounded up:
    a card shorter than estimated only leaves some space, a taller one would need scrolling.
    """
    height = _frame_height(part.event, story, part.continued)
    if part.quote:
        height += _height(part.quote, QUOTE) + 8
    if part.continues:
        height += META[1]
    return height


def event_parts(event: Event, story: Story, budget: int = PAGE_HEIGHT) -> list[Part]:
    """The event on one screen, or its quote split at word boundaries over several.

    When the card leaves too little room for the quote (under three lines), the quote
    starts on the next screen rather than with a word or two.
    """
    whole = Part(event, quoted(event.quote) if event.quote else None)
    if not event.quote or card_height(whole, story) <= budget:
        return [whole]
    words = quoted(event.quote)[1:-1].split()
    parts: list[Part] = []
    started = False
    while words:
        continued = bool(parts)
        room = budget - _frame_height(event, story, continued) - 8 - META[1]
        if room < 3 * QUOTE[1]:
            parts.append(Part(event, None, continued, True))
            continue
        taken: list[str] = []
        while words and (
            not taken or _height("“… " + " ".join([*taken, words[0]]) + " …”", QUOTE) <= room
        ):
            taken.append(words.pop(0))
        text = ("… " if started else "") + " ".join(taken) + (" …" if words else "")
        parts.append(Part(event, f"“{text}”", continued, bool(words)))
        started = True
    return parts


def story_pages(
    events: tuple[Event, ...], story: Story, budget: int = PAGE_HEIGHT
) -> list[tuple[Part, ...]]:
    """The events of one stop split into screens that fit the card, in order, none left out."""
    pages: list[list[Part]] = []
    used = budget
    for event in events:
        for part in event_parts(event, story, budget):
            cost = card_height(part, story)
            if used + cost > budget or part.continued:
                pages.append([])
                used = 0
            pages[-1].append(part)
            used += cost
    return [tuple(page) for page in pages] or [()]


def title_screen(title: str, stops: list[Stop], story: Story, events: list[Event]) -> Markup:
    """The first screen: what the story is, its time span, its sources, how to read the map."""
    story_stops = [stop for stop in stops if stop.when is not None]
    first = story_stops[0].when if story_stops else None
    last = story_stops[-1].when if story_stops else None
    span = ""
    if first is not None and last is not None:
        span = f"{first.start:%B %Y} to {last.end:%B %Y}"
    used = {source.article for event in events for source in event.sources}
    articles = [story.articles[a] for a in sorted(used) if a in story.articles]
    outlets = sorted({name for a in articles if (name := outlet_name(a))})
    unnamed = sum(1 for a in articles if outlet_name(a) is None)
    return render(
        "title_screen.html",
        title=title,
        span=span,
        look_back=(
            min(e.when.start.year for e in stops[0].events)
            if stops and stops[0].when is None and stops[0].events
            else None
        ),
        events=len(events),
        articles=len(articles),
        outlets=outlets,
        unnamed=unnamed,
    )


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
