"""Each print rule seen on a real workbook whose layout breaks it.

The workbooks are small programs (tests/fixtures/print-clean, tests/fixtures/basic)
laid out by our templates and stylesheets with a few declarations added that break one
rule or a family of them (see broken.py); each test reads the PDF back through the
lint and expects the exact findings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.printlint import Finding, lint_pdf

from ..conftest import copy_fixture
from .broken import broken_workbook

WRITING = """
.ws-line { height: 6mm !important; width: 40mm !important }
.ws-area { height: 10mm !important }
.ws-table { width: 80mm !important }
.ws-table td { height: 3mm !important }
.tick { width: 2mm !important; height: 2mm !important }
.ws-scale thead th:first-child { width: 92% !important }
"""
ROWS = """
.ws-table td { height: 130mm !important }
.ws-table thead { display: table-row-group !important }
"""
LONE_LINES = """
.module-summary { break-before: page !important; padding-top: 247mm !important }
p { orphans: 1 !important; widows: 1 !important }
"""
EDGES = """
@page :right { @top-right {
  content: 'A running header that goes on and on far beyond one line of the margin box' !important;
  width: 60mm !important; white-space: normal !important; overflow: visible !important } }
.module-summary { margin-left: -30mm !important }
"""
# Two lines of lower-case words without a full stop: a paragraph that runs on.
RUNNING_ON = (
    "listen and hold back the answer until the other person feels heard then sum up "
    "what was said listen and hold back the answer until"
)


def _workbook(tmp_path: Path, fixture: str, css: str, summary: str | None = None) -> Path:
    root = copy_fixture(fixture, tmp_path)
    if summary is not None:
        module = root / "modules" / "listen-first.yml"
        text = module.read_text(encoding="utf-8")
        start, end = text.index("summary: >-"), text.index("duration:")
        module.write_text(f"{text[:start]}summary: {summary}\n{text[end:]}", encoding="utf-8")
    return broken_workbook(root, css)


def _of(findings: list[Finding], *rules: str) -> list[str]:
    return [f"p. {f.page}: {f.rule} {f.message}" for f in findings if f.rule in rules]


@pytest.fixture(scope="module")
def writing(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    return lint_pdf(_workbook(tmp_path_factory.mktemp("writing"), "basic", WRITING))


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    return lint_pdf(_workbook(tmp_path_factory.mktemp("rows"), "basic", ROWS))


@pytest.fixture(scope="module")
def lone_lines(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    pdf = _workbook(tmp_path_factory.mktemp("lone"), "print-clean", LONE_LINES, RUNNING_ON)
    return lint_pdf(pdf)


@pytest.fixture(scope="module")
def edges(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    return lint_pdf(_workbook(tmp_path_factory.mktemp("edges"), "print-clean", EDGES))


def test_heading_stranded_at_the_foot_of_a_page_is_PL101(tmp_path: Path) -> None:
    pdf = _workbook(tmp_path, "print-clean", ".exercise > h3 { break-after: page !important }")
    assert _of(lint_pdf(pdf), "PL101") == [
        "p. 5: PL101 heading 'Activity: Summary pairs' at the foot of the page; "
        "its content starts on p. 6"
    ]


def test_one_line_at_the_foot_of_a_page_is_PL102(lone_lines: list[Finding]) -> None:
    assert _of(lone_lines, "PL102") == [
        "p. 6: PL102 one line of 'listen and hold back the answer until t…' alone at the "
        "foot of the page; the rest is on p. 7"
    ]


def test_one_line_at_the_head_of_a_page_is_PL103(lone_lines: list[Finding]) -> None:
    assert _of(lone_lines, "PL103") == [
        "p. 7: PL103 the last line of 'listen and hold back the answer until t…' alone at "
        "the head of the page; it starts on p. 6"
    ]


def test_table_row_alone_on_a_page_is_PL104(rows: list[Finding]) -> None:
    assert _of(rows, "PL104") == [
        "p. 10: PL104 one row of a table alone on the page; the table starts on p. 9"
    ]


def test_table_continued_without_its_header_is_PL105(rows: list[Finding]) -> None:
    assert _of(rows, "PL105") == [
        "p. 10: PL105 a table continued from p. 9 without its header row "
        "('What I did What a servant-first leader…')"
    ]


def test_header_row_repeated_is_no_PL105(tmp_path: Path) -> None:
    """WeasyPrint repeats a table's <thead> on every page: the same split, no finding."""
    pdf = _workbook(tmp_path, "basic", ".ws-table td { height: 130mm !important }")
    found = lint_pdf(pdf)
    assert _of(found, "PL104") == [
        "p. 10: PL104 one row of a table alone on the page; the table starts on p. 9"
    ]
    assert _of(found, "PL105") == []


def test_page_a_third_full_before_a_block_that_fits_is_PL106(tmp_path: Path) -> None:
    pdf = _workbook(tmp_path, "print-clean", ".module-summary { break-after: page !important }")
    assert _of(lint_pdf(pdf), "PL106") == [
        "p. 5: PL106 the page is 13% full and the first block of p. 6 "
        "('In this module you will • Describe what…', 72 mm) would fit in the 217 mm left"
    ]


def test_ruled_lines_too_close_are_PL201(writing: list[Finding]) -> None:
    # The lines under each "Ask yourself", a case's questions, the worksheet's lines and
    # the reflection prompts; the notes page (p. 11).
    assert _of(writing, "PL201") == [
        "p. 6: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 7: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 7: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 8: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 8: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 9: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 9: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 9: PL201 ruled lines 6 mm apart; at least 8 mm",
        "p. 11: PL201 ruled lines 6 mm apart; at least 8 mm",
    ]


def test_low_box_and_low_cells_are_PL202(writing: list[Finding]) -> None:
    assert _of(writing, "PL202") == [
        "p. 8: PL202 a writing box 10 mm tall; at least 15 mm",
        "p. 8: PL202 the writing column 'What I did' (2 cells) has cells 6 mm tall; at least 8 mm",
        "p. 8: PL202 the writing column 'What a servant-first leader would do' (2 cells) has "
        "cells 6 mm tall; at least 8 mm",
    ]


def test_narrow_writing_columns_are_PL203(writing: list[Finding]) -> None:
    found = _of(writing, "PL203")
    assert "p. 7: PL203 ruled lines 40 mm wide; at least 45 mm" in found
    assert (
        "p. 8: PL203 the writing column 'What I did' (2 cells) is 40 mm wide; at least 45 mm"
        in found
    )
    assert (
        "p. 8: PL203 the writing column 'What a servant-first leader would do' (2 cells) is "
        "40 mm wide; at least 45 mm" in found
    )


def test_small_tick_boxes_and_crowded_scales_are_PL204(writing: list[Finding]) -> None:
    assert _of(writing, "PL204") == [
        "p. 8: PL204 scale points 2 mm apart; at least 6 mm",
        "p. 8: PL204 scale points 2 mm apart; at least 6 mm",
        "p. 9: PL204 a tick box 2 mm across; at least 4 mm",
        "p. 9: PL204 a tick box 2 mm across; at least 4 mm",
        "p. 9: PL204 a tick box 2 mm across; at least 4 mm",
    ]


def test_running_header_over_one_line_is_PL301(edges: list[Finding]) -> None:
    assert (
        "p. 5: PL301 the running header takes 2 lines ('A running header that goes on and on far'); shorten it to one with an ellipsis"
        in _of(edges, "PL301")
    )


def test_text_outside_the_margins_is_PL302(edges: list[Finding]) -> None:
    found = _of(edges, "PL302")
    assert (
        "p. 1: PL302 margin text 'beyond one line of the margin box' 0.0 mm from the page "
        "edge; at least 4 mm" in found
    )
    assert [f for f in found if f.startswith("p. 5:")] == [
        "p. 5: PL302 text 'A short module ً . الاستماع أولا' outside the margins, "
        "at x -6–22 mm, y 42–54 mm"
    ]


def test_empty_section_and_its_contents_entry_are_PL303(tmp_path: Path) -> None:
    pdf = _workbook(tmp_path, "print-clean", ".source-list { display: none !important }")
    assert _of(lint_pdf(pdf), "PL303") == [
        "p. 3: PL303 the contents entry 'Sources' leads to an empty section",
        "p. 10: PL303 the section 'Sources' is empty: nothing is printed under its heading",
    ]
