"""What dating a date expression looks at: the expression found, the publication day, the
words before it and the last date the text gave; and the spans of the calendar it builds on.

Shared by ``timex`` (finding expressions, absolute dates) and ``relative_dates`` (dates
counted from the publication day or from the date just given).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from geodata.dates import DatePrecision, StoryDate

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# Wording that puts an undated month, day or weekday after publication ("is scheduled for").
# "would" and "was expected to" tell a future seen from a past day ("the withdrawal was to be
# complete by Jan. 26" in an April article): that day may be before publication or after it.
_FUTURE = re.compile(
    r"\b(?:(?P<reported>would|(?:was|were)\s+(?:expected|due|set|scheduled|slated|supposed)\s+to|"
    # 'told the Russians to vacate the airport by August 1': a deadline set on a past day
    r"to\s+[a-z]+(?:\s+[\w'’-]+){0,4}\s+(?:by|until|before)$)|"
    r"will|won['’]t|shall|(?:is|are)\s+(?:expected|due|set|scheduled|slated)\s+to|"
    r"scheduled|slated|planned\s+for|plans?\s+to|intends?\s+to|to\s+be\s+held|"
    r"hopes?\s+(?:that|to)|(?P<near>ahead\s+of|upcoming)|next)\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = 14
_NEAR_WORDS = 3
# A verb in the past tense (not a participle after 'be', 'have' or a linking verb: 'will be
# signed', 'will remain closed').
_PAST_VERB = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bhave )(?<!\bhas )(?<!\bhad )"
    r"(?<!\bremain )(?<!\bstay )(?<!\bget )(?<!\bbecome )(?<!\bkeep )"
    r"\b(?:[a-z]{3,}ed|met|said|told|came|went|left|took|saw|gave|made|held|fled|struck|"
    r"began|fought|won|lost|spoke|wrote|sent|flew|drove|ran|led|kept|brought|found|"
    r"was|were)\b"
)
_HABITUAL = re.compile(
    r"\b(?:usually|often|typically|normally|generally|traditionally|every|each)\b", re.IGNORECASE
)
# A closed quotation, and the last opening mark of one still open where the date stands.
_QUOTATION = re.compile(r"\"[^\"]*\"|“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]")
_OPENING_MARK = re.compile(r"[\"“«„](?=[^\"“”«»„]*$)")
_RUNS_ON_CHARS = 500
_SPEAKING = re.compile(r"\b(?:said|says|told|announced|stated|declared|added)\b")


@dataclass(frozen=True, slots=True)
class Timex:
    """A date expression found in a text: its words, where they are, and the date they mean."""

    text: str
    start: int
    end: int
    when: StoryDate
    explicit_year: bool = False


def _last_sentence(text: str) -> str:
    """The words after the last sentence break (a stop, ! or ? before a space; a new line):
    read from the end, so a long article costs no more than its last sentence."""
    for i in range(len(text) - 1, -1, -1):
        if text[i] == "\n" or (text[i].isspace() and i > 0 and text[i - 1] in ".!?"):
            return text[i + 1 :]
    return text


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver may look at: the publication day, the words before, the last date."""

    published: date
    before: str
    anchor: Timex | None

    def _future_words(self) -> list[re.Match[str]]:
        """Future wording in the clause that carries the date.

        Quoted words are another clause: in '"We will stay," Peskov said on January 12' the
        "will" is Peskov's, not the date's; a date inside a quotation reads the quotation.
        """
        sentence = _last_sentence(self.before)
        clause = _QUOTATION.sub(" ", sentence)
        opened = _OPENING_MARK.search(clause)
        if opened is not None:
            clause = clause[opened.end() :]
        words = " ".join(clause.split()[-_FUTURE_WORDS:])
        found = []
        for match in _FUTURE.finditer(words):
            between = words[match.end() :]
            # 'Ahead of Wednesday's meeting, officials met on Tuesday': a verb in the past
            # after the future wording starts another clause; 'ahead of' and 'upcoming'
            # speak only of the date right after them.
            near = len(between.split()) <= _NEAR_WORDS
            if _PAST_VERB.search(between) or (match.group("near") and not near):
                continue
            found.append(match)
        return found

    @property
    def habitual(self) -> bool:
        """Whether the clause tells what happens every time ('usually', 'each year')."""
        clause = _last_sentence(self.before).split()[-_FUTURE_WORDS:]
        return bool(_HABITUAL.search(" ".join(clause)))

    @property
    def future(self) -> bool:
        """Whether the clause that carries the date uses future wording."""
        return bool(self._future_words())

    @property
    def reported_future(self) -> bool:
        """Whether that wording is only a future seen from a past day ("would", "was
        expected to"): the date is then the one nearest the publication day, either side."""
        words = self._future_words()
        return bool(words) and all(m.group("reported") for m in words)

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

    @property
    def speech_day(self) -> date:
        """The day from which 'yesterday' in a quotation counts: the day the words were said.

        That is the publication day, unless the quotation is still open since a day the
        text gave for someone speaking ('The SDF on Wednesday said ... “... conducted
        yesterday ...”' counts from that Wednesday).
        """
        anchor = self.anchor
        if anchor is None or anchor.when.precision is not DatePrecision.DAY:
            return self.published
        since = self.before[anchor.end :]
        around = self.before[max(0, anchor.start - 40) : anchor.end + 40]
        quoted = _OPENING_MARK.search(_QUOTATION.sub(" ", since)) is not None
        spoken = _SPEAKING.search(around) is not None
        if (
            quoted
            and spoken
            and len(since) < _RUNS_ON_CHARS
            and anchor.when.start <= self.published
        ):
            return anchor.when.start
        return self.published


Resolver = Callable[[dict[str, str], Context], StoryDate | None]


def month_span(year: int, month: int, part: str | None = None) -> StoryDate:
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
    }[part_word(part)]
    return StoryDate(date(year, month, first), date(year, month, final), DatePrecision.RANGE)


def part_word(part: str) -> str:
    """'early', 'mid-' -> 'mid', 'the end of' -> 'end'."""
    words = part.rstrip("-").lower().split()
    return words[1] if words[0] == "the" else words[0]


def day_range(start: date, end: date) -> StoryDate:
    return StoryDate.day(start) if start == end else StoryDate(start, end, DatePrecision.RANGE)


def count(word: str) -> int:
    return NUMBERS.get(word.lower()) or int(word)
