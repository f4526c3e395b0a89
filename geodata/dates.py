"""Dates with a precision: a day, a range, a month, a year, or "on or before" a day.

"On or before" (written ``..2024-12-09``, shown "by 9 December 2024") is for what an
article reports without dating it: it happened at some unknown time up to the day it was
reported. The slider places it at that day, on a stop of its own just before the day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum


class DatePrecision(Enum):
    """How exactly a date is known; follows from the written form."""

    DAY = "day"
    RANGE = "range"
    MONTH = "month"
    YEAR = "year"
    ON_OR_BEFORE = "on_or_before"


_DAY = r"(\d{4})-(\d{2})-(\d{2})"
_FORMS = {
    DatePrecision.DAY: re.compile(rf"^{_DAY}$"),
    DatePrecision.RANGE: re.compile(rf"^{_DAY}/{_DAY}$"),
    DatePrecision.MONTH: re.compile(r"^(\d{4})-(\d{2})$"),
    DatePrecision.YEAR: re.compile(r"^(\d{4})$"),
    DatePrecision.ON_OR_BEFORE: re.compile(rf"^\.\.{_DAY}$"),
}
DATE_FORMS = "'YYYY-MM-DD', 'YYYY-MM-DD/YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '..YYYY-MM-DD'"
# Where a date sorts among others that start and end on the same days: an undated report
# ("by 9 December") comes before what is dated that day, since it may have happened earlier.
_RANK = {
    DatePrecision.ON_OR_BEFORE: 0,
    DatePrecision.DAY: 1,
    DatePrecision.RANGE: 2,
    DatePrecision.MONTH: 3,
    DatePrecision.YEAR: 4,
}


def _day(year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise ValueError(f"{year}-{month}-{day} is not a calendar day ({error})") from None


def _month(year: str, month: str) -> tuple[date, date]:
    if not 1 <= int(month) <= 12:
        raise ValueError(f"month {month} does not exist")
    last = calendar.monthrange(int(year), int(month))[1]
    return date(int(year), int(month), 1), date(int(year), int(month), last)


@dataclass(frozen=True, slots=True)
class StoryDate:
    """A span of days from ``start`` to ``end`` (inclusive) with its precision.

    Ordering is by (start, end): "late November" comes before "8 December",
    and "January 2025" before a range that starts in January and ends later.
    For ON_OR_BEFORE, ``start`` and ``end`` are both the report day (where the slider
    places it); the first possible day is unknown (``earliest`` is None).
    """

    start: date
    end: date
    precision: DatePrecision

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the range ends ({self.end}) before it starts ({self.start})")
        one_day = self.precision in (DatePrecision.DAY, DatePrecision.ON_OR_BEFORE)
        if one_day and self.start != self.end:
            raise ValueError(f"a {self.precision.value} date must start and end on the same day")

    def _key(self) -> tuple[date, date, int]:
        return (self.start, self.end, _RANK[self.precision])

    def __lt__(self, other: StoryDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: StoryDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: StoryDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: StoryDate) -> bool:
        return self._key() >= other._key()

    @classmethod
    def parse(cls, text: str) -> StoryDate:
        """Read one of the five written forms; raise ValueError saying what is wrong."""
        for precision, form in _FORMS.items():
            match = form.match(text.strip())
            if not match:
                continue
            parts = match.groups()
            if precision in (DatePrecision.DAY, DatePrecision.ON_OR_BEFORE):
                day = _day(*parts)
                return cls(day, day, precision)
            if precision is DatePrecision.RANGE:
                return cls(_day(*parts[:3]), _day(*parts[3:]), precision)
            if precision is DatePrecision.MONTH:
                return cls(*_month(*parts), precision)
            year = int(parts[0])
            return cls(date(year, 1, 1), date(year, 12, 31), precision)
        raise ValueError(f"{text!r} is not a date in a known form")

    @classmethod
    def day(cls, value: date) -> StoryDate:
        return cls(value, value, DatePrecision.DAY)

    @property
    def approximate(self) -> bool:
        return self.precision is not DatePrecision.DAY

    @classmethod
    def on_or_before(cls, value: date) -> StoryDate:
        return cls(value, value, DatePrecision.ON_OR_BEFORE)

    @property
    def earliest(self) -> date | None:
        """The first possible day, or None when it is unknown ("on or before")."""
        return None if self.precision is DatePrecision.ON_OR_BEFORE else self.start

    @property
    def code(self) -> str:
        """The compact written form, as in the data files and URLs."""
        if self.precision is DatePrecision.DAY:
            return self.start.isoformat()
        if self.precision is DatePrecision.MONTH:
            return self.start.isoformat()[:7]
        if self.precision is DatePrecision.YEAR:
            return str(self.start.year)
        if self.precision is DatePrecision.ON_OR_BEFORE:
            return f"..{self.end.isoformat()}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """Plain words: '8 December 2024', '21–30 November 2024 (approximate)',
        'by 9 December 2024' (not dated; reported by that day)."""
        start, end = self.start, self.end
        if self.precision is DatePrecision.DAY:
            return f"{start.day} {start:%B %Y}"
        if self.precision is DatePrecision.ON_OR_BEFORE:
            return f"by {end.day} {end:%B %Y}"
        if self.precision is DatePrecision.MONTH:
            return f"{start:%B %Y}"
        if self.precision is DatePrecision.YEAR:
            return str(start.year)
        return f"{_range_words(start, end)} (approximate)"

    @property
    def heading(self) -> str:
        """A title for what happened at this date: 'On 8 December 2024', or for an
        undated report 'Reported by 9 December 2024, not dated'."""
        if self.precision is DatePrecision.ON_OR_BEFORE:
            return f"Reported {self.label}, not dated"
        return f"On {self.label}"

    @property
    def up_to(self) -> str:
        """'up to 8 December 2024', or 'by 9 December 2024' (the label says it already)."""
        if self.precision is DatePrecision.ON_OR_BEFORE:
            return self.label
        return f"up to {self.label}"

    def contains(self, day: date) -> bool:
        earliest = self.earliest
        return (earliest is None or earliest <= day) and day <= self.end


def _range_words(start: date, end: date) -> str:
    last_day = calendar.monthrange(end.year, end.month)[1]
    whole_months = start.day == 1 and end.day == last_day
    if start.year == end.year and start.month == end.month:
        if 21 <= start.day and end.day == last_day:
            return f"late {start:%B %Y}"
        if start.day == 1 and end.day <= 10:
            return f"early {start:%B %Y}"
        return f"{start.day}–{end.day} {start:%B %Y}"
    if whole_months and start.year == end.year:
        return f"between {start:%B} and {end:%B %Y}"
    if whole_months:
        return f"between {start:%B %Y} and {end:%B %Y}"
    return f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"
