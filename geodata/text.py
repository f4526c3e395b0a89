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
        wanted = normalise(needle)
        if not wanted:
            return None
        index = self.normalised.find(wanted)
        return None if index < 0 else self.offsets[index]
