"""Dates the calendar gives by itself: a day, a month, a year, a span of them, a century.

A month or a day written without a year gets the year a careful reader gives it: the year of
an explicit date just before it when the text runs on from it ("On December 19, 2024, ...
On December 27, ..."), else the latest such day not after the publication day. Only clearly
future wording near it ("will", "is scheduled for", "next") moves it after publication;
a future seen from a past day ("would", "was expected to") takes the one nearest
publication. A weekday written with the day ("Tuesday, May 20") must fall on that day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from hijridate import Gregorian, Hijri

from geodata.dates import DatePrecision, StoryDate
from geodata.ingest.dating import MONTHS, WEEKDAYS, Context, month_span, part_word


def _pick(spans: dict[int, StoryDate], ctx: Context) -> StoryDate | None:
    """The span a careful reader means among the same month (and day) in several years."""
    year = ctx.runs_on_year
    if year in spans and ctx.anchor is not None:
        span = spans[year]
        if span.start >= ctx.anchor.when.start and (span.start <= ctx.published or ctx.future):
            return span
    if ctx.reported_future:
        return min(spans.values(), key=lambda s: _distance(s, ctx.published), default=None)
    if ctx.future:
        later = [s for s in spans.values() if s.end >= ctx.published]
        return min(later, key=lambda s: s.start, default=None)
    earlier = [s for s in spans.values() if s.start <= ctx.published]
    return max(earlier, key=lambda s: s.start, default=None)


def _distance(span: StoryDate, day: date) -> int:
    """Days between ``day`` and the nearest day of ``span`` (0 inside it)."""
    return max((span.start - day).days, (day - span.end).days, 0)


def _years(g: dict[str, str], ctx: Context) -> list[int]:
    if g.get("year"):
        return [int(g["year"])]
    if g.get("rel"):
        return [ctx.published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]]
    year = ctx.published.year
    runs_on = [ctx.runs_on_year] if ctx.runs_on_year else []
    return [*runs_on, year, year - 1, year + 1, year - 2]


def day_date(g: dict[str, str], ctx: Context) -> StoryDate | None:
    month, day = MONTHS[g["month"].lower()], int(g["day"])
    spans: dict[int, StoryDate] = {}
    for year in _years(g, ctx):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if g.get("weekday") and value.weekday() != WEEKDAYS[g["weekday"].lower()]:
            continue
        spans[year] = StoryDate.day(value)
    if g.get("year") or g.get("rel"):
        return next(iter(spans.values()), None)
    return _pick(spans, ctx)


def numeric_date(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """A date in figures: day and month in either order unless one is over 12, the weekday
    written with it agrees, or it is ISO (year-month-day). Otherwise it is left undated."""
    year, first, second = int(g["year"]), int(g["first"]), int(g["second"])
    orders = [(second, first)] if "iso" in g else [(second, first), (first, second)]
    days: set[date] = set()
    for month, day in orders:
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if not g.get("weekday") or value.weekday() == WEEKDAYS[g["weekday"].lower()]:
            days.add(value)
    return StoryDate.day(days.pop()) if len(days) == 1 else None


def days_span(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'Dec. 8-10': the first day dated as a day is, to the last in the same month."""
    first = day_date(g, ctx)
    if first is None or int(g["last_day"]) <= first.start.day:
        return None
    try:
        last = first.start.replace(day=int(g["last_day"]))
    except ValueError:
        return None
    return StoryDate(first.start, last, DatePrecision.RANGE)


def month_date(g: dict[str, str], ctx: Context) -> StoryDate | None:
    month = MONTHS[g["month"].lower()]
    spans = {year: month_span(year, month, g.get("part")) for year in _years(g, ctx)}
    if g.get("year") or g.get("rel"):
        return next(iter(spans.values()))
    if ctx.habitual:
        # 'The cafes are usually empty in December': every December, no date.
        return None
    return _pick(spans, ctx)


def year_date(g: dict[str, str], ctx: Context) -> StoryDate | None:
    return StoryDate.parse(g["year"])


# Words after which a number is a quantity's or a name's, not a year.
_DETERMINER = re.compile(r"\b(?:(?i:the|a|an|its|his|her|their|our|this|that)|[A-Z]\w*['’]s)\s+$")
_NAMED_NUMBER = re.compile(r"\b(?P<word>[A-Z][\w-]*)\s+$")
_NOT_A_NAME = frozenset(
    "in since by until from of before after to during and or the a an its his her their our "
    "this that".split()
)


def year_alone(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """A bare year, unless it counts something ('2000 troops', but 'the 2024 elections')
    or numbers a name ('Resolution 2043', 'Flight 1905'; not 'In 2021' opening a sentence)."""
    before = ctx.before[-40:]
    if g.get("counted") and not _DETERMINER.search(before):
        return None
    named = None if g.get("lead") else _NAMED_NUMBER.search(before)
    word = named.group("word").lower() if named is not None else ""
    if named is not None and word not in _NOT_A_NAME and word not in MONTHS:
        return None
    return StoryDate.parse(g["year"])


# Which of how many equal parts a word names: early / mid / late thirds, first / second halves.
_PARTS = {
    "early": (0, 3),
    "beginning": (0, 3),
    "start": (0, 3),
    "mid": (1, 3),
    "late": (2, 3),
    "end": (2, 3),
    "first": (0, 2),
    "second": (1, 2),
    "latter": (1, 2),
}


def _portion(part: str, units: int) -> tuple[int, int]:
    """The first and last of ``units`` (counted from 0) that a part word covers: 'early' of a
    century's 100 years is 0-32, of a year's 12 months 0-3 (January to April)."""
    which, parts = _PARTS[part]
    return units * which // parts, units * (which + 1) // parts - 1


def century(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'the 20th century' (1900-1999); 'the latter half of the 20th century' (1950-1999);
    early / mid / late = its first, middle and last third, as for a year."""
    first = (int(g["century"]) - 1) * 100
    part = g.get("part2") or (part_word(g["part"]) if g.get("part") else None)
    offset, last = _portion(part, 100) if part else (0, 99)
    return StoryDate(date(first + offset, 1, 1), date(first + last, 12, 31), DatePrecision.RANGE)


def year_part(g: dict[str, str], ctx: Context) -> StoryDate | None:
    if g.get("year"):
        year = int(g["year"])
    else:
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
    first, last = (month + 1 for month in _portion(part_word(g["part"]), 12))
    end = date(year, last, calendar.monthrange(year, last)[1])
    return StoryDate(date(year, first, 1), end, DatePrecision.RANGE)


def decade(g: dict[str, str], ctx: Context) -> StoryDate | None:
    start = int(g["decade"])
    return StoryDate(date(start, 1, 1), date(start + 9, 12, 31), DatePrecision.RANGE)


def years_between(g: dict[str, str], ctx: Context) -> StoryDate | None:
    first, last = int(g["year"]), int(g["last_year"])
    if last <= first:
        return None
    return StoryDate(date(first, 1, 1), date(last, 12, 31), DatePrecision.RANGE)


def month_range(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'between Dec. 8 and Dec. 14, 2024': both ends take the year written at the end (the
    first the year before when its month comes later: 'from December to February 2025')."""
    if bool(g.get("day")) != bool(g.get("day2")):
        return None
    year = int(g["year"])
    first, last = MONTHS[g["month"].lower()], MONTHS[g["month2"].lower()]
    start_year = year if first <= last else year - 1
    start_year = int(g.get("first_year") or start_year)
    if g.get("day"):
        start, end = date(start_year, first, int(g["day"])), date(year, last, int(g["day2"]))
    else:
        start, end = month_span(start_year, first).start, month_span(year, last).end
    return StoryDate(start, end, DatePrecision.RANGE) if start < end else None


# Days of the Islamic year news dates by: a month (Ramadan) or a feast's first day.
_ISLAMIC = {"ramadan": (9, None), "eid al-fitr": (10, 1), "eid al-adha": (12, 10)}


def islamic_date(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'This Ramadan', 'during Ramadan 2024', 'last Eid al-Adha': the days of the Umm al-Qura
    calendar (hijridate) in the Islamic year a careful reader means, like a month without a
    year: the latest not after publication unless the wording is future or says 'next'."""
    feast = g.get("feast") or g.get("named") or g["eid"]
    name = " ".join(feast.lower().replace("-", " ").replace("al ", "al-").split())
    month, day = _ISLAMIC[name]
    year = Gregorian(ctx.published.year, ctx.published.month, ctx.published.day).to_hijri().year
    spans: dict[int, StoryDate] = {}
    for hijri_year in (year - 2, year - 1, year, year + 1):
        first = Hijri(hijri_year, month, day or 1)
        start = first.to_gregorian()
        if day is None:
            end = Hijri(hijri_year, month, first.month_length()).to_gregorian()
            spans[start.year] = StoryDate(start, end, DatePrecision.RANGE)
        else:
            spans[start.year] = StoryDate.day(start)
    if g.get("year"):
        return spans.get(int(g["year"]))
    which = (g.get("which") or "").lower()
    if which == "next":
        return min((s for s in spans.values() if s.start > ctx.published), key=lambda s: s.start)
    if which == "last":
        return max((s for s in spans.values() if s.end < ctx.published), key=lambda s: s.start)
    return _pick(spans, ctx)
