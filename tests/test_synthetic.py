"""The synthetic story generator: valid folders of the requested size, inside Syria."""

from __future__ import annotations

import pytest

from geodata import Timeline, read_story
from geodata.fidelity import fidelity_issues
from geodata.synthetic import SYRIA_BOUNDS, Size, write_story


@pytest.mark.parametrize(
    ("size", "stops"),
    [(Size(50, 10), 11), (Size(1000, 50), 201), (Size(7, 3, dates=5), 5), (Size(1, 1), 1)],
    ids=["50x10", "1000x50", "fixed-dates", "smallest"],
)
def test_a_generated_folder_validates_with_the_requested_counts(tmp_path, size, stops):
    reading = read_story(write_story(tmp_path / "story", size))
    assert reading.issues == ()
    story = reading.story
    assert len(story.events) == size.events
    assert len(story.places) == size.places
    assert len(Timeline.of(story.events)) == stops
    assert {p for e in story.events for p in e.places} <= set(story.places)


def test_places_are_points_in_syria_with_site_ids(tmp_path):
    story = read_story(write_story(tmp_path, Size(20, 12))).story
    (south, west), (north, east) = SYRIA_BOUNDS
    assert sorted(story.places) == [f"site-{n:03d}" for n in range(1, 13)]
    for place in story.places.values():
        assert south <= place.latlon.lat <= north
        assert west <= place.latlon.lon <= east


def test_statements_quote_their_article_and_every_source_line_is_found(tmp_path):
    story = read_story(write_story(tmp_path, Size(40, 5))).story
    statements = [e for e in story.events if e.kind.value == "statement"]
    assert statements and all(e.quote for e in statements)
    assert all(s.line is not None for e in story.events for s in e.sources)


def test_the_same_size_and_seed_give_the_same_files(tmp_path):
    write_story(tmp_path / "a", Size(30, 4), seed=7)
    write_story(tmp_path / "b", Size(30, 4), seed=7)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize(
    ("text", "size"),
    [("1000x50", Size(1000, 50)), ("10x2x4", Size(10, 2, 4)), ("5X1", Size(5, 1))],
    ids=["events-places", "with-dates", "capital-x"],
)
def test_sizes_parse_from_text(text, size):
    assert Size.parse(text) == size


@pytest.mark.parametrize("text", ["1000", "ax5", "10x0", "0x5", "1x2x3x4"], ids=str)
def test_bad_sizes_say_what_is_expected(text):
    with pytest.raises(ValueError, match="size|needs"):
        Size.parse(text)


def test_a_generated_folder_passes_the_fidelity_checks(tmp_path):
    story = read_story(write_story(tmp_path, Size(300, 20, dates=10))).story
    assert [str(issue) for issue in fidelity_issues(story)] == []
