"""Command line: ``python -m geodata check|export [DIR]`` and ``ingest PATH``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geodata.export import to_csv, to_json
from geodata.ingest.cli import add_ingest_parser, run_ingest
from geodata.story import DEFAULT_FOLDER, read_story


def build_parser() -> argparse.ArgumentParser:
    """The ``geodata`` command line: check, export and ingest."""
    parser = argparse.ArgumentParser(prog="geodata", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a folder and list every problem")
    check.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    export = commands.add_parser("export", help="print every event as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    add_ingest_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "ingest":
        return run_ingest(args)

    reading = read_story(args.folder)
    for issue in reading.issues:
        print(issue, file=sys.stderr if args.command == "export" else sys.stdout)
    if args.command == "export":
        sys.stdout.write(to_json(reading.story) if args.format == "json" else to_csv(reading.story))
        sys.stdout.write("\n" if args.format == "json" else "")
        return 1 if reading.errors else 0
    story = reading.story
    summary = (
        f"{len(story.places)} places, {len(story.articles)} articles, "
        f"{len(story.events)} valid events"
    )
    review = len(reading.issues) - len(reading.errors)
    if review:
        summary += f"; {review} item(s) need review"
    if reading.errors:
        print(f"{len(reading.errors)} problem(s) found in {args.folder} ({summary}).")
        return 1
    print(f"OK: {args.folder}: {summary}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
