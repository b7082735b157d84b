"""A long deck goes to LibreOffice in parts (render/slides/parts.py): the joined PDF has
the whole deck's pages, text and bookmarks, in order."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from generator.render.slides import convert, parts

from ..conftest import copy_fixture
from .test_slides import build, deck_path

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")


def texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def bookmarks(pdf: Path) -> list[tuple[str, int]]:
    with pikepdf.open(pdf) as document, document.open_outline() as outline:
        found = []
        for item in outline.root:
            assert isinstance(item.destination, pikepdf.Array)
            found.append((item.title, pikepdf.Page(item.destination[0]).index))
        return found


def test_a_deck_in_parts_is_the_whole_deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deck = deck_path(build(copy_fixture("basic", tmp_path), tmp_path / "out"))
    whole, joined = tmp_path / "whole.pdf", tmp_path / "幻灯片 слайды.pdf"
    convert.convert(deck, whole)
    count = len(PdfReader(whole).pages)
    monkeypatch.setattr(parts, "PART_SLIDES", 4)
    calls: list[Path] = []
    real = convert.convert

    def counted(source: Path, target: Path, *rest: Any) -> None:
        calls.append(source)
        real(source, target, *rest)

    monkeypatch.setattr(convert, "convert", counted)
    parts.convert_deck(deck, joined, count)
    assert len(calls) == -(-count // 4) > 1  # one LibreOffice run per part of four
    assert texts(joined) == texts(whole)
    assert bookmarks(joined) == bookmarks(whole)
    assert len(bookmarks(joined)) == count


def test_a_numbered_slide_of_a_part_looks_like_the_whole_decks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = deck_path(build(copy_fixture("basic", tmp_path), tmp_path / "out"))
    whole, joined = tmp_path / "whole.pdf", tmp_path / "joined.pdf"
    convert.convert(deck, whole)
    monkeypatch.setattr(parts, "PART_SLIDES", 4)
    parts.convert_deck(deck, joined, len(PdfReader(whole).pages))
    for pdf in (whole, joined):  # slide 6: the second slide of the second part
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-f", "6", "-l", "6", pdf, pdf.with_suffix("")],
            check=True,
        )
    images = [
        Image.open(next(tmp_path.glob(f"{p.stem}-*6.png"))).convert("RGB") for p in (whole, joined)
    ]
    assert ImageChops.difference(*images).getbbox() is None
