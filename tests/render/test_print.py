"""Print quality, read back from the real PDFs: contents, outline, pages, fonts, paper."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.loader import load_program

from ..conftest import FIXTURES, REPO, Built, copy_fixture, run_cli

A4 = (595, 842)
MODULE_TITLES = {m.title for root in (REPO, FIXTURES / "basic") for m in load_program(root).modules}
LETTER = (612, 792)


def squash(text: str) -> str:
    return " ".join(text.split())


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page number) of every bookmark."""
    rows: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None, item.title
                rows.append((level, item.title, page + 1))

    walk(reader.outline, 1)
    return rows


def toc_entries(reader: PdfReader) -> list[tuple[str, int]]:
    page = next(p for p in reader.pages if p.extract_text().lstrip().startswith("Contents"))
    entries = []
    for line in page.extract_text().splitlines():
        match = re.match(r"^(.*?)\s*\.{3,}\s*(\d+)$", line.strip())
        if match:
            entries.append((match.group(1).strip(), int(match.group(2))))
    return entries


@pytest.fixture(scope="module")
def letter_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("letter")
    root = copy_fixture("basic", base)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "audience: Team leaders", "audience: Team leaders\n        paper: letter"
        ),
        encoding="utf-8",
    )
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    return Built(root, out)


@pytest.fixture(params=["basic-workbook", "basic-guide", "default-workbook", "default-guide"])
def document(request: pytest.FixtureRequest) -> PdfReader:
    program, kind = str(request.param).split("-")
    built: Built = request.getfixturevalue(f"{program}_build")
    path: Path = getattr(built, kind)
    return PdfReader(path)


def test_every_contents_entry_shows_the_real_page(document: PdfReader) -> None:
    entries = toc_entries(document)
    assert len(entries) >= 3
    bookmarks = {title: page for _, title, page in outline(document)}
    for title, page in entries:
        assert bookmarks[title] == page, title
        assert squash(title) in squash(document.pages[page - 1].extract_text()), title


def test_modules_start_on_odd_pages_and_are_in_the_outline(document: PdfReader) -> None:
    top = {title: page for level, title, page in outline(document) if level == 1}
    modules = [t for t in top if t in MODULE_TITLES]
    assert "Serve first: what servant leadership is" in modules
    for title in modules:
        assert top[title] % 2 == 1, title


def test_no_page_is_empty_except_labelled_notes_pages(document: PdfReader) -> None:
    for number, page in enumerate(document.pages, start=1):
        text = page.extract_text().strip()
        assert text, f"page {number} is empty"
        if len(text) < 12:
            assert text.startswith("Notes"), f"page {number} has only {text!r}"


def test_fonts_are_embedded(document: PdfReader) -> None:
    seen = 0
    for page in document.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                assert "Lato" in descriptor["/FontName"]
                seen += 1
    assert seen


def test_metadata_and_tags(document: PdfReader) -> None:
    root: Any = document.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in xmp  # identifies itself as PDF/UA-1
    meta = document.metadata
    assert meta is not None and meta.title and meta.author and meta.subject


def test_every_workbook_reference_points_at_its_page(basic_build: Built) -> None:
    workbook = [squash(p.extract_text()) for p in PdfReader(basic_build.workbook).pages]
    guide = squash(" ".join(p.extract_text() for p in PdfReader(basic_build.guide).pages))
    program = load_program(basic_build.root)
    headings = [f"Activity: {e.title}" for e in program.exercises.values()]
    headings += [f"Case: {c.title}" for c in program.cases.values()]
    for heading in headings:
        match = re.search(re.escape(heading) + r" Workbook p\. (\d+)", guide)
        assert match, heading
        assert heading in workbook[int(match.group(1)) - 1], heading
    for page in re.findall(r"Workbook p\. (\d+)", guide):
        assert 1 <= int(page) <= len(workbook)


def test_a4_by_default_and_letter_on_request(basic_build: Built, letter_build: Built) -> None:
    for path, size in (
        (basic_build.workbook, A4),
        (letter_build.workbook, LETTER),
        (letter_build.guide, LETTER),
    ):
        for page in PdfReader(path).pages:
            box = page.mediabox
            assert (round(float(box.width)), round(float(box.height))) == size
