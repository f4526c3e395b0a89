from pathlib import Path

import pytest
from geopy.distance import geodesic

from geodata import DEFAULT_FOLDER, Gazetteer, PlaceKind, UnknownPlaceError, read_story
from geodata.gazetteer import name_key

SYRIA_BBOX = {"lat": (32.3, 37.4), "lon": (35.7, 42.4)}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    reading = read_story(Path(DEFAULT_FOLDER))
    return Gazetteer(reading.story.places.values())


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Khmeimim", "hmeimim-air-base"),
        ("hmeimim", "hmeimim-air-base"),
        ("Khmeimim Air Base", "hmeimim-air-base"),
        ("Hmeimim airbase", "hmeimim-air-base"),
        ("Tartous", "tartus"),
        ("TARTUS", "tartus"),
        ("Ţarţūs", "tartus"),
        ("Tartous naval base", "tartus-naval-base"),
        ("Lattakia", "latakia"),
        ("Latakia Province", "latakia-governorate"),
        ("Idleb", "idlib"),
        ("Idlib province", "idlib-governorate"),
        ("Halab", "aleppo"),
        ("Jablah", "jableh"),
        ("Jableh", "jableh"),
        ("Turkey", "turkiye"),
        ("Türkiye", "turkiye"),
        ("turkiye", "turkiye"),
        ("Dimashq", "damascus"),
    ],
)
def test_lookup_forgives_case_accents_and_transliteration(gazetteer, name, place_id):
    assert gazetteer.lookup(name).id == place_id


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("Tartuss port", "tartus"), ("Damascos", "damascus"), ("Aleppoz", "aleppo")],
)
def test_unknown_name_gets_the_closest_matches(gazetteer, name, suggestion):
    assert gazetteer.find(name) is None
    with pytest.raises(UnknownPlaceError) as caught:
        gazetteer.lookup(name)
    assert suggestion in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_a_name_far_from_every_place_has_no_suggestion(gazetteer):
    with pytest.raises(UnknownPlaceError) as caught:
        gazetteer.lookup("Reykjavik")
    assert caught.value.suggestions == ()


def test_name_key_folds_spellings_together():
    assert name_key("Khmeimim") == name_key("Hmeimim")
    assert name_key("Tartous") == name_key("Tartus")
    assert name_key("Lattakia") == name_key("Latakia")
    assert name_key("Idleb") == name_key("Idlib")
    assert name_key("Jablah") == name_key("Jableh")


def km(gazetteer, a, b):
    return geodesic(
        (gazetteer.places[a].latlon.lat, gazetteer.places[a].latlon.lon),
        (gazetteer.places[b].latlon.lat, gazetteer.places[b].latlon.lon),
    ).km


def test_air_base_lies_a_few_km_from_jableh(gazetteer):
    assert km(gazetteer, "hmeimim-air-base", "jableh") < 6


def test_tartus_to_hmeimim_is_about_60_km(gazetteer):
    assert 50 < km(gazetteer, "tartus-naval-base", "hmeimim-air-base") < 65


def test_naval_facility_is_in_tartus(gazetteer):
    assert km(gazetteer, "tartus-naval-base", "tartus") < 5


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("damascus", "aleppo", 300, 330),
        ("latakia", "jableh", 18, 25),
        ("idlib", "aleppo", 50, 60),
        ("damascus", "moscow", 2400, 2600),
    ],
)
def test_distances_between_cities(gazetteer, a, b, low, high):
    assert low < km(gazetteer, a, b) < high


def test_every_syrian_place_lies_in_syria(gazetteer):
    syrian = [p for p in gazetteer if p.country == "Syria"]
    assert len(syrian) >= 10
    for place in syrian:
        assert SYRIA_BBOX["lat"][0] <= place.latlon.lat <= SYRIA_BBOX["lat"][1], place.id
        assert SYRIA_BBOX["lon"][0] <= place.latlon.lon <= SYRIA_BBOX["lon"][1], place.id
        assert place.governorate, f"{place.id} has no governorate"


def test_places_outside_syria_lie_outside(gazetteer):
    for place in gazetteer:
        if place.country != "Syria":
            inside = (
                SYRIA_BBOX["lat"][0] <= place.latlon.lat <= SYRIA_BBOX["lat"][1]
                and SYRIA_BBOX["lon"][0] <= place.latlon.lon <= SYRIA_BBOX["lon"][1]
            )
            assert not inside, place.id


def test_the_story_places_are_there_with_their_kinds(gazetteer):
    kinds = {p.id: p.kind for p in gazetteer}
    assert kinds["tartus-naval-base"] is PlaceKind.NAVAL_BASE
    assert kinds["hmeimim-air-base"] is PlaceKind.AIR_BASE
    for city in ("tartus", "jableh", "latakia", "damascus", "aleppo", "idlib", "moscow"):
        assert kinds[city] is PlaceKind.CITY
    for country in ("libya", "turkiye"):
        assert kinds[country] is PlaceKind.COUNTRY


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("طرطوس", "tartus"),
        ("حميميم", "hmeimim-air-base"),
        ("جبلة", "jableh"),
        ("Тартус", "tartus"),
        ("Хмеймим", "hmeimim-air-base"),
        ("...", None),
        ("", None),
        ("دمشق الجديدة بعيدة", None),
        ("Москва-Сити Башня", None),
        ("★ ☆", None),
    ],
    ids=[
        "arabic-tartus",
        "arabic-hmeimim",
        "arabic-jableh",
        "cyrillic-tartus",
        "cyrillic-hmeimim",
        "dots",
        "empty",
        "arabic-unknown",
        "cyrillic-unknown",
        "symbols",
    ],
)
def test_names_in_other_scripts_are_transliterated_and_nothing_matches_an_empty_key(
    gazetteer, name, place_id
):
    found = gazetteer.find(name)
    assert (found.id if found else None) == place_id
    if place_id is None and not name_key(name):
        assert gazetteer.suggest(name) == ()


def test_names_fold_through_transliteration():
    assert name_key("Тартус") == name_key("Tartus") == name_key("Ţarţūs")
    assert name_key("...") == "" and name_key("") == ""
