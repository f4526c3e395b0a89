"""Every page on a hostile folder: the valid rest shows, with the notice naming each problem.

A bad article id, wrong TOML shapes, a FIFO and a link to /dev/zero in the folder crashed
or hung every page before; now they are problems in the notice.
"""

from __future__ import annotations

import os

import pytest
from apptesting import DASHBOARD, cards, headings, run
from stories import ARTICLE, write_story

pytestmark = pytest.mark.usefixtures("fresh_caches")

BROKEN = {
    "tass-2024-12-16.txt": ARTICLE.replace('id = "wire-2024-12-16"', 'id = "Tass"'),
    "shapes.events.toml": 'event = ["x", 1]\n',
    "nested.events.toml": "a = " + "[" * 3000 + "]" * 3000 + "\n",
}


@pytest.fixture
def hostile_folder(tmp_path):
    folder = write_story(tmp_path / "articles", BROKEN)
    os.mkfifo(folder / "pipe.events.toml")
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder


@pytest.mark.parametrize(
    "page",
    ["app.py", "screens/articles.py", "screens/story_mode.py", "screens/who_said_what.py"],
    ids=str,
)
def test_every_page_shows_the_valid_rest_and_the_problems(monkeypatch, hostile_folder, page):
    at = run(monkeypatch, hostile_folder, DASHBOARD / page, timeout=60)
    [warning] = at.warning
    assert "6 problems in the article files" in warning.value
    listed = at.code[0].value
    for name in [*BROKEN, "pipe.events.toml", "zero.txt"]:
        assert name in listed
    if page == "app.py":
        assert headings(at, 3) == ["In late November 2024 (approximate)"]
        assert cards(at) == ["offensive"]
    elif page == "screens/articles.py":
        assert headings(at, 2) == ["Talks go on"]
