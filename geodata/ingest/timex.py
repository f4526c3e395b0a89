"""Finding date expressions in article text and resolving them against the publication date.

Conventions (articles/README.md): "late" = days 21 to the end of the month, "early" = 1-10,
"mid" = 11-20; "last week" = Monday to Sunday of the week before publication; "on Monday" =
the latest Monday on or before publication. A day or month written without a year is put in
the year that brings it closest to the publication date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from geodata.dates import DatePrecision, StoryDate

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    )
}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?P<part>early|mid|mid-|late|the end of|the beginning of|the start of)"
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}


@dataclass(frozen=True, slots=True)
class Timex:
    """A date expression found in a text: its words, where they are, and the date they mean."""

    text: str
    start: int
    end: int
    when: StoryDate


Resolver = Callable[[dict[str, str], date], StoryDate | None]


def _closest_year(month: int, day: int, published: date) -> int:
    def distance(year: int) -> int:
        last = calendar.monthrange(year, month)[1]
        return abs((date(year, month, min(day, last)) - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _month_span(year: int, month: int, part: str | None = None) -> StoryDate:
    last = calendar.monthrange(year, month)[1]
    if part is None:
        return StoryDate(date(year, month, 1), date(year, month, last), DatePrecision.MONTH)
    first, final = {
        "early": (1, 10),
        "beginning": (1, 10),
        "start": (1, 10),
        "mid": (11, 20),
        "late": (21, last),
        "end": (21, last),
    }[_part_word(part)]
    return StoryDate(date(year, month, first), date(year, month, final), DatePrecision.RANGE)


def _part_word(part: str) -> str:
    return part.rstrip("-").split()[-1] if part.startswith("the") else part.rstrip("-")


def _day_date(g: dict[str, str], published: date) -> StoryDate | None:
    month, day = _MONTHS[g["month"].lower()], int(g["day"])
    year = int(g["year"]) if g.get("year") else _closest_year(month, day, published)
    try:
        return StoryDate.day(date(year, month, day))
    except ValueError:
        return None


def _month_date(g: dict[str, str], published: date) -> StoryDate | None:
    month = _MONTHS[g["month"].lower()]
    year = int(g["year"]) if g.get("year") else _closest_year(month, 15, published)
    return _month_span(year, month, g.get("part"))


def _year_date(g: dict[str, str], published: date) -> StoryDate | None:
    return StoryDate.parse(g["year"])


def _weekday(g: dict[str, str], published: date) -> StoryDate | None:
    back = (published.weekday() - _WEEKDAYS[g["weekday"].lower()]) % 7
    if g.get("last") and back == 0:
        back = 7
    return StoryDate.day(published - timedelta(days=back))


def _relative_day(g: dict[str, str], published: date) -> StoryDate | None:
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
    return StoryDate.day(published + timedelta(days=shift))


def _ago(g: dict[str, str], published: date) -> StoryDate | None:
    count = _NUMBERS.get(g["count"].lower()) or int(g["count"])
    days = count * (7 if g["unit"].lower().startswith("week") else 1)
    return StoryDate.day(published - timedelta(days=days))


def _week(g: dict[str, str], published: date) -> StoryDate | None:
    monday = published - timedelta(days=published.weekday())
    monday += timedelta(days={"last": -7, "this": 0, "next": 7}[g["which"].lower()])
    return StoryDate(monday, monday + timedelta(days=6), DatePrecision.RANGE)


def _month_relative(g: dict[str, str], published: date) -> StoryDate | None:
    which = g["which"].lower()
    if which == "earlier this" and published.day > 1:
        start = published.replace(day=1)
        return StoryDate(start, published - timedelta(days=1), DatePrecision.RANGE)
    year, month = published.year, published.month
    if which in ("last", "earlier this"):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif which == "next":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _month_span(year, month)


def _year_relative(g: dict[str, str], published: date) -> StoryDate | None:
    which = g["which"].lower()
    if which == "earlier this" and published > date(published.year, 1, 1):
        start = date(published.year, 1, 1)
        return StoryDate(start, published - timedelta(days=1), DatePrecision.RANGE)
    shift = {"last": -1, "this": 0, "next": 1, "earlier this": 0}[which]
    return StoryDate.parse(str(published.year + shift))


# Longer forms first: at any position the first pattern that matches wins.
_PATTERNS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver)
    for pattern, resolver in (
        (rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", _day_date),
        (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", _day_date),
        (rf"\b{_PART}\s*{_MONTH}(?:,?\s+{_YEAR})?\b", _month_date),
        (rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|per|people|troops|km|kilomet))", _day_date),
        (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", _day_date),
        (rf"\b{_MONTH},?\s+{_YEAR}\b", _month_date),
        (
            rf"\b(?:in|by|since|until|during|from|last|this|next)\s+{_MONTH}\b(?!\s*,?\s*\d)",
            _month_date,
        ),
        (rf"(?:(?<=\bon\s)|(?P<last>\blast\s)){_WEEKDAY}\b", _weekday),
        (rf"\b{_WEEKDAY}(?=\s+(?:morning|afternoon|evening|night)\b)", _weekday),
        (r"\b(?P<word>yesterday|today|tomorrow)\b", _relative_day),
        (
            r"\b(?P<count>a|one|two|three|four|five|six|ten|\d+)\s+(?P<unit>days?|weeks?)\s+ago\b",
            _ago,
        ),
        (r"\b(?P<which>last|this|next)\s+week\b", _week),
        (r"\b(?P<which>earlier this|last|this|next)\s+month\b", _month_relative),
        (r"\b(?P<which>earlier this|last|this|next)\s+year\b", _year_relative),
        (
            rf"\b(?:in|since|by|until|from|of|year)\s+{_YEAR}\b(?!\s*(?:%|people|troops))",
            _year_date,
        ),
        (
            rf"\b{_YEAR}(?=\s+(?:agreement|accord|deal|treaty|lease|intervention|election))",
            _year_date,
        ),
    )
)
_WORD_MONTHS = frozenset({"may", "march"})


def find_timexes(text: str, published: date) -> list[Timex]:
    """Every date expression in ``text``, left to right, none overlapping."""
    found: list[Timex] = []
    position = 0
    while position < len(text):
        best: tuple[re.Match[str], Resolver] | None = None
        for pattern, resolver in _PATTERNS:
            match = pattern.search(text, position)
            if match and (best is None or match.start() < best[0].start()):
                best = (match, resolver)
        if best is None:
            break
        match, resolver = best
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        when = None if _is_verb(match, groups) else resolver(groups, published)
        if when is not None:
            found.append(Timex(match.group(0), match.start(), match.end(), when))
        position = match.end() if when is not None else match.start() + 1
    return found


def _is_verb(match: re.Match[str], groups: dict[str, str]) -> bool:
    """'may' and 'march' are months only when capitalised."""
    month = groups.get("month")
    return month is not None and month.lower() in _WORD_MONTHS and month.islower()
