"""`timex`: date expressions found in text and resolved against the publication day.

More cases from real news writing (issue 14) are in test_ingest_news.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from geodata.ingest.timex import find_timexes

PUBLISHED = date(2024, 12, 16)  # a Monday


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("on December 8", "2024-12-08"),
        ("on September 30, 2015", "2015-09-30"),
        ("in 1971", "1971"),
        ("on Monday", "2024-12-16"),
        ("last week", "2024-12-09/2024-12-15"),
        ("earlier this month", "2024-12-01/2024-12-16"),
        ("in late November", "2024-11-21/2024-11-30"),
        ("since January 2024", "2024-01"),
        ("8 December 2024", "2024-12-08"),
        ("two days ago", "2024-12-14"),
        ("five or six days ago", "2024-12-10/2024-12-11"),
        ("a decade ago", "2014"),
        ("two or three years ago", "2021-01-01/2022-12-31"),
        ("last night", "2024-12-15"),
        ("this morning", "2024-12-16"),
        ("on the 12th of the month", "2024-12-12"),
        ("on the 22nd of the month", "2024-11-22"),
        ("two months ago", "2024-10"),
        ("two or three months ago", "2024-09-01/2024-10-31"),
        ("at the end of November", "2024-11-21/2024-11-30"),
        ("at the end of last year", "2023-09-01/2023-12-31"),
        ("at the beginning of 2023", "2023-01-01/2023-04-30"),
        ("all autumn", "2024-09-01/2024-11-30"),
        ("last summer", "2024-06-01/2024-08-31"),
        ("last winter", "2023-12-01/2024-02-29"),
        ("this winter", "2024-12-01/2024-12-16"),
        ("in the spring of 2013", "2013-03-01/2013-05-31"),
        ("from 2015 to 2017", "2015-01-01/2017-12-31"),
        ("in 2015-2017", "2015-01-01/2017-12-31"),
        ("in the first half of 2024", "2024-01-01/2024-06-30"),
        ("in the second half of last year", "2023-07-01/2023-12-31"),
        ("the day before yesterday", "2024-12-14"),
        ("in the past week", "2024-12-09/2024-12-16"),
        ("over the past two weeks", "2024-12-02/2024-12-16"),
        ("during the last three months", "2024-09-16/2024-12-16"),
        ("on Dec. 8-9", "2024-12-08/2024-12-09"),
        ("from December 8 to 10, 2023", "2023-12-08/2023-12-10"),
        ("on 5-6 December", "2024-12-05/2024-12-06"),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v else None,
)
def test_dates_resolve_against_publication(text: str, code: str) -> None:
    found = find_timexes(f"It happened {text}.", PUBLISHED)
    assert [t.when.code for t in found] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Russia may keep its bases.",
        "After the fall of Assad.",
        "Since the Arab Spring.",
        # Counts beyond the calendar are no date (they crashed ingest), nor is a part of a
        # longer number ("000 years ago" in "2,000 years ago").
        "Tartus has been a port over the last 3000 years.",
        "The town was founded 2025 years ago.",
        "It is 5000 decades ago, or 99999 months ago, or 999999 days ago.",
        "A port 2,000 years ago.",
    ],
)
def test_words_that_are_no_date(text: str) -> None:
    assert find_timexes(text, PUBLISHED) == []


# (text, the expressions found: their words, the date, whether a year is written).
FOUND = [
    pytest.param(
        '"We will stay in Tartus," Peskov said on January 12.',
        [("January 12", "2024-01-12", False)],
        id="future-wording-inside-the-quote-is-not-the-dates-clause",
    ),
    pytest.param(
        'Peskov said on December 2: "Talks will resume on January 12."',
        [("December 2", "2024-12-02", False), ("January 12", "2025-01-12", False)],
        id="future-wording-in-the-quotation-that-carries-the-date",
    ),
    pytest.param(
        "The ships left in late November.",
        [("late November", "2024-11-21/2024-11-30", False)],
        id="full-stop-after-a-full-month-name-ends-the-sentence",
    ),
    pytest.param(
        "The ships left on Jan. 3.",
        [("Jan. 3", "2024-01-03", False)],
        id="full-stop-of-an-abbreviation-belongs-to-the-date",
    ),
    pytest.param(
        "The ships left in late November 2023.",
        [("late November 2023", "2023-11-21/2023-11-30", True)],
        id="written-year",
    ),
    pytest.param(
        "Talks ended on December 3. Fighting resumed a day after.",
        [("December 3", "2024-12-03", False), ("a day after", "2024-12-04", False)],
        id="a-day-after-the-date-just-given",
    ),
    pytest.param(
        "Talks ended on December 3. The day after, the convoy left.",
        [("December 3", "2024-12-03", False), ("The day after", "2024-12-04", False)],
        id="the-day-after-the-date-just-given",
    ),
    pytest.param(
        "Rebels struck on Friday, a day after the army said it had won.",
        [("Friday", "2024-12-13", False), ("a day after", "2024-12-12", False)],
        id="a-day-after-what-happened-the-day-before",
    ),
    pytest.param(
        "Talks ended on December 3. Ships left that day and more the same day.",
        [
            ("December 3", "2024-12-03", False),
            ("that day", "2024-12-03", False),
            ("the same day", "2024-12-03", False),
        ],
        id="that-day-and-the-same-day",
    ),
    pytest.param(
        "Lavrov said on December 2 that talks would continue in January.",
        [("December 2", "2024-12-02", False), ("in January", "2025-01", False)],
        id="would-in-reported-speech-is-future",
    ),
    pytest.param(
        "Talks ended on December 3. Two days earlier, the convoy left; a week later it was back.",
        [
            ("December 3", "2024-12-03", False),
            ("Two days earlier", "2024-12-01", False),
            ("a week later", "2024-12-08", False),
        ],
        id="days-earlier-and-a-week-later-count-from-the-date-just-given",
    ),
    pytest.param(
        "The army on Friday said it had retaken the hill.\n"
        '"Our units cleared it yesterday," the army said.',
        [("Friday", "2024-12-13", False), ("yesterday", "2024-12-12", False)],
        id="yesterday-in-a-quotation-counts-from-the-day-it-was-said",
    ),
    pytest.param(
        'Fighting went on Friday.\n"We were shelled yesterday," a resident said.',
        [("Friday", "2024-12-13", False), ("yesterday", "2024-12-15", False)],
        id="yesterday-in-a-quotation-whose-speaking-the-text-did-not-date",
    ),
    pytest.param(
        "Talks ended on December 13. A week later, the convoy left.",
        [("December 13", "2024-12-13", False)],
        id="a-week-later-in-a-past-report-never-lands-after-publication",
    ),
    pytest.param(
        "Talks ended on December 3. The previous day, the convoy left.",
        [("December 3", "2024-12-03", False), ("The previous day", "2024-12-02", False)],
        id="the-previous-day",
    ),
]


@pytest.mark.parametrize(("text", "found"), FOUND)
def test_expressions_their_words_dates_and_written_years(
    text: str, found: list[tuple[str, str, bool]]
) -> None:
    timexes = find_timexes(text, PUBLISHED)
    assert [(t.text, t.when.code, t.explicit_year) for t in timexes] == found
    assert all(text[t.start : t.end] == t.text for t in timexes)
