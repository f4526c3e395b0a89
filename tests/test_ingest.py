"""`ingest`: drafts that check accepts, bad input refused with nothing changed, geocoders."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from stories import ARTICLE, EVENTS, PLACES
from stories import INGEST_TEXT as TEXT

from geodata import Severity, read_story
from geodata.__main__ import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    story = tmp_path / "articles"
    story.mkdir()
    (story / "places.toml").write_text(PLACES)
    (story / "wire-2024-12-16.txt").write_text(ARTICLE)
    (story / "wire-2024-12-16.events.toml").write_text(EVENTS)
    return story


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _ingest(folder: Path, path: Path, *extra: str) -> int:
    argv = ["ingest", str(path), "--outlet", "Wire", "--published", "2025-01-14"]
    return main([*argv, "--folder", str(folder), *extra])


def test_ingest_writes_a_draft_that_check_accepts(folder: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "new.txt"
    source.write_text(TEXT)
    assert _ingest(folder, source) == 0
    reading = read_story(folder)
    assert reading.errors == ()
    review = [str(i) for i in reading.issues if i.severity is Severity.REVIEW]
    assert any("wire-2025-01-14.txt" in r and "draft article" in r for r in review)
    assert any("summary is empty" in r for r in review)
    assert any("place 'hamah' is a draft" in r for r in review)
    drafts = [e for e in reading.story.events if e.draft]
    assert {e.actor for e in drafts} >= {"Dmitry Peskov"}
    assert main(["check", str(folder)]) == 0
    assert "[needs review]" in capsys.readouterr().out
    assert _ingest(folder, source) == 1  # the id exists: refused


BAD = [
    pytest.param(b"", "is empty", id="empty"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks binary", id="binary"),
    pytest.param("Tartous café".encode("latin-1"), "is not UTF-8", id="latin-1"),
    pytest.param(b"Tartus " * 800_000, "5.6 MB", id="5-megabytes"),
    pytest.param(b"Nothing happened anywhere today, he said.", "names no place", id="no-place"),
]


@pytest.mark.parametrize(("data", "message"), BAD)
def test_bad_input_changes_nothing(
    folder: Path, tmp_path: Path, data: bytes, message: str, capsys
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(data)
    before = _hashes(folder)
    assert _ingest(folder, source) == 1
    out = capsys.readouterr().out
    assert message in out and "bad.txt" in out and "Fix:" in out
    assert _hashes(folder) == before
