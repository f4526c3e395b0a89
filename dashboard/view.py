"""The date slider's stops and the headings that name them, as pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from geodata import DatePrecision, Event, StoryDate, Timeline

BACKGROUND = "background"
# Labels that read as a phrase already ("between March and December 2025", "by 9 December").
_PHRASES = ("between ", "by ", "from ", "before ", "after ", "until ")


@dataclass(frozen=True, slots=True)
class Stop:
    """One position of the date slider: a date with events, or the whole background."""

    code: str
    label: str
    index: int  # the timeline stop whose events are revealed at this position
    events: tuple[Event, ...]
    when: StoryDate | None = None  # None for the background


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
        stops.append(Stop(when.code, when.label, index, timeline.by_stop[index], when))
    return stops


def date_heading(when: StoryDate) -> str:
    """'On 8 December 2024', 'In March 2025', 'In late November 2024 (approximate)',
    'Between March and December 2025 (approximate)', 'Reported by 9 December 2024, not
    dated': the date as a heading in plain English.
    """
    if when.precision is DatePrecision.ON_OR_BEFORE:
        return when.heading
    label = when.label
    if label.startswith(_PHRASES):
        return label[0].upper() + label[1:]
    if label[:1].isdigit() and " to " in label:
        return f"From {label}"
    if (
        when.precision is DatePrecision.DAY
        or when.precision is DatePrecision.RANGE
        and (label[:1].isdigit())
    ):
        return f"On {label}"
    return f"In {label}"


def stop_heading(stop: Stop) -> str:
    """The panel's title for a stop: 'On 8 December 2024', or the background's own."""
    if stop.when is None:
        return f"Before the story: {stop.label.lower()}"
    return date_heading(stop.when)


def stop_until(stop: Stop) -> str:
    """How far a place's count goes: 'up to 8 December 2024', 'by 9 December 2024', 'up to
    the period between March and December 2025 (approximate)'."""
    if stop.when is None:
        return f"up to {stop.label}"
    if stop.when.precision is DatePrecision.ON_OR_BEFORE:
        return stop.when.up_to
    if stop.label.startswith(_PHRASES):
        return f"up to the period {stop.label}"
    return f"up to {stop.label}"


def default_position(stops: list[Stop]) -> int:
    """Open on the first date of the story itself, not on the background."""
    return 1 if stops and stops[0].code == BACKGROUND and len(stops) > 1 else 0
