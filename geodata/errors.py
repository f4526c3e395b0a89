"""Problems found in the story's data, worded so a person can fix them, and the error classes."""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """How bad a problem is: errors stop a record from being shown."""

    ERROR = "error"
    REVIEW = "needs review"
    WARNING = "warning"  # a fidelity check: judge it, fix it or accept it with a reason
    ACCEPTED = "accepted"  # a warning the event accepts, with its recorded reason


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """One problem in one file: where, what, what was expected, and the fix."""

    file: str
    problem: str
    line: int | None = None
    event: str | None = None
    field: str | None = None
    expected: str | None = None
    fix: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def where(self) -> str:
        """``file:line: event 'x', field 'y'`` with the parts that are known."""
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [place]
        if self.event is not None:
            parts.append(f"event {self.event!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where}: {self.problem}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.fix:
            text += f". Fix: {self.fix}"
        if self.severity is not Severity.ERROR:
            text = f"[{self.severity.value}] {text}"
        return text


_SHORT = reprlib.Repr()
_SHORT.maxstring = 80
_SHORT.maxother = 80
_SHORT.maxlevel = 2
_SHORT.maxlist = _SHORT.maxdict = 4


def shown(value: object) -> str:
    """``repr(value)`` cut short: any value of a file can be quoted in a message, however big."""
    return _SHORT.repr(value)


def did_you_mean(suggestions: Iterable[str]) -> str | None:
    """``did you mean 'a', 'b'?`` for the closest names, or None when there are none."""
    names = list(dict.fromkeys(suggestions))
    return f"did you mean {', '.join(map(repr, names))}?" if names else None


class GeodataError(Exception):
    """Root of every error this package raises on purpose."""

    def __init__(self, message: str, issues: tuple[Issue, ...] = ()) -> None:
        super().__init__(message)
        self.issues = issues

    def __str__(self) -> str:
        head = super().__str__()
        if not self.issues:
            return head
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])


class DataError(GeodataError, ValueError):
    """The data files hold something wrong; ``issues`` lists every problem."""


class FieldError(GeodataError, ValueError):
    """A record was given a bad value; ``field`` names the field (``id``, ``lat``...)."""

    def __init__(self, field: str, message: str, expected: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.expected = expected


class UnknownPlaceError(GeodataError, LookupError):
    """A name matches no place of the gazetteer; ``suggestions`` are the closest."""

    def __init__(self, name: str, suggestions: tuple[str, ...]) -> None:
        hint = did_you_mean(suggestions)
        super().__init__(f"{name!r} is not in the gazetteer" + (f" ({hint})" if hint else ""))
        self.name = name
        self.suggestions = suggestions


class FilterError(GeodataError, ValueError):
    """A filter names a kind, actor, outlet or place that the story does not have."""


class IngestError(GeodataError, ValueError):
    """An article could not be brought in; nothing in the folder was changed."""


class IngestInterrupted(IngestError):
    """Ingest was stopped (Ctrl-C, a signal) while writing; everything was rolled back."""
