"""The deck follows the program's options: branding and delivery reach the master and the
slides, an own PowerPoint template supplies the layouts, and without LibreOffice the
build still writes the deck. Read back with python-pptx."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from ..conftest import copy_fixture, run_cli
from .test_slides import build, needs_soffice, open_deck, shown_text, title


def set_options(root: Path, options: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "        audience: Team leaders\n", f"        audience: Team leaders\n{options}"
        ),
        encoding="utf-8",
    )


def test_branding_and_delivery_reach_the_master_and_the_slides(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    Image.new("RGB", (120, 40), (20, 120, 60)).save(root / "docs" / "logo.png")
    set_options(
        root,
        '        delivery: virtual\n        branding:\n          colour: "#b5452b"\n'
        "          logo: docs/logo.png\n",
    )
    deck = open_deck(build(root, tmp_path / "out"))
    master = deck.slide_master
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in master.shapes)
    assert "Fixture Ltd" in [s.text_frame.text for s in master.shapes if s.has_text_frame]
    theme = master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob
    assert b'<a:accent1><a:srgbClr val="B5452B"/>' in theme
    # Online, the exercise's online steps follow its steps, as in the workbook.
    shown = [
        t for s in deck.slides if title(s) == "Activity: Listening pairs" for t in shown_text(s)
    ]
    assert any(t.startswith("Taking part online") for t in shown)
    assert any("Keep cameras on in the breakout room" in t for t in shown)


@needs_soffice
def test_an_svg_logo_is_drawn_for_the_master(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    (root / "docs" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
        '<rect width="40" height="40" fill="#b5452b"/></svg>',
        encoding="utf-8",
    )
    set_options(root, "        branding: {logo: docs/logo.svg}\n")
    deck = open_deck(build(root, tmp_path / "out"))
    (picture,) = [s for s in deck.slide_master.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert picture.image.size[1] >= 300  # drawn large enough to stay sharp when projected


def test_own_template_supplies_the_layouts(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    template = Presentation()  # 4:3, with a sample slide that must not survive
    sample = template.slides.add_slide(template.slide_layouts[1])
    assert sample.shapes.title is not None
    sample.shapes.title.text_frame.text = "Sample slide"
    template.slide_layouts[1].name = "Title and Content"
    template.save(str(root / "deck.pptx"))
    set_options(root, "        slides_template: deck.pptx\n")
    deck = open_deck(build(root, tmp_path / "out"))
    assert (deck.slide_width, deck.slide_height) == (Inches(10), Inches(7.5))
    titles = [title(s) for s in deck.slides]
    assert titles[0] == "Basic fixture" and "Sample slide" not in titles
    used = {s.slide_layout.name for s in deck.slides}
    assert used <= {"Title Slide", "Title and Content", "Section Header", "Title Only"}
    assert "Title and Content" in used


def test_missing_template_is_a_clear_error(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    set_options(root, "        slides_template: nowhere.pptx\n")
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-site")
    assert result.code == 1
    assert "slides_template: nowhere.pptx does not exist" in result.err


def test_without_libreoffice_the_build_skips_the_pdf_with_a_notice(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", str(root), "--out", str(out), "--no-site"],
        capture_output=True,
        text=True,
        env={"PATH": str(tmp_path / "no-tools"), "HOME": str(tmp_path)},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "slides" / "basic-fixture.pptx").is_file()
    assert not (out / "slides" / "basic-fixture.pdf").exists()
    lines = [line for line in done.stdout.splitlines() if "LibreOffice" in line]
    assert lines == [
        "notice: slides PDF skipped: LibreOffice not found; "
        "install LibreOffice Impress (Debian: libreoffice-impress)"
    ]
