"""The print lint on every program and paper: the acceptance test of issue 13.

Slow (``pytest -m slow``): it builds the default program and programs/half-day and
programs/two-day on A4 and Letter, with personalised workbooks and certificates for a
roster in eight scripts, and expects no finding in any of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.printlint import lint_paths

from ..conftest import FIXTURES, REPO, run_cli
from ..print_bounds import with_paper


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "letter"])
@pytest.mark.parametrize("program", ["default", "half-day", "two-day"])
def test_every_program_prints_without_findings(tmp_path: Path, program: str, paper: str) -> None:
    root = tmp_path / program
    source = REPO if program == "default" else REPO / "programs" / program
    shutil.copytree(source / "docs", root / "docs")
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    with_paper(root, paper)
    out = tmp_path / "out"
    built = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert built.code == 0, built.err
    roster = FIXTURES / "rosters" / "scripts.csv"
    personal = run_cli("personalize", root, "--roster", roster, "--out", out / "personalized")
    assert personal.code == 0, personal.err
    assert [str(f) for f in lint_paths([out])] == []
