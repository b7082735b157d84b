"""Case and exercise slides have layouts of their own, read back from the .pptx: a case's
organisation, years and workbook page in a band over its questions; an exercise's
format, group size, minutes and workbook page in a panel beside its steps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.slide import Slide

from ..conftest import Built, copy_fixture
from .test_slides import build, open_deck, title

CASE = "Case: Employees first at Southwest Airlines"
EXERCISE = "Activity: Listening pairs"


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("framed")
    return build(copy_fixture("basic", base), base / "out")


def _facts(slide: Slide) -> tuple[list[str], tuple[int, int, int, int]]:
    shapes = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE]
    assert [s.name for s in shapes] == ["Facts"]
    shape = shapes[0]
    lines = [p.text for p in shape.text_frame.paragraphs]  # type: ignore[attr-defined]
    return lines, (shape.left, shape.top, shape.width, shape.height)


def _body(slide: Slide) -> tuple[list[str], tuple[int, int, int, int]]:
    bodies = [p for p in slide.placeholders if p.placeholder_format.idx != 0]
    assert len(bodies) == 1
    body = bodies[0]
    lines = [p.text for p in body.text_frame.paragraphs]
    return lines, (body.left, body.top, body.width, body.height)


def test_a_case_slide_has_a_band_over_its_questions(basic: Built) -> None:
    slide = next(s for s in open_deck(basic).slides if title(s) == CASE)
    facts, (bx, by, bw, bh) = _facts(slide)
    assert len(facts) == 1
    assert re.fullmatch(r"Southwest Airlines · 1971-2019 · Workbook p\. \d+", facts[0])
    questions, (x, y, w, _) = _body(slide)
    assert questions[0].startswith("Why would putting employees ahead of customers")
    assert len(questions) == 3
    assert all("Workbook" not in q for q in questions)  # the facts are in the band only
    assert (x, w) == (bx, bw) and y >= by + bh  # full width, under the band
    assert bw > 3 * bh  # a band, not a box


def test_an_exercise_slide_has_a_panel_beside_its_steps(basic: Built) -> None:
    slide = next(s for s in open_deck(basic).slides if title(s) == EXERCISE)
    facts, (px, py, pw, ph) = _facts(slide)
    assert facts[:3] == ["Pair", "groups of 2", "15 minutes"]
    assert re.fullmatch(r"Workbook p\. \d+", facts[3]) and len(facts) == 4
    steps, (x, y, w, h) = _body(slide)
    assert steps[0] == "Speaker: talk for three minutes about a time a customer surprised you."
    assert len(steps) == 4
    assert x >= px + pw and y == py  # two columns: the panel on the left, steps beside
    assert pw < w  # the steps get the wider column
    assert ph == h


def test_framed_slides_in_the_pdf(basic: Built) -> None:
    """LibreOffice lays the band and panel out as drawn: the facts keep their own lines."""
    from pypdf import PdfReader

    pdf = next(Path(basic.out, "slides").glob("*.pdf"))
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    exercise = next(p for p in pages if EXERCISE in p)
    assert "Pair\ngroups of 2\n15 minutes\nWorkbook p." in exercise
    case = next(p for p in pages if CASE in p)
    assert "Southwest Airlines · 1971-2019 · Workbook p." in case
