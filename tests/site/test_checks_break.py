"""Knowledge checks in Chromium, answered the way a hurried participant might: nothing
chosen, two items put in one position; and what a screen reader hears for each form."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..knowledge.program import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("checks-break")) / "site"


def open_page(browser: Browser, site: Path) -> Page:
    page = browser.new_page()
    page.goto((site / "modules/serve-first.html").as_uri())
    return page


def feedback_of(page: Page, anchor: str) -> str:
    return page.locator(f"#{anchor} ~ .sf-feedback").first.inner_text()


def result_of(page: Page, anchor: str) -> str | None:
    return page.locator(f"#{anchor}").get_attribute("data-sf-result")


def test_checking_with_nothing_chosen_asks_for_an_answer(browser: Browser, site: Path) -> None:
    page = open_page(browser, site)
    for anchor in ["check-who-wrote", "check-many", "check-pyramid", "check-situation"]:
        page.locator(f"#{anchor} ~ .sf-submit").first.press("Enter")
        assert feedback_of(page, anchor) == "Choose an answer first."
        assert result_of(page, anchor) is None, "an empty answer is not a wrong one"


def test_two_items_in_one_position_are_not_taken_as_an_order(browser: Browser, site: Path) -> None:
    page = open_page(browser, site)
    selects = page.locator("#check-steps ~ fieldset select")
    texts = [
        t.strip()
        for t in page.locator("#check-steps ~ fieldset .sf-choice span").all_inner_texts()[:4]
    ]
    right = {text: ["one", "two", "three", "four"].index(text) + 1 for text in texts}
    # Every item one place later than right, but the last two share position 4: sorted
    # stably, this used to come out as the right order and count as right.
    for index, text in enumerate(texts):
        selects.nth(index).select_option(str(min(4, right[text] + 1)))
    page.locator("#check-steps ~ .sf-submit").first.press("Enter")
    assert feedback_of(page, "check-steps") == "Give each one a different position, from 1."
    assert result_of(page, "check-steps") is None
    selects.nth(texts.index("four")).select_option("")
    page.locator("#check-steps ~ .sf-submit").first.press("Enter")
    assert feedback_of(page, "check-steps") == "Give each one a different position, from 1."
    for index, text in enumerate(texts):
        selects.nth(index).select_option(str(right[text]))
    page.locator("#check-steps ~ .sf-submit").first.press("Enter")
    assert feedback_of(page, "check-steps") == "Right. Right."
    assert result_of(page, "check-steps") == "right"


def test_a_screen_reader_hears_the_question_as_the_name_of_the_form(
    browser: Browser, site: Path
) -> None:
    page = open_page(browser, site)
    tree = page.locator("#check-who-wrote ~ fieldset").first.aria_snapshot()
    assert tree.splitlines()[0] == '- group "Question 1 谁写了《仆人式领导》？ Who wrote it?":'
    assert '- radio "Greenleaf"' in tree
    scenario = page.locator("#check-situation ~ fieldset").first.aria_snapshot()
    assert scenario.splitlines()[0] == '- group "Question 5 A customer calls. What now?":'
    assert "¶" not in page.locator("#check-pyramid ~ fieldset").first.aria_snapshot()
