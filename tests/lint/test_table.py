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
    assert {"SF601"} <= {c for c, r in RULES.items() if r.run is None}
    assert RULES["SF102"].run is not None and RULES["SF403"].run is not None
