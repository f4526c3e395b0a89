"""Matching quotes and sentences against article text, forgiving whitespace and quote marks."""

from __future__ import annotations

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
        chars: list[str] = []
        offsets: list[int] = []
        pending_space = False
        for offset, char in enumerate(text.translate(_QUOTE_MARKS)):
            if char.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                offsets.append(offset - 1)
                pending_space = False
            chars.append(char)
            offsets.append(offset)
        return cls(text, "".join(chars), tuple(offsets))

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
