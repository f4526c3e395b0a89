"""The story as one self-contained HTML file, from the command line.

    python -m dashboard.standalone story.html [--articles DIR] [--csv events.csv]

The page itself is made by dashboard/export_page.py, its data by dashboard/payload.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dashboard.export_page import standalone_html
from dashboard.payload import TITLE
from geodata import DEFAULT_FOLDER, Severity, read_story
from geodata.export import to_csv

__all__ = ["TITLE", "main", "standalone_html"]


def build_parser() -> argparse.ArgumentParser:
    """The ``story-html`` command line (also ``python -m dashboard.standalone``)."""
    parser = argparse.ArgumentParser(
        prog="story-html",
        description="Write the story as one HTML file that works offline with no server.",
    )
    parser.add_argument("output", type=Path, help="the HTML file to write")
    parser.add_argument("--articles", type=Path, default=DEFAULT_FOLDER, help="the articles folder")
    parser.add_argument("--csv", type=Path, help="also write the events table as CSV here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    reading = read_story(args.articles)
    errors = [issue for issue in reading.issues if issue.severity is Severity.ERROR]
    for issue in errors:
        print(issue, file=sys.stderr)
    args.output.write_text(standalone_html(reading.story), encoding="utf-8")
    print(f"wrote {args.output}")
    if args.csv:
        args.csv.write_text(to_csv(reading.story), encoding="utf-8")
        print(f"wrote {args.csv}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
