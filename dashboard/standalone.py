"""The story as one self-contained HTML file, from the command line.

    story-html story.html [--articles DIR] [--csv events.csv] [--kind KIND ...]

The page itself is made by dashboard/export_page.py, its data by dashboard/payload.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dashboard.export_page import standalone_html
from dashboard.filtering import Selection, select
from dashboard.payload import TITLE
from geodata import DEFAULT_FOLDER, Severity, Story, read_story
from geodata.export import to_csv
from geodata.filters import (
    EventIndex,
    FilterError,
    add_filter_arguments,
    filter_from_arguments,
)
from geodata.timeline import story_timeline

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
    add_filter_arguments(parser)
    return parser


def select_from_arguments(story: Story, args: argparse.Namespace) -> Selection:
    """The story narrowed by the command line's filters; FilterError for unknown values."""
    wanted = filter_from_arguments(story, args)
    timeline, _ = story_timeline(story)
    index = EventIndex(story, [event for events in timeline.by_stop for event in events])
    index.check(wanted)
    return select(story, wanted, index)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    reading = read_story(args.articles)
    errors = [issue for issue in reading.issues if issue.severity is Severity.ERROR]
    for issue in errors:
        print(issue, file=sys.stderr)
    try:
        chosen = select_from_arguments(reading.story, args)
    except FilterError as error:  # nothing is written for a filter that names nothing
        print(f"error: {error}", file=sys.stderr)
        return 2
    html = standalone_html(chosen.story, chosen.timeline, chosen.places, filtered=chosen.note)
    args.output.write_text(html, encoding="utf-8")
    print(f"wrote {args.output}" + (f" ({chosen.note})" if chosen.note else ""))
    if args.csv:
        args.csv.write_text(to_csv(chosen.story), encoding="utf-8")
        print(f"wrote {args.csv}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
