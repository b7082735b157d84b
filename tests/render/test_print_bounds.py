"""Nothing printed leaves the page's text area, on A4 and Letter: every glyph and every
image of both PDFs is read back with its position (see tests/print_bounds.py).

The default run builds the long-words and big-image fixtures (copies of the cases of
issue 12, with a Markdown table and a worksheet with long row labels added) on both papers
and reads the default program and the basic fixture from the shared builds; the other
programs and papers are ``slow`` (``pytest -m slow``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader
from weasyprint import HTML

from ..conftest import REPO, Built, copy_fixture, run_cli
from ..print_bounds import (
    MM,
    drawn_images,
    misdrawn_images,
    page_margins,
    stray_glyphs,
    text_area,
    with_paper,
)

PAPERS = ["A4", "letter"]
PAGE_HEIGHT = {"A4": 297 * MM, "letter": 279.4 * MM}


def build_fixture(base: Path, name: str, paper: str) -> Built:
    root = copy_fixture(name, base)
    with_paper(root, paper)
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    return Built(root, out)


def body_text(pdf: Path, number: int) -> str:
    """The text of page ``number`` inside its text area: no running header or number."""
    with pdfplumber.open(pdf) as document:
        page = document.pages[number - 1]
        area = text_area(number, page.width, page.height, page_margins())
        inside = page.within_bbox((area.left, area.top, area.right, area.bottom))
        return str(inside.extract_text())


def assert_inside(built: Built) -> None:
    for pdf in (built.workbook, built.guide):
        assert stray_glyphs(pdf) == []
        assert misdrawn_images(pdf) == []


@pytest.mark.parametrize("paper", PAPERS)
def test_long_words_urls_and_tables_stay_inside_the_margins(tmp_path: Path, paper: str) -> None:
    built = build_fixture(tmp_path, "long-words", paper)
    assert_inside(built)
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(built.workbook).pages)
    assert "客户满意度调查结果汇总报告（西北区第三季度）" in text  # a row label, wrapped, in full


@pytest.mark.parametrize("paper", PAPERS)
def test_big_images_fit_the_column_and_one_page(tmp_path: Path, paper: str) -> None:
    built = build_fixture(tmp_path, "big-image", paper)
    assert_inside(built)
    for pdf in (built.workbook, built.guide):
        images = {image.pixels: image for image in drawn_images(pdf)}
        wide, tall = images[(4000, 1500)], images[(600, 5000)]
        # The wide map takes the text column's full width; the tall ladder three quarters
        # of the text area's height, so it can share a page with the lines before it.
        column = wide.area.right - wide.area.left
        assert wide.width == pytest.approx(column, abs=1)
        assert tall.height == pytest.approx(0.75 * (tall.area.bottom - tall.area.top), abs=1)
        # No image is alone on its page (before, each sat after a near-empty page).
        for image in (wide, tall):
            words = body_text(pdf, image.page)
            assert len(words) > 10, (pdf.name, image.page, words)
        assert tall.area.bottom < PAGE_HEIGHT[paper]


def test_the_default_program_stays_inside_the_margins(default_build: Built) -> None:
    assert_inside(default_build)


def test_the_basic_fixture_stays_inside_the_margins(basic_build: Built) -> None:
    assert_inside(basic_build)


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("program", ["default", "half-day", "two-day"])
def test_every_program_stays_inside_the_margins(tmp_path: Path, program: str, paper: str) -> None:
    root = tmp_path / program
    source = REPO if program == "default" else REPO / "programs" / program
    shutil.copytree(source / "docs", root / "docs")
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    with_paper(root, paper)
    out = tmp_path / "out"
    result = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    assert_inside(Built(root, out))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["basic", "empty-module"])
def test_the_fixtures_on_letter_stay_inside_the_margins(tmp_path: Path, name: str) -> None:
    assert_inside(build_fixture(tmp_path, name, "letter"))


def test_the_reader_finds_a_line_that_runs_off_the_page(tmp_path: Path) -> None:
    """The check itself can fail: a line that may not wrap, and a stretched image, on a
    left-hand page with the real documents' margins."""
    Image.new("RGB", (400, 100), "#1f5f7a").save(tmp_path / "band.png")
    m = page_margins()
    html = (
        f"<style>@page {{ size: A4 }} @page :left {{ margin: {m.top}pt {m.inside}pt "
        f"{m.bottom}pt {m.outside}pt }} @page :right {{ margin: {m.top}pt {m.outside}pt "
        f"{m.bottom}pt {m.inside}pt }}</style><p>Titel</p><p style='break-before: page; white-space: nowrap'>"
        + "Kundenzufriedenheitsbefragungsauswertungsverantwortlichenbesprechungsprotokoll " * 2
        + "</p><img src='band.png' style='width: 100mm; height: 100mm'>"
    )
    pdf = tmp_path / "off.pdf"
    HTML(string=html, base_url=str(tmp_path) + "/").write_pdf(pdf)
    [stray] = stray_glyphs(pdf)
    assert stray.startswith("off.pdf p.2: 'kollKundenzufriedenheitsbefragungsauswertung"), stray
    [stretched] = misdrawn_images(pdf)
    assert "image of 400x100 px drawn 283.5x283.5 pt: ratio off by 0.250" in stretched
    assert text_area(2, 595.3, 841.9, m).left == pytest.approx(16 * MM)
