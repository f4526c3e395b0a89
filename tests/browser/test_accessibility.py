"""An axe-core audit (axe-playwright-python, which ships axe.min.js: no download) of every
page and frame a reader sees (map page and its map frame, articles, who said what, story
mode and its map frame, the exported file), at 1280x720 and 390 px: no serious or critical
violation.

axe runs inside each frame on its own (the map lives in an iframe, which axe cannot enter
from the page without being loaded there too).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from dashboard.standalone import standalone_html
from geodata import DEFAULT_FOLDER, read_story
from tests.browser.test_map import map_frame

SIZES = {"desktop": (1280, 720), "phone": (390, 844)}
OPTIONS = {"resultTypes": ["violations"], "iframes": False}
SERIOUS = {"serious", "critical"}
# The moderate violations that remain (none is serious or critical), each with why. One
# not listed here is reported as a warning, so a new one gets looked at and explained.
EXPLAINED = {
    # The map page: the panel's headings are <h3> under the page's <h1>, as Streamlit's own
    # subheaders are; the filter bar and map caption between them have no heading of their own.
    "heading-order": "map page panel headings are h3 under the h1",
    # The rest are in the map's own frame (streamlit-folium's document, not a page): folium's
    # template has no <main>, no <h1>, Leaflet's scale and attribution sit outside any
    # landmark, and folium writes a viewport that disables zooming inside the frame (the page
    # around it still zooms). The frame carries a title and the places table says the same.
    "landmark-one-main": "the map frame is a component document, not a page",
    "page-has-heading-one": "the map frame is a component document, not a page",
    "region": "Leaflet's scale and attribution in the map frame",
    "meta-viewport": "folium's viewport inside the map frame; the page itself zooms",
}
AXE = Axe()


def serious(frame) -> list[str]:  # type: ignore[no-untyped-def]
    """Each serious or critical violation in ``frame``: rule, impact and the first elements.

    A lesser violation not explained above is reported as a warning.
    """
    results = AXE.run(frame, options=OPTIONS).response
    found = [
        (
            v,
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + "; ".join(str(node["target"]) for node in v["nodes"][:3]),
        )
        for v in results["violations"]
    ]
    for v, text in found:
        if v["impact"] not in SERIOUS and v["id"] not in EXPLAINED:
            warnings.warn(f"unexplained accessibility finding: {text}", stacklevel=2)
    return [text for v, text in found if v["impact"] in SERIOUS]


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def sized_page(request, browser):  # type: ignore[no-untyped-def]
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def test_the_map_page_and_its_map_frame(start_app, sized_page):
    sized_page.goto(start_app(None))
    frame = map_frame(sized_page)
    sized_page.locator("[data-event]").first.wait_for()
    assert serious(sized_page.main_frame) == []
    assert serious(frame) == []


def test_the_articles_page(start_app, sized_page):
    sized_page.goto(start_app(None) + "/articles")
    sized_page.locator("mark.sentence").first.wait_for()
    assert serious(sized_page.main_frame) == []


def test_who_said_what(start_app, sized_page):
    sized_page.goto(start_app(None) + "/who")
    sized_page.locator(".statement-card").first.wait_for()
    assert serious(sized_page.main_frame) == []


def test_story_mode_title_and_a_date(start_app, sized_page):
    sized_page.goto(start_app(None) + "/story")
    sized_page.locator(".story-title-screen").wait_for()
    map_frame(sized_page)
    assert serious(sized_page.main_frame) == []
    sized_page.get_by_role("button", name="Next ▶").click()
    sized_page.locator(".story-step").wait_for()
    frame = map_frame(sized_page)
    assert serious(sized_page.main_frame) == []
    assert serious(frame) == []


def test_the_exported_file(sized_page, tmp_path):
    path = tmp_path / "story.html"
    path.write_text(standalone_html(read_story(Path(DEFAULT_FOLDER)).story), encoding="utf-8")
    sized_page.goto(path.as_uri())
    sized_page.locator("#map [data-place] .pill").first.wait_for()
    assert serious(sized_page.main_frame) == []
    sized_page.locator("#panel .sources a").first.click()
    sized_page.locator("#article-view").wait_for()
    assert serious(sized_page.main_frame) == []


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[int, ...], other: tuple[int, ...]) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


FOCUSED = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return [e.tagName + ' ' + (e.textContent || '').trim().slice(0, 30),
          s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor];
}"""


def test_every_control_shows_its_focus_at_3_to_1(start_app, page):
    """Tab through the map page: each control a key reaches draws a ring of at least 2 px
    whose colour stands at least 3:1 against the white page (Streamlit's own is 2.2:1)."""
    page.goto(start_app(None))
    map_frame(page)
    page.locator("[data-event]").first.wait_for()
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        name, style, width, colour = page.evaluate(FOCUSED)
        if name.startswith(("BODY", "IFRAME")):
            continue  # the map's own frame draws its own focus (tested with the map)
        rgb = tuple(int(v) for v in colour[colour.index("(") + 1 : -1].split(",")[:3])
        assert style != "none" and width >= 2, name
        assert contrast(rgb, (255, 255, 255)) >= 3, (name, colour)
        seen.append(name)
    assert len(seen) >= 4, seen
