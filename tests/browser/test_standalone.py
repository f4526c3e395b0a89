"""The exported HTML file, opened from disk with the network blocked, tells the app's story."""

from __future__ import annotations

import re
from pathlib import Path

from stories import HOSTILE, write_hostile_story

from dashboard.maps import BRIEF_PLACES, map_places
from dashboard.standalone import standalone_html, story_timeline
from dashboard.view import default_position, slider_stops, stop_heading
from geodata import DEFAULT_FOLDER, read_story
from tests.browser.conftest import screenshot

STORY = read_story(Path(DEFAULT_FOLDER)).story
TIMELINE, PLACES = story_timeline(STORY)
PLACES_SHOWN = map_places(STORY, PLACES)  # the brief's places too, with nothing yet
STOPS = slider_stops(TIMELINE)


def open_offline(browser, path: Path):  # type: ignore[no-untyped-def]
    """A page on file://path; every request but the file itself is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    blocked: list[str] = []

    def refuse(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", refuse)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.goto(path.as_uri())
    page.locator("[data-place] .pill").first.wait_for()
    return context, page, blocked, requests, errors


def marker_counts(page) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#map [data-place]')]
            .map(e => [e.dataset.place, Number(e.dataset.count)]))"""
    )


def expected_counts(index: int) -> dict[str, int]:
    return {place.id: TIMELINE.count_at(index, place.id) for place in PLACES_SHOWN}


def test_the_exported_file_reveals_the_same_counts_as_the_app_offline(browser, tmp_path):
    path = tmp_path / "story.html"
    path.write_text(standalone_html(STORY), encoding="utf-8")
    context, page, blocked, requests, errors = open_offline(browser, path)
    position = default_position(STOPS)
    assert page.locator("#date").get_attribute("aria-valuetext") == STOPS[position].label
    assert marker_counts(page) == expected_counts(STOPS[position].index)
    screenshot(page, "standalone-1280x720")
    slider = page.locator("#date")
    slider.focus()
    for _ in range(position):
        slider.press("ArrowLeft")
    for number, stop in enumerate(STOPS):
        if number:
            slider.press("ArrowRight")
        assert slider.get_attribute("aria-valuetext") == stop.label
        assert marker_counts(page) == expected_counts(stop.index), stop.label
        panel = page.locator("#panel")
        assert panel.locator("h2").inner_text() == stop_heading(stop)
        if stop.code.startswith(".."):  # reported undated: "by 13 December 2024", not a day
            assert stop.label.startswith("by ")
            assert panel.locator("h2").inner_text().startswith("Reported by ")
        shown = panel.locator("[data-event]").evaluate_all("cs => cs.map(c => c.dataset.event)")
        assert shown == [event.id for event in stop.events]
    assert any(stop.code.startswith("..") for stop in STOPS)  # the walk met "on or before"
    page.get_by_role("button", name="◀ Previous").click()
    assert slider.get_attribute("aria-valuetext") == STOPS[-2].label
    assert blocked == [] and errors == []
    assert requests == [path.as_uri()]
    context.close()


def test_clicking_a_place_shows_its_events_and_sources(browser, tmp_path):
    path = tmp_path / "story.html"
    path.write_text(standalone_html(STORY), encoding="utf-8")
    context, page, blocked, requests, _ = open_offline(browser, path)
    last = STOPS[-1]
    page.locator("#date").focus()
    for _ in range(len(STOPS)):
        page.locator("#date").press("ArrowRight")
    page.locator('[data-place="damascus"] .pill').click()
    count = TIMELINE.count_at(last.index, "damascus")
    heading = page.locator("#panel h2")
    assert heading.inner_text() == f"Damascus: {count} events up to {last.label}"
    newest = TIMELINE.revealed(last.index, "damascus")
    cards = page.locator("#panel [data-event]")
    assert cards.evaluate_all("cs => cs.map(c => c.dataset.event)") == [e.id for e in newest]
    source = newest[0].sources[0]
    article = STORY.articles[source.article]
    first = cards.first
    assert article.outlet in first.locator(".sources").inner_text()
    first.locator("details summary").first.click()
    assert source.sentence in first.locator(".article mark").first.inner_text()
    assert "place=damascus" in page.url
    screenshot(page, "standalone-damascus")
    page.get_by_role("button", name="Show all places").click()
    assert heading.inner_text() == f"On {last.label}"
    assert blocked == [] and requests == [path.as_uri()]
    context.close()


def test_hostile_article_text_in_the_export_shows_as_text_and_runs_nothing(browser, tmp_path):
    folder = write_hostile_story(tmp_path / "hostile")
    reading = read_story(folder)
    assert reading.issues == ()
    path = tmp_path / "hostile.html"
    path.write_text(standalone_html(reading.story), encoding="utf-8")
    context, page, blocked, requests, _ = open_offline(browser, path)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    counts = marker_counts(page)
    assert {place: count for place, count in counts.items() if count} == {"damascus": 1}
    assert {place for place, count in counts.items() if not count} <= set(BRIEF_PLACES)
    page.get_by_text(f"Summary {HOSTILE}").wait_for()
    page.get_by_text("Actor <i>x</i>", exact=False).wait_for()
    page.get_by_text(re.compile("Hostile </script><b>Outlet</b>")).first.wait_for()
    page.locator("#panel details summary").first.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert blocked == [] and requests == [path.as_uri()]
    screenshot(page, "standalone-hostile")
    context.close()
