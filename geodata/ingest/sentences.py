"""Splitting article text into sentences that keep their offsets and never break a quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj sgt capt adm gov sen rep st jr sr prof no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e".split()
)
_OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb"}


# A line that ends a sentence: a stop, a colon or a semicolon, then any closing marks.
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’')\]]*\s*$")
# A dateline opens its own line even in hard-wrapped copy: 'MOSCOW, Jan. 5 -'.
_DATELINE_START = re.compile(r"\s*[A-Z][A-Z.'’ -]*[A-Z](?:\s*[,(:]|\s+[—–-])")
_WRAPPED_SHARE = 3


def unwrap(text: str) -> str:
    """``text`` with the line breaks that fall inside a sentence read as spaces.

    Copy rerun by aggregators is often wrapped by hand ("reiterated on Sunday\nTehran's
    support"); a line break there does not end the sentence. A break is inside one when the
    line does not end like a sentence and the next line goes on in lower case, or, in a text
    wrapped throughout (over a third of its lines run on), whatever the next line opens
    with, except a dateline. The result has the same length, so offsets stay valid.
    """
    lines = text.split("\n")
    runs_on = [
        bool(line.strip())
        and i + 1 < len(lines)
        and bool(lines[i + 1].strip())
        and not _ENDS_SENTENCE.search(line)
        for i, line in enumerate(lines)
    ]
    filled = sum(1 for line in lines if line.strip())
    wrapped = filled >= 4 and sum(runs_on) * _WRAPPED_SHARE > filled
    chars = list(text)
    offset = 0
    for i, line in enumerate(lines[:-1]):
        offset += len(line)
        following = lines[i + 1].lstrip()
        soft = wrapped or following[:1].islower()
        if runs_on[i] and soft and not _DATELINE_START.match(lines[i + 1]):
            chars[offset] = " "
        offset += 1
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text: its words and where it starts and ends in the text."""

    text: str
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``; a line break ends one unless it falls inside a sentence
    (``unwrap``), a quote never does."""
    sentences: list[Sentence] = []
    offset = 0
    for number, line in enumerate(unwrap(text).split("\n")):
        for start, end in _line_spans(line):
            chunk = line[start:end]
            stripped = chunk.strip()
            if stripped:
                first = offset + start + (len(chunk) - len(chunk.lstrip()))
                sentences.append(Sentence(stripped, first, first + len(stripped), number))
        offset += len(line) + 1
    return sentences


def _line_spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    closing: str | None = None
    index = 0
    while index < len(line):
        char = line[index]
        if closing is not None:
            if char == closing:
                closing = None
                # '... had now “expired.” He added': a quote that ends its sentence ends
                # the sentence around it too.
                if index > start and line[index - 1] in ".!?" and _ends_sentence(line, index - 1):
                    spans.append((start, index + 1))
                    start = index + 1
        elif char in _OPENING:
            closing = _OPENING[char]
        elif char == '"':
            closing = '"'
        elif char in ".!?" and _ends_sentence(line, index):
            end = index + 1
            while end < len(line) and line[end] in "\"”’)'":
                end += 1
            spans.append((start, end))
            start = end
            index = end
            continue
        index += 1
    spans.append((start, len(line)))
    return spans


def _ends_sentence(line: str, index: int) -> bool:
    after = line[index + 1 :]
    following = re.match(r"[\"”’)']*\s+([\"“‘'(]?[A-Z0-9])", after)
    if following is None:
        return False
    if line[index] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", line[:index])
    if word is None:
        return True
    token = word.group(1).lower().rstrip(".")
    # "U.S." and single initials ("J. Smith") do not end sentences.
    return token not in _ABBREVIATIONS and not re.fullmatch(r"[a-z]", token)
