"""One Markdown in every output: the same prose has the same structure on the site and
in the PDFs.

tests/fixtures/markdown-parity holds every construct the README lists (paragraphs,
emphasis, links, an image, nested lists, a table, a footnote, a definition list, inline
and fenced code, a quotation, a heading inside prose, an admonition), plus what a new
user wrote: nested lists indented by 2 and 3 spaces, a footnote, fenced code and a quote
(the md-edge case) and wide tables (the md-table case). It is built through the real
command line (``--no-slides``); the site's HTML is compared with the HTML WeasyPrint
receives, and the PDFs' extracted text is read back for list items, table cells, the
footnote, the code's line breaks and the quotation.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

from generator.loader import load_program
from generator.model.participant import participant_view
from generator.render.pdf import workbook_html
from generator.render.plain_text import text_lines

from .conftest import FIXTURES, Built, run_cli

FIXTURE = "markdown-parity"
Listing = tuple[str, list[Any]]
"""A list: its tag and, per item, (the item's own text, the lists nested in it)."""
EVERY = "Serve first, then lead"  # the principle that holds every construct
EDGE = "Structure the note"  # the md-edge case, as written
TABLE = "Numbers with stories"  # the md-table case


@pytest.fixture(scope="module")
def parity(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("parity")
    root = base / FIXTURE
    shutil.copytree(FIXTURES / FIXTURE, root)
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    return Built(root, out)


# ---- reading the two outputs --------------------------------------------------------------


def _site_section(built: Built, name: str) -> Tag:
    """A principle's prose on its module page: what follows its heading, up to the next."""
    page = BeautifulSoup(
        (built.site / "modules/serve-first.html").read_text(encoding="utf-8"), "html.parser"
    )
    for permalink in page.select("a.headerlink"):
        permalink.decompose()
    heading = next(h for h in page.select("article h3") if h.get_text(strip=True) == name)
    section = page.new_tag("section")
    for sibling in list(heading.find_next_siblings()):
        if sibling.name in {"h1", "h2", "h3"} or sibling.get_text(strip=True) in {
            "What it looks like",
            "What it is not",
        }:
            break
        section.append(sibling.extract())
    footnotes = page.select_one("article div.footnote")
    if footnotes is not None:
        section.append(footnotes.extract())
    return section


def _print_section(built: Built, name: str) -> Tag:
    """The same principle in the HTML the workbook is laid out from."""
    view = participant_view(load_program(built.root))
    page = BeautifulSoup(workbook_html(view), "html.parser")
    principle = next(
        div for div in page.select("div.principle") if div.h4 and div.h4.get_text() == name
    )
    _one(principle, "h4").extract()
    for label in principle.select("p.label"):  # the template's own lists follow
        for sibling in list(label.find_next_siblings()):
            sibling.extract()
        label.extract()
    return principle


def _one(element: Tag, selector: str) -> Tag:
    found = element.select_one(selector)
    assert found is not None, selector
    return found


def _lists(element: Tag) -> list[Listing]:
    """Every outermost list, as (tag, [(item text, nested lists), ...])."""
    found = []
    for child in element.find_all(["ul", "ol"]):
        if child.find_parent(["ul", "ol"]) in element.find_all(["ul", "ol"]):
            continue
        if child.find_parent("div", class_="footnote"):
            continue
        found.append(_list(child))
    return found


def _list(element: Tag) -> Listing:
    items = []
    for li in element.find_all("li", recursive=False):
        own = "".join(
            t if isinstance(t, str) else t.get_text()
            for t in li.children
            if not (isinstance(t, Tag) and t.name in {"ul", "ol"})
        )
        nested = [_list(x) for x in li.find_all(["ul", "ol"], recursive=False)]
        items.append((" ".join(own.split()), nested))
    return element.name, items


def _cells(element: Tag) -> list[list[str]]:
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in element.select("table tr")
    ]


def _footnotes(element: Tag) -> list[str]:
    """The text of each footnote the element's own marks point to, in order."""
    marks = [str(a["href"]).lstrip("#") for a in element.select("a.footnote-ref")]
    notes = {li.get("id"): li for li in element.select("div.footnote li")}
    return [
        " ".join(notes[mark].get_text(" ", strip=True).replace("↩", "").split()) for mark in marks
    ]


_BULLETS = ("•", "◦", "▪")


def _markers(lists: list[Listing], depth: int = 0) -> list[str]:
    """The list markers a reader sees, in order: bullets by depth, numbers counted."""
    shown: list[str] = []
    for tag, items in lists:
        for number, (_, nested) in enumerate(items, start=1):
            shown.append(f"{number}." if tag == "ol" else _BULLETS[min(depth, 2)])
            shown += _markers(nested, depth + 1)
    return shown


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


# ---- structure: the site and the HTML WeasyPrint lays out ---------------------------------


@pytest.mark.parametrize("name", [EVERY, EDGE, TABLE])
def test_lists_tables_code_quotes_and_footnotes_have_one_structure(
    parity: Built, name: str
) -> None:
    site, printed = _site_section(parity, name), _print_section(parity, name)
    assert _lists(site) == _lists(printed)
    assert _cells(site) == _cells(printed)
    assert [p.get_text() for p in site.select("pre")] == [
        p.get_text() for p in printed.select("pre")
    ]
    assert [q.get_text(" ", strip=True) for q in site.select("blockquote")] == [
        q.get_text(" ", strip=True) for q in printed.select("blockquote")
    ]
    assert _footnotes(site) == _footnotes(printed)
    assert site.select("pre") or site.select("table")  # each holds something to compare


def test_every_construct_is_there_in_both(parity: Built) -> None:
    site, printed = _site_section(parity, EVERY), _print_section(parity, EVERY)
    for html in (site, printed):
        assert _lists(html) == [
            (
                "ul",
                [
                    (
                        "Ask what is in the way",
                        [
                            (
                                "ul",
                                [
                                    ("in the one-to-one", []),
                                    (
                                        "in the team meeting",
                                        [("ol", [("first thing", []), ("second thing", [])])],
                                    ),
                                ],
                            )
                        ],
                    ),
                    ("Act on the answer", []),
                ],
            ),
            ("ol", [("Listen", []), ("Summarise", []), ("Agree", [])]),
        ]
        assert _cells(html) == [
            ["Region", "Responses", "Satisfied"],
            ["North", "412", "81%"],
            ["South", "388", "77%"],
        ]
        assert [e.get_text() for e in html.select("em")] == ["emphasis"]
        assert [e.get_text() for e in html.select("strong")] == ["strong words"]
        assert "inline code" in [e.get_text() for e in html.select("p code")]
        links = [a for a in html.select("p > a") if not a.find_parent("div", class_="footnote")]
        assert [a["href"] for a in links] == ["https://example.org/guide"]
        assert [
            (d.get_text(), html.select("dd")[0].get_text(strip=True)) for d in html.select("dt")
        ] == [("Servant leader", "A leader whose motive is to serve.")]
        assert _one(html, "pre").get_text().splitlines() == [
            "Subject: Our 1:1 on {date}",
            "Agreed: who does what",
            "Next: Friday",
        ]
        assert _one(html, "blockquote").get_text(strip=True) == "“Do those served grow as persons?”"
        admonition = html.select_one("div.admonition.note")
        assert admonition is not None
        assert _one(admonition, ".admonition-title").get_text() == "Remember"
        assert "Motive comes before technique." in admonition.get_text()
        image = html.select_one("img")
        assert image is not None and image["alt"] == "A pyramid turned upside down"
        assert _footnotes(html) == ["Greenleaf, The Servant as Leader, 1970."]
    # The prose's "# Step one" sits one level under the principle's heading: an <h3> on
    # the site, an <h4> in print.
    assert [h.get_text(strip=True) for h in site.select("h4")] == ["Step one"]
    assert [h.get_text(strip=True) for h in printed.select("h5")] == ["Step one"]
    assert not printed.select("h1, h2, h3, h4")


def test_the_image_is_published_and_printed(parity: Built) -> None:
    site = _site_section(parity, EVERY).select_one("img")
    assert site is not None
    assert (parity.site / "modules" / str(site["src"])).resolve().is_file()
    page = next(
        p for p in PdfReader(parity.workbook).pages if "Every construct" in (p.extract_text() or "")
    )
    assert len(page.images) == 1


def test_footnotes_keep_their_own_text_and_ids_on_one_page(parity: Built) -> None:
    """Two principles on one page both use a footnote: each keeps its own note."""
    site = _site_section(parity, EDGE)
    assert _footnotes(site) == ["Greenleaf, The Servant as Leader, 1970 (the second note)."]
    assert len(site.select("div.footnote li")) == 2  # the page's notes: both kept
    printed = _print_section(parity, EDGE)
    assert _footnotes(printed) == ["Greenleaf, The Servant as Leader, 1970 (the second note)."]
    view = participant_view(load_program(parity.root))
    page = BeautifulSoup(workbook_html(view), "html.parser")
    ids = [e["id"] for e in page.select("[id^='fn']")]
    assert len(ids) == len(set(ids)) == 4  # two notes, two marks


# ---- the PDFs' extracted text -------------------------------------------------------------


@pytest.mark.parametrize("document", ["workbook", "guide"])
def test_pdf_text_has_the_items_cells_footnote_code_and_quote(parity: Built, document: str) -> None:
    text = _pdf_text(parity.workbook if document == "workbook" else parity.guide)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    items = ["Ask what is in the way", "in the one-to-one", "in the team meeting"]
    items += ["first thing", "second thing", "Act on the answer", "Listen", "Summarise", "Agree"]
    for item in items:  # each item a line of its own, once
        assert lines.count(item) == 1, item
    for row in (["North", "412", "81%"], ["South", "388", "77%"], ["East", "412", "81%", "64%"]):
        assert any(line.split() == row for line in lines), row
    assert "Greenleaf, The Servant as Leader, 1970." in lines
    assert "Greenleaf, The Servant as Leader, 1970 (the second note)." in lines
    assert "↩" not in text  # the jump back is the site's, not paper's
    code = lines.index("Subject: Our 1:1 on {date}")
    assert lines[code + 1 : code + 3] == ["Agreed: who does what", "Next: Friday"]
    assert lines.count("“Do those served grow as persons?”") == 2
    assert "Remember" in lines and "Motive comes before technique." in lines
    assert "| ---" not in text and "[^" not in text and "```" not in text


def test_pdf_list_markers_match_the_site(parity: Built) -> None:
    """The workbook's page shows the same markers as the site's lists, in order: two
    bullets, two nested bullets, two nested numbers, then 1. 2. 3."""
    expected = _markers(_lists(_site_section(parity, EVERY)))
    assert expected == ["•", "◦", "◦", "1.", "2.", "•", "1.", "2.", "3."]
    shown = []
    with pdfplumber.open(parity.workbook) as pdf:  # markers in reading order, from the text on
        start = next(i for i, p in enumerate(pdf.pages) if "Every construct" in p.extract_text())
        for number, page in enumerate(pdf.pages[start : start + 2]):
            words = page.extract_words()
            top = next(w["top"] for w in words if w["text"] == "Every") if number == 0 else 0
            shown += [
                w["text"]
                for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
                if w["top"] >= top and re.fullmatch(r"[•◦▪]|\d+\.", w["text"])
            ]
    assert shown[: len(expected)] == expected


def test_the_md_edge_lists_print_as_on_the_site(parity: Built) -> None:
    """2- and 3-space indents do not nest in Python-Markdown: every output shows the same
    five items, and validation says where (see test_list_indent_warning)."""
    site, printed = _site_section(parity, EDGE), _print_section(parity, EDGE)
    assert _lists(site) == _lists(printed)
    ((tag, items),) = _lists(site)
    assert tag == "ol" and len(items) == 5


def test_wide_case_table_is_a_table_everywhere(parity: Built) -> None:
    text = _pdf_text(parity.workbook)
    assert "Channel" in text and "14,470" in text and "| Channel |" not in text
    cases = BeautifulSoup((parity.site / "cases.html").read_text(encoding="utf-8"), "html.parser")
    story = [row for row in _cells(cases) if row and row[0] == "Telephone (inbound)"]
    assert story and story[0][-1] == "14,470"


def test_list_indent_warning(parity: Built) -> None:
    result = run_cli("validate", parity.root)
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if "list item" in line]
    assert warnings == [
        "warning: modules/serve-first.yml:76: principles[1].explanation: this list item is "
        "indented 3 spaces under the item above, so it does not nest in any output; indent "
        "nested items by 4 spaces",
        "warning: modules/serve-first.yml:79: principles[1].explanation: this list item is "
        "indented 2 spaces under the item above, so it does not nest in any output; indent "
        "nested items by 4 spaces",
    ]
    source = (parity.root / "modules/serve-first.yml").read_text(encoding="utf-8").splitlines()
    assert source[75].strip() == "1. who does it"
    assert source[78].strip() == "- clear one obstacle"


# ---- the slides' plain text ---------------------------------------------------------------


def test_slide_text_comes_from_the_same_markdown(parity: Built) -> None:
    view = participant_view(load_program(parity.root))
    explanation = view.modules[0].principles[0].explanation
    lines = text_lines(explanation)
    assert lines[:3] == [
        "Every construct, once.[1] A paragraph with emphasis, strong words, inline code and a link.",
        "Step one",
        "The prose heading goes under the principle’s heading.",
    ]
    assert "• Ask what is in the way" in lines
    assert "  • in the one-to-one" in lines
    assert "    1. first thing" in lines
    assert "Region | Responses | Satisfied" in lines and "North | 412 | 81%" in lines
    code = lines.index("Subject: Our 1:1 on {date}")
    assert lines[code + 1 : code + 3] == ["Agreed: who does what", "Next: Friday"]
    assert "  A leader whose motive is to serve." in lines
    assert lines[-1] == "[1] Greenleaf, The Servant as Leader, 1970."
    assert not re.search(r"[*`|]{2}|\[\^", "\n".join(lines))


def test_what_only_the_site_shows_is_a_located_warning(tmp_path: Path) -> None:
    """A site-only extension in mkdocs.yml, and content tabs in prose."""
    root = tmp_path / "程序"
    shutil.copytree(FIXTURES / "basic", root)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - admonition\n", "  - admonition\n  - pymdownx.mark\n  - tables\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    module = root / "modules/serve-first.yml"
    text = module.read_text(encoding="utf-8")
    tabs = """summary: |
  Two ways to take part:

  === "In the room"
      Sit in pairs.

  === "Online"
      Use a breakout room.
"""
    module.write_text(re.sub(r"summary: >-\n(  .*\n)+", tabs, text, count=1), encoding="utf-8")
    result = run_cli("validate", root)
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        "warning: mkdocs.yml:9: markdown_extensions[1]: 'pymdownx.mark' shapes the handbook "
        "only: the PDFs and slides do not read it, so its syntax prints there as written; "
        "leave it out, or keep it knowing the outputs differ",
        "warning: modules/serve-first.yml:7: summary: content tabs show as tabs on the site "
        "only: on paper and slides their labels print together above the texts; use a "
        "heading or a list item for each instead",
        "warning: modules/serve-first.yml:10: summary: content tabs show as tabs on the site "
        "only: on paper and slides their labels print together above the texts; use a "
        "heading or a list item for each instead",
    ]
    lines = module.read_text(encoding="utf-8").splitlines()
    assert lines[6].strip() == '=== "In the room"' and lines[9].strip() == '=== "Online"'


def test_images_without_alt_text_are_found_outside_code() -> None:
    from generator.render.prose import images_without_alt

    text = "Карта:\n![](map.png)\n```\n![](code.png)\n```\n![Схема 图](ok.png) ![ ][ref]"
    assert images_without_alt(text) == [2, 6]
