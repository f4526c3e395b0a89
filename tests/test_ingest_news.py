"""What ingest makes of real news writing: the kinds of issue 14, one example each."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest

from geodata import read_story
from geodata.__main__ import main
from geodata.gazetteer import Gazetteer
from geodata.ingest.geocoding import offline_place
from geodata.ingest.proposals import propose
from geodata.ingest.quotes import find_quotes
from geodata.ingest.sentences import split_sentences
from geodata.ingest.timex import find_timexes
from geodata.story import DEFAULT_FOLDER

WEDNESDAY = date(2025, 10, 15)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "On December 19, 2024, Putin said so. On December 27, a source said",
            "December 27",
            "2024-12-27",
        ),
        ("A source told TASS on December 27.", "December 27", "2024-12-27"),
        ("The summit is scheduled for October 20.", "October 20", "2025-10-20"),
        ("Talks will continue until Sunday.", "Sunday", "2025-10-19"),
        ("Peskov said Tuesday.", "Tuesday", "2025-10-14"),
        ("ahead of Friday's meeting", "Friday", "2025-10-17"),
        ("a report Monday", "Monday", "2025-10-13"),
        ("Talks were held earlier this week.", "earlier this week", "2025-10-13/2025-10-15"),
        ("Strikes killed scores this week.", "this week", "2025-10-13/2025-10-15"),
        ("He fled in December.", "in December", "2024-12"),
        ("Sharaa took power late last year.", "late last year", "2024-09-01/2024-12-31"),
        ("It was signed on Tuesday, May 20.", "Tuesday, May 20", "2025-05-20"),
        ("It was signed on December 27 last year.", "December 27 last year", "2024-12-27"),
        (
            "The correspondent saw it on Monday and not the following day.",
            "the following day",
            "2025-10-14",
        ),
        ("Ties date back to the 1940s.", "the 1940s", "1940-01-01/1949-12-31"),
        ("Clashes started seven hours ago.", "seven hours ago", "2025-10-15"),
    ],
    ids=[
        "runs-on-year",
        "latest-not-after",
        "scheduled",
        "will-until",
        "said-weekday",
        "ahead-of",
        "report-weekday",
        "earlier-this-week",
        "this-week-past",
        "month-past",
        "late-last-year",
        "weekday-must-match",
        "last-year-decides",
        "following-day",
        "decade",
        "hours-ago",
    ],
)
def test_dates_a_careful_reader_gives(text: str, words: str, code: str) -> None:
    found = {t.text: t.when.code for t in find_timexes(text, WEDNESDAY)}
    assert found.get(words) == code, found


def test_weekday_that_does_not_match_the_day_gives_no_date() -> None:
    found = find_timexes("It was signed on Monday, May 20.", WEDNESDAY)
    assert all(t.when.code != "2025-05-20" for t in found)


def test_no_past_report_lands_after_publication() -> None:
    text = "In November, in December, on October 30 and on Friday, forces moved."
    assert all(t.when.start <= WEDNESDAY for t in find_timexes(text, WEDNESDAY))


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Tartus customs director Riad Judi confirmed the decision, telling the Al-Watan news "
            "outlet, “The agreement with the Russian company has been cancelled.”",
            "The agreement with the Russian company has been cancelled.",
            "Riad Judi",
        ),
        (
            "Peskov confirmed that talks would focus on “the presence of our soldiers in Syria”.",
            "the presence of our soldiers in Syria",
            "Peskov",
        ),
        (
            "UK military intelligence said Tuesday in a statement: «Russia is moving its ships».",
            "Russia is moving its ships",
            "UK military intelligence",
        ),
        (
            "„The base stays open“, the ministry said.",
            "The base stays open",
            "ministry",
        ),
        (
            "He called it ‘a blow to Moscow’s ambitions’, said Defence Secretary John Healey.",
            "a blow to Moscow’s ambitions",
            "John Healey",
        ),
    ],
    ids=["curly-after-speaker", "partial", "institution", "low-high", "single-curly"],
)
def test_quotes_in_any_style(text: str, quote: str, speaker: str) -> None:
    found = [(q.text, q.speaker) for q in find_quotes(split_sentences(text))]
    assert found == [(quote, speaker)]


def test_a_whole_sentence_quote_belongs_to_the_speaker_before() -> None:
    text = (
        "Healey said the ships were still armed, said Defence Secretary John Healey. "
        "“It shows that Russia is weakened.”"
    )
    found = [(q.text, q.speaker) for q in find_quotes(split_sentences(text))]
    assert found == [("It shows that Russia is weakened.", "John Healey")]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(read_story(Path(DEFAULT_FOLDER)).story.places.values())


LEAD = (
    "Bases on the agenda\n\n"
    "MOSCOW, October 16. /TASS/. The future of Russian bases in Hmeimim and Tartus was "
    "discussed during the talks between Putin and al-Sharaa, Kremlin spokesman Dmitry Peskov "
    "told reporters.\n"
    "Al-Sharaa is meeting Putin in Moscow following the toppling of Assad in 2024.\n"
)


def test_the_lead_is_an_event_dated_by_the_dateline(gazetteer: Gazetteer) -> None:
    proposal = propose(LEAD, date(2025, 10, 16), gazetteer, geocode=offline_place)
    lead = proposal.events[0]
    assert lead.when.code == "2025-10-16"
    assert lead.sources[0].sentence.startswith("The future of Russian bases")
    assert {"hmeimim-air-base", "tartus-naval-base"} <= set(lead.places)
    background = [e for e in proposal.events if "toppling" in e.sources[0].sentence]
    assert [e.when.code for e in background] == ["2025-10-16"]


def test_every_place_is_listed_and_new_names_keep_the_text_spelling(gazetteer: Gazetteer) -> None:
    text = "Russian troops left Kamishli. Clashes went on in the Sheikh Maqsood neighborhood.\n"
    proposal = propose(text, date(2026, 1, 27), gazetteer, geocode=offline_place)
    lines = "\n".join(proposal.place_lines())
    assert "'Kamishli': new draft place" in lines
    assert "'Sheikh Maqsood': not located" in lines
    new = proposal.new_places
    assert [p.name for p in new.values()] == ["Al Qāmishlī"]


FIRST = (
    "MOSCOW, October 16. /TASS/. The future of Russian bases in Hmeimim and Tartus was "
    "discussed in Moscow, Kremlin spokesman Dmitry Peskov told reporters.\n"
    "On December 19, 2024, Russian President Vladimir Putin said that Moscow proposed to use "
    "its military bases in Tartus for deliveries of humanitarian aid to Syria. On December 27, "
    "a source told TASS that new Syrian authorities do not plan to terminate the agreements "
    "on the bases in Latakia and Tartus.\n"
)
SECOND = (
    "MOSCOW, October 17. /TASS/. Russian warships called at Tartus, a source told TASS.\n"
    "On December 19, 2024, Russian President Vladimir Putin said that Moscow proposed to use "
    "its military bases in Tartus for deliveries of humanitarian aid to Syria. On December 27, "
    "a source told TASS that new Syrian authorities do not plan to terminate the agreements "
    "on the bases in Latakia and Tartus.\n"
)


def test_a_second_article_repeating_events_links_them(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(Path(DEFAULT_FOLDER) / "places.toml", folder / "places.toml")
    for day, text in (("2025-10-16", FIRST), ("2025-10-17", SECOND)):
        source = tmp_path / f"{day}.txt"
        source.write_text(text, encoding="utf-8")
        argv = ["ingest", str(source), "--outlet", "TASS", "--published", day]
        assert main([*argv, "--folder", str(folder)]) == 0
    first = tomllib.loads((folder / "tass-2025-10-16.events.toml").read_text("utf-8"))
    second = tomllib.loads((folder / "tass-2025-10-17.events.toml").read_text("utf-8"))
    dates = {e["date"]: e["id"] for e in first["event"]}
    assert {"2024-12-19", "2024-12-27"} <= set(dates)
    links = {e["date"]: e.get("same_as") for e in second["event"]}
    assert links["2024-12-19"] == dates["2024-12-19"]
    assert links["2024-12-27"] == dates["2024-12-27"]
    assert links["2025-10-17"] is None
    assert main(["check", str(folder)]) == 0


def test_a_new_place_keeps_every_spelling_the_text_uses(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(Path(DEFAULT_FOLDER) / "places.toml", folder / "places.toml")
    source = tmp_path / "new.txt"
    source.write_text("Troops left Kamishli on Monday. Crowds gathered in Qamishli.\n")
    argv = ["ingest", str(source), "--outlet", "AFP", "--published", "2026-01-27"]
    assert main([*argv, "--folder", str(folder)]) == 0
    places = tomllib.loads((folder / "places.toml").read_text("utf-8"))["place"]
    new = [p for p in places if p.get("draft")]
    assert [(p["id"], p["name"], p["aliases"]) for p in new] == [
        ("al-qamishli", "Al Qāmishlī", ["Kamishli", "Qamishli"])
    ]


def test_two_provinces_named_together_are_two_places(gazetteer: Gazetteer) -> None:
    text = "Clashes spread in Hasakeh and Raqqa provinces.\n"
    proposal = propose(text, date(2026, 1, 27), gazetteer, geocode=offline_place)
    assert [(m.text, m.key) for m in proposal.mentions] == [
        ("Hasakeh", "al-hasakah-province"),
        ("Raqqa provinces", "ar-raqqah-province"),
    ]
