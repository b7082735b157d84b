"""A footnote's scope is its own text (one field, or one item of a list field) in every
output: a reference whose note sits in another list item prints as written on the site, in
the PDFs and on the slides, never as an internal id, and validate warns where it is."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from pptx import Presentation
from pypdf import PdfReader

from .conftest import Built, copy_fixture, run_cli

ITEM = "Слушает первым, отвечает потом[^b]."
BEHAVIOURS = (
    "    behaviours:\n"
    f"      - {ITEM}\n"
    '      - "[^b]: Spears, 1995."\n'
    "      - Measures a good week by what the team achieved, not by what they personally did.\n"
)
INTERNAL_ID = re.compile(r"\[\^[0-9a-f]{6}-")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("footnote-scope")
    root = copy_fixture("basic", base)
    module = root / "modules/serve-first.yml"
    text = module.read_text(encoding="utf-8")
    start = text.index("    behaviours:\n")
    end = text.index("    pitfalls:\n", start)
    module.write_text(text[:start] + BEHAVIOURS + text[end:], encoding="utf-8")
    return Built(root, base / "out")


def test_validate_warns_where_the_reference_is(built: Built) -> None:
    result = run_cli("validate", built.root)
    assert result.code == 0, result.err
    line = 1 + (built.root / "modules/serve-first.yml").read_text(encoding="utf-8").split(
        "\n"
    ).index(f"      - {ITEM}")
    assert (
        f"modules/serve-first.yml:{line}: principles[0].behaviours[0]: footnote [^b] has no "
        "note in this text, so every output prints it as written; put its note "
        "([^b]: ...) in the same text (the same list item)"
    ) in result.out + result.err


def test_every_output_prints_the_reference_as_written(built: Built) -> None:
    result = run_cli("build", built.root, "--out", built.out)
    assert result.code == 0, result.err
    page = BeautifulSoup(
        (built.site / "modules/serve-first.html").read_text(encoding="utf-8"), "html.parser"
    )
    items = [li.get_text(strip=True) for li in page.select("article li")]
    assert ITEM in items
    assert page.select("a.footnote-ref") == []
    for pdf in (built.workbook, built.guide):
        text = " ".join("".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())
        assert "потом[^b]" in text, pdf.name
        assert not INTERNAL_ID.search(text), pdf.name
    decks = sorted(built.out.rglob("*.pptx"))
    assert decks
    words = " ".join(
        shape.text_frame.text
        for deck in decks
        for slide in Presentation(str(deck)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "потом[^b]" in words
    assert not INTERNAL_ID.search(words)
