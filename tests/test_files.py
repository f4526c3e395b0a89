"""`files`: bounded reading of regular files only, links kept inside the folder, UTF-8 with
Windows habits forgiven, and atomic writes that keep the file's mode."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from geodata import files
from geodata.errors import Issue
from geodata.files import decode, os_fix, read_bounded, read_only, read_text, write_atomic


def _problem(result: tuple[bytes | None, Issue | None]) -> tuple[str, str | None, str | None]:
    data, issue = result
    assert data is None and issue is not None
    return issue.problem, issue.expected, issue.fix


@pytest.mark.parametrize(
    ("size", "limit"),
    [(0, 10), (10, 10), (9, 10), (70_000, 70_000)],
    ids=["empty", "at-the-limit", "under", "more-than-one-read"],
)
def test_a_regular_file_within_the_limit_is_read_whole(tmp_path: Path, size: int, limit: int):
    path = tmp_path / "a.txt"
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path.write_bytes(data)
    assert read_bounded(path, limit) == (data, None)


@pytest.mark.parametrize(
    ("size", "limit", "said"),
    [
        (11, 10, "is 11 bytes, over the limit of 10 bytes"),
        (1_500_001, 1_000_000, "is 1.5 MB, over the limit of 1.0 MB"),
    ],
    ids=["bytes", "megabytes"],
)
def test_a_file_over_the_limit_is_refused(tmp_path: Path, size: int, limit: int, said: str):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * size)
    problem, expected, fix = _problem(read_bounded(path, limit))
    assert problem == said
    assert expected == f"a file of at most {said.rsplit('limit of ', 1)[1]}"
    assert fix == "check it is the right file; split a long text into several articles"


def test_a_file_that_grows_after_the_check_is_read_no_further(tmp_path: Path, monkeypatch):
    """The size is checked before reading and again while reading: at most limit + 1 bytes."""
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 5)
    real_stat = Path.stat
    reads: list[int] = []
    real_read = os.read

    def small_stat(self: Path, **kwargs):
        result = real_stat(self, **kwargs)
        if self == path:
            path.write_bytes(b"x" * 1000)  # grows between the check and the read
        return result

    def counted_read(handle: int, size: int) -> bytes:
        reads.append(size)
        return real_read(handle, size)

    monkeypatch.setattr(Path, "stat", small_stat)
    monkeypatch.setattr(files.os, "read", counted_read)
    problem, _, _ = _problem(read_bounded(path, 10))
    assert problem == "is 11 bytes, over the limit of 10 bytes"
    assert sum(reads) <= 11


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: p.mkdir(), "a folder"),
        (lambda p: os.mkfifo(p), "a named pipe (FIFO)"),
    ],
    ids=["folder", "fifo"],
)
def test_only_regular_files_are_read(tmp_path: Path, make, kind: str) -> None:
    path = tmp_path / "x.toml"
    make(path)
    problem, expected, fix = _problem(read_bounded(path, 100, tmp_path))
    assert problem == f"is {kind}, not a file"
    assert expected == "a regular file"
    assert fix == "remove it or rename it so that it does not end in .txt or .toml"


def test_a_device_is_never_read(tmp_path: Path) -> None:
    problem, _, fix = _problem(read_bounded(Path("/dev/zero"), 100, special_fix="give a file"))
    assert (problem, fix) == ("is a device, not a file", "give a file")


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder, outside = tmp_path / "articles", tmp_path / "secret.txt"
    folder.mkdir()
    outside.write_text("secret")
    (folder / "a.txt").symlink_to(outside)
    problem, expected, fix = _problem(read_bounded(folder / "a.txt", 100, folder))
    assert problem == f"is a link to {str(outside)!r}, outside the folder"
    assert expected == "a file inside the articles folder"
    assert fix == "copy the file into the folder instead of linking to it"
    # Without a folder to stay in, the same link is followed.
    assert read_bounded(folder / "a.txt", 100) == (b"secret", None)


def test_a_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("text")
    (tmp_path / "a.txt").symlink_to("real.txt")
    assert read_bounded(tmp_path / "a.txt", 100, tmp_path) == (b"text", None)


@pytest.mark.parametrize(
    ("make", "problem", "fix"),
    [
        (
            lambda p: None,
            "cannot be read: No such file or directory",
            "check the name, or create the file",
        ),
        (
            lambda p: p.symlink_to(p.name),
            "cannot be read: Too many levels of symbolic links",
            "the link points to itself: replace it with the file",
        ),
    ],
    ids=["missing", "link-to-itself"],
)
def test_a_file_that_cannot_be_read_says_why(tmp_path: Path, make, problem: str, fix) -> None:
    path = tmp_path / "a.txt"
    make(path)
    found, expected, found_fix = _problem(read_bounded(path, 100))
    assert (found, expected) == (problem, "a readable file")
    assert found_fix == fix


def test_a_read_error_names_the_fix(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "open", refuse)
    assert _problem(read_bounded(path, 100)) == (
        "cannot be read: Permission denied",
        "a readable file",
        "give your account read access to the file (chmod a+r FILE)",
    )


WRITE_ACCESS = "give your account write access to the folder and its files (chmod u+w)"


@pytest.mark.parametrize(
    ("number", "writing", "fix"),
    [
        (errno.ENOENT, False, "check the name, or create the file"),
        (errno.ENOENT, True, "check that the folder exists (--folder)"),
        (errno.EACCES, False, "give your account read access to the file (chmod a+r FILE)"),
        (errno.EPERM, True, WRITE_ACCESS),
        (errno.ENOSPC, True, "free some disk space, then run the command again"),
        (errno.EROFS, True, "the disk is read-only: copy the folder to a writable place"),
        (errno.EIO, False, "check the file and its permissions"),
        (None, False, "check the file and its permissions"),
    ],
    ids=["missing", "missing-folder", "no-read", "not-permitted", "full", "ro-disk", "io", "none"],
)
def test_os_fix(number: int | None, writing: bool, fix: str) -> None:
    error = OSError(number, "x") if number is not None else OSError("no number")
    assert os_fix(error, writing=writing) == fix


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"plain\n", "plain\n"),
        ("\ufeffBOM first".encode(), "BOM first"),
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"lone\rCR", "lone\rCR"),
        ("a \ufeff inside".encode(), "a \ufeff inside"),
    ],
    ids=["plain", "bom", "crlf", "lone-cr-kept", "inner-bom-kept"],
)
def test_decode_forgives_windows_habits(data: bytes, text: str) -> None:
    assert decode(data, "a.txt") == (text, None)


def test_decode_names_the_bad_byte_and_its_line() -> None:
    text, issue = decode(b"one\ntwo\nt\xe9l\xe9\n", "a.txt")
    assert text is None and issue is not None
    assert (issue.file, issue.line, issue.problem, issue.fix) == (
        "a.txt",
        3,
        "is not UTF-8: byte 0xe9 at offset 9",
        "re-save the file as UTF-8",
    )


def test_read_text_reads_bounded_then_decodes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffTartous\r\n".encode())
    assert read_text(path, 100, tmp_path) == ("Tartous\n", None)
    assert read_text(path, 5, tmp_path)[1] is not None
    path.write_bytes(b"\xff")
    issue = read_text(path, 100, tmp_path)[1]
    assert issue is not None and issue.problem.startswith("is not UTF-8")


def test_read_only_is_the_owner_write_bit(tmp_path: Path) -> None:
    path = tmp_path / "places.toml"
    assert read_only(path) is False  # a file not yet written can be
    path.write_text("x")
    path.chmod(0o644)
    assert read_only(path) is False
    path.chmod(0o444)
    assert read_only(path) is True
    path.chmod(0o464)  # others may write; the owner may not
    assert read_only(path) is True


def test_write_atomic_keeps_the_mode_and_writes_text_as_given(tmp_path: Path) -> None:
    path = tmp_path / "places.toml"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new\r\nline ü\n")
    assert path.read_bytes() == "new\r\nline ü\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.toml"]


def test_a_new_file_gets_the_umask_mode_not_mkstemps(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.toml", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o640


def test_write_atomic_replaces_a_link_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target.toml"
    target.write_text("kept")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert (target.read_text(), link.is_symlink(), link.read_text()) == ("kept", False, "new")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "places.toml"
    path.write_text("old")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.toml"]
