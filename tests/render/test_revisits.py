"""A case revisited: its own questions in the workbook and on the slide, the story once
in the guide with a page reference back. Read back from the PDFs and the .pptx."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from ..conftest import Built, copy_fixture, run_cli

OWN_QUESTION = "Which rule of yours would Kelleher keep, 保留, and why?"
ORIGINAL = "Which of your own team's rules would Kelleher have thrown out?"

AGAIN = f"""\
id: again
title: "Southwest again: правила"
summary: We come back to the Southwest case with a different question.
duration: 10
objectives:
  - Name one rule of your team that serves the people who serve customers.
cases: [southwest-airlines]
segments:
  - title: "Case revisited: Southwest"
    minutes: 10
    method: case
    case: southwest-airlines
    case_questions:
      - "{OWN_QUESTION}"
    facilitator:
      debrief:
        - question: "{OWN_QUESTION}"
          listen_for: A rule that protects time with customers.
"""


def squeeze(text: str) -> str:
    """Whitespace collapsed, typographic apostrophes made plain."""
    return " ".join(text.replace("\u2019", "'").split())


def pages(pdf: Path) -> list[str]:
    return [squeeze(page.extract_text()) for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("revisits")
    root = copy_fixture("basic", base)
    (root / "modules" / "again.yml").write_text(AGAIN, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- serve-first", "- serve-first\n              - again"))
    result = run_cli("build", root, "--out", base / "out", "--no-site")
    assert result.code == 0, result.err
    return Built(root, base / "out")


def test_the_workbook_prints_the_revisits_own_questions(built: Built) -> None:
    text = pages(built.workbook)
    start = next(i for i, p in enumerate(text) if "We return to this case" in p)
    again = " ".join(text[start:])
    assert "Discuss 1. " + OWN_QUESTION in again
    assert ORIGINAL not in again
    assert ORIGINAL in " ".join(text[:start])  # the first module keeps the case's own


def test_the_guide_prints_the_story_once_and_refers_back_by_page(built: Built) -> None:
    text = pages(built.guide)
    first = next(
        i
        for i, p in enumerate(text, start=1)
        if "sketched the idea of a low-fare Texas airline" in p
    )
    whole = " ".join(text)
    assert whole.count("sketched the idea of a low-fare Texas airline") == 1
    assert f"Story: see guide p. {first}" in whole
    revisit = whole[whole.index(f"Story: see guide p. {first}") :]
    assert (
        squeeze(revisit)
        .replace("Listen for:A", "Listen for: A")
        .startswith(
            f"Story: see guide p. {first} {OWN_QUESTION} Listen for: A rule that protects time"
        )
    )


def test_the_case_slide_of_the_revisit_shows_its_own_questions(built: Built) -> None:
    (path,) = (built.out / "slides").glob("*.pptx")
    shown = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        if title.startswith("Case: "):
            shown.append(
                squeeze(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))
            )
    assert len(shown) == 2
    assert ORIGINAL in shown[0] and OWN_QUESTION not in shown[0]
    assert OWN_QUESTION in shown[1] and ORIGINAL not in shown[1]
    assert re.search(r"Workbook p\. \d+", shown[1])
