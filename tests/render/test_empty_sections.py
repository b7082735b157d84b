"""A section with nothing in it gets no heading, page or contents entry in any output.

The empty-module fixture has a module with only segments, an exercise without a
worksheet or materials, and no principles, cases or sources anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pptx import Presentation
from pypdf import PdfReader

from generator.loader import load_program
from generator.model.participant import participant_view
from generator.render.slides.deck import render_slides

from ..conftest import Built, copy_fixture, run_cli

PAGE_NUMBER = re.compile(r"^\d+$")
WRITING_PAGES = {"Notes"}
"""Pages left blank on purpose, for notes: a heading and room to write."""


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("empty-module")
    root = copy_fixture("empty-module", base)
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    return Built(root, out)


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: Sequence[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))  # type: ignore[attr-defined]

    walk(reader.outline)
    return titles


def page_lines(reader: PdfReader) -> list[list[str]]:
    """Each page's lines of text, without page numbers."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]


@pytest.mark.parametrize("document", ["workbook", "guide"])
def test_no_pdf_page_is_a_heading_alone(empty: Built, document: str) -> None:
    reader = PdfReader(getattr(empty, document))
    alone = [
        (number, lines)
        for number, lines in enumerate(page_lines(reader), start=1)
        if len([line for line in lines if not PAGE_NUMBER.match(line)]) <= 1
        and not WRITING_PAGES & set(lines)
    ]
    assert alone == []


@pytest.mark.parametrize("document", ["workbook", "guide"])
def test_no_sources_in_the_outline_contents_or_pages(empty: Built, document: str) -> None:
    reader = PdfReader(getattr(empty, document))
    assert "The day at a glance" in outline_titles(reader)
    assert "Sources" not in outline_titles(reader)
    assert not any("Sources" in line for lines in page_lines(reader) for line in lines)


def test_the_guide_has_no_materials_section_when_nothing_is_needed(empty: Built) -> None:
    reader = PdfReader(empty.guide)
    assert outline_titles(reader)[:3] == [
        "The day at a glance",
        "Preparation checklist",
        "Room set-up",
    ]
    text = "\n".join(line for lines in page_lines(reader) for line in lines)
    assert "Materials" not in text
    assert "Gather the materials in the list below" not in text
    assert "Test any slides and videos." in text


def test_the_site_has_no_empty_page_nor_a_link_to_one(empty: Built) -> None:
    site = empty.site
    for page in ("sources", "cases", "glossary"):
        assert not (site / f"{page}.html").exists(), page
    assert (site / "exercises.html").exists()
    home = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    nav = [
        a.get_text(" ", strip=True)
        for a in home.select("nav.md-nav--primary > ul > li > a.md-nav__link")
    ]
    assert nav == ["Home", "Agenda", "Exercise library", "Downloads"]
    for link in home.select("article a[href]"):
        href = str(link["href"]).split("#")[0]
        if href and "://" not in href:
            assert (site / href).exists(), href
    article = home.select_one("article")
    assert article is not None
    assert "The exercise library collects every activity in one place." in article.get_text(
        " ", strip=True
    ).replace(" .", ".")


def test_a_principle_with_only_an_explanation_still_has_text_on_its_slide(
    tmp_path: Path,
) -> None:
    root = copy_fixture("empty-module", tmp_path)
    module = root / "modules" / "empty-module.yml"
    module.write_text(
        module.read_text("utf-8")
        + "principles:\n"
        + "  - name: Правило Ольги\n"
        + "    explanation: Ask before you answer. Then listen to the whole reply.\n",
        encoding="utf-8",
    )
    program = load_program(root)
    deck = render_slides(program, participant_view(program), {}, tmp_path / "slides", pdf=False)
    slides = list(Presentation(str(deck.path)).slides)
    for slide in slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        others = [
            shape.text_frame.text
            for shape in slide.shapes
            if shape.has_text_frame and shape != slide.shapes.title
        ]
        others += [
            cell.text_frame.text
            for shape in slide.shapes
            if getattr(shape, "has_table", False)
            for row in shape.table.rows
            for cell in row.cells
        ]
        assert any(text.strip() for text in others), f"slide {title!r} is a title alone"
    principle = next(s for s in slides if s.shapes.title and s.shapes.title.text == "Правило Ольги")
    assert any(
        "Ask before you answer" in shape.text_frame.text
        for shape in principle.shapes
        if shape.has_text_frame
    )
