"""Knowledge checks on paper and on screen, read back from a full build of a canary
program (every text carries a marker): the workbook prints a quiz with tick boxes and no
answer, the facilitator guide the answer key, the deck a question slide per check with
the answer in the speaker notes only. No participant output holds a check's facilitator
note or (in plain text) its feedback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from ..canary import Canary, make_canary
from ..conftest import run_cli
from .program import checked_program

MARKER = re.compile(r"zz(?:fac|pub)\d+")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Canary, Path]:
    base = tmp_path_factory.mktemp("check-outputs")
    canary = make_canary(checked_program(base / "source"), base / "canary")
    out = base / "out"
    result = run_cli("build", canary.root, "--out", out)
    assert result.code == 0, result.err
    return canary, out


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def markers(canary: Canary, *fields: str, public: bool = True) -> set[str]:
    found = set().union(*(canary.by_field[f] for f in fields))
    return found & (canary.public if public else canary.facilitator)


def test_the_workbook_prints_a_quiz_without_answers(built: tuple[Canary, Path]) -> None:
    canary, out = built
    text = pdf_text(out / "pdf/participant-workbook.pdf")
    found = set(MARKER.findall(text))
    assert markers(canary, "question", "choices", "text", "situation") <= found
    assert not found & markers(canary, "correct", "incorrect", "feedback")
    assert not found & canary.facilitator
    for label in (
        "Pre-check",
        "Check your understanding",
        "Post-check",
        "Tick one answer.",
        "Tick every right answer.",
        "Number them in order, from 1.",
    ):
        assert label in text
    assert "Answer:" not in text


def test_the_guide_prints_the_answer_key(built: tuple[Canary, Path]) -> None:
    canary, out = built
    text = pdf_text(out / "pdf/facilitator-guide.pdf")
    found = set(MARKER.findall(text))
    notes = {m for m in canary.by_field["notes"] if m in canary.facilitator}
    assert markers(canary, "correct", "incorrect", "feedback") <= found
    assert notes & found  # the checks' facilitator notes (module notes share the field name)
    assert "Check your understanding: answer key" in text
    assert "Pre-check and post-check: answer key" in text
    assert re.search(r"Answer:\s*B \(zzpub\d+ Greenleaf\)", text)


def test_a_question_slide_per_check_with_the_answer_in_the_notes(
    built: tuple[Canary, Path],
) -> None:
    canary, out = built
    deck = Presentation(str(next((out / "slides").glob("*.pptx"))))
    questions = []
    for slide in deck.slides:
        shown = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        said = slide.notes_slide.notes_text_frame.text
        assert not set(MARKER.findall(shown)) & markers(canary, "correct", "incorrect", "feedback")
        if shown.startswith("Check your understanding"):
            questions.append((shown, said))
    assert len(questions) == 5
    shown, said = questions[0]
    assert "Check your understanding (1/5)" in shown and "A  zzpub" in shown
    assert re.match(r"Answer: B \(zzpub\d+ Greenleaf\)", said)
    scenario_said = questions[4][1]
    assert scenario_said.count("They start again.") == 1
