"""Dates counted from the publication day or the date just given: weekdays, 'yesterday',
'last week', 'earlier this month', 'two days ago', 'a day later', seasons.

Conventions (articles/README.md): "last week" = Monday to Sunday of the week before
publication; "on Monday" = the latest Monday on or before publication; "this week", "this
month" and "earlier this ..." end on the publication day unless the wording is future.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geodata.dates import DatePrecision, StoryDate
from geodata.ingest.dating import WEEKDAYS, Context, count, day_range, month_span

# '... yesterday or Africa Corps today': the past and the present, not two days.
_ERAS = re.compile(r"\byesterday\s+or\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def weekday(g: dict[str, str], ctx: Context) -> StoryDate | None:
    if not g["weekday"][0].isupper():
        return None
    wanted, published = WEEKDAYS[g["weekday"].lower()], ctx.published
    which = (g.get("which") or "").lower()
    if not which and ctx.reported_future:
        # 'He said the talks would resume on Friday': the Friday nearest publication.
        ahead, back = (wanted - published.weekday()) % 7, (published.weekday() - wanted) % 7
        return StoryDate.day(published + timedelta(days=ahead if ahead < back else -back))
    if which == "next" or (which != "last" and ctx.future):
        ahead = (wanted - published.weekday()) % 7
        return StoryDate.day(published + timedelta(days=ahead or (7 if which else 0)))
    back = (published.weekday() - wanted) % 7
    if which == "last" and back == 0:
        back = 7
    return StoryDate.day(published - timedelta(days=back))


def relative_day(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'yesterday', 'today', 'tomorrow': from the day the words were said (in a quotation
    whose speaking the text dated) or else the publication day."""
    if _ERAS.search(ctx.before[-60:]):
        return None
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
    # 'the day before yesterday', 'the day after tomorrow'
    shift += {"before": -1, "after": 1}.get((g.get("two") or "").lower(), 0)
    return StoryDate.day(ctx.speech_day + timedelta(days=shift))


def past_span(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'in the past week', 'over the last two months': the span that ends on publication."""
    published, unit = ctx.published, g["unit"].lower()
    number = count(g["count"]) if g.get("count") else 1
    if unit.startswith(("month", "year", "half")):
        months = number * {"m": 1, "y": 12, "h": 6}[unit[0]]
        total = published.year * 12 + published.month - 1 - months
        first = min(published.day, month_span(total // 12, total % 12 + 1).end.day)
        start = date(total // 12, total % 12 + 1, first)
    else:
        start = published - timedelta(days=number * (7 if unit.startswith("week") else 1))
    return day_range(start, published)


def anaphoric_day(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'the previous day', 'the following day', 'that day': a day from the last day-precise
    date."""
    anchor = ctx.anchor
    if anchor is not None and anchor.when.precision is DatePrecision.MONTH:
        # 'In July she was to marry the next day': a day in that month, as far as the text says.
        return anchor.when
    if anchor is None or anchor.when.precision is not DatePrecision.DAY:
        return None
    word = g["word"].lower()
    # 'the day before' alone is the previous day; 'the day before the talks began' is the
    # day of the talks, the day after the date just given ('a day after ...' the reverse).
    before = word == "previous" or (word == "day before") != ("event" in g)
    shift = 0 if word.endswith("same day") or word == "that day" else -1 if before else 1
    return StoryDate.day(anchor.when.start + timedelta(days=shift))


def day_in_focus(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'Earlier in the day', 'later that day', 'during the day': the day the text last gave,
    else the publication day."""
    anchor = ctx.anchor
    if anchor is not None and anchor.when.precision is DatePrecision.DAY:
        return anchor.when
    return StoryDate.day(ctx.published)


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season_span(year: int, season: str) -> StoryDate:
    first = date(year, _SEASONS[season], 1)
    last = month_span(year + (season == "winter"), (first.month + 1) % 12 + 1).end
    return StoryDate(first, last, DatePrecision.RANGE)


def season(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'all spring', 'last summer', 'the winter of 2023' (December to February)."""
    season, which, published = g["season"].lower(), (g.get("which") or "").lower(), ctx.published
    if g.get("year"):
        return _season_span(int(g["year"]), season)
    spans = [_season_span(year, season) for year in range(published.year - 2, published.year + 2)]
    if which == "last":
        return max((s for s in spans if s.end < published), key=lambda s: s.start)
    if which == "next" or ctx.future:
        return min((s for s in spans if s.start > published), key=lambda s: s.start)
    span = max((s for s in spans if s.start <= published), key=lambda s: s.start)
    return day_range(span.start, min(span.end, published))


def ago(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'two days ago', 'five or six days ago' (the span), 'a decade ago' (a year)."""
    unit, published = g["unit"].lower(), ctx.published
    counts = sorted({count(g["count"]), count(g.get("other") or g["count"])})
    if unit.startswith("hour"):
        return StoryDate.day(published)
    if unit.startswith("month"):
        months = [published.year * 12 + published.month - 1 - n for n in counts]
        first, last = (month_span(m // 12, m % 12 + 1) for m in (months[-1], months[0]))
        if first == last:
            return first
        return StoryDate(first.start, last.end, DatePrecision.RANGE)
    if unit.startswith(("year", "decade")):
        years = [published.year - n * (10 if unit.startswith("decade") else 1) for n in counts]
        if len(years) == 1:
            return StoryDate.parse(str(years[0]))
        return StoryDate(date(years[-1], 1, 1), date(years[0], 12, 31), DatePrecision.RANGE)
    if unit.startswith("week"):
        # 'two weeks ago': the week (Monday to Sunday) two weeks back, as 'last week' is one.
        mondays = [published - timedelta(days=published.weekday() + 7 * n) for n in counts]
        return StoryDate(mondays[-1], mondays[0] + timedelta(days=6), DatePrecision.RANGE)
    return day_range(published - timedelta(days=counts[-1]), published - timedelta(days=counts[0]))


_DAY_OR_MONTH = (DatePrecision.DAY, DatePrecision.MONTH)
# The dates one may count from in each unit: days from a day, months from a day or a month.
_FROM_PRECISION = {
    "day": (DatePrecision.DAY,),
    "week": (DatePrecision.DAY,),
    "month": _DAY_OR_MONTH,
    "year": (*_DAY_OR_MONTH, DatePrecision.YEAR),
}


def days_from_anchor(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'Two days earlier', 'three days later', 'six months later' (a month), 'two years
    earlier' (a year): counted from the date the text just gave."""
    anchor = ctx.anchor
    unit = g["unit"].lower()
    sign = -1 if g["direction"].lower() == "earlier" else 1
    if anchor is None or anchor.when.precision not in _FROM_PRECISION[unit.rstrip("s")]:
        return None
    if unit.startswith(("month", "year")):
        months = count(g["count"]) * (12 if unit.startswith("year") else 1) * sign
        total = anchor.when.start.year * 12 + anchor.when.start.month - 1 + months
        span = month_span(total // 12, total % 12 + 1)
        if unit.startswith("year"):
            span = StoryDate.parse(str(span.start.year))
        if span.start > ctx.published >= anchor.when.start and not ctx.future:
            return None
        return span
    days = count(g["count"]) * (7 if unit.startswith("week") else 1)
    day = anchor.when.start + timedelta(days=sign * days)
    # A past report runs on past: 'a week later' never lands after publication unless the
    # wording is future.
    if day > ctx.published >= anchor.when.start and not ctx.future:
        return None
    return StoryDate.day(day)


def day_of_month(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'the 22nd of the month': the latest such day not after publication."""
    published, day = ctx.published, int(g["day"])
    month = published.replace(day=1)
    if day > published.day:
        month = (month - timedelta(days=1)).replace(day=1)
    try:
        return StoryDate.day(month.replace(day=day))
    except ValueError:
        return None


def night(g: dict[str, str], ctx: Context) -> StoryDate | None:
    """'last night' is the day before publication; 'tonight', 'this morning' its day."""
    shift = -1 if g["word"].lower() == "last night" else 0
    return StoryDate.day(ctx.published + timedelta(days=shift))


def week(g: dict[str, str], ctx: Context) -> StoryDate | None:
    which, published = g["which"].lower(), ctx.published
    monday = published - timedelta(days=published.weekday())
    if which == "earlier in the" and ctx.anchor is not None:
        # 'A truce earlier in the week' runs on from the last date the text gave.
        day = min(ctx.anchor.when.start, published)
        return day_range(day - timedelta(days=day.weekday()), day)
    if which in ("earlier this", "earlier in the") or (which == "this" and not ctx.future):
        return day_range(monday, published)
    if which == "later this":
        return day_range(published, monday + timedelta(days=6))
    monday += timedelta(days={"last": -7, "this": 0, "next": 7}[which])
    return StoryDate(monday, monday + timedelta(days=6), DatePrecision.RANGE)


def weekend(g: dict[str, str], ctx: Context) -> StoryDate | None:
    published, which = ctx.published, g["which"].lower()
    coming = published + timedelta(days=(5 - published.weekday()) % 7)
    past = published - timedelta(days=(published.weekday() - 5) % 7)
    # 'would respond to strikes over the weekend' on a Monday: a future seen from a past
    # day takes the nearer weekend, here the one just past.
    nearer = ctx.reported_future and (published - past).days < (coming - published).days
    if which == "next" or (which != "last" and ctx.future and not nearer):
        return day_range(coming, coming + timedelta(days=1))
    saturday = past
    if which == "last" and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    return day_range(saturday, min(saturday + timedelta(days=1), published))


def month_relative(g: dict[str, str], ctx: Context) -> StoryDate | None:
    which, published = g["which"].lower(), ctx.published
    start = published.replace(day=1)
    if which == "earlier this" or (which == "this" and not ctx.future):
        return day_range(start, published)
    if which == "later this":
        return day_range(published, month_span(published.year, published.month).end)
    year, month = published.year, published.month
    if which == "last":
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif which == "next":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return month_span(year, month)


def year_relative(g: dict[str, str], ctx: Context) -> StoryDate | None:
    which, published = g["which"].lower(), ctx.published
    if which == "earlier this":
        return day_range(date(published.year, 1, 1), published)
    shift = {"last": -1, "this": 0, "next": 1}[which]
    return StoryDate.parse(str(published.year + shift))
