"""Data text shows as plain text in every widget: Markdown, HTML and bidi controls stay text.

A story whose every field carries Markdown that would load an image from an outside host,
make a javascript: link, set emphasis or a heading, plus direction controls. The pages must
show each text exactly and ask nothing of any host but the app's own.
"""

from __future__ import annotations

import json
from pathlib import Path

from stories import PLACES

from geodata import read_story
from tests.browser.conftest import screenshot
from tests.browser.test_map import map_frame, outside_requests

MARKDOWN = (
    "# h ![x](http://203.0.113.9/p.png) [t](javascript:alert(1)) {{7*7}} *a* _b_ `c` "
    ":smile: :red[r] $x$ <b>bold</b>"
)
BIDI = "\u202eevil\u202c \u2067iso\u2069"


def text(field: str) -> str:
    """The hostile text of one field: each field's own, so each can be found on the page."""
    return f"{MARKDOWN} {field} {BIDI}"


URL = "https://203.0.113.9/*a*_b_`c`[t](javascript:alert(1))"
QUOTE = text("quote")
SENTENCE = f"He said: “{QUOTE}” in Damascus."


def write_markdown_story(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    q = json.dumps
    (folder / "places.toml").write_text(
        PLACES
        + f"""
[[place]]
id = "markdown-place"
name = {q(text("place-name"))}
kind = "city"
lat = 33.6
lon = 36.3
country = {q(text("country"))}
aliases = [{q(text("alias"))}]
description = {q(text("place-description"))}
""",
        encoding="utf-8",
    )
    (folder / "md.txt").write_text(
        f"""+++
id = "md"
outlet = {q(text("outlet"))}
headline = {q(text("headline"))}
published = "2024-12-16"
published_basis = "stated"
published_reasoning = {q(text("reasoning"))}
headline_basis = {q(text("headline-basis"))}
outlet_reasoning = {q(text("outlet-reasoning"))}
url = {q(URL)}
+++
{text("body")}
{SENTENCE}
""",
        encoding="utf-8",
    )
    (folder / "md.events.toml").write_text(
        f"""[[event]]
id = "md-statement"
kind = "statement"
summary = {q(text("summary"))}
date = "2024-12-16"
places = ["markdown-place"]
actor = {q(text("actor"))}
role = {q(text("role"))}
note = {q(text("note"))}

[[event.source]]
article = "md"
sentence = {q(SENTENCE)}
quote = {q(QUOTE)}
date_text = {q(text("date-text"))}
note = {q(text("source-note"))}
""",
        encoding="utf-8",
    )
    return folder


def shown(page, wanted: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_text(wanted, exact=False).first.wait_for(timeout=15000)


def test_markdown_and_bidi_in_every_field_show_as_exact_text(start_app, page, tmp_path_factory):
    folder = write_markdown_story(tmp_path_factory.mktemp("markdown"))
    reading = read_story(folder)
    # Direction controls are flagged by check, but every record still shows.
    assert reading.errors and all("direction control" in i.problem for i in reading.errors)
    assert [e.id for e in reading.story.events] == ["md-statement"]
    url = start_app(folder)

    page.goto(url + "/?date=2024-12-16&place=markdown-place")
    map_frame(page)
    name = f"\u2068{text('place-name')}\u2069"  # isolated: it holds direction controls
    heading = f"{name}: 1 event up to 16 December 2024"
    page.get_by_role("heading", name=heading, exact=True).wait_for()
    for field in (
        "place-description",
        "summary",
        "actor",
        "role",
        "note",
        "outlet",
        "headline",
        "quote",
        "source-note",
    ):
        shown(page, text(field))
    page.get_by_text("Places elsewhere and all places").click()
    button = page.get_by_role("button", name=f"{name} (city): 1 event")
    button.wait_for()
    assert button.inner_text() == f"{name} (city): 1 event"
    screenshot(page, "markdown-map")

    page.goto(url + "/articles?article=md&event=md-statement")
    page.get_by_role("heading", name=text("headline"), exact=True).wait_for()
    metadata = page.locator(".labelled").inner_text()
    for line in (
        f"Outlet: {text('outlet')}",
        f"How we know the date: {text('reasoning')}",
        f"Note: {text('headline-basis')}",
        f"Note: {text('outlet-reasoning')}",
        f"Link: {URL}",
    ):
        assert line in metadata, (line, metadata)
    choice = page.get_by_role("combobox").input_value()
    isolated = [f"\u2068{text(field)}\u2069" for field in ("outlet", "headline")]
    assert choice == f"{isolated[0]}, 16 December 2024: {isolated[1]}"
    shown(page, text("body"))
    page.wait_for_timeout(500)
    screenshot(page, "markdown-article")
    # No Markdown became markup: no image, no link but the app's own, no emphasis.
    assert page.locator("img[src*='203.0.113.9']").count() == 0
    links = [a.get_attribute("href") for a in page.locator("a[href]").all()]
    assert [link for link in links if "203.0.113.9" in link or "javascript" in link] == []
    markup = page.locator("em, strong, b, code, h1, h2, h3, span").evaluate_all(
        "els => els.map(e => e.textContent)"
    )
    assert not {"a", "b", "c", "h", "bold", "r", "smile", "x"} & set(markup)
    assert outside_requests(page) == []
