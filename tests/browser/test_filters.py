"""Filters, search and "Who said what" in a real browser: a filtered shared URL restores the map."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import expect
from stories import HOSTILE, write_hostile_story

from dashboard.filtering import RESULTS, narrow, result_place
from dashboard.maps import BRIEF_PLACES
from dashboard.view import default_position, slider_stops
from geodata import DEFAULT_FOLDER, read_story
from geodata.filters import EventIndex, Filter
from geodata.statements import speaker_line
from geodata.timeline import story_timeline
from tests.browser.conftest import screenshot
from tests.browser.test_map import map_frame, marker_counts, outside_requests

STORY = read_story(DEFAULT_FOLDER).story
TIMELINE, PLACES = story_timeline(STORY)
INDEX = EventIndex(STORY, [e for events in TIMELINE.by_stop for e in events])
PESKOV = Filter.of(kinds=["statement"], actors=["Dmitry Peskov"])


def filtered_counts(wanted: Filter, position: int | None = None) -> tuple[str, dict[str, int]]:
    """The slider code and every marker's count the app must show for ``wanted``."""
    view = narrow(INDEX, PLACES, wanted)
    stops = slider_stops(view.timeline)
    stop = stops[default_position(stops) if position is None else position]
    return stop.code, {p.id: view.timeline.count_at(stop.index, p.id) for p in view.places}


def story_markers(seen: dict[str, int], expected: dict[str, int]) -> dict[str, int]:
    """The markers of the story: the brief's reference places (count 0) are always added."""
    return {
        place: count
        for place, count in seen.items()
        if place in expected or place not in BRIEF_PLACES or count
    }


def settled_counts(page, expected: dict[str, int], timeout_ms: int = 20000) -> dict[str, int]:  # type: ignore[no-untyped-def]
    waited, seen = 0, {}
    while waited < timeout_ms:
        seen = story_markers(marker_counts(map_frame(page)), expected)
        if seen == expected:
            return seen
        page.wait_for_timeout(100)
        waited += 100
    raise AssertionError(f"map markers {seen} never became {expected}")


def test_a_filtered_shared_url_restores_the_same_markers(start_app, page, browser):
    code, expected = filtered_counts(PESKOV, -1)
    assert set(expected) < {p.id for p in PLACES}, "the filter must hide some places"
    query = {"date": code, **PESKOV.to_query()}
    page.goto(start_app(None) + "/?" + urlencode(query, doseq=True))
    settled_counts(page, expected)
    page.get_by_text(f"{len(INDEX.select(PESKOV))} of {len(INDEX.events)} events shown").wait_for()
    page.wait_for_timeout(500)  # the app writes the view back into the address
    shared = page.url
    assert "actor=Dmitry+Peskov" in shared and "kind=statement" in shared
    screenshot(page, "filtered-desktop-1280x720")

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    other = phone.new_page()
    other.requests = []
    other.on("request", lambda request: other.requests.append(request.url))
    other.goto(shared)
    assert settled_counts(other, expected) == expected
    screenshot(other, "filtered-phone-390")
    assert outside_requests(other) == [] and outside_requests(page) == []
    phone.close()


def test_search_finds_khmeimim_and_a_result_moves_the_slider(start_app, page):
    page.goto(start_app(None))
    map_frame(page)
    page.get_by_text("Filter and search").click()
    box = page.get_by_label("Search", exact=True)
    box.fill("Khmeimim")
    box.press("Enter")
    wanted = Filter.of(text="Khmeimim")
    found = INDEX.select(wanted)
    page.get_by_text(f"{len(found)} of {len(INDEX.events)} events shown").wait_for()
    view = narrow(INDEX, PLACES, wanted)
    stops = slider_stops(view.timeline)
    opening = stops[default_position(stops)]
    # The last listed result on another date than the one shown, so the slider must move.
    chosen = [e for e in found[:RESULTS] if e not in opening.events][-1]
    stop = next(s for s in stops if chosen in s.events)
    place = result_place(chosen, view.places)
    result = page.locator(".stButton", has_text=chosen.summary[:40]).first
    result.wait_for()
    result.get_by_role("button").click()
    page.wait_for_function(
        "([code, place]) => { const q = new URLSearchParams(location.search);"
        " return q.get('date') === code && q.get('place') === place; }",
        arg=[stop.code, place],
    )
    expect(page.get_by_role("slider")).to_have_attribute("aria-valuetext", stop.label)
    page.get_by_role(
        "heading", name=re.compile(f"^{re.escape(STORY.places[place].name)}: ")
    ).wait_for()
    screenshot(page, "search-khmeimim")


def test_who_said_what_shows_a_speakers_line_and_links_to_it(start_app, page):
    # From a statement card on the map (here the map filtered to him), one click.
    code, expected_counts = filtered_counts(PESKOV, -1)
    page.goto(start_app(None) + "/?" + urlencode({"date": code, **PESKOV.to_query()}, doseq=True))
    settled_counts(page, expected_counts)
    link = page.locator('[data-line="Dmitry Peskov"]').first
    link.click()
    page.wait_for_url("**/who?speaker=Dmitry+Peskov")
    cards = page.locator(".statement-card")
    expected = [e.id for e in speaker_line(INDEX.events, "Dmitry Peskov").statements]
    cards.nth(len(expected) - 1).wait_for()
    assert [c.get_attribute("data-event") for c in cards.all()] == expected
    page.get_by_text("The outlets report these words differently").first.wait_for()
    screenshot(page, "who-said-what")
    page.get_by_role("link", name="See these statements on the map").click()
    settled_counts(page, filtered_counts(PESKOV)[1])
    assert outside_requests(page) == []


def test_story_mode_downloads_the_filtered_story(start_app, page):
    code, expected = filtered_counts(PESKOV, -1)
    page.goto(start_app(None) + "/?" + urlencode({"date": code, **PESKOV.to_query()}, doseq=True))
    settled_counts(page, expected)
    page.get_by_role("link", name="Story mode").click()
    page.get_by_role("button", name="Download").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Map and story (HTML)").click()
    html = Path(download.value.path()).read_text("utf-8")
    shown = len(INDEX.select(PESKOV))
    note = f"Filtered: Kind: statement · Who: Dmitry Peskov ({shown} of {len(INDEX.events)} events)"
    assert f'<p class="filters" id="filters">{escape(note)}</p>' in html
    data = json.loads(
        re.search(
            r'<script type="application/json" id="story-data">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert sorted(data["eventStop"]) == sorted(e.id for e in INDEX.select(PESKOV))


def test_hostile_text_in_filters_and_results_shows_as_text(start_app, page, tmp_path_factory):
    folder = write_hostile_story(tmp_path_factory.mktemp("hostile-filters"))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    query = urlencode({"actor": "Actor <i>x</i>", "q": "summary script"})
    page.goto(start_app(folder) + "/?" + query)
    assert settled_counts(page, {"damascus": 1}) == {"damascus": 1}
    page.get_by_text(
        "1 of 1 event shown · Who: Actor <i>x</i> · Words: “summary script”"
    ).wait_for()
    page.get_by_text("Filter and search").click()
    page.get_by_text(f"Damascus: Summary {HOSTILE}").wait_for()
    page.get_by_text("Actor <i>x</i> (1)").wait_for()
    page.goto(start_app(folder) + "/who")
    page.get_by_text(HOSTILE).first.wait_for()
    page.wait_for_timeout(300)
    for frame in page.frames:
        assert frame.evaluate("window.__xss") is None
    assert dialogs == [] and page.locator("img[src=x]").count() == 0
