"""Print layout by role, read back from the PDFs: worksheet tables, the guide's run of
show, the running header, notes pages and typography.

One program is built through the real command line: the basic fixture with a very long
module title (Chinese in it), a run of show of sixteen segments (Chinese and Arabic in
their titles), an empathy-map matrix, a four-column table of empty rows and quotes typed
straight.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import markdown
import pdfplumber
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.loader import load_program
from generator.model.participant import participant_view
from generator.printlint import lint_pdf, writing_spaces
from generator.render.markdown_config import site_extensions
from generator.render.pdf import workbook_html
from generator.render.typography import in_sentence, joined, shortened, smart_text
from generator.render.worksheet_layout import notes_lines, plan_table

from ..conftest import FIXTURES, Built, edit_yaml, run_cli

LONG_TITLE = (
    "Serve first 先服务 and lead second: a module title long enough to need several "
    "lines anywhere it is printed, which no running header may ever do"
)
MM = 72 / 25.4


def _module(data: dict[str, Any]) -> None:
    data["title"] = LONG_TITLE
    extra = [
        {"title": f"Round {n}: 练习 {n} جولة", "minutes": 3, "method": "discussion"}
        for n in range(1, 12)
    ]
    data["segments"][-1:-1] = extra  # before the close
    data["duration"] = 60 + 3 * len(extra)


def _exercise(data: dict[str, Any]) -> None:
    data["title"] = 'Then and now: "servant-first" or not'
    data["worksheet"] += [
        {
            "kind": "table",
            "label": "Empathy map",
            "columns": ["Says", "Thinks", "Does", "Feels"],
            "rows": ["The customer", "The employee"],
            "row_height": "triple",
        },
        {
            "kind": "table",
            "label": "Obstacles my team runs into",
            "columns": ["Obstacle", "Whom it slows down", "Whom it serves", "Stop or change?"],
            "rows": 3,
        },
    ]


@pytest.fixture(scope="module")
def layout_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("print-layout")
    root = base / "program"
    shutil.copytree(FIXTURES / "basic", root)
    edit_yaml(root / "modules/serve-first.yml", _module)
    edit_yaml(root / "exercises/leader-first-or-servant-first.yml", _exercise)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace('finish_by: "12:00"', 'finish_by: "13:00"')
    config.write_text(text, encoding="utf-8")
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    return Built(root, out)


def _texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_the_run_of_show_continues_with_its_header_marked_continued(layout_build: Built) -> None:
    pages = _texts(layout_build.guide)
    first = next(i for i, t in enumerate(pages) if "At a glance" in t)
    assert "Run of show" in pages[first], "the run of show starts on the module's first page"
    assert "Round 1: 练习 1" in pages[first]
    following = pages[first + 1]
    assert "Run of show (continued)" in following
    assert following.index("Start") < following.index("Close"), "the header row repeats"
    assert "(continued)" not in pages[first]
    assert not any("(continued)" in t for t in pages[first + 3 :])


def test_the_running_header_is_one_line_ending_in_an_ellipsis(layout_build: Built) -> None:
    """Its glyphs (Latin and Chinese fonts sit a little apart) share one line, well
    inside the top margin: the title is cut at a word and ends in "…"."""
    for path in (layout_build.guide, layout_build.workbook):
        with pdfplumber.open(path) as pdf:
            headers = 0
            for page in pdf.pages:
                top = [c for c in page.chars if c["bottom"] < 20 * MM]
                if not any(c["text"] == "先" for c in top):
                    continue
                headers += 1
                tops = [c["top"] for c in top]
                assert max(tops) - min(tops) < 4, page.page_number  # a line is 12 pt
                assert min(tops) > 7 * MM
                text = "".join(c["text"] for c in top)
                assert "enough to…" in text and "running header" not in text
            assert headers >= 2, path.name


def test_a_matrix_too_wide_for_portrait_is_turned_round(layout_build: Built) -> None:
    pages = _texts(layout_build.workbook)
    number = next(i for i, t in enumerate(pages) if "Empathy map" in t) + 1
    text = pages[number - 1]
    assert text.index("The customer") < text.index("Says") < text.index("Feels")
    cells = [
        s for s in writing_spaces(layout_build.workbook) if s.kind == "cell" and s.page == number
    ]
    assert len(cells) >= 8
    assert min(c.width for c in cells) >= 45 * MM
    with pdfplumber.open(layout_build.workbook) as pdf:
        assert all(p.width < p.height for p in pdf.pages)


def test_a_table_of_empty_rows_too_wide_becomes_cards(layout_build: Built) -> None:
    pages = _texts(layout_build.workbook)
    page = next(i for i, t in enumerate(pages) if "Obstacles my team runs into" in t)
    spaces = [s for s in writing_spaces(layout_build.workbook) if s.kind == "cell"]
    on_page = [s for s in spaces if s.page == page + 1 and s.width > 100 * MM]
    assert len(on_page) >= 4  # one wide writing cell per column heading, per card
    assert all(s.height >= 8 * MM for s in spaces)


def test_a_box_has_one_border_and_room_to_write(layout_build: Built) -> None:
    boxes = [s for s in writing_spaces(layout_build.workbook) if s.kind == "box"]
    assert boxes, "the box field is found"
    assert all(s.height >= 15 * MM and s.width >= 45 * MM for s in boxes)
    text = "".join(_texts(layout_build.workbook))
    assert "The decision I made" in text


def test_ruled_notes_pages_and_lines_under_ask_yourself(layout_build: Built) -> None:
    pages = _texts(layout_build.workbook)
    spaces = writing_spaces(layout_build.workbook)
    notes = [i + 1 for i, t in enumerate(pages) if t.startswith("Notes")]
    assert notes
    for number in notes:
        ruled = [s for s in spaces if s.page == number and s.kind == "lines"]
        assert ruled and ruled[0].height >= 8 * MM, (number, pages[number - 1][:80])
    asks = [i + 1 for i, t in enumerate(pages) if "Ask yourself:" in t]
    assert all(any(s.page == n and s.kind == "lines" for s in spaces) for n in asks)
    assert not [i for i, t in enumerate(pages) if not t.strip()], "no empty page"


def test_quotes_are_typographic_in_titles_and_prose(layout_build: Built) -> None:
    for path in (layout_build.workbook, layout_build.guide):
        text = "".join(_texts(path))
        assert "Then and now: “servant-first” or not" in text
        assert '"servant-first"' not in text


def test_the_layout_build_has_no_print_lint_finding(layout_build: Built) -> None:
    for path in (layout_build.workbook, layout_build.guide):
        assert [str(f) for f in lint_pdf(path)] == []


@pytest.mark.parametrize(
    ("typed", "language", "printed"),
    [
        ('He said "no" -- it\'s done...', "en", "He said “no” – it’s done…"),
        ("Dijo \"no\" y O'Brien 'rió'", "es", "Dijo «no» y O’Brien ‘rió’"),
        ('("quoted") 先 "服务"', "en", "(“quoted”) 先 “服务”"),
        ("plain", "es", "plain"),
    ],
)
def test_smart_text(typed: str, language: str, printed: str) -> None:
    assert smart_text(typed, language) == printed


def test_lists_and_names_in_a_sentence() -> None:
    assert joined(["pen", "paper", "tape"], "en") == "pen, paper and tape"
    assert joined(["bolígrafo", "papel", "cinta"], "es") == "bolígrafo, papel y cinta"
    assert joined([], "en") == ""
    assert in_sentence("Sticky-note pad") == "sticky-note pad"
    assert in_sentence("A3 paper") == "A3 paper"
    assert in_sentence("PowerPoint clicker") == "PowerPoint clicker"


def test_table_plans() -> None:
    assert plan_table(["Score", "An example"], ["Listening", "Empathy"], "A4").mode == "grid"
    four = ["Says", "Thinks", "Does", "Feels"]
    matrix = plan_table(four, ["The customer", "The employee"], "A4")
    assert matrix.mode == "transposed" and matrix.writing_mm >= 45
    cards = plan_table(four, [], "letter")
    assert cards.mode == "cards" and cards.writing_mm >= 45
    wide = plan_table(four, ["Un", "Deux", "Trois", "Quatre"], "A4")
    assert wide.mode == "landscape" and wide.writing_mm >= 45
    follow = plan_table(four[:3], ["Outcome one", "Outcome two"], "A4", may_turn=False)
    assert follow.mode == "grid" and follow.label_mm < 45
    assert notes_lines("A4") > notes_lines("letter") > 20


def test_shortened() -> None:
    title = "Why leadership decides the customer experience"
    assert shortened(title, 200) == title
    assert shortened(title, 40) == "Why leadership decides…"
    assert shortened("先服务" * 40, 30).endswith("…")


def _program_setting(root: Path, line: str) -> None:
    """Add ``line`` (``key: value``) to the program settings of the fixture's mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    setting = f"audience: Team leaders\n        {line}"
    config.write_text(text.replace("audience: Team leaders", setting), encoding="utf-8")


@pytest.mark.parametrize(("option", "lines"), [("ruled", True), ("dotted", True), ("blank", False)])
def test_notes_pages_option(basic: Path, option: str, lines: bool) -> None:
    _program_setting(basic, f"notes_pages: {option}")
    view = participant_view(load_program(basic, slide_checks=False))
    soup = BeautifulSoup(workbook_html(view), "html.parser")
    page = soup.select_one(".notes-page")
    assert page is not None and f"notes-{option}" in page["class"]
    assert len(page.select(".ws-line")) == (notes_lines("A4") if lines else 0)


def test_a_wrong_notes_pages_option_is_a_located_error(basic: Path) -> None:
    _program_setting(basic, "notes_pages: squared")
    result = run_cli("validate", basic)
    assert result.code == 1
    assert (
        "mkdocs.yml:19: program.notes_pages: expected 'ruled', 'dotted' or 'blank', got 'squared'"
    ) in result.out + result.err


def test_spanish_prints_its_own_quotes_in_prose_titles_and_on_the_site(basic: Path) -> None:
    options = site_extensions("es")["smarty"]
    html = markdown.markdown(
        'Dijo "servir"', extensions=["smarty"], extension_configs={"smarty": options}
    )
    assert html == "<p>Dijo «servir»</p>"
    _program_setting(basic, "language: es")
    module = basic / "modules/serve-first.yml"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            'title: "Serve first: what servant leadership is"', "title: 'Servir \"primero\"'"
        ),
        encoding="utf-8",
    )
    view = participant_view(load_program(basic, slide_checks=False))
    page = BeautifulSoup(workbook_html(view), "html.parser").get_text()
    assert "Servir «primero»" in page
    assert "«how do I get my" in page  # the summary's Markdown, through smarty
    assert '"primero"' not in page
