"""Exporting what you see: the standalone page and CSV narrowed by the same filters as the map."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pytest

from dashboard.filtering import result_label, result_place, select, shown_line
from dashboard.standalone import main, standalone_html
from geodata import DEFAULT_FOLDER, EventKind, read_story
from geodata.filters import Filter, FilterError, place_ids

STORY = read_story(DEFAULT_FOLDER).story
TOTAL = len([event for event in STORY.events if not event.draft])


def embedded(html: str) -> dict:  # type: ignore[type-arg]
    match = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def note_of(html: str) -> str | None:
    match = re.search(r'<p class="filters" id="filters">(.*?)</p>', html, re.S)
    return unescape(match.group(1)) if match else None


def test_the_cli_writes_only_the_filtered_events_and_says_which_filters(tmp_path: Path, capsys):
    page, table = tmp_path / "story.html", tmp_path / "events.csv"
    code = main([str(page), "--kind", "statement", "--actor", "Dmitry Peskov", "--csv", str(table)])
    assert code == 0
    expected = [
        e.id for e in STORY.events if e.kind is EventKind.STATEMENT and e.actor == "Dmitry Peskov"
    ]
    html = page.read_text("utf-8")
    assert sorted(embedded(html)["eventStop"]) == sorted(expected)
    note = f"Filtered: Kind: statement · Who: Dmitry Peskov ({len(expected)} of {TOTAL} events)"
    assert note_of(html) == note
    assert note in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8"))))
    assert [row["id"] for row in rows] == expected


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--actor", "dmitry peskov"], "actor 'dmitry peskov' is in no event; did you mean"),
        (["--outlet", "Pravda"], "outlet 'Pravda' is in no event; known: "),
        (["--place", "Atlantis"], "no place is called 'Atlantis'"),
    ],
    ids=["actor-spelling", "unknown-outlet", "unknown-place"],
)
def test_a_filter_naming_nothing_writes_nothing_and_says_why(tmp_path, capsys, arguments, message):
    page = tmp_path / "story.html"
    assert main([str(page), *arguments]) == 2
    assert message in capsys.readouterr().err
    assert not page.exists()


def test_places_are_found_by_any_spelling_and_search_words_apply(tmp_path: Path):
    assert place_ids(STORY, ["Khmeimim", "Tartous", "damascus"]) == [
        "hmeimim-air-base",
        "tartus",
        "damascus",
    ]
    with pytest.raises(FilterError, match="did you mean"):
        place_ids(STORY, ["Hmeimim airbas"])
    page = tmp_path / "story.html"
    assert main([str(page), "--place", "Khmeimim", "--search", "no final decision"]) == 0
    html = page.read_text("utf-8")
    assert list(embedded(html)["eventStop"]) == ["peskov-bases-no-final-decision"]
    assert note_of(html) == (
        f"Filtered: Place: Hmeimim air base · Words: “no final decision” (1 of {TOTAL} events)"
    )


def test_without_filters_the_page_is_the_whole_story_and_says_nothing_about_filters():
    whole = select(STORY, Filter())
    assert whole.story is STORY and whole.note == ""
    html = standalone_html(whole.story, whole.timeline, whole.places)
    assert note_of(html) is None
    assert len(embedded(html)["eventStop"]) == len([e for e in STORY.events if not e.draft])


def test_the_filter_note_is_escaped(tmp_path: Path):
    hostile = Filter.of(text="<script>alert(1)</script>")
    chosen = select(STORY, hostile)
    html = standalone_html(chosen.story, chosen.timeline, chosen.places, filtered=chosen.note)
    assert "<script>alert(1)</script>" not in html
    assert note_of(html) == f"Filtered: Words: “<script>alert(1)</script>” (0 of {TOTAL} events)"


@pytest.mark.parametrize(
    ("shown", "total", "filtered", "words"),
    [
        (44, 44, False, "All 44 events shown"),
        (1, 1, False, "All 1 event shown"),
        (8, 44, True, "8 of 44 events shown"),
        (0, 44, True, "0 of 44 events shown"),
        (1, 1, True, "1 of 1 event shown"),
    ],
    ids=["all", "all-one", "some", "none", "one-of-one"],
)
def test_the_shown_line_counts_in_plain_words(shown, total, filtered, words):
    assert shown_line(shown, total, filtered) == words


def test_a_search_result_names_date_and_the_places_on_the_map():
    event = next(e for e in STORY.events if e.id == "peskov-bases-no-final-decision")
    everywhere = list(STORY.places.values())
    names = ", ".join(STORY.places[p].name for p in event.places)
    assert result_label(event, STORY, everywhere) == f"16 December 2024 · {names}: {event.summary}"
    only_hmeimim = [STORY.places["hmeimim-air-base"]]
    assert result_label(event, STORY, only_hmeimim).startswith("16 December 2024 · Hmeimim air")
    assert result_place(event, everywhere) == event.places[0]
    assert result_place(event, only_hmeimim) == "hmeimim-air-base"
    assert result_place(event, []) is None
