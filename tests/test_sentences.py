"""`sentences`: sentences keep their offsets, a line break always ends one, a quote never does."""

from __future__ import annotations

import pytest

from geodata.ingest.sentences import split_sentences, unwrap


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One here. Two there.", ["One here.", "Two there."]),
        ("Why? Yes! Done.", ["Why?", "Yes!", "Done."]),
        ("No full stop", ["No full stop"]),
        ("Mr. Smith left. Then he came.", ["Mr. Smith left.", "Then he came."]),
        ("He left on Dec. 8. Then he came back.", ["He left on Dec. 8.", "Then he came back."]),
        ("U.S. troops came. J. Smith saw them.", ["U.S. troops came.", "J. Smith saw them."]),
        ("A 3.5 km road. 2024 was a year.", ["A 3.5 km road.", "2024 was a year."]),
        ("a.b.c is one. lower case follows. Yes", ["a.b.c is one. lower case follows.", "Yes"]),
        ('He said "Go. Now." to them.', ['He said "Go. Now." to them.']),
        ("«Stop. Now», he said! Why?", ["«Stop. Now», he said!", "Why?"]),
        ("It ended.” Then more.", ["It ended.”", "Then more."]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("  padded.  \n\n  ", ["padded."]),
    ],
    ids=[
        "two",
        "marks",
        "no-stop",
        "title",
        "month-abbreviation",
        "initials",
        "decimal",
        "lowercase-after",
        "straight-quote",
        "guillemets",
        "closing-mark-kept",
        "line-break",
        "blank-lines",
    ],
)
def test_split(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences


def test_offsets_and_paragraphs_point_into_the_text() -> None:
    text = "MOSCOW, Dec. 16.  First one. Second one!\n\n  Third “quoted. Still.” one.\n"
    found = split_sentences(text)
    assert [(s.text, s.paragraph) for s in found] == [
        ("MOSCOW, Dec. 16.", 0),
        ("First one.", 0),
        ("Second one!", 0),
        ("Third “quoted. Still.” one.", 2),
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


# Line breaks inside a sentence (copy wrapped by hand): read as spaces, same length.
@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "Rain fell on the\nvalley all night. Roads closed.",
            ["Rain fell on the valley all night.", "Roads closed."],
            id="a-line-going-on-in-lower-case",
        ),
        pytest.param(
            "Headline of the day\nThe mayor opened the bridge.\nTraffic moved again.\n"
            "Shops reopened.",
            [
                "Headline of the day",
                "The mayor opened the bridge.",
                "Traffic moved again.",
                "Shops reopened.",
            ],
            id="a-headline-ends-at-its-line",
        ),
        pytest.param(
            "The governor said on Friday\nAleppo would get power,\naccording to the\n"
            "state agency.\n“We will fix it,” he\nadded.",
            [
                "The governor said on Friday Aleppo would get power, according to the state "
                "agency.",
                "“We will fix it,” he added.",
            ],
            id="a-text-wrapped-throughout",
        ),
        pytest.param(
            "Aid talks resume\nHOMS, Syria (Wire) - The convoy left\nat dawn and reached\n"
            "the town by noon, officials\nsaid on Friday.",
            [
                "Aid talks resume",
                "HOMS, Syria (Wire) - The convoy left at dawn and reached the town by noon, "
                "officials said on Friday.",
            ],
            id="a-dateline-keeps-its-line",
        ),
        pytest.param(
            "It ended:\nthe army left.",
            ["It ended:", "the army left."],
            id="a-colon-ends-the-line",
        ),
    ],
)
def test_line_breaks_inside_sentences(text: str, sentences: list[str]) -> None:
    read = unwrap(text)
    assert len(read) == len(text)
    assert [s.text for s in split_sentences(read)] == sentences


def test_a_quote_that_ends_its_sentence_ends_the_one_around_it() -> None:
    text = "He said its work had “run its course.” He added that “more was needed.”"
    assert [s.text for s in split_sentences(text)] == [
        "He said its work had “run its course.”",
        "He added that “more was needed.”",
    ]


def test_hard_wrapped_copy_is_read_as_whole_sentences() -> None:
    text = (
        "(Agency) The minister said on Sunday\n"
        "that the talks would go on, according to the\n"
        "state news agency.\n"
        "“We are leaving for the capital to\n"
        "deliver the message,” he told reporters at\n"
        "the port.\n"
        "Paragraphs that end in a full stop stay apart.\n"
    )
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "(Agency) The minister said on Sunday that the talks would go on, according to the "
        "state news agency.",
        "“We are leaving for the capital to deliver the message,” he told reporters at the port.",
        "Paragraphs that end in a full stop stay apart.",
    ]
    # The joined line breaks keep every offset: each sentence is where the text has it.
    assert all(" ".join(text[s.start : s.end].split()) == s.text for s in found)


def test_text_with_a_headline_line_is_not_joined() -> None:
    text = "Port reopens after storm\nTARTUS (AP) — The port reopened on Monday.\nShips came in.\n"
    assert [s.text for s in split_sentences(text)] == [
        "Port reopens after storm",
        "TARTUS (AP) — The port reopened on Monday.",
        "Ships came in.",
    ]
