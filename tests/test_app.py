"""The Streamlit pages driven headlessly with AppTest (the map component itself is opaque here)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apptesting import DASHBOARD, cards, headings, open_box, run
from stories import ARTICLE, BACKGROUND_FILES, EVENTS, write_story
from streamlit.testing.v1 import AppTest

ARTICLES_PAGE = DASHBOARD / "screens" / "articles.py"


# (slider code, subheader, event cards) for every stop of the story with background.
STOPS = [
    (
        "background",
        "Before the story: background (1971–2015)",
        ["facility-opened", "warplanes-arrived"],
    ),
    ("2024-11-21/2024-11-30", "In late November 2024 (approximate)", ["offensive"]),
    ("2024-12-08", "On 8 December 2024", ["damascus-entered"]),
    ("2024-12-16", "On 16 December 2024", ["no-decision"]),
]


pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture
def background_dir(tmp_path: Path) -> Path:
    return write_story(tmp_path / "articles", BACKGROUND_FILES)


def url(at: AppTest) -> dict[str, str]:
    return dict(at.query_params)


def heading(at: AppTest) -> str:
    [subheader] = headings(at, 3)
    return subheader


# --- the map page ---------------------------------------------------------------------------


def test_opens_on_the_first_story_date_not_the_background(monkeypatch, background_dir):
    at = run(monkeypatch, background_dir)
    assert at.select_slider(key="date").value == "2024-11-21/2024-11-30"
    assert heading(at) == "In late November 2024 (approximate)"
    assert cards(at) == ["offensive"]
    assert at.query_params["date"] == "2024-11-21/2024-11-30"
    assert at.select_slider(key="date").options == [
        "Background (1971–2015)",
        "late November 2024 (approximate)",
        "8 December 2024",
        "16 December 2024",
    ]


def test_previous_and_next_step_through_every_stop(monkeypatch, background_dir):
    at = run(monkeypatch, background_dir)
    at.button(key="previous").click().run()
    seen = [(at.query_params["date"], heading(at), cards(at))]
    assert at.button(key="previous").disabled
    while not at.button(key="next").disabled and len(seen) <= len(STOPS):
        at.button(key="next").click().run()
        assert not at.button(key="previous").disabled
        seen.append((at.query_params["date"], heading(at), cards(at)))
    assert seen == STOPS
    assert not at.exception
    back = []
    for _ in STOPS[:-1]:
        at.button(key="previous").click().run()
        back.append(at.select_slider(key="date").value)
    assert back == [code for code, _, _ in reversed(STOPS[:-1])]


@pytest.mark.parametrize(
    ("params", "date", "title", "events"),
    [
        ({"date": "2024-12-08"}, "2024-12-08", "On 8 December 2024", ["damascus-entered"]),
        (
            {"date": "2024-12-08", "place": "damascus"},
            "2024-12-08",
            "Damascus: 2 events up to 8 December 2024",
            ["damascus-entered", "offensive"],
        ),
        (
            {"date": "2024-12-16", "place": "damascus"},
            "2024-12-16",
            "Damascus: 3 events up to 16 December 2024",
            ["no-decision", "damascus-entered", "offensive"],
        ),
        (
            {"date": "2024-12-08", "place": "tartus-naval-base"},
            "2024-12-08",
            "Tartus naval facility: 1 event up to 8 December 2024",
            ["facility-opened"],
        ),
        (
            {"date": "background", "place": "damascus"},
            "background",
            "Damascus: nothing yet up to Background (1971–2015)",
            [],
        ),
        (
            {"date": "background", "place": "tartus"},
            "background",
            "Tartus: 1 event up to Background (1971–2015)",
            ["warplanes-arrived"],
        ),
        (
            {"date": "1999-01-01", "place": "atlantis"},
            "2024-11-21/2024-11-30",
            "In late November 2024 (approximate)",
            ["offensive"],
        ),
    ],
    ids=[
        "date",
        "date-and-place",
        "newest-first",
        "place-with-background",
        "nothing-yet",
        "background-place",
        "unknown-values-ignored",
    ],
)
def test_query_params_restore_the_view(monkeypatch, background_dir, params, date, title, events):
    at = run(monkeypatch, background_dir, **params)
    assert at.select_slider(key="date").value == date
    assert heading(at) == title
    assert cards(at) == events
    place = params.get("place") if params.get("place") != "atlantis" else None
    assert url(at) == {"date": date} | ({"place": place} if place else {})


def test_stepping_writes_the_new_date_to_the_url_and_keeps_the_place(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir, date="2024-12-08", place="damascus")
    at.button(key="next").click().run()
    assert url(at) == {"date": "2024-12-16", "place": "damascus"}
    assert heading(at) == "Damascus: 3 events up to 16 December 2024"
    at.button(key="unfocus").click().run()
    assert url(at) == {"date": "2024-12-16"}
    assert heading(at) == "On 16 December 2024"


def test_the_street_map_button_adds_and_removes_the_online_layer(monkeypatch, story_dir):
    def online_layer(at: AppTest) -> bool:
        [story_map] = at.get("component_instance")
        return "L.tileLayer(" in story_map.proto.json_args

    at = run(monkeypatch, story_dir)
    assert not online_layer(at)  # offline by default
    at.button(key="street-map").click().run()
    assert online_layer(at)
    assert at.button(key="street-map").label == "Hide the street map"
    at.button(key="street-map").click().run()
    assert not online_layer(at)
    assert "needs internet" in at.button(key="street-map").label


def test_a_place_button_focuses_the_place(monkeypatch, story_dir):
    at = open_box(run(monkeypatch, story_dir, date="2024-12-16"), "places-open")
    at.button(key="place-tartus-naval-base").click().run()
    assert heading(at) == "Tartus naval facility: 1 event up to 16 December 2024"
    assert cards(at) == ["no-decision"]
    assert url(at) == {"date": "2024-12-16", "place": "tartus-naval-base"}


def test_a_broken_event_is_reported_and_the_rest_still_shown(monkeypatch, tmp_path):
    broken = EVENTS.replace('date = "2024-12-08"', 'date = "2024-12-32"')
    assert broken != EVENTS
    folder = write_story(tmp_path / "articles", {"wire-2024-12-16.events.toml": broken})
    at = run(monkeypatch, folder)
    [warning] = at.warning
    assert "1 problem in the article files" in warning.value
    assert "damascus-entered" in at.code[0].value and "2024-12-32" in at.code[0].value
    assert heading(at) == "In late November 2024 (approximate)"
    at.button(key="next").click().run()
    assert not at.exception
    assert at.query_params["date"] == "2024-12-16"
    assert cards(at) == ["no-decision"]


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_no_story_shows_a_notice_not_a_traceback(monkeypatch, tmp_path, state):
    folder = tmp_path / "articles"
    if state == "empty":
        folder.mkdir()
    at = run(monkeypatch, folder)
    [info] = at.info
    assert info.value.startswith("There are no events to show yet.")
    assert len(at.warning) == 1  # the missing folder or places.toml is named
    assert headings(at, 3) == [] and at.button.len == 0


def test_a_valid_story_shows_no_warning(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir)
    assert at.warning.len == 0 and at.info.len == 0


def test_a_date_that_disappears_after_an_edit_falls_back_to_the_default(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir, date="2024-12-08")
    events = story_dir / "wire-2024-12-16.events.toml"
    events.write_text(EVENTS.replace('date = "2024-12-08"', 'date = "2024-12-09"'), "utf-8")
    at.run()
    assert not at.exception
    assert at.select_slider(key="date").value == "2024-11-21/2024-11-30"


# --- the articles page ------------------------------------------------------------------------


def marks(at: AppTest) -> list[tuple[str, str]]:
    """(class, data-events) of every highlighted stretch of the article body."""
    [body] = [h.value for h in at.get("html") if h.value.startswith('<div class="article-body">')]
    return re.findall(r'<mark class="([^"]+)" data-events="([^"]+)"', body)


def test_articles_page_is_reachable_from_the_app(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir)
    at.switch_page("screens/articles.py").run()
    assert not at.exception
    assert headings(at, 2) == ["Talks go on"]


def test_articles_page_shows_the_article_with_its_sentences_highlighted(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir, ARTICLES_PAGE)
    assert headings(at, 2) == ["Talks go on"]
    assert {events for _, events in marks(at)} == {"offensive", "damascus-entered", "no-decision"}
    assert all(cls == "sentence" for cls, _ in marks(at))
    assert cards(at) == []
    assert url(at) == {"article": "wire-2024-12-16"}


def test_articles_page_follows_article_and_event_from_the_url(monkeypatch, background_dir):
    at = run(
        monkeypatch,
        background_dir,
        ARTICLES_PAGE,
        article="history-2024-12-20",
        event="warplanes-arrived",
    )
    assert at.selectbox[0].value == "history-2024-12-20"
    assert headings(at, 2) == ["How the bases came to be"]
    assert cards(at) == ["warplanes-arrived"]
    assert ("sentence focus", "warplanes-arrived") in marks(at)
    assert ("sentence", "facility-opened") in marks(at)
    assert not any("focus" in cls for cls, events in marks(at) if events != "warplanes-arrived")


def test_articles_page_falls_back_to_the_first_article(monkeypatch, background_dir):
    at = run(monkeypatch, background_dir, ARTICLES_PAGE, article="nope", event="offensive")
    assert at.selectbox[0].value == "wire-2024-12-16"  # published first
    assert url(at) == {"article": "wire-2024-12-16"}
    assert cards(at) == []
    assert not any("focus" in cls for cls, _ in marks(at))


def test_choosing_another_article_drops_the_focus(monkeypatch, background_dir):
    at = run(
        monkeypatch, background_dir, ARTICLES_PAGE, article="wire-2024-12-16", event="offensive"
    )
    assert cards(at) == ["offensive"]
    at.selectbox[0].select("history-2024-12-20").run()
    assert headings(at, 2) == ["How the bases came to be"]
    assert url(at) == {"article": "history-2024-12-20"}
    assert cards(at) == []


def test_articles_page_with_no_articles_shows_a_notice(monkeypatch, tmp_path):
    at = run(monkeypatch, tmp_path / "missing", ARTICLES_PAGE)
    [info] = at.info
    assert info.value == "There are no articles yet."


def test_draft_events_stay_off_the_map_and_draft_articles_say_so(monkeypatch, tmp_path):
    drafted = EVENTS.replace('id = "no-decision"', 'id = "no-decision"\ndraft = true')
    header = ARTICLE.replace('id = "wire-2024-12-16"', 'id = "wire-2024-12-16"\ndraft = true')
    folder = write_story(
        tmp_path / "articles",
        {"wire-2024-12-16.events.toml": drafted, "wire-2024-12-16.txt": header},
    )
    at = run(monkeypatch, folder, date="2024-12-16")
    # The draft was the only event of 16 December: that stop is gone, the others stay.
    labels = at.select_slider(key="date").options
    assert labels == ["late November 2024 (approximate)", "8 December 2024"]
    page = run(monkeypatch, folder, ARTICLES_PAGE)
    [draft] = [info.value for info in page.info if info.value.startswith("Draft: ")]
    assert "is not reviewed yet" in draft and "stay off the map" in draft


def test_an_undated_report_has_its_own_stop_before_the_day(monkeypatch, tmp_path):
    undated = EVENTS.replace('date = "2024-12-08"', 'date = "..2024-12-16"')
    folder = write_story(tmp_path / "articles", {"wire-2024-12-16.events.toml": undated})
    at = run(monkeypatch, folder, date="..2024-12-16")
    assert at.select_slider(key="date").value == "..2024-12-16"
    assert heading(at) == "Reported by 16 December 2024, not dated"
    assert cards(at) == ["damascus-entered"]
    open_box(at, "places-open").button(key="place-damascus").click().run()
    assert heading(at) == "Damascus: 2 events by 16 December 2024"
    at.button(key="next").click().run()
    assert url(at) == {"date": "2024-12-16", "place": "damascus"}
    assert heading(at) == "Damascus: 3 events up to 16 December 2024"


def test_a_link_with_an_unknown_date_or_place_says_so_as_plain_text(monkeypatch, story_dir):
    def notices(at):
        return [h.value for h in at.get("html") if 'role="status"' in h.value]

    at = run(monkeypatch, story_dir, date="garbage", place="<b>nope</b>")
    slider = at.select_slider(key="date")
    shown = slider.options[slider.options.index(slider.format_func(slider.value))]
    [note] = notices(at)
    assert note == (
        '<div role="status" dir="auto" style="background: #e8f0fb; color: #0b2e59; '
        'padding: 0.75rem 1rem; border-radius: 0.5rem">This link asks for date “garbage” and '
        f"place “&lt;b&gt;nope&lt;/b&gt;”, which this story does not have; showing {shown} "
        "instead.</div>"
    )
    at.button(key="next").click().run()
    assert notices(at) == []  # gone once the reader moves on


def test_a_good_link_shows_no_link_notice(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir, date="2024-12-16")
    assert not [h.value for h in at.get("html") if 'role="status"' in h.value]
