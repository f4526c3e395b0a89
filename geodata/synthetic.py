"""Synthetic stories of any size, in the articles folder format, for benchmarks and tests.

Places are points spread over Syria's bounding box (ids ``site-001`` ...); every article
body holds each sentence and quote its events cite, so ``python -m geodata check`` passes.
Deterministic: the same sizes and seed give the same files.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Syria's bounding box: (south, west), (north, east).
SYRIA_BOUNDS = ((32.5, 35.8), (37.2, 42.2))
FIRST_DAY = date(2024, 11, 20)
KINDS = ("military", "political", "diplomatic", "statement")
PLACE_KINDS = ("city", "city", "city", "naval_base", "air_base", "province")
EVENTS_PER_ARTICLE = 25


@dataclass(frozen=True, slots=True)
class Size:
    """How big a synthetic story is: events, places, and distinct story dates."""

    events: int
    places: int
    dates: int = 0  # 0: chosen from the number of events

    def __post_init__(self) -> None:
        if self.events < 1 or self.places < 1:
            raise ValueError(f"a story needs events and places, not {self.events}x{self.places}")
        if self.dates < 0:
            raise ValueError(f"dates must be 0 (automatic) or more, not {self.dates}")

    @property
    def stops(self) -> int:
        """Distinct day dates: about one per five events, at most two years of days."""
        return self.dates or max(1, min(self.events // 5 + 1, 730))

    @classmethod
    def parse(cls, text: str) -> Size:
        """'1000x50' (events x places), optionally 'x<dates>'."""
        parts = text.lower().split("x")
        if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
            raise ValueError(f"size {text!r} must look like EVENTSxPLACES, e.g. '1000x50'")
        return cls(*(int(p) for p in parts))


def place_id(number: int) -> str:
    return f"site-{number:03d}"


def _places_toml(size: Size, rng: random.Random) -> str:
    (south, west), (north, east) = SYRIA_BOUNDS
    tables = ["# Synthetic gazetteer: made by geodata.synthetic, not real places.\n"]
    for number in range(1, size.places + 1):
        kind = PLACE_KINDS[number % len(PLACE_KINDS)]
        lat, lon = rng.uniform(south, north), rng.uniform(west, east)
        tables.append(
            f'[[place]]\nid = "{place_id(number)}"\nname = "Site {number:03d}"\n'
            f'kind = "{kind}"\nlat = {lat:.4f}\nlon = {lon:.4f}\ncountry = "Syria"\n'
            f'description = "Synthetic place number {number}."\n'
            'coordinates_source = "synthetic: random point in Syria\'s bounding box"\n'
        )
    return "\n".join(tables)


def _event(number: int, when: date, places: list[str], article: str) -> tuple[str, str]:
    """An event's TOML and the sentence its article must print."""
    kind = KINDS[number % len(KINDS)]
    names = " and ".join(p.replace("site-", "Site ") for p in places)
    quote = f"Report {number} on {names} stands."
    # Who acted is named in the sentence and the day is in date_text, so the fidelity
    # checks of ``check`` find nothing to warn about.
    who = "A synthetic spokesperson" if kind == "statement" else f"Synthetic unit {number}"
    day = f"on {when:%d %B %Y}"
    sentence = f"{who} described event {number} at {names} {day}: “{quote}”"
    quote_line = f'quote = "{quote}"\n' if kind == "statement" else ""
    actor = f'actor = "{who}"\n'
    toml = (
        f'[[event]]\nid = "synthetic-event-{number:05d}"\nkind = "{kind}"\n'
        f'summary = "Synthetic event {number} at {names}."\ndate = "{when.isoformat()}"\n'
        f"places = {json.dumps(places)}\n{actor}\n"
        f'[[event.source]]\narticle = "{article}"\nsentence = "{sentence}"\n{quote_line}'
        f'date_text = "{day}"\n\n'
    )
    return toml, sentence


def write_story(folder: Path, size: Size, seed: int = 0) -> Path:
    """Write a synthetic story of ``size`` into ``folder`` (created if needed)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "places.toml").write_text(_places_toml(size, rng), encoding="utf-8")
    days = sorted(rng.sample(range(size.stops * 2), size.stops))
    dates = [FIRST_DAY + timedelta(days=d) for d in days]
    # Every date gets an event first, then the rest fall on random dates.
    whens = sorted(dates + [rng.choice(dates) for _ in range(size.events - len(dates))])
    ids = [place_id(n) for n in range(1, size.places + 1)]
    for start in range(0, size.events, EVENTS_PER_ARTICLE):
        article = f"synthetic-{start // EVENTS_PER_ARTICLE + 1:04d}"
        tomls, sentences = [], []
        for number in range(start, min(start + EVENTS_PER_ARTICLE, size.events)):
            places = rng.sample(ids, min(len(ids), rng.choice((1, 1, 1, 2, 3))))
            toml, sentence = _event(number + 1, whens[number], places, article)
            tomls.append(toml)
            sentences.append(sentence)
        published = whens[min(start + EVENTS_PER_ARTICLE, size.events) - 1]
        header = (
            f'+++\nid = "{article}"\noutlet = "Synthetic Wire"\n'
            f'headline = "Synthetic report {article}"\npublished = "{published.isoformat()}"\n'
            'published_basis = "stated"\npublished_reasoning = "Synthetic: the last event\'s date."'
            "\n+++\n"
        )
        (folder / f"{article}.txt").write_text(header + "\n".join(sentences) + "\n", "utf-8")
        (folder / f"{article}.events.toml").write_text("\n".join(tomls), encoding="utf-8")
    return folder
