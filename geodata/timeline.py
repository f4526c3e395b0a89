"""The story in time: the dates that have events, and what is revealed up to each of them."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from geodata.dates import StoryDate
from geodata.models import Event, EventKind, Place, Story


@dataclass(frozen=True, slots=True)
class Timeline:
    """Events grouped by date ("stops"), with each place's running count, computed once.

    An event is revealed at a stop when its date sorts at or before the stop's date,
    so "late November 2024" is revealed before "8 December 2024".
    """

    stops: tuple[StoryDate, ...]
    by_stop: tuple[tuple[Event, ...], ...]
    counts: tuple[dict[str, int], ...]

    @classmethod
    def of(cls, events: Iterable[Event]) -> Timeline:
        grouped: dict[StoryDate, list[Event]] = {}
        for event in sorted(events, key=lambda e: (e.when, e.id)):
            grouped.setdefault(event.when, []).append(event)
        stops = tuple(sorted(grouped))
        running: Counter[str] = Counter()
        counts: list[dict[str, int]] = []
        for stop in stops:
            running.update(place for event in grouped[stop] for place in event.places)
            counts.append(dict(running))
        return cls(stops, tuple(tuple(grouped[s]) for s in stops), tuple(counts))

    def __len__(self) -> int:
        return len(self.stops)

    def index(self, code: str) -> int | None:
        """The stop written as ``code`` (e.g. '2024-12-08'), or None."""
        return next((i for i, stop in enumerate(self.stops) if stop.code == code), None)

    def index_at_or_before(self, when: StoryDate) -> int | None:
        """The last stop that sorts at or before ``when``; None before the first."""
        position = bisect_right(self.stops, when)
        return position - 1 if position else None

    def first_story_index(self) -> int:
        """The first stop that is not only background: where the story itself begins."""
        for index, events in enumerate(self.by_stop):
            if any(event.kind is not EventKind.BACKGROUND for event in events):
                return index
        return 0

    def count_at(self, index: int, place_id: str) -> int:
        return self.counts[index].get(place_id, 0) if index >= 0 else 0

    def new_places(self, index: int) -> frozenset[str]:
        """Places with something dated exactly at this stop."""
        return frozenset(place for event in self.by_stop[index] for place in event.places)

    def revealed(self, index: int, place_id: str | None = None) -> list[Event]:
        """Events up to this stop (of one place if given), newest first."""
        found = [
            event
            for events in self.by_stop[: index + 1]
            for event in events
            if place_id is None or place_id in event.places
        ]
        return found[::-1]


def story_timeline(story: Story) -> tuple[Timeline, list[Place]]:
    """What readers see: the reviewed (non-draft) events, and the places they name."""
    events = [event for event in story.events if not event.draft]
    used = {place for event in events for place in event.places}
    return Timeline.of(events), [p for p in story.places.values() if p.id in used]
