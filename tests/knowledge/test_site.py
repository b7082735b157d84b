"""The handbook's knowledge checks read back from the built site: questions and choices
as text, the answers and feedback nowhere in the page text or the search index, the
facilitator's notes nowhere at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.knowledge.key import decode

from .program import FACILITATOR_NOTE, FEEDBACK, build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("checks")) / "site"


def test_module_page_shows_questions_with_the_answer_encoded(site: Path) -> None:
    page = BeautifulSoup((site / "modules/serve-first.html").read_text(encoding="utf-8"), "lxml")
    headings = page.select("h3.sf-check")
    assert [h["id"] for h in headings] == [
        "check-who-wrote",
        "check-steps",
        "check-pyramid",
        "check-many",
        "check-situation",
    ]
    first = headings[0]
    key = next(c for c in first["class"] if c.startswith("sfk-"))[len("sfk-") :]
    assert decode("who-wrote", key)["a"] == [1]
    assert "sfq-single" in first["class"]
    choices = first.find_next("ol")
    assert choices is not None
    assert [li.get_text() for li in choices.find_all("li")] == ["Spears", "Greenleaf", "كارلزون"]
    assert "谁写了《仆人式领导》" in page.get_text()


def test_no_answer_or_note_in_any_page_or_the_search_index(site: Path) -> None:
    files = [p for p in site.rglob("*") if p.suffix in {".html", ".json", ".js", ".xml"}]
    assert site / "search/search_index.json" in files
    for path in files:
        text = path.read_text(encoding="utf-8")
        shown = json.loads(text) if path.suffix == ".json" else text
        flat = json.dumps(shown, ensure_ascii=False) if path.suffix == ".json" else shown
        for secret in [FACILITATOR_NOTE, *FEEDBACK]:
            assert secret not in flat, f"{secret!r} in {path.relative_to(site)}"


def test_pre_and_post_check_pages_ask_the_same_items(site: Path) -> None:
    pre = BeautifulSoup((site / "pre-check.html").read_text(encoding="utf-8"), "lxml")
    post = BeautifulSoup((site / "post-check.html").read_text(encoding="utf-8"), "lxml")
    assert [h["id"] for h in pre.select(".sf-check")] == ["pre-who-wrote", "pre-steps"]
    assert [h["id"] for h in post.select(".sf-check")] == ["post-who-wrote", "post-steps"]
    nav = [a.get_text(strip=True) for a in pre.select("nav.md-nav--primary a")]
    assert nav.index("Pre-check") < nav.index("Post-check")
