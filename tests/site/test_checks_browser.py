"""Knowledge checks in a real browser, with the keyboard only, offline (file://):
feedback after answering, right and wrong, and no serious axe violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..knowledge.program import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("checks-browser")) / "site"


def feedback_of(page: Page, anchor: str) -> str:
    return page.locator(f"#{anchor} ~ .sf-feedback").first.inner_text()


def test_answer_with_the_keyboard_and_read_the_feedback(
    browser: Browser, site: Path, axe_script: Path
) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((site / "modules/serve-first.html").as_uri())
    assert feedback_of(page, "check-who-wrote") == ""

    # Single choice: focus the first choice, arrow to the second, Tab to the button, Enter.
    page.locator("#check-who-wrote ~ fieldset input").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert feedback_of(page, "check-who-wrote") == "Right. Да, верно 🎉"

    # Multiple response, wrong: only the first box.
    page.locator("#check-many ~ fieldset input").first.focus()
    page.keyboard.press("Space")
    page.locator("#check-many ~ .sf-submit").first.focus()
    page.keyboard.press("Enter")
    assert feedback_of(page, "check-many") == "Not quite. Not quite."

    # Scenario: each choice has its own feedback.
    page.locator("#check-situation ~ fieldset input").first.focus()
    page.keyboard.press("Space")
    page.locator("#check-situation ~ .sf-submit").first.focus()
    page.keyboard.press("Enter")
    assert feedback_of(page, "check-situation") == "Not quite. Not quite.\n\nThey start again."

    # Ordering: positions chosen from each item's list; a wrong order shows the right one.
    selects = page.locator("#check-steps ~ fieldset select")
    texts = [
        t.strip()
        for t in page.locator("#check-steps ~ fieldset .sf-choice span").all_inner_texts()[:4]
    ]
    for index, text in enumerate(texts):
        selects.nth(index).select_option(str(["one", "two", "three", "four"].index(text) + 1))
    page.locator("#check-steps ~ .sf-submit").first.press("Enter")
    assert feedback_of(page, "check-steps") == "Right. Right."
    selects.nth(0).select_option("4")
    selects.nth(texts.index("four")).select_option(
        str(["one", "two", "three", "four"].index(texts[0]) + 1)
    )
    page.locator("#check-steps ~ .sf-submit").first.press("Enter")
    assert feedback_of(page, "check-steps").endswith("The right order: one → two → three → four")

    page.add_script_tag(path=axe_script)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [v["id"] for v in result["violations"] if v["impact"] in {"serious", "critical"}]
    assert bad == []
    assert errors == []
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests)
