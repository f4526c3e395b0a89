"""The exported HTML file, opened from disk with the network blocked, tells the app's story."""

from __future__ import annotations

import re
from pathlib import Path

from stories import HOSTILE, write_hostile_story

from dashboard.cards import event_card, place_heading, places_caption
from dashboard.maps import BRIEF_PLACES, map_places
from dashboard.standalone import standalone_html
from dashboard.view import default_position, slider_stops, stop_heading
from geodata import DEFAULT_FOLDER, read_story
from geodata.timeline import story_timeline
from tests.browser.conftest import card_text, screenshot

STORY = read_story(Path(DEFAULT_FOLDER)).story
TIMELINE, PLACES_SHOWN = story_timeline(STORY)
ON_MAP = map_places(STORY, PLACES_SHOWN)  # the brief's places too, with nothing yet
STOPS = slider_stops(TIMELINE)


def open_offline(browser, path: Path, width: int = 1280, height: int = 720):  # type: ignore[no-untyped-def]
    """A page on file://path; every request but the file itself is aborted and recorded."""
    context = browser.new_context(viewport={"width": width, "height": height})
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
    return {place.id: TIMELINE.count_at(index, place.id) for place in ON_MAP}


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
        cards = panel.locator("[data-event]")
        shown = cards.evaluate_all("cs => cs.map(c => c.dataset.event)")
        assert shown == [event.id for event in stop.events]
        # Card parity: each card reads exactly as the app renders it (tests/browser/test_map.py
        # checks the app's cards against the same rendering).
        texts = cards.evaluate_all("cs => cs.map(c => c.textContent)")
        for event, text in zip(stop.events, texts, strict=True):
            assert card_text(text) == card_text(event_card(event, STORY)), event.id
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
    place = STORY.places["damascus"]
    assert heading.inner_text() == place_heading(place, count, last)
    assert " up to between " not in heading.inner_text()
    newest = TIMELINE.revealed(last.index, "damascus")
    cards = page.locator("#panel [data-event]")
    assert cards.evaluate_all("cs => cs.map(c => c.dataset.event)") == [e.id for e in newest]
    source = newest[0].sources[0]
    article = STORY.articles[source.article]
    first = cards.first
    assert article.headline in first.locator(".sources").inner_text()
    assert "place=damascus" in page.url
    screenshot(page, "standalone-damascus")
    # A source opens its article in the panel with the cited sentence outlined, as the app's
    # articles page does; sentences are found as `check` finds them (normalised quotes).
    first.locator(".sources a").first.click()
    view = page.locator("#article-view")
    view.wait_for()
    assert article.headline in view.locator("h3").inner_text()
    outlined = view.locator("mark.focus").evaluate_all("ms => ms.map(m => m.textContent).join('')")
    # Everything outlined is one of the event's sentences in this article, and each is outlined.
    rest = card_text(outlined)
    for sentence in (s.sentence for s in newest[0].sources if s.article == article.id):
        assert card_text(sentence) in rest
        rest = rest.replace(card_text(sentence), "", 1)
    assert rest.strip() == ""
    page.get_by_role("button", name="Back to the events").click()
    assert view.is_hidden()
    page.get_by_role("button", name="Show all places").click()
    assert heading.inner_text() == stop_heading(last)
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
    page.locator("#panel .sources a").first.click()
    page.locator("#article-view").wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert blocked == [] and requests == [path.as_uri()]
    screenshot(page, "standalone-hostile")
    context.close()


def test_the_places_table_and_keyboard_on_a_phone(browser, tmp_path):
    """390 px: map and panel stacked, the panel at least 40 % of the screen on the first
    screen; the places table names every place with its count; Enter on a marker focuses it."""
    path = tmp_path / "story.html"
    path.write_text(standalone_html(STORY), encoding="utf-8")
    context, page, blocked, requests, errors = open_offline(browser, path, 390, 844)
    panel = page.locator("#panel").bounding_box()
    visible = min(panel["y"] + panel["height"], 844) - max(panel["y"], 0)
    assert visible >= 0.4 * 844, panel
    for selector in ("#previous", "#next", "#date", "#date-label"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
    screenshot(page, "standalone-390")
    position = default_position(STOPS)
    stop = STOPS[position]
    table = page.locator("#places-table")
    assert table.locator("caption").inner_text() == places_caption(stop)
    rows = table.locator("tbody tr").evaluate_all(
        "rs => rs.map(r => [r.dataset.tablePlace, Number(r.querySelector('.count').textContent),"
        " r.querySelector('.new').textContent])"
    )
    new = TIMELINE.new_places(stop.index)
    assert {place: (count, fresh) for place, count, fresh in rows} == {
        place.id: (TIMELINE.count_at(stop.index, place.id), "yes" if place.id in new else "no")
        for place in PLACES_SHOWN
    }
    # Keyboard: Tab reaches a marker; Enter focuses its place, and the panel says so.
    marker = page.locator('#map .leaflet-marker-icon:has([data-place="damascus"])')
    marker.focus()
    page.keyboard.press("Enter")
    heading = page.locator("#panel h2")
    assert heading.inner_text().startswith("Damascus: ")
    assert page.locator('#map [data-place="damascus"]').get_attribute("class").count("selected")
    # What the key (or a tap) revealed is where the reader looks: on the screen, at the top.
    box = heading.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 844, box
    page.locator("#unfocus").click()
    marker.focus()
    page.keyboard.press(" ")
    assert heading.inner_text().startswith("Damascus: ")
    assert blocked == [] and errors == [] and requests == [path.as_uri()]
    context.close()
