"""What ingest finds in text: dates with precision, places in any spelling, quotes and speakers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geodata.gazetteer import Gazetteer
from geodata.ingest.mentions import find_mentions
from geodata.ingest.quotes import find_quotes
from geodata.ingest.sentences import split_sentences
from geodata.ingest.timex import find_timexes
from geodata.story import DEFAULT_FOLDER, read_story

PUBLISHED = date(2024, 12, 16)  # a Monday


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("on December 8", "2024-12-08"),
        ("on September 30, 2015", "2015-09-30"),
        ("in 1971", "1971"),
        ("on Monday", "2024-12-16"),
        ("last week", "2024-12-09/2024-12-15"),
        ("earlier this month", "2024-12-01/2024-12-16"),
        ("in late November", "2024-11-21/2024-11-30"),
        ("since January 2024", "2024-01"),
        ("8 December 2024", "2024-12-08"),
        ("two days ago", "2024-12-14"),
    ],
    ids=lambda v: v if isinstance(v, str) and " " in v else None,
)
def test_dates_resolve_against_publication(text: str, code: str) -> None:
    found = find_timexes(f"It happened {text}.", PUBLISHED)
    assert [t.when.code for t in found] == [code]


def test_may_as_verb_is_no_date() -> None:
    assert find_timexes("Russia may keep its bases.", PUBLISHED) == []


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(read_story(Path(DEFAULT_FOLDER)).story.places.values())


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Jets flew from Khmeimim.", "hmeimim-air-base"),
        ("Ships left Tartous.", "tartus"),
        ("Clashes in LATTAKIA.", "latakia"),
        ("Crowds in the port city of Tartus.", "tartus"),
        ("Planes landed at the air base near Jableh.", "hmeimim-air-base"),
        ("Troops at the Tartus base.", "tartus-naval-base"),
        ("Fighters of Hayat Tahrir al-Sham.", None),
    ],
    ids=["kh", "ou", "caps", "alias", "described", "base-after", "inside-a-name"],
)
def test_places_in_any_spelling(gazetteer: Gazetteer, text: str, place: str | None) -> None:
    keys = [m.key for m in find_mentions(text, gazetteer)]
    assert (place in keys) if place else keys == []


def test_quotes_with_speaker_role_and_he_added() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Monday.\n"
        '"There is no decision yet," Peskov said. "We are in contact," he added.\n'
        'The word "transition" was used.\n'
    )
    quotes = find_quotes(split_sentences(text))
    assert [(q.text, q.speaker, q.role) for q in quotes] == [
        ("There is no decision yet", "Dmitry Peskov", "Kremlin spokesman"),
        ("We are in contact", "Dmitry Peskov", "Kremlin spokesman"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [("In Hama, officials said it was calm.", "Hama"), ("Convoys reached Homs.", "Homs")],
    ids=["sentence-opening-preposition", "after-a-verb"],
)
def test_names_outside_the_gazetteer_are_geocoded(gazetteer: Gazetteer, text: str, name: str):
    from geodata.ingest.geocoding import offline_place

    mentions = find_mentions(text, gazetteer, offline_place)
    assert [m.text for m in mentions if m.new is not None] == [name]
