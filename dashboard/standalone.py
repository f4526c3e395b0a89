"""The story as one self-contained HTML file: map, date slider, events and their sources.

Everything is inlined (Leaflet, the basemap, the data), so the file opens from a laptop's disk
or an e-mail attachment with no server and no internet. Article text travels only as JSON and
the page's script inserts it with textContent, never as HTML; a Content-Security-Policy allows
no request and no script but the file's own.

    python -m dashboard.standalone story.html [--articles DIR] [--csv events.csv]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from dashboard.filtering import Selection, select
from dashboard.maps import (
    MARKER_CSS,
    STATIC_DIR,
    STORY_BOUNDS,
    SYMBOLS,
    basemap_geojson,
    basemap_style,
    label_offsets,
)
from dashboard.style import PAGE_CSS
from dashboard.view import KIND_LABELS, slider_stops, stop_heading, stop_until
from geodata import DEFAULT_FOLDER, EventKind, Place, Severity, Story, Timeline, read_story
from geodata.export import to_csv
from geodata.filters import (
    EventIndex,
    FilterError,
    add_filter_arguments,
    filter_from_arguments,
)
from geodata.timeline import story_timeline

TITLE = "Russia's military bases in Syria after the fall of Assad"
APP_JS = Path(__file__).resolve().parent / "static" / "standalone.js"
BASEMAP_LAYERS = ("country", "governorate", "lake", "river", "buffer_zone")


def _place_record(place: Place, offset: tuple[int, int]) -> dict[str, Any]:
    symbol, colour, _ = SYMBOLS[place.kind]
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind.value,
        "kindLabel": place.kind.label,
        "base": place.kind.is_base,
        "symbol": symbol,
        "colour": colour,
        "lat": place.latlon.lat,
        "lon": place.latlon.lon,
        "dx": offset[0],
        "dy": offset[1],
        "description": place.description,
    }


def _event_record(event: Any, story: Story) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind.value,
        "kindLabel": KIND_LABELS[event.kind],
        "when": event.when.label,
        "summary": event.summary,
        "speaker": event.speaker,
        "said": event.kind is EventKind.STATEMENT,
        "quote": event.quote,
        "note": event.note,
        "places": list(event.places),
        "sources": [
            {
                "article": s.article,
                "sentence": s.sentence,
                "quote": s.quote if s.quote != event.quote else None,
                "note": s.note,
            }
            for s in event.sources
            if s.article in story.articles
        ],
    }


def story_payload(story: Story, timeline: Timeline, places: list[Place]) -> dict[str, Any]:
    """Everything the page needs, as plain data: the same stops and counts as the app."""
    offsets = label_offsets(places)
    stops = slider_stops(timeline)
    events = [event for events in timeline.by_stop for event in events]
    used_articles = {s.article for event in events for s in event.sources}
    return {
        "title": TITLE,
        "bounds": [list(STORY_BOUNDS[0]), list(STORY_BOUNDS[1])],
        "places": [_place_record(place, offsets[place.id]) for place in places],
        "stops": [
            {
                "code": stop.code,
                "label": stop.label,
                "heading": stop_heading(stop),
                "until": stop_until(stop),
                "index": stop.index,
                "events": [event.id for event in stop.events],
            }
            for stop in stops
        ],
        # Per timeline stop (finer than the slider's background): for counts and "revealed".
        "byStop": [[event.id for event in events] for events in timeline.by_stop],
        "counts": list(timeline.counts),
        "events": {event.id: _event_record(event, story) for event in events},
        "articles": {
            article.id: {
                "outlet": article.outlet,
                "headline": article.headline,
                "published": article.published.label,
                "body": article.body,
            }
            for article in story.articles.values()
            if article.id in used_articles
        },
        "legend": [
            {"symbol": symbol, "colour": colour, "text": text}
            for kind, (symbol, colour, text) in SYMBOLS.items()
            if any(place.kind is kind for place in places)
        ],
        "basemapStyles": {
            layer: basemap_style({"properties": {"layer": layer}}) for layer in BASEMAP_LAYERS
        },
        "basemap": basemap_geojson(),
    }


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _offline_css(css: str) -> str:
    """Leaflet's CSS without its image URLs: the page draws no image and so asks for none."""
    return re.sub(r"url\((?!#)[^)]*\)", "none", css)


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


PAGE_STYLE = """
<style>
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; color: #111; }
body { display: flex; flex-direction: column; }
header { padding: .5rem 1rem .3rem 1rem; border-bottom: 1px solid #ddd; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem 0; }
.controls { display: flex; align-items: center; gap: .6rem; }
.controls input[type=range] { flex: 1; }
.controls button, .place-list button, #unfocus { font: inherit; padding: .25rem .7rem;
  border: 1px solid #bbb; border-radius: 6px; background: #fff; cursor: pointer; }
.controls button:disabled { opacity: .4; cursor: default; }
#date-label { min-width: 16rem; font-weight: 700; }
main { flex: 1; display: flex; min-height: 0; }
#map-column { flex: 3; display: flex; flex-direction: column; min-width: 0; }
#map { flex: 1; min-height: 300px; }
#panel { flex: 2; overflow: auto; padding: .6rem 1rem; border-left: 1px solid #ddd; }
#panel h2 { font-size: 1.5rem; margin: 0 0 .3rem 0; }
.caption, .legend, footer { color: #444; font-size: .9rem; }
.legend { padding: .2rem .6rem; line-height: 1.8; }
.article { white-space: pre-wrap; font-size: .95rem; background: #fff; padding: .4rem;
  border: 1px solid #ddd; max-height: 20rem; overflow: auto; }
.article mark { background: #ffd24d; }
.place-list button { display: block; margin: .2rem 0; text-align: left; }
footer { padding: .2rem 1rem; border-top: 1px solid #ddd; }
@media (max-width: 700px) { main { flex-direction: column; } #map { min-height: 55vh; }
  #panel { border-left: 0; } }
</style>
"""


def standalone_html(
    story: Story,
    timeline: Timeline | None = None,
    places: list[Place] | None = None,
    made: date | None = None,
    filtered: str = "",
) -> str:
    """One HTML page that tells the story offline: Leaflet, basemap, data and app inlined."""
    if timeline is None or places is None:
        timeline, places = story_timeline(story)
    leaflet_js = (STATIC_DIR / "leaflet" / "leaflet.js").read_text("utf-8")
    leaflet_css = _offline_css((STATIC_DIR / "leaflet" / "leaflet.css").read_text("utf-8"))
    app_js = APP_JS.read_text("utf-8")
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {_sha256(leaflet_js)} {_sha256(app_js)}"
    )
    made_on = (made or date.today()).isoformat()
    data = script_json(story_payload(story, timeline, places))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(TITLE)}</title>
<style>{leaflet_css}</style>
{MARKER_CSS}
{PAGE_CSS}
{PAGE_STYLE}
</head>
<body>
<header>
<h1>{escape(TITLE)}</h1>
{f'<p class="filters" id="filters">{escape(filtered)}</p>' if filtered else ""}
<div class="controls">
<button type="button" id="previous">◀ Previous</button>
<input type="range" id="date" min="0" max="0" step="1" value="0" aria-label="Date">
<button type="button" id="next">Next ▶</button>
<span id="date-label" aria-live="polite"></span>
</div>
</header>
<main>
<div id="map-column"><div id="map"></div><div class="legend" id="legend"></div></div>
<section id="panel" aria-live="polite"></section>
</main>
<footer>Made on {made_on} from the dashboard's articles. Borders: Natural Earth (public domain),
which draws the Golan Heights inside Israel. Map: Leaflet (BSD-2-Clause).
Works offline; nothing is loaded from the internet.</footer>
<script type="application/json" id="story-data">{data}</script>
<script>{leaflet_js}</script>
<script>{app_js}</script>
</body>
</html>
"""


def build_parser() -> argparse.ArgumentParser:
    """The ``story-html`` command line (also ``python -m dashboard.standalone``)."""
    parser = argparse.ArgumentParser(
        prog="story-html",
        description="Write the story as one HTML file that works offline with no server.",
    )
    parser.add_argument("output", type=Path, help="the HTML file to write")
    parser.add_argument("--articles", type=Path, default=DEFAULT_FOLDER, help="the articles folder")
    parser.add_argument("--csv", type=Path, help="also write the events table as CSV here")
    add_filter_arguments(parser)
    return parser


def select_from_arguments(story: Story, args: argparse.Namespace) -> Selection:
    """The story narrowed by the command line's filters; FilterError for unknown values."""
    wanted = filter_from_arguments(story, args)
    timeline, _ = story_timeline(story)
    index = EventIndex(story, [event for events in timeline.by_stop for event in events])
    index.check(wanted)
    return select(story, wanted, index)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    reading = read_story(args.articles)
    errors = [issue for issue in reading.issues if issue.severity is Severity.ERROR]
    for issue in errors:
        print(issue, file=sys.stderr)
    try:
        chosen = select_from_arguments(reading.story, args)
    except FilterError as error:  # nothing is written for a filter that names nothing
        print(f"error: {error}", file=sys.stderr)
        return 2
    html = standalone_html(chosen.story, chosen.timeline, chosen.places, filtered=chosen.note)
    args.output.write_text(html, encoding="utf-8")
    print(f"wrote {args.output}" + (f" ({chosen.note})" if chosen.note else ""))
    if args.csv:
        args.csv.write_text(to_csv(chosen.story), encoding="utf-8")
        print(f"wrote {args.csv}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
