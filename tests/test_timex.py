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
        ("two weeks ago", "2024-12-02/2024-12-08"),
        ("in 1696", "1696"),
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
        ("in the past half-year", "2024-06-16/2024-12-16"),
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


# Kinds of expression met in news writing (issue 14, third batch), each in sentences written
# for the test. Published 2024-12-16, a Monday.
FOUND += [
    pytest.param(
        "The army was due to leave the border by Nov. 3 under the truce.",
        [("Nov. 3", "2024-11-03", False)],
        id="abbreviated-month-with-a-day-after-a-deadline-word-is-a-day",
    ),
    pytest.param(
        "The convoy was expected to reach the port on Oct. 20, officials said.",
        [("Oct. 20", "2024-10-20", False)],
        id="was-expected-to-takes-the-day-nearest-publication-before",
    ),
    pytest.param(
        "In October, the mayor said the bridge would reopen on Jan. 10.",
        [("In October", "2024-10", False), ("Jan. 10", "2025-01-10", False)],
        id="would-takes-the-day-nearest-publication-after",
    ),
    pytest.param(
        "He said the ferry would sail again on Saturday.",
        [("Saturday", "2024-12-14", False)],
        id="would-with-a-weekday-takes-the-nearest-one",
    ),
    pytest.param(
        "Tehran said it would respond to the strikes over the weekend.",
        [("over the weekend", "2024-12-14/2024-12-15", False)],
        id="would-with-the-weekend-takes-the-nearer-one",
    ),
    pytest.param(
        "The leaders will meet over the weekend.",
        [("over the weekend", "2024-12-21/2024-12-22", False)],
        id="will-with-the-weekend-is-the-coming-one",
    ),
    pytest.param(
        "The ferry will sail again on Saturday.",
        [("Saturday", "2024-12-21", False)],
        id="will-with-a-weekday-is-after-publication",
    ),
    pytest.param(
        "Shelling has not stopped since an August truce between the two towns.",
        [("an August", "2024-08", False)],
        id="a-month-that-qualifies-a-noun",
    ),
    pytest.param(
        "A small August protest and the month of October passed.",
        [("A small August", "2024-08", False), ("the month of October", "2024-10", False)],
        id="a-month-after-a-determiner-and-an-adjective-or-the-month-of",
    ),
    pytest.param(
        "Turnout in the March elections was low; the June's results came later.",
        [("the March", "2024-03", False), ("the June", "2024-06", False)],
        id="the-month-before-a-noun-or-possessive",
    ),
    pytest.param(
        "The pact followed the 1973 war and its 1981 sequel.",
        [("1973", "1973", True), ("1981", "1981", True)],
        id="a-year-that-qualifies-a-noun",
    ),
    pytest.param(
        "Floods struck in 2019 and 2022, and again in 2023, 2024 or 2025.",
        [
            ("in 2019", "2019", True),
            ("2022", "2022", True),
            ("in 2023", "2023", True),
            ("2024", "2024", True),
            ("2025", "2025", True),
        ],
        id="years-in-a-list",
    ),
    pytest.param(
        "Some 1900 soldiers and 2000 people left; Resolution 2043 and Route 1990 stayed.",
        [],
        id="numbers-that-count-or-name-are-no-years",
    ),
    pytest.param(
        "The 2010 elections and the 2021 floods are remembered.",
        [("2010", "2010", True), ("2021", "2021", True)],
        id="a-year-before-a-plural-after-a-determiner",
    ),
    pytest.param(
        "Troops have held the Golan Heights since 1967.",
        [("since 1967", "1967", True)],
        id="a-year-after-a-preposition-after-a-name",
    ),
    pytest.param(
        "The town grew in the second half of the 19th century and again in the late 20th "
        "century; in the 21st century it shrank.",
        [
            ("the second half of the 19th century", "1850-01-01/1899-12-31", True),
            ("the late 20th century", "1966-01-01/1999-12-31", True),
            ("the 21st century", "2000-01-01/2099-12-31", True),
        ],
        id="centuries-and-their-parts",
    ),
    pytest.param(
        "Talks ended on December 3. Later that day the convoy left; earlier in the day it "
        "had rained.",
        [
            ("December 3", "2024-12-03", False),
            ("Later that day", "2024-12-03", False),
            ("earlier in the day", "2024-12-03", False),
        ],
        id="earlier-or-later-in-the-day-is-the-day-just-given",
    ),
    pytest.param(
        "Earlier in the day, the minister spoke; he spoke twice during the day.",
        [("Earlier in the day", "2024-12-16", False), ("during the day", "2024-12-16", False)],
        id="in-the-day-without-a-day-given-is-the-publication-day",
    ),
    pytest.param(
        "The square is usually empty in January, and markets close every August.",
        [],
        id="habitual-months-are-no-dates",
    ),
    pytest.param(
        '"Soldiers yesterday or traders today, the port feeds us," a docker said.',
        [],
        id="yesterday-or-today-as-past-and-present",
    ),
    pytest.param(
        "Talks began on December 4, the day before the convoy left.",
        [("December 4", "2024-12-04", False), ("the day before", "2024-12-05", False)],
        id="the-day-before-what-happened-is-the-day-after-the-date-given",
    ),
    pytest.param(
        "Posted Monday 9/12/2024; updated 14.12.2024, 2024-12-11 and 12/13/2024.",
        [
            ("Monday 9/12/2024", "2024-12-09", True),
            ("14.12.2024", "2024-12-14", True),
            ("2024-12-11", "2024-12-11", True),
            ("12/13/2024", "2024-12-13", True),
        ],
        id="dates-in-figures-with-the-order-decided",
    ),
    pytest.param(
        "It was filed on 3/4/2024 under version 1.2.2020.",
        [],
        id="dates-in-figures-whose-order-nothing-decides",
    ),
    pytest.param(
        "Ahead of Friday's vote, the envoys met on Thursday.",
        [("Friday", "2024-12-20", False), ("Thursday", "2024-12-12", False)],
        id="future-wording-before-a-verb-in-the-past-is-another-clauses",
    ),
    pytest.param(
        "The talks, which will resume, ended on Thursday.",
        [("Thursday", "2024-12-12", False)],
        id="future-wording-in-a-relative-clause",
    ),
    pytest.param(
        "The deal will be signed on Thursday and the border will remain closed until Friday.",
        [("Thursday", "2024-12-19", False), ("Friday", "2024-12-20", False)],
        id="participles-after-be-and-remain-keep-the-future",
    ),
    pytest.param(
        "Between Oct. 3 and Oct. 9, 2023, and from November to January 2024, ships left.",
        [
            ("Between Oct. 3 and Oct. 9, 2023", "2023-10-03/2023-10-09", True),
            ("from November to January 2024", "2023-11-01/2024-01-31", True),
        ],
        id="a-span-whose-year-is-written-at-its-end",
    ),
    pytest.param(
        "From April 2019 to June 2020 the siege went on.",
        [("From April 2019 to June 2020", "2019-04-01/2020-06-30", True)],
        id="a-span-of-months-with-both-years",
    ),
    pytest.param(
        "The port reopened on May 2, 2022. Three months later it closed; two years later it "
        "was sold.",
        [
            ("May 2, 2022", "2022-05-02", True),
            ("Three months later", "2022-08", False),
            ("two years later", "2024", False),
        ],
        id="months-and-years-counted-from-the-date-just-given",
    ),
    pytest.param(
        "The port reopened on October 2. Three months later it closed.",
        [("October 2", "2024-10-02", False)],
        id="months-later-never-land-after-publication-in-a-past-report",
    ),
    pytest.param(
        "In March the mayor ordered the traders to leave the square by August 1.",
        [("In March", "2024-03", False), ("August 1", "2024-08-01", False)],
        id="a-deadline-set-on-a-past-day-takes-the-nearest-one",
    ),
    pytest.param(
        "On Monday the mayor ordered the traders to leave the square by January 10.",
        [("Monday", "2024-12-16", False), ("January 10", "2025-01-10", False)],
        id="a-deadline-set-on-a-past-day-may-fall-after-publication",
    ),
    pytest.param(
        "Markets were quiet this Ramadan and busy on Eid al-Fitr; during Ramadan 2023 they "
        "closed early.",
        [
            ("this Ramadan", "2024-03-11/2024-04-09", False),
            ("Eid al-Fitr", "2024-04-10", False),
            ("during Ramadan 2023", "2023-03-23/2023-04-20", True),
        ],
        id="ramadan-and-the-eids-by-the-umm-al-qura-calendar",
    ),
    pytest.param(
        "The truce should hold until next Ramadan, officials said after Eid al-Adha.",
        [("next Ramadan", "2025-03-01/2025-03-29", False), ("Eid al-Adha", "2024-06-16", False)],
        id="next-ramadan-and-the-latest-eid",
    ),
    pytest.param(
        "Ramadan says his village is gone, Khaled Ramadan told us.",
        [],
        id="ramadan-as-a-surname",
    ),
    pytest.param(
        "In October the bride was to marry the next day.",
        [("In October", "2024-10", False), ("the next day", "2024-10", False)],
        id="the-next-day-after-a-month-is-in-that-month",
    ),
    pytest.param(
        "Ships docked yesterday and sail today.",
        [("yesterday", "2024-12-15", False), ("today", "2024-12-16", False)],
        id="yesterday-and-today-as-days",
    ),
]


@pytest.mark.parametrize(("text", "found"), FOUND)
def test_expressions_their_words_dates_and_written_years(
    text: str, found: list[tuple[str, str, bool]]
) -> None:
    timexes = find_timexes(text, PUBLISHED)
    assert [(t.text, t.when.code, t.explicit_year) for t in timexes] == found
    assert all(text[t.start : t.end] == t.text for t in timexes)
