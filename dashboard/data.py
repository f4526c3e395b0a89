"""The one place where the story is cached: read once per change of the articles folder."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import streamlit as st

from dashboard.filtering import Narrowed, narrow
from geodata import DEFAULT_FOLDER, Place, Reading, Timeline, read_story
from geodata.filters import EventIndex, Filter
from geodata.timeline import story_timeline

ARTICLES_ENV = "STORY_ARTICLES_DIR"


@dataclass(frozen=True, slots=True)
class StoryData:
    """The reading of the folder, its timeline, and the places that have events."""

    folder: Path
    reading: Reading
    timeline: Timeline
    places: list[Place]
    stamp: str = ""


def articles_folder() -> Path:
    """The folder the app reads: $STORY_ARTICLES_DIR, or the project's articles/."""
    return Path(os.environ.get(ARTICLES_ENV) or DEFAULT_FOLDER)


def _stamp(folder: Path) -> str:
    """Names and modification times: a changed, added or removed file means a new reading.

    A digest, not the list itself: Streamlit hashes cache arguments on every rerun, and
    hashing a tuple per file costs tens of milliseconds at hundreds of articles.
    """
    if not folder.is_dir():
        return ""
    with os.scandir(folder) as entries:
        stamp = sorted((e.name, e.stat().st_mtime_ns) for e in entries if e.is_file())
    return hashlib.sha256(repr(stamp).encode()).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, stamp: str) -> StoryData:
    reading = read_story(Path(folder))
    timeline, places = story_timeline(reading.story)
    return StoryData(Path(folder), reading, timeline, places, stamp)


def story_data() -> StoryData:
    folder = articles_folder()
    return _load(str(folder), _stamp(folder))


@st.cache_resource(show_spinner=False, max_entries=4)
def _index(folder: str, stamp: str) -> EventIndex:
    data = _load(folder, stamp)
    events = [event for events in data.timeline.by_stop for event in events]
    return EventIndex(data.reading.story, events)


def event_index(data: StoryData) -> EventIndex:
    """The shown (non-draft) events ready for filtering and search, built once per reading."""
    return _index(str(data.folder), data.stamp)


# Each holds a timeline with per-stop counts (megabytes at 10,000 events): keep a few.
@st.cache_resource(show_spinner=False, max_entries=8)
def _narrowed(folder: str, stamp: str, query: str) -> Narrowed:
    data = _load(folder, stamp)
    wanted = Filter.from_query(parse_qs(query))
    return narrow(_index(folder, stamp), data.places, wanted)


def narrowed(data: StoryData, wanted: Filter) -> Narrowed:
    """The story as ``wanted`` narrows it; remembered per filter, so a slider step costs nothing."""
    if not wanted.active:
        total = len(event_index(data).events)
        return Narrowed(wanted, data.timeline, data.places, total, total)
    return _narrowed(str(data.folder), data.stamp, urlencode(wanted.to_query(), doseq=True))
