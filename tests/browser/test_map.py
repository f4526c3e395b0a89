"""The map in a real browser: markers, counts per date, focus, shared URLs, no outside requests."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from stories import HOSTILE, write_hostile_story

from dashboard.cards import event_card, places_caption
from dashboard.maps import BRIEF_PLACES
from dashboard.placement import MAX_DISTANCE
from dashboard.view import default_position, slider_stops, stop_heading
from geodata import DEFAULT_FOLDER, Timeline, read_story
from tests.browser.conftest import LOOPBACK, card_text, screenshot

READING = read_story(Path(DEFAULT_FOLDER))
TIMELINE = Timeline.of(READING.story.events)
STOPS = slider_stops(TIMELINE)
PLACES_WITH_EVENTS = {p for e in READING.story.events for p in e.places}
SHOWN = PLACES_WITH_EVENTS | (set(BRIEF_PLACES) & set(READING.story.places))


def map_frame(page, timeout_ms: int = 30000):  # type: ignore[no-untyped-def]
    """The iframe that holds the Leaflet map, once its markers are drawn."""
    waited = 0
    while waited < timeout_ms:
        for frame in page.frames:
            if frame.locator("[data-place]").count():
                return frame
        page.wait_for_timeout(200)
        waited += 200
    raise AssertionError("no place marker appeared in the page")


def marker_counts(frame) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {
        element.get_attribute("data-place"): int(element.get_attribute("data-count"))
        for element in frame.locator("[data-place]").all()
    }


def expected_counts(stop_index: int) -> dict[str, int]:
    return {place: TIMELINE.count_at(stop_index, place) for place in SHOWN}


def wait_for_counts(page, expected: dict[str, int], timeout_ms: int = 15000) -> dict[str, int]:  # type: ignore[no-untyped-def]
    waited, seen = 0, {}
    while waited < timeout_ms:
        seen = marker_counts(map_frame(page))
        if seen == expected:
            return seen
        page.wait_for_timeout(100)
        waited += 100
    raise AssertionError(f"map counts {seen} never became {expected}")


def outside_requests(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        url
        for url in page.requests
        if not url.startswith(("data:", "blob:", "about:"))
        and urlparse(url).hostname not in {h.strip("[]") for h in LOOPBACK}
    ]


def test_every_place_marker_renders_with_its_count(start_app, page):
    page.goto(start_app(None))
    opening = STOPS[default_position(STOPS)]
    counts = wait_for_counts(page, expected_counts(opening.index))
    assert set(counts) == SHOWN
    assert {"tartus-naval-base", "hmeimim-air-base", "damascus", "aleppo"} <= set(counts)
    page.get_by_role("heading", name=stop_heading(opening)).wait_for()
    screenshot(page, "desktop-1280x720")
    assert outside_requests(page) == []


def test_the_panel_s_cards_and_the_places_table_read_as_rendered(start_app, page):
    """Card parity: the app's cards read as event_card renders them, as the export's do
    (tests/browser/test_standalone.py); the places table says what the map shows."""
    stop = STOPS[default_position(STOPS)]
    page.goto(start_app(None))
    counts = wait_for_counts(page, expected_counts(stop.index))
    cards = page.locator("[data-event]")
    cards.first.wait_for()
    shown = cards.evaluate_all("cs => cs.map(c => [c.dataset.event, c.textContent])")
    assert [event_id for event_id, _ in shown] == [event.id for event in stop.events]
    for event, (_, text) in zip(stop.events, shown, strict=True):
        assert card_text(text) == card_text(event_card(event, READING.story)), event.id
    table = page.locator("table.places-table")
    assert table.locator("caption").inner_text() == places_caption(stop)
    rows = table.locator("tbody tr").evaluate_all(
        "rs => rs.map(r => [r.dataset.tablePlace, Number(r.querySelector('.count').textContent),"
        " r.querySelector('.new').textContent])"
    )
    new = TIMELINE.new_places(stop.index)
    assert {place: count for place, count, _ in rows if count} == {
        place: count for place, count in counts.items() if count
    }
    assert all((fresh == "yes") == (place in new) for place, _, fresh in rows)
    assert outside_requests(page) == []


def test_stepping_the_slider_reveals_exactly_the_data_for_every_date(start_app, page):
    page.goto(start_app(None))
    position = default_position(STOPS)
    wait_for_counts(page, expected_counts(STOPS[position].index))
    slider = page.get_by_role("slider")
    slider.focus()
    for _ in range(position):
        slider.press("ArrowLeft")
    wait_for_counts(page, expected_counts(STOPS[0].index))
    for stop in STOPS[1:]:
        slider = page.get_by_role("slider")
        slider.focus()
        slider.press("ArrowRight")
        wait_for_counts(page, expected_counts(stop.index))
        page.get_by_role("heading", name=stop_heading(stop)).wait_for()
    assert outside_requests(page) == []


def test_next_and_previous_buttons_step_the_date(start_app, page):
    page.goto(start_app(None))
    position = default_position(STOPS)
    wait_for_counts(page, expected_counts(STOPS[position].index))
    page.get_by_role("button", name="Next ▶").click()
    wait_for_counts(page, expected_counts(STOPS[position + 1].index))
    page.get_by_role("heading", name=stop_heading(STOPS[position + 1])).wait_for()
    page.get_by_role("button", name="◀ Previous").click()
    wait_for_counts(page, expected_counts(STOPS[position].index))


def test_clicking_a_marker_focuses_the_panel_on_that_place(start_app, page):
    last = STOPS[-1]
    page.goto(start_app(None) + f"/?date={last.code}")
    wait_for_counts(page, expected_counts(last.index))
    frame = map_frame(page)
    # Bring the whole map into view first: scrolling inside Leaflet's container would move it.
    frame.frame_element().scroll_into_view_if_needed()
    frame.locator('[data-place="damascus"] .pill').click()
    count = TIMELINE.count_at(last.index, "damascus")
    page.get_by_role("heading", name=re.compile(rf"^Damascus: {count} events up to")).wait_for()
    newest = TIMELINE.revealed(last.index, "damascus")[0]
    # The rerun replaces the date's cards: wait until the stale ones are gone.
    expect(page.locator(f'[data-event="{newest.id}"]')).to_have_count(1)
    assert "place=damascus" in page.url


@pytest.mark.parametrize("stop_number", [0, len(STOPS) // 2], ids=["background", "middle"])
def test_a_shared_url_restores_the_date_and_place(start_app, page, stop_number):
    stop = STOPS[stop_number]
    page.goto(start_app(None) + f"/?date={stop.code}&place=tartus-naval-base")
    wait_for_counts(page, expected_counts(stop.index))
    page.get_by_role("heading", name=re.compile(r"^Tartus naval facility: ")).wait_for()
    assert page.get_by_role("slider").get_attribute("aria-valuetext") == stop.label
    screenshot(page, f"shared-url-{stop_number}")


def test_phone_width_shows_the_map_and_panel(start_app, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(start_app(None))
    wait_for_counts(page, expected_counts(STOPS[default_position(STOPS)].index))
    page.get_by_role("button", name="Next ▶").wait_for()
    screenshot(page, "phone-390")
    assert outside_requests(page) == []
    context.close()


def test_hostile_article_text_shows_as_text_and_runs_nothing(start_app, page, tmp_path_factory):
    folder = write_hostile_story(tmp_path_factory.mktemp("hostile"))
    assert read_story(folder).issues == ()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(start_app(folder) + "/?date=2024-12-16")
    counts = marker_counts(map_frame(page))
    assert {place: count for place, count in counts.items() if count} == {"damascus": 1}
    assert {place for place, count in counts.items() if not count} <= set(BRIEF_PLACES)
    page.get_by_text(f"Summary {HOSTILE}").wait_for()
    card = page.locator('[data-event="hostile-statement"]')  # its speaker link names him too
    card.get_by_text("Actor <i>x</i>", exact=False).wait_for()
    page.goto(start_app(folder) + "/articles?article=hostile&event=hostile-statement")
    page.get_by_role("heading", name=f"Bad {HOSTILE}").wait_for()
    page.wait_for_timeout(500)
    for frame in page.frames:
        assert frame.evaluate("window.__xss") is None
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0
    screenshot(page, "hostile-article")


def test_a_source_link_opens_its_article_with_the_sentence_outlined(start_app, page):
    stop = next(s for s in STOPS if s.code == "2024-12-16")
    event = stop.events[0]
    article = READING.story.articles[event.sources[0].article]
    page.goto(start_app(None) + f"/?date={stop.code}")
    map_frame(page)
    page.locator(f'[data-event="{event.id}"] .sources a').first.click()
    page.get_by_role("heading", name=article.headline).wait_for()
    outlined = page.locator("mark.sentence.focus")
    outlined.first.wait_for()
    assert event.id in outlined.first.get_attribute("data-events")
    assert "article=" in page.url and f"event={event.id}" in page.url


# Names on the map a reader needs: at least these at the opening view. On a phone the map
# opens one zoom out, where Lebanon's name gives way to the markers of the coast.
OPENING_NAMES = {"Syria", "Türkiye", "Mediterranean Sea", "Israel"}
DESKTOP_NAMES = OPENING_NAMES | {"Lebanon", "Cyprus", "Homs", "Hama", "Beirut"}
BRIEF_NAMES = ("tartus", "hmeimim-air-base", "jableh", "damascus", "aleppo", "idlib", "latakia")
VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('.map-label'))
    .filter(e => e.getClientRects().length && !e.classList.contains('hidden'))
    .map(e => e.textContent)"""
# Pixels from each marker's point (its 0x0 icon) to the nearest edge of its pill.
LABEL_GAPS = """() => Object.fromEntries(
  Array.from(document.querySelectorAll('.place-icon')).map(icon => {
    const p = icon.getBoundingClientRect();
    const b = icon.querySelector('.pill').getBoundingClientRect();
    const dx = Math.max(b.left - p.left, 0, p.left - b.right);
    const dy = Math.max(b.top - p.top, 0, p.top - b.bottom);
    return [icon.querySelector('[data-place]').dataset.place, Math.hypot(dx, dy)];
}))"""


# Each marker pill in sight, whole or in part (a place whose point is off the frame shows
# none: its edge marker stands for it), against the map's frame; and the edge markers of
# places outside the view, with the map's controls. Container pixels: [left, top, right,
# bottom].
FRAME_PARTS = """() => {
  const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
  const box = e => { const r = e.getBoundingClientRect();
    return [r.left - frame.left, r.top - frame.top, r.right - frame.left, r.bottom - frame.top]; };
  const shown = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
    && getComputedStyle(e.closest('.place-marker > span') || e).opacity !== '0';
  return {
    size: [frame.width, frame.height],
    pills: Object.fromEntries(Array.from(document.querySelectorAll('[data-place] .pill'))
      .filter(shown).map(p => [p.closest('[data-place]').dataset.place, box(p)])
      .filter(([, b]) => b[2] > 0 && b[0] < frame.width && b[3] > 0 && b[1] < frame.height)),
    edges: Object.fromEntries(Array.from(document.querySelectorAll('.story-edge'))
      .filter(shown).map(e => [e.dataset.edge, box(e)])),
    controls: Array.from(document.querySelectorAll('.leaflet-control')).filter(shown).map(box),
  };
}"""


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def inside(box: list[float], size: list[float]) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and box[3] <= size[1]


def check_frame(frame) -> dict:  # type: ignore[no-untyped-def]
    """Every pill shown and every edge marker lies inside the map; edge markers overlap
    neither each other nor the map's controls (zoom buttons, scale, attribution)."""
    parts = frame.evaluate(FRAME_PARTS)
    size = parts["size"]
    cut = {place: box for place, box in parts["pills"].items() if not inside(box, size)}
    assert cut == {}, f"pills cut by the frame {size}: {cut}"
    edges = parts["edges"]
    assert {e: b for e, b in edges.items() if not inside(b, size)} == {}
    for one, box in edges.items():
        assert not [o for o, b in edges.items() if o != one and overlap(box, b)], one
        assert not [c for c in parts["controls"] if overlap(box, c)], one
    return parts


def settled_frame(frame, timeout_ms: int = 5000) -> dict:  # type: ignore[no-untyped-def]
    """check_frame once the map has laid out its pills and edge markers (an animation
    frame after the markers change)."""
    waited = 0
    while True:
        try:
            return check_frame(frame)
        except AssertionError:
            if waited >= timeout_ms:
                raise
        frame.page.wait_for_timeout(200)
        waited += 200


def wait_for_labels(frame, names: set[str], timeout_ms: int = 10000) -> list[str]:  # type: ignore[no-untyped-def]
    waited, seen = 0, []
    while waited < timeout_ms:
        seen = frame.evaluate(VISIBLE_LABELS)
        if names <= set(seen):
            return seen
        frame.page.wait_for_timeout(200)
        waited += 200
    raise AssertionError(f"labels {sorted(names - set(seen))} missing; shown: {seen}")


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (390, 844)], ids=["desktop", "phone"])
def test_the_opening_view_names_countries_sea_and_the_brief_places(
    start_app, browser, width, height
):
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=width < 500, has_touch=width < 500
    )
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(start_app(None))
    counts = wait_for_counts(page, expected_counts(STOPS[default_position(STOPS)].index))
    frame = map_frame(page)
    assert set(BRIEF_NAMES) <= set(counts)
    for place in BRIEF_NAMES:  # drawn, not only present
        assert frame.locator(f'[data-place="{place}"] .pill').is_visible(), place
    labels = wait_for_labels(frame, DESKTOP_NAMES if width > 500 else OPENING_NAMES)
    assert frame.frame_element().get_attribute("title") == "Map of the story's places"
    gaps = frame.evaluate(LABEL_GAPS)
    assert set(gaps) == set(counts)
    assert {p: g for p, g in gaps.items() if g > MAX_DISTANCE + 1} == {}
    hmeimim = frame.locator('[data-place="hmeimim-air-base"]').locator("xpath=..")
    assert "near the city of Jableh" in hmeimim.get_attribute("aria-label")
    parts = check_frame(frame)
    assert set(BRIEF_NAMES) <= set(parts["pills"])  # drawn inside the frame, whole
    # Places off the frame are at its edge (one marker each, or in a group's list).
    grouped = frame.evaluate(
        "() => Array.from(document.querySelectorAll('.story-edge')).filter(e => !e.hidden)"
        ".map(e => e.getAttribute('aria-label')).join(' ')"
    )
    for place in {"moscow", "libya"} & set(counts):
        name = READING.story.places[place].name
        assert place in parts["edges"] or name in grouped, place
    frame.frame_element().scroll_into_view_if_needed()
    screenshot(page, f"map-labels-{width}")
    assert outside_requests(page) == []
    assert len(labels) >= 6
    context.close()


def test_enter_on_a_focused_marker_focuses_the_place(start_app, page):
    page.goto(start_app(None))
    wait_for_counts(page, expected_counts(STOPS[default_position(STOPS)].index))
    frame = map_frame(page)
    frame.frame_element().scroll_into_view_if_needed()
    icon = frame.locator('[data-place="damascus"]').locator("xpath=..")
    icon.focus()
    outline = frame.evaluate(
        "() => getComputedStyle(document.activeElement.querySelector('.pill')).outlineStyle"
    )
    assert outline == "solid"  # the focus ring, black on white
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=re.compile(r"^Damascus: ")).wait_for()
    assert "place=damascus" in page.url


def test_a_far_place_sits_at_the_edge_towards_it_and_focuses_it(start_app, page):
    last = STOPS[-1]
    page.goto(start_app(None) + f"/?date={last.code}")
    wait_for_counts(page, expected_counts(last.index))
    frame = map_frame(page)
    frame.frame_element().scroll_into_view_if_needed()
    moscow = frame.locator('.story-edge[data-edge="moscow"]')
    moscow.wait_for()
    count = TIMELINE.count_at(last.index, "moscow")
    assert moscow.inner_text().split() == ["➜", "Moscow", str(count)]
    label = moscow.get_attribute("aria-label")
    assert re.fullmatch(
        rf"Moscow {count}: {count} events? (and|or) statements? so far, "
        r"[\d,]+ km to the (north|north-east|north-west), outside this view",
        label,
    ), label
    assert moscow.get_attribute("title") == label
    # On the line from the map's middle towards Moscow: the top edge, right of the middle.
    parts = check_frame(frame)
    box, width = parts["edges"]["moscow"], parts["size"][0]
    assert box[1] < 12 and (box[0] + box[2]) / 2 > width / 2 - 40
    screenshot(page, "far-places-at-the-edge")
    # The edge markers follow the map: zoomed out, Istanbul is in view and leaves the edge.
    assert frame.locator('.story-edge[data-edge="istanbul"]').is_visible()
    for zoom in (6, 5):  # one step at a time: a click while the map zooms is not counted
        frame.get_by_role("button", name="Zoom out").click()
        expect(frame.locator(".leaflet-container")).to_have_class(re.compile(f"story-z{zoom}"))
    expect(frame.locator('.story-edge[data-edge="istanbul"]')).to_be_hidden()
    expect(frame.locator('[data-place="istanbul"] .pill')).to_be_visible()
    check_frame(frame)
    screenshot(page, "far-places-zoomed-out")
    # Keyboard: Enter on the focused edge marker focuses the place, as a click does.
    moscow.focus()
    outline = frame.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=re.compile(r"^Moscow: ")).wait_for()
    assert "place=moscow" in page.url


def test_crowded_edge_markers_share_one_that_opens_a_list(start_app, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    last = STOPS[-1]
    page.goto(start_app(None) + f"/?date={last.code}")
    wait_for_counts(page, expected_counts(last.index))
    frame = map_frame(page)
    frame.frame_element().scroll_into_view_if_needed()
    group = frame.locator(".story-edge.group")
    for _ in range(3):  # zoomed in, more places are off the frame than its edges hold
        if group.count():
            break
        frame.get_by_role("button", name="Zoom in").click()
        page.wait_for_timeout(800)
    group = group.first
    check_frame(frame)
    more = int(group.locator(".more").inner_text().lstrip("+"))
    first = group.get_attribute("data-edge")
    assert group.get_attribute("aria-expanded") == "false"
    group.click()
    choices = frame.locator(".story-edge-menu button")
    expect(choices).to_have_count(1 + more)
    assert choices.first.get_attribute("data-edge") == first
    assert group.get_attribute("aria-expanded") == "true"
    screenshot(page, "far-places-group-390")
    # Keyboard: the list has focus; Escape closes it and gives focus back to the marker.
    page.keyboard.press("Escape")
    expect(frame.locator(".story-edge-menu")).to_be_hidden()
    assert frame.evaluate("() => document.activeElement.dataset.edge") == first
    page.keyboard.press("Enter")
    last_choice = choices.last
    place = last_choice.get_attribute("data-edge")
    last_choice.focus()
    page.keyboard.press("Enter")
    # The list closes; the focus goes to the chosen place's marker, not back to the page.
    assert frame.evaluate(
        "() => document.activeElement.classList.contains('leaflet-marker-icon') && "
        f"!!document.activeElement.querySelector('[data-place=\"{place}\"]')"
    )
    name = READING.story.places[place].name
    page.get_by_role("heading", name=re.compile("^" + re.escape(name) + ": ")).wait_for()
    context.close()


def test_the_first_tap_on_a_marker_on_a_phone_focuses_the_place(start_app, browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(start_app(None))
    wait_for_counts(page, expected_counts(STOPS[default_position(STOPS)].index))
    frame = map_frame(page)
    frame.frame_element().scroll_into_view_if_needed()
    frame.locator('[data-place="damascus"] .pill').tap()
    page.get_by_role("heading", name=re.compile(r"^Damascus: ")).wait_for()
    context.close()


def test_tabbing_onto_a_marker_off_the_frame_keeps_the_map_drawn(start_app, page):
    page.goto(start_app(None))
    wait_for_counts(page, expected_counts(STOPS[default_position(STOPS)].index))
    frame = map_frame(page)
    frame.frame_element().scroll_into_view_if_needed()
    frame.locator('[data-place="damascus"]').locator("xpath=..").focus()
    for _ in range(40):  # Tab along the markers until Moscow's, far off the frame
        page.keyboard.press("Tab")
        if frame.evaluate("() => !!document.activeElement.querySelector('[data-place=moscow]')"):
            break
    else:
        raise AssertionError("Tab never reached Moscow's marker")
    page.wait_for_timeout(600)
    state = frame.evaluate(
        """() => {
        const box = document.querySelector('.leaflet-container');
        const pill = document.activeElement.querySelector('.pill').getBoundingClientRect();
        const frame = box.getBoundingClientRect();
        return {scrolled: box.scrollTop + box.scrollLeft,
                inside: pill.left >= frame.left && pill.right <= frame.right
                        && pill.top >= frame.top && pill.bottom <= frame.bottom,
                land: document.querySelectorAll('.leaflet-basemap-pane path').length};
    }"""
    )
    assert state["scrolled"] == 0  # a scrolled container is the blank map
    assert state["inside"]  # the map moved to the marker
    assert state["land"] > 0
    screenshot(page, "tabbed-to-moscow")
