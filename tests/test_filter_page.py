"""Filters and search on the map page, driven headlessly with AppTest (the URL round trip too)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apptesting import captions, cards, open_box
from stories import BACKGROUND_FILES, write_story
from streamlit.testing.v1 import AppTest

from dashboard.filtering import nearest_stop
from dashboard.view import slider_stops
from geodata import Timeline, read_story
from geodata.filters import Filter

pytestmark = pytest.mark.usefixtures("fresh_caches")
APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
ALL_STOPS = ["Background (1971–2015)", "late November 2024 (approximate)", "8 December 2024"]
ALL_STOPS += ["16 December 2024"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_story(tmp_path / "articles", BACKGROUND_FILES)


def open_page(monkeypatch, folder: Path, query: dict[str, str | list[str]]) -> AppTest:
    monkeypatch.setenv("STORY_ARTICLES_DIR", str(folder))
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params.update(query)
    # Both boxes open, as a reader opens them: their widgets are made only while open.
    at.session_state["filters-open"] = True
    at.session_state["places-open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def stops(at: AppTest) -> list[str]:
    return list(at.select_slider(key="date").options)


def shown(at: AppTest) -> str:
    return next(c for c in captions(at) if " shown" in c)


def place_buttons(at: AppTest) -> list[str]:
    return [b.key.removeprefix("place-") for b in at.button if b.key.startswith("place-")]


def query(at: AppTest) -> dict[str, str | list[str]]:
    return {key: at.query_params[key] for key in at.query_params}


# (URL filter, slider stops, cards at the opening stop, "shown" line, places on the map)
CASES = [
    (
        {"kind": "statement"},
        ["16 December 2024"],
        ["no-decision"],
        "1 of 5 events shown · Kind: statement",
        ["tartus-naval-base", "damascus"],
    ),
    (
        {"kind": ["background", "military"]},
        ALL_STOPS[:3],
        ["offensive"],
        "4 of 5 events shown · Kind: military or background",
        ["tartus-naval-base", "tartus", "damascus"],
    ),
    (
        {"actor": "The spokesman"},
        ["16 December 2024"],
        ["no-decision"],
        "1 of 5 events shown · Who: The spokesman",
        ["tartus-naval-base", "damascus"],
    ),
    (
        {"outlet": "Almanac"},
        ["1971", "September 2015"],
        ["facility-opened"],
        "2 of 5 events shown · Outlet: Almanac",
        ["tartus-naval-base", "tartus"],
    ),
    (
        {"where": ["tartus", "tartus-naval-base"]},
        ["Background (1971–2015)", "16 December 2024"],
        ["no-decision"],
        "3 of 5 events shown · Place: Tartus or Tartus naval facility",
        ["tartus-naval-base", "tartus", "damascus"],  # no-decision is at Damascus too
    ),
    (
        {"q": "TARTOUS"},
        ["Background (1971–2015)", "16 December 2024"],
        ["no-decision"],
        "3 of 5 events shown · Words: “TARTOUS”",
        ["tartus-naval-base", "tartus", "damascus"],
    ),
    (
        {"kind": "statement", "outlet": "Almanac"},
        [],
        [],
        "0 of 5 events shown · Kind: statement · Outlet: Almanac",
        [],
    ),
]


@pytest.mark.parametrize(
    ("asked", "expected_stops", "expected_cards", "line", "places"),
    CASES,
    ids=["kind", "two-kinds", "actor", "outlet", "places", "words", "nothing-left"],
)
def test_each_filter_in_the_url_narrows_the_whole_page(
    monkeypatch, folder, asked, expected_stops, expected_cards, line, places
):
    at = open_page(monkeypatch, folder, asked)
    assert shown(at) == line
    assert at.button(key="clear-filters")
    if not expected_stops:
        assert [i.value for i in at.info] == [
            "No event matches these filters: clear one or try other words."
        ]
        assert query(at) == asked
        return
    assert stops(at) == expected_stops
    assert cards(at) == expected_cards
    assert place_buttons(at) == places
    assert query(at) == asked | {"date": at.select_slider(key="date").value}


def test_a_filtered_url_restores_the_same_view(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {})
    at.multiselect(key="filter-kind").select("background").select("statement").run()
    at.multiselect(key="filter-where").select("tartus-naval-base").run()
    at.select_slider(key="date").set_value("background").run()
    at.button(key="place-tartus-naval-base").click().run()
    shared = query(at)
    assert shared == {
        "date": "background",
        "place": "tartus-naval-base",
        "kind": ["background", "statement"],
        "where": "tartus-naval-base",
    }
    again = open_page(monkeypatch, folder, shared)
    for page in (at, again):
        assert stops(page) == ["Background (1971)", "16 December 2024"]
        assert cards(page) == ["facility-opened"]
        assert place_buttons(page) == ["tartus-naval-base", "damascus"]
        assert shown(page).startswith("2 of 5 events shown")
    assert query(again) == shared


def test_widgets_write_the_filter_to_the_url_and_clear_filters_empties_it(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {"date": "2024-12-08"})
    assert shown(at) == "All 5 events shown"
    assert not [b for b in at.button if b.key == "clear-filters"]
    at.multiselect(key="filter-actor").select("The spokesman").run()
    assert query(at) == {"date": "2024-12-16", "actor": "The spokesman"}
    at.multiselect(key="filter-outlet").select("Wire").run()
    assert query(at)["outlet"] == "Wire"
    at.button(key="clear-filters").click().run()
    assert query(at) == {"date": "2024-12-16"}
    assert stops(at) == ALL_STOPS
    assert shown(at) == "All 5 events shown"


def test_a_date_the_filter_removes_gives_way_to_the_last_stop_before_it(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {"date": "2024-12-16"})
    at.multiselect(key="filter-kind").select("military").run()
    assert at.select_slider(key="date").value == "2024-12-08"
    assert cards(at) == ["damascus-entered"]


def test_search_lists_results_with_date_and_place_and_goes_to_one(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {"date": "2024-11-21/2024-11-30"})
    at.text_input(key="filter-q").input("khmeimim tartous").run()
    assert shown(at).startswith("0 of 5 events shown")
    at.text_input(key="filter-q").input("Tartous").run()
    results = [b for b in at.button if b.key.startswith("result-")]
    assert [b.key for b in results] == [
        "result-facility-opened",
        "result-warplanes-arrived",
        "result-no-decision",
    ]
    label = results[2].label.replace("\\", "")
    assert label == (
        "16 December 2024 · Tartus naval facility, Damascus: "
        "The Kremlin said nothing was decided about the base."
    )
    at.button(key="result-warplanes-arrived").click().run()
    assert at.select_slider(key="date").value == "background"
    assert query(at) == {"date": "background", "place": "tartus", "q": "Tartous"}
    assert cards(at) == ["warplanes-arrived"]


def test_nearest_stop_prefers_the_date_then_the_last_before(folder):
    timeline = Timeline.of(read_story(folder).story.events)
    found = slider_stops(timeline)
    assert nearest_stop(found, "2024-12-08") == 2
    assert nearest_stop(found, "2024-12-10") == 2
    assert nearest_stop(found, "2024-11") == 0  # before late November, after the background
    assert nearest_stop(found, "1900") is None
    assert nearest_stop(found, "not-a-date") is None


def test_story_mode_downloads_say_they_are_filtered_as_on_the_map(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {"kind": "statement"})
    at.switch_page("screens/story_mode.py").run()
    assert not at.exception
    notes = [c for c in captions(at) if "Filtered" in c]
    assert notes == ["Filtered: Kind: statement (1 of 5 events), as set on the map page."]
    assert [b.key for b in at.get("download_button")] == ["download-html", "download-csv"]


def test_a_filter_value_the_changed_articles_no_longer_have_is_dropped(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {"actor": "The spokesman", "kind": "statement"})
    assert cards(at) == ["no-decision"]
    events = folder / "wire-2024-12-16.events.toml"
    events.write_text(events.read_text().replace('"The spokesman"', '"Dmitry Peskov"'))
    at.run()
    assert not at.exception
    assert at.multiselect(key="filter-actor").value == []
    assert query(at) == {"date": "2024-12-16", "kind": "statement"}
    assert cards(at) == ["no-decision"]


def table_rows(at: AppTest) -> dict[str, tuple[int, str]]:
    """The places table: place id -> (count, new on this date)."""
    [table] = [h.value for h in at.get("html") if 'class="places-table"' in h.value]
    return {
        place: (int(count), new)
        for place, count, new in re.findall(
            r'<tr data-table-place="([^"]+)">.*?<td class="count">(\d+)</td>'
            r'<td class="new">([^<]*)</td>',
            table,
        )
    }


def test_the_places_table_follows_the_filter(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {"date": "2024-12-16"})
    everything = table_rows(at)
    assert everything["damascus"][0] == 3
    at.multiselect(key="filter-kind").select("statement").run()
    assert table_rows(at) == {
        "tartus-naval-base": (1, "yes"),
        "damascus": (1, "yes"),
    }
    at.multiselect(key="filter-kind").unselect("statement").select("military").run()
    assert at.select_slider(key="date").value == "2024-12-08"
    assert table_rows(at) == {"damascus": (2, "yes")}


def test_a_closed_filter_box_makes_no_widgets_and_keeps_the_filter(monkeypatch, folder):
    """The widgets cost a new visit nothing until the reader opens the box; closing it again
    keeps what was chosen (the filter lives in the URL, not in the widgets)."""
    monkeypatch.setenv("STORY_ARTICLES_DIR", str(folder))
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params.update({"kind": "statement"})
    at.run()
    assert not at.multiselect and not at.text_input
    assert shown(at) == "1 of 5 events shown · Kind: statement"
    open_box(at, "filters-open")
    assert at.multiselect(key="filter-kind").value == ["statement"]
    at.multiselect(key="filter-kind").select("military").run()
    at.session_state["filters-open"] = False
    at.run()
    at.run()  # the run after the one that closed it: the widgets' own state is gone by now
    assert not at.multiselect
    assert shown(at).endswith("· Kind: military or statement")
    assert at.query_params["kind"] == ["military", "statement"]


def test_clear_filters_works_with_the_box_closed(monkeypatch, folder):
    at = open_page(monkeypatch, folder, {"kind": "statement"})
    at.session_state["filters-open"] = False
    at.run()
    at.button(key="clear-filters").click().run()
    assert shown(at) == "All 5 events shown"
    assert "kind" not in at.query_params
    open_box(at, "filters-open")
    assert at.multiselect(key="filter-kind").value == []


def test_a_run_cut_short_before_the_url_was_written_keeps_the_new_filter(monkeypatch, folder):
    """Streamlit stops a run when the reader changes something else quickly: the filter kept
    in the session is newer than the URL, which is then no link to follow."""
    at = open_page(monkeypatch, folder, {"kind": "statement"})
    at.session_state["filters-open"] = False
    at.run()
    at.session_state["filter"] = Filter.of(kinds=["military"])  # what the cut-short run kept
    at.run()
    assert shown(at).endswith("· Kind: military")
    assert at.query_params["kind"] == "military"
