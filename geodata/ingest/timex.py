"""Finding date expressions in article text and resolving them as a careful reader would.

Conventions (articles/README.md): "late" = days 21 to the end of the month, "early" = 1-10,
"mid" = 11-20 (for a year: September-December, January-April, May-August); "last week" =
Monday to Sunday of the week before publication; "on Monday" = the latest Monday on or
before publication.

A month or a day written without a year gets the year a careful reader gives it: the year of
an explicit date just before it when the text runs on from it ("On December 19, 2024, ...
On December 27, ..."), else the latest such day not after the publication day. Only clearly
future wording near it ("will", "is scheduled for", "next") moves it after publication. A
weekday written with the day ("Tuesday, May 20") must fall on that day. "This week", "this
month" and "earlier this ..." end on the publication day unless the wording is future.
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
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
_MONTHS["sept"] = 9
# The full stop after an abbreviation ("Jan. 14") belongs to the date; after a full name
# ("in late November.") it ends the sentence. "May" is both: its stop ends the sentence.
_MONTH = (
    r"(?P<month>"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")(?:(?<=\b(?!may)[a-z]{3})\.|(?<=\bsept)\.)?"
)
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?P<part>early|mid|mid-|late|the end of|the beginning of|the start of)"
# 'late 2024', 'the end of last year' (= late: September to December).
_YEAR_PART = r"(?P<part>early|mid|late|the end of|the beginning of|the start of)"
_REL_YEAR = r"(?:,?\s+(?P<rel>last|this|next)\s+year)"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# Wording that puts an undated month, day or weekday after publication ("is scheduled for").
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|would|shall|(?:is|are|was|were)\s+(?:expected|due|set|scheduled|slated)\s+to|"
    r"scheduled|slated|planned\s+for|plans?\s+to|intends?\s+to|to\s+be\s+held|upcoming|"
    r"would\s+like|hopes?\s+(?:that|to)|ahead\s+of|next)\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = 14
# A closed quotation, and the last opening mark of one still open where the date stands.
_QUOTATION = re.compile(r"\"[^\"]*\"|“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]")
_OPENING_MARK = re.compile(r"[\"“«„](?=[^\"“”«»„]*$)")
_RUNS_ON_CHARS = 500


@dataclass(frozen=True, slots=True)
class Timex:
    """A date expression found in a text: its words, where they are, and the date they mean."""

    text: str
    start: int
    end: int
    when: StoryDate
    explicit_year: bool = False


@dataclass(frozen=True, slots=True)
class _Context:
    """What a resolver may look at: the publication day, the words before, the last date."""

    published: date
    before: str
    anchor: Timex | None

    @property
    def future(self) -> bool:
        """Whether the clause that carries the date uses future wording.

        Quoted words are another clause: in '"We will stay," Peskov said on January 12' the
        "will" is Peskov's, not the date's; a date inside a quotation reads the quotation.
        """
        sentence = re.split(r"[.!?]\s|\n", self.before)[-1]
        clause = _QUOTATION.sub(" ", sentence)
        opened = _OPENING_MARK.search(clause)
        if opened is not None:
            clause = clause[opened.end() :]
        return bool(_FUTURE.search(" ".join(clause.split()[-_FUTURE_WORDS:])))

    @property
    def runs_on_year(self) -> int | None:
        """The year of an explicit date just before, which an undated day may continue."""
        anchor = self.anchor
        # A bare year ("founded in 1971") is background the text rarely runs on from.
        if (
            anchor is None
            or not anchor.explicit_year
            or anchor.when.precision is DatePrecision.YEAR
        ):
            return None
        between = self.before[anchor.end :]
        return (
            anchor.when.start.year
            if len(between) < _RUNS_ON_CHARS and "\n" not in between
            else None
        )


Resolver = Callable[[dict[str, str], _Context], StoryDate | None]


def _pick(spans: dict[int, StoryDate], ctx: _Context) -> StoryDate | None:
    """The span a careful reader means among the same month (and day) in several years."""
    year = ctx.runs_on_year
    if year in spans and ctx.anchor is not None:
        span = spans[year]
        if span.start >= ctx.anchor.when.start and (span.start <= ctx.published or ctx.future):
            return span
    if ctx.future:
        later = [s for s in spans.values() if s.end >= ctx.published]
        return min(later, key=lambda s: s.start, default=None)
    earlier = [s for s in spans.values() if s.start <= ctx.published]
    return max(earlier, key=lambda s: s.start, default=None)


def _years(g: dict[str, str], ctx: _Context) -> list[int]:
    if g.get("year"):
        return [int(g["year"])]
    if g.get("rel"):
        return [ctx.published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]]
    year = ctx.published.year
    runs_on = [ctx.runs_on_year] if ctx.runs_on_year else []
    return [*runs_on, year, year - 1, year + 1, year - 2]


def _day_date(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    month, day = _MONTHS[g["month"].lower()], int(g["day"])
    spans: dict[int, StoryDate] = {}
    for year in _years(g, ctx):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if g.get("weekday") and value.weekday() != _WEEKDAYS[g["weekday"].lower()]:
            continue
        spans[year] = StoryDate.day(value)
    if g.get("year") or g.get("rel"):
        return next(iter(spans.values()), None)
    return _pick(spans, ctx)


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
    """'early', 'mid-' -> 'mid', 'the end of' -> 'end'."""
    words = part.rstrip("-").lower().split()
    return words[1] if words[0] == "the" else words[0]


def _month_date(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    month = _MONTHS[g["month"].lower()]
    spans = {year: _month_span(year, month, g.get("part")) for year in _years(g, ctx)}
    if g.get("year") or g.get("rel"):
        return next(iter(spans.values()))
    return _pick(spans, ctx)


def _year_date(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    return StoryDate.parse(g["year"])


def _year_part(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    if g.get("year"):
        year = int(g["year"])
    else:
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
    first, last = {
        "early": (1, 4),
        "beginning": (1, 4),
        "start": (1, 4),
        "mid": (5, 8),
        "late": (9, 12),
        "end": (9, 12),
    }[_part_word(g["part"])]
    end = date(year, last, calendar.monthrange(year, last)[1])
    return StoryDate(date(year, first, 1), end, DatePrecision.RANGE)


def _decade(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    start = int(g["decade"])
    return StoryDate(date(start, 1, 1), date(start + 9, 12, 31), DatePrecision.RANGE)


def _years_between(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    first, last = int(g["year"]), int(g["last_year"])
    if last <= first:
        return None
    return StoryDate(date(first, 1, 1), date(last, 12, 31), DatePrecision.RANGE)


def _weekday(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    if not g["weekday"][0].isupper():
        return None
    wanted, published = _WEEKDAYS[g["weekday"].lower()], ctx.published
    which = (g.get("which") or "").lower()
    if which == "next" or (which != "last" and ctx.future):
        ahead = (wanted - published.weekday()) % 7
        return StoryDate.day(published + timedelta(days=ahead or (7 if which else 0)))
    back = (published.weekday() - wanted) % 7
    if which == "last" and back == 0:
        back = 7
    return StoryDate.day(published - timedelta(days=back))


def _relative_day(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["word"].lower()]
    return StoryDate.day(ctx.published + timedelta(days=shift))


def _anaphoric_day(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    """'the previous day', 'the following day', 'that day': a day from the last day-precise
    date."""
    anchor = ctx.anchor
    if anchor is None or anchor.when.precision is not DatePrecision.DAY:
        return None
    word = g["word"].lower()
    before = word in ("previous", "day before") or "event" in g
    shift = 0 if word.endswith("same day") or word == "that day" else -1 if before else 1
    return StoryDate.day(anchor.when.start + timedelta(days=shift))


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season_span(year: int, season: str) -> StoryDate:
    first = date(year, _SEASONS[season], 1)
    last = _month_span(year + (season == "winter"), (first.month + 1) % 12 + 1).end
    return StoryDate(first, last, DatePrecision.RANGE)


def _season(g: dict[str, str], ctx: _Context) -> StoryDate | None:
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
    return _range(span.start, min(span.end, published))


def _count(word: str) -> int:
    return _NUMBERS.get(word.lower()) or int(word)


def _ago(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    """'two days ago', 'five or six days ago' (the span), 'a decade ago' (a year)."""
    unit, published = g["unit"].lower(), ctx.published
    counts = sorted({_count(g["count"]), _count(g.get("other") or g["count"])})
    if unit.startswith("hour"):
        return StoryDate.day(published)
    if unit.startswith("month"):
        months = [published.year * 12 + published.month - 1 - n for n in counts]
        first, last = (_month_span(m // 12, m % 12 + 1) for m in (months[-1], months[0]))
        if first == last:
            return first
        return StoryDate(first.start, last.end, DatePrecision.RANGE)
    if unit.startswith(("year", "decade")):
        years = [published.year - n * (10 if unit.startswith("decade") else 1) for n in counts]
        if len(years) == 1:
            return StoryDate.parse(str(years[0]))
        return StoryDate(date(years[-1], 1, 1), date(years[0], 12, 31), DatePrecision.RANGE)
    days = [n * (7 if unit.startswith("week") else 1) for n in counts]
    return _range(published - timedelta(days=days[-1]), published - timedelta(days=days[0]))


def _days_from_anchor(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    """'Two days earlier', 'three days later': counted from the day the text just gave."""
    anchor = ctx.anchor
    if anchor is None or anchor.when.precision is not DatePrecision.DAY:
        return None
    days = _count(g["count"]) * (7 if g["unit"].lower().startswith("week") else 1)
    sign = -1 if g["direction"].lower() == "earlier" else 1
    return StoryDate.day(anchor.when.start + timedelta(days=sign * days))


def _day_of_month(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    """'the 22nd of the month': the latest such day not after publication."""
    published, day = ctx.published, int(g["day"])
    month = published.replace(day=1)
    if day > published.day:
        month = (month - timedelta(days=1)).replace(day=1)
    try:
        return StoryDate.day(month.replace(day=day))
    except ValueError:
        return None


def _night(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    """'last night' is the day before publication; 'tonight', 'this morning' its day."""
    shift = -1 if g["word"].lower() == "last night" else 0
    return StoryDate.day(ctx.published + timedelta(days=shift))


def _range(start: date, end: date) -> StoryDate:
    return StoryDate.day(start) if start == end else StoryDate(start, end, DatePrecision.RANGE)


def _week(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    which, published = g["which"].lower(), ctx.published
    monday = published - timedelta(days=published.weekday())
    if which == "earlier in the" and ctx.anchor is not None:
        # 'A truce earlier in the week' runs on from the last date the text gave.
        day = min(ctx.anchor.when.start, published)
        return _range(day - timedelta(days=day.weekday()), day)
    if which in ("earlier this", "earlier in the") or (which == "this" and not ctx.future):
        return _range(monday, published)
    if which == "later this":
        return _range(published, monday + timedelta(days=6))
    monday += timedelta(days={"last": -7, "this": 0, "next": 7}[which])
    return StoryDate(monday, monday + timedelta(days=6), DatePrecision.RANGE)


def _weekend(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    published, which = ctx.published, g["which"].lower()
    if which == "next" or (which != "last" and ctx.future):
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
        return _range(saturday, saturday + timedelta(days=1))
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if which == "last" and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    return _range(saturday, min(saturday + timedelta(days=1), published))


def _month_relative(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    which, published = g["which"].lower(), ctx.published
    start = published.replace(day=1)
    if which == "earlier this" or (which == "this" and not ctx.future):
        return _range(start, published)
    if which == "later this":
        return _range(published, _month_span(published.year, published.month).end)
    year, month = published.year, published.month
    if which == "last":
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif which == "next":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _month_span(year, month)


def _year_relative(g: dict[str, str], ctx: _Context) -> StoryDate | None:
    which, published = g["which"].lower(), ctx.published
    if which == "earlier this":
        return _range(date(published.year, 1, 1), published)
    shift = {"last": -1, "this": 0, "next": 1}[which]
    return StoryDate.parse(str(published.year + shift))


_AGO_UNITS = r"(?P<unit>days?|weeks?|hours?|months?|years?|decades?)"
_COUNT = rf"(?:{'|'.join(_NUMBERS)}|\d+)"
# Longer forms first: at any position the first pattern that matches wins. The flag says the
# pattern always writes a year; where the year is optional, a written one sets it.
_PATTERNS: tuple[tuple[re.Pattern[str], Resolver, bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver, explicit)
    for pattern, resolver, explicit in (
        (rf"\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR}\b|{_REL_YEAR})?", _day_date, False),
        (rf"\b{_WEEKDAY},?\s+{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?", _day_date, False),
        (rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", _day_date, True),
        (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", _day_date, True),
        (rf"\b{_YEAR_PART}[\s-]+{_YEAR}\b", _year_part, True),
        (rf"\b{_YEAR_PART}[\s-]+(?P<rel>last|this|next)\s+year\b", _year_part, False),
        (rf"\b{_PART}\s*{_MONTH}(?:,?\s+{_YEAR}\b|{_REL_YEAR})?", _month_date, False),
        (
            rf"\b{_MONTH}\s+{_DAY}\b{_REL_YEAR}?(?!\s*(?:%|per|people|troops|km|kilomet))",
            _day_date,
            False,
        ),
        (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b{_REL_YEAR}?", _day_date, False),
        (rf"\b{_MONTH},?\s+{_YEAR}\b", _month_date, True),
        (
            rf"\b(?:in|by|since|until|during|from|last|this|next|early|late)\s+{_MONTH}\b"
            rf"{_REL_YEAR}?(?!\s*,?\s*\d)",
            _month_date,
            False,
        ),
        (r"\bthe\s+(?P<decade>(?:19|20)\d0)s\b", _decade, True),
        (rf"\bbetween\s+{_YEAR}\s+and\s+(?P<last_year>(?:19|20)\d\d)\b", _years_between, True),
        (
            r"\b(?P<which>earlier this|earlier in the|later this|last|this|next)\s+week\b",
            _week,
            False,
        ),
        (r"\b(?:over\s+)?(?P<which>the|this|last|next)\s+weekend\b", _weekend, False),
        (rf"\b(?:(?P<which>last|next|this)\s+)?{_WEEKDAY}\b", _weekday, False),
        (r"\b(?P<word>yesterday|today|tomorrow)\b", _relative_day, False),
        (r"\bthe\s+(?P<word>previous|following|next)\s+day\b", _anaphoric_day, False),
        (r"\b(?P<word>a day later|day before)\b", _anaphoric_day, False),
        (r"\b(?P<word>the same day|that (?:same )?day)\b", _anaphoric_day, False),
        # 'It resumed a day after.' / 'The day after, ...': the day after the date just given.
        # '..., a day after the army said ...': the day before it, when what it follows
        # happened. Not 'a day after ... on May 3', which counts from a date still to come.
        (
            r"\b(?:a|the)\s+(?P<word>day after)\b(?:(?!\s*(?:[.;,\n]|$))(?P<event>))?"
            r"(?![^.;,\n]{0,60}\d)",
            _anaphoric_day,
            False,
        ),
        (
            rf"\b(?P<count>{_COUNT})(?:\s+or\s+(?P<other>{_COUNT}))?\s+{_AGO_UNITS}\s+ago\b",
            _ago,
            False,
        ),
        (
            rf"\b(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?)\s+(?P<direction>earlier|later)\b",
            _days_from_anchor,
            False,
        ),
        (
            r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:the|this)\s+month\b",
            _day_of_month,
            False,
        ),
        (
            r"\b(?P<word>last night|tonight|this morning|this afternoon|this evening)\b",
            _night,
            False,
        ),
        (r"\b(?P<which>earlier this|later this|last|this|next)\s+month\b", _month_relative, False),
        (r"\b(?P<which>earlier this|last|this|next)\s+year\b", _year_relative, False),
        # Seasons in lower case ('the Arab Spring' is none), with a word that makes them a
        # time ('all spring', 'in the summer', 'last winter') or a year; 'fall' needs one too.
        (
            r"\b(?:(?P<which>last|this|next|all)\s+|(?:in|during|over|by|since|until)\s+"
            r"(?:the\s+)?)(?-i:(?P<season>spring|summer|autumn|winter|fall))\b"
            rf"(?!\s+of\s+(?!(?:19|20)\d\d))(?:\s+(?:of\s+)?{_YEAR}\b)?",
            _season,
            False,
        ),
        (
            rf"\b(?:in|since|by|until|from|of|year|before|after)\s+{_YEAR}\b"
            r"(?!\s*(?:%|people|troops))",
            _year_date,
            True,
        ),
        (
            rf"\b{_YEAR}(?=\s+(?:agreement|accord|deal|treaty|lease|intervention|election))",
            _year_date,
            True,
        ),
        (rf"(?<=\bto\s){_YEAR}\b", _year_date, True),
    )
)
_WORD_MONTHS = frozenset({"may", "march"})


def find_timexes(text: str, published: date) -> list[Timex]:
    """Every date expression in ``text``, left to right, none overlapping."""
    found: list[Timex] = []
    position = 0
    while position < len(text):
        best: tuple[re.Match[str], Resolver, bool] | None = None
        for pattern, resolver, explicit in _PATTERNS:
            match = pattern.search(text, position)
            if match and (best is None or match.start() < best[0].start()):
                best = (match, resolver, explicit)
        if best is None:
            break
        match, resolver, explicit = best
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        context = _Context(published, text[: match.start()], found[-1] if found else None)
        when = None if _is_verb(match, groups) else resolver(groups, context)
        if when is not None:
            explicit = explicit or bool(groups.get("year"))
            found.append(Timex(match.group(0), match.start(), match.end(), when, explicit))
        position = match.end() if when is not None else match.start() + 1
    return found


def _is_verb(match: re.Match[str], groups: dict[str, str]) -> bool:
    """'may' and 'march' are months only when capitalised."""
    month = groups.get("month")
    return month is not None and month.lower() in _WORD_MONTHS and month.islower()
