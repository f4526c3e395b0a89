import csv
import io
import json

from geodata import load_story
from geodata.__main__ import main
from geodata.export import CSV_COLUMNS, FORMAT_NAME, to_csv, to_json


def test_json_lists_every_event_with_dates_places_and_sources(story_dir):
    data = json.loads(to_json(load_story(story_dir)))
    assert data["format"] == FORMAT_NAME
    by_id = {event["id"]: event for event in data["events"]}
    assert list(by_id) == ["offensive", "damascus-entered", "no-decision"]
    offensive = by_id["offensive"]
    assert offensive["date"] == {
        "text": "2024-11-21/2024-11-30",
        "start": "2024-11-21",
        "end": "2024-11-30",
        "precision": "range",
        "label": "late November 2024 (approximate)",
    }
    statement = by_id["no-decision"]
    assert [p["id"] for p in statement["places"]] == ["tartus-naval-base", "damascus"]
    assert statement["places"][0]["lat"] == 34.9115
    assert statement["quote"] == "There are no final decisions,"
    assert statement["actor"] == "The spokesman" and statement["role"] == "Kremlin spokesman"
    (source,) = statement["sources"]
    assert source["article"] == "wire-2024-12-16" and source["outlet"] == "Wire"
    assert source["line"] == 12


def test_csv_has_one_row_per_event(story_dir):
    rows = list(csv.DictReader(io.StringIO(to_csv(load_story(story_dir)))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["id"] for row in rows] == ["offensive", "damascus-entered", "no-decision"]
    assert rows[2]["place_ids"] == "tartus-naval-base;damascus"
    assert rows[2]["place_lats"] == "34.9115;33.5102"
    assert rows[0]["date_precision"] == "range"


def test_export_command_prints_json(story_dir, capsys):
    assert main(["export", "--format", "json", str(story_dir)]) == 0
    assert len(json.loads(capsys.readouterr().out)["events"]) == 3


def test_export_of_a_broken_folder_keeps_the_valid_events_and_fails(story_dir, capsys):
    events = story_dir / "wire-2024-12-16.events.toml"
    events.write_text(events.read_text().replace('"2024-12-08"', '"2024-12-88"'))
    assert main(["export", "--format", "csv", str(story_dir)]) == 1
    captured = capsys.readouterr()
    assert "2024-12-88" in captured.err
    assert len(captured.out.strip().splitlines()) == 1 + 2


def test_on_or_before_exports_no_start_and_its_own_precision(story_dir):
    events = story_dir / "wire-2024-12-16.events.toml"
    events.write_text(events.read_text().replace('"2024-12-08"', '"..2024-12-16"'))
    story = load_story(story_dir)
    assert FORMAT_NAME == "geodata-events/2"
    record = {e["id"]: e for e in json.loads(to_json(story))["events"]}["damascus-entered"]
    assert record["date"] == {
        "text": "..2024-12-16",
        "start": None,
        "end": "2024-12-16",
        "precision": "on_or_before",
        "label": "by 16 December 2024",
    }
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(to_csv(story)))}
    row = rows["damascus-entered"]
    assert (row["date"], row["date_start"], row["date_end"]) == ("..2024-12-16", "", "2024-12-16")
    assert row["date_precision"] == "on_or_before" and row["date_label"] == "by 16 December 2024"


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "＝1+1"]


def _formula_story(folder):
    from stories import EVENTS, write_story

    events = EVENTS.replace('actor = "The spokesman"', f"actor = {json.dumps(FORMULAS[0])}")
    events = events.replace('role = "Kremlin spokesman"', f"role = {json.dumps(FORMULAS[1])}")
    events = events.replace(
        'summary = "An offensive began."',
        f"summary = {json.dumps(FORMULAS[2])}\nnote = {json.dumps(FORMULAS[3])}",
    )
    events = events.replace(
        'summary = "Fighters entered Damascus."',
        f"summary = {json.dumps(FORMULAS[4])}\nactor = {json.dumps(FORMULAS[5])}"
        f"\nrole = {json.dumps(FORMULAS[6])}",
    )
    return write_story(folder, {"wire-2024-12-16.events.toml": events})


def _neutralised(text):
    rows = list(csv.DictReader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row.values()]
    for formula in FORMULAS:
        assert "'" + formula in cells, formula
    starts = ("=", "+", "-", "@", "\t", "\r", "＝")
    assert not [cell for cell in cells if cell.startswith(starts)]
    assert rows[0]["place_lats"] == "33.5102"  # numbers stay numbers
    return rows


def test_csv_cells_that_would_run_as_formulas_are_neutralised(tmp_path):
    story = load_story(_formula_story(tmp_path / "articles"))
    _neutralised(to_csv(story))
    assert to_json(story).count(FORMULAS[0].replace('"', '\\"')) == 1  # JSON keeps the text


def test_the_standalone_csv_is_neutralised_too(tmp_path):
    import subprocess
    import sys

    folder = _formula_story(tmp_path / "articles")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard.standalone",
            str(tmp_path / "s.html"),
            "--articles",
            str(folder),
            "--csv",
            str(tmp_path / "s.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    _neutralised((tmp_path / "s.csv").read_bytes().decode("utf-8"))
