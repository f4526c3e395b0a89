from datetime import date

import pytest

from geodata.dates import DatePrecision, StoryDate


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "label"),
    [
        ("2024-12-08", date(2024, 12, 8), date(2024, 12, 8), DatePrecision.DAY, "8 December 2024"),
        (
            "2024-11-21/2024-11-30",
            date(2024, 11, 21),
            date(2024, 11, 30),
            DatePrecision.RANGE,
            "late November 2024 (approximate)",
        ),
        (
            "2024-12-09/2024-12-15",
            date(2024, 12, 9),
            date(2024, 12, 15),
            DatePrecision.RANGE,
            "9–15 December 2024 (approximate)",
        ),
        (
            "2025-03-01/2025-12-31",
            date(2025, 3, 1),
            date(2025, 12, 31),
            DatePrecision.RANGE,
            "between March and December 2025 (approximate)",
        ),
        ("2025-01", date(2025, 1, 1), date(2025, 1, 31), DatePrecision.MONTH, "January 2025"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), DatePrecision.MONTH, "February 2024"),
        ("1971", date(1971, 1, 1), date(1971, 12, 31), DatePrecision.YEAR, "1971"),
    ],
    ids=["day", "late-month", "week", "months", "month", "leap-month", "year"],
)
def test_parse_forms(text, start, end, precision, label):
    when = StoryDate.parse(text)
    assert (when.start, when.end, when.precision) == (start, end, precision)
    assert when.label == label
    assert when.code == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2024-02-30", "not a calendar day"),
        ("2024-13-01", "not a calendar day"),
        ("2024-13", "month 13 does not exist"),
        ("2024-12-10/2024-12-01", "ends"),
        ("8 December 2024", "not a date in a known form"),
        ("2024/12/08", "not a date in a known form"),
        ("", "not a date in a known form"),
    ],
    ids=["feb-30", "month-13-day", "month-13", "backwards-range", "words", "slashes", "empty"],
)
def test_bad_dates_say_what_is_wrong(text, words):
    with pytest.raises(ValueError, match=words):
        StoryDate.parse(text)


def test_order_puts_approximate_spans_by_start_then_end():
    dates = [
        StoryDate.parse(t)
        for t in ("2024-12-08", "2025-01", "2024-11-21/2024-11-30", "1971", "2025-01-29")
    ]
    assert [d.code for d in sorted(dates)] == [
        "1971",
        "2024-11-21/2024-11-30",
        "2024-12-08",
        "2025-01",
        "2025-01-29",
    ]


def test_month_sorts_before_a_day_late_in_it_because_it_starts_earlier():
    assert StoryDate.parse("2025-01") < StoryDate.parse("2025-01-29")


def test_on_or_before_is_the_report_day_with_its_own_precision_and_words():
    when = StoryDate.parse("..2024-12-09")
    assert when.precision is DatePrecision.ON_OR_BEFORE
    assert (when.start, when.end, when.earliest) == (date(2024, 12, 9), date(2024, 12, 9), None)
    assert when.code == "..2024-12-09"
    assert when.label == "by 9 December 2024"
    assert when.heading == "Reported by 9 December 2024, not dated"
    assert when.up_to == "by 9 December 2024"
    assert when.approximate
    assert when.contains(date(2015, 1, 1)) and not when.contains(date(2024, 12, 10))
    assert StoryDate.parse("2024-12-09").heading == "On 9 December 2024"
    assert StoryDate.parse("2024-12-09").up_to == "up to 9 December 2024"


def test_on_or_before_sorts_at_its_day_before_what_is_dated_that_day():
    codes = ("2024-12-10", "2024-12-09", "..2024-12-09", "2024-12-08/2024-12-09", "2024-12-08")
    assert [d.code for d in sorted(StoryDate.parse(c) for c in codes)] == [
        "2024-12-08",
        "2024-12-08/2024-12-09",
        "..2024-12-09",
        "2024-12-09",
        "2024-12-10",
    ]
    assert StoryDate.parse("..2024-12-09") != StoryDate.parse("2024-12-09")


@pytest.mark.parametrize(
    "text", ["..2024-12-32", "...2024-12-09", "..2024-12", "2024-12-09.."], ids=str
)
def test_bad_on_or_before_dates_are_refused(text):
    with pytest.raises(ValueError):
        StoryDate.parse(text)
