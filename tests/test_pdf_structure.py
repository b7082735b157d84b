"""The structural accessibility check (tests/pdf_structure.py): the tagged PDFs of the
fixtures pass it, and a small document or program that breaks each rule is caught."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from .conftest import Built, copy_fixture, run_cli
from .pdf_structure import Finding, check_pdf

DOT = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNg"
    "+P8/AAX+Av6n1qWhAAAAAElFTkSuQmCC"
)


def _pdf(tmp_path: Path, body: str, *, tagged: bool = True) -> Path:
    """``body`` (HTML) laid out by WeasyPrint as PDF/UA-1, like the workbook and guide."""
    from weasyprint import HTML

    html = f'<html lang="ru"><head><title>Проверка</title></head><body>{body}</body></html>'
    target = tmp_path / "документ 文件.pdf"
    HTML(string=html).write_pdf(target, **({"pdf_variant": "pdf/ua-1"} if tagged else {}))
    return target


def _found(path: Path) -> list[str]:
    return [str(finding) for finding in check_pdf(path)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The basic fixture (tables, lists, a case) and the big-image fixture (figures with
    alt text), built with --press: every tagged PDF they give."""
    base = tmp_path_factory.mktemp("structure")
    pdfs = []
    for name in ("basic", "big-image"):
        root = copy_fixture(name, base)
        out = base / f"{name}-out"
        result = run_cli("build", root, "--out", out, "--no-site", "--no-slides", "--press")
        assert result.code == 0, result.err
        pdfs += sorted((out / "pdf").glob("*.pdf")) + sorted((out / "press").glob("*-pdfx.pdf"))
    return pdfs


def test_the_fixtures_tagged_pdfs_pass(built: list[Path]) -> None:
    assert len(built) == 8
    for path in built:
        assert _found(path) == [], path.name


def test_the_fixtures_figures_have_alt_text(built: list[Path]) -> None:
    workbook = next(
        p for p in built if "big-image" in str(p) and p.name == "participant-workbook.pdf"
    )
    alts = _alts(workbook)
    assert "Service map" in alts and "Escalation ladder" in alts


def _alts(path: Path) -> list[str]:
    reader = PdfReader(path)
    found: list[str] = []

    def walk(node: Any) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/Figure" and "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    catalogue: Any = reader.trailer["/Root"]
    walk(catalogue["/StructTreeRoot"])
    return found


def test_a_skipped_heading_level_is_found(tmp_path: Path) -> None:
    path = _pdf(tmp_path, "<h1>Модуль</h1><p>Текст</p><h3>Случай</h3><p>Текст</p><h2>Ок</h2>")
    assert _found(path) == [
        "page 1: heading-gap: an H3 after an H1: a level is skipped; use an H2 at most"
    ]


def test_a_first_heading_below_h1_is_found(tmp_path: Path) -> None:
    path = _pdf(tmp_path, "<h2>开始</h2><p>文字</p>")
    assert _found(path) == [
        "page 1: heading-gap: an H2 as the first heading: a level is skipped; use an H1"
    ]


def test_headings_going_back_up_are_fine(tmp_path: Path) -> None:
    path = _pdf(tmp_path, "<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><h1>E</h1><h2>F</h2>")
    assert _found(path) == []


def test_an_image_without_alt_text_is_found(tmp_path: Path) -> None:
    body = f'<h1>Карта</h1><p><img src="{DOT}" style="width: 20mm"></p>'
    body += f'<p><img alt="Карта обслуживания" src="{DOT}" style="width: 20mm"></p>'
    assert _found(_pdf(tmp_path, body)) == [
        "page 1: image-alt: a figure without alternative text (Alt)"
    ]


def test_a_program_with_an_image_without_alt_text_is_found(tmp_path: Path) -> None:
    root = copy_fixture("big-image", tmp_path)
    module = root / "modules" / "big-image.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("![Service map]", "![]"), "utf-8")
    out = tmp_path / "out"
    result = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    found = _found(out / "pdf" / "participant-workbook.pdf")
    assert found == ["page 5: image-alt: a figure without alternative text (Alt)"]
    assert (
        "warning: modules/big-image.yml:6: summary: this image has no alternative text, so a "
        "screen reader passes over it in the PDFs and on the site; say what it shows between "
        "the brackets: ![what it shows](file.png)"
    ) in run_cli("validate", root).err.splitlines()


def test_a_table_without_header_cells_is_found(tmp_path: Path) -> None:
    body = "<h1>Время</h1><table><tr><td>09:00</td><td>Начало</td></tr></table>"
    body += "<table><tr><th>Час</th><th>Что</th></tr><tr><td>10:00</td><td>Кофе</td></tr></table>"
    assert _found(_pdf(tmp_path, body)) == [
        "page 1: table-header: a table without header cells (TH): a reader cannot name its "
        "columns or rows"
    ]


def test_text_read_after_text_below_it_is_found(tmp_path: Path) -> None:
    body = "<h1>Порядок</h1><p>Первый абзац.</p><p>Второй абзац.</p>"
    body += '<p style="position: absolute; top: 0">Третий, наверху страницы.</p>'
    assert _found(_pdf(tmp_path, body)) == [
        "page 1: reading-order: text at 73 pt from the top is read after text at 154 pt "
        "below it in the same column"
    ]


def test_a_structure_that_goes_back_a_page_is_found(tmp_path: Path) -> None:
    body = '<h1>Один</h1><p style="break-after: page">Страница один.</p><h2>Два</h2><p>Два.</p>'
    path = _pdf(tmp_path, body)
    assert _found(path) == []
    writer = PdfWriter(clone_from=path)
    root: Any = writer.root_object["/StructTreeRoot"]
    document = root["/K"].get_object() if not isinstance(root["/K"], list) else root["/K"][0]
    kids = document.get_object()["/K"]
    kids.reverse()  # the second page's content is read first
    shuffled = tmp_path / "shuffled.pdf"
    with shuffled.open("wb") as handle:
        writer.write(handle)
    assert "page 1: reading-order: the structure goes back to page 1 after page 2" in _found(
        shuffled
    )


def test_an_untagged_pdf_is_found(tmp_path: Path) -> None:
    assert check_pdf(_pdf(tmp_path, "<h1>Без тегов</h1>", tagged=False)) == [
        Finding("untagged", None, "no structure tree: nothing tells a reader what it is")
    ]
    assert str(check_pdf(_pdf(tmp_path, "<h1>x</h1>", tagged=False))[0]) == (
        "the file: untagged: no structure tree: nothing tells a reader what it is"
    )


def test_the_booklet_is_not_checked_as_tagged(built: list[Path], tmp_path: Path) -> None:
    """The booklet is made for paper: imposing pages drops their tags, and says so."""
    booklet = next(built[0].parent.parent.glob("press/*-booklet-a5.pdf"))
    shutil.copy(booklet, tmp_path / "booklet.pdf")
    assert [f.rule for f in check_pdf(tmp_path / "booklet.pdf")] == ["untagged"]


def test_personalised_workbooks_and_certificates_pass(basic: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,cohort\n王芳,東京 2026\nمحمد العلي,الرياض\n", encoding="utf-8")
    out = tmp_path / "personal"
    result = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert result.code == 0, result.err
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) == 4
    for path in pdfs:
        assert _found(path) == [], path.name


@pytest.mark.slow
def test_the_default_programs_tagged_pdfs_pass(default_build: Built) -> None:
    """About four minutes on a busy two-core machine: pdfplumber reads 190 pages."""
    for path in (default_build.workbook, default_build.guide):
        assert _found(path) == [], path.name
