"""Dates with a precision: a day, a range, a month or a year, as the articles give them."""

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


_DAY = r"(\d{4})-(\d{2})-(\d{2})"
_FORMS = {
    DatePrecision.DAY: re.compile(rf"^{_DAY}$"),
    DatePrecision.RANGE: re.compile(rf"^{_DAY}/{_DAY}$"),
    DatePrecision.MONTH: re.compile(r"^(\d{4})-(\d{2})$"),
    DatePrecision.YEAR: re.compile(r"^(\d{4})$"),
}
DATE_FORMS = "'YYYY-MM-DD', 'YYYY-MM-DD/YYYY-MM-DD', 'YYYY-MM' or 'YYYY'"


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


@dataclass(frozen=True, slots=True, order=True)
class StoryDate:
    """A span of days from ``start`` to ``end`` (inclusive) with its precision.

    Ordering is by (start, end): "late November" comes before "8 December",
    and "January 2025" before a range that starts in January and ends later.
    """

    start: date
    end: date
    precision: DatePrecision

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the range ends ({self.end}) before it starts ({self.start})")
        if self.precision is DatePrecision.DAY and self.start != self.end:
            raise ValueError("a day-precision date must start and end on the same day")

    @classmethod
    def parse(cls, text: str) -> StoryDate:
        """Read one of the four written forms; raise ValueError saying what is wrong."""
        for precision, form in _FORMS.items():
            match = form.match(text.strip())
            if not match:
                continue
            parts = match.groups()
            if precision is DatePrecision.DAY:
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

    @property
    def code(self) -> str:
        """The compact written form, as in the data files and URLs."""
        if self.precision is DatePrecision.DAY:
            return self.start.isoformat()
        if self.precision is DatePrecision.MONTH:
            return self.start.isoformat()[:7]
        if self.precision is DatePrecision.YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """Plain words: '8 December 2024', '21–30 November 2024 (approximate)'."""
        start, end = self.start, self.end
        if self.precision is DatePrecision.DAY:
            return f"{start.day} {start:%B %Y}"
        if self.precision is DatePrecision.MONTH:
            return f"{start:%B %Y}"
        if self.precision is DatePrecision.YEAR:
            return str(start.year)
        return f"{_range_words(start, end)} (approximate)"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


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
