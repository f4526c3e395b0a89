"""Bringing a new article into the folder with a draft annotation of what it tells."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geodata.dates import DatePrecision, StoryDate
from geodata.errors import IngestError
from geodata.files import write_atomic
from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import GeocodedPlace
from geodata.ingest.mentions import Geocode
from geodata.ingest.proposals import Proposal, ProposedEvent, propose
from geodata.story import ARTICLE_SUFFIX, EVENTS_SUFFIX, PLACES_FILE, read_story

MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Ingested:
    """What an ingest wrote: the files and what was proposed."""

    article: Path
    events: Path
    proposal: Proposal
    new_places: tuple[str, ...]


def read_input(path: Path) -> str:
    """The article's text; IngestError naming the file, the problem and the fix."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(
            f"{path}: cannot be read ({error.strerror}); give an existing file"
        ) from None
    if len(data) > MAX_BYTES:
        raise IngestError(
            f"{path}: is {len(data) / 1e6:.1f} MB; expected one news article of at most "
            f"{MAX_BYTES // 1_000_000} MB of text. Fix: check it is the right file, or split it"
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
    slug = "-".join(re.findall(r"[a-z0-9]+", outlet.casefold()))[:30].strip("-")
    return f"{slug or 'article'}-{published.isoformat()}"


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
    key = article or article_id(outlet, published)
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
        old = places_path.read_text(encoding="utf-8") if places_path.exists() else ""
        writes[places_path] = old.rstrip("\n") + "\n" + render_places(key, proposal, new_places)
    _write_all(writes)
    return Ingested(target, events_path, proposal, tuple(new_places.values()))


def _first_line(body: str) -> str:
    line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return line if len(line) <= 200 else line[:199] + "…"


def _place_ids(proposal: Proposal, taken: set[str]) -> dict[str, str]:
    """The id each new place gets in the gazetteer, by its mention key."""
    ids: dict[str, str] = {}
    for key in proposal.new_places:
        base = "-".join(re.findall(r"[a-z0-9]+", key)) or "place"
        candidate, number = base, 2
        while candidate in taken or candidate in ids.values():
            candidate, number = f"{base}-{number}", number + 1
        ids[key] = candidate
    return ids


def _q(text: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def _article_text(
    key: str, outlet: str, headline: str, published: date, source: Path, body: str
) -> str:
    day = StoryDate(published, published, DatePrecision.DAY)
    header = [
        f"id = {_q(key)}",
        f"outlet = {_q(outlet)}",
        f"headline = {_q(headline)}",
        f"published = {_q(day.code)}",
        'published_basis = "stated"',
        "published_reasoning = "
        + _q("Given on the command line (--published) by whoever ingested the article."),
        f"seed = {_q(source.name)}",
        f"body_sha256 = {_q(hashlib.sha256(body.encode()).hexdigest())}",
        "draft = true",
    ]
    return "+++\n" + "\n".join(header) + "\n+++\n" + body


def render_events(key: str, proposal: Proposal, new_places: dict[str, str]) -> str:
    lines = [
        f"# Draft events proposed by `python -m geodata ingest` from {key}{ARTICLE_SUFFIX}.",
        "# Review each: fix kind, date and places, write the summary, then delete draft = true.",
        "# Places the article names (each event lists the ones it is about):",
        *(f"#   {line}" for line in proposal.place_lines()),
    ]
    for event in proposal.events:
        lines += ["", *_event_lines(key, event, new_places)]
    return "\n".join(lines) + "\n"


def _event_lines(key: str, event: ProposedEvent, new_places: dict[str, str]) -> list[str]:
    places = [new_places.get(place, place) for place in event.places]
    lines = [f"# proposed: {reason}" for reason in event.reasons]
    lines += [
        "[[event]]",
        f"id = {_q(event.id)}",
        f"kind = {_q(event.kind.value)}",
        'summary = ""',
        f"date = {_q(event.when.code)}",
        f"places = [{', '.join(map(_q, places))}]",
    ]
    lines += [f"actor = {_q(event.actor)}"] if event.actor else []
    lines += [f"role = {_q(event.role)}"] if event.role else []
    lines += [f"same_as = {_q(event.same_as)}"] if event.same_as else []
    lines.append("draft = true")
    for source in event.sources:
        lines += [
            "",
            "[[event.source]]",
            f"article = {_q(key)}",
            f"sentence = {_q(source.sentence)}",
        ]
        lines += [f"quote = {_q(source.quote)}"] if source.quote else []
        lines += [f"date_text = {_q(source.date_text)}"] if source.date_text else []
    return lines


def render_places(key: str, proposal: Proposal, new_places: dict[str, str]) -> str:
    blocks: list[str] = []
    found = {m.key: m.text for m in proposal.mentions}
    for mention_key, place_id in new_places.items():
        place: GeocodedPlace = proposal.new_places[mention_key]
        written = found[mention_key]
        aliases = [written] if written != place.name else []
        blocks.append(
            "\n".join(
                [
                    "",
                    "[[place]]",
                    f"id = {_q(place_id)}",
                    f"name = {_q(place.name)}",
                    f"kind = {_q(place.kind.value)}",
                    f"lat = {place.latlon.lat}",
                    f"lon = {place.latlon.lon}",
                    f"country = {_q(place.country)}",
                    f"aliases = [{', '.join(map(_q, aliases))}]",
                    f"description = {_q(f'Proposed by ingest: {key} names it {written!r}.')}",
                    f"coordinates_source = {_q(place.source)}",
                    "draft = true",
                ]
            )
        )
    return "\n".join(blocks) + "\n"


def _write_all(writes: dict[Path, str]) -> None:
    """Write every file or none: on a failure, restore what was already replaced."""
    done: list[tuple[Path, str | None]] = []
    try:
        for path, text in writes.items():
            before = path.read_text(encoding="utf-8") if path.exists() else None
            write_atomic(path, text)
            done.append((path, before))
    except OSError as error:
        for path, before in reversed(done):
            if before is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, before)
        raise IngestError(
            f"{error.filename}: cannot be written ({error.strerror}); nothing was changed"
        ) from None
