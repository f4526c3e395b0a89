"""Reading and checking event annotations against the articles and the gazetteer."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from geodata.errors import FieldError, Issue, Severity, did_you_mean, shown
from geodata.fields import FieldReader, IdLines, bidi_issues, tables
from geodata.gazetteer import Gazetteer
from geodata.models import Acceptance, Article, Event, EventKind, Source
from geodata.text import SearchableText

_EVENT_FIELDS = {
    "id",
    "kind",
    "summary",
    "date",
    "places",
    "actor",
    "role",
    "note",
    "source",
    "draft",
    "indirect",
    "same_as",
    "accept",
}
_ACCEPT_FIELDS = {"check", "reason", "on"}
_SOURCE_FIELDS = {"article", "sentence", "quote", "date_text", "note"}


@dataclass(frozen=True, slots=True)
class Context:
    """What events are checked against: the articles (searchable) and the gazetteer."""

    articles: Mapping[str, Article]
    texts: Mapping[str, SearchableText]
    gazetteer: Gazetteer

    @classmethod
    def of(cls, articles: Mapping[str, Article], gazetteer: Gazetteer) -> Context:
        texts = {key: SearchableText.of(article.body) for key, article in articles.items()}
        return cls(articles, texts, gazetteer)


def parse_events(
    data: Mapping[str, Any], file: str, raw: str, context: Context
) -> tuple[list[Event], list[Issue]]:
    """Every valid event of a parsed events file, and an issue for every problem."""
    found, issues = tables(data, "event", file, "event")
    events: list[Event] = []
    lines = IdLines(raw)
    for number, table in enumerate(found, 1):
        event_id = table.get("id") if isinstance(table.get("id"), str) else None
        reader = FieldReader(
            table, file, lines.next(event_id), event=event_id or f"#{number} (no id)"
        )
        event = _read_event(reader, context)
        issues.extend(reader.issues)
        # Flagged, but the event still shows: the page isolates each text's direction.
        issues.extend(bidi_issues(table, file, reader.line, reader.event))
        if event is not None:
            events.append(event)
    return events, issues


def _read_event(reader: FieldReader, context: Context) -> Event | None:
    reader.unknown_keys(_EVENT_FIELDS)
    event_id = reader.ident("id")
    kind = reader.choice("kind", EventKind)
    draft = reader.table.get("draft", False) is True
    summary = _draft_summary(reader) if draft else reader.text("summary")
    when = reader.date("date")
    places = _read_places(reader, context.gazetteer)
    sources = _read_sources(reader, context)
    actor = reader.text("actor", required=False)
    role = reader.text("role", required=False)
    accepted = _read_accepted(reader)
    indirect = reader.table.get("indirect", False) is True
    if (
        kind is EventKind.STATEMENT
        and sources
        and not indirect
        and not any(s.quote for s in sources)
    ):
        reader.problem(
            "source",
            "a statement has no quote",
            "a quote on at least one source",
            'add quote = "..." to its source, or indirect = true when the article '
            "reports it only in its own words",
        )
    if event_id is None or kind is None or summary is None or when is None:
        return None
    errors = [issue for issue in reader.issues if issue.severity is Severity.ERROR]
    if not places or not sources or errors:
        return None
    try:
        return Event(
            id=event_id,
            kind=kind,
            summary=summary,
            when=when,
            places=places,
            sources=sources,
            actor=actor,
            role=role,
            note=reader.text("note", required=False),
            file=reader.file,
            line=reader.line,
            draft=draft,
            indirect=indirect,
            same_as=reader.text("same_as", required=False),
            accepted=accepted,
        )
    except FieldError as error:
        reader.problem(error.field, str(error), error.expected)
        return None


def _read_accepted(reader: FieldReader) -> tuple[Acceptance, ...]:
    """``accept = [{check = "...", reason = "..."}]``: warnings judged and kept, with why."""
    tables = reader.table.get("accept", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        reader.problem(
            "accept",
            f"{tables!r} is not a list of tables",
            '[{check = "...", reason = "..."}]',
            'write each accepted warning as {check = "<check>", reason = "<why>"}',
        )
        return ()
    accepted: list[Acceptance] = []
    for number, table in enumerate(tables, 1):
        sub = FieldReader(table, reader.file, reader.line, reader.event, f"accept[{number}].")
        sub.unknown_keys(_ACCEPT_FIELDS)
        check, reason = sub.text("check"), sub.text("reason")
        reader.issues.extend(sub.issues)
        if check is not None and reason is not None:
            accepted.append(Acceptance(check, reason, sub.text("on", required=False)))
    return tuple(accepted)


def _draft_summary(reader: FieldReader) -> str | None:
    """Drafts may leave the summary empty; each draft is listed as needing review."""
    same_as = reader.text("same_as", required=False)
    fix = "review kind, date, places and sources, then delete draft = true"
    if same_as:
        fix = (
            f"if it is the same as event {same_as!r}, move its [[event.source]] there and delete it"
        )
    reader.issues.append(
        Issue(
            file=reader.file,
            problem="is a draft proposed by ingest",
            line=reader.line,
            event=reader.event,
            expected="a reviewed event",
            fix=fix,
            severity=Severity.REVIEW,
        )
    )
    if reader.table.get("summary") == "":
        reader.issues.append(
            Issue(
                file=reader.file,
                problem="the summary is empty",
                line=reader.line,
                event=reader.event,
                field="summary",
                fix="write a one-sentence summary in your own words",
                severity=Severity.REVIEW,
            )
        )
        return ""
    return reader.text("summary")


def _read_places(reader: FieldReader, gazetteer: Gazetteer) -> tuple[str, ...]:
    names = reader.texts("places")
    resolved: list[str] = []
    for name in names:
        place = gazetteer.places.get(name)
        if place is not None:
            resolved.append(place.id)
            continue
        similar = gazetteer.find(name)
        hint = did_you_mean((similar.id,) if similar else gazetteer.suggest(name))
        reader.problem(
            "places",
            f"{shown(name)} is not in the gazetteer",
            "a place id from places.toml",
            hint or "add the place to places.toml",
        )
    return tuple(dict.fromkeys(resolved))


def _read_sources(reader: FieldReader, context: Context) -> tuple[Source, ...]:
    found = reader.table.get("source")
    if not isinstance(found, list) or not found:
        reader.problem(
            "source",
            "is missing" if found in (None, []) else f"{shown(found)} is not a list of tables",
            "one or more [[event.source]] tables",
            "add [[event.source]] with article and sentence",
        )
        return ()
    sources: list[Source] = []
    for number, table in enumerate(found, 1):
        if not isinstance(table, dict):
            reader.problem(
                f"source[{number}]",
                f"{shown(table)} is not a table",
                "an [[event.source]] table with article and sentence",
                "write each source as an [[event.source]] table",
            )
            continue
        sub = FieldReader(table, reader.file, reader.line, reader.event, f"source[{number}].")
        source = _read_source(sub, context)
        reader.issues.extend(sub.issues)
        if source is not None:
            sources.append(source)
    return tuple(sources)


def _read_source(reader: FieldReader, context: Context) -> Source | None:
    reader.unknown_keys(_SOURCE_FIELDS)
    article_id, sentence = reader.text("article"), reader.text("sentence")
    quote = reader.text("quote", required=False)
    if article_id is None or sentence is None:
        return None
    article = context.articles.get(article_id)
    if article is None:
        close = difflib.get_close_matches(article_id, context.articles, n=1)
        reader.problem(
            "article",
            f"{shown(article_id)} is not an article of this folder",
            "the id of an article file",
            did_you_mean(close) or "check the id",
        )
        return None
    text = context.texts[article_id]
    offset = text.find(sentence)
    if offset is None:
        reader.problem(
            "sentence",
            f"{_short(sentence)!r} is not in {article.path}",
            "a sentence copied exactly from the article",
            "copy the sentence from the article again",
        )
    if quote is not None and text.find(quote) is None:
        reader.problem(
            "quote",
            f"{_short(quote)!r} does not appear verbatim in {article.path}",
            "the quoted words exactly as the article prints them",
            "copy the quote from the article again",
        )
    return Source(
        article=article_id,
        sentence=sentence,
        quote=quote,
        date_text=reader.text("date_text", required=False),
        note=reader.text("note", required=False),
        line=None if offset is None else article.line_at(offset),
    )


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
