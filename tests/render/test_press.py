"""``build --press`` and ``press: true``: PDF/X files with bleed and crop marks on the
covers, and the workbook as a saddle-stitch booklet in imposition order, read back."""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pdfplumber
import pytest
from pypdf import PdfReader

from generator.model.program import ProgramConfig
from generator.render.press import BLEED_MM, MM, booklet_name, imposition, write_booklet

from ..conftest import copy_fixture, run_cli

EPOCH = "1700000000"
PDFX = ("participant-workbook-pdfx.pdf", "facilitator-guide-pdfx.pdf")
BOOKLET = "participant-workbook-booklet-a5.pdf"


@dataclass
class Press:
    out: Path
    other: Path
    """A second build of the same program in another folder, turned on by ``press: true``."""
    stdout: str


def _press_setting(root: Path) -> Path:
    """Turn on ``press: true`` in the program at ``root``; returns ``root``."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      program:\n", "      program:\n        press: true\n"))
    return root


@pytest.fixture(scope="module")
def press(tmp_path_factory: pytest.TempPathFactory) -> Press:
    base = tmp_path_factory.mktemp("press")
    outs = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for folder, flag in (("первый 程序", ["--press"]), ("ثاني दूसरा", [])):
            root = copy_fixture("basic", base / folder)
            if not flag:
                _press_setting(root)
            out = base / folder / "out"
            result = run_cli("build", root, "--out", out, "--no-site", "--no-slides", *flag)
            assert result.code == 0, result.err
            outs.append((out, result.out))
    return Press(outs[0][0], outs[1][0], outs[0][1])


def test_press_writes_the_pdfx_files_and_the_booklet(press: Press) -> None:
    found = sorted(p.name for p in (press.out / "press").iterdir())
    assert found == sorted([*PDFX, BOOKLET])
    assert "press/" in press.stdout.splitlines()[-1]
    for name, default in zip(
        PDFX, ("participant-workbook.pdf", "facilitator-guide.pdf"), strict=True
    ):
        pdfx, tagged = PdfReader(press.out / "press" / name), PdfReader(press.out / "pdf" / default)
        assert len(pdfx.pages) == len(tagged.pages)  # the same pages, so page references hold
        assert pdfx.pages[3].extract_text() == tagged.pages[3].extract_text()


def test_the_pdfx_files_declare_pdfx4_with_an_output_intent(press: Press) -> None:
    for name in PDFX:
        reader = PdfReader(press.out / "press" / name)
        assert reader.pdf_header == "%PDF-1.6"
        catalogue: Any = reader.trailer["/Root"]
        xmp = catalogue["/Metadata"].get_object().get_data()
        assert b"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
        (intent,) = catalogue["/OutputIntents"]
        assert intent.get_object()["/S"] == "/GTS_PDFX"
        assert "/DestOutputProfile" in intent.get_object()


def _boxes(path: Path) -> dict[int, dict[str, list[float]]]:
    """``pdfinfo -box``: page -> {box name: [x0, y0, x1, y1]}."""
    done = subprocess.run(
        ["pdfinfo", "-box", "-f", "1", "-l", "3", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    boxes: dict[int, dict[str, list[float]]] = {}
    for line in done.stdout.splitlines():
        if line.startswith("Page ") and "Box:" in line:
            words = line.split()
            boxes.setdefault(int(words[1]), {})[words[2].rstrip(":")] = [
                float(w) for w in words[3:]
            ]
    return boxes


def test_covers_have_3mm_bleed_and_other_pages_none(press: Press) -> None:
    bleed = BLEED_MM * MM
    for name in PDFX:
        boxes = _boxes(press.out / "press" / name)
        cover = boxes[1]
        assert cover["TrimBox"] == pytest.approx([0, 0, 595.28, 841.89], abs=0.01)
        grown = [-bleed, -bleed, 595.28 + bleed, 841.89 + bleed]
        assert cover["BleedBox"] == pytest.approx(grown, abs=0.01)
        assert cover["MediaBox"] == pytest.approx(grown, abs=0.01)
        for page in (2, 3):
            assert boxes[page]["MediaBox"] == boxes[page]["TrimBox"] == boxes[page]["BleedBox"]
        reader = PdfReader(press.out / "press" / name)
        trim = reader.pages[0].trimbox
        assert float(reader.pages[0].mediabox.width) == pytest.approx(float(trim.width) + 2 * bleed)
        assert reader.pages[1].mediabox == reader.pages[1].trimbox


def test_covers_have_crop_marks_in_the_bleed_in_line_with_the_trim(press: Press) -> None:
    for name in PDFX:
        with pdfplumber.open(press.out / "press" / name) as pdf:
            cover, inside = pdf.pages[0], pdf.pages[1]
            x0, top, x1, bottom = cast(Any, cover).trimbox  # pdfplumber's types omit it
            marks = [
                line
                for line in cover.lines
                if line["x1"] <= x0
                or line["x0"] >= x1
                or line["bottom"] <= top
                or line["top"] >= bottom
            ]
            assert len(marks) == 8  # two at each corner
            edges_x, edges_y = {round(x0, 1), round(x1, 1)}, {round(top, 1), round(bottom, 1)}
            for mark in marks:
                horizontal = mark["top"] == mark["bottom"]
                assert (
                    round(mark["top"], 1) in edges_y
                    if horizontal
                    else round(mark["x0"], 1) in edges_x
                )
            assert inside.lines == [] or all(
                x0 <= line["x0"] and line["x1"] <= x1 for line in inside.lines
            )


def _chars(page: pdfplumber.page.Page) -> Counter[str]:
    return Counter(c["text"] for c in page.chars if not c["text"].isspace())


def test_booklet_pages_are_in_saddle_stitch_order(press: Press) -> None:
    workbook = PdfReader(press.out / "pdf" / "participant-workbook.pdf")
    pages = len(workbook.pages)
    padded = pages + -pages % 4
    with (
        pdfplumber.open(press.out / "press" / BOOKLET) as booklet,
        pdfplumber.open(press.out / "pdf" / "participant-workbook.pdf") as source,
    ):
        assert len(booklet.pages) % 2 == 0 and len(booklet.pages) * 2 == padded
        assert padded % 4 == 0
        first = booklet.pages[0]
        assert (first.width, first.height) == pytest.approx((841.89, 595.28), abs=0.01)
        for side, (left, right) in enumerate(imposition(padded)):
            sheet = booklet.pages[side]
            halves = (
                sheet.crop((0, 0, sheet.width / 2, sheet.height)),
                sheet.crop((sheet.width / 2, 0, sheet.width, sheet.height)),
            )
            for half, number in zip(halves, (left, right), strict=True):
                if number <= pages:
                    assert _chars(half) == _chars(source.pages[number - 1]), (side, number)
                else:  # padding: a labelled, numbered notes page
                    assert half.extract_text().split() == ["Notes", str(number)]
    # Sheet 1's front holds the last page and the first (the cover).
    with pdfplumber.open(press.out / "press" / BOOKLET) as booklet:
        front = booklet.pages[0]
        assert (
            "Basic fixture"
            in front.crop((front.width / 2, 0, front.width, front.height)).extract_text()
        )


def test_the_program_setting_gives_the_same_bytes_in_another_folder(press: Press) -> None:
    for name in [*PDFX, BOOKLET]:
        assert (press.out / "press" / name).read_bytes() == (
            press.other / "press" / name
        ).read_bytes()
        assert b"/tmp" not in (press.out / "press" / name).read_bytes()


def test_an_unchanged_press_folder_is_not_rebuilt(press: Press) -> None:
    root = press.out.parent / "basic"
    result = run_cli("build", root, "--out", press.out, "--no-site", "--no-slides", "--press")
    assert result.code == 0, result.err
    assert "unchanged: guide, press, run-of-show, workbook" in result.out.splitlines()


def test_press_without_pdfs_is_refused(basic: Path) -> None:
    result = run_cli("build", basic, "--no-pdf", "--press")
    assert result.code == 2
    assert "--press needs the PDFs it is made from; drop --no-pdf or --press" in result.err


def test_imposition_order() -> None:
    assert imposition(4) == [(4, 1), (2, 3)]
    assert imposition(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    with pytest.raises(
        ValueError, match="a saddle-stitch booklet needs a multiple of four pages, not 6"
    ):
        imposition(6)


def test_a_letter_workbook_becomes_a_half_letter_booklet_padded_with_notes(tmp_path: Path) -> None:
    from weasyprint import HTML

    pages = "".join(f'<p style="break-after: page">Страница {n} 页</p>' for n in range(1, 6))
    source = tmp_path / "five.pdf"
    HTML(string=f"<style>@page {{ size: letter }}</style>{pages}").write_pdf(source)
    config = ProgramConfig.model_validate(
        {
            "title": "Письмо",
            "organisation": "Org",
            "audience": "All",
            "paper": "letter",
            "language": "es",
            "days": [{"plan": ["x"]}],
        }
    )
    target = tmp_path / booklet_name("participant-workbook.pdf", "letter")
    assert target.name == "participant-workbook-booklet-half-letter.pdf"
    booklet = write_booklet(source, config, target)
    assert booklet.order == [(8, 1), (2, 7), (6, 3), (4, 5)]
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == 4
        assert (pdf.pages[0].width, pdf.pages[0].height) == pytest.approx((792, 612))
        front = pdf.pages[0]
        left = front.crop((0, 0, front.width / 2, front.height)).extract_text().split()
        right = front.crop((front.width / 2, 0, front.width, front.height)).extract_text()
        assert left == ["Notas", "8"]  # the program's language
        assert "Страница 1" in right


def test_a_damaged_press_file_is_rebuilt(press: Press, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = press.out.parent / "basic"
    (press.out / "press" / BOOKLET).unlink()
    result = run_cli("build", root, "--out", press.out, "--no-site", "--no-slides", "--press")
    assert result.code == 0, result.err
    assert f"notice: rebuilt press: press/{BOOKLET} is missing" in result.out.splitlines()
    assert (press.out / "press" / BOOKLET).read_bytes() == (
        press.other / "press" / BOOKLET
    ).read_bytes()


def test_the_press_setting_without_pdfs_says_why_nothing_is_pressed(write_files: Any) -> None:
    root = _press_setting(write_files({}))
    result = run_cli("build", root, "--out", root.parent / "выход", "--no-pdf")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "notice: no press/ files: they are made from the PDFs, and --no-pdf skips them" in lines
    assert not (root.parent / "выход" / "press").exists()
