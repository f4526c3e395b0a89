"""The map page at synthetic scale: long lists are cut, "Show all" shows all, a place picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptesting import cards, headings, open_box
from apptesting import run as run_page
from streamlit.testing.v1 import AppTest

from geodata import Timeline, read_story
from geodata.synthetic import Size, write_story

pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    # 600 events on 3 dates over 40 places: about 200 events per date.
    return write_story(tmp_path_factory.mktemp("large"), Size(600, 40, dates=3))


def run(monkeypatch, folder: Path, **params: str) -> AppTest:
    return run_page(monkeypatch, folder, timeout=60, **params)


def test_a_long_date_shows_twenty_cards_and_show_all_reveals_every_one(monkeypatch, folder):
    timeline = Timeline.of(read_story(folder).story.events)
    first = timeline.by_stop[0]
    at = run(monkeypatch, folder)
    assert cards(at) == [e.id for e in first[:20]]
    assert any(f"Showing 20 of {len(first)}" in c.value for c in at.caption)
    at.toggle(key="show-all-cards").set_value(True).run()
    assert cards(at) == [e.id for e in first]


def test_a_place_with_many_events_lists_the_newest_first_and_all_on_demand(monkeypatch, folder):
    timeline = Timeline.of(read_story(folder).story.events)
    last = len(timeline) - 1
    revealed = timeline.revealed(last, "site-007")
    assert len(revealed) > 20
    at = run(monkeypatch, folder, date=timeline.stops[last].code, place="site-007")
    assert cards(at) == [e.id for e in revealed[:20]]
    at.toggle(key="show-all-cards").set_value(True).run()
    assert cards(at) == [e.id for e in revealed]


def test_many_places_are_picked_from_one_select_box_not_buttons(monkeypatch, folder):
    at = open_box(run(monkeypatch, folder), "places-open")
    assert not [b for b in at.button if (b.key or "").startswith("place-")]
    picker = at.selectbox(key="place-picker")
    assert len(picker.options) == 41
    picker.set_value("site-012").run()
    [subheader] = headings(at, 3)
    assert subheader.startswith("Site 012: ")
    assert at.query_params["place"] == "site-012"
