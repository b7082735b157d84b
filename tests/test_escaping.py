"""Text that looks like HTML or Jinja prints as written, in the site and in both PDFs.

One program whose content and configuration are full of ``<script>``, ``<b>``,
``{{ 7*7 }}``, ``{% if %}``, ``&amp;`` and an ``attr_list`` attribute is built through the
real command line; every output is read back.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from .conftest import FIXTURES, Built, run_cli

HOSTILE = "<script>alert(1)</script> <b>bold</b> {{ 7*7 }} {% if x %}y{% endif %} &amp; <i>x</i>"
LITERAL = [
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "{{ 7*7 }}",
    "{% if x %}y{% endif %}",
    "&amp;",
]
ATTRIBUTE = '{: onclick="alert(2)" }'


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _module(data: dict[str, Any]) -> None:
    data["title"] = f"Serve {HOSTILE}"
    data["summary"] = f"Summary {HOSTILE}\n{{{{ closing }}}}\n\nSecond {HOSTILE}\n{ATTRIBUTE}"
    data["objectives"][0] = f"Objective {HOSTILE}"
    data["principles"][0]["name"] = f"Principle {HOSTILE}"
    data["principles"][0]["explanation"] = f"Explanation {HOSTILE}. It goes on for a while."
    data["segments"][0]["facilitator"]["say"][0] = f"Say {HOSTILE}"


def _case(data: dict[str, Any]) -> None:
    data["title"] = f"Case {HOSTILE}"
    data["story"] = f"Story {HOSTILE}"


def _exercise(data: dict[str, Any]) -> None:
    data["title"] = f"Exercise {HOSTILE}"
    data["instructions"][0] = f"Step {HOSTILE}"
    data["worksheet"][0]["label"] = f"Label {HOSTILE}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("escaping")
    root = base / "program"
    shutil.copytree(FIXTURES / "basic", root)
    _edit(root / "modules/serve-first.yml", _module)
    _edit(root / "modules/cases/southwest-airlines.yml", _case)
    _edit(root / "exercises/listening-pairs.yml", _exercise)
    quoted = HOSTILE.replace("'", "''")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("title: Basic fixture", f"title: 'Program {quoted}'")
    config = config.replace("break: Coffee", f"break: 'Coffee {quoted}'")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = base / "out"
    result = run_cli("build", root, "--out", out)
    assert result.code == 0, result.err
    return Built(root, out)


def _soup(path: Path) -> BeautifulSoup:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for permalink in soup.select("a.headerlink"):
        permalink.decompose()
    return soup


def _pages(built: Built) -> Iterator[Path]:
    yield from sorted(built.site.rglob("*.html"))


def test_no_page_has_markup_from_content(hostile: Built) -> None:
    for page in _pages(hostile):
        soup = _soup(page)
        scripts = [s for s in soup.find_all("script") if "alert" in s.get_text()]
        assert not scripts, page
        assert not soup.find_all(["b", "i"]), page
        handlers = [t.name for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        assert not handlers, page


def test_module_page_prints_the_text_as_written(hostile: Built) -> None:
    page = hostile.site / "modules/serve-first.html"
    source = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    soup = _soup(page)
    article = soup.select_one("article")
    assert article is not None
    assert article.h1 is not None
    assert article.h1.get_text(" ", strip=True) == f"Serve {HOSTILE}"
    text = article.get_text(" ")
    for literal in LITERAL:
        assert text.count(literal) >= 5, literal
    assert "49" not in text
    assert "{{ closing }}" in text  # a paragraph's last line is not taken for attributes
    # Prose gets typographic quotes in every output (smarty, see markdown_config), so
    # the quotes around alert(2) print curly, as in the PDFs.
    assert "{: onclick=”alert(2)” }" in text


def test_heading_ids_survive_braces_in_titles(hostile: Built) -> None:
    soup = _soup(hostile.site / "modules/serve-first.html")
    for anchor in ("case-southwest-airlines", "activity-listening-pairs", "objectives"):
        heading = soup.find(id=anchor)
        assert heading is not None, anchor
        assert "{ #" not in heading.get_text(), anchor


def test_title_and_navigation_print_the_text(hostile: Built) -> None:
    soup = _soup(hostile.site / "modules/serve-first.html")
    assert soup.title is not None
    assert soup.title.get_text() == f"Serve {HOSTILE} - Basic fixture"
    nav = [a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary a")]
    assert f"Serve {HOSTILE}" in nav


def test_configuration_text_prints_as_written(hostile: Built) -> None:
    home = _soup(hostile.site / "index.html").select_one("article")
    assert home is not None
    assert f"Program {HOSTILE}" in home.get_text(" ")


def test_break_names_print_as_written(hostile: Built) -> None:
    agenda = _soup(hostile.site / "agenda.html").select_one("article")
    assert agenda is not None
    assert f"Coffee {HOSTILE}" in agenda.get_text(" ")


def test_search_index_holds_escaped_text(hostile: Built) -> None:
    index = (hostile.site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in index
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index


def _pdf_text(path: Path) -> str:
    """All the text, without white space: lines break anywhere, even inside "</script>"."""
    return "".join("".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("document", ["workbook", "guide"])
def test_pdfs_print_the_text_as_written(hostile: Built, document: str) -> None:
    text = _pdf_text(hostile.workbook if document == "workbook" else hostile.guide)
    for literal in LITERAL:
        assert _squeezed(literal) in text, literal
    only = "Label" if document == "workbook" else "Say"  # a worksheet, a talking point
    for where in ("Serve", "Program", "Coffee", "Objective", "Step", only):
        assert _squeezed(f"{where} {HOSTILE}") in text, where
    assert "<b>bold</b>49" not in text
