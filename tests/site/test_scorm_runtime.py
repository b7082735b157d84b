"""Each SCORM package under a real runtime: scorm-again (npm) as the LMS's API, in
Chromium. The test's LMS page keeps what the package commits in localStorage, as an LMS
keeps it on its server, so a reload resumes. Visit pages, answer checks right and wrong,
reload, and read what the runtime recorded: status, score, location, suspend data."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Frame, Page

from ..knowledge.program import build_site
from ..lms.scorm import RUNTIME
from .conftest import serve_folder

# The LMS page: the API on its window, the package's launcher in a frame. It hears every
# value the package sets and keeps them in localStorage at each commit, as an LMS keeps
# them on its server; on the next launch it loads them back (entry "resume" after a
# suspend), so a reload resumes.
HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="{script}"></script>
<script>
  var key = "lms-{version}";
  var saved = JSON.parse(localStorage.getItem(key) || "null");
  var sets = saved ? saved.sets : {{}};
  var api = new {api}({{autocommit: false, logLevel: 5}});
  if (saved) api.loadFromJSON({load});
  window.commits = 0;
  api.on("{prefix}SetValue.cmi.*", function (element, value) {{ sets[element] = value; }});
  api.on("{prefix}Initialize", function () {{
    window.entry = api.{prefix}GetValue("{entry}");
  }});
  api.on("{prefix}Commit", function () {{
    window.commits += 1;
    localStorage.setItem(key, JSON.stringify({{sets: sets, entry: window.entry}}));
  }});
  window.{name} = api;
  window.recorded = function () {{
    return JSON.parse(localStorage.getItem(key) || "null");
  }};
</script></head>
<body><iframe id="lms" title="Course" src="package/launch.html" style="width:100%;height:90vh"></iframe></body></html>
"""
LOAD = {
    "1.2": """{core: {lesson_location: sets["cmi.core.lesson_location"] || "",
                 lesson_status: sets["cmi.core.lesson_status"] || "not attempted",
                 entry: sets["cmi.core.exit"] === "suspend" ? "resume" : "",
                 score: {raw: sets["cmi.core.score.raw"] || ""}},
          suspend_data: sets["cmi.suspend_data"] || ""}""",
    "2004": """{location: sets["cmi.location"] || "",
          completion_status: sets["cmi.completion_status"] || "unknown",
          entry: sets["cmi.exit"] === "suspend" ? "resume" : "",
          score: {raw: sets["cmi.score.raw"] || ""},
          suspend_data: sets["cmi.suspend_data"] || ""}""",
}
FIELDS = {
    "1.2": {
        "status": "cmi.core.lesson_status",
        "raw": "cmi.core.score.raw",
        "location": "cmi.core.lesson_location",
        "suspend": "cmi.suspend_data",
        "exit": "cmi.core.exit",
    },
    "2004": {
        "status": "cmi.completion_status",
        "raw": "cmi.score.raw",
        "scaled": "cmi.score.scaled",
        "location": "cmi.location",
        "suspend": "cmi.suspend_data",
        "exit": "cmi.exit",
    },
}
RUNTIMES = {
    "1.2": ("scorm12.min.js", "Scorm12API", "API", "LMS", "cmi.core.entry"),
    "2004": ("scorm2004.min.js", "Scorm2004API", "API_1484_11", "", "cmi.entry"),
}
PACKAGES = {"1.2": "basic-fixture-scorm12.zip", "2004": "basic-fixture-scorm2004.zip"}


@pytest.fixture(scope="module")
def lms_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """Both packages unpacked beside an LMS page each, served on 127.0.0.1."""
    assert RUNTIME.is_dir(), "install scorm-again: make setup"
    base = tmp_path_factory.mktemp("runtime")
    packages = build_site(base, "--lms") / "lms"
    served = base / "served"
    for version, name in PACKAGES.items():
        folder = served / version
        with zipfile.ZipFile(packages / name) as archive:
            archive.extractall(folder / "package")
        script, api, window_name, prefix, entry = RUNTIMES[version]
        shutil.copy(RUNTIME / script, folder / script)
        host = HOST.format(
            script=script,
            version=version,
            api=api,
            name=window_name,
            prefix=prefix,
            entry=entry,
            load=LOAD[version],
        )
        (folder / "lms.html").write_text(host, encoding="utf-8")
    server, base_url = serve_folder(served)
    yield served, base_url
    server.shutdown()


def handbook(page: Page) -> Frame:
    """The handbook's frame inside the launcher's frame."""
    page.wait_for_function(
        "() => { const f = document.querySelector('#lms').contentDocument; "
        "return f && f.querySelector('#handbook') && "
        "f.querySelector('#handbook').contentDocument && "
        "f.querySelector('#handbook').contentDocument.readyState === 'complete'; }"
    )
    frame = next(f for f in page.frames if "/package/handbook/" in f.url)
    frame.wait_for_load_state()
    return frame


def recorded(page: Page, version: str) -> dict[str, Any]:
    """What the LMS holds, by short name (status, raw, location, suspend, exit, entry)."""
    value = page.evaluate("() => window.recorded()")
    assert value is not None, "nothing was committed"
    seen = {short: value["sets"].get(element) for short, element in FIELDS[version].items()}
    return {**seen, "entry": value["entry"]}


def answer(frame: Frame, anchor: str, choice: int) -> None:
    frame.locator(f"#{anchor} ~ fieldset input").nth(choice).check()
    frame.locator(f"#{anchor} ~ .sf-submit").first.click()
    frame.locator(f"#{anchor} ~ .sf-feedback").first.wait_for()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_runtime_records_visits_score_and_resumes(
    browser: Browser, lms_site: tuple[Path, str], version: str
) -> None:
    _, base_url = lms_site
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}{version}/lms.html")

    frame = handbook(page)
    assert frame.url.endswith("/package/handbook/index.html")
    page.wait_for_function("() => window.recorded() !== null")
    first = recorded(page, version)
    assert first["location"] == "index.html"
    assert first["status"] == "incomplete"

    # The module page: visiting it completes the course (the fixture plans one module).
    frame.goto(frame.url.replace("index.html", "modules/serve-first.html"))
    frame = handbook(page)
    answer(frame, "check-who-wrote", 1)  # right
    answer(frame, "check-pyramid", 0)  # wrong: the answer is false
    page.wait_for_function(
        "() => (window.recorded().sets['cmi.suspend_data'] || '').includes('pyramid')"
    )
    seen = recorded(page, version)
    assert seen["status"] == "completed"
    assert seen["location"] == "modules/serve-first.html"
    assert float(seen["raw"]) == 20  # 1 of the module's 5 checks right
    if version == "2004":
        assert float(seen["scaled"]) == 0.2
    state = json.loads(seen["suspend"])
    assert state == {
        "v": ["index.html", "modules/serve-first.html"],
        "a": {"check:who-wrote": 1, "check:pyramid": 0},
    }

    # A pre-check answer is kept but does not count towards the score.
    frame.goto(frame.url.replace("modules/serve-first.html", "pre-check.html"))
    frame = handbook(page)
    answer(frame, "pre-who-wrote", 1)
    page.wait_for_function(
        "() => (window.recorded().sets['cmi.suspend_data'] || '').includes('pre:')"
    )
    assert float(recorded(page, version)["raw"]) == 20

    # Back to the module, answer the wrong one right, then leave and come back.
    frame.goto(frame.url.replace("pre-check.html", "modules/serve-first.html"))
    frame = handbook(page)
    answer(frame, "check-pyramid", 1)
    page.wait_for_function(
        "() => JSON.parse(window.recorded().sets['cmi.suspend_data']).a['check:pyramid'] === 1"
    )
    page.reload()
    frame = handbook(page)
    assert frame.url.endswith("/package/handbook/modules/serve-first.html")  # resumed
    page.wait_for_function("() => window.commits > 0")
    seen = recorded(page, version)
    assert seen["entry"] == "resume"
    assert seen["status"] == "completed"
    assert float(seen["raw"]) == 40
    assert json.loads(seen["suspend"])["a"] == {
        "check:who-wrote": 1,
        "check:pyramid": 1,
        "pre:who-wrote": 1,
    }
    assert errors == []
    assert all(url.startswith(base_url) for url in requests), requests
    context.close()
