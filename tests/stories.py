"""Small stories for tests: a three-place story easy to break on purpose, a background
article, and a hostile story whose every field carries text that must never run."""

from __future__ import annotations

import textwrap
from pathlib import Path

PLACES = """\
[[place]]
id = "tartus-naval-base"
name = "Tartus naval facility"
kind = "naval_base"
lat = 34.9115
lon = 35.8735
country = "Syria"
governorate = "Tartus"
aliases = ["Tartous naval base"]

[[place]]
id = "tartus"
name = "Tartus"
kind = "city"
lat = 34.88902
lon = 35.88659
country = "Syria"
governorate = "Tartus"
aliases = ["Tartous", "Ţarţūs"]

[[place]]
id = "damascus"
name = "Damascus"
kind = "city"
lat = 33.5102
lon = 36.29128
country = "Syria"
governorate = "Damascus"
aliases = ["Dimashq"]
"""

ARTICLE = """\
+++
id = "wire-2024-12-16"
outlet = "Wire"
headline = "Talks go on"
published = "2024-12-16"
published_basis = "stated"
published_reasoning = "The dateline says December 16."
+++
Talks go on

MOSCOW, December 16. The Kremlin spokesman spoke to reporters on Monday.
“There are no final decisions,” he said.
In late November, an offensive began. On December 8, fighters entered Damascus.
"""

EVENTS = """\
[[event]]
id = "offensive"
kind = "military"
summary = "An offensive began."
date = "2024-11-21/2024-11-30"
places = ["damascus"]

[[event.source]]
article = "wire-2024-12-16"
sentence = "In late November, an offensive began."
date_text = "In late November"

[[event]]
id = "damascus-entered"
kind = "military"
summary = "Fighters entered Damascus."
date = "2024-12-08"
places = ["damascus"]

[[event.source]]
article = "wire-2024-12-16"
sentence = "On December 8, fighters entered Damascus."

[[event]]
id = "no-decision"
kind = "statement"
summary = "The Kremlin said nothing was decided about the base."
date = "2024-12-16"
places = ["tartus-naval-base", "damascus"]
actor = "The spokesman"
role = "Kremlin spokesman"

[[event.source]]
article = "wire-2024-12-16"
sentence = '“There are no final decisions,” he said.'
quote = "There are no final decisions,"
"""


def write_story(folder: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """Write the small story to ``folder``, with ``files`` replacing or adding files."""
    folder.mkdir(parents=True, exist_ok=True)
    contents: dict[str, str | bytes] = {
        "places.toml": PLACES,
        "wire-2024-12-16.txt": ARTICLE,
        "wire-2024-12-16.events.toml": EVENTS,
        **(files or {}),
    }
    for name, content in contents.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


# A second article with background facts (1971, 2015): a story with a "Background" stop.
HISTORY_ARTICLE = """\
+++
id = "history-2024-12-20"
outlet = "Almanac"
headline = "How the bases came to be"
published = "2024-12-20"
published_basis = "stated"
published_reasoning = "Dated December 20."
+++
How the bases came to be

The naval facility at Tartus opened in 1971.
Russian warplanes arrived in September 2015.
"""

HISTORY_EVENTS = """\
[[event]]
id = "facility-opened"
kind = "background"
summary = "The naval facility opened."
date = "1971"
places = ["tartus-naval-base"]

[[event.source]]
article = "history-2024-12-20"
sentence = "The naval facility at Tartus opened in 1971."

[[event]]
id = "warplanes-arrived"
kind = "background"
summary = "Russian warplanes arrived."
date = "2015-09"
places = ["tartus"]

[[event.source]]
article = "history-2024-12-20"
sentence = "Russian warplanes arrived in September 2015."
"""

BACKGROUND_FILES = {
    "history-2024-12-20.txt": HISTORY_ARTICLE,
    "history-2024-12-20.events.toml": HISTORY_EVENTS,
}


# Article text that would run script if it ever reached HTML unescaped.
HOSTILE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'


def write_hostile_story(folder: Path) -> Path:
    """A story whose outlet, headline, summary, actor, sentence and quote carry HOSTILE."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "places.toml").write_text(PLACES, encoding="utf-8")
    (folder / "hostile.txt").write_text(
        f"""\
+++
id = "hostile"
outlet = 'Hostile </script><b>Outlet</b>'
headline = 'Bad {HOSTILE}'
published = "2024-12-16"
published_basis = "stated"
published_reasoning = "Test."
+++
He said: “{HOSTILE}” in Damascus.
""",
        encoding="utf-8",
    )
    (folder / "hostile.events.toml").write_text(
        f"""\
[[event]]
id = "hostile-statement"
kind = "statement"
summary = 'Summary {HOSTILE}'
date = "2024-12-16"
places = ["damascus"]
actor = "Actor <i>x</i>"

[[event.source]]
article = "hostile"
sentence = 'He said: “{HOSTILE}” in Damascus.'
quote = '{HOSTILE}'
""",
        encoding="utf-8",
    )
    return folder


# A short wire text for ingest: a dateline, a quote, places in several spellings, dates.
INGEST_TEXT = (
    "Ships leave Tartous\n\nDAMASCUS, Jan 14 (Wire) - Russian warships left Tartous on Monday.\n\n"
    '"We are not in a hurry," Kremlin spokesman Dmitry Peskov told reporters.\n'
    "Fighting flared near Hama in late November.\n"
)
