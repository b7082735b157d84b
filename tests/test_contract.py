"""What ``validate`` accepts, ``build`` builds: images and files in prose, in every output.

A local image in prose renders in the handbook (copied into the site, referenced relative
to each page) and in both PDFs; a link to a file in the program folder goes to the site's
copy and, in print, becomes text naming the file. No output carries the build machine's
absolute path or a ``file:`` address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader import load_program
from generator.model.participant import participant_view
from generator.render.slides.deck import render_slides

from .conftest import run_cli
from .contract_program import (
    leaks,
    new_program,
    page_references,
    pdf_image_count,
    pdf_text,
    pdf_uris,
    write_prose,
)
from .images import SVG, png

SUMMARY = (
    "![Chart](<images/图 片.png>) and ![Map](images/%D8%B5%D9%88%D8%B1%D8%A9.svg)\n\n"
    "Read [the handout](<handouts/листок 1.pdf>) and [the notes](docs/notes.md), "
    "then see [Greenleaf](https://www.greenleaf.org) or [below](#objectives)."
)
STORY = "![Airport](images/😀%20plane.png) [timeline](handouts/timeline.txt#2019)"
PURPOSE = "Use ![the grid](<images/सारणी.svg>) from the wall."
INSTRUCTION = "Fill in [the sheet](<handouts/листок 1.pdf>)."
FACILITATOR = "Show ![secret](images/facilitator-only.png) to the room only."


def _rich(parent: Path, name: str = "Программа 项目") -> Path:
    root = new_program(parent, name)
    (root / "images").mkdir()
    (root / "images/图 片.png").write_bytes(png())
    (root / "images/صورة.svg").write_text(SVG, encoding="utf-8")
    (root / "images/😀 plane.png").write_bytes(png(30, 30, "#336699"))
    (root / "images/सारणी.svg").write_text(SVG, encoding="utf-8")
    (root / "images/facilitator-only.png").write_bytes(png(10, 10))
    (root / "handouts").mkdir()
    (root / "handouts/листок 1.pdf").write_bytes(b"%PDF-1.4\n% a handout\n")
    (root / "handouts/timeline.txt").write_text("1971: first flights\n", encoding="utf-8")
    (root / "docs/notes.md").write_text("# Notes\n\nBring a pen.\n", encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("docs_dir: docs\n", "docs_dir: docs\nstrict: true\n")
    )
    write_prose(
        root,
        summary=SUMMARY,
        story=STORY,
        purpose=PURPOSE,
        instruction=INSTRUCTION,
        facilitator=FACILITATOR,
    )
    return root


@pytest.fixture(scope="module")
def rich_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    parent = tmp_path_factory.mktemp("contract")
    root = _rich(parent)
    assert run_cli("validate", root).code == 0
    out = parent / "out"
    result = run_cli("build", root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return root, out


def test_strict_site_has_every_image_and_file_relative_to_its_page(
    rich_build: tuple[Path, Path],
) -> None:
    root, out = rich_build
    site = out / "site"
    module = page_references(site, "modules/serve-first.html")
    assert set(module) == {
        "../assets/servefirst/files/images/%E5%9B%BE%20%E7%89%87.png",
        "../assets/servefirst/files/images/%D8%B5%D9%88%D8%B1%D8%A9.svg",
        "../assets/servefirst/files/handouts/%D0%BB%D0%B8%D1%81%D1%82%D0%BE%D0%BA%201.pdf",
        "../notes.html",
        "../assets/servefirst/files/images/%F0%9F%98%80%20plane.png",
        "../assets/servefirst/files/handouts/timeline.txt#2019",
        "../assets/servefirst/files/images/%E0%A4%B8%E0%A4%BE%E0%A4%B0%E0%A4%A3%E0%A5%80.svg",
    }
    for target in module.values():
        assert target.is_file(), target
    assert (site / "assets/servefirst/files/images/图 片.png").read_bytes() == (
        root / "images/图 片.png"
    ).read_bytes()
    # The same story on a page one level up refers to the same copy.
    cases = page_references(site, "cases.html")
    assert "assets/servefirst/files/images/%F0%9F%98%80%20plane.png" in cases
    assert all(target.is_file() for target in cases.values())
    # An image named only in facilitator notes is never published.
    assert not list(site.rglob("facilitator-only.png"))


def test_pdfs_show_the_images_and_name_the_files(rich_build: tuple[Path, Path]) -> None:
    _, out = rich_build
    for pdf in (out / "pdf/participant-workbook.pdf", out / "pdf/facilitator-guide.pdf"):
        text = " ".join(pdf_text(pdf).split())
        assert "Read the handout (листок 1.pdf) and the notes (notes.md), then see" in text
        assert "Fill in the sheet (листок 1.pdf)." in text
        assert "https://www.greenleaf.org" in pdf_uris(pdf)
        assert pdf_image_count(pdf) >= 2  # the two PNGs; the SVGs are drawn as vectors
    guide = " ".join(pdf_text(out / "pdf/facilitator-guide.pdf").split())
    assert "Show to the room only." in guide


def test_no_output_carries_the_absolute_path_or_a_file_address(
    rich_build: tuple[Path, Path], tmp_path: Path
) -> None:
    root, out = rich_build
    program = load_program(root)
    view = participant_view(program)
    render_slides(program, view, {}, tmp_path / "slides", pdf=False)
    assert leaks(out, root) == []
    assert leaks(tmp_path / "slides", root) == []


def test_a_changed_image_rebuilds_the_outputs(tmp_path: Path) -> None:
    root = _rich(tmp_path, "basic")
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-slides").code == 0
    (root / "images/图 片.png").write_bytes(png(colour="#00aa00"))
    result = run_cli("build", root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    assert "unchanged" not in result.out
    assert (out / "site/assets/servefirst/files/images/图 片.png").read_bytes() == png(
        colour="#00aa00"
    )
