"""Broken and hostile folders: `check` lists each problem and exits 1, never a traceback.

Every case keeps the valid rest of the story: the event 'offensive' of the small story
still loads whatever else is wrong.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from stories import ARTICLE, EVENTS, PLACES, write_story

from geodata import read_story
from geodata.files import ARTICLE_LIMIT

EVENTS_FILE = "wire-2024-12-16.events.toml"
ARTICLE_FILE = "wire-2024-12-16.txt"
EXTRA_EVENTS = "extra.events.toml"
GOOD_EVENT = """
[[event]]
id = "extra-fine"
kind = "military"
summary = "Fighters entered Damascus."
date = "2024-12-08"
places = ["damascus"]

[[event.source]]
article = "wire-2024-12-16"
sentence = "On December 8, fighters entered Damascus."
"""


def check(folder: Path) -> subprocess.CompletedProcess[str]:
    """`python -m geodata check` in a subprocess: a hang or a traceback fails the test."""
    return subprocess.run(
        [sys.executable, "-m", "geodata", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


BROKEN = [
    pytest.param(
        {"tass-2024-12-16.txt": ARTICLE.replace('id = "wire-2024-12-16"', 'id = "Tass"')},
        ["tass-2024-12-16.txt:2, field 'id': 'Tass' is not lowercase", "write it as 'tass'"],
        id="article-id-typo",
    ),
    pytest.param(
        {EXTRA_EVENTS: 'event = ["x", 1]\n'},
        [f"{EXTRA_EVENTS}, field 'event': event #1 is 'x', not a table", "event #2 is 1"],
        id="event-list-of-scalars",
    ),
    pytest.param(
        {EXTRA_EVENTS: "event = 3\n"},
        [f"{EXTRA_EVENTS}, field 'event': 'event' is 3, not a list"],
        id="event-scalar",
    ),
    pytest.param(
        {"places.toml": 'place = [1, "a"]\n'},
        ["places.toml, field 'place': place #1 is 1, not a table", "place #2 is 'a'"],
        id="place-list-of-scalars",
    ),
    pytest.param(
        {
            EXTRA_EVENTS: GOOD_EVENT.replace(
                '[[event.source]]\narticle = "wire-2024-12-16"\n'
                'sentence = "On December 8, fighters entered Damascus."\n',
                "source = [1]\n",
            )
        },
        [f"{EXTRA_EVENTS}:3, event 'extra-fine', field 'source[1]': 1 is not a table"],
        id="source-list-of-numbers",
    ),
    pytest.param(
        {EXTRA_EVENTS: "a = " + "[" * 3000 + "]" * 3000 + "\n"},
        [f"{EXTRA_EVENTS}: is not valid TOML: its lists or tables nest too deeply"],
        id="deeply-nested",
    ),
    pytest.param(
        {EXTRA_EVENTS: GOOD_EVENT.replace('id = "extra-fine"', 'id = "Bad ID"')},
        [f"{EXTRA_EVENTS}:3, event 'Bad ID', field 'id'", "write it as 'bad-id'"],
        id="event-bad-id",
    ),
    pytest.param(
        {EXTRA_EVENTS: GOOD_EVENT.replace('kind = "military"', "kind = [[1]]")},
        [f"{EXTRA_EVENTS}:3, event 'extra-fine', field 'kind': [[1]] is not allowed"],
        id="kind-is-a-list",
    ),
    pytest.param(
        {"places.toml": PLACES.replace('id = "damascus"', 'id = "Damascus City"')},
        ["places.toml:22, field 'Damascus City.id'", "write it as 'damascus-city'"],
        id="place-bad-id",
    ),
    pytest.param(
        {"places.toml": PLACES + PLACES.split("\n\n")[0].replace("34.9115", "34.9")},
        [
            "places.toml:31, field 'id': place id 'tartus-naval-base' is used twice",
            "the first is on line 2",
        ],
        id="duplicate-place-on-its-own-line",
    ),
    pytest.param(
        {
            ARTICLE_FILE: ARTICLE.replace(
                'outlet = "Wire"', 'outlet = "Wire"\nurl = "javascript:alert(1)"'
            )
        },
        [f"{ARTICLE_FILE}:2, field 'url': 'javascript:alert(1)' is not a web address", "https://"],
        id="url-javascript",
    ),
    pytest.param(
        {EXTRA_EVENTS: GOOD_EVENT.replace("Fighters entered", "Fighters \u202eentered")},
        [
            f"{EXTRA_EVENTS}:3, event 'extra-fine', field 'summary': holds invisible direction "
            "control characters (U+202E)"
        ],
        id="bidi-override-in-summary",
    ),
    pytest.param(
        {ARTICLE_FILE: ARTICLE.replace('"Wire"', '"Wi\u2067re"')},
        [
            f"{ARTICLE_FILE}:2, field 'outlet': holds invisible direction control characters "
            "(U+2067)"
        ],
        id="bidi-isolate-in-outlet",
    ),
    pytest.param(
        {"big.txt": ARTICLE.replace("wire-2024-12-16", "big") + "x" * ARTICLE_LIMIT},
        ["big.txt: is 1.0 MB, over the limit of 1.0 MB", "split a long text"],
        id="article-over-the-limit",
    ),
]


@pytest.mark.parametrize(("files", "expected"), BROKEN)
def test_check_lists_the_problem_and_the_rest_still_loads(tmp_path, files, expected):
    folder = write_story(tmp_path / "articles", files)
    reading = read_story(folder)
    messages = "\n".join(map(str, reading.issues))
    for words in expected:
        assert words in messages, f"{words!r} not in:\n{messages}"
    assert "wire-2024-12-16" in reading.story.articles
    if "places.toml" not in files:
        assert "offensive" in {event.id for event in reading.story.events}
    assert all(issue.file in {*files, *os.listdir(folder)} for issue in reading.issues)


@pytest.mark.parametrize(("files", "expected"), BROKEN[:3])
def test_check_command_exits_1_without_a_traceback(tmp_path, files, expected):
    done = check(write_story(tmp_path / "articles", files))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and expected[0] in done.stdout


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    crlf = {
        name: ("\ufeff" + text).replace("\n", "\r\n").encode()
        for name, text in {
            "places.toml": PLACES,
            ARTICLE_FILE: ARTICLE,
            EVENTS_FILE: EVENTS,
        }.items()
    }
    reading = read_story(write_story(tmp_path / "articles", crlf))
    assert reading.issues == ()
    assert len(reading.story.events) == 3


SPECIAL = [
    pytest.param("fifo", "x.events.toml", "is a named pipe (FIFO), not a file", id="fifo"),
    pytest.param(
        "dev-zero", "z.txt", "is a link to '/dev/zero', outside the folder", id="dev-zero"
    ),
    pytest.param("outside", "o.txt", "is a link to '/", id="link-out"),
    pytest.param("folder", "d.events.toml", "is a folder, not a file", id="folder"),
]


@pytest.mark.parametrize(("kind", "name", "message"), SPECIAL)
def test_special_files_are_problems_not_read(tmp_path, kind, name, message):
    folder = write_story(tmp_path / "articles")
    path = folder / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "outside":
        secret = tmp_path / "secret.txt"
        secret.write_text(ARTICLE.replace("wire-2024-12-16", "o"))
        path.symlink_to(secret)
    else:
        path.mkdir()
    done = check(folder)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"{name}: {message}" in done.stdout
    assert kind not in ("dev-zero", "outside") or "outside the folder" in done.stdout
    assert "Fix:" in done.stdout.split(name, 1)[1].splitlines()[0]
    assert "3 valid events" in done.stdout


def test_a_link_inside_the_folder_is_read(tmp_path):
    folder = write_story(tmp_path / "articles")
    (folder / "copy").mkdir()
    (folder / EVENTS_FILE).rename(folder / "copy" / "kept.toml")
    (folder / EVENTS_FILE).symlink_to(folder / "copy" / "kept.toml")
    assert read_story(folder).issues == ()


def test_errors_live_in_one_module_and_issues_take_keywords():
    import dataclasses

    import geodata.errors as errors
    from geodata import Issue
    from geodata.filters import FilterError

    assert FilterError is errors.FilterError and errors.IngestError.__module__ == errors.__name__
    with pytest.raises(TypeError):
        Issue("file.toml", "a problem")  # type: ignore[misc]
    assert all(f.kw_only for f in dataclasses.fields(Issue))
    assert errors.did_you_mean(["a", "b", "a"]) == "did you mean 'a', 'b'?"
    assert errors.did_you_mean([]) is None


def test_export_and_the_html_export_keep_the_valid_rest_of_a_hostile_folder(tmp_path):
    folder = write_story(
        tmp_path / "articles",
        {
            "tass-2024-12-16.txt": ARTICLE.replace('id = "wire-2024-12-16"', 'id = "Tass"'),
            EXTRA_EVENTS: 'event = ["x", 1]\n',
        },
    )
    os.mkfifo(folder / "pipe.events.toml")
    (folder / "zero.txt").symlink_to("/dev/zero")
    commands = {
        "export": [sys.executable, "-m", "geodata", "export", "--format", "csv", str(folder)],
        "html": [
            sys.executable,
            "-m",
            "dashboard.standalone",
            str(tmp_path / "s.html"),
            "--articles",
            str(folder),
        ],
    }
    for name, command in commands.items():
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 1, (name, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        for file in ("tass-2024-12-16.txt", EXTRA_EVENTS, "pipe.events.toml", "zero.txt"):
            assert file in done.stderr, (name, file, done.stderr)
    assert "offensive" in (tmp_path / "s.html").read_text(encoding="utf-8")


def test_file_system_errors_come_with_a_fix(tmp_path, monkeypatch):
    import errno

    import geodata.files as files

    folder = write_story(tmp_path / "articles")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith(EVENTS_FILE):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refuse)
    (issue,) = read_story(folder).issues
    assert str(issue) == (
        f"{EVENTS_FILE}: cannot be read: Permission denied; expected a readable file. "
        "Fix: give your account read access to the file (chmod a+r FILE)"
    )
