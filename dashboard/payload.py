"""The exported file's data: what changes with the date and the place, rendered in Python.

The file's script only keeps the state (date, place, article) and shows, hides or
copies what is here: every text a reader sees (headings, captions, tooltips) and every
piece of HTML (cards, markers, article text) comes from the functions the app uses.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from dashboard.cards import (
    EXPORT_LINKS,
    count_words,
    event_card,
    place_heading,
    places_caption,
    source_name,
)
from dashboard.highlight import highlighted_article
from dashboard.maps import (
    MAP_TITLE,
    STORY_BOUNDS,
    basemap_geojson,
    basemap_labels,
    basemap_styles,
    marker_records,
)
from dashboard.view import slider_stops, stop_heading
from geodata import Place, Story, Timeline

TITLE = "Russia's military bases in Syria after the fall of Assad"
NEW_WORDS = ("no", "yes")  # the places table's "new on this date" column


class Interned:
    """Each distinct string once, by number: markers repeat from one date to the next."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._numbers: dict[str, int] = {}

    def number(self, text: str) -> int:
        if text not in self._numbers:
            self._numbers[text] = len(self.items)
            self.items.append(text)
        return self._numbers[text]


def story_payload(
    story: Story, timeline: Timeline, places: list[Place], markers: Interned | None = None
) -> dict[str, Any]:
    """Everything that varies with the view, as plain data: the same stops and counts as the
    app. Marker HTML goes into ``markers`` (the page writes it out once as templates).
    """
    markers = markers if markers is not None else Interned()
    tooltips = Interned()
    stops = slider_stops(timeline)
    events = [event for events in timeline.by_stop for event in events]
    stop_of = {event.id: index for index, events in enumerate(timeline.by_stop) for event in events}
    by_place: dict[str, list[str]] = {place.id: [] for place in places}
    for event in reversed(events):  # newest first, as the app lists a place's events
        for place_id in event.places:
            by_place.setdefault(place_id, []).append(event.id)
    marker_table = []
    for index in range(len(timeline)):
        records = marker_records(places, timeline, index)
        marker_table.append(
            [[markers.number(r["html"]), tooltips.number(r["tooltip"])] for r in records]
        )
    return {
        "title": TITLE,
        "bounds": [list(STORY_BOUNDS[0]), list(STORY_BOUNDS[1])],
        "places": [
            {"id": place.id, "lat": place.latlon.lat, "lon": place.latlon.lon} for place in places
        ],
        "stops": [
            {
                "code": stop.code,
                "label": stop.label,
                "heading": stop_heading(stop),
                "caption": f"{count_words(len(stop.events))} on this date. Click a place on "
                "the map or in the table to see everything that happened there up to this date.",
                "table": places_caption(stop),
                "index": stop.index,
                "events": [event.id for event in stop.events],
                "placeHeadings": {
                    place.id: place_heading(place, timeline.count_at(stop.index, place.id), stop)
                    for place in places
                },
            }
            for stop in stops
        ],
        "descriptions": {place.id: place.description for place in places},
        # Per timeline stop (finer than the slider's background): counts, new places, markers.
        "counts": list(timeline.counts),
        "fresh": [sorted(timeline.new_places(index)) for index in range(len(timeline))],
        "markers": marker_table,
        "tooltips": tooltips.items,
        "newWords": list(NEW_WORDS),
        "placeEvents": by_place,
        "eventStop": stop_of,
        "basemapStyles": basemap_styles(),
        "basemap": basemap_geojson(),
        "labels": basemap_labels(),
        "mapTitle": MAP_TITLE,
    }


def event_cards(story: Story, timeline: Timeline) -> list[Markup]:
    """Every card the file can show, once, as the app renders it (links to the file's panel)."""
    return [
        event_card(event, story, EXPORT_LINKS) for events in timeline.by_stop for event in events
    ]


def article_views(story: Story, timeline: Timeline) -> list[dict[str, Any]]:
    """The articles the events cite, each with its cited sentences marked."""
    used = {s.article for events in timeline.by_stop for e in events for s in e.sources}
    return [
        {
            "article": article,
            "name": source_name(article),
            "html": highlighted_article(article, story),
        }
        for article in sorted(story.articles.values(), key=lambda a: (a.published, a.id))
        if article.id in used
    ]
