"""Generated Markdown escapes what it quotes: titles, names and labels from content show
as written on every generated page, whatever Markdown they look like, and a ``|`` in a
title never splits a table cell."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from generator.render.md_escape import escape_markdown

from ..conftest import FIXTURES, Built, run_cli

HOSTILE = "Listen | respond *now* [draft] <b> _x_ `code` #5 {: .big } \\ !"
"""Table cell, emphasis, link, HTML, code, heading, attribute list, backslash."""
LEADING = ["- not a list", "1. not a list", "# not a heading", "> not a quote"]
FRAGMENTS = {"now", "draft", "x", "code", "b"}
"""What the hostile text would become as markup: emphasis, a link, code, a bold tag."""


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _module(data: dict[str, Any]) -> None:
    data["title"] = f"Module {HOSTILE}"
    for i, segment in enumerate(data["segments"]):
        segment["title"] = f"{HOSTILE} {i}" if i else HOSTILE
    data["principles"][0]["name"] = f"Principle {HOSTILE}"
    data["principles"][1]["name"] = LEADING[0]
    data["sources"][0]["title"] = f"Work {HOSTILE}"
    data["sources"][0]["note"] = f"Note {HOSTILE}"


def _case(data: dict[str, Any]) -> None:
    data["title"] = f"Case {HOSTILE}"
    data["organisation"] = f"Org {HOSTILE}"
    data["people"] = [f"Person {HOSTILE}", LEADING[1]]


def _exercise(data: dict[str, Any]) -> None:
    data["title"] = f"Exercise {HOSTILE}"
    data["materials"] = [f"Pen {HOSTILE}", LEADING[2]]
    data["worksheet"][0]["label"] = f"Label {HOSTILE}"
    data["worksheet"][1]["items"] = [f"Item {HOSTILE}", LEADING[3]]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("generated-markdown")
    root = base / "program"
    shutil.copytree(FIXTURES / "basic", root)
    _edit(root / "modules/serve-first.yml", _module)
    _edit(root / "modules/cases/southwest-airlines.yml", _case)
    _edit(root / "exercises/listening-pairs.yml", _exercise)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    program = config["plugins"][1]["servefirst"]["program"]
    program["title"] = f"Program {HOSTILE}"
    program["organisation"] = f"Organisation {HOSTILE}"
    program["days"][0]["plan"][1]["break"] = f"Coffee {HOSTILE}"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    return Built(root, out)


def _article(path: Path) -> Tag:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None, path
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    return article


def _pages(built: Built) -> Iterator[Path]:
    yield from sorted(p for p in built.site.rglob("*.html") if "assets" not in p.parts)


def _rows(article: Tag) -> list[list[str]]:
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
        for row in article.select("table:not(.sf-grid) tr")  # not the worksheets' tables
    ]


def test_no_generated_page_turns_quoted_text_into_markup(hostile: Built) -> None:
    pages = list(_pages(hostile))
    assert len(pages) >= 7
    for page in pages:
        article = _article(page)
        for tag in ("em", "strong", "code", "b", "h1", "h2", "h3", "a"):
            marked = [e.get_text() for e in article.find_all(tag)]
            assert not FRAGMENTS & set(marked), (page.name, tag, marked)
        assert not article.select(".big"), page.name  # the attribute list stayed text
        for line in LEADING:
            assert not [li for li in article.find_all("li") if li.get_text(strip=True) == line[2:]]


def test_titles_show_as_written_on_every_page_they_are_on(hostile: Built) -> None:
    where = {
        "index.html": ["Program", "Organisation", "Module"],
        "agenda.html": ["Module", "Coffee"],
        "modules/serve-first.html": ["Module", "Principle", "Case", "Org", "Person", "Exercise"],
        "cases.html": ["Case", "Org", "Person"],
        "exercises.html": ["Exercise", "Pen", "Label", "Item"],
        "sources.html": ["Work"],  # a source's note is the author's, never shown
        "glossary.html": ["Principle", "Module"],
    }
    for page, prefixes in where.items():
        text = " ".join(_article(hostile.site / page).get_text(" ").split())
        for prefix in prefixes:
            assert f"{prefix} {HOSTILE}" in text, (page, prefix)
    module = " ".join(_article(hostile.site / "modules/serve-first.html").get_text(" ").split())
    assert f"Note {HOSTILE}" not in module
    exercises = " ".join(_article(hostile.site / "exercises.html").get_text(" ").split())
    cases = " ".join(_article(hostile.site / "cases.html").get_text(" ").split())
    assert LEADING[0] in module and LEADING[1] in cases
    assert LEADING[2] in exercises and LEADING[3] in exercises


def test_a_bar_in_a_title_never_splits_a_table_cell(hostile: Built) -> None:
    outline = _rows(_article(hostile.site / "modules/serve-first.html"))
    titles = [HOSTILE, *(f"{HOSTILE} {i}" for i in range(1, 5))]
    assert [row[1:] for row in outline[1:]] == [
        [title, str(minutes)] for title, minutes in zip(titles, (10, 15, 15, 15, 5), strict=True)
    ]
    agenda = _rows(_article(hostile.site / "agenda.html"))
    assert [row[1:] for row in agenda[1:]] == [
        [f"Module {HOSTILE}", "60"],
        [f"Coffee {HOSTILE}", "15"],
    ]
    for page, title in (
        ("cases.html", f"Case {HOSTILE}"),
        ("exercises.html", f"Exercise {HOSTILE}"),
    ):
        rows = _rows(_article(hostile.site / page))
        assert all(len(row) == 3 for row in rows), page
        assert rows[1][0] == title


def test_the_escaping_function() -> None:
    assert escape_markdown("Listen | respond *now* [draft] <b>") == (
        "Listen \\| respond \\*now\\* \\[draft\\] \\<b\\>"
    )
    assert escape_markdown("- item") == "\\- item"
    assert escape_markdown("12. twelve") == "12\\. twelve"
    assert escape_markdown("a\nb") == "a b"
    assert escape_markdown("倾听 `x` _y_ #z") == "倾听 \\`x\\` \\_y\\_ \\#z"
