"""The handbook in a real browser: from a USB stick (file://) and from a web server.

A reader goes home -> module through the navigation, searches for a case by its
organisation and opens it, switches to the dark palette; the browser must log no error
and ask for nothing outside the site. Screenshots at desktop and phone widths land in
the test's tmp folder for a human to look at. axe-core checks accessibility.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, ViewportSize

from ..conftest import Built
from .conftest import serve_folder

MODULE_TITLE = "Serve first: what servant leadership is"
ORGANISATION = "Southwest Airlines"
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 375, "height": 812}


@pytest.fixture(scope="module")
def origins(basic_build: Built) -> Iterator[dict[str, str]]:
    server, http_base = serve_folder(basic_build.site)
    yield {"file": basic_build.site.as_uri() + "/", "http": http_base}
    server.shutdown()


@dataclass
class Watch:
    """Everything a page asked for or complained about."""

    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> Page:
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        return page

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            self.errors.append(f"console {message.type}: {message.text}")

    def outside(self) -> list[str]:
        local = (self.base, "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(local)]


@pytest.mark.parametrize("origin", ["file", "http"])
def test_a_reader_finds_their_way(
    browser: Browser, origins: dict[str, str], origin: str, tmp_path: Path
) -> None:
    base = origins[origin]
    watch = Watch(base)
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    page = watch.attach(context.new_page())

    page.goto(base + "index.html")
    page.screenshot(path=tmp_path / "desktop-home.png", full_page=True)

    # Home -> module through the navigation.
    page.locator("nav.md-nav--primary").get_by_role("link", name=MODULE_TITLE).click()
    page.wait_for_url("**/modules/serve-first.html")
    assert page.locator("article h1").inner_text().startswith(MODULE_TITLE)
    page.screenshot(path=tmp_path / "desktop-module.png", full_page=True)

    # Search for a case by organisation (typed, as a reader would) and open the hit.
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Southwest", delay=20)
    hit = page.locator(".md-search-result__link", has=page.locator("h2", has_text=ORGANISATION))
    hit.first.wait_for()
    page.screenshot(path=tmp_path / "desktop-search.png")
    hit.first.click()
    page.wait_for_url("**#*")
    anchor = page.url.rsplit("#", 1)[1]
    assert ORGANISATION in page.locator(f"[id='{anchor}']").inner_text()
    assert page.locator(f"[id='{anchor}']").is_visible()

    # Light -> dark and back, with the palette toggle.
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.screenshot(path=tmp_path / "desktop-dark.png")
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    assert body.get_attribute("data-md-color-scheme") == "default"
    context.close()

    # A phone: the same pages, nothing wider than the screen.
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = watch.attach(context.new_page())
    for name, path in (("home", "index.html"), ("module", "modules/serve-first.html")):
        page.goto(base + path)
        page.screenshot(path=tmp_path / f"phone-{name}.png", full_page=True)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} scrolls sideways on a phone: {width}px"
    page.emulate_media(media="print")
    page.screenshot(path=tmp_path / "print-module.png", full_page=True)
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("details.info table").is_visible(), "collapsed outline prints open"
    context.close()

    assert watch.errors == []
    assert watch.outside() == []
    assert any(
        url.endswith("search/search_index.js" if origin == "file" else ".json")
        for url in watch.requests
    )


AXE_PAGES = ["index.html", "modules/serve-first.html", "agenda.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(
    browser: Browser, origins: dict[str, str], axe_script: Path, scheme: Literal["light", "dark"]
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    found: dict[str, list[dict[str, Any]]] = {}
    for path in AXE_PAGES:
        page.goto(origins["http"] + path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        page.add_script_tag(path=axe_script)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [v for v in result["violations"] if v["impact"] in {"serious", "critical"}]
        if bad:
            found[path] = [
                {
                    "rule": v["id"],
                    "impact": v["impact"],
                    "help": v["help"],
                    "where": [n["target"] for n in v["nodes"][:5]],
                    "why": [n["failureSummary"] for n in v["nodes"][:2]],
                }
                for v in bad
            ]
    context.close()
    assert found == {}, json.dumps(found, indent=2)
