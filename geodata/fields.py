"""Reading typed fields out of parsed TOML tables, collecting an Issue for each bad one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from geodata.dates import DATE_FORMS, StoryDate
from geodata.errors import Issue

E = TypeVar("E", bound=Enum)


_ID_LINE = re.compile(r"""^\s*id\s*=\s*["']([^"'\n]*)["']""", re.MULTILINE)


def id_lines(raw: str) -> dict[str, int]:
    """The line where each ``id = "..."`` is first written, for error messages."""
    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _ID_LINE.finditer(raw):
        line += raw.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(1), line)
    return lines


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
        self, name: str, problem: str, expected: str | None = None, fix: str | None = None
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
            )
        )

    def text(self, name: str, *, required: bool = True) -> str | None:
        value = self.table.get(name)
        if value is None:
            if required:
                self.problem(name, "is missing", "a non-empty text", f'add {name} = "..."')
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(name, f"{value!r} is not a non-empty text", "a non-empty text")
            return None
        return value

    def texts(self, name: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.table.get(name, None if required else [])
        if value is None:
            self.problem(name, "is missing", "a list of texts", f'add {name} = ["..."]')
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(name, f"{value!r} is not a list of texts", 'a list like ["a", "b"]')
            return ()
        if required and not value:
            self.problem(name, "is empty", "at least one entry")
        return tuple(value)

    def number(self, name: str) -> float | None:
        value = self.table.get(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            found = "is missing" if value is None else f"{value!r} is not a number"
            self.problem(name, found, "a decimal number such as 35.87")
            return None
        return float(value)

    def choice(self, name: str, enum: type[E]) -> E | None:
        value = self.table.get(name)
        allowed = ", ".join(repr(member.value) for member in enum)
        try:
            return enum(value)
        except ValueError:
            found = "is missing" if value is None else f"{value!r} is not allowed"
            self.problem(name, found, f"one of {allowed}")
            return None

    def date(self, name: str) -> StoryDate | None:
        value = self.table.get(name)
        if not isinstance(value, str):
            found = "is missing" if value is None else f"{value!r} is not a quoted date"
            self.problem(name, found, DATE_FORMS, f'write it as text, e.g. {name} = "2024-12-08"')
            return None
        try:
            return StoryDate.parse(value)
        except ValueError as error:
            self.problem(name, f"{value!r}: {error}", DATE_FORMS)
            return None

    def unknown_keys(self, known: set[str]) -> None:
        for name in sorted(set(self.table) - known):
            self.problem(
                name,
                "is not a known field",
                "one of " + ", ".join(sorted(known)),
                "fix its spelling or remove it",
            )
