"""Search in every language: words in Chinese, Japanese, Korean, Arabic, Hebrew, Russian and
Hindi are found by the handbook's search, in Chromium, opened from a folder (file://)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import copy_fixture, run_cli

CASE = "modules/cases/southwest-airlines.yml"
PROSE = (
    "  furloughed an employee.\n\n\n"
    "  这家航空公司坚持员工第一的服务文化，顾客满意度很高。\n\n\n"
    "  お客様を第一に考える社員が、毎日の仕事で信頼を築いています。\n\n\n"
    "  섬김의 리더십은 고객을 먼저 생각합니다. القيادة الخادمة تبدأ بالخدمة.\n"
    "  Служение начинается с заботы. שירות לקוחות מצוין. सेवा पहले आती है।\n"
)
FOUND = [
    "员工",  # Chinese, in the middle of a sentence
    "服务文化",
    "满意度",
    "社員",  # Japanese
    "考える",
    "信頼",
    "리더십",  # Korean
    "القيادة",  # Arabic
    "Служение",  # Russian
    "לקוחות",  # Hebrew
    "सेवा",  # Hindi
    "Kelleher",
    "employees",
]
NOT_FOUND = ["飞机", "東京", "Boeing"]


def build(tmp_path: Path, prose: str) -> Path:
    root = copy_fixture("basic", tmp_path)
    case = root / CASE
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("  furloughed an employee.\n", prose), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    return out / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("search-languages"), PROSE)


def hits(page: Page, query: str) -> int:
    """Type the query as a reader would and count the results Material lists."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=10)
    box.press("End")  # Material reads the query on keyup; typed CJK text sends none
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "el => !/Type to start|Initializing/i.test(el.textContent)", arg=meta.element_handle()
    )
    page.wait_for_timeout(300)
    count = page.locator(".md-search-result__item").count()
    page.keyboard.press("Escape")
    return count


def test_words_in_every_script_are_found_from_file(browser: Browser, site: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "index.html").as_uri())
    found = {query: hits(page, query) for query in FOUND}
    missed = {query: hits(page, query) for query in NOT_FOUND}
    page.close()
    assert [q for q, n in found.items() if n == 0] == []
    assert [q for q, n in missed.items() if n] == []
    assert errors == []


def test_search_settings_follow_the_text(site: Path, tmp_path: Path) -> None:
    config = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["config"]
    assert config["lang"] == ["ja"]
    assert "、。" in config["separator"]
    latin = build(tmp_path, "  furloughed an employee.\n")
    plain = json.loads((latin / "search" / "search_index.json").read_text("utf-8"))["config"]
    assert plain["lang"] == ["en"]
    assert plain["separator"] == r"[\s\-]+"


def test_the_programs_own_search_settings_are_kept(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    settings = root / "mkdocs.yml"
    settings.write_text(
        settings.read_text("utf-8").replace(
            "  - search\n", "  - search:\n      lang: [en]\n      separator: '[\\s]+'\n"
        ),
        encoding="utf-8",
    )
    case = root / CASE
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("  furloughed an employee.\n", PROSE), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-pdf").code == 0
    config = json.loads((out / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert config["config"]["lang"] == ["en"]
    assert config["config"]["separator"] == r"[\s]+"
