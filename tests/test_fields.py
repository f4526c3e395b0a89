"""`fields`: every typed read of a TOML table, and the Issue each wrong shape becomes (where,
which field, what, expected, fix), never an exception."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from geodata.dates import DATE_FORMS, StoryDate
from geodata.errors import Issue, Severity
from geodata.fields import FieldReader, IdLines, bidi_issues, tables
from geodata.gazetteer import parse_places
from geodata.models import ID_RULE, PlaceKind


def _reader(**table: Any) -> FieldReader:
    return FieldReader(dict(table), "x.toml", line=7, event="ev", prefix="ev.")


def _fields(reader: FieldReader) -> list[tuple[str | None, str, str | None, str | None]]:
    return [(i.field, i.problem, i.expected, i.fix) for i in reader.issues]


TEXT = "a non-empty text"


@pytest.mark.parametrize(
    ("table", "required", "value", "problem"),
    [
        ({"name": "Tartus"}, True, "Tartus", None),
        ({"name": " padded "}, True, " padded ", None),
        ({}, True, None, "is missing"),
        ({}, False, None, None),
        ({"name": ""}, False, None, "'' is not a non-empty text"),
        ({"name": "  \n"}, True, None, "'  \\n' is not a non-empty text"),
        ({"name": 5}, True, None, "5 is not a non-empty text"),
        ({"name": ["a"]}, True, None, "['a'] is not a non-empty text"),
    ],
    ids=["text", "kept-as-written", "missing", "optional", "empty", "blank", "number", "list"],
)
def test_text(table: dict[str, Any], required: bool, value: str | None, problem: str | None):
    reader = _reader(**table)
    assert reader.text("name", required=required) == value
    fix = 'add name = "..."' if problem == "is missing" else None
    assert _fields(reader) == ([] if problem is None else [("ev.name", problem, TEXT, fix)])


def test_an_issue_names_file_line_event_and_the_prefixed_field() -> None:
    reader = _reader()
    reader.text("summary")
    assert reader.issues == [
        Issue(
            file="x.toml",
            problem="is missing",
            line=7,
            event="ev",
            field="ev.summary",
            expected="a non-empty text",
            fix='add summary = "..."',
        )
    ]
    assert str(reader.issues[0]).startswith("x.toml:7, event 'ev', field 'ev.summary'")


NOT_AN_ID = "is not lowercase letters and digits joined by single dashes"


@pytest.mark.parametrize(
    ("value", "found", "problem", "fix"),
    [
        ("tartus-naval-base", "tartus-naval-base", None, None),
        ("Tartus Naval", None, f"'Tartus Naval' {NOT_AN_ID}", "write it as 'tartus-naval'"),
        ("Agência Brasil", None, f"'Agência Brasil' {NOT_AN_ID}", "write it as 'agencia-brasil'"),
        ("!!!", None, f"'!!!' {NOT_AN_ID}", "choose another id"),
        (
            "a" * 101,
            None,
            f"'{'a' * 37}...{'a' * 38}' is 101 characters long",
            f"write it as {'a' * 100!r}",
        ),
    ],
    ids=["valid", "capitals-and-space", "accents", "nothing-left", "too-long"],
)
def test_ident(value: str, found: str | None, problem: str | None, fix: str | None) -> None:
    reader = _reader(id=value)
    assert reader.ident() == found
    assert _fields(reader) == ([] if problem is None else [("ev.id", problem, ID_RULE, fix)])


def test_an_id_that_is_no_text_is_read_as_text() -> None:
    reader = _reader(id=3)
    assert reader.ident() is None
    assert _fields(reader) == [("ev.id", "3 is not a non-empty text", TEXT, None)]


LIST = 'a list like ["a", "b"]'


@pytest.mark.parametrize(
    ("table", "required", "value", "issue"),
    [
        ({"aliases": ["a", "b"]}, True, ("a", "b"), None),
        ({}, False, (), None),
        ({"aliases": []}, False, (), None),
        ({}, True, (), ("is missing", "a list of texts", 'add aliases = ["..."]')),
        ({"aliases": []}, True, (), ("is empty", "at least one entry", None)),
        ({"aliases": "a"}, True, (), ("'a' is not a list of texts", LIST, None)),
        ({"aliases": ["a", 2]}, True, (), ("['a', 2] is not a list of texts", LIST, None)),
        ({"aliases": ["a", ""]}, False, (), ("['a', ''] is not a list of texts", LIST, None)),
    ],
    ids=[
        "list",
        "optional-missing",
        "optional-empty",
        "missing",
        "empty",
        "text",
        "number-inside",
        "empty-text-inside",
    ],
)
def test_texts(table: dict[str, Any], required: bool, value: tuple, issue: tuple | None) -> None:
    reader = _reader(**table)
    assert reader.texts("aliases", required=required) == value
    assert _fields(reader) == ([] if issue is None else [("ev.aliases", *issue)])


LAT = "a latitude from -90 to 90"


@pytest.mark.parametrize(
    ("value", "found", "problem"),
    [
        (34.9, 34.9, None),
        (35, 35.0, None),
        (-90, -90.0, None),
        (90.0, 90.0, None),
        (None, None, "is missing"),
        (90.5, None, "90.5 is outside -90..90"),
        (-91, None, "-91 is outside -90..90"),
        ("34.9", None, "'34.9' is not a number"),
        (True, None, "True is not a number"),
        (float("nan"), None, "nan is outside -90..90"),
    ],
    ids=[
        "float",
        "int",
        "low-edge",
        "high-edge",
        "missing",
        "over",
        "under",
        "text",
        "bool",
        "NaN",
    ],
)
def test_number(value: Any, found: float | None, problem: str | None) -> None:
    reader = _reader() if value is None else _reader(lat=value)
    number = reader.number("lat", -90, 90, LAT)
    assert number == found and (number is None or type(number) is float)
    assert _fields(reader) == ([] if problem is None else [("ev.lat", problem, LAT, None)])


KINDS = "one of " + ", ".join(repr(kind.value) for kind in PlaceKind)


@pytest.mark.parametrize(
    ("value", "found", "problem"),
    [
        ("naval_base", PlaceKind.NAVAL_BASE, None),
        ("Naval_Base", None, "'Naval_Base' is not allowed"),
        ("harbour", None, "'harbour' is not allowed"),
        (None, None, "is missing"),
        (1, None, "1 is not allowed"),
    ],
    ids=["member", "case-matters", "unknown", "missing", "number"],
)
def test_choice(value: Any, found: PlaceKind | None, problem: str | None) -> None:
    reader = _reader() if value is None else _reader(kind=value)
    assert reader.choice("kind", PlaceKind) is found
    assert _fields(reader) == ([] if problem is None else [("ev.kind", problem, KINDS, None)])


FIX = 'write it as text, e.g. date = "2024-12-08"'


@pytest.mark.parametrize(
    ("value", "found", "issues"),
    [
        ("2024-12-08", StoryDate.parse("2024-12-08"), []),
        ("2024-11-21/2024-11-30", StoryDate.parse("2024-11-21/2024-11-30"), []),
        (None, None, [("ev.date", "is missing", DATE_FORMS, FIX)]),
        (20241208, None, [("ev.date", "20241208 is not a quoted date", DATE_FORMS, FIX)]),
        (
            tomllib.loads("d = 2024-12-08")["d"],
            None,
            [("ev.date", "datetime.date(2024, 12, 8) is not a quoted date", DATE_FORMS, FIX)],
        ),
        (
            "2024-02-30",
            None,
            [
                (
                    "ev.date",
                    "'2024-02-30': 2024-02-30 is not a calendar day (day is out of range for "
                    "month)",
                    DATE_FORMS,
                    None,
                )
            ],
        ),
    ],
    ids=["day", "range", "missing", "number", "toml-date", "not-a-day"],
)
def test_date(value: Any, found: StoryDate | None, issues: list) -> None:
    reader = _reader() if value is None else _reader(date=value)
    assert reader.date("date") == found
    assert _fields(reader) == issues


def test_unknown_keys_are_each_an_issue_in_name_order() -> None:
    reader = _reader(id="a", zeta=1, palces=["x"])
    reader.unknown_keys({"id", "places"})
    fix = "fix its spelling or remove it"
    assert _fields(reader) == [
        ("ev.palces", "is not a known field", "one of id, places", fix),
        ("ev.zeta", "is not a known field", "one of id, places", fix),
    ]


def test_problem_keeps_its_severity() -> None:
    reader = _reader()
    reader.problem("summary", "is empty", severity=Severity.REVIEW)
    assert [(i.field, i.severity) for i in reader.issues] == [("ev.summary", Severity.REVIEW)]


@pytest.mark.parametrize(
    ("data", "found", "problems"),
    [
        ({}, [], []),
        ({"place": [{"id": "a"}, {"id": "b"}]}, [{"id": "a"}, {"id": "b"}], []),
        ({"place": {"id": "a"}}, [], ["'place' is {'id': 'a'}, not a list of [[place]] tables"]),
        ({"place": 3}, [], ["'place' is 3, not a list of [[place]] tables"]),
        (
            {"place": [{"id": "a"}, 3, [1]]},
            [{"id": "a"}],
            ["place #2 is 3, not a table", "place #3 is [1], not a table"],
        ),
    ],
    ids=["absent", "tables", "one-table", "number", "mixed"],
)
def test_tables(data: dict[str, Any], found: list, problems: list[str]) -> None:
    tables_found, issues = tables(data, "place", "places.toml", "place")
    assert tables_found == found
    assert [i.problem for i in issues] == problems
    assert all((i.file, i.field) == ("places.toml", "place") for i in issues)


def test_id_lines_give_each_occurrence_its_own_line() -> None:
    raw = '[[place]]\nid = "a"\n\n[[place]]\n  id=\'b\'\n\n[[place]]\nid = "a"\n# id = "c"\n'
    lines = IdLines(raw)
    assert [lines.next("a"), lines.next("b"), lines.next("a"), lines.next("a")] == [2, 5, 8, 8]
    assert (lines.next("c"), lines.next("nowhere"), lines.next(None)) == (None, None, None)


def test_bidi_controls_are_found_in_nested_texts_with_their_path() -> None:
    table = {
        "summary": "plain",
        "actor": "Peskov\u202e",
        "source": [{"sentence": "ok"}, {"quote": "a\u2066b\u2069"}],
    }
    issues = bidi_issues(table, "x.events.toml", 4, "ev", prefix="ev.")
    assert [(i.field, i.line, i.event) for i in issues] == [
        ("ev.actor", 4, "ev"),
        ("ev.source[2].quote", 4, "ev"),
    ]
    assert "(U+2066, U+2069)" in issues[1].problem
    assert "(U+202E)" in issues[0].problem


PLACES = """\
[[place]]
id = "tartus"
name = "Tartus"
kind = "city"
lat = 34.9
lon = 35.9
country = "Syria"

[[place]]
id = "damascus"
name = "Damascus"
kind = "town"
lat = 133.5
lon = "36.3"
country = "Syria"
"""


def test_a_place_error_names_its_own_field_and_line() -> None:
    """Issue 10: a lat/lon error is reported on `<id>.lat`, not guessed as `<id>.id`."""
    places, issues = parse_places(tomllib.loads(PLACES), "places.toml", PLACES)
    assert [p.id for p in places] == ["tartus"]
    assert [(i.line, i.field, i.problem) for i in issues] == [
        (10, "damascus.kind", "'town' is not allowed"),
        (10, "damascus.lat", "133.5 is outside -90..90"),
        (10, "damascus.lon", "'36.3' is not a number"),
    ]
