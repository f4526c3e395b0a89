"""Matching quotes and sentences against article text, forgiving whitespace and quote marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


_WORD = re.compile(r"\S+")


def normalise(text: str) -> str:
    """One space for any run of whitespace, straight quote marks, no edges."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


@dataclass(frozen=True, slots=True)
class SearchableText:
    """A text in normalised form that remembers where each character came from."""

    original: str
    normalised: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> SearchableText:
        words: list[str] = []
        offsets: list[int] = []
        for match in _WORD.finditer(text.translate(_QUOTE_MARKS)):
            start, end = match.span()
            if offsets:  # the run of whitespace before this word becomes one space
                words.append(" ")
                offsets.append(start - 1)
            words.append(match.group())
            offsets.extend(range(start, end))
        return cls(text, "".join(words), tuple(offsets))

    def find(self, needle: str) -> int | None:
        """Offset in the original text where ``needle`` starts, or None."""
        found = self.span(needle)
        return None if found is None else found[0]

    def span(self, needle: str, start: int = 0) -> tuple[int, int] | None:
        """(start, end) offsets in the original text of the first match at or after ``start``."""
        wanted = normalise(needle)
        if not wanted:
            return None
        begin = next((i for i, offset in enumerate(self.offsets) if offset >= start), None)
        index = -1 if begin is None else self.normalised.find(wanted, begin)
        if index < 0:
            return None
        return self.offsets[index], self.offsets[index + len(wanted) - 1] + 1
