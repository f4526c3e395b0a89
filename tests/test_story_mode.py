"""Story mode: its pure parts (pages, map frame, cards) and the page driven by AppTest."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from apptesting import run as run_page
from stories import write_story
from streamlit.testing.v1 import AppTest

from dashboard.cards import places_table, presenter_card
from dashboard.presenter import PAGE_HEIGHT, card_height, event_parts, map_view, story_pages
from geodata import DEFAULT_FOLDER, LatLon, Place, PlaceKind, Timeline, read_story

PAGE = Path(__file__).resolve().parent.parent / "dashboard" / "screens" / "story_mode.py"
REAL = read_story(Path(DEFAULT_FOLDER)).story


def place(id: str, lat: float, lon: float) -> Place:
    return Place(id, id.title(), PlaceKind.CITY, LatLon(lat, lon), "Syria")


TARTUS, DAMASCUS = place("tartus", 34.889, 35.887), place("damascus", 33.51, 36.291)
MOSCOW, LIBYA = place("moscow", 55.752, 37.618), place("libya", 27.0, 17.0)


def words(text: str) -> list[str]:
    return text.strip("“”").replace("…", " ").split()


def test_pages_keep_every_event_in_order_and_within_the_card():
    for events in Timeline.of(REAL.events).by_stop:
        pages = story_pages(events, REAL)
        firsts = [part.event for page in pages for part in page if not part.continued]
        assert firsts == list(events)
        for page in pages:
            assert len(page) == 1 or sum(card_height(p, REAL) for p in page) <= PAGE_HEIGHT


def test_every_quote_is_shown_whole_over_one_or_more_screens():
    split = 0
    for event in (e for e in REAL.events if e.quote):
        parts = event_parts(event, REAL)
        shown = [word for part in parts if part.quote for word in words(part.quote)]
        assert shown == event.quote.replace("…", " ").split(), event.id
        assert [p.continued for p in parts] == [False] + [True] * (len(parts) - 1)
        assert [p.continues for p in parts] == [True] * (len(parts) - 1) + [False]
        split += len(parts) > 1
    assert split, "the real story has quotes too long for one screen"


def test_a_long_quote_goes_on_over_screens_with_its_where_line():
    event = max((e for e in REAL.events if e.quote), key=lambda e: len(e.quote or ""))
    parts = event_parts(event, REAL)
    assert len(parts) > 1
    cards = [part.card(REAL) for part in parts]
    assert all("Where: " in card for card in cards)
    assert "goes on on the next screen" in cards[0] or "follows on the next screen" in cards[0]
    assert "continued" in cards[-1]


@pytest.mark.parametrize(
    ("places", "inside", "zooms"),
    [
        ([TARTUS], [TARTUS], range(7, 9)),
        ([TARTUS, DAMASCUS, MOSCOW], [TARTUS, DAMASCUS], range(5, 9)),
        ([MOSCOW], [MOSCOW], range(3, 6)),
        ([MOSCOW, LIBYA], [MOSCOW, LIBYA], range(3, 5)),
    ],
    ids=["one-place", "far-places-ignored", "only-far", "far-apart"],
)
def test_map_view_frames_the_places_concerned(places, inside, zooms):
    (lat, lon), zoom = map_view(places, 600, 500)
    assert zoom in zooms
    lats = [p.latlon.lat for p in inside]
    lons = [p.latlon.lon for p in inside]
    assert min(lats) <= lat <= max(lats) and min(lons) <= lon <= max(lons)


def test_map_view_without_places():
    assert map_view([], 600, 500) is None


def test_presenter_card_escapes_article_text():
    event = next(e for e in REAL.events if e.quote)
    hostile = replace(event, summary="<script>x()</script>", actor="<img src=x onerror=y()>")
    html = presenter_card(hostile, REAL)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html


def test_the_places_table_lists_the_screen_s_places_first_then_the_rest_by_name():
    ids = ("tartus", "damascus", "aleppo", "moscow", "hmeimim-air-base")
    places = [REAL.places[place_id] for place_id in ids]
    html = places_table(places, {"damascus": 3}, {"damascus"}, "Places at X", first=("damascus",))
    rows = re.findall(r'<tr data-table-place="([^"]+)"( class="here")?>', html)
    assert rows == [
        ("damascus", ' class="here"'),
        ("aleppo", ""),
        ("hmeimim-air-base", ""),
        ("moscow", ""),
        ("tartus", ""),
    ]
    assert places_table(places, {}, (), "Places at X") == places_table(
        places, {}, (), "Places at X", first=()
    )


# --- the page ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh(fresh_caches):
    yield


def run(monkeypatch, folder: Path) -> AppTest:
    return run_page(monkeypatch, folder, PAGE)


def shown(at: AppTest) -> tuple[str, str]:
    html = " ".join(element.value for element in at.get("html"))
    step = html.split('class="story-step">')[1].split("<")[0]
    heading = html.split('class="story-heading">')[1].split("<")[0]
    return step, heading


def test_next_walks_every_date_and_stops_at_the_end(monkeypatch, tmp_path):
    at = run(monkeypatch, write_story(tmp_path))
    title = " ".join(element.value for element in at.get("html"))
    assert "story-title-screen" in title and "How to read the map" in title
    assert "3 events and statements, taken from 1 news article (Wire)" in title
    assert at.button(key="story-previous").disabled
    at.button(key="story-next").click().run()
    html = " ".join(element.value for element in at.get("html"))
    # The places table is on the screen itself, this screen's places first.
    assert 'class="story-places"' in html and "(this screen&#39;s places first)" in html
    seen = [shown(at)]
    while not at.button(key="story-next").disabled:
        at.button(key="story-next").click().run()
        seen.append(shown(at))
    assert seen == [
        ("Step 1 of 3", "In late November 2024 (approximate)"),
        ("Step 2 of 3", "On 8 December 2024"),
        ("Step 3 of 3", "On 16 December 2024"),
    ]
    at.button(key="story-previous").click().run()
    assert shown(at) == seen[1]


def test_an_empty_folder_says_so(monkeypatch, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    at = run(monkeypatch, folder)
    assert "no events to show" in at.info[0].value
