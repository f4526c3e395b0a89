"""The exported file's page: Leaflet, the basemap, the rendered story and its script, inlined.

Everything is in the one file, so it opens from a laptop's disk or an e-mail attachment with
no server and no internet. A Content-Security-Policy allows no request and no script but the
file's own two.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from dashboard.cards import NUMBER_KEY, legend, places_caption, places_table
from dashboard.maps import MAP_CREDIT, MARKER_CSS, STATIC_DIR, SYMBOLS, map_places
from dashboard.payload import TITLE, Interned, article_views, event_cards, story_payload
from dashboard.render import render
from dashboard.style import PAGE_CSS
from geodata import Place, Story, Timeline
from geodata.timeline import story_timeline

APP_JS = STATIC_DIR / "standalone.js"
PAGE_STYLE = Path(__file__).resolve().parent / "templates" / "standalone.css"


def script_json(data: Any) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or "'" can end or open
    a tag (Jinja2's ``htmlsafe_json_dumps``)."""
    return htmlsafe_json_dumps(data, dumps=json.dumps, ensure_ascii=False, separators=(",", ":"))


def _offline_css(css: str) -> str:
    """Leaflet's CSS without its image URLs: the page draws no image and so asks for none."""
    return re.sub(r"url\((?!#)[^)]*\)", "none", css)


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def standalone_html(
    story: Story,
    timeline: Timeline | None = None,
    places: list[Place] | None = None,
    made: date | None = None,
    filtered: str = "",
) -> str:
    """One HTML page that tells the story offline: Leaflet, basemap, data and app inlined.

    ``filtered`` says which filters narrowed the story, if any ("Only statements").
    """
    if timeline is None or places is None:
        timeline, places = story_timeline(story)
    places = map_places(story, places)  # the brief's places too, as on the app's map
    leaflet_js = (STATIC_DIR / "leaflet" / "leaflet.js").read_text("utf-8")
    leaflet_css = _offline_css((STATIC_DIR / "leaflet" / "leaflet.css").read_text("utf-8"))
    app_js = APP_JS.read_text("utf-8")
    map_js = (STATIC_DIR / "storymap.js").read_text("utf-8")
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {_sha256(leaflet_js)} {_sha256(map_js)} {_sha256(app_js)}"
    )
    markers = Interned()
    payload = story_payload(story, timeline, places, markers)
    first = timeline.first_story_index() if len(timeline) else -1
    return render(
        "standalone.html",
        title=TITLE,
        filtered=filtered,
        policy=policy,
        styles=Markup(
            "<style>"
            + leaflet_css
            + "</style>\n"
            + MARKER_CSS
            + PAGE_CSS
            + "<style>"
            + PAGE_STYLE.read_text("utf-8")
            + "</style>"
        ),
        number_key=NUMBER_KEY,
        legend=legend(  # the number's key is in the header already
            [item for kind, item in SYMBOLS.items() if any(p.kind is kind for p in places)],
            key=None,
        ),
        table=places_table(
            places,
            timeline.counts[first] if first >= 0 else {},
            timeline.new_places(first) if first >= 0 else (),
            places_caption(None),
            buttons=True,
            table_id="places-table",
        ),
        cards=event_cards(story, timeline),
        articles=article_views(story, timeline),
        markers=[Markup(html) for html in markers.items],
        made_on=(made or date.today()).isoformat(),
        data=script_json(payload),
        leaflet_js=Markup(leaflet_js),
        map_js=Markup(map_js),
        map_credit=MAP_CREDIT,
        app_js=Markup(app_js),
    )
