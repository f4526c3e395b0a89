"""Write a synthetic story of any size into a folder the dashboard can be pointed at.

.venv/bin/python tools/synthetic_story.py 10000x200 /tmp/story-10k
STORY_ARTICLES_DIR=/tmp/story-10k bash scripts/start.sh
"""

from __future__ import annotations

import argparse
from pathlib import Path

from geodata.synthetic import Size, write_story


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="EVENTSxPLACES, e.g. 1000x50 (optionally xDATES)")
    parser.add_argument("folder", type=Path, help="where to write (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same files")
    args = parser.parse_args()
    try:
        size = Size.parse(args.size)
    except ValueError as error:
        parser.error(str(error))
    write_story(args.folder, size, args.seed)
    print(
        f"wrote {size.events} events over {size.places} places, {size.stops} dates, "
        f"to {args.folder}"
    )


if __name__ == "__main__":
    main()
