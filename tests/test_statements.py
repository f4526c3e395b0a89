"""Who said what: speakers' lines in date order, differing wordings, and the page showing them."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from apptesting import captions, run
from stories import HOSTILE, write_hostile_story

from dashboard.statement_cards import speaker_href, statement_card
from geodata import DEFAULT_FOLDER, EventKind, read_story
from geodata.statements import (
    precision_words,
    speaker_line,
    speaker_lines,
    statements_in_order,
    worded_differently,
)
from geodata.timeline import story_timeline

STORY = read_story(DEFAULT_FOLDER).story
SHOWN = [e for events in story_timeline(STORY)[0].by_stop for e in events]


def statements_of(speaker: str) -> list[str]:
    """The ids of a speaker's statements, worked out without geodata.statements."""
    mine = [e for e in SHOWN if e.kind is EventKind.STATEMENT and e.actor == speaker]
    return [e.id for e in sorted(mine, key=lambda e: (e.when.start, e.when.end, e.id))]


def statement_cards(at) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(event id, speaker) of every statement card shown, in order."""
    return [
        (m.group(1), unescape(m.group(2)))
        for h in at.get("html")
        if (m := re.search(r'data-event="([^"]+)" data-speaker="([^"]*)"', h.value))
    ]


@pytest.mark.parametrize(
    "speaker", ["Dmitry Peskov", "Sergey Vershinin", "Mikhail Bogdanov", "Donald Trump"]
)
def test_a_speakers_line_lists_every_statement_in_date_order(speaker):
    line = speaker_line(SHOWN, speaker)
    assert [e.id for e in line.statements] == statements_of(speaker)
    assert line.statements, "the real articles quote each of them"
    starts = [e.when for e in line.statements]
    assert starts == sorted(starts)


def test_every_speaker_has_a_line_the_busiest_first():
    lines = speaker_lines(SHOWN)
    assert lines[0].speaker == "Dmitry Peskov"
    counts = [len(line.statements) for line in lines]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == len(statements_in_order(SHOWN))
    assert {e.id for line in lines for e in line.statements} == {
        e.id for e in SHOWN if e.kind is EventKind.STATEMENT and e.actor
    }


@pytest.mark.parametrize(
    ("event_id", "differs"),
    [
        ("peskov-bases-no-final-decision", True),  # TASS and IANS word it differently
        ("peskov-bases-premature", False),
        ("russian-troops-threat-denied", False),  # reported without a quote
    ],
    ids=["two-wordings", "one-source", "indirect"],
)
def test_differing_wordings_are_found(event_id, differs):
    event = next(e for e in STORY.events if e.id == event_id)
    assert worded_differently(event, STORY) is differs


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("2024-12-09", "exact day"),
        ("2024-12-09/2024-12-12", "approximate: some day in this span"),
        ("2025-01", "month only"),
        ("1971", "year only"),
        ("..2024-12-09", "not dated in the article: on or before this day"),
    ],
    ids=["day", "range", "month", "year", "on-or-before"],
)
def test_date_precision_in_words(code, words):
    from geodata.dates import StoryDate

    assert precision_words(StoryDate.parse(code)) == words


def test_the_card_shows_each_outlets_words_and_links_the_speakers_line():
    event = next(e for e in STORY.events if e.id == "peskov-bases-no-final-decision")
    card = statement_card(event, STORY)
    assert "The outlets report these words differently" in card
    for source in event.sources:
        outlet = STORY.articles[source.article].outlet
        assert f"<b>{outlet}</b>" in card
    quoted = {s.article: s.quote for s in event.sources if s.quote}
    assert sorted(quoted) == ["ians-2024-12-17", "tass-2024-12-16"]  # each outlet's words
    assert all(quote in unescape(card) for quote in quoted.values())
    assert 'href="who?speaker=Dmitry+Peskov"' in card
    assert "(date: exact day)" in card
    assert "speaker-line" not in statement_card(event, STORY, link_line=False)


def test_the_card_escapes_article_text(tmp_path: Path):
    story = read_story(write_hostile_story(tmp_path / "articles")).story
    card = statement_card(story.events[0], story)
    assert "<script>" not in card and "<img" not in card and "<i>x</i>" not in card
    assert HOSTILE in unescape(card)
    assert speaker_href("Actor <i>x</i>") == "who?speaker=Actor+%3Ci%3Ex%3C%2Fi%3E"


pytestmark_page = pytest.mark.usefixtures("fresh_caches")


def open_page(monkeypatch, folder: Path, **params: str):  # type: ignore[no-untyped-def]
    """The page inside the app (its links name the app's other pages)."""
    at = run(monkeypatch, folder)
    at.switch_page("screens/who_said_what.py")
    at.query_params.clear()
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytestmark_page
def test_the_page_lists_a_speakers_statements_from_the_url(monkeypatch):
    at = open_page(monkeypatch, DEFAULT_FOLDER, speaker="Dmitry Peskov")
    assert at.selectbox(key="speaker").value == "Dmitry Peskov"
    shown = statement_cards(at)
    assert [event for event, _ in shown] == statements_of("Dmitry Peskov")
    assert {speaker for _, speaker in shown} == {"Dmitry Peskov"}
    assert at.query_params["speaker"] == "Dmitry Peskov"
    assert captions(at)[0].startswith("8 statements, 9 December 2024 to ")


@pytestmark_page
def test_everyone_lists_all_statements_each_linking_its_speaker(monkeypatch):
    at = open_page(monkeypatch, DEFAULT_FOLDER, speaker="Nobody at all")
    assert at.selectbox(key="speaker").value is None
    shown = statement_cards(at)
    assert [event for event, _ in shown] == [e.id for e in statements_in_order(SHOWN)]
    links = [h.value for h in at.get("html") if "data-line=" in h.value]
    assert len(links) == len(shown)
    at.selectbox(key="speaker").set_value("Sergey Vershinin").run()
    assert [event for event, _ in statement_cards(at)] == statements_of("Sergey Vershinin")
    assert at.query_params["speaker"] == "Sergey Vershinin"


@pytestmark_page
def test_the_page_is_in_the_apps_navigation(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir)
    at.switch_page("screens/who_said_what.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Who said what"]
    assert statement_cards(at) == [("no-decision", "The spokesman")]


@pytestmark_page
def test_a_statement_card_on_the_map_opens_its_speakers_line(monkeypatch, story_dir):
    at = run(monkeypatch, story_dir, date="2024-12-16", place="damascus")
    htmls = {
        m.group(1): h.value
        for h in at.get("html")
        if (m := re.match(r'<div class="event-card[^"]*" data-event="([^"]+)"', h.value))
    }
    assert set(htmls) == {"offensive", "damascus-entered", "no-decision"}
    assert 'href="who?speaker=The+spokesman"' in htmls["no-decision"]
    assert "All statements by <bdi>The spokesman</bdi>" in htmls["no-decision"]
    assert not any("speaker-line" in htmls[e] for e in ("offensive", "damascus-entered"))
