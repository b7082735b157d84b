"""The half-day and two-day variants of the default program."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.loader import load_program
from generator.schedule import build_agenda

from ..conftest import REPO, run_cli


@pytest.mark.parametrize(
    ("name", "days", "ends"), [("half-day", 1, "13:00"), ("two-day", 2, "13:00")]
)
def test_variant_fits_its_days(name: str, days: int, ends: str) -> None:
    program = load_program(REPO / "programs" / name)
    agenda = build_agenda(program.config, program.modules)
    assert agenda.days == days
    for day in range(1, days + 1):
        slots = agenda.for_day(day)
        assert slots[0].start == "09:00" and slots[-1].end <= ends
    assert program.warnings == []


def test_a_plan_that_overruns_says_by_how_much(tmp_path: Path) -> None:
    target = tmp_path / "half-day"
    shutil.copytree(REPO / "programs/half-day", target)
    config = target / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('finish_by: "13:00"', 'finish_by: "12:00"'),
        encoding="utf-8",
    )
    result = run_cli("validate", target)
    assert result.code == 1
    assert (
        "the plan needs 230 minutes but 09:00-12:00 has 180; cut 50 minutes or finish later"
        in result.err
    )
