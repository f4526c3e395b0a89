"""`proposals`: which sentences become proposed events, how they are dated, grouped, kinded,
linked to known events (`same_as`), and which places the draft header lists."""

from __future__ import annotations

from datetime import date

import pytest

from geodata.dates import StoryDate
from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import offline_place
from geodata.ingest.proposals import ProposedEvent, propose
from geodata.models import Event, EventKind, LatLon, Place, PlaceKind, Source

PUBLISHED = date(2025, 1, 15)  # a Wednesday: "on Monday" is 2025-01-13


def _place(key: str, name: str, kind: PlaceKind, lat: float, lon: float, *aliases: str) -> Place:
    country = "Russia" if key == "moscow" else "Syria"
    return Place(key, name, kind, LatLon(lat, lon), country, aliases=aliases)


GAZETTEER = Gazetteer(
    [
        _place("tartus-naval-base", "Tartus naval facility", PlaceKind.NAVAL_BASE, 34.91, 35.87),
        _place("tartus", "Tartus", PlaceKind.CITY, 34.889, 35.887, "Tartous"),
        _place("damascus", "Damascus", PlaceKind.CITY, 33.51, 36.29),
        _place("moscow", "Moscow", PlaceKind.CITY, 55.75, 37.62),
    ]
)


def _events(body: str, existing: tuple[Event, ...] = (), **options) -> list[ProposedEvent]:
    return propose(body, PUBLISHED, GAZETTEER, existing, **options).events


def _summary(event: ProposedEvent) -> tuple[str, str, str, list[str]]:
    return event.id, event.kind.value, event.when.code, event.places


# The lead: (article body, the one event proposed, its source sentence, its reasons).
LEADS = [
    pytest.param(
        "MOSCOW, January 14. /TASS/. Russian warships left the port of Tartus on Monday.\n",
        ("draft-tartus-2025-01-13", "military", "2025-01-13", ["tartus"]),
        "Russian warships left the port of Tartus on Monday.",
        ["the article's lead; date: its own words", "kind: guessed"],
        id="own-words-beat-the-dateline",
    ),
    pytest.param(
        "MOSCOW, January 14. /TASS/. Russian officials discussed the bases in Tartus with "
        "the new leaders.\n",
        ("draft-tartus-2025-01-14", "political", "2025-01-14", ["tartus"]),
        "Russian officials discussed the bases in Tartus with the new leaders.",
        ["the article's lead; date: the dateline's date", "kind: guessed"],
        id="dateline-date",
    ),
    pytest.param(
        "MOSCOW, January 14.\nRussian officials discussed the bases in Tartus with the new "
        "leaders.\n",
        ("draft-tartus-2025-01-14", "political", "2025-01-14", ["tartus"]),
        "Russian officials discussed the bases in Tartus with the new leaders.",
        ["the article's lead; date: the dateline's date", "kind: guessed"],
        id="dateline-alone-on-its-line",
    ),
    pytest.param(
        "MOSCOW, January 14 (Reuters) - Russian officials discussed the bases in Tartus.\n",
        # The dateline's city is a place of this sentence too; the reviewer removes it.
        ("draft-moscow-2025-01-14", "political", "2025-01-14", ["moscow", "tartus"]),
        "MOSCOW, January 14 (Reuters) - Russian officials discussed the bases in Tartus.",
        ["the article's lead; date: the dateline's date", "kind: guessed"],
        id="dateline-in-the-lead-sentence",
    ),
    pytest.param(
        "Russian officials discussed the bases in Tartus with the new leaders.\n",
        ("draft-tartus-2025-01-15", "political", "2025-01-15", ["tartus"]),
        "Russian officials discussed the bases in Tartus with the new leaders.",
        ["the article's lead; date: the publication day", "kind: guessed"],
        id="publication-day",
    ),
    pytest.param(
        "MOSCOW, January 14. /TASS/. Russian officials discussed the future of the bases with "
        "the new leaders.\n",
        ("draft-moscow-2025-01-14", "political", "2025-01-14", ["moscow"]),
        "Russian officials discussed the future of the bases with the new leaders.",
        [
            "the article's lead; date: the dateline's date",
            "places: the dateline or the place the article names most",
            "kind: guessed",
        ],
        id="no-place-takes-the-dateline",
    ),
    pytest.param(
        "Officials met the new rulers in Damascus following the toppling of Assad in "
        "December 2024.\n",
        ("draft-damascus-2025-01-15", "diplomatic", "2025-01-15", ["damascus"]),
        "Officials met the new rulers in Damascus following the toppling of Assad in "
        "December 2024.",
        ["the article's lead; date: the publication day", "kind: guessed"],
        id="background-date-does-not-date-it",
    ),
    pytest.param(
        "Short line. Shops in Tartus and Damascus opened their doors again on Monday.\n",
        ("draft-tartus-2025-01-13", "political", "2025-01-13", ["tartus", "damascus"]),
        "Shops in Tartus and Damascus opened their doors again on Monday.",
        ["the article's lead; date: its own words", "kind: guessed"],
        id="first-sentence-of-eight-words",
    ),
]


@pytest.mark.parametrize(("body", "event", "sentence", "reasons"), LEADS)
def test_the_lead_is_one_event(
    body: str, event: tuple[str, str, str, list[str]], sentence: str, reasons: list[str]
) -> None:
    events = _events(body)
    # One event: the dateline line and the lead sentence itself are not proposed again.
    assert [_summary(e) for e in events] == [event]
    assert [s.sentence for s in events[0].sources] == [sentence]
    assert events[0].reasons == reasons
    assert events[0].same_as is None


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Russian troops left the base in Tartus on January 10.", EventKind.MILITARY),
        ("Warships visited the port of Tartus on January 10.", EventKind.MILITARY),
        ("A Russian delegation held talks in Damascus on January 10.", EventKind.DIPLOMATIC),
        ("The new government named a governor in Damascus on January 10.", EventKind.POLITICAL),
        ("A new governor was named in Damascus on January 16, 2024.", EventKind.POLITICAL),
        ("A new governor was named in Damascus on January 15, 2024.", EventKind.BACKGROUND),
        ("The Tartus port was leased to Russia for decades in 2017.", EventKind.BACKGROUND),
    ],
    ids=["troops", "military-before-diplomatic", "talks", "none", "365-days", "366-days", "2017"],
)  # fmt: skip
def test_kind_is_guessed_from_the_words_and_the_age(words: str, kind: EventKind) -> None:
    assert [e.kind for e in _events(f"Short line.\n{words}\n")] == [kind]


# Sentences after the lead: (body, the events proposed as (id, kind, date, places), sources).
HAPPENINGS = [
    pytest.param(
        "Troops entered Damascus on December 8. Troops entered Damascus on December 8 again.\n",
        [("draft-damascus-2024-12-08", "military", "2024-12-08", ["damascus"])],
        [2],
        id="same-day-same-place-grouped",
    ),
    pytest.param(
        "Troops entered Damascus on December 8. Troops reached Tartus on December 8.\n",
        [
            ("draft-damascus-2024-12-08", "military", "2024-12-08", ["damascus"]),
            ("draft-tartus-2024-12-08", "military", "2024-12-08", ["tartus"]),
        ],
        [1, 1],
        id="same-day-other-place",
    ),
    pytest.param(
        "Troops entered Damascus on December 8. Troops entered Damascus on December 9.\n",
        [
            ("draft-damascus-2024-12-08", "military", "2024-12-08", ["damascus"]),
            ("draft-damascus-2024-12-09", "military", "2024-12-09", ["damascus"]),
        ],
        [1, 1],
        id="same-place-other-day",
    ),
    pytest.param(
        "Troops entered Damascus on December 8. Troops held Damascus, Tartus on December 8.\n",
        [
            ("draft-damascus-2024-12-08", "military", "2024-12-08", ["damascus"]),
            ("draft-damascus-2024-12-08-2", "military", "2024-12-08", ["damascus", "tartus"]),
        ],
        [1, 1],
        id="more-places-is-another-event-with-a-numbered-id",
    ),
]


@pytest.mark.parametrize(("body", "events", "sources"), HAPPENINGS)
def test_dated_placed_sentences_are_grouped_by_day_and_places(
    body: str, events: list[tuple[str, str, str, list[str]]], sources: list[int]
) -> None:
    found = _events(body)
    assert [_summary(e) for e in found] == events
    assert [len(e.sources) for e in found] == sources


BACKGROUND = (
    "MOSCOW, January 14. /TASS/. Russian officials said nothing about the bases at all.\n"
    "Shops opened in Damascus, which Assad ruled until December 2024.\n"
    "In Tartus, which Russia used since 2017, shops opened on January 10.\n"
)


def test_a_date_in_a_background_clause_does_not_date_the_sentence() -> None:
    lead, background, resumed = _events(BACKGROUND)
    assert _summary(lead) == ("draft-moscow-2025-01-14", "political", "2025-01-14", ["moscow"])
    assert _summary(background)[2:] == ("2025-01-14", ["damascus"])
    assert background.reasons == [
        "kind: guessed from the sentence's words",
        "date: the dateline's date; the sentence's dates are background",
    ]
    assert background.sources[0].date_text is None
    # The main clause resumes after the comma: its own date counts.
    assert _summary(resumed)[2:] == ("2025-01-10", ["tartus"])
    assert (resumed.reasons, resumed.sources[0].date_text) == (
        ["kind: guessed from the sentence's words"],
        "January 10",
    )


def test_the_prefix_names_every_id() -> None:
    events = _events("Troops entered Damascus on December 8.\n", prefix="afp-2025-01-15")
    assert [e.id for e in events] == ["afp-2025-01-15-damascus-2024-12-08"]


def test_the_actor_is_who_the_sentence_says_spoke_without_titles() -> None:
    [event] = _events("Foreign Minister Sergei Lavrov said on January 10 that Damascus was calm.\n")
    assert (event.actor, event.role, event.kind) == ("Sergei Lavrov", None, EventKind.DIPLOMATIC)


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        (
            "Foreign Minister Sergei Lavrov said on January 10 that Damascus was calm.",
            "Sergei Lavrov",
        ),
        ("Lavrov also said on January 10 that Damascus was calm.", "Lavrov"),
        # A place right after a preposition is where the speaker is, never who speaks.
        ("Ships left Damascus on January 10, an official in Tartus said.", None),
        ("Ships left Damascus on January 10, officials at the port of Tartus said.", None),
        (
            "The minister of Russia Sergei Lavrov said on January 10 that Damascus was calm.",
            "Sergei Lavrov",
        ),
    ],
    ids=["titles-dropped", "adverb", "place-after-in", "place-after-of", "name-after-place"],
)
def test_the_actor_of_a_sentence(sentence: str, actor: str | None) -> None:
    [event] = _events(f"{sentence}\n")
    assert event.actor == actor


STATEMENTS = (
    'Lavrov said on January 10 that "we will stay in Tartus for now".\n'
    '"The talks are going very well," Lavrov said on January 10.\n'
    '"The talks went well indeed," Lavrov said on January 12.\n'
    '"We leave nothing behind here," Kremlin spokesman Dmitry Peskov said on January 12.\n'
)


def test_quotes_become_statements_one_per_speaker_and_day() -> None:
    events = _events(STATEMENTS)
    assert [(e.id, e.kind, e.when.code, e.actor, e.role) for e in events] == [
        ("draft-lavrov-2025-01-10", EventKind.STATEMENT, "2025-01-10", "Lavrov", None),
        ("draft-lavrov-2025-01-12", EventKind.STATEMENT, "2025-01-12", "Lavrov", None),
        (
            "draft-dmitry-peskov-2025-01-12",
            EventKind.STATEMENT,
            "2025-01-12",
            "Dmitry Peskov",
            "Kremlin spokesman",
        ),
    ]
    assert [(s.quote, s.date_text) for s in events[0].sources] == [
        ("we will stay in Tartus for now", "January 10"),
        ("The talks are going very well", "January 10"),
    ]
    # A statement without a place in its sentence takes the place the article names most.
    assert [e.places for e in events] == [["tartus"]] * 3
    assert events[1].reasons == ["places: the dateline or the place the article names most"]


@pytest.mark.parametrize(
    "said",
    [
        "of the talks scheduled for January 20",  # a day after publication
        "in December",  # a month: no day
        "after the fall of Assad on December 8",  # a day in a background clause
    ],
    ids=["future-day", "month", "background-day"],
)
def test_a_statement_without_a_past_day_takes_the_lead_date(said: str) -> None:
    body = f'MOSCOW, January 14. "We keep the base in Tartus," Lavrov said {said}.\n'
    [event] = _events(body)
    assert (event.kind, event.when.code, event.sources[0].date_text) == (
        EventKind.STATEMENT,
        "2025-01-14",
        None,
    )
    assert event.reasons == ["date: the dateline's date (the sentence gives no day it was said)"]


@pytest.mark.parametrize(
    "body",
    [
        "Troops entered Damascus.\n",  # no date
        "Short.\nTroops moved forward again on December 8.\n",  # no place
        "Short.\nTroops entered Zorbaville on December 8.\n",  # no geocoder knows it
        "Fighting went on in the Sheikh Maqsood neighborhood on December 8 and after.\n",
        "Russian officials discussed the future of the bases with the new leaders.\n",
    ],
    ids=["no-date", "no-place", "unknown-place", "not-located", "lead-without-place"],
)
def test_what_is_not_proposed(body: str) -> None:
    assert _events(body, geocode=offline_place) == []


def test_a_quote_of_two_words_is_no_statement() -> None:
    [event] = _events('"Not leaving," an official said in Tartus on December 8.\n')
    assert (event.kind, event.actor, event.sources[0].quote) == (EventKind.POLITICAL, None, None)


LAVROV = "Foreign Minister Sergei Lavrov said on January 10 that talks in Damascus went well.\n"
CALM = "Short.\nShops in Damascus opened again on January 10.\n"
VISIT = "Short.\nLavrov visited Damascus on January 10.\n"  # no actor: no "said"


def _known(
    key: str, when: str = "2025-01-10", places: tuple[str, ...] = ("damascus",), actor=None
) -> Event:
    source = Source("wire-2025-01-11", "A sentence.")
    return Event(
        key, EventKind.DIPLOMATIC, "Known.", StoryDate.parse(when), places, (source,), actor
    )


@pytest.mark.parametrize(
    ("body", "known", "linked"),
    [
        (LAVROV, [_known("k", actor="Sergei Lavrov")], "k"),
        (LAVROV, [_known("k", actor="Lavrov")], "k"),
        (LAVROV, [_known("k", actor="Sergey Lavrov")], "k"),
        (VISIT, [_known("k", actor="Sergei Lavrov")], "k"),
        (LAVROV, [_known("k", actor="Vladimir Putin")], None),
        (LAVROV, [_known("k")], None),  # the known event has no actor, this one has
        (LAVROV, [_known("k", when="2025-01-11", actor="Sergei Lavrov")], None),
        (LAVROV, [_known("k", when="2025-01", actor="Sergei Lavrov")], None),
        (LAVROV, [_known("k", places=("tartus",), actor="Sergei Lavrov")], None),
        (LAVROV, [_known("k", places=("tartus", "damascus"), actor="Sergei Lavrov")], "k"),
        (
            LAVROV,
            [
                _known("a", actor="Putin"),
                _known("b", actor="Lavrov"),
                _known("c", actor="Sergei Lavrov"),
            ],
            "b",
        ),
        (CALM, [_known("k")], "k"),
        (CALM, [_known("k", actor="Sergei Lavrov")], None),
    ],
    ids=[
        "same-actor",
        "surname",
        "other-spelling",
        "surname-in-the-text",
        "other-actor",
        "known-without-actor",
        "other-day",
        "month-is-not-the-day",
        "no-shared-place",
        "one-shared-place",
        "first-match",
        "no-actor-either",
        "known-has-an-actor",
    ],
)
def test_same_as_links_to_a_known_event(body: str, known: list[Event], linked: str | None) -> None:
    [event] = _events(body, tuple(known))
    assert event.same_as == linked


FIRST = (
    "MOSCOW, January 14. /TASS/. Russian warships left Tartus on Monday, the ministry said.\n"
    "On December 19, 2024, President Vladimir Putin said that Moscow offered the bases in Tartus "
    "for aid.\n"
    "Troops entered Damascus on December 8, 2024.\n"
)
SECOND = (
    "MOSCOW, January 15. /TASS/. Russian officials discussed the bases in Tartus with Syria.\n"
    "On December 19, 2024, President Vladimir Putin said that Moscow offered the bases in Tartus "
    "for aid.\n"
    "Troops entered Damascus on December 8, 2024, a source said.\n"
)


def _as_known(event: ProposedEvent) -> Event:
    sources = tuple(Source("tass-2025-01-14", s.sentence) for s in event.sources)
    return Event(
        event.id, event.kind, "Reviewed.", event.when, tuple(event.places), sources, event.actor
    )


def test_a_second_article_links_what_it_repeats() -> None:
    first = _events(FIRST)
    assert [e.when.code for e in first] == ["2025-01-13", "2024-12-19", "2024-12-08"]
    second = propose(SECOND, PUBLISHED, GAZETTEER, [_as_known(e) for e in first]).events
    assert [(e.when.code, e.same_as) for e in second] == [
        ("2025-01-15", None),
        ("2024-12-19", first[1].id),
        ("2024-12-08", first[2].id),
    ]


def test_the_header_lists_every_place_once_and_how_it_was_found() -> None:
    body = (
        "Troops left Tartous on January 10. Crowds in Tartus cheered. Russian troops left "
        "Kamishli. Clashes went on in the Sheikh Maqsood neighborhood. Damascus was calm.\n"
    )
    proposal = propose(body, PUBLISHED, GAZETTEER, geocode=offline_place)
    kamishli = offline_place("Kamishli")
    assert kamishli is not None
    lines = proposal.place_lines()
    assert [line.split(":", 1)[0] for line in lines] == [
        "'Tartus'",  # the key's last spelling; spellings() keeps them all
        "'Kamishli'",
        "'Sheikh Maqsood'",
        "'Damascus'",
    ]
    assert lines[1:] == [
        f"'Kamishli': new draft place ({kamishli.source})",
        "'Sheikh Maqsood': not located: add it to places.toml by hand if an event needs it",
        "'Damascus': gazetteer place 'damascus'",
    ]
    assert lines[0].endswith(": gazetteer place 'tartus'")
    assert proposal.spellings("tartus") == ["Tartous", "Tartus"]
    assert proposal.new_places == {"al-qamishli": kamishli}


def test_a_hard_wrapped_article_is_read_in_whole_sentences() -> None:
    # Copy wrapped by hand: the lead runs over three lines and its date is on the first.
    body = (
        "Russian warships left the port of\n"
        "Tartus on Monday, the navy said,\n"
        "ending a long stay.\n"
        "“The ships will return,” the\n"
        "navy added.\n"
    )
    events = _events(body)
    assert [_summary(e) for e in events][:1] == [
        ("draft-tartus-2025-01-13", "military", "2025-01-13", ["tartus"])
    ]
    assert events[0].sources[0].sentence == (
        "Russian warships left the port of Tartus on Monday, the navy said, ending a long stay."
    )
