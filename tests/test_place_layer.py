"""place_layer: the live map's markers as one JSON list instead of folium objects."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.maps import base_map, marker_html, place_layer, place_markers
from dashboard.placement import OPENING_ZOOM, layouts
from geodata import LatLon, Place, PlaceKind, Story, Timeline, read_story
from geodata.synthetic import Size, write_story


@pytest.fixture
def story(story_dir) -> Story:
    return read_story(story_dir).story


@pytest.fixture
def timeline(story) -> Timeline:
    return Timeline.of(story.events)


def payload(html: str) -> list[dict]:
    """The JSON list of markers in a rendered map."""
    match = re.search(r"\}\)\(\w+, (\[.*\])\);", html)
    assert match is not None, html
    return json.loads(match.group(1))


@pytest.mark.parametrize("index", [-1, 0, 1, 2], ids=["before", "first", "second", "last"])
def test_place_layer_draws_what_place_markers_draws(story, timeline, index):
    places = list(story.places.values())
    fmap = base_map()
    place_layer(places, timeline, index, selected="tartus").add_to(fmap)
    markers = payload(fmap.get_root().render())
    spots = layouts(places)
    expected = [
        marker_html(
            p,
            timeline.count_at(index, p.id),
            index >= 0 and p.id in timeline.new_places(index),
            p.id == "tartus",
            (spots[p.id][OPENING_ZOOM].dx, spots[p.id][OPENING_ZOOM].dy),
            spots[p.id][OPENING_ZOOM].compact,
            spots[p.id],
        )
        for p in places
    ]
    assert [m["html"] for m in markers] == expected
    assert [(m["id"], m["lat"], m["lon"]) for m in markers] == [
        (p.id, p.latlon.lat, p.latlon.lon) for p in places
    ]
    folium_group = place_markers(places, timeline, index, selected="tartus")
    assert len(folium_group._children) == len(markers)


def test_hostile_place_names_stay_text_inside_the_script(timeline):
    name = '</script><script>alert(1)</script> & "x" `${y}`'
    place = Place("damascus", name, PlaceKind.CITY, LatLon(33.5, 36.3), "Syria")
    fmap = base_map()
    place_layer([place], timeline, 2).add_to(fmap)
    html = fmap.get_root().render()
    assert "</script><script>alert(1)" not in html
    [marker] = payload(html)
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in marker["html"]
    assert marker["tooltip"].startswith("&lt;/script&gt;")


def test_a_large_story_renders_one_script_not_a_template_per_marker(tmp_path):
    story = read_story(write_story(tmp_path, Size(2000, 120))).story
    timeline = Timeline.of(story.events)
    fmap = base_map()
    place_layer(list(story.places.values()), timeline, len(timeline) - 1).add_to(fmap)
    html = fmap.get_root().render()
    assert html.count("L.marker(") == 1
    markers = payload(html)
    assert len(markers) == 120
    assert sum(int(re.search(r'data-count="(\d+)"', m["html"])[1]) for m in markers) == sum(
        len(e.places) for e in story.events
    )
