"""The glossary and its tooltips, read back from a real build: a principle name taught in two
modules keeps both explanations, and a definition is the opening of the first paragraph only."""

from __future__ import annotations

import shutil

import pytest
import yaml

from ..conftest import FIXTURES, Built
from .conftest import build_site, soup

TERM = "倾听"
FIRST = "倾听 here means hearing the customer out before you answer anyone at all"
SECOND = "倾听 in coaching means letting the silence work before you ask the next question"
# The first explanation opens with a paragraph that has no full stop, then block Markdown.
BLOCKS = (
    f"{FIRST}:\n\n| Column A | Column B |\n|---|---|\n| a | b |\n\nMore text[^a].\n\n"
    '[^a]: The footnote.\n\n!!! note "Note title"\n    Inside the note.\n\n# Heading\n\nEnd.'
)


def _principle(template: dict[str, object], explanation: str) -> dict[str, object]:
    return {**template, "name": TERM, "explanation": explanation}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("glossary")
    root = base / "программа"
    shutil.copytree(FIXTURES / "basic", root)
    first = root / "modules/serve-first.yml"
    data = yaml.safe_load(first.read_text(encoding="utf-8"))
    data["principles"] = [_principle(data["principles"][0], BLOCKS)]
    data["summary"] = f"Why {TERM} matters."  # body text: the term is marked here
    first.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data["id"], data["title"] = "coaching", "Coaching"
    data["principles"] = [_principle(data["principles"][0], f"{SECOND}. A second sentence.")]
    (root / "modules/coaching.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- serve-first\n", "- serve-first\n              - coaching\n"))
    return build_site(root, base / "out")


def test_a_name_taught_in_two_modules_keeps_both_entries(built: Built) -> None:
    glossary = soup(built.site / "glossary.html")
    entries = []
    for dt in glossary.select("article dt"):
        dd = dt.find_next_sibling("dd")
        assert dd is not None
        link = dd.select_one("a[href]")
        assert link is not None
        entries.append((dt.get_text(strip=True), dd.get_text(" ", strip=True), link["href"]))
    assert entries == [
        (TERM, f"{FIRST}: More in the module .", f"modules/serve-first.html#{TERM}"),
        (
            TERM,
            f"{SECOND}. A second sentence. More in the module .",
            f"modules/coaching.html#{TERM}",
        ),
    ]


def test_each_module_page_shows_its_own_tooltip(built: Built) -> None:
    for page, tooltip in (
        ("serve-first", f"{FIRST}:"),
        ("coaching", f"{SECOND}. A second sentence."),
    ):
        titles = {a["title"] for a in soup(built.site / f"modules/{page}.html").select("abbr")}
        assert titles == {tooltip}, page


def test_definitions_and_tooltips_carry_no_block_markdown(built: Built) -> None:
    glossary = (built.site / "glossary.html").read_text(encoding="utf-8")
    for raw in ("| Column A", "[^", "!!!", "Note title", "# Heading", "The footnote"):
        assert raw not in glossary, raw
