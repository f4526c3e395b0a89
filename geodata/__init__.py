"""The story's data: places, articles, events and statements, read and checked.

Pure Python: never imports Streamlit or folium.
"""

from geodata.dates import DatePrecision, StoryDate
from geodata.errors import DataError, GeodataError, Issue, Severity, UnknownPlaceError
from geodata.export import to_csv, to_json
from geodata.gazetteer import Gazetteer
from geodata.models import Article, Event, EventKind, LatLon, Place, PlaceKind, Source, Story
from geodata.story import DEFAULT_FOLDER, Reading, load_story, read_story
from geodata.text import SearchableText
from geodata.timeline import Timeline, story_timeline

__all__ = [
    "DEFAULT_FOLDER",
    "Article",
    "DataError",
    "DatePrecision",
    "Event",
    "EventKind",
    "Gazetteer",
    "GeodataError",
    "Issue",
    "LatLon",
    "Place",
    "PlaceKind",
    "Reading",
    "SearchableText",
    "Severity",
    "Source",
    "Story",
    "StoryDate",
    "Timeline",
    "UnknownPlaceError",
    "load_story",
    "read_story",
    "story_timeline",
    "to_csv",
    "to_json",
]
