"""Validation in one round: a broken file never hides another file's problems, nor the
checks of its own fields that still validated."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.loader import load_program

from .conftest import run_cli

Write = Callable[[dict[str, str | bytes]], Path]


def _report(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_program(root)
    return [str(p) for p in caught.value.problems]


def _three_broken_files(write_files: Write) -> Path:
    root = write_files({})
    module = (root / "modules/serve-first.yml").read_text(encoding="utf-8")
    second = module.replace("id: serve-first", "id: second")
    second = second.replace(
        "exercises: [leader-first-or-servant-first, listening-pairs]",
        "exercises: [leader-first-or-servant-first, listening-pears]",
    )
    (root / "modules/second.yml").write_text(second, encoding="utf-8")
    broken = module.replace("duration: 60", "duration: thirty").replace(
        "cases: [southwest-airlines]", "cases: [southwest-airline]"
    )
    (root / "modules/serve-first.yml").write_text(broken, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("- serve-first\n", "- serve-first\n              - second\n")
    config = config.replace(
        "              - break: Coffee",
        "              - servant-leadership-basics\n              - break: Coffee",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def test_schema_reference_and_plan_errors_in_one_run(write_files: Write) -> None:
    root = _three_broken_files(write_files)
    assert _report(root) == [
        "mkdocs.yml:25: program.days[0].plan[2]: unknown module 'servant-leadership-basics'; "
        "add modules/servant-leadership-basics.yml",
        "modules/second.yml:50: exercises[1]: unknown exercise 'listening-pears'; did you "
        "mean 'listening-pairs'?",
        "modules/second.yml:95: segments[3].exercise: exercise 'listening-pairs' is not "
        "listed in this module's exercises; add it there",
        "modules/serve-first.yml:10: duration: expected a whole number, got 'thirty'",
        "modules/serve-first.yml:49: cases[0]: unknown case 'southwest-airline'; did you "
        "mean 'southwest-airlines'?",
        "modules/serve-first.yml:88: segments[2].case: case 'southwest-airlines' is not "
        "listed in this module's cases; add it there",
    ]


def test_a_schema_error_in_mkdocs_hides_neither_the_plan_nor_the_modules(
    write_files: Write,
) -> None:
    root = _three_broken_files(write_files)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "        audience: Team leaders\n", "        audience: Team leaders\n        paper: A5\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    report = _report(root)
    assert report[0] == "mkdocs.yml:19: program.paper: expected 'A4' or 'letter', got 'A5'"
    assert report[1].startswith("mkdocs.yml:26: program.days[0].plan[2]: unknown module")
    assert len(report) == 7, report


def test_a_broken_day_skips_only_the_plan_checks(write_files: Write) -> None:
    root = _three_broken_files(write_files)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace('"09:00"', "nine o'clock"), encoding="utf-8")
    report = _report(root)
    assert [p for p in report if p.startswith("mkdocs.yml")] == [
        "mkdocs.yml:20: program.days[0].start: expected a time as HH:MM, like '09:00', "
        'got "nine o\'clock"'
    ]
    assert len(report) == 6, report


def test_a_broken_segment_keeps_the_references_checked(write_files: Write) -> None:
    root = write_files({})
    module = (root / "modules/serve-first.yml").read_text(encoding="utf-8")
    module = module.replace(
        "    minutes: 15\n    method: case", "    minutes: many\n    method: case"
    )
    module = module.replace("cases: [southwest-airlines]", "cases: [southwest]")
    (root / "modules/serve-first.yml").write_text(module, encoding="utf-8")
    assert _report(root) == [
        "modules/serve-first.yml:49: cases[0]: unknown case 'southwest'; did you mean "
        "'southwest-airlines'?",
        "modules/serve-first.yml:86: segments[2].minutes: expected a whole number, got 'many'",
    ]


@pytest.mark.parametrize(
    ("kind", "folder", "hint"),
    [
        ("exercise", "exercises", "add it to the exercises list of the module that runs it"),
        ("case", "modules/cases", "add it to the cases list of the module that discusses it"),
    ],
)
def test_an_unused_case_or_exercise_points_to_a_module_list(
    write_files: Write, kind: str, folder: str, hint: str
) -> None:
    source = {
        "exercise": "exercises/listening-pairs.yml",
        "case": "modules/cases/southwest-airlines.yml",
    }
    root = write_files({})
    text = (root / source[kind]).read_text(encoding="utf-8")
    old = source[kind].rsplit("/", 1)[1].removesuffix(".yml")
    (root / folder / "spare-one.yml").write_text(
        text.replace(f"id: {old}", "id: spare-one"), "utf-8"
    )
    result = run_cli("validate", root)
    assert (
        f"{kind} 'spare-one' replaces no library item and nothing uses it; check its id, or {hint}"
        in result.err
    )
