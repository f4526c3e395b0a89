import pytest

from geodata import StoryDate, Timeline, load_story


@pytest.fixture
def timeline(story_dir) -> Timeline:
    return Timeline.of(load_story(story_dir).events)


def test_stops_are_the_dates_with_events_in_order(timeline):
    assert [stop.code for stop in timeline.stops] == [
        "2024-11-21/2024-11-30",
        "2024-12-08",
        "2024-12-16",
    ]


@pytest.mark.parametrize(
    ("stop", "place", "count"),
    [
        (0, "damascus", 1),
        (1, "damascus", 2),
        (2, "damascus", 3),
        (0, "tartus-naval-base", 0),
        (2, "tartus-naval-base", 1),
        (2, "tartus", 0),
    ],
)
def test_counts_grow_with_the_date(timeline, stop, place, count):
    assert timeline.count_at(stop, place) == count


def test_new_places_are_those_with_something_on_that_date(timeline):
    assert timeline.new_places(2) == {"tartus-naval-base", "damascus"}
    assert timeline.new_places(1) == {"damascus"}


def test_revealed_is_newest_first_and_filters_by_place(timeline):
    assert [e.id for e in timeline.revealed(2)] == ["no-decision", "damascus-entered", "offensive"]
    assert [e.id for e in timeline.revealed(1, "damascus")] == ["damascus-entered", "offensive"]
    assert timeline.revealed(1, "tartus-naval-base") == []


def test_index_lookups(timeline):
    assert timeline.index("2024-12-08") == 1
    assert timeline.index("2024-12-09") is None
    assert timeline.index_at_or_before(StoryDate.parse("2024-12-10")) == 1
    assert timeline.index_at_or_before(StoryDate.parse("2024-01-01")) is None
