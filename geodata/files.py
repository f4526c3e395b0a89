"""Reading and writing the data files safely.

Reading: only regular files, no link out of the folder, at most a size limit checked before
reading (a FIFO, a device or a huge file would hang or exhaust the reader). Writing: a temporary
file in the same folder, then one rename, keeping the old file's mode.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from geodata.errors import Issue

ARTICLE_LIMIT = 1_000_000  # bytes: one news article is a few tens of kB
TOML_LIMIT = 4_000_000  # bytes: places.toml and each <id>.events.toml
BOM = "\ufeff"

# Why a file system error happened, and what to do about it.
_FIXES = {
    errno.ENOENT: "check the name, or create the file",
    errno.EACCES: "give your account read access to the file (chmod a+r FILE)",
    errno.EPERM: "give your account read access to the file (chmod a+r FILE)",
    errno.EISDIR: "a folder has the name of a data file: rename or remove it",
    errno.ELOOP: "the link points to itself: replace it with the file",
    errno.ENOSPC: "free some disk space, then run the command again",
    errno.EROFS: "the disk is read-only: copy the folder to a writable place",
}


_WRITE_FIXES = {
    errno.ENOENT: "check that the folder exists (--folder)",
    errno.EACCES: "give your account write access to the folder and its files (chmod u+w)",
    errno.EPERM: "give your account write access to the folder and its files (chmod u+w)",
}


def os_fix(error: OSError, writing: bool = False) -> str:
    """The fix for a file system error, for messages: 'check the name, ...'."""
    fixes = _FIXES | _WRITE_FIXES if writing else _FIXES
    return fixes.get(error.errno or 0, "check the file and its permissions")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def read_bounded(
    path: Path,
    limit: int,
    folder: Path | None = None,
    special_fix: str = "remove it or rename it so that it does not end in .txt or .toml",
) -> tuple[bytes | None, Issue | None]:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes inside ``folder``.

    Anything else is an issue naming the file: a link leading out of the folder, a FIFO or
    device (never opened for reading, so nothing blocks), a folder, a file over the limit
    (checked before reading; at most ``limit + 1`` bytes are ever read).
    """
    file = path.name

    def problem(what: str, expected: str, fix: str) -> tuple[None, Issue]:
        return None, Issue(file=file, problem=what, expected=expected, fix=fix)

    try:
        if folder is not None and path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(folder.resolve()):
                return problem(
                    f"is a link to {str(target)!r}, outside the folder",
                    "a file inside the articles folder",
                    "copy the file into the folder instead of linking to it",
                )
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return problem(f"is {_kind(info.st_mode)}, not a file", "a regular file", special_fix)
        if info.st_size > limit:
            return _too_big(file, info.st_size, limit)
        # O_NONBLOCK: if a FIFO was swapped in since the check, opening it does not hang.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                return problem("is not a regular file", "a regular file", special_fix)
            chunks, size = [], 0
            while size <= limit and (chunk := os.read(handle, limit + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(handle)
    except OSError as error:
        return problem(
            f"cannot be read: {error.strerror or error}", "a readable file", os_fix(error)
        )
    if size > limit:
        return _too_big(file, size, limit)
    return b"".join(chunks), None


def _too_big(file: str, size: int, limit: int) -> tuple[None, Issue]:
    return None, Issue(
        file=file,
        problem=f"is {_megabytes(size)}, over the limit of {_megabytes(limit)}",
        expected=f"a file of at most {_megabytes(limit)}",
        fix="check it is the right file; split a long text into several articles",
    )


def decode(data: bytes, file: str) -> tuple[str | None, Issue | None]:
    """UTF-8 text with Windows habits forgiven: a leading BOM is dropped, CRLF becomes LF."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, Issue(
            file=file,
            problem=f"is not UTF-8: byte {data[error.start]:#04x} at offset {error.start}",
            line=line,
            expected="UTF-8 text",
            fix="re-save the file as UTF-8",
        )
    return text.removeprefix(BOM).replace("\r\n", "\n"), None


def read_text(
    path: Path, limit: int, folder: Path | None = None
) -> tuple[str | None, Issue | None]:
    """The text of a data file (see ``read_bounded`` and ``decode``), or the issue why not."""
    data, issue = read_bounded(path, limit, folder)
    if data is None:
        return None, issue
    return decode(data, path.name)


def read_only(path: Path) -> bool:
    """Whether the file's owner may not write it (root may, but should not, replace it)."""
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except FileNotFoundError:
        return False


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    The file keeps its mode (a new file gets the usual mode for the umask, not mkstemp's
    0600), so other accounts that read the folder still can.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
