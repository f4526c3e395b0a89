"""The one place where the story is cached: read once per change of the articles folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from geodata import DEFAULT_FOLDER, Place, Reading, Timeline, read_story

ARTICLES_ENV = "STORY_ARTICLES_DIR"


@dataclass(frozen=True, slots=True)
class StoryData:
    """The reading of the folder, its timeline, and the places that have events."""

    folder: Path
    reading: Reading
    timeline: Timeline
    places: list[Place]


def articles_folder() -> Path:
    """The folder the app reads: $STORY_ARTICLES_DIR, or the project's articles/."""
    return Path(os.environ.get(ARTICLES_ENV) or DEFAULT_FOLDER)


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    """Names and modification times: a changed, added or removed file means a new reading."""
    if not folder.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, stamp: tuple[tuple[str, int], ...]) -> StoryData:
    reading = read_story(Path(folder))
    story = reading.story
    timeline = Timeline.of(event for event in story.events if not event.draft)
    used = {place for event in story.events if not event.draft for place in event.places}
    places = [place for place in story.places.values() if place.id in used]
    return StoryData(Path(folder), reading, timeline, places)


def story_data() -> StoryData:
    folder = articles_folder()
    return _load(str(folder), _stamp(folder))
