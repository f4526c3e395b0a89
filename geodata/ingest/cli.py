"""The ``ingest`` command: arguments, the geocoders it may use, and its report."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from geodata.errors import IngestError
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


def run_ingest(args: argparse.Namespace) -> int:
    online = None
    if args.online:
        online = CachedNominatim(
            args.geocode_cache or args.folder / CACHE_FILE,
            domain=args.nominatim_domain,
            scheme=args.nominatim_scheme,
        )
    try:
        done = ingest(
            args.path,
            args.folder,
            outlet=args.outlet,
            published=args.published,
            headline=args.headline,
            article=args.article,
            geocode=geocoder(online),
        )
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
