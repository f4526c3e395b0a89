"""Every kind of broken file gets a clear message naming where, what and the fix."""

import subprocess
import sys

import pytest
from stories import ARTICLE, EVENTS, PLACES, write_story

from geodata import DataError, load_story, read_story
from geodata.__main__ import main

EVENTS_FILE = "wire-2024-12-16.events.toml"
ARTICLE_FILE = "wire-2024-12-16.txt"

BROKEN = [
    pytest.param(
        {
            EVENTS_FILE: EVENTS.replace(
                'quote = "There are no final decisions,"', 'quote = "There are no decisions at all"'
            )
        },
        [
            EVENTS_FILE,
            "event 'no-decision'",
            "quote",
            "There are no decisions at all",
            "does not appear verbatim",
            "copy the quote",
        ],
        id="quote-not-verbatim",
    ),
    pytest.param(
        {
            EVENTS_FILE: EVENTS.replace(
                'places = ["damascus"]\n\n[[event.source]]\n'
                'article = "wire-2024-12-16"\nsentence = "On',
                'places = ["Tartous Port"]\n\n[[event.source]]\n'
                'article = "wire-2024-12-16"\nsentence = "On',
            )
        },
        [
            EVENTS_FILE,
            "event 'damascus-entered'",
            "places",
            "'Tartous Port' is not in the gazetteer",
            "did you mean 'tartus'",
        ],
        id="unknown-place",
    ),
    pytest.param(
        {EVENTS_FILE: EVENTS.replace('date = "2024-12-08"', 'date = "2024-02-30"')},
        [EVENTS_FILE, "event 'damascus-entered'", "date", "2024-02-30", "not a calendar day"],
        id="impossible-date",
    ),
    pytest.param(
        {EVENTS_FILE: EVENTS.replace('date = "2024-12-08"', 'date = "8 Dec 2024"')},
        [EVENTS_FILE, "event 'damascus-entered'", "date", "'8 Dec 2024'", "YYYY-MM-DD"],
        id="malformed-date",
    ),
    pytest.param(
        {EVENTS_FILE: EVENTS.replace('summary = "Fighters entered Damascus."\n', "")},
        [EVENTS_FILE, "event 'damascus-entered'", "field 'summary'", "is missing", "add summary"],
        id="missing-summary",
    ),
    pytest.param(
        {EVENTS_FILE: EVENTS.replace('id = "offensive"', 'id = "damascus-entered"')},
        [EVENTS_FILE, "'damascus-entered' is used twice", "rename one"],
        id="duplicate-event-id",
    ),
    pytest.param(
        {"other.events.toml": EVENTS.split('[[event]]\nid = "damascus-entered"')[0]},
        ["other.events.toml", "'offensive' is used twice", "rename one"],
        id="duplicate-id-across-files",
    ),
    pytest.param(
        {
            EVENTS_FILE: EVENTS.replace(
                'sentence = "On December 8, fighters entered Damascus."',
                'sentence = "On December 9, fighters entered Damascus."',
            )
        },
        [
            EVENTS_FILE,
            "event 'damascus-entered'",
            "source[1].sentence",
            "'On December 9, fighters entered Damascus.' is not in",
            "copy the sentence",
        ],
        id="sentence-not-in-article",
    ),
    pytest.param(
        {
            EVENTS_FILE: EVENTS.replace(
                'article = "wire-2024-12-16"\nsentence = "On',
                'article = "wire-2024-12-61"\nsentence = "On',
            )
        },
        [
            EVENTS_FILE,
            "source[1].article",
            "'wire-2024-12-61' is not an article",
            "did you mean 'wire-2024-12-16'",
        ],
        id="unknown-article",
    ),
    pytest.param(
        {EVENTS_FILE: EVENTS.replace('quote = "There are no final decisions,"\n', "")},
        [EVENTS_FILE, "event 'no-decision'", "a statement has no quote", "add quote"],
        id="statement-without-quote",
    ),
    pytest.param(
        {EVENTS_FILE: EVENTS.replace('kind = "military"', 'kind = "battle"', 1)},
        [EVENTS_FILE, "event 'offensive'", "kind", "'battle' is not allowed", "'military'"],
        id="unknown-kind",
    ),
    pytest.param(
        {
            EVENTS_FILE: EVENTS.replace(
                'summary = "An offensive began."', 'summry = "An offensive began."'
            )
        },
        [
            EVENTS_FILE,
            "event 'offensive'",
            "field 'summry': is not a known field",
            "fix its spelling",
        ],
        id="misspelt-field",
    ),
    pytest.param(
        {EVENTS_FILE: EVENTS.encode("utf-8").replace(b"An offensive", b"An \xff offensive")},
        [EVENTS_FILE, "is not UTF-8", "byte 0xff", "re-save the file as UTF-8"],
        id="not-utf8",
    ),
    pytest.param(
        {
            EVENTS_FILE: EVENTS.replace(
                'summary = "An offensive began."', 'summary = "An offensive began.'
            )
        },
        [f"{EVENTS_FILE}:4", "is not valid TOML"],
        id="toml-syntax",
    ),
    pytest.param(
        {ARTICLE_FILE: ARTICLE.replace('published = "2024-12-16"', 'published = "2024-12-32"')},
        [ARTICLE_FILE, "field 'published'", "2024-12-32", "not a calendar day"],
        id="article-bad-date",
    ),
    pytest.param(
        {ARTICLE_FILE: ARTICLE.replace("+++\nid", "id", 1)},
        [ARTICLE_FILE + ":1", "does not start with a +++ line", "add the header"],
        id="article-no-header",
    ),
    pytest.param(
        {ARTICLE_FILE: ARTICLE.replace('outlet = "Wire"\n', "")},
        [ARTICLE_FILE, "field 'outlet'", "is missing"],
        id="article-missing-outlet",
    ),
    pytest.param(
        {"places.toml": PLACES.replace("lat = 33.5102", "lat = 133.5")},
        [
            "places.toml:22, field 'damascus.lat': 133.5 is outside -90..90",
            "expected a latitude from -90 to 90",
        ],
        id="place-bad-latitude",
    ),
    pytest.param(
        {"places.toml": PLACES.replace('kind = "city"\nlat = 33.5', 'kind = "town"\nlat = 33.5')},
        ["places.toml", "damascus.kind", "'town' is not allowed", "'city'"],
        id="place-bad-kind",
    ),
]


@pytest.mark.parametrize(("files", "expected"), BROKEN)
def test_each_problem_is_named_with_where_what_and_fix(tmp_path, files, expected):
    folder = write_story(tmp_path / "articles", files)
    messages = "\n".join(str(issue) for issue in read_story(folder).issues)
    for words in expected:
        assert words in messages, f"{words!r} not in:\n{messages}"


@pytest.mark.parametrize(("files", "expected"), BROKEN)
def test_check_command_exits_1_and_prints_the_problem(tmp_path, capsys, files, expected):
    folder = write_story(tmp_path / "articles", files)
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert expected[0] in out
    assert "problem(s) found" in out


def test_valid_folder_passes(story_dir, capsys):
    assert main(["check", str(story_dir)]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith(f"OK: {story_dir}: 3 places, 1 articles, 3 valid events;")
    assert [event.id for event in load_story(story_dir).events] == [
        "offensive",
        "damascus-entered",
        "no-decision",
    ]


def test_all_problems_are_listed_at_once_and_the_rest_still_loads(tmp_path):
    broken = EVENTS.replace('date = "2024-12-08"', 'date = "2024-02-30"').replace(
        'places = ["tartus-naval-base", "damascus"]', 'places = ["Tartous Port", "damascus"]'
    )
    folder = write_story(tmp_path / "articles", {EVENTS_FILE: broken})
    reading = read_story(folder)
    assert len(reading.errors) == 2
    assert [event.id for event in reading.story.events] == ["offensive"]
    with pytest.raises(DataError) as caught:
        load_story(folder)
    assert isinstance(caught.value, ValueError)
    assert len(caught.value.issues) == 2


def test_line_numbers_point_at_the_event(tmp_path):
    broken = EVENTS.replace('date = "2024-12-08"', 'date = "2024-02-30"')
    folder = write_story(tmp_path / "articles", {EVENTS_FILE: broken})
    (issue,) = read_story(folder).issues
    line = broken.splitlines()[issue.line - 1]
    assert line == 'id = "damascus-entered"'


def test_sources_know_their_line_in_the_article(story_dir):
    story = load_story(story_dir)
    source = next(e for e in story.events if e.id == "damascus-entered").sources[0]
    assert ARTICLE.splitlines()[source.line - 1].endswith("fighters entered Damascus.")


def test_quote_marks_and_whitespace_are_forgiven(tmp_path):
    relaxed = EVENTS.replace(
        "sentence = '“There are no final decisions,” he said.'",
        'sentence = "\\"There are  no final\\ndecisions,\\" he said."',
    )
    folder = write_story(tmp_path / "articles", {EVENTS_FILE: relaxed})
    assert read_story(folder).errors == ()


def test_missing_folder_is_a_problem_not_a_crash(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    assert "nowhere: does not exist; expected the articles folder" in capsys.readouterr().out


def test_command_line_entry_point(story_dir):
    done = subprocess.run(
        [sys.executable, "-m", "geodata", "check", str(story_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_draft_that_repeats_an_unknown_event_is_an_error(tmp_path):
    drafted = EVENTS.replace(
        'id = "no-decision"', 'id = "no-decision"\ndraft = true\nsame_as = "no-such-event"'
    )
    folder = write_story(tmp_path / "articles", {EVENTS_FILE: drafted})
    messages = [str(issue) for issue in read_story(folder).errors]
    assert len(messages) == 1
    assert "field 'same_as': 'no-such-event' is not the id of an event" in messages[0]
