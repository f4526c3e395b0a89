"""The story's events as JSON, CSV or GeoJSON: the public export formats (see README)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from geodata.models import Event, Place, Story

# /2: the "on_or_before" precision, whose "start" is null (CSV: empty): see README.
FORMAT_NAME = "geodata-events/2"
CSV_COLUMNS = (
    "id",
    "kind",
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "date_label",
    "place_ids",
    "place_names",
    "place_lats",
    "place_lons",
    "actor",
    "role",
    "summary",
    "quote",
    "note",
    "source_articles",
    "source_sentences",
)


def event_record(event: Event, story: Story) -> dict[str, Any]:
    """One event as plain data: dates resolved, places with coordinates, sources in full."""
    places = [story.places[place_id] for place_id in event.places]
    return {
        "id": event.id,
        "kind": event.kind.value,
        "summary": event.summary,
        "date": {
            "text": event.when.code,
            "start": _iso(event.when.earliest),
            "end": event.when.end.isoformat(),
            "precision": event.when.precision.value,
            "label": event.when.label,
        },
        "places": [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind.value,
                "lat": p.latlon.lat,
                "lon": p.latlon.lon,
            }
            for p in places
        ],
        "actor": event.actor,
        "role": event.role,
        "quote": event.quote,
        "note": event.note,
        "draft": event.draft,
        "sources": [
            {
                "article": s.article,
                "outlet": story.articles[s.article].outlet,
                "headline": story.articles[s.article].headline,
                "published": story.articles[s.article].published.code,
                "sentence": s.sentence,
                "line": s.line,
                "quote": s.quote,
                "date_text": s.date_text,
                "note": s.note,
            }
            for s in event.sources
        ],
    }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def to_json(story: Story) -> str:
    records = [event_record(event, story) for event in story.events]
    return json.dumps({"format": FORMAT_NAME, "events": records}, ensure_ascii=False, indent=2)


# A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(...),
# =cmd|...): OWASP's "CSV injection", including the full-width forms some accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Written from checked numbers only: these never start a formula and stay numbers.
NUMBER_COLUMNS = frozenset({"place_lats", "place_lons"})


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading ' before a formula's first character."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def to_csv(story: Story) -> str:
    """One row per event (columns in README); text cells neutralised against formulas."""
    out = io.StringIO()
    # Every cell quoted (OWASP), so a cell holding a CR or a separator stays one cell.
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for event in story.events:
        writer.writerow(
            {
                name: cell if name in NUMBER_COLUMNS else neutralise(cell)
                for name, cell in _csv_row(event, story).items()
            }
        )
    return out.getvalue()


def _csv_row(event: Event, story: Story) -> dict[str, str]:
    record = event_record(event, story)
    places, sources = record["places"], record["sources"]
    return {
        "id": event.id,
        "kind": event.kind.value,
        "date": event.when.code,
        "date_start": record["date"]["start"] or "",
        "date_end": record["date"]["end"],
        "date_precision": record["date"]["precision"],
        "date_label": record["date"]["label"],
        "place_ids": ";".join(p["id"] for p in places),
        "place_names": ";".join(p["name"] for p in places),
        "place_lats": ";".join(str(p["lat"]) for p in places),
        "place_lons": ";".join(str(p["lon"]) for p in places),
        "actor": event.actor or "",
        "role": event.role or "",
        "summary": event.summary,
        "quote": event.quote or "",
        "note": event.note or "",
        "source_articles": ";".join(s["article"] for s in sources),
        "source_sentences": " | ".join(s["sentence"] for s in sources),
    }


def geojson_feature(event: Event, place: Place, story: Story) -> dict[str, Any]:
    """One RFC 7946 Point feature: ``event`` at ``place``, its fields flat as properties."""
    record = event_record(event, story)
    return {
        "type": "Feature",
        "id": f"{event.id}@{place.id}",
        "geometry": {"type": "Point", "coordinates": place.latlon.geojson()},
        "properties": {
            "id": event.id,
            "kind": record["kind"],
            "summary": event.summary,
            "actor": event.actor,
            "role": event.role,
            "quote": event.quote,
            "note": event.note,
            "draft": event.draft,
            "date_text": record["date"]["text"],
            "date_start": record["date"]["start"],
            "date_end": record["date"]["end"],
            "date_precision": record["date"]["precision"],
            "date_label": record["date"]["label"],
            "place_id": place.id,
            "place_name": place.name,
            "place_kind": place.kind.value,
            "places_of_event": len(event.places),
            "sources": record["sources"],
        },
    }


def to_geojson(story: Story) -> str:
    """An RFC 7946 FeatureCollection: one Point feature per event and place, in event order."""
    features = [
        geojson_feature(event, story.places[place_id], story)
        for event in story.events
        for place_id in event.places
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=2)
