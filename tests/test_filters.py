"""Filtering and search: kinds, actors, outlets, places and words, forgiving spelling."""

from __future__ import annotations

import pytest

from geodata import DEFAULT_FOLDER, read_story
from geodata.dates import StoryDate
from geodata.filters import EventIndex, Filter, FilterError, fold_words
from geodata.models import (
    Article,
    DateBasis,
    Event,
    EventKind,
    LatLon,
    Place,
    PlaceKind,
    Source,
    Story,
)


def _place(place_id: str, name: str, kind: PlaceKind, lat: float, lon: float) -> Place:
    return Place(place_id, name, kind, LatLon(lat, lon), "Syria")


def _article(article_id: str, outlet: str) -> Article:
    return Article(
        article_id,
        outlet,
        f"{outlet} headline",
        StoryDate.parse("2024-12-16"),
        DateBasis.STATED,
        "stated",
        "body",
        f"{article_id}.txt",
    )


def _event(event_id: str, kind: EventKind, when: str, places: tuple[str, ...], **fields):
    sources = fields.pop("sources")
    return Event(
        event_id, kind, fields.pop("summary"), StoryDate.parse(when), places, sources, **fields
    )


PLACES = [
    _place("air-base", "Air base", PlaceKind.AIR_BASE, 35.4, 35.95),
    _place("port", "Tartus", PlaceKind.CITY, 34.89, 35.89),
    _place("capital", "Damascus", PlaceKind.CITY, 33.51, 36.29),
]
ARTICLES = [_article("wire", "Wire"), _article("daily", "Daily News")]
EVENTS = (
    _event(
        "flight",
        EventKind.MILITARY,
        "2024-12-15",
        ("air-base",),
        summary="Diplomats flew out.",
        sources=(Source("wire", "A plane left the Hmeimim air base."),),
    ),
    _event(
        "peskov",
        EventKind.STATEMENT,
        "2024-12-16",
        ("port", "air-base"),
        summary="The Kremlin said nothing was decided.",
        actor="Dmitry Peskov",
        role="Kremlin spokesman",
        sources=(
            Source("wire", "Peskov said so.", quote="No final decisions"),
            Source("daily", "He said it again.", quote="No decision has been made"),
        ),
    ),
    _event(
        "talks",
        EventKind.DIPLOMATIC,
        "2025-01",
        ("capital",),
        summary="Talks in the Syrian capital about São Paulo-style port fees.",
        actor="Mikhail Bogdanov",
        sources=(Source("daily", "Bogdanov went to Damascus."),),
    ),
    _event(
        "history",
        EventKind.BACKGROUND,
        "1971",
        ("port",),
        summary="The naval facility at Tartous opened.",
        sources=(Source("wire", "It opened in 1971."),),
    ),
)
STORY = Story({p.id: p for p in PLACES}, {a.id: a for a in ARTICLES}, EVENTS)
INDEX = EventIndex(STORY)


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (Filter(), ["flight", "peskov", "talks", "history"]),
        (Filter.of(kinds=["statement"]), ["peskov"]),
        (Filter.of(kinds=["statement", "military"]), ["flight", "peskov"]),
        (Filter.of(actors=["Dmitry Peskov"]), ["peskov"]),
        (Filter.of(actors=["Dmitry Peskov", "Mikhail Bogdanov"]), ["peskov", "talks"]),
        (Filter.of(outlets=["Daily News"]), ["peskov", "talks"]),
        (Filter.of(places=["air-base"]), ["flight", "peskov"]),
        (Filter.of(places=["capital", "port"]), ["peskov", "talks", "history"]),
        (Filter.of(kinds=["statement"], outlets=["Wire"]), ["peskov"]),
        (Filter.of(kinds=["military"], actors=["Dmitry Peskov"]), []),
        (Filter.of(places=["port"], text="tartus"), ["peskov", "history"]),
        (Filter.of(outlets=["Nobody"]), []),
    ],
    ids=[
        "nothing",
        "one-kind",
        "two-kinds",
        "one-actor",
        "two-actors",
        "outlet-of-any-source",
        "place",
        "two-places",
        "kind-and-outlet",
        "parts-combine",
        "place-and-words",
        "unknown-outlet",
    ],
)
def test_filter_keeps_matching_events_in_order(wanted, expected):
    assert [event.id for event in INDEX.select(wanted)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Khmeimim", ["flight"]),  # the text says Hmeimim
        ("hmeimim", ["flight"]),
        ("KHMEIMIM AIR", ["flight"]),
        ("air base", ["flight", "peskov"]),  # peskov names the place "Air base"
        ("Tartus", ["peskov", "history"]),  # history says Tartous
        ("Ţarţūs", ["peskov", "history"]),  # accents
        ("tart", ["peskov", "history"]),  # a word's beginning is enough
        ("sao paulo", ["talks"]),  # accents in the text
        ("no decision", ["peskov"]),  # a quote of the second source
        ("kremlin spokesman", ["peskov"]),  # role
        ("bogdanov damascus", ["talks"]),  # every word, anywhere: actor, sentence, place
        ("bogdanov tartus", []),
        ("decided nothing", ["peskov"]),  # any order
        ("1971", ["history"]),
        ("xyz", []),
        ("aul", []),  # inside a word is not a match ("Paulo" begins with "pau", not "aul")
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_search_forgives_case_accents_and_transliteration(text, expected):
    assert [event.id for event in INDEX.select(Filter.of(text=text))] == expected


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ({}, Filter()),
        ({"kind": ["statement", "military"]}, Filter.of(kinds=["military", "statement"])),
        ({"kind": ["nonsense"]}, Filter()),
        (
            {"actor": ["Dmitry Peskov"], "q": ["  no   decision "]},
            Filter.of(actors=["Dmitry Peskov"], text="no decision"),
        ),
        ({"where": ["port", ""], "outlet": ["Wire"]}, Filter.of(places=["port"], outlets=["Wire"])),
    ],
    ids=["empty", "kinds", "bad-kind-dropped", "actor-and-words", "blank-dropped"],
)
def test_filter_round_trips_through_a_url_query(query, wanted):
    found = Filter.from_query(query)
    assert found == wanted
    assert Filter.from_query(found.to_query()) == found


def test_filter_query_is_canonical():
    one = Filter.of(kinds=["statement", "military"], actors=["B", "A"], text="x")
    two = Filter.of(kinds=["military", "statement"], actors=["A", "B"], text="x")
    assert (
        one.to_query()
        == two.to_query()
        == {
            "kind": ["military", "statement"],
            "actor": ["A", "B"],
            "q": ["x"],
        }
    )
    assert hash(one) == hash(two)


@pytest.mark.parametrize(
    ("wanted", "words"),
    [
        (Filter(), ""),
        (Filter.of(kinds=["statement", "military"]), "Kind: military or statement"),
        (
            Filter.of(actors=["Dmitry Peskov"], places=["port"], text="bases"),
            "Who: Dmitry Peskov · Place: Tartus · Words: “bases”",
        ),
        (Filter.of(outlets=["Wire", "Daily News"]), "Outlet: Daily News or Wire"),
    ],
    ids=["none", "kinds", "actor-place-words", "outlets"],
)
def test_filter_describes_itself_in_plain_words(wanted, words):
    assert wanted.describe({"port": "Tartus"}) == words
    assert wanted.active == bool(words)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Filter.of(kinds=["rumour"]), "kind 'rumour' is not one of military"),
        (lambda: Filter(actors=frozenset({" x"})), "non-empty and trimmed"),
        (lambda: Filter(text=" x "), "single spaces"),
    ],
    ids=["unknown-kind", "untrimmed-value", "untrimmed-text"],
)
def test_bad_filters_are_refused_with_the_reason(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_check_names_what_no_event_has_and_suggests_a_spelling():
    with pytest.raises(FilterError) as caught:
        INDEX.check(Filter.of(actors=["dmitry peskov", "Nobody"], places=["Port"]))
    text = str(caught.value)
    assert "actor 'dmitry peskov' is in no event; did you mean 'Dmitry Peskov'?" in text
    assert "actor 'Nobody' is in no event; known: 'Dmitry Peskov', 'Mikhail Bogdanov'" in text
    assert "place 'Port' is in no event; did you mean 'port'?" in text
    INDEX.check(Filter.of(actors=["Dmitry Peskov"], outlets=["Wire"]))  # known: no error


def test_facets_count_each_value_most_frequent_first():
    facets = INDEX.facets()
    assert [(f.value, f.count) for f in facets["kind"]] == [
        ("military", 1),
        ("diplomatic", 1),
        ("statement", 1),
        ("background", 1),
    ]
    assert [(f.value, f.count) for f in facets["actor"]] == [
        ("Dmitry Peskov", 1),
        ("Mikhail Bogdanov", 1),
    ]
    assert [(f.value, f.count) for f in facets["outlet"]] == [("Daily News", 2), ("Wire", 3)][::-1]
    assert [(f.value, f.label, f.count) for f in facets["where"]] == [
        ("air-base", "Air base", 2),
        ("port", "Tartus", 2),
        ("capital", "Damascus", 1),
    ]


def test_words_are_folded_as_the_gazetteer_folds_names():
    assert fold_words("Khmeimim, Hmeimim!") == ("hmimim", "hmimim")
    assert fold_words("Tartous – Ţarţūs") == ("tartus", "tartus")


def _texts(event: Event) -> str:
    sources = [text for s in event.sources for text in (s.sentence, s.quote or "", s.note or "")]
    return " ".join([event.summary, event.note or "", *sources])


def test_search_finds_khmeimim_in_every_spelling_of_the_real_articles():
    story = read_story(DEFAULT_FOLDER).story
    index = EventIndex(story)
    found = {event.id for event in index.select(Filter.of(text="Khmeimim"))}
    spelled = {
        spelling: {event.id for event in story.events if spelling in _texts(event).lower()}
        for spelling in ("khmeimim", "hmeimim")
    }
    only_hmeimim = spelled["hmeimim"] - spelled["khmeimim"]
    assert only_hmeimim, "the articles spell it both ways"
    assert spelled["khmeimim"] | spelled["hmeimim"] <= found
    at_base = {event.id for event in story.events if "hmeimim-air-base" in event.places}
    assert found == spelled["khmeimim"] | spelled["hmeimim"] | at_base
