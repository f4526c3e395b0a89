"""The ``ingest`` command: arguments, the geocoders it may use, and its report."""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from geodata.errors import IngestError, IngestInterrupted
from geodata.ingest.geocoding import CachedNominatim, GeocodedPlace, offline_place
from geodata.ingest.mentions import Geocode
from geodata.ingest.pipeline import ingest
from geodata.story import DEFAULT_FOLDER

CACHE_FILE = ".geocode-cache.json"


def add_ingest_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "ingest", help="store a new article with a draft annotation of its places, dates, quotes"
    )
    parser.add_argument("path", type=Path, help="the article's text, UTF-8")
    parser.add_argument("--outlet", required=True, help="who published it, e.g. Reuters")
    parser.add_argument("--published", required=True, type=_day, help="YYYY-MM-DD")
    parser.add_argument("--headline", help="default: the text's first line")
    parser.add_argument("--id", dest="article", help="article id; default <outlet>-<published>")
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument(
        "--online", action="store_true", help="also ask OpenStreetMap Nominatim (off by default)"
    )
    parser.add_argument("--nominatim-domain", default="nominatim.openstreetmap.org")
    parser.add_argument("--nominatim-scheme", default="https", choices=("https", "http"))
    parser.add_argument("--geocode-cache", type=Path, help=f"default: <folder>/{CACHE_FILE}")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day; expected YYYY-MM-DD, e.g. 2024-12-16"
        ) from None


def geocoder(online: CachedNominatim | None) -> Geocode:
    """Offline GeoNames first; Nominatim only for what it does not know."""

    def find(name: str) -> GeocodedPlace | None:
        return offline_place(name) or (online(name) if online is not None else None)

    return find


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP stop ingest like Ctrl-C does, so its rollback runs for them too."""

    def interrupt(number: int, frame: object) -> None:
        raise KeyboardInterrupt(signal.Signals(number).name)

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return
    previous = {
        number: signal.signal(number, interrupt) for number in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def run_ingest(args: argparse.Namespace) -> int:
    online = None
    if args.online:
        online = CachedNominatim(
            args.geocode_cache or args.folder / CACHE_FILE,
            domain=args.nominatim_domain,
            scheme=args.nominatim_scheme,
        )
    try:
        with _signals_interrupt():
            done = ingest(
                args.path,
                args.folder,
                outlet=args.outlet,
                published=args.published,
                headline=args.headline,
                article=args.article,
                geocode=geocoder(online),
            )
    except (IngestInterrupted, KeyboardInterrupt):
        print("interrupted, nothing changed")
        return 130
    except IngestError as error:
        print(f"ingest failed, nothing was changed: {error}")
        return 1
    proposal = done.proposal
    print(f"wrote {done.article} (draft) and {done.events}")
    print(
        f"proposed: {len({m.key for m in proposal.mentions})} places, "
        f"{len(proposal.timexes)} dates, {len(proposal.quotes)} quotes, "
        f"{len(proposal.events)} draft events"
    )
    for place_id in done.new_places:
        print(f"new draft place in places.toml: {place_id}")
    for failure in online.failures if online else []:
        print(f"warning: {failure}")
    print("next: review the drafts (python -m geodata check), then delete draft = true")
    return 0
