"""Delivery mode and branding change the outputs as expected."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from ..conftest import copy_fixture, run_cli

ONLINE_STEP = "Keep cameras on in the breakout room"
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
    '<rect width="40" height="40" fill="#b5452b"/></svg>'
)
BRAND = (181, 69, 43)  # #b5452b


def text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def build(tmp_path: Path, options: str, logo: Path | None = None) -> Path:
    root = copy_fixture("basic", tmp_path)
    (root / "docs/logo.svg").write_text(LOGO, encoding="utf-8")
    if logo is not None:
        shutil.copy(logo, root / "docs" / logo.name)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        audience: Team leaders\n", f"        audience: Team leaders\n{options}"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    return out / "pdf"


def test_in_person_workbook_leaves_out_online_steps(tmp_path: Path) -> None:
    pdf = build(tmp_path, "")
    assert ONLINE_STEP not in text(pdf / "participant-workbook.pdf")


def test_virtual_delivery_selects_online_instructions(tmp_path: Path) -> None:
    pdf = build(tmp_path, "        delivery: virtual\n")
    assert ONLINE_STEP in text(pdf / "participant-workbook.pdf")
    guide = text(pdf / "facilitator-guide.pdf")
    # Online notes come first in each segment, right under its heading and slide numbers.
    assert "09:00 Opening and a question Slides 3–4 Online:Collect the verbs in the chat" in guide


def test_logo_and_colour_reach_both_pdfs(tmp_path: Path) -> None:
    root_logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (20, 120, 60)).save(root_logo)
    pdf = build(
        tmp_path,
        '        branding:\n          colour: "#b5452b"\n          logo: docs/logo.png\n',
        logo=root_logo,
    )
    for name in ("participant-workbook.pdf", "facilitator-guide.pdf"):
        cover: Any = PdfReader(pdf / name).pages[0]
        images = cover["/Resources"]["/XObject"]
        assert any(x.get_object()["/Subtype"] == "/Image" for x in images.values())
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "20",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf / name),
                str(tmp_path / name),
            ],
            check=True,
        )
        picture = Image.open(next(tmp_path.glob(f"{name}*.png"))).convert("RGB")
        band = picture.getpixel((picture.width // 2, 2))
        assert isinstance(band, tuple)
        assert all(abs(a - b) < 6 for a, b in zip(band, BRAND, strict=True)), band


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        ("docs/missing.svg", "no file at docs/missing.svg (relative to mkdocs.yml)"),
        (
            "../outside.svg",
            "'../outside.svg' leads outside the program folder; copy the logo into the "
            "program folder (for example docs/logo.svg) and give its path relative to mkdocs.yml",
        ),
        ("docs/logo.gif", "expected an SVG or PNG file, got '.gif'"),
    ],
)
def test_bad_logo_is_reported(tmp_path: Path, logo: str, message: str) -> None:
    root = copy_fixture("basic", tmp_path)
    (root / "docs/logo.gif").write_bytes(b"GIF89a")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        audience: Team leaders\n",
            f"        audience: Team leaders\n        branding:\n          logo: {logo}\n",
        ),
        encoding="utf-8",
    )
    result = run_cli("validate", root)
    assert result.code == 1
    assert f"mkdocs.yml:20: program.branding.logo: {message}" in result.err
