"""Reading a whole articles folder into a Story, keeping everything valid and every problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geodata.articles import parse_article, parse_toml
from geodata.errors import DataError, Issue, Severity
from geodata.events import Context, parse_events
from geodata.files import ARTICLE_LIMIT, TOML_LIMIT, read_text
from geodata.gazetteer import Gazetteer, parse_places
from geodata.models import Article, Event, Place, Story

PLACES_FILE = "places.toml"
ARTICLE_SUFFIX = ".txt"
EVENTS_SUFFIX = ".events.toml"
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "articles"


@dataclass(frozen=True, slots=True)
class Reading:
    """The valid part of a folder and the problems found in the rest."""

    story: Story
    issues: tuple[Issue, ...]

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)


def read_story(folder: Path) -> Reading:
    """Read every file of ``folder``; never raises for bad data, returns the issues."""
    issues: list[Issue] = []
    if not folder.is_dir():
        issue = Issue(
            file=str(folder),
            problem="is not a folder" if folder.exists() else "does not exist",
            expected="the articles folder",
            fix="pass the folder that holds places.toml and the articles",
        )
        return Reading(Story(), (issue,))
    places = _read_places(folder / PLACES_FILE, issues)
    articles = _read_articles(folder, issues)
    context = Context.of(articles, Gazetteer(places))
    events: dict[str, Event] = {}
    for path in sorted(folder.glob("*" + EVENTS_SUFFIX)):
        for event in _read_events(path, folder, context, issues):
            first = events.get(event.id)
            if first is not None:
                issues.append(
                    Issue(
                        file=path.name,
                        problem=f"event id {event.id!r} is used twice",
                        line=event.line,
                        event=event.id,
                        field="id",
                        expected="unique event ids",
                        fix=f"rename one; the other is in {first.file}:{first.line}",
                    )
                )
                continue
            events[event.id] = event
    issues.extend(_unknown_same_as(events))
    ordered = tuple(sorted(events.values(), key=lambda e: (e.when, e.id)))
    story = Story(places={p.id: p for p in places}, articles=articles, events=ordered)
    return Reading(story, tuple(issues))


def _unknown_same_as(events: dict[str, Event]) -> list[Issue]:
    """A draft that says it repeats an event must name one that exists."""
    return [
        Issue(
            file=event.file,
            problem=f"{event.same_as!r} is not the id of an event",
            line=event.line,
            event=event.id,
            field="same_as",
            expected="the id of the event this draft repeats",
            fix="correct the id, or remove same_as if the draft is a new event",
        )
        for event in events.values()
        if event.same_as is not None and event.same_as not in events
    ]


def load_story(folder: Path) -> Story:
    """The whole story of ``folder``; raise DataError listing every problem if there are any."""
    reading = read_story(folder)
    if reading.errors:
        count = len(reading.errors)
        raise DataError(f"{folder}: {count} problem(s) in the data", reading.errors)
    return reading.story


def _read_toml(path: Path, folder: Path, issues: list[Issue]) -> tuple[dict[str, Any], str] | None:
    """A TOML file's data and text, or None with the reason added to ``issues``."""
    text, issue = read_text(path, TOML_LIMIT, folder)
    data, issue = (None, issue) if text is None else parse_toml(text, path.name)
    if data is None or text is None:
        issues.extend([issue] if issue else [])
        return None
    return data, text


def _read_places(path: Path, issues: list[Issue]) -> list[Place]:
    if not path.exists() and not path.is_symlink():
        issues.append(
            Issue(
                file=path.name,
                problem="is missing",
                expected="the gazetteer of places",
                fix=f"create {PLACES_FILE} (see articles/README.md)",
            )
        )
        return []
    read = _read_toml(path, path.parent, issues)
    if read is None:
        return []
    places, found = parse_places(read[0], path.name, read[1])
    issues.extend(found)
    return places


def _read_articles(folder: Path, issues: list[Issue]) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for path in sorted(folder.glob("*" + ARTICLE_SUFFIX)):
        text, issue = read_text(path, ARTICLE_LIMIT, folder)
        if text is None:
            issues.extend([issue] if issue else [])
            continue
        article, found = parse_article(path, text)
        issues.extend(found)
        if article is None:
            continue
        if article.id in articles:
            issues.append(
                Issue(
                    file=path.name,
                    problem=f"article id {article.id!r} is used twice",
                    line=2,
                    field="id",
                    fix="give each article its own id",
                )
            )
            continue
        articles[article.id] = article
    return articles


def _read_events(path: Path, folder: Path, context: Context, issues: list[Issue]) -> list[Event]:
    read = _read_toml(path, folder, issues)
    if read is None:
        return []
    events, found = parse_events(read[0], path.name, read[1], context)
    issues.extend(found)
    return events
