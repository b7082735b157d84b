"""The live run-of-show in Chromium, with a controlled clock, opened from file://.

A facilitator starts the day at 09:00, runs the opening ten minutes late, sees the cuts
the page proposes and the new finish time, accepts one, reloads and finds the day as
they left it. The page must ask for nothing outside its own file, log no error and pass
axe. Screenshots at phone and tablet sizes, light and dark, land in the test's tmp folder
(or in ``$SERVEFIRST_SCREENSHOTS``) for a human to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Route,
    ViewportSize,
    expect,
)

from ..conftest import run_cli
from ..run_of_show_program import BREAK, CASE_CUT, tight_program

PAGE = "facilitator/run-of-show.html"
NINE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SIZES: dict[str, ViewportSize] = {
    "phone": {"width": 390, "height": 844},
    "tablet-portrait": {"width": 820, "height": 1180},
    "tablet-landscape": {"width": 1180, "height": 820},
}


def _build(base: Path, *, cuts: bool) -> str:
    root = tight_program(base, cuts=cuts)
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    return (out / PAGE).as_uri()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """file:// addresses of the page for a day with cuts and one without."""
    return {
        "cuts": _build(tmp_path_factory.mktemp("ros-cuts"), cuts=True),
        "none": _build(tmp_path_factory.mktemp("ros-none"), cuts=False),
    }


@dataclass
class Offline:
    """Fails every request that is not for a local file, and remembers it."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> Page:
        context.route("**/*", self._route)
        page = context.new_page()
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        return page

    def _route(self, route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            self.errors.append(f"console {message.type}: {message.text}")

    def _request(self, request: Request) -> None:
        if not request.url.startswith(("file:", "data:", "about:")):
            self.outside.append(request.url)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SERVEFIRST_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_page(
    browser: Browser,
    url: str,
    offline: Offline,
    size: str = "phone",
    scheme: Literal["light", "dark"] = "light",
    at: datetime = NINE,
) -> tuple[BrowserContext, Page]:
    context = browser.new_context(
        viewport=SIZES[size],
        color_scheme=scheme,
        timezone_id="UTC",
        locale="en-GB",
        is_mobile=size == "phone",
        has_touch=size != "tablet-landscape",
    )
    page = offline.attach(context)
    page.clock.install(time=at - timedelta(minutes=5))  # time runs until paused
    page.clock.pause_at(at)
    page.goto(url)
    return context, page


def minutes(page: Page, count: int) -> None:
    page.clock.fast_forward(count * 60_000)


def item(page: Page, title: str) -> Any:
    return page.locator("#day-list li", has=page.locator(".title", has_text=title))


def axe_violations(page: Page, axe_script: Path) -> list[dict[str, Any]]:
    """Serious and critical axe findings. axe waits on timers: the clock runs again."""
    page.clock.resume()
    page.add_script_tag(path=axe_script)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"rule": v["id"], "impact": v["impact"], "where": [n["target"] for n in v["nodes"][:5]]}
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_a_late_morning_is_replanned_and_kept_over_a_reload(
    browser: Browser, pages: dict[str, str], shots: Path
) -> None:
    offline = Offline()
    context, page = open_page(browser, pages["cuts"], offline)
    now = page.locator("#now")
    expect(page.locator("#now-title")).to_have_text("Opening and a question")
    expect(page.locator("#countdown-label")).to_have_text("Starts at")
    expect(page.locator("#countdown")).to_have_text("09:00")
    expect(page.locator("#late-title")).to_have_text("Finish by 10:20")
    expect(page.locator("#late-summary")).to_have_text("The day ends at 10:15: on time.")
    page.screenshot(path=shots / "phone-light-before.png")

    page.get_by_role("button", name="Start the day").click()
    expect(page.locator("#countdown")).to_have_text("10:00")
    expect(page.locator("#countdown-label")).to_have_text("left")
    expect(page.locator("#now-meta")).to_contain_text("10 min · Ends 09:10")
    expect(now).to_contain_text("Think of the best boss you have ever had")
    expect(now).to_contain_text("Two pyramids on a flipchart sheet")
    expect(page.locator("#next")).to_have_text(
        "Next: Servant first or leader first · 09:10 · 15 min"
    )

    # Two minutes before the end: a gentle cue, no sound.
    minutes(page, 8)
    expect(page.locator("#countdown")).to_have_text("2:00")
    expect(now).to_have_class("now soon")
    expect(page.locator("#cue")).to_have_text("Two minutes left")
    assert page.evaluate("() => document.querySelectorAll('audio, video').length") == 0

    # The opening runs ten minutes over.
    minutes(page, 12)
    expect(now).to_have_class("now over")
    expect(page.locator("#countdown")).to_have_text("+10:00")
    expect(page.locator("#countdown-label")).to_have_text("over")
    page.get_by_role("button", name="Done: next segment").click()
    expect(page.locator("#now-title")).to_have_text("Servant first or leader first")
    expect(item(page, "Opening and a question")).to_contain_text("done · +10 min late")
    expect(item(page, "Servant first or leader first")).to_contain_text("09:20")
    expect(item(page, BREAK)).to_contain_text("10:10")
    expect(page.locator("#status")).to_have_text("+5 min late")  # after finish_by

    # The day would end five minutes after finish_by: the case is cut first.
    expect(page.locator("#late-title")).to_have_text("Running late")
    expect(page.locator("#late-summary")).to_have_text(
        "The day would end at 10:25, 5 min after 10:20."
    )
    proposed = page.locator(".cuts.proposed li")
    expect(proposed).to_have_count(1)
    expect(proposed).to_contain_text("Case: Southwest Airlines")
    expect(proposed).to_contain_text(CASE_CUT.replace("**", ""))
    expect(proposed).to_contain_text("saves 10 min · the day then ends at 10:15")
    expect(page.locator(".result")).to_have_text("With the proposed cuts the day ends at 10:15.")
    expect(page.locator("details", has_text="Also possible (1)")).to_contain_text("Listening pairs")
    page.screenshot(path=shots / "phone-light-late.png")
    page.screenshot(path=shots / "phone-light-late-full.png", full_page=True)

    page.get_by_role("button", name="Cut this: Case: Southwest Airlines").click()
    expect(page.locator("#late-summary")).to_have_text("The day ends at 10:15: on time.")
    expect(page.locator("#status")).to_have_text("on time")
    expect(item(page, "Case: Southwest Airlines")).to_have_class("is-upcoming is-cut")
    expect(item(page, "Case: Southwest Airlines")).to_contain_text("15 5 min")
    expect(item(page, "Listening pairs")).to_contain_text("09:40")

    # A reload keeps the day: where we are, the late mark and the cut.
    page.reload()
    expect(page.locator("#now-title")).to_have_text("Servant first or leader first")
    expect(page.locator("#countdown")).to_have_text("15:00")
    expect(item(page, "Opening and a question")).to_contain_text("+10 min late")
    expect(item(page, "Case: Southwest Airlines")).to_have_class("is-upcoming is-cut")
    expect(page.locator("#late-summary")).to_have_text("The day ends at 10:15: on time.")

    # A darkened room: dark mode on a light phone, kept over a reload.
    html = page.locator("html")
    expect(html).to_have_attribute("data-theme", "light")
    page.get_by_role("button", name="Dark").click()
    expect(html).to_have_attribute("data-theme", "dark")
    page.reload()
    expect(html).to_have_attribute("data-theme", "dark")
    expect(page.get_by_role("button", name="Light")).to_be_visible()

    # Pause and resume: the clock of the segment stops while paused.
    page.get_by_role("button", name="Pause").click()
    minutes(page, 3)
    expect(page.locator("#countdown")).to_have_text("15:00")
    expect(page.locator("#countdown-label")).to_have_text("Paused")
    expect(page.locator("#late-summary")).to_have_text("The day ends at 10:18: on time.")
    page.get_by_role("button", name="Resume").click()
    minutes(page, 1)
    expect(page.locator("#countdown")).to_have_text("14:00")

    # The case, cut to five minutes, finishes early; the rest re-flows.
    minutes(page, 14)
    page.get_by_role("button", name="Done: next segment").click()
    expect(page.locator("#now-title")).to_have_text("Case: Southwest Airlines")
    expect(page.locator("#countdown")).to_have_text("5:00")
    expect(now).to_contain_text("If you are running late:")
    minutes(page, 3)
    page.get_by_role("button", name="Done: next segment").click()
    expect(item(page, "Case: Southwest Airlines")).to_contain_text("2 min early")
    expect(page.locator("#late-summary")).to_have_text("The day ends at 10:16: on time.")

    # Reset forgets the day, after asking.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset the day").click()
    expect(page.get_by_role("button", name="Start the day")).to_be_visible()
    expect(page.locator("#status")).to_have_text("")
    context.close()
    assert offline.outside == []
    assert offline.errors == []


def test_without_cuttable_segments_it_says_so_and_proposes_nothing(
    browser: Browser, pages: dict[str, str]
) -> None:
    offline = Offline()
    context, page = open_page(browser, pages["none"], offline, at=NINE.replace(minute=30))
    # Started at 09:00, opened at 09:30: the opening and the input are behind us.
    page.locator("#start-time").fill("09:00")
    page.get_by_role("button", name="Start at").click()
    expect(page.locator("#now-title")).to_have_text("Case: Southwest Airlines")
    expect(page.locator("#countdown")).to_have_text("10:00")
    expect(item(page, "Opening and a question")).to_contain_text("done · on time")
    minutes(page, 30)
    expect(page.locator("#late-summary")).to_have_text(
        "The day would end at 10:35, 15 min after 10:20."
    )
    expect(page.locator("#late-body")).to_contain_text(
        "No segment of this day is marked cuttable, so there is nothing to propose."
    )
    expect(page.get_by_role("button", name="Cut this")).to_have_count(0)
    context.close()
    assert offline.outside == []
    assert offline.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_it_fits_the_room(
    browser: Browser,
    pages: dict[str, str],
    axe_script: Path,
    shots: Path,
    size: str,
    scheme: Literal["light", "dark"],
) -> None:
    """Mid-morning, late, a cut proposed: nothing wider than the screen, axe clean."""
    offline = Offline()
    context, page = open_page(browser, pages["cuts"], offline, size, scheme)
    page.get_by_role("button", name="Start the day").click()
    minutes(page, 20)
    page.get_by_role("button", name="Done: next segment").click()
    minutes(page, 13)
    expect(page.locator(".cuts.proposed li")).to_have_count(1)
    expect(page.locator("#now")).to_have_class("now soon")
    page.wait_for_timeout(1200)  # the cue's colour fades in over a second
    page.screenshot(path=shots / f"{size}-{scheme}.png")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"], f"scrolls sideways: {width}px"
    controls = page.locator("#controls").bounding_box()
    assert controls is not None
    assert controls["y"] + controls["height"] <= SIZES[size]["height"] + 1
    assert axe_violations(page, axe_script) == []
    context.close()
    assert offline.outside == []
    assert offline.errors == []


@pytest.fixture(autouse=True)
def _no_stray_contexts(browser: Browser) -> Iterator[None]:
    yield
    for context in browser.contexts:
        context.close()
