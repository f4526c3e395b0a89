"""Data text in Streamlit calls and HTML: exact, escaped, and isolated in its direction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from stories import write_story

from dashboard.plaintext import caption, heading, isolated, labelled, markdown_text
from dashboard.statement_cards import statement_card
from geodata import read_story

RLO = "\u202e"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("![x](http://h/p.png)", r"\!\[x\]\(http\:\/\/h\/p\.png\)"),
        ("{{7*7}} *a* _b_ `c` # h", r"\{\{7\*7\}\} \*a\* \_b\_ \`c\` \# h"),
        (":smile: :red[r] $x$", r"\:smile\: \:red\[r\] \$x\$"),
        ("two\nlines", "two lines"),
        ("plain words", "plain words"),
    ],
    ids=["image", "emphasis", "streamlit-syntax", "newline", "plain"],
)
def test_markdown_text_escapes_every_markdown_character(text, markdown):
    assert markdown_text(text) == markdown


def test_html_helpers_escape_and_isolate():
    assert heading("<b>x</b>", 3) == '<h3 dir="auto">&lt;b&gt;x&lt;/b&gt;</h3>'
    assert caption("a & b").endswith(">a &amp; b</p>") and 'dir="auto"' in caption("a")
    assert labelled([("Outlet", "<i>W</i>"), ("Link", "https://x/?a=1&b=2")]) == (
        '<div class="labelled"><b>Outlet:</b> <bdi>&lt;i&gt;W&lt;/i&gt;</bdi><br>'
        "<b>Link:</b> <bdi>https://x/?a=1&amp;b=2</bdi></div>"
    )


def test_plain_text_is_isolated_only_when_it_holds_direction_controls():
    assert isolated("Tartus") == "Tartus"
    assert isolated("طرطوس") == "طرطوس"
    assert isolated(f"{RLO}Tartus") == f"\u2068{RLO}Tartus\u2069"


def test_statement_cards_isolate_each_data_text(tmp_path: Path):
    story = read_story(write_story(tmp_path / "articles")).story
    event = next(e for e in story.events if e.id == "no-decision")
    bent = replace(event, actor=f"{RLO}The spokesman", note=f"{RLO}note")
    card = statement_card(bent, story)
    assert f"<bdi>{RLO}The spokesman</bdi>" in card
    assert f"Note: <bdi>{RLO}note</bdi>" in card
    assert "<blockquote>“<bdi>There are no final decisions,</bdi>”</blockquote>" in card


def test_presenter_cards_isolate_the_summary_speaker_and_quote(tmp_path: Path):
    from dashboard.cards import presenter_card

    story = read_story(write_story(tmp_path / "articles")).story
    event = next(e for e in story.events if e.id == "no-decision")
    card = str(presenter_card(replace(event, actor=f"{RLO}The spokesman"), story, quote="q"))
    assert f"<bdi>{RLO}The spokesman, Kremlin spokesman</bdi>" in card
    assert '<div class="summary" dir="auto">' in card and "<blockquote><bdi>" in card
