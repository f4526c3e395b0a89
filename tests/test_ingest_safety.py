"""`ingest` under hostile or unlucky conditions: it refuses clearly and changes nothing.

Bad ids, special files, read-only files, a full disk, Ctrl-C between two writes, dates at
the ends of the calendar; and what it writes is valid TOML whatever the text holds.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from stories import ARTICLE, EVENTS, PLACES
from stories import INGEST_TEXT as TEXT

import geodata.ingest.pipeline as pipeline
from geodata import read_story
from geodata.__main__ import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    story = tmp_path / "work" / "articles"
    story.mkdir(parents=True)
    (story / "places.toml").write_text("# The gazetteer. Keep this comment.\n" + PLACES)
    (story / "wire-2024-12-16.txt").write_text(ARTICLE)
    (story / "wire-2024-12-16.events.toml").write_text(EVENTS)
    for path in story.iterdir():
        path.chmod(0o644)
    return story


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "new.txt"
    path.write_text(TEXT)
    return path


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` with its content hash and mode."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        + oct(path.stat().st_mode)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def ingest(folder: Path, path: Path, *extra: str, published: str = "2025-01-14") -> int:
    argv = ["ingest", str(path), "--outlet", "Wire", "--published", published]
    return main([*argv, "--folder", str(folder), *extra])


@pytest.mark.parametrize(
    ("given", "fix"),
    [
        ("../../x", "--id x"),
        ("<tmp>/escaped", "--id "),
        ("Bad ID", "--id bad-id"),
        (".hidden", "--id hidden"),
        ("sub/dir", "--id sub-dir"),
        ("", "choose an id"),
    ],
    ids=["dot-dot", "absolute", "space-capitals", "hidden", "sub-folder", "empty"],
)
def test_an_id_that_is_not_an_id_is_refused(folder, source, tmp_path, capsys, given, fix):
    given = given.replace("<tmp>", str(tmp_path))
    before = tree(tmp_path)
    assert ingest(folder, source, "--id", given) == 1
    out = capsys.readouterr().out
    assert f"--id {given!r}" in out and "lowercase letters" in out and f"Fix: {fix}" in out
    assert ".tmp" not in out
    assert tree(tmp_path) == before


def test_written_files_keep_the_folder_readable_for_others(folder, source):
    (folder / "places.toml").chmod(0o640)
    umask = os.umask(0o022)
    try:
        assert ingest(folder, source) == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE((folder / "places.toml").stat().st_mode) == 0o640
    assert stat.S_IMODE((folder / "wire-2025-01-14.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((folder / "wire-2025-01-14.events.toml").stat().st_mode) == 0o644


def test_a_read_only_places_file_is_not_replaced(folder, source, tmp_path, capsys):
    (folder / "places.toml").chmod(0o444)
    before = tree(tmp_path)
    assert ingest(folder, source) == 1
    out = capsys.readouterr().out
    assert "places.toml: is read-only" in out and "chmod u+w" in out
    assert tree(tmp_path) == before


def _failing_write(monkeypatch, fail_on: int, error: BaseException) -> None:
    real, calls = pipeline.write_atomic, []

    def write(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == fail_on:
            raise error
        real(path, text)

    monkeypatch.setattr(pipeline, "write_atomic", write)


@pytest.mark.parametrize("fail_on", [2, 3], ids=["second-write", "third-write"])
def test_ctrl_c_between_writes_changes_nothing(
    folder, source, tmp_path, capsys, monkeypatch, fail_on
):
    before = tree(tmp_path)
    _failing_write(monkeypatch, fail_on, KeyboardInterrupt())
    assert ingest(folder, source) == 130
    assert capsys.readouterr().out.strip() == "interrupted, nothing changed"
    assert tree(tmp_path) == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_full_disk_names_the_file_and_changes_nothing(
    folder, source, tmp_path, capsys, monkeypatch
):
    before = tree(tmp_path)
    _failing_write(monkeypatch, 3, OSError(errno.ENOSPC, "No space left on device"))
    assert ingest(folder, source) == 1
    out = capsys.readouterr().out
    assert f"{folder / 'places.toml'}: cannot be written (No space left on device)" in out
    assert "Fix: free some disk space" in out and "None" not in out
    assert tree(tmp_path) == before


def test_a_missing_folder_is_named(source, tmp_path, capsys):
    assert ingest(tmp_path / "nowhere", source) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'nowhere'}: does not exist" in out and "--folder" in out
    assert ".tmp" not in out


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_dates_at_the_ends_of_the_calendar_are_refused(folder, tmp_path, capsys, published):
    text = tmp_path / "edge.txt"
    text.write_text(
        "Ships left Tartus\n\nShips left Tartus yesterday and more leave next week. "
        "Talks went on last week and resume next month, since late last year.\n"
    )
    before = tree(tmp_path)
    assert ingest(folder, text, published=published) == 1
    out = capsys.readouterr().out
    assert f"--published {published}" in out and "outside the calendar" in out
    assert tree(tmp_path) == before


def test_a_folder_as_input_is_refused_with_a_fix(folder, tmp_path, capsys):
    assert ingest(folder, tmp_path) == 1
    out = capsys.readouterr().out
    assert "is a folder, not a file" in out and "Fix: give the article's text file" in out


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_special_input_is_refused_before_reading(folder, tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "geodata",
            "ingest",
            str(path),
            "--outlet",
            "Wire",
            "--published",
            "2025-01-14",
            "--folder",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    expected = "is a named pipe (FIFO), not a file" if kind == "fifo" else "is a device, not a file"
    assert expected in done.stdout and "Traceback" not in done.stderr


def test_what_ingest_writes_is_valid_toml_whatever_the_text_holds(folder, tmp_path):
    text = tmp_path / "del.txt"
    text.write_text(
        "Ships leave Tartous\n\nRussian warships left Tartous on Monday \x7f \\ \"quoted\" ''' "
        "\u202e.\n"
    )
    assert (
        main(
            [
                "ingest",
                str(text),
                "--outlet",
                "Agência Brasil",
                "--published",
                "2025-01-14",
                "--folder",
                str(folder),
            ]
        )
        == 0
    )
    reading = read_story(folder)
    assert [i for i in reading.errors if "not valid TOML" in i.problem] == []
    assert "agencia-brasil-2025-01-14" in reading.story.articles
    drafts = [e for e in reading.story.events if e.draft]
    assert drafts and "\x7f" in drafts[0].sources[0].sentence


def test_places_file_keeps_its_comments_when_places_are_added(folder, source):
    assert ingest(folder, source) == 0
    places = (folder / "places.toml").read_text()
    assert places.startswith("# The gazetteer. Keep this comment.\n" + PLACES.rstrip("\n"))
    assert 'id = "hamah"' in places
    assert read_story(folder).errors == ()


def test_a_missing_input_file_is_named_with_a_fix(folder, tmp_path, capsys):
    assert ingest(folder, tmp_path / "missing.txt") == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'missing.txt'}: cannot be read: No such file or directory" in out
    assert "Fix: check the name" in out


def test_a_fifo_in_place_of_the_geocoder_cache_does_not_hang(tmp_path):
    from geodata.ingest.geocoding import CachedNominatim

    cache = tmp_path / ".geocode-cache.json"
    os.mkfifo(cache)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from geodata.ingest.geocoding import CachedNominatim; "
            f"print(CachedNominatim(Path({str(cache)!r}))._cache)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "{}", done.stderr
    assert CachedNominatim  # imported in-process too: the module loads without the network
