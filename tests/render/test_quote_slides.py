"""Quotation slides (``screen: quote``): a case's or principle's ``quote`` in large type
with its attribution, read back from the .pptx; refused with a located error when there
is no quotation to show; never reworded by terminology."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pptx import Presentation
from pptx.slide import Slide
from pypdf import PdfReader

from generator.errors import ContentError
from generator.loader import load_program

from ..conftest import copy_fixture, run_cli

SEGMENT = "  - title: Servant first or leader first\n    minutes: 15\n    method: input\n"
WORDS = "The servant-leader is servant first. 仆人式领导 — слуга прежде всего, customer"
QUOTE = (
    "    quote:\n"
    f"      text: '{WORDS}'\n"
    "      attribution: 'Robert K. Greenleaf, The Servant as Leader (1970) 📖'\n"
)


def _program(tmp_path: Path, *, quote: bool, terminology: bool = False) -> Path:
    root = copy_fixture("basic", tmp_path)
    module = root / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    text = text.replace(SEGMENT, SEGMENT + "    screen: quote\n")
    if quote:  # on the module's first principle
        head, rest = text.split("\nprinciples:\n", 1)
        first, others = rest.split("\n    explanation:", 1)
        text = f"{head}\nprinciples:\n{first}\n{QUOTE}    explanation:{others}"
    module.write_text(text, encoding="utf-8")
    if terminology:
        config = root / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "        audience: Team leaders\n",
                "        audience: Team leaders\n        terminology: {customer: patient}\n",
            ),
            encoding="utf-8",
        )
    return root


def _quote_slide(deck: Path) -> Slide:
    slides: list[Slide] = [
        s for s in Presentation(str(deck)).slides if s.slide_layout.name == "Title Only"
    ]
    found = [s for s in slides if any("Greenleaf" in t for t in _texts(s))]
    assert len(found) == 1
    return found[0]


def _texts(slide: Slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]  # type: ignore[attr-defined]


def test_a_quotation_slide_in_large_type_with_its_attribution(tmp_path: Path) -> None:
    root = _program(tmp_path, quote=True, terminology=True)
    result = run_cli("build", root, "--out", tmp_path / "out")
    assert result.code == 0, result.err
    # The workbook and the handbook print the quotation under the principle too.
    workbook = PdfReader(tmp_path / "out" / "pdf" / "participant-workbook.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in workbook.pages)
    assert "— Robert K. Greenleaf, The Servant as Leader (1970)" in text
    assert "The servant-leader is servant first." in text
    page = (tmp_path / "out" / "site" / "modules" / "serve-first.html").read_text("utf-8")
    quote = BeautifulSoup(page, "html.parser").select_one(".admonition.quote")
    assert quote is not None
    heading = quote.select_one(".admonition-title")
    assert heading is not None
    assert heading.get_text(strip=True) == ("Robert K. Greenleaf, The Servant as Leader (1970) 📖")
    assert WORDS in quote.get_text(" ", strip=True)
    slide = _quote_slide(tmp_path / "out" / "slides" / "basic-fixture.pptx")
    assert slide.shapes.title is not None
    principle = load_program(root).modules[0].principles[0].name
    assert slide.shapes.title.text == principle
    frames = [s.text_frame for s in slide.shapes if s.has_text_frame]  # type: ignore[attr-defined]
    frame = next(f for f in frames if "“" in f.text)
    words, attribution = frame.paragraphs[0], frame.paragraphs[-1]
    assert words.text == f"“{WORDS}”"  # terminology leaves a quotation alone
    assert attribution.text == "— Robert K. Greenleaf, The Servant as Leader (1970) 📖"
    size = words.runs[0].font.size
    assert size is not None and size.pt >= 28  # large type: a short quotation stays big
    assert words.runs[0].font.italic is True
    by = attribution.runs[0].font.size
    assert by is not None and by.pt < size.pt
    assert all("Read the Greenleaf quotation" not in t for t in _texts(slide))  # no notes


def test_screen_quote_with_nothing_to_quote(tmp_path: Path) -> None:
    root = _program(tmp_path, quote=False)
    with pytest.raises(ContentError) as caught:
        load_program(root)
    assert [str(p) for p in caught.value.problems] == [
        "modules/serve-first.yml:75: segments[1].screen: screen: quote has no quotation to "
        "show; give the segment's case or a principle of this module a quote: with text: and "
        "attribution:, or choose another screen"
    ]
