"""GeoJSON export: RFC 7946 rules, a validating model of the spec, and a GIS library reading it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from geojson_pydantic import FeatureCollection
from pydantic import ValidationError

from geodata import DEFAULT_FOLDER, LatLon, load_story, read_story
from geodata.__main__ import main
from geodata.export import to_geojson

PROPERTIES = {
    "id",
    "kind",
    "summary",
    "actor",
    "role",
    "quote",
    "note",
    "draft",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "date_label",
    "place_id",
    "place_name",
    "place_kind",
    "places_of_event",
    "sources",
}


def rfc7946_problems(data: dict) -> list[str]:
    """What breaks RFC 7946 in a FeatureCollection of Points (the only geometry we write)."""
    problems = []
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        problems.append("not a FeatureCollection with a features array (section 3.3)")
    if "crs" in data:
        problems.append("'crs' was removed from GeoJSON (section 4): WGS84 only")
    ids = [feature.get("id") for feature in data.get("features", [])]
    if len(set(ids)) != len(ids):
        problems.append("feature ids repeat")
    for feature in data.get("features", []):
        where = f"feature {feature.get('id')!r}"
        if feature.get("type") != "Feature" or not isinstance(feature.get("properties"), dict):
            problems.append(f"{where}: not a Feature with a properties object (section 3.2)")
        if not isinstance(feature.get("id"), str | int | float):
            problems.append(f"{where}: id is neither a string nor a number (section 3.2)")
        geometry = feature.get("geometry") or {}
        position = geometry.get("coordinates")
        if geometry.get("type") != "Point" or not isinstance(position, list):
            problems.append(f"{where}: geometry is not a Point (section 3.1.2)")
            continue
        if len(position) != 2 or not all(isinstance(n, int | float) for n in position):
            problems.append(f"{where}: position {position!r} is not [lon, lat] (section 3.1.1)")
        elif not (-180 <= position[0] <= 180 and -90 <= position[1] <= 90):
            problems.append(f"{where}: position {position!r} is outside WGS84 (section 4)")
    return problems


@pytest.fixture(params=["small", "real"])
def story(request, story_dir):
    return load_story(story_dir) if request.param == "small" else read_story(DEFAULT_FOLDER).story


def test_the_export_follows_rfc_7946_and_the_spec_model(story):
    data = json.loads(to_geojson(story))
    assert rfc7946_problems(data) == []
    collection = FeatureCollection.model_validate(data)  # raises on any structural error
    assert len(collection.features) == sum(len(event.places) for event in story.events)


def test_our_rule_check_catches_what_it_must():
    swapped = {
        "type": "FeatureCollection",
        "crs": {"type": "name"},
        "features": [
            {
                "type": "Feature",
                "id": "a",
                "properties": {},
                "geometry": {"type": "Point", "coordinates": [35.0, 135.0]},
            },
            {"type": "Feature", "id": "a", "properties": {}, "geometry": None},
        ],
    }
    assert len(rfc7946_problems(swapped)) == 4
    short = {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1]}}
    with pytest.raises(ValidationError):
        FeatureCollection.model_validate({"type": "FeatureCollection", "features": [short]})


def test_a_gis_library_reads_back_every_point_in_lon_lat_order(story):
    data = json.loads(to_geojson(story))
    expected = [
        (event.id, place_id, story.places[place_id].latlon)
        for event in story.events
        for place_id in event.places
    ]
    points = [shapely.geometry.shape(feature["geometry"]) for feature in data["features"]]
    assert len(points) == len(expected)
    for point, feature, (event_id, place_id, latlon) in zip(
        points, data["features"], expected, strict=True
    ):
        assert point.geom_type == "Point"
        assert (point.x, point.y) == (latlon.lon, latlon.lat)
        assert feature["properties"]["id"] == event_id
        assert feature["properties"]["place_id"] == place_id
    collection = shapely.GeometryCollection(points)
    assert len(collection.geoms) == len(expected)


def test_each_feature_carries_the_event_and_place_as_properties(story_dir):
    data = json.loads(to_geojson(load_story(story_dir)))
    by_id = {feature["id"]: feature for feature in data["features"]}
    assert list(by_id) == [
        "offensive@damascus",
        "damascus-entered@damascus",
        "no-decision@tartus-naval-base",
        "no-decision@damascus",
    ]
    feature = by_id["no-decision@damascus"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.29128, 33.5102]}
    properties = feature["properties"]
    assert set(properties) == PROPERTIES
    assert properties["kind"] == "statement"
    assert properties["actor"] == "The spokesman" and properties["role"] == "Kremlin spokesman"
    assert properties["quote"] == "There are no final decisions,"
    assert (properties["date_start"], properties["date_end"]) == ("2024-12-16", "2024-12-16")
    assert (properties["date_precision"], properties["date_label"]) == ("day", "16 December 2024")
    assert (properties["place_name"], properties["place_kind"]) == ("Damascus", "city")
    assert properties["places_of_event"] == 2
    (source,) = properties["sources"]
    assert source["outlet"] == "Wire" and source["line"] == 12
    assert by_id["offensive@damascus"]["properties"]["date_precision"] == "range"


def test_one_function_turns_latlon_into_geojson_order():
    assert LatLon(lat=34.9, lon=35.8).geojson() == [35.8, 34.9]


def test_export_command_writes_geojson(story_dir: Path, capsys):
    assert main(["export", "--format", "geojson", str(story_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 4


@pytest.mark.parametrize(
    ("arguments", "ids"),
    [
        (["--kind", "statement"], ["no-decision@tartus-naval-base", "no-decision@damascus"]),
        (
            ["--place", "Dimashq", "--kind", "military"],
            ["offensive@damascus", "damascus-entered@damascus"],
        ),
        (["--search", "fighters"], ["damascus-entered@damascus"]),
    ],
    ids=["kind", "place-by-alias", "search"],
)
def test_export_takes_the_same_filters_as_the_map(story_dir: Path, capsys, arguments, ids):
    assert main(["export", "--format", "geojson", str(story_dir), *arguments]) == 0
    data = json.loads(capsys.readouterr().out)
    assert rfc7946_problems(data) == []
    assert [feature["id"] for feature in data["features"]] == ids


def test_export_refuses_a_filter_that_names_nothing(story_dir: Path, capsys):
    assert main(["export", "--format", "geojson", str(story_dir), "--actor", "Nobody"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "actor 'Nobody' is in no event" in captured.err
