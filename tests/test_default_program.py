"""The shipped one-day program: complete, well-formed, and buildable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.loader import load_program
from generator.model import Program
from generator.schedule import build_agenda

from .conftest import REPO, Built

OBSERVABLE = {
    "apply",
    "ask",
    "build",
    "choose",
    "compare",
    "contrast",
    "complete",
    "describe",
    "design",
    "distinguish",
    "draft",
    "explain",
    "give",
    "identify",
    "list",
    "map",
    "name",
    "plan",
    "practise",
    "rate",
    "recognise",
    "rewrite",
    "score",
    "spot",
    "state",
    "summarise",
    "use",
    "write",
    "agree",
    "analyse",
    "decide",
    "deliver",
    "demonstrate",
    "diagnose",
    "prepare",
    "recall",
    "select",
    "set",
    "tell",
    "turn",
    "commit",
    "hold",
    "run",
    "match",
    "define",
}
VAGUE = {"understand", "know", "appreciate", "learn", "be"}
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="module")
def program() -> Program:
    return load_program(REPO)


def test_validates_without_warnings(program: Program) -> None:
    assert program.warnings == []
    assert 6 <= len(program.modules) <= 8


def test_the_day_runs_from_nine_with_breaks_and_ends_by_five(program: Program) -> None:
    agenda = build_agenda(program.config, program.modules)
    assert agenda.slots[0].start == "09:00"
    breaks = [s.title for s in agenda.slots if s.kind == "break"]
    assert "Lunch" in breaks and len(breaks) >= 3
    assert agenda.slots[-1].end <= "17:00"
    teaching = sum(s.minutes for s in agenda.slots if s.kind == "module")
    assert 330 <= teaching <= 400  # about six hours of teaching


@pytest.mark.parametrize("index", range(7))
def test_each_module_is_complete(program: Program, index: int) -> None:
    module = program.modules[index]
    assert len(module.objectives) >= 3
    for objective in module.objectives:
        verb = objective.split()[0].lower().strip(",")
        assert verb not in VAGUE, objective
        assert verb in OBSERVABLE, f"{module.id}: objective starts with {verb!r}"
    assert module.cases and module.exercises and module.principles
    for principle in module.principles:
        assert principle.behaviours and principle.pitfalls and principle.question, principle.name
    assert sum(s.minutes for s in module.segments) == module.duration
    assert module.sources and module.reflection and module.takeaways
    assert module.facilitator.virtual and module.facilitator.preparation
    assert all(s.facilitator.say or s.facilitator.do for s in module.segments)
    assert any(s.facilitator.debrief for s in module.segments) or any(
        e.facilitator.debrief for e in program.exercises_of(module)
    )
    assert any(s.facilitator.transition for s in module.segments)


def test_exercises_are_all_used_and_complete(program: Program) -> None:
    used = {e for m in program.modules for e in m.exercises}
    assert set(program.exercises) == used
    assert len(program.exercises) >= 8
    for exercise in program.exercises.values():
        assert exercise.instructions and exercise.worksheet, exercise.id
        assert exercise.facilitator.virtual and exercise.facilitator.large_group, exercise.id
        assert all(q.listen_for for q in exercise.facilitator.debrief)


def test_the_five_cases_are_there(program: Program) -> None:
    organisations = " ".join(c.organisation for c in program.cases.values())
    for name in ("Zappos", "Southwest", "Container Store", "Ritz-Carlton", "SAS"):
        assert name in organisations
    for case in program.cases.values():
        assert len(case.discussion) >= 3
        assert len(case.facilitator.listen_for) == len(case.discussion)


def test_self_assessment_says_it_is_not_a_validated_instrument(program: Program) -> None:
    scored = [e for e in program.exercises.values() if e.scoring]
    assert any(
        "reflection aid" in f"{e.purpose} {e.scoring}" and "not a validated" in e.purpose
        for e in scored
    )


@pytest.mark.skipif(not (SHARED / "tools/seed_overlap.py").exists(), reason="needs ../shared")
def test_no_sentence_is_copied_from_the_source_articles() -> None:
    done = subprocess.run(
        [sys.executable, str(SHARED / "tools/seed_overlap.py"), "modules", "exercises", "docs"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    runs = [line for line in done.stdout.splitlines() if ": " in line and "words:" in line]
    for run in runs:
        file, _, words = run.partition(": ")
        text = " ".join(Path(REPO / file).read_text(encoding="utf-8").split()).lower()
        quoted = re.findall(r'"([^"]+)"', text)
        shared = words.split("words: ", 1)[1]
        # Only attributed quotations may match the articles.
        assert any(shared in re.sub(r"[^a-z0-9' ]", "", q.replace(",", "")) for q in quoted), run


def test_default_build_links_every_module_and_prints_every_title(
    default_build: Built, program: Program
) -> None:
    home = BeautifulSoup(
        (default_build.site / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    links = {str(a["href"]) for a in home.select("article a[href]")}
    guide = " ".join(
        " ".join(p.extract_text() for p in PdfReader(default_build.guide).pages).split()
    )
    workbook = " ".join(
        " ".join(p.extract_text() for p in PdfReader(default_build.workbook).pages).split()
    )
    for module in program.modules:
        assert f"modules/{module.id}.html" in links  # offline: no directory URLs
        assert module.title in guide
        assert module.title in workbook
