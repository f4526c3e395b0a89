"""The README is a public interface: its commands and export columns must match the code."""

from __future__ import annotations

import argparse
import re
import shlex
import tomllib
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import pytest

from dashboard import standalone
from geodata import __main__ as geodata_cli
from geodata import export

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PARSERS: dict[str, Callable[[], argparse.ArgumentParser]] = {
    ".venv/bin/geodata": geodata_cli.build_parser,
    ".venv/bin/python -m geodata": geodata_cli.build_parser,
    ".venv/bin/story-html": standalone.build_parser,
    ".venv/bin/python -m dashboard.standalone": standalone.build_parser,
}


def readme_commands() -> list[str]:
    """Every command the README tells a reader to type: code spans and lines of code blocks."""
    lines, prose, in_block = [], [], False
    for line in README.splitlines():
        if line.startswith("```"):
            in_block = not in_block
        else:
            (lines if in_block else prose).append(line)
    spans = re.findall(r"`([^`]+)`", "\n".join(prose))
    starts = (".venv/bin/", "bash scripts/", "python3 tools/", "STORY_ARTICLES_DIR=")
    commands = {c.strip() for c in lines + spans if c.strip().startswith(starts)}
    return sorted(c for c in commands if " " in c)


def _words(command: str) -> list[str]:
    """The command's words; optional parts written as ``[--id ID]`` are checked too."""
    return shlex.split(re.sub(r"\[([^\]]*)\]", r"\1", command))


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_matches_the_code(command: str) -> None:
    for part in command.split("&&"):
        part = re.sub(r"^STORY_ARTICLES_DIR=\S+\s+", "", part.strip())
        longest_first = sorted(PARSERS, key=len, reverse=True)
        prefix = next((p for p in longest_first if part.startswith(p)), None)
        if prefix is not None:
            parser = PARSERS[prefix]()
            try:
                parser.parse_args(_words(part[len(prefix) :]))
            except SystemExit as stop:
                pytest.fail(f"README command {part!r} is refused by the code (exit {stop.code})")
            continue
        words = _words(part)
        script = next((w for w in words if w.endswith((".py", ".sh"))), None)
        if script is not None:
            assert (ROOT / script).is_file(), f"README names {script}, which does not exist"
        else:
            program = words[0]
            assert (ROOT / program).exists() or program.startswith(".venv/bin/"), part


def test_readme_lists_commands() -> None:
    commands = readme_commands()
    assert any(c.startswith(".venv/bin/geodata check") for c in commands)
    assert any(c.startswith(".venv/bin/story-html") for c in commands)


def test_entry_points_exist() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert {"geodata", "story-html"} <= set(scripts)
    for target in scripts.values():
        module, _, name = target.partition(":")
        assert callable(getattr(import_module(module), name)), target


def test_readme_csv_columns_match_the_export() -> None:
    listed = re.search(r"prints one row per event with the columns `([^`]*)`", README, flags=re.S)
    assert listed, "README's export format no longer lists the CSV columns"
    columns = tuple(c.strip() for c in listed.group(1).replace("\n", " ").split(","))
    assert columns == export.CSV_COLUMNS


def test_readme_names_the_export_format_version() -> None:
    assert f'"format": "{export.FORMAT_NAME}"' in README
