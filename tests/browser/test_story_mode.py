"""Story mode in a real browser: "Next" walks every date, on one 1280x720 screen, no scrolling."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from dashboard.cards import places_caption
from dashboard.presenter import story_pages
from dashboard.view import slider_stops, stop_heading
from geodata import DEFAULT_FOLDER, read_story
from geodata.timeline import story_timeline
from tests.browser.conftest import screenshot
from tests.browser.test_map import (
    expected_counts,
    map_frame,
    outside_requests,
    settled_frame,
    wait_for_counts,
)

STORY = read_story(Path(DEFAULT_FOLDER)).story
TIMELINE, TABLE_PLACES = story_timeline(STORY)
STOPS = slider_stops(TIMELINE)
PARTS = [part for stop in STOPS for part in story_pages(stop.events, STORY)]
ON_TABLE = {place.id for place in TABLE_PLACES}  # the places table's rows
SCREENS = 1 + len(PARTS)  # the title screen, then the parts of each date

# Neither the page nor the story card may need scrolling: everything is on one screen.
OVERFLOW = """() => {
  const tall = e => e && e.scrollHeight > e.clientHeight + 1;
  const card = document.querySelector('.st-key-story-card');
  return {
    page: tall(document.scrollingElement),
    main: tall(document.querySelector('[data-testid="stMain"]')),
    card: tall(card),
    cardFound: !!card,
  };
}"""


def open_story_mode(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Story mode, past its title screen."""
    page.goto(url + "/story")
    page.locator(".story-title-screen").wait_for()
    assert page.get_by_text("Page not found").count() == 0
    page.get_by_role("button", name="Next ▶").click()
    page.locator(".story-step").wait_for()


def wait_for_text(page, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(selector, has_text=re.compile("^" + re.escape(text) + "$")).wait_for()


def shown_events(page) -> list[str]:  # type: ignore[no-untyped-def]
    cards = page.locator(".st-key-story-card [data-event]")
    return cards.evaluate_all("cs => cs.map(c => c.dataset.event)")


def shown_parts(page) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    cards = page.locator(".st-key-story-card [data-event]")
    return cards.evaluate_all(
        "cs => cs.map(c => [c.dataset.event, c.classList.contains('continued'),"
        " (c.querySelector('blockquote') || {textContent: ''}).textContent.slice(0, 30)])"
    )


def part_keys(parts) -> list[tuple[str, bool, str]]:  # type: ignore[no-untyped-def]
    return [(p.event.id, p.continued, (p.quote or "")[:30]) for p in parts]


def wait_for_events(page, expected: list[str], timeout_ms: int = 15000) -> None:  # type: ignore[no-untyped-def]
    waited, seen = 0, []
    while waited < timeout_ms:
        seen = shown_events(page)
        if seen == expected:
            return
        page.wait_for_timeout(100)
        waited += 100
    raise AssertionError(f"the story card showed {seen}, never {expected}")


def test_next_walks_every_date_on_one_screen(start_app, page):
    page.goto(start_app(None) + "/story")
    title = page.locator(".story-title-screen")
    title.wait_for()
    assert "How to read the map" in title.inner_text()
    assert page.evaluate(OVERFLOW)["page"] is False
    map_frame(page).locator(".leaflet-container").wait_for()
    page.wait_for_timeout(500)  # the basemap is fetched once the frame is up
    screenshot(page, "story-mode-title")
    page.get_by_role("button", name="Next ▶").click()
    screens = 1
    for number, stop in enumerate(STOPS, start=1):
        wait_for_text(page, ".story-step", f"Step {number} of {len(STOPS)}")
        wait_for_text(page, ".story-heading", stop_heading(stop))
        wait_for_counts(page, expected_counts(stop.index))
        parts = story_pages(stop.events, STORY)
        # Every event of the date is on one of its screens, in order: nothing is dropped.
        firsts = [p.event for part in parts for p in part if not p.continued]
        assert firsts == list(stop.events)
        for part in parts:
            screens += 1
            wait_for_parts(page, part_keys(part))
            for card in page.locator(".st-key-story-card .story-card").all():
                assert card.locator(".where").inner_text().startswith("Where: ")
            check_places_table(page, stop, part)
            assert page.evaluate(OVERFLOW) == {
                "page": False,
                "main": False,
                "card": False,
                "cardFound": True,
            }, f"{stop.label}: {[event.id for event in part]} do not fit"
            if number in (1, 5) and part is parts[0]:
                settled_frame(map_frame(page))  # no pill cut by the map's edge
                screenshot(page, f"story-mode-step-{number}")
            if screens < SCREENS:
                page.get_by_role("button", name="Next ▶").click()
    assert screens == SCREENS
    assert page.get_by_role("button", name="Next ▶").is_disabled()
    page.get_by_text("The end of the story.").wait_for()
    screenshot(page, "story-mode-end")
    page.get_by_role("button", name="◀ Previous").click()
    wait_for_parts(page, part_keys(PARTS[-2]))
    assert outside_requests(page) == []


# The places table under the map: caption, box and rows as the page shows them.
PLACES_TABLE = """() => {
  const box = document.querySelector('.story-places');
  const r = box.getBoundingClientRect();
  return {
    caption: box.querySelector('caption').textContent,
    top: r.top, bottom: r.bottom,
    rows: Array.from(box.querySelectorAll('tbody tr')).map(row => [
      row.dataset.tablePlace, row.classList.contains('here'),
      row.querySelector('.count').textContent, row.getBoundingClientRect().bottom]),
  };
}"""


def check_places_table(page, stop, part) -> None:  # type: ignore[no-untyped-def]
    """'Places at <date>' is on screen, not behind a button: this screen's places first
    (marked), every place of the story listed with its count at that date."""
    table = page.evaluate(PLACES_TABLE)
    assert table["caption"].startswith(places_caption(stop))
    assert 0 < table["top"] and table["bottom"] <= 720
    here = list(dict.fromkeys(p for piece in part for p in piece.event.places if p in ON_TABLE))
    rows = table["rows"]
    assert [row[0] for row in rows[: len(here)]] == here
    assert [row[1] for row in rows] == [True] * len(here) + [False] * (len(rows) - len(here))
    assert {row[0]: int(row[2]) for row in rows} == {
        place: TIMELINE.count_at(stop.index, place) for place in ON_TABLE
    }
    # The first of them can be read without scrolling the box.
    assert rows[0][3] <= table["bottom"]


def wait_for_parts(page, expected: list[tuple[str, bool, str]], timeout_ms: int = 15000) -> None:  # type: ignore[no-untyped-def]
    waited, seen = 0, []
    while waited < timeout_ms:
        seen = [tuple(part) for part in shown_parts(page)]
        if seen == expected:
            return
        page.wait_for_timeout(100)
        waited += 100
    raise AssertionError(f"the story card showed {seen}, never {expected}")


def test_autoplay_moves_on_by_itself(start_app, page):
    open_story_mode(page, start_app(None))
    wait_for_text(page, ".story-step", f"Step 1 of {len(STOPS)}")
    page.get_by_role("combobox").click()
    page.get_by_role("option", name="every 5 s").click()
    page.get_by_text("Autoplay").click()
    first = shown_events(page)
    waited = 0
    while shown_events(page) == first:
        assert waited < 12000, "autoplay did not move on within 12 s"
        page.wait_for_timeout(250)
        waited += 250
    assert waited >= 3000, "autoplay moved on too early"


def test_the_downloads_are_one_click_away(start_app, page, tmp_path):
    open_story_mode(page, start_app(None))
    wait_for_text(page, ".story-step", f"Step 1 of {len(STOPS)}")
    page.get_by_role("button", name="Download").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Map and story (HTML)").click()
    html = tmp_path / "story.html"
    download.value.save_as(html)
    assert 'id="story-data"' in html.read_text(encoding="utf-8")
    with page.expect_download() as download:
        page.get_by_role("button", name="Events table (CSV)").click()
    csv = tmp_path / "events.csv"
    download.value.save_as(csv)
    assert csv.read_text(encoding="utf-8").startswith('"id","kind","date",')


def test_presenter_keys_step_wherever_focus_is(start_app, page):
    """A clicker's PageDown/PageUp and the keyboard's → ← Space step story mode, also after a
    click on the map (its own frame, where Leaflet would pan) or on a toggle."""

    def on_screen(number: int) -> None:
        wait_for_parts(page, part_keys(PARTS[number]))

    open_story_mode(page, start_app(None))
    on_screen(0)
    map_frame(page).locator(".leaflet-container").click(position={"x": 30, "y": 200})
    page.keyboard.press("PageDown")
    on_screen(1)
    map_frame(page).locator(".leaflet-container").click(position={"x": 30, "y": 200})
    page.keyboard.press("ArrowRight")
    on_screen(2)
    page.keyboard.press("PageUp")
    on_screen(1)
    page.get_by_text("Autoplay").click()
    page.get_by_text("Autoplay").click()  # on and off again: the toggle keeps focus
    page.keyboard.press(" ")
    on_screen(2)
    page.keyboard.press("ArrowLeft")
    on_screen(1)
    # The places table's box is a keyboard stop: ↓ scrolls it (and does not step).
    page.locator(".story-places").focus()
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.querySelector('.story-places').scrollTop > 0")
    on_screen(1)
    # A far place's edge marker moves the map to it (here, where a place has no panel).
    frame = map_frame(page)
    edge = frame.locator(".story-edge:not(.group):not([hidden])").first
    place = edge.get_attribute("data-edge")
    edge.click()
    expect(frame.locator(f'.story-edge[data-edge="{place}"]')).to_be_hidden()
    # The marker it stood for, now in view, has the focus: not the page.
    assert frame.evaluate(
        "() => document.activeElement.classList.contains('leaflet-marker-icon') && "
        f"!!document.activeElement.querySelector('[data-place=\"{place}\"]')"
    )
    expect(frame.locator(f'[data-place="{place}"] .pill')).to_be_visible()
    page.keyboard.press("PageDown")  # focus on the map's edge marker: the keys still step
    on_screen(2)
    assert outside_requests(page) == []


def test_the_places_table_is_on_a_phone_too(start_app, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    open_story_mode(page, start_app(None))
    wait_for_parts(page, part_keys(PARTS[0]))
    box = page.locator(".story-places")
    box.scroll_into_view_if_needed()
    first = box.locator("tbody tr").first
    expect(first).to_be_visible()
    assert first.get_attribute("class") == "here"
    assert first.get_attribute("data-table-place") == PARTS[0][0].event.places[0]
    # The whole table: no box of its own on a phone, the page scrolls.
    assert page.evaluate(
        "() => { const b = document.querySelector('.story-places');"
        " return b.scrollHeight <= b.clientHeight + 1; }"
    )
    screenshot(page, "story-mode-places-390")
    context.close()
