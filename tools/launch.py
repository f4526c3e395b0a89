"""Starting a Streamlit script on a free loopback port: for the browser tests and the benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
START_SECONDS = 60


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    pid: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def streamlit_server(
    script: Path = APP, cwd: Path = ROOT, folder: Path | None = None
) -> Iterator[Server]:
    """Serve ``script`` (reading the articles in ``folder``) until the block ends."""
    port = free_port()
    env = dict(os.environ)
    if folder is not None:
        env["STORY_ARTICLES_DIR"] = str(folder)
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--server.enableStaticServing", "true", "--browser.gatherUsageStats", "false"]
    command += ["--browser.serverAddress", "127.0.0.1", "--server.fileWatcherType", "none"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_healthy(url, process, log, script.name)
            yield Server(url, process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: IO[bytes], name: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        try:  # wait a moment, but wake at once if the server dies
            process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            pass
    log.seek(0)
    output = log.read().decode(errors="replace")
    raise RuntimeError(f"{name} did not start within {START_SECONDS} s:\n{output}")
