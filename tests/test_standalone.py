"""dashboard/standalone.py: one self-contained HTML file, its data, its safety and its CLI."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import re
import subprocess
import sys
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from stories import write_story

from dashboard.cards import EXPORT_LINKS, event_card
from dashboard.export_page import script_json
from dashboard.maps import map_places
from dashboard.payload import story_payload
from dashboard.standalone import main, standalone_html
from dashboard.view import slider_stops, stop_heading
from geodata import DEFAULT_FOLDER, read_story
from geodata.timeline import story_timeline

HOSTILE = '</script><script>alert(1)</script><img src=x onerror="alert(2)"><!--'
ROOT = Path(__file__).resolve().parent.parent


def embedded(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', html, re.S)
    assert match, "no story data in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def real() -> tuple:  # type: ignore[type-arg]
    story = read_story(Path(DEFAULT_FOLDER)).story
    return story, standalone_html(story, made=date(2025, 1, 1))


def test_the_page_loads_nothing_from_anywhere(real):
    _, html = real
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", html)
    assert "<link" not in html
    urls = re.findall(r"url\(([^)]*)\)", html)
    assert all(u.startswith(("#", "data:")) for u in urls), urls
    assert "default-src 'none'" in unescape(html)


def test_the_policy_allows_exactly_the_page_s_own_scripts(real):
    _, html = real
    policy = unescape(re.search(r'"Content-Security-Policy" content="([^"]+)"', html).group(1))
    allowed = set(re.findall(r"'(sha256-[^']+)'", policy))
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 3  # Leaflet, the map's behaviour and the page's app
    digests = {
        "sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts
    }
    assert digests == allowed


def test_the_data_has_the_app_s_stops_and_counts(real):
    story, html = real
    data = embedded(html)
    timeline, places = story_timeline(story)
    stops = slider_stops(timeline)
    assert [s["code"] for s in data["stops"]] == [s.code for s in stops]
    assert [s["events"] for s in data["stops"]] == [[e.id for e in s.events] for s in stops]
    assert [s["heading"] for s in data["stops"]] == [stop_heading(s) for s in stops]
    assert data["counts"] == [dict(c) for c in timeline.counts]
    assert {p["id"] for p in data["places"]} == {p.id for p in map_places(story, places)}
    assert data["basemap"]["type"] == "FeatureCollection"


def cards_in(html: str) -> dict[str, str]:
    """The cards the page carries, by event id, exactly as written in the file."""
    store = html.split('<template id="card-store">', 1)[1].split("</template>", 1)[0]
    found = re.findall(
        r'(<div class="event-card [^"]*" data-event="([^"]+)">.*?\n</div>)', store, re.S
    )
    return {event_id: card for card, event_id in found}


def test_the_file_carries_every_card_as_the_app_renders_it(real):
    story, html = real
    timeline, _ = story_timeline(story)
    events = [event for events in timeline.by_stop for event in events]
    cards = cards_in(html)
    assert set(cards) == {event.id for event in events}
    for event in events:
        app = event_card(event, story)
        exported = event_card(event, story, EXPORT_LINKS)
        assert cards[event.id] == exported
        # The same card but for where a source opens its article: the app's articles page,
        # or the file's own article panel.
        assert str(app).replace('href="articles?', 'href="#') == str(exported)


def test_every_cited_article_is_in_the_file_with_its_sentences_marked(real):
    story, html = real
    store = html.split('<template id="article-store">', 1)[1]
    timeline, _ = story_timeline(story)
    cited = {s.article for events in timeline.by_stop for e in events for s in e.sources}
    assert set(re.findall(r'<article class="article-view" data-article="([^"]+)">', store)) == cited
    assert store.count('<mark class="sentence"') >= len(cited)


def test_draft_events_are_left_out_as_in_the_app(tmp_path):
    drafted = """\
[[event]]
id = "offensive"
kind = "military"
summary = "An offensive began."
date = "2024-11-21/2024-11-30"
places = ["damascus"]
draft = true

[[event.source]]
article = "wire-2024-12-16"
sentence = "In late November, an offensive began."
"""
    story = read_story(write_story(tmp_path, {"wire-2024-12-16.events.toml": drafted})).story
    assert story.events and all(e.draft for e in story.events)
    data = story_payload(story, *story_timeline(story))
    assert data["stops"] == [] and data["eventStop"] == {}


@pytest.mark.parametrize(
    "text",
    [HOSTILE, "a </SCRIPT > b", "<!--<script>", "& &amp; \u2028 \u2029"],
    ids=["script-and-img", "upper-case-end-tag", "comment-open", "ampersand-and-separators"],
)
def test_script_json_cannot_leave_its_script_element(text):
    encoded = script_json({"text": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded and "'" not in encoded
    assert json.loads(encoded) == {"text": text}


def test_hostile_article_text_stays_data(tmp_path):
    article = f"""\
+++
id = "wire-2024-12-16"
outlet = 'Wire {HOSTILE}'
headline = "Talks go on"
published = "2024-12-16"
published_basis = "stated"
published_reasoning = "The dateline says December 16."
+++
Talks go on

MOSCOW, December 16. {HOSTILE}
In late November, an offensive began. On December 8, fighters entered Damascus.
"""
    story = read_story(write_story(tmp_path, {"wire-2024-12-16.txt": article})).story
    html = standalone_html(story)
    assert html.count("</script>") == 4  # data, Leaflet, the map and the app: nothing more
    assert HOSTILE not in html and "<img" not in html
    assert "Wire &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_app_script_writes_text_never_html():
    app = (ROOT / "dashboard" / "static" / "standalone.js").read_text("utf-8")
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app
    assert "document.write" not in app and "eval(" not in app


def test_cli_writes_the_page_and_the_csv(tmp_path, capsys):
    folder = write_story(tmp_path / "articles")
    out, table = tmp_path / "story.html", tmp_path / "events.csv"
    assert main([str(out), "--articles", str(folder), "--csv", str(table)]) == 0
    assert "story-data" in out.read_text("utf-8")
    header = next(csv.reader(table.read_text("utf-8").splitlines()))
    assert header[:3] == ["id", "kind", "date"]
    assert str(out) in capsys.readouterr().out


def test_cli_reports_problems_and_still_writes(tmp_path, capsys):
    folder = write_story(tmp_path / "articles", {"broken.events.toml": "[[event]]\nid = 3\n"})
    out = tmp_path / "story.html"
    assert main([str(out), "--articles", str(folder)]) == 1
    assert "broken.events.toml" in capsys.readouterr().err
    assert embedded(out.read_text("utf-8"))["eventStop"]


def test_the_module_imports_no_streamlit():
    code = "import sys, dashboard.standalone; sys.exit('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
