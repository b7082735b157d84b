"""A SCORM package opened with no LMS at all (unzipped, launch.html from disk): it must
still work as a plain handbook, offline, with working checks and no script error."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from ..knowledge.program import build_site


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("scorm-no-lms")
    lms = build_site(base, "--lms") / "lms"
    folders = {}
    for version, suffix in [("1.2", "scorm12"), ("2004", "scorm2004")]:
        folder = base / suffix
        with zipfile.ZipFile(lms / f"basic-fixture-{suffix}.zip") as archive:
            archive.extractall(folder)
        folders[version] = folder
    return folders


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_launcher_without_an_lms_is_a_plain_handbook(
    browser: Browser, unpacked: dict[str, Path], version: str
) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    page.goto((unpacked[version] / "launch.html").as_uri())
    handbook = page.frame_locator("#handbook")
    assert handbook.locator("h1").first.inner_text().startswith("Basic fixture")
    handbook.locator("a[href$='modules/serve-first.html']").first.click()
    assert handbook.locator("h1").first.inner_text().startswith("Serve first")
    handbook.locator("#check-who-wrote ~ fieldset input").nth(1).check()
    handbook.locator("#check-who-wrote ~ .sf-submit").first.press("Enter")
    feedback = handbook.locator("#check-who-wrote ~ .sf-feedback").first
    assert feedback.inner_text() == "Right. Да, верно 🎉"
    page.reload()
    assert handbook.locator("h1").first.inner_text().startswith("Basic fixture")
    assert errors == []
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests)
