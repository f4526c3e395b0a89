"""`mentions`: places named in text in any spelling, described bases, and new names."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import offline_place
from geodata.ingest.mentions import find_mentions
from geodata.story import DEFAULT_FOLDER, read_story


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(read_story(Path(DEFAULT_FOLDER)).story.places.values())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jets flew from Khmeimim.", [("Khmeimim", "hmeimim-air-base")]),
        ("Ships left Tartous.", [("Tartous", "tartus")]),
        ("Clashes in LATTAKIA.", [("LATTAKIA", "latakia")]),
        ("Crowds in the port city of Tartus.", [("the port city of Tartus", "tartus")]),
        (
            "Planes landed at the air base near Jableh.",
            [("air base near Jableh", "hmeimim-air-base"), ("Jableh", "jableh")],
        ),
        ("Troops at the Tartus base.", [("the Tartus base", "tartus-naval-base")]),
        ("Fighters of Hayat Tahrir al-Sham.", []),
        ("Fighters of Hayat al-Tahrir al-Sham.", []),
        # 'at Tartus' folds as 'Tartus' does ('at-' is an Arabic article); the preposition is
        # the sentence's, so 'naval port at' still names the base.
        ("Ships use the naval port at Tartus.", [("naval port at Tartus", "tartus-naval-base")]),
        # A base named before 'in X' has its name: X is the place around it.
        (
            "Jets left the Hmeimim air base in Latakia.",
            [("the Hmeimim air base", "hmeimim-air-base"), ("Latakia", "latakia")],
        ),
        ("The Soviet base in Tartus opened.", [("base in Tartus", "tartus-naval-base")]),
        (
            "Another base in Syria's port city of Tartus opened.",
            [
                ("base in Syria's port city of Tartus", "tartus-naval-base"),
                ("port city of Tartus", "tartus"),
            ],
        ),
    ],
    ids=[
        "kh",
        "ou",
        "caps",
        "alias",
        "described",
        "base-after",
        "inside-a-name",
        "inside-a-name-after-an-arabic-article",
        "preposition-is-not-an-article",
        "named-base-in-a-place",
        "unnamed-base-in-a-place",
        "a-base-in-a-named-port-city-names-both",
    ],
)
def test_places_in_any_spelling(
    gazetteer: Gazetteer, text: str, found: list[tuple[str, str]]
) -> None:
    mentions = find_mentions(text, gazetteer)
    assert [(m.text, m.key) for m in mentions] == found
    assert all(text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In Hama, officials said it was calm.", "Hama"),
        ("Convoys reached Homs.", "Homs"),
        ("Clashes spilled into nearby Kafr Zita.", "Kafr Zita"),
    ],
    ids=["sentence-opening-preposition", "after-a-verb", "direction-or-nearby-after-in"],
)
def test_names_outside_the_gazetteer_are_geocoded(gazetteer: Gazetteer, text: str, name: str):
    mentions = find_mentions(text, gazetteer, offline_place)
    assert [m.text for m in mentions if m.new is not None] == [name]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Months and weekdays, in full or abbreviated, are never places.
        (
            "DAMASCUS, Jan 14 (Wire) - Troops entered Homs on Tue.",
            [("DAMASCUS", "damascus"), ("Homs", "homs")],
        ),
        ("BEIRUT, Sept. 3 (Wire) - Clashes in Hama.", [("BEIRUT", "beirut"), ("Hama", "hamah")]),
        # A new place's id is its geocoded name transliterated, never the folded matching key
        # ('Aden' gave 'adin', 'US' 'unitid-statis').
        (
            "A ship was hit in Aden off Yemen, US officials said.",
            [("Aden", "aden"), ("Yemen", "yemen"), ("US", "united-states")],
        ),
        # A capital is a place however the text uses it, not inside an outlet's name.
        (
            "Ankara said it backed the talks; Sana news agency and SANA agreed.",
            [("Ankara", "ankara")],
        ),
        ("The plan was welcomed by Tehran.", [("Tehran", "tehran")]),
        # Every name of a list after 'in' is a place, found by a geocoder or not; a name
        # followed by a verb is the subject of a new clause.
        (
            "Raids in Homs, Tal Waqqas and Kafr Zita ended.",
            [("Homs", "homs"), ("Tal Waqqas", "tal-waqqas"), ("Kafr Zita", "kafr-zayta")],
        ),
        ("In Homs, Nadia Fares said it was calm.", [("Homs", "homs")]),
        # A name before 'said' is a person ('Putin', not the Chinese city Putian), unless
        # it follows 'in' ('the committees in El Fasher said') or is a capital.
        ("In Moscow, Putin and Lavrov met. Putin said it went well.", [("Moscow", "moscow")]),
        ("The committees in Homs said so.", [("Homs", "homs")]),
        # A name after a country's possessive is a place in it, if a geocoder knows it.
        ("A ship sank off Eritrea's Assab.", [("Eritrea", "eritrea"), ("Assab", "assab")]),
        ("Syria's Bashar al-Assad fled.", [("Syria", "syria")]),
        # 'town' and 'airfield' after a name make it a place, not 'the Druze town of'.
        ("Jets hit the Menagh airfield.", [("Menagh", "menagh")]),
        ("Calm in the Druze town of Shahba.", [("Shahba", "shahba")]),
        # 'the villages of A, B and C': plural place nouns open a list of places.
        (
            "Raids hit the villages of Tal Waqqas, Kafr Zita and Umm Sharshuh.",
            [
                ("Tal Waqqas", "tal-waqqas"),
                ("Kafr Zita", "kafr-zayta"),
                ("Umm Sharshuh", "umm-sharshuh"),
            ],
        ),
        # A landform by its name ('Strip', 'Heights'), listed; a generic word for a province
        # is not part of the name; 'the Islamic State' is no place.
        ("In the Golan Heights, troops dug in.", [("Golan Heights", "golan-heights")]),
        ("Rain in the Kurdistan Region and the Islamic State.", [("Kurdistan", "kurdistan")]),
        # '... of X state' names a state, not '... of Syrian state media'.
        ("Near the capital of North Darfur state.", [("North Darfur", "north-darfur")]),
        ("Reports of Syrian state media.", []),
        ("Near the capital of South Kordofan State.", [("South Kordofan", "south-kordofan")]),
        ("Fighters of Islamic State fled.", []),
    ],
    ids=[
        "dateline-month-and-weekday",
        "dateline-sept",
        "new-place-ids",
        "capital-as-metonym-not-an-outlet",
        "capital-after-by",
        "list-after-in",
        "no-list-a-person-speaks",
        "a-name-before-said-is-a-person",
        "a-place-before-said-after-in",
        "after-a-countrys-possessive",
        "not-a-person-after-a-countrys-possessive",
        "airfield-after-a-name",
        "adjective-before-town-of",
        "list-after-villages-of",
        "landform-after-a-sentence-opening-in",
        "generic-area-word",
        "state-after-a-name",
        "no-state-after-a-nationality",
        "state-in-title-case-after-a-name",
        "no-state-after-an-adjective",
    ],
)
def test_new_places_and_their_ids(
    gazetteer: Gazetteer, text: str, found: list[tuple[str, str]]
) -> None:
    mentions = find_mentions(text, gazetteer, offline_place)
    assert [(m.text, m.key) for m in mentions] == found


# Kinds of place mention met in news writing (issue 14, third batch), each with sentences
# written for the test: (text, the mentions found as (words, id)).
NEWS_KINDS = [
    pytest.param(
        "He spoke with U.S. President Joe Biden and UK Foreign Secretary David Lammy.",
        [("U.S.", "united-states"), ("UK", "united-kingdom")],
        id="a-countrys-abbreviation-before-a-title",
    ),
    pytest.param(
        "Ships left the U.K. for the U.A.E. on Monday.",
        [("U.K.", "united-kingdom"), ("U.A.E.", "united-arab-emirates")],
        id="dotted-abbreviations-are-one-word",
    ),
    pytest.param(
        "U.S.-backed fighters and the U.S.-Turkish patrols advanced.",
        [],
        id="dotted-abbreviation-in-a-compound",
    ),
    pytest.param(
        "Fighters of the SDF and ISIS camps; the agency SANA said so.",
        [],
        id="acronyms-are-no-places",
    ),
    pytest.param(
        "Trade talks\nHOMS, Syria (Wire) - Calm returned.\nHASSAN: (Speaking Arabic).",
        [("HOMS", "homs"), ("Syria", "syria")],
        id="only-the-first-line-in-capitals-is-a-dateline",
    ),
    pytest.param(
        "Strikes near Homs\n\nJets struck at night.\n\nCalm followed.\n\nHASSAN, a farmer, fled.",
        [("Homs", "homs")],
        id="a-dateline-opens-one-of-the-first-lines",
    ),
    pytest.param(
        "Strikes near Homs\nHASSAN, the news agency, said jets struck.",
        [("Homs", "homs")],
        id="a-name-in-capitals-described-after-a-comma-is-no-dateline",
    ),
    pytest.param(
        "HAMA, syria — Markets reopened.",
        [("HAMA", "hamah"), ("syria", "syria")],
        id="a-country-in-lower-case-after-the-datelines-town",
    ),
    pytest.param(
        "Troops move south\nHAMA—Convoys left at dawn.",
        [("HAMA", "hamah")],
        id="a-dateline-before-a-dash-without-spaces",
    ),
    pytest.param(
        "Patrols watched the Sinai Peninsula, the Golan Heights and Lake Tiberias; a radar "
        "stands on Mount Hermon and another on Jabal Druze, in Russia's Kursk Oblast too.",
        [
            ("Sinai Peninsula", "sinai-peninsula"),
            ("Golan Heights", "golan-heights"),
            ("Lake Tiberias", "lake-tiberias"),
            ("Mount Hermon", "mount-hermon"),
            ("Jabal Druze", "jabal-druze"),
            ("Russia", "russia"),
            ("Kursk Oblast", "kursk-oblast"),
        ],
        id="landforms-and-areas-by-their-names",
    ),
    pytest.param(
        "Gunmen came down from Tal Shihab; jets shelled Kafr Owaid and a convoy tried to "
        "enter Port Sudan.",
        [("Tal Shihab", "tal-shihab"), ("Kafr Owaid", "kafr-owaid"), ("Port Sudan", "port-sudan")],
        id="arabic-landform-words-and-verbs-of-going-and-striking",
    ),
    pytest.param(
        "The two armies quarrelled over Tal Rifaat and over Mopti.",
        [("Tal Rifaat", "tall-rif-at"), ("Mopti", "mopti")],
        id="a-name-after-over",
    ),
    pytest.param(
        "Calls to Guard Mosul Dam Grow\nEngineers said the Mosul Dam and the Umayyad Mosque "
        "need repairs.",
        [("Mosul Dam", "mosul-dam"), ("Umayyad Mosque", "umayyad-mosque")],
        id="named-works-and-landmarks-not-in-a-title-case-headline",
    ),
    pytest.param(
        "Flights left Latakia International Airport and Kuweires Military Airport.",
        [("Latakia", "latakia"), ("Kuweires Military Airport", "kuweires-military-airport")],
        id="a-towns-airport-is-the-town",
    ),
    pytest.param(
        "He lives in Tell Brak, a village near the border; she went back to her town, "
        "Sarmada, and to Zvartnots international airport.",
        [("Tell Brak", "tell-brak"), ("Sarmada", "sarmada"), ("Zvartnots", "zvartnots")],
        id="a-place-noun-in-apposition-or-after-an-adjective",
    ),
    pytest.param(
        "Jets used the Russian Hamim airfield; Alawite villages emptied as Alawites fled; "
        "Kurdish-Backed forces held St. Petersburg Square.",
        [("Hamim", "hamim"), ("St. Petersburg Square", "st-petersburg-square")],
        id="nationalities-peoples-and-participle-compounds-are-not-names",
    ),
    pytest.param(
        "Troops of the 4th Armoured Division left the 58th Military Base and the 7th "
        "Russian air base.",
        [
            ("58th Military Base", "58th-military-base"),
            ("7th Russian air base", "7th-russian-air-base"),
        ],
        id="a-base-by-its-number",
    ),
    pytest.param(
        "Posts in the Lori, Shirak, Kotayk and Aragatsotn provinces closed. Its Erebuni Air "
        "Base stays; Armenia's Independence Day and Armenia's Gyumri too.",
        [
            ("Lori", "lori"),
            ("Shirak", "shirak"),
            ("Kotayk", "kotayk"),
            ("Aragatsotn", "aragatsotn"),
            ("Erebuni Air Base", "erebuni-air-base"),
            ("Armenia", "armenia"),
            ("Armenia", "armenia"),
            ("Gyumri", "gyumri"),
        ],
        id="a-list-before-a-plural-place-noun-and-a-place-in-its-owners-country",
    ),
    pytest.param(
        "Drones struck the al-Wattiya air base; Wagner fighters left the Wagner air base.",
        [("al-Wattiya", "al-wattiya")],
        id="an-air-base-by-its-name-in-lower-case",
    ),
    pytest.param(
        "Tankers crossed the Gulf of Oman and the Sea of Azov to reach Aden.",
        [("Aden", "aden")],
        id="a-name-inside-a-seas-name",
    ),
    pytest.param(
        "Troops moved to the southwestern city of Qurgonteppa and to Kulob in the Chui region; "
        "Yemeni and Iraqi villages were quiet.",
        [("Qurgonteppa", "qurgonteppa"), ("Kulob", "kulob"), ("Chui", "chui")],
        id="city-of-and-names-ending-in-i-that-are-no-nationality",
    ),
    pytest.param(
        "Shelling in Homs, according to Reuters and Al Jazeera, spread to Hama and Kafr Zita.",
        [("Homs", "homs"), ("Hama", "hamah"), ("Kafr Zita", "kafr-zayta")],
        id="a-name-after-another-name-and-and-is-a-place-only-after-a-place",
    ),
    pytest.param(
        "Aid reached families in Ar Raqqah and As Suwayda.",
        [("Ar Raqqah", "ar-raqqah"), ("As Suwayda", "as-suwayda")],
        id="an-arabic-article-written-as-a-word",
    ),
    pytest.param(
        "As Lebanon waited, When Jordan closed its border, trade fell.",
        [("Lebanon", "lebanon")],
        id="a-sentence-opening-word-is-not-part-of-the-name",
    ),
    pytest.param(
        "The minister reiterated on Sunday Tehran's support and on Monday Ankara's.",
        [("Tehran", "tehran"), ("Ankara", "ankara")],
        id="a-weekday-before-a-name-is-not-part-of-it",
    ),
    pytest.param(
        "His village was shelled. Her town is empty.",
        [],
        id="a-possessive-pronoun-before-a-place-noun",
    ),
    pytest.param(
        "A Druze village lies near Alawite villages; Druze leaders and Alawite families met.",
        [],
        id="a-peoples-name-before-a-place-noun",
    ),
    pytest.param(
        "Talks were held between President Ahmad al-Sharaa and Army Commander Sipan Hamo.",
        [],
        id="a-person-with-a-title-in-a-list-after-between",
    ),
    pytest.param(
        "The Africa Corps replaced Wagner; the Israel Defense Forces moved north.",
        [],
        id="a-place-name-inside-an-organisations-name",
    ),
]


@pytest.mark.parametrize(("text", "found"), NEWS_KINDS)
def test_kinds_of_place_mention_in_news(
    gazetteer: Gazetteer, text: str, found: list[tuple[str, str]]
) -> None:
    mentions = find_mentions(text, gazetteer, offline_place)
    assert [(m.text, m.key) for m in mentions] == found
    assert all(text[m.start : m.end] == m.text for m in mentions)
