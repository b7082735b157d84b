"""The authoring loop: `servefirst serve` survives a broken file and rebuilds when fixed."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

BROKEN = "exercises/listening-pairs.yml"
PROBLEM = "exercises/listening-pairs.yml:1: file is empty"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, check: Callable[[str], bool], seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = str(response.read().decode("utf-8"))
            if check(last):
                return last
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never passed the check; last page:\n{last[:2000]}")


def test_serve_shows_problems_and_keeps_running(basic: Path) -> None:
    config = basic / "mkdocs.yml"  # strict, as in the default program
    config.write_text(config.read_text(encoding="utf-8") + "strict: true\n", encoding="utf-8")
    good = (basic / BROKEN).read_text(encoding="utf-8")
    (basic / BROKEN).write_text("", encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", str(basic), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        page = _wait_for(base, lambda html: "cannot be shown yet" in html)
        assert PROBLEM in page
        assert server.poll() is None

        (basic / BROKEN).write_text(good, encoding="utf-8")
        _wait_for(base, lambda html: "participant handbook" in html)
        module = _wait_for(
            base + "modules/serve-first.html", lambda html: "Listening pairs" in html
        )
        assert "cannot be shown yet" not in module
        assert server.poll() is None
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"ERROR    -  Serve First found problems in the program:\n{PROBLEM}" in err
    assert "Traceback" not in err


def test_build_still_fails_on_the_same_problem(basic: Path, tmp_path: Path) -> None:
    (basic / BROKEN).write_text("", encoding="utf-8")
    for command in (
        [sys.executable, "-m", "generator", "build", str(basic), "--out", str(tmp_path / "o")],
        [sys.executable, "-m", "mkdocs", "build", "-f", str(basic / "mkdocs.yml")],
    ):
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert PROBLEM in done.stderr
        assert "Traceback" not in done.stderr
