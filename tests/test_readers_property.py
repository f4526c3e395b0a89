"""Property: whatever a file holds, every reader returns issues naming that file, never raises.

Arbitrary TOML values (any shape, under the real field names and others) and arbitrary bytes
go into each kind of file: places.toml, an article, an events file.
"""

from __future__ import annotations

import datetime as dt
import string
import tempfile
import tomllib
from pathlib import Path

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stories import ARTICLE, EVENTS, PLACES, write_story

from geodata.articles import _ARTICLE_FIELDS, parse_article
from geodata.events import _ACCEPT_FIELDS, _EVENT_FIELDS, _SOURCE_FIELDS, Context, parse_events
from geodata.gazetteer import _PLACE_FIELDS, Gazetteer, parse_places
from geodata.story import read_story

# Every field the readers know (so a new field is fuzzed too), the tables' own names, and
# random words.
KNOWN_FIELDS = sorted(
    _ARTICLE_FIELDS
    | _EVENT_FIELDS
    | _SOURCE_FIELDS
    | _ACCEPT_FIELDS
    | _PLACE_FIELDS
    | {"event", "place"}
)
KEYS = st.sampled_from(KNOWN_FIELDS) | st.text(string.ascii_letters + "_-", min_size=1, max_size=8)
SCALARS = (
    st.text(max_size=20)
    | st.sampled_from(
        [
            "damascus",
            "wire-2024-12-16",
            "2024-12-08",
            "statement",
            "city",
            "javascript:x",
            "Bad ID",
            "\u202e",
            "",
        ]
    )
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=True)
    | st.booleans()
    | st.dates(min_value=dt.date(1, 1, 1))
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)
TABLES = st.dictionaries(KEYS, VALUES, max_size=8)
DOCUMENTS = st.dictionaries(
    st.sampled_from(["event", "place", "source"]) | KEYS,
    VALUES | st.lists(TABLES, max_size=3),
    max_size=4,
)
FILES = {"places.toml": PLACES, "wire-2024-12-16.txt": ARTICLE, "x.events.toml": EVENTS}

READING = read_story(write_story(Path(tempfile.mkdtemp()) / "articles"))
CONTEXT = Context.of(READING.story.articles, Gazetteer(READING.story.places.values()))
# A valid header or event with a few fields replaced by anything: reaches the deep checks.
VALID_HEADER = tomllib.loads(ARTICLE.split("+++")[1])
VALID_EVENTS = tomllib.loads(EVENTS)["event"]
HEADERS = TABLES | st.dictionaries(KEYS, VALUES, max_size=3).map(lambda d: VALID_HEADER | d)
EVENT_DOCUMENTS = DOCUMENTS | st.lists(
    st.tuples(st.sampled_from(VALID_EVENTS), st.dictionaries(KEYS, VALUES, max_size=3)).map(
        lambda pair: pair[0] | pair[1]
    ),
    max_size=3,
).map(lambda events: {"event": events})
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(EVENT_DOCUMENTS)
def test_any_events_document_gives_issues_naming_its_file(data):
    events, issues = parse_events(data, "x.events.toml", "", CONTEXT)
    assert all(issue.file == "x.events.toml" for issue in issues)
    assert all(str(issue) for issue in issues)


@FAST
@given(DOCUMENTS)
def test_any_places_document_gives_issues_naming_its_file(data):
    places, issues = parse_places(data, "places.toml", "")
    assert all(issue.file == "places.toml" for issue in issues)
    assert all(str(issue) for issue in issues)


@FAST
@given(HEADERS)
def test_any_article_header_gives_issues_naming_its_file(header):
    text = "+++\n" + tomlkit.dumps(header) + "+++\nBody text.\n"
    article, issues = parse_article(Path("a-1.txt"), text)
    assert all(issue.file == "a-1.txt" for issue in issues)
    assert all(str(issue) for issue in issues)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(FILES)), st.binary(max_size=300) | DOCUMENTS.map(tomlkit.dumps))
def test_any_bytes_in_any_file_give_issues_naming_that_file(tmp_path_factory, name, content):
    folder = write_story(tmp_path_factory.mktemp("prop"))
    (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    reading = read_story(folder)
    names = {path.name for path in folder.iterdir()}
    assert all(issue.file in names for issue in reading.issues)
