"""Reading article files: a TOML header between ``+++`` lines, then the verbatim text."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

from geodata.errors import Issue, Severity
from geodata.fields import FieldReader
from geodata.models import Article, DateBasis

FENCE = "+++"
_ARTICLE_FIELDS = {
    "id",
    "outlet",
    "headline",
    "published",
    "published_basis",
    "published_reasoning",
    "url",
    "seed",
    "body_sha256",
    "headline_basis",
    "outlet_reasoning",
    "draft",
}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_text(path: Path) -> tuple[str | None, Issue | None]:
    """The file's text, or an issue saying why it cannot be read as UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, Issue(path.name, f"cannot be read: {error.strerror}")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, Issue(
            path.name,
            f"is not UTF-8: byte {data[error.start]:#04x} at offset {error.start}",
            line,
            expected="UTF-8 text",
            fix="re-save the file as UTF-8",
        )


def parse_toml(
    text: str, file: str, first_line: int = 1
) -> tuple[dict[str, Any] | None, Issue | None]:
    """Parse TOML, turning a syntax error into an issue with the file's line number."""
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) + first_line - 1 if match else None
        what = _TOML_POSITION.sub("", message).strip()
        return None, Issue(
            file,
            f"is not valid TOML: {what}",
            line,
            expected="TOML syntax",
            fix="check quotes, brackets and commas on that line",
        )


def split_front_matter(text: str, file: str) -> tuple[str, str, int] | Issue:
    """(header, body, first body line) of an article file, or the issue why not."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return Issue(
            file,
            f"does not start with a {FENCE} line",
            1,
            expected=f"a header between two {FENCE} lines, then the article text",
            fix="add the header; see articles/README.md",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return header, body, index + 2
    return Issue(file, f"has no closing {FENCE} line", 1, fix=f"end the header with a {FENCE} line")


def parse_article(path: Path, text: str) -> tuple[Article | None, list[Issue]]:
    """Build an Article from a file's text; every problem is returned as an issue."""
    file = path.name
    parts = split_front_matter(text, file)
    if isinstance(parts, Issue):
        return None, [parts]
    header, body, body_line = parts
    data, issue = parse_toml(header, file, first_line=2)
    if issue or data is None:
        return None, [issue] if issue else []
    reader = FieldReader(data, file, line=2)
    reader.unknown_keys(_ARTICLE_FIELDS)
    article_id = reader.text("id")
    if article_id is not None and article_id != path.stem:
        reader.problem(
            "id",
            f"{article_id!r} differs from the file name {path.stem!r}",
            fix=f"rename the file to {article_id}.txt or set id = {path.stem!r}",
        )
    outlet, headline = reader.text("outlet"), reader.text("headline")
    published = reader.date("published")
    basis = reader.choice("published_basis", DateBasis)
    reasoning = reader.text("published_reasoning")
    digest = reader.text("body_sha256", required=False)
    if digest is not None and hashlib.sha256(body.encode()).hexdigest() != digest:
        reader.problem(
            "body_sha256",
            "the article text has changed since it was brought in",
            "the text exactly as published",
            "restore the original text (articles are kept verbatim)",
        )
    if not body.strip():
        reader.problem("body", "the article text is empty", "the article text after the header")
    notes = tuple(
        note
        for key in ("headline_basis", "outlet_reasoning")
        if (note := reader.text(key, required=False))
    )
    if data.get("draft") is True:
        reader.issues.append(
            Issue(
                file,
                "is a draft article brought in by ingest",
                2,
                field="draft",
                expected="a reviewed article",
                fix="check outlet, headline and date, review its events, then delete draft = true",
                severity=Severity.REVIEW,
            )
        )
    if (
        article_id is None
        or outlet is None
        or headline is None
        or published is None
        or basis is None
        or reasoning is None
        or not body.strip()
    ):
        return None, reader.issues
    # Other problems (an edited text, an unknown key) are reported, but the article still shows.
    return Article(
        id=article_id,
        outlet=outlet,
        headline=headline,
        published=published,
        published_basis=basis,
        published_reasoning=reasoning,
        body=body,
        path=file,
        body_line=body_line,
        url=reader.text("url", required=False),
        seed=reader.text("seed", required=False),
        draft=data.get("draft") is True,
        notes=notes,
    ), reader.issues
