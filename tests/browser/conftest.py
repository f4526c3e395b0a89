"""The running app in headless Chromium: a server on a free loopback port, and a browser."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tools.launch import streamlit_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
OUTPUT = ROOT / "test-output" / "screenshots"
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = (
        f"Chromium is not installed at {CHROMIUM}: install Debian's 'chromium' package "
        "(scripts/test.sh does this) to run the browser tests"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def start_app() -> Iterator[Callable[[Path | None], str]]:
    """Start the dashboard (optionally on another articles folder); returns its URL."""
    with ExitStack() as servers:
        by_folder: dict[Path | None, str] = {}

        def start(folder: Path | None = None) -> str:
            if folder not in by_folder:
                by_folder[folder] = servers.enter_context(streamlit_server(folder=folder)).url
            return by_folder[folder]

        yield start


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.requests = []  # every URL the page asks for, checked by the tests
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path))
    return path


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def card_text(html_or_text: str) -> str:
    """The text of HTML as the DOM's textContent has it, spaces folded (plain text as is)."""
    parser = _Text()
    parser.feed(str(html_or_text))
    parser.close()
    return " ".join("".join(parser.pieces).split())
