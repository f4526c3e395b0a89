"""Reading article files: a TOML header between ``+++`` lines, then the verbatim text."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from geodata.errors import FieldError, Issue, Severity
from geodata.fields import FieldReader, bidi_issues
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


def parse_toml(
    text: str, file: str, first_line: int = 1
) -> tuple[dict[str, Any] | None, Issue | None]:
    """Parse TOML, turning a syntax error into an issue with the file's line number."""
    try:
        return tomllib.loads(text), None
    except RecursionError:
        return None, Issue(
            file=file,
            problem="is not valid TOML: its lists or tables nest too deeply to read",
            expected="TOML as articles/README.md shows it, nested a few levels at most",
            fix="remove the deeply nested brackets",
        )
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) + first_line - 1 if match else None
        what = _TOML_POSITION.sub("", message).strip()
        return None, Issue(
            file=file,
            problem=f"is not valid TOML: {what}",
            line=line,
            expected="TOML syntax",
            fix="check quotes, brackets and commas on that line",
        )


def split_front_matter(text: str, file: str) -> tuple[str, str, int] | Issue:
    """(header, body, first body line) of an article file, or the issue why not."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return Issue(
            file=file,
            problem=f"does not start with a {FENCE} line",
            line=1,
            expected=f"a header between two {FENCE} lines, then the article text",
            fix="add the header; see articles/README.md",
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return header, body, index + 2
    return Issue(
        file=file,
        problem=f"has no closing {FENCE} line",
        line=1,
        fix=f"end the header with a {FENCE} line",
    )


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
    article_id = reader.ident("id")
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
                file=file,
                problem="is a draft article brought in by ingest",
                line=2,
                field="draft",
                expected="a reviewed article",
                fix="check outlet, headline and date, review its events, then delete draft = true",
                severity=Severity.REVIEW,
            )
        )
    url = _url(reader)
    reader.issues.extend(bidi_issues(data, file, 2, None))
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
    try:
        article = Article(
            id=article_id,
            outlet=outlet,
            headline=headline,
            published=published,
            published_basis=basis,
            published_reasoning=reasoning,
            body=body,
            path=file,
            body_line=body_line,
            url=url,
            seed=reader.text("seed", required=False),
            draft=data.get("draft") is True,
            notes=notes,
        )
    except FieldError as error:
        reader.problem(error.field, str(error), error.expected)
        return None, reader.issues
    return article, reader.issues


def _url(reader: FieldReader) -> str | None:
    """The article's address, if it is a web address (http or https) with a host."""
    url = reader.text("url", required=False)
    if url is None:
        return None
    try:
        parts = urlsplit(url.strip())
        scheme, host = parts.scheme.casefold(), parts.hostname
    except ValueError:
        scheme, host = "", None
    if scheme in ("http", "https") and host:
        return url.strip()
    reader.problem(
        "url",
        f"{url!r} is not a web address",
        "an address starting with https:// or http://",
        "copy the article's address from the browser, or leave url out",
    )
    return None
