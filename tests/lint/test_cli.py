"""The linter through ``servefirst validate``: output format, --strict, select and ignore."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ContentError
from generator.lint import RULES
from generator.loader import load_program

from ..conftest import REPO, run_cli
from .conftest import Write, module

OBJECTIVES = ["Practise listening without interrupting.", "Plan 一 next step with a date."]
SF101 = (
    "warning: modules/listening.yml:7: objectives[1]: SF101 objective 2 'Plan 一 next step "
    "with a date.' is practised by no activity (no segment's practises names it); add its "
    "number to the practises list of the segment that practises it, or add an activity, or "
    "drop the objective"
)


def _unpractised(write: Write, **options: Any) -> Any:
    return write(modules=[module(objectives=OBJECTIVES)], **options)


def test_validate_prints_findings_and_strict_fails(write: Write) -> None:
    root = _unpractised(write)
    result = run_cli("validate", root)
    assert result.code == 0
    assert result.err.splitlines() == [SF101]
    strict = run_cli("validate", "--strict", root)
    assert strict.code == 1
    assert strict.err.splitlines() == [SF101, "1 warning(s), and --strict is on."]


@pytest.mark.parametrize("lint", [{"ignore": ["SF101"]}, {"select": ["SF201", "SF102"]}])
def test_ignore_and_select(write: Write, lint: dict[str, list[str]]) -> None:
    root = _unpractised(write, lint=lint)
    assert load_program(root).warnings == []
    assert run_cli("validate", "--strict", root).code == 0


def test_an_unknown_code_is_a_located_error(write: Write) -> None:
    root = _unpractised(write, lint={"ignore": ["SF101", "SF999"], "select": ["sf101"]})
    with pytest.raises(ContentError) as caught:
        load_program(root)
    known = ", ".join(sorted(RULES))  # grows as rules are added
    assert known.startswith("SF101, SF102, SF201, SF202, SF301, SF302, SF401, SF402")
    assert [str(p) for p in caught.value.problems] == [
        f"mkdocs.yml:18: lint.ignore[1]: unknown rule 'SF999'; the rules are {known}",
        f"mkdocs.yml:20: lint.select[0]: unknown rule 'sf101'; the rules are {known}",
    ]


def _default_copy(root: Path, options: str = "") -> Path:
    """The default program in ``root``, without its materials list, plus ``options``
    (lines under ``program:``)."""
    for name in ("modules", "exercises", "docs", "checks"):
        shutil.copytree(REPO / name, root / name)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("      materials:  # what the whole day needs")
    text = text[:start] + text[text.index("      program:\n") :]
    text = text.replace("  - servefirst:\n", "  - servefirst:\n      library: false\n")
    text = text.replace("        glossary:", options + "        glossary:")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def _counts(root: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for warning in load_program(root).warnings:
        code = warning.message.split()[0]
        counts[code] = counts.get(code, 0) + 1
    return counts


def test_the_default_program_has_no_design_findings(tmp_path: Path) -> None:
    """Issue 15 revised the content: the default program needs no lint ignore list."""
    assert "lint:" not in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert _counts(_default_copy(tmp_path / "default")) == {}


def test_the_old_feedback_triads_would_warn(tmp_path: Path) -> None:
    """The triads as they were before issue 15: a debrief question too many for the
    segment's minutes, and no fourth round for the group of four."""
    root = _default_copy(tmp_path / "default")
    triads = root / "exercises/feedback-triads.yml"
    text = triads.read_text(encoding="utf-8")
    text = text[: text.index("\n\n    With 16 people")] + text[text.index("\n  timing_cues:") :]
    triads.write_text(text, encoding="utf-8")
    coaches = root / "modules/leaders-as-coaches.yml"
    segment = (
        "    exercise: feedback-triads\n    materials: [chairs, breakout-space, timer, bell]\n"
    )
    extra = (
        "    facilitator:\n      debrief:\n        - question: Which phrase will you use?\n"
        "          listen_for: Short, natural words.\n"
    )
    text = coaches.read_text(encoding="utf-8")
    coaches.write_text(
        text.replace(segment + "    facilitator:\n", segment + extra), encoding="utf-8"
    )
    messages = [w.message for w in load_program(root).warnings]
    assert (
        "SF201 'Feedback triads' leaves 4 minutes after the 24-minute exercise for 3 debrief "
        "questions, which need about 6 minutes (2 per question); give the segment 2 more "
        "minutes, shorten the exercise or ask fewer questions"
    ) in messages
    assert (
        "SF302 3 rounds, but 16 participants make 4 groups of 3 and 1 group of 4: 1 person "
        "never takes the first role (1 in the group of 4); add round 4 (and its minutes) so "
        "that everyone in a group of 4 takes the first role, or say what the people without "
        "a turn do"
    ) in messages


def test_dropping_listening_pairs_from_the_default_program(tmp_path: Path) -> None:
    drop = "        customise:\n          serve-first:\n            drop: [Listening pairs]\n"
    root = _default_copy(tmp_path / "default", drop)
    found = [str(w) for w in load_program(root).warnings if "SF501" in w.message]
    assert found == [
        "mkdocs.yml:53: program.customise.serve-first.drop[0]: SF501 dropping 'Listening "
        "pairs' leaves objective 4 of serve-first 'Practise listening without interrupting "
        "for three minutes...' with no activity; keep the segment, or copy the module into "
        "the program and drop the objective too"
    ]
