"""Finding date expressions in article text and resolving them as a careful reader would.

The patterns live here; dates the calendar gives by itself (a day, a month, a year, a
century, and the year a careful reader gives a day written without one) are resolved in
``absolute_dates``, dates counted from the publication day or from the date just given
("on Monday", "last week", "two days earlier") in ``relative_dates``. Conventions are
those of articles/README.md.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from geodata.dates import StoryDate
from geodata.ingest import absolute_dates as absolute
from geodata.ingest import relative_dates as relative
from geodata.ingest.dating import (
    MONTHS,
    NUMBERS,
    WEEKDAYS,
    Context,
    Resolver,
    Timex,
)

__all__ = ["Timex", "find_timexes"]

# The full stop after an abbreviation ("Jan. 14") belongs to the date; after a full name
# ("in late November.") it ends the sentence. "May" is both: its stop ends the sentence.
_MONTH = (
    r"(?P<month>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")(?:(?<=\b(?!may)[a-z]{3})\.|(?<=\bsept)\.)?"
)
_FULL_MONTH = "|".join(calendar.month_name[1:])
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?P<part>early|mid|mid-|late|the end of|the beginning of|the start of)"
# 'late 2024', 'the end of last year' (= late: September to December).
_YEAR_PART = (
    r"(?P<part>early|mid|late|the end of|the beginning of|the start of|"
    r"the first half of|the second half of)"
)
_LAST_DAY = r"(?P<last_day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_REL_YEAR = r"(?:,?\s+(?P<rel>last|this|next)\s+year)"
_YEAR_AHEAD = r"(?:of\s+)?(?:19|20)\d\d\b"
_MONTH2 = _MONTH.replace("(?P<month>", "(?P<month2>")
_YEAR1 = r"(?P<first_year>(?:19|20)\d\d)\b"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"


_OR_TODAY = r"(?:\s+[\w'’-]+){0,3}\s+or\s+(?:[\w'’-]+\s+){0,3}today\b"
_CENTURY_PART = (
    r"(?P<part>early|mid|late|the end of|the beginning of|the start of|"
    r"the first half of|the second half of|the latter half of)"
)

_AGO_UNITS = r"(?P<unit>days?|weeks?|hours?|months?|years?|decades?)"
# A number in words or of up to four digits, not part of a longer one ("2,000 years").
_COUNT = rf"(?:{'|'.join(NUMBERS)}|(?<![\d,.])\d{{1,4}}(?![\d,]))"
# Longer forms first: at any position the first pattern that matches wins. The flag says the
# pattern always writes a year; where the year is optional, a written one sets it.
_PATTERNS: tuple[tuple[re.Pattern[str], Resolver, bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver, explicit)
    for pattern, resolver, explicit in (
        # 'between Dec. 8 and Dec. 14, 2024', 'from January to March 2025': one span, whose
        # year is written once, at its end; 'from April 2019 to June 2020' too.
        (
            rf"\b(?:(?:between|from)\s+)?{_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEAR1})?\s*"
            rf"(?:\s(?:and|to|until|through)\s|[-–])\s*{_MONTH2}(?:\s+{_DAY2})?,?\s+{_YEAR}\b",
            absolute.month_range,
            True,
        ),
        (
            rf"\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR}\b|{_REL_YEAR})?",
            absolute.day_date,
            False,
        ),
        (
            rf"\b{_WEEKDAY},?\s+{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?",
            absolute.day_date,
            False,
        ),
        # 'Dec. 8-10', 'December 8 to 10, 2024', '8-9 December': a span of days in a month.
        (
            rf"\b{_MONTH}\s+{_DAY}\s*(?:[-–]|\s(?:to|until)\s)\s*{_LAST_DAY}(?:,?\s+{_YEAR}\b)?",
            absolute.days_span,
            False,
        ),
        (
            rf"\b{_DAY}\s*(?:[-–]|\s(?:to|until)\s)\s*{_LAST_DAY}\s+(?:of\s+)?{_MONTH}"
            rf"(?:,?\s+{_YEAR}\b)?",
            absolute.days_span,
            False,
        ),
        # '23/10/2015', '23.10.2015', 'Friday 9/10/2015' (the weekday decides which part is
        # the day), '2015-10-23'.
        (
            rf"\b(?:{_WEEKDAY},?\s+)?(?P<first>[0-3]?\d)(?P<mark>[/.])(?P<second>[01]?\d)"
            rf"(?P=mark){_YEAR}\b(?![.,/-]?\d)",
            absolute.numeric_date,
            True,
        ),
        (
            rf"\b{_YEAR}-(?P<second>[01]\d)-(?P<first>[0-3]\d)\b(?P<iso>)(?!-?\d)",
            absolute.numeric_date,
            True,
        ),
        (rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", absolute.day_date, True),
        (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", absolute.day_date, True),
        (rf"\b{_YEAR_PART}[\s-]+{_YEAR}\b", absolute.year_part, True),
        (rf"\b{_YEAR_PART}[\s-]+(?P<rel>last|this|next)\s+year\b", absolute.year_part, False),
        (rf"\b{_PART}\s*{_MONTH}(?:,?\s+{_YEAR}\b|{_REL_YEAR})?", absolute.month_date, False),
        (
            rf"\b{_MONTH}\s+{_DAY}\b{_REL_YEAR}?(?!\s*(?:%|per|people|troops|km|kilomet))",
            absolute.day_date,
            False,
        ),
        (rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b{_REL_YEAR}?", absolute.day_date, False),
        (rf"\b{_MONTH},?\s+{_YEAR}\b", absolute.month_date, True),
        # 'by November', 'since last March', and a month that qualifies a noun: 'a November
        # ceasefire', 'the March elections'. Not 'by Jan. 26' (a day) nor 'the March 8 alliance'.
        (
            rf"\b(?:in|by|since|until|during|from|last|this|next|early|late)\s+{_MONTH}\b"
            rf"{_REL_YEAR}?(?!\.?\s*,?\s*\d)",
            absolute.month_date,
            False,
        ),
        (
            rf"\b(?:(?:a|an|the|its|their|this|that)\s+(?:(?-i:[a-z]+)\s+)?|the\s+month\s+of\s+)"
            rf"(?P<month>(?-i:{_FULL_MONTH}))"
            r"(?=['’]s\b|\s+[a-z])",
            absolute.month_date,
            False,
        ),
        # 'this Ramadan', 'during Ramadan', 'the holy month of Ramadan 2024', 'on Eid al-Adha';
        # not 'Ramadan says' (a surname): Ramadan only after a word of time or before a year.
        (
            r"\b(?:(?:(?P<which>this|last|next)|during|in|since|until|after|before|throughout|"
            r"by|(?:the\s+)?(?:holy\s+)?(?:Muslim\s+)?(?:fasting\s+)?month\s+of)\s+"
            rf"(?-i:(?P<feast>Ramadan))|(?-i:(?P<named>Ramadan))(?=\s+{_YEAR_AHEAD})|"
            r"(?-i:(?P<eid>Eid\s+al-Fitr|Eid\s+al-Adha)))"
            rf"\b(?:\s+(?:of\s+)?{_YEAR}\b)?",
            absolute.islamic_date,
            False,
        ),
        (r"\bthe\s+(?P<decade>(?:19|20)\d0)s\b", absolute.decade, True),
        (
            rf"\bbetween\s+{_YEAR}\s+and\s+(?P<last_year>(?:19|20)\d\d)\b",
            absolute.years_between,
            True,
        ),
        # 'from 2015 to 2017', '2015-2017': one span of years.
        (
            rf"\b(?:(?:from|in|during)\s+)?{_YEAR}\s*(?:[-–]|\s(?:to|until|through)\s)\s*"
            r"(?P<last_year>(?:19|20)\d\d)\b",
            absolute.years_between,
            True,
        ),
        (
            r"\b(?P<which>earlier this|earlier in the|later this|last|this|next)\s+week\b",
            relative.week,
            False,
        ),
        (r"\b(?:over\s+)?(?P<which>the|this|last|next)\s+weekend\b", relative.weekend, False),
        (rf"\b(?:(?P<which>last|next|this)\s+)?{_WEEKDAY}\b", relative.weekday, False),
        (
            r"\b(?:the\s+day\s+(?P<two>before|after)\s+)?(?P<word>yesterday|today|tomorrow)\b"
            # 'Wagner yesterday or Africa Corps today': the past and the present, no days.
            rf"(?!{_OR_TODAY})",
            relative.relative_day,
            False,
        ),
        # 'in the past week', 'over the last two months': the span up to publication.
        (
            rf"\b(?:in|over|during|for)\s+the\s+(?:past|last)\s+(?:(?P<count>{_COUNT})\s+)?"
            r"(?P<unit>days?|weeks?|months?|half[- ]year|years?)\b",
            relative.past_span,
            False,
        ),
        (r"\bthe\s+(?P<word>previous|following|next)\s+day\b", relative.anaphoric_day, False),
        (r"\b(?P<word>a day later)\b", relative.anaphoric_day, False),
        (r"\b(?P<word>the same day|that (?:same )?day)\b", relative.anaphoric_day, False),
        # 'It resumed a day after.' / 'The day after, ...': the day after the date just given.
        # '..., a day after the army said ...': the day before it, when what it follows
        # happened ('..., the day before the talks began': the day after it). Not 'a day
        # after ... on May 3', which counts from a date still to come.
        (
            r"\b(?:(?:a|the)\s+)?(?P<word>day after|day before)\b"
            r"(?:(?!\s*(?:[.;,\n—–-]|$))(?P<event>))?(?![^.;,\n]{0,60}\d)",
            relative.anaphoric_day,
            False,
        ),
        (
            rf"\b(?P<count>{_COUNT})(?:\s+or\s+(?P<other>{_COUNT}))?\s+{_AGO_UNITS}\s+ago\b",
            relative.ago,
            False,
        ),
        (
            rf"\b(?P<count>{_COUNT})\s+(?P<unit>days?|weeks?|months?|years?)\s+"
            r"(?P<direction>earlier|later)\b",
            relative.days_from_anchor,
            False,
        ),
        (
            r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:the|this)\s+month\b",
            relative.day_of_month,
            False,
        ),
        (
            r"\b(?P<word>last night|tonight|this morning|this afternoon|this evening)\b",
            relative.night,
            False,
        ),
        (
            r"\b(?P<which>earlier this|later this|last|this|next)\s+month\b",
            relative.month_relative,
            False,
        ),
        (r"\b(?P<which>earlier this|last|this|next)\s+year\b", relative.year_relative, False),
        # Seasons in lower case ('the Arab Spring' is none), with a word that makes them a
        # time ('all spring', 'in the summer', 'last winter') or a year; 'fall' needs one too.
        (
            r"\b(?:(?P<which>last|this|next|all)\s+|(?:in|during|over|by|since|until)\s+"
            r"(?:the\s+)?)(?-i:(?P<season>spring|summer|autumn|winter|fall))\b"
            rf"(?!\s+of\s+(?!(?:19|20)\d\d))(?:\s+(?:of\s+)?{_YEAR}\b)?",
            relative.season,
            False,
        ),
        (
            r"\b(?:(?:earlier|later)\s+(?:in\s+the|that)|during\s+the)\s+day\b",
            relative.day_in_focus,
            False,
        ),
        (
            rf"\b(?:{_CENTURY_PART}\s+)?the\s+(?:(?P<part2>early|mid|late)[\s-]+)?"
            r"(?P<century>[12]?\d)(?:st|nd|rd|th)[\s-]+century\b",
            absolute.century,
            True,
        ),
        # A year before 1900 only after a preposition: 'the capture of Azov in 1696'.
        (
            r"\b(?P<lead>in|since|by|until|from|before|after)\s+(?P<year>1[0-8]\d\d)\b"
            r"(?![.,/-]\d|\s*%)(?:(?=\s+(?P<counted>[a-z]+s|people|men|women|children)\b))?",
            absolute.year_alone,
            True,
        ),
        # Any other year standing alone: 'in 2021', 'coups in 2020 and 2021', 'its 1979
        # revolution', 'the 1974 ceasefire agreement'. Not a quantity ('2000 troops', '2024
        # percent'), an ISO date's first part, nor a number in a name ('Resolution 2043').
        (
            rf"(?:\b(?P<lead>in|since|by|until|from|of|year|before|after|to)\s+)?"
            rf"(?<![\d,.$€£#/-]){_YEAR}\b(?![.,/-]\d|\s*%|\s+(?:percent|per)\b)"
            r"(?:(?=\s+(?P<counted>[a-z]+s|people|men|women|children)\b))?",
            absolute.year_alone,
            True,
        ),
    )
)
_WORD_MONTHS = frozenset({"may", "march"})


def _resolved(
    resolver: Callable[[dict[str, str], Context], StoryDate | None],
    groups: dict[str, str],
    context: Context,
) -> StoryDate | None:
    """The resolver's date; none for words that count beyond the calendar ("3000 years ago"
    in a 2025 article, "9999 days later")."""
    try:
        return resolver(groups, context)
    except (ValueError, OverflowError):
        return None


def find_timexes(text: str, published: date) -> list[Timex]:
    """Every date expression in ``text``, left to right, none overlapping."""
    found: list[Timex] = []
    position = 0
    # Each pattern's next match, searched again only once the position has passed it (the
    # same match a search from the position finds): a long article is read once per pattern.
    upcoming: dict[int, re.Match[str] | None] = {}
    while position < len(text):
        best: tuple[re.Match[str], Resolver, bool] | None = None
        for k, (pattern, resolver, explicit) in enumerate(_PATTERNS):
            match = upcoming.get(k)
            if k not in upcoming or (match is not None and match.start() < position):
                match = upcoming[k] = pattern.search(text, position)
            if match and (best is None or match.start() < best[0].start()):
                best = (match, resolver, explicit)
        if best is None:
            break
        match, resolver, explicit = best
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        context = Context(published, text[: match.start()], found[-1] if found else None)
        when = None if _is_verb(match, groups) else _resolved(resolver, groups, context)
        if when is not None:
            explicit = explicit or bool(groups.get("year"))
            found.append(Timex(match.group(0), match.start(), match.end(), when, explicit))
        position = match.end() if when is not None else match.start() + 1
    return found


def _is_verb(match: re.Match[str], groups: dict[str, str]) -> bool:
    """'may' and 'march' are months only when capitalised."""
    month = groups.get("month")
    return month is not None and month.lower() in _WORD_MONTHS and month.islower()
