"""Every id is unique on its page, the same in every build and readable in any script;
every link to a place on a page reaches it, and the glossary reaches its own term."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.render.markdown_config import slug

from ..conftest import FIXTURES, REPO, Built, run_cli

# Principle names in Chinese, Arabic and Hindi, a repeat of one of them, names that are
# also a section's id, and one with no letter at all.
NAMES = [
    "倾听",
    "الاستماع الفعّال",
    "सुनना और समझना",
    "倾听!",
    "Reflection",
    "Sources",
    "🙂 🙂",
    "Слушать первым",
]
EXPECTED_IDS = [
    "倾听",
    "الاستماع-الفعّال",
    "सुनना-और-समझना",
    "倾听-2",
    "reflection-2",
    "sources-2",
    "principle",
    "слушать-первым",
]


def _build(root: Path, out: Path) -> Built:
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    return Built(root, out)


def _world(tmp_path: Path) -> Path:
    """The basic fixture with principles named in many scripts, every one in the glossary."""
    root = tmp_path / "世界"
    shutil.copytree(FIXTURES / "basic", root)
    path = root / "modules/serve-first.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    template = data["principles"][0]
    data["principles"] = [
        {**template, "name": name, "explanation": f"{name}: explanation number {i}. " * 3}
        for i, name in enumerate(NAMES, start=1)
    ]
    data["reflection"] = ["What will I do differently on Monday?"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("anchors")
    return _build(_world(base), base / "out")


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(REPO, tmp_path_factory.mktemp("anchors-default") / "out")


def _pages(site: Path) -> Iterator[Path]:
    yield from sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _ids(path: Path) -> list[str]:
    return [str(e["id"]) for e in _soup(path).find_all(id=True)]


def _check_site(site: Path) -> None:
    ids = {page: _ids(page) for page in _pages(site)}
    for page, found in ids.items():
        repeated = [i for i, n in Counter(found).items() if n > 1]
        assert not repeated, f"{page.relative_to(site)}: {repeated}"
    for page in ids:
        for link in _soup(page).find_all("a", href=True):
            parts = urlsplit(str(link["href"]))
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.suffix != ".html" or target not in ids:
                continue
            assert unquote(parts.fragment) in ids[target], (
                f"{page.relative_to(site)}: {link['href']} reaches nothing"
            )


def test_default_program_ids_are_unique_and_links_land(default_site: Built) -> None:
    _check_site(default_site.site)


def test_ids_in_many_scripts_are_unique_readable_and_links_land(world: Built) -> None:
    _check_site(world.site)
    page = _soup(world.site / "modules/serve-first.html")
    headings = page.select("article h3[id]")
    assert [h["id"] for h in headings] == EXPECTED_IDS
    assert page.find(id="reflection") is not None and page.find(id="sources") is not None


def test_glossary_links_and_tooltips_reach_their_own_term(world: Built) -> None:
    glossary = _soup(world.site / "glossary.html")
    module = _soup(world.site / "modules/serve-first.html")
    terms = glossary.select("article dt")
    assert len(terms) == len(NAMES)
    for dt in terms:
        term = dt.get_text(strip=True)
        definition = dt.find_next_sibling("dd")
        assert definition is not None, term
        link = definition.select_one("a[href]")
        assert link is not None, term
        fragment = unquote(urlsplit(str(link["href"])).fragment)
        heading = module.find(id=fragment)
        assert heading is not None, term
        for permalink in heading.select("a.headerlink"):
            permalink.decompose()
        assert heading.get_text(strip=True) == term


def test_ids_are_the_same_in_every_build(world: Built, tmp_path: Path) -> None:
    again = _build(world.root, tmp_path / "again")
    for page in _pages(world.site):
        assert _ids(page) == _ids(again.site / page.relative_to(world.site)), page


def test_slug_keeps_every_script_readable() -> None:
    assert slug("Serve first, then lead") == "serve-first-then-lead"
    assert slug("सुनना") == "सुनना"  # vowel signs kept
    assert slug("倾听") == "倾听"
    assert slug("Слушать Первым") == "слушать-первым"
    assert slug("🙂 🙂") == ""
