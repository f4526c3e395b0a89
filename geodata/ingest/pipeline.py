"""Bringing a new article into the folder with a draft annotation of what it tells.

All or nothing: every check runs before the first write, the files are written with
tomlkit (valid TOML whatever the text holds), and any failure or interruption (Ctrl-C, a
signal) while writing puts back what was there.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Table

from geodata.dates import StoryDate
from geodata.errors import IngestError, IngestInterrupted, Issue
from geodata.files import TOML_LIMIT, os_fix, read_bounded, read_only, read_text, write_atomic
from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import GeocodedPlace
from geodata.ingest.mentions import Geocode
from geodata.ingest.proposals import Proposal, ProposedEvent, propose
from geodata.models import ID_MAX, ID_RULE, id_problem, slug
from geodata.story import ARTICLE_SUFFIX, EVENTS_SUFFIX, PLACES_FILE, read_story

MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Ingested:
    """What an ingest wrote: the files and what was proposed."""

    article: Path
    events: Path
    proposal: Proposal
    new_places: tuple[str, ...]


def _refusal(path: Path, issue: Issue) -> IngestError:
    text = f"{path}: {issue.problem}"
    text += f"; expected {issue.expected}" if issue.expected else ""
    return IngestError(text + (f". Fix: {issue.fix}" if issue.fix else ""))


def read_input(path: Path) -> str:
    """The article's text; IngestError naming the file, the problem and the fix.

    The size is checked before reading and at most ``MAX_BYTES + 1`` bytes are read, so
    ``/dev/zero`` or a huge file is refused at once; only a regular file is read.
    """
    data, issue = read_bounded(path, MAX_BYTES, special_fix="give the article's text file")
    if data is None:
        raise _refusal(
            path,
            Issue(
                file=path.name,
                problem=issue.problem if issue else "cannot be read",
                expected="one news article as a UTF-8 text file of at most 1 MB",
                fix=issue.fix if issue else None,
            ),
        )
    if b"\x00" in data[:8192]:
        raise IngestError(
            f"{path}: looks binary (it holds NUL bytes); expected plain UTF-8 text. "
            "Fix: copy the article's text into a .txt file"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"{path}: is not UTF-8 (byte {data[error.start]:#04x} at offset {error.start}); "
            "expected UTF-8 text. Fix: re-save the file as UTF-8"
        ) from None
    if not text.strip():
        raise IngestError(
            f"{path}: is empty; expected the article's text. Fix: paste the article into it"
        )
    return text.replace("\r\n", "\n")


def article_id(outlet: str, published: date) -> str:
    return f"{slug(outlet, 30, 'article')}-{published.isoformat()}"


def _check_id(key: str) -> None:
    problem = id_problem(key)
    if problem is not None:
        better = slug(key, ID_MAX, "")
        raise IngestError(
            f"--id {key!r} {problem}; expected {ID_RULE} (the id becomes the file name "
            f"<id>.txt inside the articles folder). Fix: "
            + (f"--id {better}" if better else "choose an id such as reuters-2025-01-14")
        )


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise IngestError(
            f"{folder}: {what}; expected the articles folder (the one holding places.toml). "
            "Fix: pass --folder with that folder"
        )


def _check_writable(paths: list[Path]) -> None:
    for path in paths:
        if read_only(path):
            raise IngestError(
                f"{path}: is read-only; expected a file ingest may change. Fix: make it "
                f"writable (chmod u+w {path}) if you mean it to be changed, then run again"
            )


def ingest(
    source: Path,
    folder: Path,
    *,
    outlet: str,
    published: date,
    headline: str | None = None,
    article: str | None = None,
    geocode: Geocode | None = None,
) -> Ingested:
    """Store ``source`` in ``folder`` as a draft article with proposed events and places."""
    body = read_input(source)
    if not outlet.strip():
        raise IngestError("--outlet is empty; expected the outlet's name, e.g. --outlet Reuters")
    _check_folder(folder)
    key = article if article is not None else article_id(outlet, published)
    _check_id(key)
    target, events_path = folder / f"{key}{ARTICLE_SUFFIX}", folder / f"{key}{EVENTS_SUFFIX}"
    for path in (target, events_path):
        if path.exists():
            raise IngestError(
                f"{path}: already exists; expected a new article id. "
                "Fix: pass --id with another id, or remove the old files first"
            )
    reading = read_story(folder)
    story = reading.story
    gazetteer = Gazetteer(story.places.values())
    # Dates relative to the publication day ("yesterday", "next week", "late last year")
    # must stay inside the calendar: a real article is not published in year 1 or 9999.
    if not date(2, 1, 1) <= published <= date(9998, 12, 31):
        raise IngestError(
            f"--published {published.isoformat()}: the dates the text gives relative to it "
            '("yesterday", "next week") fall outside the calendar (years 1 to 9999); '
            "expected the article's real publication date. Fix: check --published"
        )
    proposal = propose(body, published, gazetteer, story.events, geocode, prefix=key)
    if not proposal.mentions:
        raise IngestError(
            f"{source}: names no place the gazetteer ({folder / PLACES_FILE}) or the offline "
            "geocoder knows; expected at least one place. Fix: add the place to places.toml "
            "(see articles/README.md), or use --online to ask Nominatim"
        )
    title = headline or _first_line(body)
    places_path = folder / PLACES_FILE
    new_places = _place_ids(proposal, set(story.places))
    writes = {
        target: _article_text(key, outlet, title, published, source, body),
        events_path: render_events(key, proposal, new_places),
    }
    if new_places:
        old: str | None = ""
        if places_path.exists() or places_path.is_symlink():
            old, issue = read_text(places_path, TOML_LIMIT, folder)
        if old is None:
            raise (
                _refusal(places_path, issue) if issue else IngestError(f"{places_path}: unreadable")
            )
        # Appended as text: the file's comments and layout stay exactly as they were.
        writes[places_path] = old.rstrip("\n") + "\n" + render_places(key, proposal, new_places)
    _check_writable(list(writes))
    _write_all(writes)
    return Ingested(target, events_path, proposal, tuple(new_places.values()))


def _first_line(body: str) -> str:
    line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return line if len(line) <= 200 else line[:199] + "…"


def _place_ids(proposal: Proposal, taken: set[str]) -> dict[str, str]:
    """The id each new place gets in the gazetteer, by its mention key."""
    ids: dict[str, str] = {}
    for key in proposal.new_places:
        base = slug(key, 40, "place")
        candidate, number = base, 2
        while candidate in taken or candidate in ids.values():
            candidate, number = f"{base}-{number}", number + 1
        ids[key] = candidate
    return ids


def _article_text(
    key: str, outlet: str, headline: str, published: date, source: Path, body: str
) -> str:
    header = tomlkit.document()
    header.update(
        {
            "id": key,
            "outlet": outlet,
            "headline": headline,
            "published": StoryDate.day(published).code,
            "published_basis": "stated",
            "published_reasoning": (
                "Given on the command line (--published) by whoever ingested the article."
            ),
            "seed": source.name,
            "body_sha256": hashlib.sha256(body.encode()).hexdigest(),
            "draft": True,
        }
    )
    return "+++\n" + tomlkit.dumps(header) + "+++\n" + body


def render_events(key: str, proposal: Proposal, new_places: dict[str, str]) -> str:
    document = tomlkit.document()
    document.add(
        tomlkit.comment(
            f"Draft events proposed by `python -m geodata ingest` from {key}{ARTICLE_SUFFIX}."
        )
    )
    document.add(
        tomlkit.comment(
            "Review each: fix kind, date and places, write the summary, then delete draft = true."
        )
    )
    document.add(tomlkit.comment("Places the article names (each event lists those it is about):"))
    for line in proposal.place_lines():
        document.add(tomlkit.comment(f"  {line}"))
    events = tomlkit.aot()
    for event in proposal.events:
        events.append(_event_table(key, event, new_places))
    if proposal.events:
        document.add(tomlkit.nl())
        document.add("event", events)
    return tomlkit.dumps(document)


def _event_table(key: str, event: ProposedEvent, new_places: dict[str, str]) -> Table:
    table = tomlkit.table()
    for reason in event.reasons:
        table.add(tomlkit.comment(f"proposed: {reason}"))
    table.update(
        {
            "id": event.id,
            "kind": event.kind.value,
            "summary": "",
            "date": event.when.code,
            "places": [new_places.get(place, place) for place in event.places],
        }
    )
    optional = {"actor": event.actor, "role": event.role, "same_as": event.same_as}
    table.update({name: value for name, value in optional.items() if value})
    table.add("draft", True)
    sources: AoT = tomlkit.aot()
    for source in event.sources:
        fields = {"article": key, "sentence": source.sentence}
        fields |= {"quote": source.quote} if source.quote else {}
        fields |= {"date_text": source.date_text} if source.date_text else {}
        entry = tomlkit.table()
        entry.update(fields)
        sources.append(entry)
    table.add("source", sources)
    return table


def render_places(key: str, proposal: Proposal, new_places: dict[str, str]) -> str:
    """The new places as ``[[place]]`` tables, to append to places.toml."""
    places = tomlkit.aot()
    for mention_key, place_id in new_places.items():
        place: GeocodedPlace = proposal.new_places[mention_key]
        spellings = proposal.spellings(mention_key)
        written = spellings[0]
        table = tomlkit.table()
        table.update(
            {
                "id": place_id,
                "name": place.name,
                "kind": place.kind.value,
                "lat": place.latlon.lat,
                "lon": place.latlon.lon,
                "country": place.country,
                "aliases": [name for name in spellings if name != place.name],
                "description": f"Proposed by ingest: {key} names it {written!r}.",
                "coordinates_source": place.source,
                "draft": True,
            }
        )
        places.append(table)
    document = tomlkit.document()
    document.add("place", places)
    return "\n" + tomlkit.dumps(document)


def _write_all(writes: dict[Path, str]) -> None:
    """Write every file or none: on any failure or interruption, restore what was there."""
    done: list[tuple[Path, str | None]] = []
    path: Path | None = None
    try:
        for path, text in writes.items():
            before = path.read_text(encoding="utf-8") if path.exists() else None
            write_atomic(path, text)
            done.append((path, before))
    except BaseException as error:
        _roll_back(done)
        if isinstance(error, OSError):
            raise IngestError(
                f"{path}: cannot be written ({error.strerror or error}); nothing was changed. "
                f"Fix: {os_fix(error, writing=True)}"
            ) from None
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise IngestInterrupted("interrupted, nothing changed") from None
        raise


def _roll_back(done: list[tuple[Path, str | None]]) -> None:
    """Put back each file as it was, newest first (a second Ctrl-C does not stop this)."""
    failed: list[str] = []
    for path, before in reversed(done):
        while True:
            try:
                if before is None:
                    path.unlink(missing_ok=True)
                else:
                    write_atomic(path, before)
                break
            except KeyboardInterrupt:
                continue
            except OSError as error:
                failed.append(f"{path} ({error.strerror or error})")
                break
    if failed:
        raise IngestError(
            "writing failed and these files could not be put back: "
            + ", ".join(failed)
            + ". Fix: restore them from your copy (git checkout, a backup)"
        )
