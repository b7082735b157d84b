"""The page of design checks lists exactly the registry's rules."""

from __future__ import annotations

from generator.lint import RULES
from generator.lint.table import between_markers, markdown

from ..conftest import REPO


def test_the_page_matches_the_registry() -> None:
    page = (REPO / "DESIGN-CHECKS.md").read_text(encoding="utf-8")
    assert between_markers(page) == markdown(), "run: python -m generator.lint.table --write"


def test_every_code_is_on_the_page_once_with_its_fix() -> None:
    table = markdown()
    for code, rule in RULES.items():
        rows = [row for row in table.splitlines() if row.startswith(f"| {code} |")]
        assert len(rows) == 1, code
        assert rule.fix in rows[0] and rule.checks.replace("``", "`") in rows[0]
    assert all(RULES[c].run is not None for c in ("SF102", "SF403", "SF601"))
