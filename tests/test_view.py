"""dashboard/view.py, cards.py, highlight.py: slider stops, headings, event cards and highlighted
articles, as pure functions."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from stories import BACKGROUND_FILES, write_story

from dashboard.cards import (
    event_card,
    place_heading,
    places_caption,
    quoted,
    reader_note,
    source_name,
)
from dashboard.highlight import highlighted_article
from dashboard.view import (
    BACKGROUND,
    Stop,
    date_heading,
    default_position,
    slider_stops,
    stop_heading,
)
from geodata import DEFAULT_FOLDER, Story, StoryDate, Timeline, read_story

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

HOSTILE_ARTICLE = f"""\
+++
id = "hostile-2024-12-20"
outlet = "{IMG}"
headline = "Bad {SCRIPT}"
published = "2024-12-20"
published_basis = "stated"
published_reasoning = "Dated {SCRIPT}."
+++
Hostile {SCRIPT} headline

He wrote {SCRIPT} in the text.
She said "{IMG}" and left.
"""

HOSTILE_EVENTS = f"""\
[[event]]
id = "hostile-wrote"
kind = "military"
summary = "Someone wrote {SCRIPT}."
date = "2024-12-19"
places = ["damascus"]
note = "{IMG}"

[[event.source]]
article = "hostile-2024-12-20"
sentence = "He wrote {SCRIPT} in the text."
note = "{SCRIPT}"

[[event]]
id = "hostile-said"
kind = "statement"
summary = "She said {SCRIPT}."
date = "2024-12-19"
places = ["damascus"]
actor = "{SCRIPT}"
role = "{IMG}"

[[event.source]]
article = "hostile-2024-12-20"
sentence = 'She said "{IMG}" and left.'
quote = "{IMG}"
"""

HOSTILE_FILES = {
    "hostile-2024-12-20.txt": HOSTILE_ARTICLE,
    "hostile-2024-12-20.events.toml": HOSTILE_EVENTS,
}

STORY_CODES = ["2024-11-21/2024-11-30", "2024-12-08", "2024-12-16"]
STORY_LABELS = ["late November 2024 (approximate)", "8 December 2024", "16 December 2024"]
STORY_EVENTS = [("offensive",), ("damascus-entered",), ("no-decision",)]


def read_valid(folder: Path) -> Story:
    reading = read_story(folder)
    assert reading.errors == ()
    return reading.story


@pytest.fixture
def story(story_dir: Path) -> Story:
    return read_valid(story_dir)


@pytest.fixture
def background_story(tmp_path: Path) -> Story:
    return read_valid(write_story(tmp_path / "articles", BACKGROUND_FILES))


@pytest.fixture
def hostile_story(tmp_path: Path) -> Story:
    return read_valid(write_story(tmp_path / "articles", HOSTILE_FILES))


# --- slider stops ---------------------------------------------------------------------------


def test_background_stop_comes_first_and_reveals_everything_before_the_story(background_story):
    stops = slider_stops(Timeline.of(background_story.events))
    first = stops[0]
    assert first.code == BACKGROUND
    assert first.label == "Background (1971–2015)"
    assert first.index == 1  # the last background-only timeline stop
    assert [e.id for e in first.events] == ["facility-opened", "warplanes-arrived"]


def test_story_stops_follow_the_background_with_their_own_timeline_index(background_story):
    stops = slider_stops(Timeline.of(background_story.events))[1:]
    assert [s.code for s in stops] == STORY_CODES
    assert [s.label for s in stops] == STORY_LABELS
    assert [s.index for s in stops] == [2, 3, 4]
    assert [tuple(e.id for e in s.events) for s in stops] == STORY_EVENTS


def test_no_background_stop_when_the_story_has_no_background(story):
    stops = slider_stops(Timeline.of(story.events))
    assert [s.code for s in stops] == STORY_CODES
    assert [s.label for s in stops] == STORY_LABELS
    assert [s.index for s in stops] == [0, 1, 2]
    assert [tuple(e.id for e in s.events) for s in stops] == STORY_EVENTS


def test_only_background_events_give_plain_date_stops(tmp_path):
    folder = write_story(tmp_path / "articles", BACKGROUND_FILES)
    (folder / "wire-2024-12-16.events.toml").unlink()
    stops = slider_stops(Timeline.of(read_valid(folder).events))
    assert [s.code for s in stops] == ["1971", "2015-09"]
    assert default_position(stops) == 0


def test_an_empty_timeline_has_no_stops():
    stops = slider_stops(Timeline.of([]))
    assert stops == []
    assert default_position(stops) == 0


@pytest.mark.parametrize(
    ("with_background", "position"), [(True, 1), (False, 0)], ids=["background", "no-background"]
)
def test_default_position_is_the_first_story_date(
    story, background_story, with_background, position
):
    stops = slider_stops(Timeline.of((background_story if with_background else story).events))
    assert default_position(stops) == position
    assert stops[position].code == STORY_CODES[0]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("2024-12-08", "On 8 December 2024"),
        ("2025-03", "In March 2025"),
        ("2015", "In 2015"),
        ("2024-11-21/2024-11-30", "In late November 2024 (approximate)"),
        ("2025-03-01/2025-12-31", "Between March and December 2025 (approximate)"),
        ("2024-12-08/2024-12-09", "On 8–9 December 2024 (approximate)"),
        ("1999-12-09/2000-12-08", "From 9 December 1999 to 8 December 2000 (approximate)"),
    ],
    ids=["day", "month", "year", "late-month", "between-months", "days", "across-years"],
)
def test_date_headings_read_as_plain_english(text, heading):
    assert date_heading(StoryDate.parse(text)) == heading


def test_no_heading_of_the_real_story_reads_on_between():
    story = read_story(Path(DEFAULT_FOLDER)).story
    headings = [stop_heading(stop) for stop in slider_stops(Timeline.of(story.events))]
    assert headings and not [h for h in headings if h.startswith(("On between", "On late"))]
    assert all(h[0].isupper() for h in headings)


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("2024-12-08", "Damascus: 3 events up to 8 December 2024"),
        ("2024-11-21/2024-11-30", "Damascus: 3 events up to late November 2024 (approximate)"),
        (
            "2025-03-01/2025-12-31",
            "Damascus: 3 events up to the period between March and December 2025 (approximate)",
        ),
        ("..2024-12-09", "Damascus: 3 events by 9 December 2024"),
    ],
    ids=["day", "late", "between", "on-or-before"],
)
def test_place_headings_read_as_a_sentence(story, code, heading):
    when = StoryDate.parse(code)
    stop = Stop(when.code, when.label, 0, (), when)
    assert place_heading(story.places["damascus"], 3, stop) == heading


@pytest.mark.parametrize(
    ("code", "caption"),
    [
        ("2024-12-08", "Places at 8 December 2024"),
        ("2024-11-21/2024-11-30", "Places at late November 2024 (approximate)"),
        ("2025-03-01/2025-12-31", "Places between March and December 2025 (approximate)"),
        ("..2024-12-09", "Places by 9 December 2024"),
        (None, "Places before the story (1971–2015)"),
    ],
    ids=["day", "late", "between", "on-or-before", "background"],
)
def test_the_places_table_caption_reads_as_a_phrase(code, caption):
    if code is None:
        stop = Stop(BACKGROUND, "Background (1971–2015)", 1, ())
    else:
        when = StoryDate.parse(code)
        stop = Stop(when.code, when.label, 0, (), when)
    assert places_caption(stop) == caption


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words", "“plain words”"),
        ("“already quoted”", "“already quoted”"),
        ('"straight quotes"', "“straight quotes”"),
        ("“open only", "““open only”"),
    ],
    ids=["plain", "curly", "straight", "unbalanced-kept"],
)
def test_quoted_never_doubles_the_marks(text, shown):
    assert quoted(text) == shown


def test_a_source_without_a_named_outlet_reads_naturally():
    story = read_story(Path(DEFAULT_FOLDER)).story
    names = [source_name(article) for article in story.articles.values()]
    assert names and not [name for name in names if "not named" in name.lower()]
    unnamed = [a for a in story.articles.values() if "not named" in a.outlet.lower()]
    assert unnamed, "the real articles include some that name no outlet"
    assert all(source_name(a).startswith("A news article, “") for a in unnamed)


def test_notes_name_articles_by_outlet_or_headline_not_their_id(story):
    note = reader_note("wire-2024-12-16 names the offensive.", story)
    assert note == "Wire names the offensive."


def test_notes_name_events_by_their_summary_not_their_id(story):
    event = next(e for e in story.events if e.id == "no-decision")
    note = reader_note("Said after the event damascus-entered; see also not-an-event.", story)
    # Only real event ids are replaced.
    assert note == "Said after the event “Fighters entered Damascus”; see also not-an-event."
    assert event.id == "no-decision"


def test_no_card_of_the_real_story_shows_an_id_or_doubled_quotes():
    story = read_story(Path(DEFAULT_FOLDER)).story
    ids = {event.id for event in story.events} | set(story.articles) | set(story.places)
    ids -= {place.name.lower() for place in story.places.values()}  # 'damascus' is a word
    for event in story.events:
        text = plain_text(event_card(event, story))
        shown_ids = {word.strip(".,;:()'") for word in text.split()} & ids
        assert not shown_ids, f"{event.id}: {shown_ids}"
        assert "““" not in text and "””" not in text and "Outlet not named" not in text, event.id


# --- escaping -----------------------------------------------------------------------------------

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
ESCAPED_IMG = "&lt;img src=x onerror=alert(1)&gt;"
TAG = re.compile(r"<\s*(script|img)\b", re.IGNORECASE)


@pytest.mark.parametrize(
    ("event_id", "escaped"),
    [
        ("hostile-wrote", [ESCAPED_SCRIPT, ESCAPED_IMG]),
        ("hostile-said", [ESCAPED_SCRIPT, ESCAPED_IMG]),
    ],
    ids=["sentence-note-summary", "quote-actor-role"],
)
def test_event_card_escapes_hostile_text(hostile_story, event_id, escaped):
    event = next(e for e in hostile_story.events if e.id == event_id)
    html = event_card(event, hostile_story)
    for text in escaped:
        assert text in html
    assert not TAG.search(html), html


def test_event_card_shows_the_quote_speaker_and_source_link(story):
    event = next(e for e in story.events if e.id == "no-decision")
    html = event_card(event, story)
    assert "<blockquote>“<bdi>There are no final decisions,</bdi>”</blockquote>" in html
    assert "Said by: <bdi>The spokesman, Kremlin spokesman</bdi>" in html
    assert 'href="articles?article=wire-2024-12-16&amp;event=no-decision"' in html
    assert "Where: <bdi>Tartus naval facility</bdi>, <bdi>Damascus</bdi>" in html


def test_event_card_isolates_each_data_text_so_direction_controls_stay_inside(story):
    from dataclasses import replace

    event = next(e for e in story.events if e.id == "no-decision")
    article = story.articles["wire-2024-12-16"]
    rlo = replace(article, outlet="\u202eWire", headline="Talks \u202ego on")
    bent = replace(story, articles={**story.articles, article.id: rlo})
    html = event_card(replace(event, actor="\u202eThe spokesman", note="\u2067x"), bent)
    for text in ("\u202eWire", "Talks \u202ego on", "\u202eThe spokesman, Kremlin spokesman"):
        assert f"<bdi>{text}</bdi>" in html
    assert "Note: <bdi>\u2067x</bdi>" in html
    assert '<div class="summary" dir="auto">' in html


def test_highlighted_article_escapes_hostile_text(hostile_story):
    html = highlighted_article(hostile_story.articles["hostile-2024-12-20"], hostile_story)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not TAG.search(html), html


# --- highlighted article ----------------------------------------------------------------------


class Segments(HTMLParser):
    """Text pieces of the highlighted article with the mark and quote around each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.pieces: list[tuple[str, dict[str, str] | None, bool]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.handle_data("\n")
            return
        self.stack.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        mark = next((a for t, a in reversed(self.stack) if t == "mark"), None)
        quoted = any(t == "span" and "quote" in a.get("class", "").split() for t, a in self.stack)
        self.pieces.append((data, mark, quoted))

    @classmethod
    def of(cls, html: str) -> Segments:
        parser = cls()
        parser.feed(html)
        parser.close()
        assert len(parser.stack) == 0
        return parser

    def marked(self, event_id: str) -> str:
        return "".join(
            text
            for text, mark, _ in self.pieces
            if mark is not None and event_id in mark["data-events"].split()
        )

    def with_class(self, name: str) -> str:
        return "".join(
            text
            for text, mark, _ in self.pieces
            if mark is not None and name in mark["class"].split()
        )

    def quoted(self) -> str:
        return "".join(text for text, _, quoted in self.pieces if quoted)


def plain_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html.replace("<br>", "\n")))


@pytest.mark.parametrize(
    ("hostile", "article_id"),
    [(False, "wire-2024-12-16"), (True, "hostile-2024-12-20")],
    ids=["plain", "hostile"],
)
def test_highlighted_article_keeps_the_full_text(story, hostile_story, hostile, article_id):
    chosen = hostile_story if hostile else story
    article = chosen.articles[article_id]
    html = highlighted_article(article, chosen, focus="no-decision")
    assert html.startswith('<div class="article-body">')
    assert plain_text(html) == article.body
    assert "\n" not in html  # newlines become <br>


@pytest.mark.parametrize(
    ("event_id", "sentence"),
    [
        ("offensive", "In late November, an offensive began."),
        ("damascus-entered", "On December 8, fighters entered Damascus."),
        ("no-decision", "“There are no final decisions,” he said."),
    ],
    ids=["offensive", "damascus-entered", "no-decision"],
)
def test_highlighted_article_marks_each_cited_sentence(story, event_id, sentence):
    html = highlighted_article(story.articles["wire-2024-12-16"], story)
    segments = Segments.of(html)
    assert segments.marked(event_id) == sentence
    assert all("sentence" in mark["class"].split() for _, mark, _ in segments.pieces if mark)


def test_highlighted_article_marks_sentences_of_the_hostile_article(hostile_story):
    html = highlighted_article(hostile_story.articles["hostile-2024-12-20"], hostile_story)
    segments = Segments.of(html)
    assert segments.marked("hostile-wrote") == f"He wrote {SCRIPT} in the text."
    assert segments.quoted() == IMG


@pytest.mark.parametrize(
    "focus", ["offensive", "damascus-entered", "no-decision", None, "not-an-event"]
)
def test_highlighted_article_outlines_only_the_focus_event(story, focus):
    html = highlighted_article(story.articles["wire-2024-12-16"], story, focus=focus)
    segments = Segments.of(html)
    focused = segments.with_class("focus")
    expected = segments.marked(focus) if focus in {e.id for e in story.events} else ""
    assert focused == expected
    assert (focused != "") == (focus in {"offensive", "damascus-entered", "no-decision"})


def test_highlighted_article_bolds_the_quote_inside_its_sentence(story):
    segments = Segments.of(highlighted_article(story.articles["wire-2024-12-16"], story))
    assert segments.quoted() == "There are no final decisions,"
    quoted_marks = [mark for _, mark, quoted in segments.pieces if quoted]
    assert quoted_marks and all(
        m is not None and m["data-events"] == "no-decision" for m in quoted_marks
    )


def test_highlighted_article_leaves_uncited_text_unmarked(story):
    segments = Segments.of(highlighted_article(story.articles["wire-2024-12-16"], story))
    unmarked = "".join(text for text, mark, _ in segments.pieces if mark is None)
    assert "The Kremlin spokesman spoke to reporters on Monday." in unmarked
    assert "fighters entered" not in unmarked


def test_a_long_article_is_highlighted_without_memory_per_character(tmp_path):
    """An article at the size limit (1 MB): about 60 MB of memory (it was 270 MB and 40 s)."""
    import tracemalloc

    from stories import ARTICLE, write_story

    from geodata import read_story
    from geodata.files import ARTICLE_LIMIT

    filler = "Filler text of the article goes on. " * (ARTICLE_LIMIT // 37)
    folder = write_story(tmp_path / "articles", {"wire-2024-12-16.txt": ARTICLE + filler})
    story = read_story(folder).story
    article = story.articles["wire-2024-12-16"]
    assert len(article.body) > 0.9 * ARTICLE_LIMIT
    tracemalloc.start()
    try:
        html = highlighted_article(article, story)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert html.count('<mark class="sentence"') >= 3
    assert peak < 100 * ARTICLE_LIMIT, f"{peak / 1e6:.0f} MB for a 1 MB article"
