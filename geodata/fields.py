"""Reading typed fields out of parsed TOML tables, collecting an Issue for each bad one.

A file may hold any TOML shape (a number where a table belongs, a list of lists); every
reader here turns a wrong shape into an issue and never raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from geodata.dates import DATE_FORMS, StoryDate
from geodata.errors import Issue, Severity, shown
from geodata.models import ID_MAX, ID_RULE, id_problem, slug

E = TypeVar("E", bound=Enum)


_ID_LINE = re.compile(r"""^\s*id\s*=\s*["']([^"'\n]*)["']""", re.MULTILINE)
# Characters that reorder the text around them (embeddings, overrides, isolates): shown
# in an article's field they can make a sentence read differently from what the file says.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class IdLines:
    """The line of each ``id = "..."``, occurrence by occurrence, for error messages."""

    def __init__(self, raw: str) -> None:
        self._lines: dict[str, list[int]] = {}
        line, position = 1, 0
        for match in _ID_LINE.finditer(raw):
            line += raw.count("\n", position, match.start())
            position = match.start()
            self._lines.setdefault(match.group(1), []).append(line)
        self._seen: dict[str, int] = {}

    def next(self, key: str | None) -> int | None:
        """The line of the next table written with ``id = key`` (the first, then the second...)."""
        if key is None:
            return None
        lines = self._lines.get(key, [])
        seen = self._seen.get(key, 0)
        self._seen[key] = seen + 1
        return lines[min(seen, len(lines) - 1)] if lines else None


def tables(
    data: Mapping[str, Any], key: str, file: str, what: str
) -> tuple[list[dict[str, Any]], list[Issue]]:
    """The ``[[key]]`` tables of a parsed file; anything else in that list is an issue."""
    value = data.get(key, [])
    if not isinstance(value, list):
        return [], [
            Issue(
                file=file,
                problem=f"{key!r} is {shown(value)}, not a list of [[{key}]] tables",
                field=key,
                expected=f"[[{key}]] tables, one per {what}",
                fix=f"write each {what} as a [[{key}]] table (see articles/README.md)",
            )
        ]
    found: list[dict[str, Any]] = []
    issues: list[Issue] = []
    for number, item in enumerate(value, 1):
        if isinstance(item, dict):
            found.append(item)
            continue
        issues.append(
            Issue(
                file=file,
                problem=f"{key} #{number} is {shown(item)}, not a table",
                field=key,
                expected=f"a [[{key}]] table with its fields",
                fix=f"write each {what} as a [[{key}]] table (see articles/README.md)",
            )
        )
    return found, issues


def _strings(value: Any, path: str, depth: int = 0) -> Iterator[tuple[str, str]]:
    """Every text inside a parsed TOML value, with its field path (``source[1].quote``)."""
    if isinstance(value, str):
        yield path, value
    elif depth > 8:
        return
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key), depth + 1)
    elif isinstance(value, list):
        for number, item in enumerate(value, 1):
            yield from _strings(item, f"{path}[{number}]", depth + 1)


def bidi_issues(
    table: Mapping[str, Any], file: str, line: int | None, event: str | None, prefix: str = ""
) -> list[Issue]:
    """An issue for each text of ``table`` holding a direction control (U+202A-E, U+2066-9)."""
    return [
        Issue(
            file=file,
            problem=(
                "holds invisible direction control characters "
                f"({', '.join(sorted({f'U+{ord(c):04X}' for c in BIDI_CONTROLS.findall(text)}))})"
                " that reorder how the text reads"
            ),
            line=line,
            event=event,
            field=prefix + path,
            expected="text without direction overrides",
            fix="delete those characters (retype the text around them)",
        )
        for path, text in _strings(dict(table), "")
        if BIDI_CONTROLS.search(text)
    ]


@dataclass
class FieldReader:
    """Reads one table's fields; every problem becomes an Issue naming where it is."""

    table: dict[str, Any]
    file: str
    line: int | None = None
    event: str | None = None
    prefix: str = ""
    issues: list[Issue] = field(default_factory=list)

    def problem(
        self,
        name: str,
        problem: str,
        expected: str | None = None,
        fix: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.issues.append(
            Issue(
                file=self.file,
                line=self.line,
                event=self.event,
                field=self.prefix + name,
                problem=problem,
                expected=expected,
                fix=fix,
                severity=severity,
            )
        )

    def text(self, name: str, *, required: bool = True) -> str | None:
        value = self.table.get(name)
        if value is None:
            if required:
                self.problem(name, "is missing", "a non-empty text", f'add {name} = "..."')
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(name, f"{shown(value)} is not a non-empty text", "a non-empty text")
            return None
        return value

    def ident(self, name: str = "id") -> str | None:
        """An id: the text, if it follows the id rule (ids become file names and addresses)."""
        value = self.text(name)
        if value is None:
            return None
        problem = id_problem(value)
        if problem is not None:
            self.problem(
                name,
                f"{shown(value)} {problem}",
                ID_RULE,
                f"write it as {slug(value, ID_MAX, '')!r}"
                if slug(value, ID_MAX, "")
                else "choose another id",
            )
            return None
        return value

    def texts(self, name: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.table.get(name, None if required else [])
        if value is None:
            self.problem(name, "is missing", "a list of texts", f'add {name} = ["..."]')
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(name, f"{shown(value)} is not a list of texts", 'a list like ["a", "b"]')
            return ()
        if required and not value:
            self.problem(name, "is empty", "at least one entry")
        return tuple(value)

    def number(self, name: str, low: float, high: float, expected: str) -> float | None:
        """A number from ``low`` to ``high``; ``expected`` says so in words, for the message."""
        value = self.table.get(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            found = "is missing" if value is None else f"{shown(value)} is not a number"
            self.problem(name, found, expected)
            return None
        if not low <= value <= high:
            self.problem(name, f"{shown(value)} is outside {low:g}..{high:g}", expected)
            return None
        return float(value)

    def choice(self, name: str, enum: type[E]) -> E | None:
        value = self.table.get(name)
        allowed = ", ".join(repr(member.value) for member in enum)
        if isinstance(value, str):
            try:
                return enum(value)
            except ValueError:
                pass
        found = "is missing" if value is None else f"{shown(value)} is not allowed"
        self.problem(name, found, f"one of {allowed}")
        return None

    def date(self, name: str) -> StoryDate | None:
        value = self.table.get(name)
        if not isinstance(value, str):
            found = "is missing" if value is None else f"{shown(value)} is not a quoted date"
            self.problem(name, found, DATE_FORMS, f'write it as text, e.g. {name} = "2024-12-08"')
            return None
        try:
            return StoryDate.parse(value)
        except (ValueError, OverflowError) as error:
            self.problem(name, f"{shown(value)}: {error}", DATE_FORMS)
            return None

    def unknown_keys(self, known: set[str]) -> None:
        for name in sorted(set(self.table) - known):
            self.problem(
                name,
                "is not a known field",
                "one of " + ", ".join(sorted(known)),
                "fix its spelling or remove it",
            )
