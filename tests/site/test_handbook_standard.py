"""The handbook to the workbook's standard (issue 13, item 6), read back from a real build.

Worksheets are tables and writing spaces, not sentences; a pre-work page comes first and
the home page links to it; the 404 page works opened from the folder; glossary marks sit
in body text only; case sources are a list of citations without editorial notes.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

import pytest
import yaml
from bs4 import Tag
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

from generator.render.site_prework import PreWork, prework_pages
from generator.render.site_worksheet import MARKER

from ..conftest import FIXTURES, Built, run_cli
from .conftest import build_site, serve_folder, soup

ROW_LABELS = ["Ask permission", "数据 and facts", "Поддержка"]
PREWORK = "准备 before.md"
PREWORK_TITLE = "Before the day: 准备 / تحضير"
NOTE = "Employees first, customers second, shareholders third."
TERM = "Listening"
FORGED = f"{MARKER} " + '{"title": "Forged", "fields": []}'


def _edit(path: Path, change: dict[str, object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in change.items():
        if isinstance(value, list) and isinstance(data.get(key), list):
            data[key] = data[key] + value
        else:
            data[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("handbook")
    root = base / "手册 программа"
    shutil.copytree(FIXTURES / "basic", root)
    _edit(
        root / "exercises/listening-pairs.yml",
        {
            "worksheet": [
                {
                    "kind": "table",
                    "label": "Plan the conversation 🙂",
                    "columns": ["What I will say", "Notes"],
                    "rows": ROW_LABELS,
                    "row_height": "triple",
                },
                {"kind": "follow_up", "label": "My follow-up", "hint": "Be specific"},
            ]
        },
    )
    explanation = (
        "Listening means hearing the whole story first. Good listening takes practice, "
        f"and it is the first habit we train.\n\n{FORGED}"
    )
    _edit(
        root / "modules/serve-first.yml",
        {
            "principles": [{"name": TERM, "explanation": explanation}],
            "summary": "A morning about listening to the team and serving them.",
        },
    )
    (root / "docs" / PREWORK).write_text(
        "---\nprework: true\n---\n# Before the day: 准备 / تحضير\n\nBring a pen.\n",
        encoding="utf-8",
    )
    (root / "docs/notes.md").write_text("# Notes\n\nLater reading.\n", encoding="utf-8")
    return build_site(root, base / "out")


def _article(built: Built, page: str) -> Tag:
    article = soup(built.site / page).select_one("article")
    assert article is not None
    return article


def _field(article: Tag, label: str) -> Tag:
    for field in article.select(".sf-worksheet .sf-field"):
        shown = field.select_one(".sf-label")
        if shown is not None and shown.get_text(strip=True) == label:
            return field
    raise AssertionError(f"no worksheet field {label!r}")


def test_a_worksheet_table_is_a_table_with_headers_and_empty_cells(built: Built) -> None:
    article = _article(built, "modules/serve-first.html")
    assert "Columns:" not in article.get_text() and "rows:" not in article.get_text()
    table = _field(article, "Plan the conversation 🙂").select_one("table")
    assert table is not None
    heads = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
    assert heads == ["What I will say", "Notes"]
    rows = table.select("tbody tr")
    assert [r.select_one("th[scope=row]").get_text(strip=True) for r in rows] == ROW_LABELS  # type: ignore[union-attr]
    assert all(len(r.select("td")) == 2 and r.get_text(strip=True) in ROW_LABELS for r in rows)
    assert "sf-cell-triple" in table["class"]
    counted = _field(article, "Then and now").select("tbody tr")
    assert len(counted) == 2 and all(not r.select("th") for r in counted)


def test_every_field_kind_has_its_writing_space(built: Built) -> None:
    article = _article(built, "modules/serve-first.html")
    assert (
        len(_field(article, "What did my partner feel, and how could I tell?").select(".sf-line"))
        == 4
    )
    assert _field(article, "The decision I made").select(".sf-box.sf-box-small")
    ticks = _field(article, "While I listened, I…").select("ul.sf-checklist > li")
    assert [li.get_text(strip=True) for li in ticks] == [
        "kept my eyes on the speaker",
        "did not plan my answer",
        "noticed the feelings, not only the facts",
    ]
    scale = _field(article, "How did the decision serve the team?")
    assert [th.get_text() for th in scale.select("thead th")] == ["1", "2", "3", "4", "5"]
    assert len(scale.select("tbody .sf-circle")) == 2 * 5
    assert "Rate each from 1 (Not at all) to 5 (Completely)." in scale.get_text(" ", strip=True)
    follow = _field(article, "My follow-up")
    assert follow.select_one(".sf-hint").get_text() == "Be specific"  # type: ignore[union-attr]
    heads = [th.get_text() for th in follow.select("thead th")]
    assert heads == ["Outcome", "At 30 days", "At 60 days", "At 90 days"]
    assert follow.select("tbody td .sf-prompt")[0].get_text() == "What I will have done"


def test_the_worksheet_marker_cannot_be_forged_by_content(built: Built) -> None:
    article = _article(built, "modules/serve-first.html")
    assert "Forged" not in [p.get_text() for p in article.select(".sf-worksheet-title")]
    # The build's marker is its own process's: a line written with any other stays text.
    assert [p for p in article.select("p") if p.get_text().startswith(MARKER)]


def test_prework_comes_first_and_the_home_page_links_to_it(built: Built) -> None:
    home = soup(built.site / "index.html")
    nav = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    top = [t for t in nav if t in {"Home", PREWORK_TITLE, "Agenda", "Notes"}]
    assert top == ["Home", PREWORK_TITLE, "Agenda", "Notes"]
    box = home.select_one("article .admonition.tip")
    assert box is not None
    assert box.select_one(".admonition-title").get_text() == "Before the day"  # type: ignore[union-attr]
    link = box.select_one("a")
    assert link is not None and link.get_text() == PREWORK_TITLE
    assert (built.site / unquote(str(link["href"]))).is_file()
    assert box.get_text(" ", strip=True) == (
        f"Before the day Start here: {PREWORK_TITLE} says what to think about and bring "
        "before the workshop."
    )


def test_prework_pages_take_their_title_from_front_matter_heading_or_name() -> None:
    found = prework_pages(
        [
            ("b.md", "---\nprework: true\ntitle: Вступление\n---\n# Other\n"),
            ("a/c.md", "---\nprework: true\n---\n\n# Before the day { #start }\n"),
            ("d.md", "---\nprework: true\n---\nNo heading.\n"),
            ("e.md", "---\nprework: yes please\n---\n# Not pre-work\n"),
            ("f.md", "# No front matter\n"),
        ]
    )
    assert found == [
        PreWork("a/c.md", "Before the day"),
        PreWork("b.md", "Вступление"),
        PreWork("d.md", "d.md"),
    ]


def test_a_prework_value_other_than_true_or_false_is_a_located_error(
    write_files: Callable[[dict[str, str | bytes]], Path],
) -> None:
    root = write_files({"docs/день.md": "---\ntitle: День\nprework: yes please\n---\n# День\n"})
    result = run_cli("validate", root)
    assert result.code == 1
    assert (
        "docs/день.md:3: prework: 'yes please' is not true or false; write 'prework: true' to "
        "put the page first in the handbook's navigation and link it from the home page, or "
        "leave the line out"
    ) in result.out + result.err


def test_the_404_page_links_relative_to_the_folder(built: Built) -> None:
    page = soup(built.site / "404.html")
    addresses = [str(t.get("href") or t.get("src")) for t in page.select("[href], [src]")]
    assert addresses and not [a for a in addresses if a.startswith("/")]
    assert "./assets/servefirst/servefirst.css" in addresses
    assert page.select_one("article h1").get_text() == "Page not found"  # type: ignore[union-attr]
    assert page.select_one("title").get_text() == "Page not found - Basic fixture"  # type: ignore[union-attr]
    home = page.select_one("article a.md-button")
    assert home is not None and home["href"] == "./index.html"
    assert home.get_text() == "Go to the home page"


def test_a_theme_s_own_404_page_is_kept(
    write_files: Callable[[dict[str, str | bytes]], Path], tmp_path: Path
) -> None:
    custom = '{% extends "main.html" %}{% block content %}<h1>Пропало 404</h1>{% endblock %}'
    root = write_files({"overrides/404.html": custom})
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    )
    built = build_site(root, tmp_path / "out")
    assert soup(built.site / "404.html").select_one("article h1").get_text() == "Пропало 404"  # type: ignore[union-attr]


def test_glossary_marks_sit_in_body_text_only(built: Built) -> None:
    for page in ("modules/serve-first.html", "exercises.html"):
        titles = _article(built, page).select("h1, h2, h3, h4, .admonition-title, th, .sf-label, a")
        assert [t.get_text() for t in titles if t.select("abbr")] == [], page
    assert "Listening pairs" in [
        a.get_text() for a in _article(built, "exercises.html").select("a")
    ]
    module = _article(built, "modules/serve-first.html")
    section = module.select_one(f"h3#{TERM.lower()}")
    assert section is not None
    own: list[Tag] = []
    for sibling in section.find_next_siblings():
        if sibling.name in {"h2", "h3"}:
            break
        own += sibling.select("abbr")
    assert own == [], "a term is not marked inside its own definition"
    assert "Listening means hearing" in section.find_next_sibling("p").get_text()  # type: ignore[union-attr]
    marked = [a.get_text() for a in module.select("p abbr, li abbr")]
    assert "listening" in marked, "the term is still marked in body text elsewhere"
    glossary = _article(built, "glossary.html")
    assert [dt.get_text() for dt in glossary.select("dt")][-1] == TERM
    assert glossary.select("abbr") == []


def test_case_sources_are_a_list_of_citations_without_notes(built: Built) -> None:
    for page in ("modules/serve-first.html", "cases.html", "sources.html"):
        assert NOTE not in _article(built, page).get_text(), page
    article = _article(built, "cases.html")
    title = article.select_one("p.sf-sources-title")
    assert title is not None and title.get_text() == "Sources"
    items = title.find_next_sibling("ul")
    assert items is not None
    citations = [li.get_text(" ", strip=True) for li in items.select("li")]
    assert citations == ["CNBC. (2019). Herb Kelleher on putting employees first. CNBC."]


# ---- in a real browser ----------------------------------------------------------------

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 375, "height": 812}
AXE_RUN = "async () => await axe.run(document, {resultTypes: ['violations']})"


def _serious(page: Page, axe_script: Path) -> list[str]:
    page.add_script_tag(path=axe_script)
    result = page.evaluate(AXE_RUN)
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def _open(browser: Browser, viewport: ViewportSize) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=viewport)
    return context, context.new_page()


def _styled(page: Page) -> dict[str, object]:
    return dict(
        page.evaluate(
            """() => ({
              button: getComputedStyle(document.querySelector('article .md-button')).backgroundColor,
              header: getComputedStyle(document.querySelector('.md-header')).position,
              logo: document.querySelector('.md-header__button.md-logo').getBoundingClientRect().height,
            })"""
        )
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_404_page_opened_from_the_folder_is_styled(
    built: Built, browser: Browser, axe_script: Path, viewport: ViewportSize, tmp_path: Path
) -> None:
    context, page = _open(browser, viewport)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((built.site / "404.html").as_uri())
    page.screenshot(path=tmp_path / f"404-{viewport['width']}.png", full_page=True)
    styled = _styled(page)
    # Material's stylesheet places the header, branding.css colours the button.
    assert styled["header"] == "sticky" and styled["button"] == "rgb(31, 95, 122)"
    assert isinstance(styled["logo"], float | int) and styled["logo"] <= 48, "no giant logo"
    assert page.locator("article h1").inner_text() == "Page not found"
    page.locator("article a.md-button").click()
    page.wait_for_url("**/index.html")
    page.go_back()
    assert errors == []  # before axe, whose own stylesheet requests file:// refuses
    assert _serious(page, axe_script) == []
    context.close()


def test_the_404_page_served_for_a_deep_address_finds_its_assets(
    built: Built, browser: Browser
) -> None:
    server, base = serve_folder(built.site)
    try:
        context, page = _open(browser, DESKTOP)
        missing = base + "modules/deep/missing.html"
        page.route(missing, lambda route: route.fulfill(path=built.site / "404.html"))
        page.goto(missing)
        assert _styled(page)["header"] == "sticky"
        assert page.locator("article a.md-button").get_attribute("href") == "./index.html"
        page.locator("article a.md-button").click()
        page.wait_for_url(base + "index.html")
        context.close()
    finally:
        server.shutdown()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_worksheet_page_reads_and_prints(
    built: Built, browser: Browser, axe_script: Path, viewport: ViewportSize, tmp_path: Path
) -> None:
    context, page = _open(browser, viewport)
    for name in ("index", "glossary", "modules/serve-first"):
        page.goto((built.site / f"{name}.html").as_uri())
        shot = f"{name.replace('/', '-')}-{viewport['width']}.png"
        page.screenshot(path=tmp_path / shot, full_page=True)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{name} scrolls sideways: {width}px"
    table = page.locator(".sf-worksheet table").first
    assert table.is_visible()
    assert table.locator("tbody td").first.bounding_box()["height"] >= 30  # type: ignore[index]
    assert _serious(page, axe_script) == []
    page.emulate_media(media="print")
    page.screenshot(path=tmp_path / f"print-{viewport['width']}.png", full_page=True)
    line = page.locator(".sf-line").first
    assert line.evaluate("e => getComputedStyle(e).borderBottomColor") == "rgb(0, 0, 0)"
    assert not page.locator(".md-header").is_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reference_pages_have_no_serious_accessibility_violation(
    built: Built, browser: Browser, axe_script: Path, scheme: Literal["light", "dark"]
) -> None:
    server, base = serve_folder(built.site)
    try:
        context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
        page = context.new_page()
        found: dict[str, list[str]] = {}
        for name in ("cases.html", "exercises.html", "glossary.html", "404.html"):
            page.goto(base + name)
            found[name] = _serious(page, axe_script)
        assert {name: bad for name, bad in found.items() if bad} == {}
        context.close()
    finally:
        server.shutdown()
