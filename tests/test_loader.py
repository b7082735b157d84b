"""Broken inputs: each gives exit 1 and an exact ``file:line: field: message``, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.loader import load_program

from .conftest import FIXTURES, run_cli

MODULE = (FIXTURES / "basic/modules/serve-first.yml").read_text(encoding="utf-8")
EXERCISE = (FIXTURES / "basic/exercises/listening-pairs.yml").read_text(encoding="utf-8")
CASE = (FIXTURES / "basic/modules/cases/southwest-airlines.yml").read_text(encoding="utf-8")
CONFIG = (FIXTURES / "basic/mkdocs.yml").read_text(encoding="utf-8")

BROKEN: dict[str, tuple[dict[str, str | bytes], list[str]]] = {
    "bad yaml": (
        {"modules/serve-first.yml": "id: serve-first\ntitle: [oops\nsummary: x\n"},
        ["modules/serve-first.yml:3: invalid YAML: expected ',' or ']', but got ':'"],
    ),
    "wrong type": (
        {"modules/serve-first.yml": MODULE.replace("duration: 60", "duration: sixty")},
        ["modules/serve-first.yml:10: duration: expected a whole number, got 'sixty'"],
    ),
    "unknown exercise id": (
        {"modules/serve-first.yml": MODULE.replace(", listening-pairs]", ", listening-pears]")},
        [
            "modules/serve-first.yml:50: exercises[1]: unknown exercise 'listening-pears'; "
            "did you mean 'listening-pairs'?",
            "modules/serve-first.yml:95: segments[3].exercise: exercise 'listening-pairs' is not "
            "listed in this module's exercises; add it there",
        ],
    ),
    "duplicate id": (
        {"exercises/copy.yml": EXERCISE},
        [
            "exercises/copy.yml:2: id: id 'listening-pairs' does not match the file name; "
            "rename the file to listening-pairs.yml",
            "exercises/listening-pairs.yml:2: id: duplicate id 'listening-pairs', also used in "
            "exercises/copy.yml",
        ],
    ),
    "minutes not adding up": (
        {
            "modules/serve-first.yml": MODULE.replace(
                "    minutes: 5\n    method: close", "    minutes: 10\n    method: close"
            )
        },
        [
            "modules/serve-first.yml:52: segments: segment minutes add up to 65, but duration "
            "is 60; make them equal (difference: +5)"
        ],
    ),
    "missing required field": (
        {
            "modules/cases/southwest-airlines.yml": CASE.replace(
                "organisation: Southwest Airlines\n", ""
            )
        },
        ["modules/cases/southwest-airlines.yml:2: organisation: required field is missing; add it"],
    ),
    "empty file": (
        {"exercises/listening-pairs.yml": ""},
        ["exercises/listening-pairs.yml:1: file is empty; expected an exercise (id, title, ...)"],
    ),
    "not UTF-8": (
        {
            "exercises/listening-pairs.yml": EXERCISE.replace(
                "pairs\n", "pairs caf\xe9\n", 1
            ).encode("latin-1")
        },
        [
            "exercises/listening-pairs.yml:2: file is not UTF-8 text (byte 0xe9 at offset 86); "
            "save it with UTF-8 encoding"
        ],
    ),
    "unknown field": (
        {"modules/serve-first.yml": MODULE.replace("duration: 60", "duration: 60\nduraton: 5")},
        ["modules/serve-first.yml:11: duraton: unknown field; did you mean 'duration'?"],
    ),
    "day too long": (
        {"mkdocs.yml": CONFIG.replace('finish_by: "12:00"', 'finish_by: "09:30"')},
        [
            "mkdocs.yml:20: program.days[0]: the plan needs 75 minutes but 09:00-09:30 has 30; "
            "cut 45 minutes or finish later"
        ],
    ),
    "unknown worksheet kind": (
        {"exercises/listening-pairs.yml": EXERCISE.replace("kind: checklist", "kind: checkbox")},
        [
            "exercises/listening-pairs.yml:21: worksheet[1]: expected kind: lines, box, scale, "
            "checklist, table or follow_up, got 'checkbox'"
        ],
    ),
    "blank prose": (
        {
            "modules/serve-first.yml": MODULE.replace(
                "takeaways:\n  - Servant", "takeaways:\n  - ''\n  - Servant"
            )
        },
        [
            "modules/serve-first.yml:109: takeaways[0]: must not be empty; write the text or remove the field"
        ],
    ),
    "a cut saving more than its segment": (
        {
            "modules/serve-first.yml": MODULE.replace(
                "      transition: Point forward",
                "      if_late: {saves: 8, how: Ask for one word from half the room., order: 1}\n"
                "      transition: Point forward",
            )
        },
        [
            "modules/serve-first.yml:98: segments[4]: facilitator.if_late.saves is 8 minutes "
            "but the segment has 5; a cut saves at most the segment's own minutes"
        ],
    ),
    "unknown module in plan": (
        {"mkdocs.yml": CONFIG.replace("- serve-first", "- serve-frist")},
        [
            "mkdocs.yml:23: program.days[0].plan[0]: unknown module 'serve-frist'; "
            "did you mean 'serve-first'?"
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_input_gives_located_messages(
    case: str, write_files: Callable[[dict[str, str | bytes]], Path]
) -> None:
    files, expected = BROKEN[case]
    root = write_files(files)
    result = run_cli("validate", root)
    assert result.code == 1
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert lines[:-1] == expected
    count = len(expected)
    assert lines[-1].startswith(f"{count} problem{'s' if count > 1 else ''} in ")


def test_every_problem_is_reported_in_one_run(
    write_files: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = write_files(
        {
            "modules/serve-first.yml": MODULE.replace("duration: 60", "duration: sixty"),
            "exercises/listening-pairs.yml": "",
            "modules/cases/southwest-airlines.yml": CASE.replace("year: 1971-2019\n", ""),
        }
    )
    with pytest.raises(ContentError) as caught:
        load_program(root)
    assert len(caught.value.problems) == 3
    assert caught.value.report().endswith("3 problems in 3 files.")


def test_valid_program_loads_in_plan_order(basic: Path) -> None:
    program = load_program(basic)
    assert [m.id for m in program.modules] == ["serve-first"]
    assert set(program.exercises) == {"listening-pairs", "leader-first-or-servant-first"}
    assert program.warnings == []


def test_debug_shows_a_traceback(write_files: Callable[[dict[str, str | bytes]], Path]) -> None:
    root = write_files({"exercises/listening-pairs.yml": ""})
    result = run_cli("--debug", "validate", root)
    assert result.code == 1
    assert "Traceback" in result.err


@pytest.mark.parametrize("key", [": ", "kind:lines", "时间: 分钟"])
def test_an_unknown_key_with_a_colon_is_named_not_a_traceback(basic: Path, key: str) -> None:
    """Pydantic's locations use "kind:lines" for union tags; a real key like it is kept."""
    path = basic / "exercises/listening-pairs.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, f"'{key}': null"]) + "\n", encoding="utf-8")
    result = run_cli("validate", basic)
    assert result.code == 1
    assert result.err.startswith(
        f"exercises/listening-pairs.yml:{len(lines) + 1}: {key}: unknown field; expected one of: "
    )
    assert "Traceback" not in result.err
