"""A small program with knowledge checks: the basic fixture plus checks/serve-first.yml."""

from __future__ import annotations

from pathlib import Path

from ..conftest import copy_fixture, run_cli
from .test_load import GOOD

FACILITATOR_NOTE = "Ask who has read it."
FEEDBACK = ["Да, верно 🎉", "नहीं, Greenleaf", "They start again."]


def checked_program(base: Path, assessment: str = "[who-wrote, steps]") -> Path:
    """Write the program into ``base``/basic and return its folder."""
    root = copy_fixture("basic", base)
    (root / "checks").mkdir()
    (root / "checks/serve-first.yml").write_text(GOOD, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "      library: false", f"      library: false\n      assessment: {assessment}"
        ),
        encoding="utf-8",
    )
    return root


def build_site(base: Path, *extra: str) -> Path:
    """Build the checked program's handbook (no PDFs) and return the output folder."""
    root = checked_program(base)
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-pdf", *extra)
    assert result.code == 0, result.err
    return out
