"""The story narrowed by a filter, as pure functions the pages share (no st.* here).

A filtered story is a new timeline of the events the filter keeps: the slider's stops, the
counts, the "new on this date" ring, the panel and the places table all follow from it.
Dates with nothing left after filtering are skipped (they are not stops of that timeline).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from dashboard.view import Stop
from geodata import Event, Place, Story, StoryDate, Timeline
from geodata.filters import EventIndex, Filter
from geodata.timeline import story_timeline

RESULTS = 12  # search results listed; the rest are on the map and in the panel


@dataclass(frozen=True, slots=True)
class Narrowed:
    """What a filter leaves: its timeline, the places its events name, and how many events."""

    filter: Filter
    timeline: Timeline
    places: list[Place]
    shown: int
    total: int


def narrow(index: EventIndex, places: Sequence[Place], wanted: Filter) -> Narrowed:
    """The indexed events ``wanted`` keeps, as a timeline, with the places they name."""
    events = index.select(wanted)
    used = {place_id for event in events for place_id in event.places}
    kept = [place for place in places if place.id in used]
    return Narrowed(wanted, Timeline.of(events), kept, len(events), len(index.events))


def shown_line(shown: int, total: int, filtered: bool = True) -> str:
    """'12 of 44 events shown' under a filter, else 'All 44 events shown'."""
    if not filtered:
        return f"All {total} event{'s' if total != 1 else ''} shown"
    return f"{shown} of {total} event{'s' if total != 1 else ''} shown"


def nearest_stop(stops: Sequence[Stop], code: str | None) -> int | None:
    """The slider position for the date ``code``: that stop, else the last one before it.

    Keeps the reader near the date they were on when a filter removes it. None when the
    code is not a date or every dated stop comes later.
    """
    codes = [stop.code for stop in stops]
    if code in codes:
        return codes.index(code)
    try:
        when = StoryDate.parse(code or "")
    except ValueError:
        return None
    # A stop's date is that of its latest event (the background's last year).
    before = [
        i
        for i, stop in enumerate(stops)
        if stop.events and max(e.when for e in stop.events) <= when
    ]
    return before[-1] if before else None


def stop_of_events(stops: Sequence[Stop]) -> dict[str, str]:
    """Each event's slider stop code."""
    return {event.id: stop.code for stop in stops for event in stop.events}


def result_label(event: Event, story: Story, places: Sequence[Place]) -> str:
    """One search result in plain text: '16 December 2024 · Tartus naval facility: summary'."""
    shown = {place.id for place in places}
    names = [story.places[p].name for p in event.places if p in story.places and p in shown]
    return f"{event.when.label} · {', '.join(names)}: {event.summary}"


def result_place(event: Event, places: Sequence[Place]) -> str | None:
    """The place a search result focuses: the event's first place that is on the map."""
    shown = {place.id for place in places}
    return next((p for p in event.places if p in shown), None)


def filter_note(part: Narrowed, place_names: dict[str, str]) -> str:
    """What an export says about its filter: 'Filtered: Kind: statement · ... (8 of 44 events)'."""
    if not part.filter.active:
        return ""
    return f"Filtered: {part.filter.describe(place_names)} ({part.shown} of {part.total} events)"


@dataclass(frozen=True, slots=True)
class Selection:
    """A story cut down to what a filter keeps, ready to export: the HTML and the CSV."""

    story: Story
    timeline: Timeline
    places: list[Place]
    note: str


def select(story: Story, wanted: Filter, index: EventIndex | None = None) -> Selection:
    """The reviewed events ``wanted`` keeps, as a story of their own, and the note saying so.

    With no filter the story is kept whole (its CSV lists drafts too, as before).
    """
    timeline, places = story_timeline(story)
    if not wanted.active:
        return Selection(story, timeline, places, "")
    shown = [event for events in timeline.by_stop for event in events]
    return selection_of(story, narrow(index or EventIndex(story, shown), places, wanted))


def selection_of(story: Story, part: Narrowed) -> Selection:
    """The events of ``part`` as a story of their own, with the note naming the filter."""
    kept = tuple(event for events in part.timeline.by_stop for event in events)
    names = {place.id: place.name for place in story.places.values()}
    note = filter_note(part, names)
    return Selection(replace(story, events=kept), part.timeline, part.places, note)
