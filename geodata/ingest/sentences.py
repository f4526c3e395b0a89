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


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text: its words and where it starts and ends in the text."""

    text: str
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``; a line break always ends one, a quote never does."""
    sentences: list[Sentence] = []
    offset = 0
    for number, line in enumerate(_unwrapped(text).split("\n")):
        for start, end in _line_spans(line):
            chunk = line[start:end]
            stripped = chunk.strip()
            if stripped:
                first = offset + start + (len(chunk) - len(chunk.lstrip()))
                sentences.append(Sentence(stripped, first, first + len(stripped), number))
        offset += len(line) + 1
    return sentences


# A line that ends a sentence or a paragraph: its last character is one of these.
_FINAL = ".!?:;\"”’»)]'"


def _unwrapped(text: str) -> str:
    """The text with the line breaks of hard-wrapped copy ('... reiterated on Sunday\nTehran's
    support') turned into spaces, so no sentence or quote is cut at a line's end. A text is
    hard-wrapped when most of its lines end in mid-sentence; then every line that does is
    joined to the next. Same length as ``text``: offsets stay valid."""
    lines = text.split("\n")
    filled = [line.rstrip() for line in lines if line.strip()]
    cut = [line for line in filled if line[-1] not in _FINAL]
    if len(filled) < 5 or len(cut) * 2 < len(filled):
        return text

    def cut_off(line: str, following: str) -> bool:
        return bool(line.strip() and following.strip()) and line.rstrip()[-1] not in _FINAL

    joined = [
        line + (" " if cut_off(line, following) else "\n")
        for line, following in zip(lines, [*lines[1:], ""], strict=True)
    ]
    return "".join(joined)[: len(text)]


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
