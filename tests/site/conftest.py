"""A headless Chromium for the handbook tests: Debian's own, never a downloaded one."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

from ..conftest import REPO, Built, run_cli

CHROMIUM = Path("/usr/bin/chromium")  # Debian package `chromium` (scripts/system-deps.sh test)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = REPO / ".venv/axe/node_modules/axe-core/axe.min.js"  # npm axe-core, from `make setup`


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), "install Chromium: scripts/system-deps.sh test"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    assert AXE.is_file(), "install axe-core: make setup"
    return AXE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 on a free port; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build_site(root: Path, out: Path) -> Built:
    """Build the program at ``root`` into ``out`` through the real CLI, site only."""
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    return Built(root, out)


def soup(path: Path) -> BeautifulSoup:
    """An HTML file of a build, parsed."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
