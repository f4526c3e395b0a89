"""Running the dashboard's pages headlessly with AppTest: shared by the page tests."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard"
APP = DASHBOARD / "app.py"


def run(
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    script: Path = APP,
    timeout: float = 30,
    **params: str,
) -> AppTest:
    """Run ``script`` on the articles in ``folder`` with these query parameters."""
    monkeypatch.setenv("STORY_ARTICLES_DIR", str(folder))
    at = AppTest.from_file(str(script), default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def cards(at: AppTest) -> list[str]:
    """The event ids of the event cards shown, in order."""
    return [
        match.group(1)
        for html in at.get("html")
        if (match := re.match(r'<div class="event-card[^"]*" data-event="([^"]+)"', html.value))
    ]


def headings(at: AppTest, level: int) -> list[str]:
    """The text of the ``<hN>`` headings the page shows as HTML (data text never as Markdown)."""
    pattern = re.compile(rf'<h{level} dir="auto">(.*)</h{level}>', re.DOTALL)
    return [unescape(m.group(1)) for html in at.get("html") if (m := pattern.fullmatch(html.value))]


def captions(at: AppTest) -> list[str]:
    """The text of the captions the page shows as HTML (``dashboard.plaintext.caption``)."""
    pattern = re.compile(r'<p dir="auto" style="[^"]*">(.*)</p>', re.DOTALL)
    return [unescape(m.group(1)) for html in at.get("html") if (m := pattern.fullmatch(html.value))]


def open_box(at: AppTest, key: str) -> AppTest:
    """Open the expander ``key`` ("filters-open", "places-open") as a reader does: its
    widgets are made only while it is open."""
    at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
