"""Command line: ``python -m geodata check|export [DIR]`` and ``ingest PATH``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geodata.errors import Severity
from geodata.export import to_csv, to_geojson, to_json
from geodata.fidelity import fidelity_issues
from geodata.filters import FilterError, add_filter_arguments, filter_from_arguments, filtered_story
from geodata.ingest.cli import add_ingest_parser, run_ingest
from geodata.story import DEFAULT_FOLDER, read_story

WRITERS = {"json": to_json, "csv": to_csv, "geojson": to_geojson}


def build_parser() -> argparse.ArgumentParser:
    """The ``geodata`` command line: check, export and ingest."""
    parser = argparse.ArgumentParser(prog="geodata", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a folder and list every problem")
    check.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    check.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 also when a fidelity warning is neither fixed nor accepted",
    )
    export = commands.add_parser("export", help="print every event as JSON, CSV or GeoJSON")
    export.add_argument("--format", choices=tuple(WRITERS), default="json")
    export.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    add_filter_arguments(export)
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
        try:
            story = filtered_story(reading.story, filter_from_arguments(reading.story, args))
        except FilterError as error:  # nothing is printed for a filter that names nothing
            print(f"error: {error}", file=sys.stderr)
            return 2
        text = WRITERS[args.format](story)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return 1 if reading.errors else 0
    story = reading.story
    fidelity = fidelity_issues(story)
    for issue in fidelity:
        print(issue)
    warnings = sum(1 for issue in fidelity if issue.severity is Severity.WARNING)
    accepted = len(fidelity) - warnings
    summary = (
        f"{len(story.places)} places, {len(story.articles)} articles, "
        f"{len(story.events)} valid events"
    )
    review = len(reading.issues) - len(reading.errors)
    if review:
        summary += f"; {review} item(s) need review"
    summary += f"; {warnings} fidelity warning(s), {accepted} accepted with a reason"
    if reading.errors or (args.strict and warnings):
        print(f"{len(reading.errors)} problem(s) found in {args.folder} ({summary}).")
        return 1
    print(f"OK: {args.folder}: {summary}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
