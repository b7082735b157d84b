"""Shared helpers: small program folders in tmp_path, the real CLI, one shared build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the per-user cache (subset fonts) of the test run out of the real home."""
    os.environ["SERVEFIRST_CACHE"] = tempfile.mkdtemp(prefix="servefirst-test-cache-")


REPO = Path(__file__).parent.parent


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str | Path, cwd: Path | None = None) -> CliResult:
    """Run the real ``servefirst`` entry point in a subprocess."""
    done = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def edit_yaml(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Load the YAML file at ``path``, let ``change`` edit the data, write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def copy_fixture(name: str, target: Path) -> Path:
    destination = target / name
    shutil.copytree(FIXTURES / name, destination)
    return destination


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    """A fresh copy of the one-module fixture program."""
    return copy_fixture("basic", tmp_path)


@pytest.fixture
def write_files(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write {relative path: content} over a copy of the basic fixture."""

    def write(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "basic"
        if not root.exists():
            copy_fixture("basic", tmp_path)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return write


@dataclass
class Built:
    root: Path
    out: Path

    @property
    def workbook(self) -> Path:
        return self.out / "pdf" / "participant-workbook.pdf"

    @property
    def guide(self) -> Path:
        return self.out / "pdf" / "facilitator-guide.pdf"

    @property
    def site(self) -> Path:
        return self.out / "site"


@pytest.fixture(scope="session")
def basic_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The basic fixture built once through the real CLI, shared by read-only tests."""
    base = tmp_path_factory.mktemp("basic-build")
    root = copy_fixture("basic", base)
    out = base / "out"
    result = run_cli("build", root, "--out", out)
    assert result.code == 0, result.err
    return Built(root, out)


@pytest.fixture(scope="session")
def default_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own default program, built once through the real CLI."""
    out = tmp_path_factory.mktemp("default") / "out"
    result = run_cli("build", REPO, "--out", out)
    assert result.code == 0, result.err
    return Built(REPO, out)
