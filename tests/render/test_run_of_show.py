"""The live run-of-show page: what it carries, and that the participant site has none of it.

The page's behaviour in a browser is tested in tests/site/test_run_of_show_browser.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.i18n import catalogue
from generator.loader import load_program
from generator.render.run_of_show import LABELS, run_of_show_html, text_colour

from ..canary import make_canary
from ..conftest import Built, run_cli
from ..run_of_show_program import BREAK, PAIRS_CUT, TITLE, tight_program

PAGE = "facilitator/run-of-show.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("run-of-show")
    root = tight_program(base, cuts=True)
    out = base / "out"
    result = run_cli("build", root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    return Built(root, out)


def page_data(html: str) -> dict[str, Any]:
    soup = BeautifulSoup(html, "html.parser")
    script = soup.find("script", id="ros-data")
    assert script is not None and script.string is not None
    data: dict[str, Any] = json.loads(script.string)
    return data


def markers(value: Any) -> set[str]:
    """The canary's facilitator markers in a piece of YAML data."""
    return set(re.findall(r"zzfac\d+", json.dumps(value)))


def test_build_writes_one_self_contained_page(built: Built) -> None:
    html = (built.out / PAGE).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html is not None and soup.html["lang"] == "en"
    assert soup.title is not None and soup.title.text == f"{TITLE}: Run of show"
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy is not None and "default-src 'none'" in str(policy["content"])
    # Nothing to fetch: no linked file, script, image or font, and no address anywhere.
    assert soup.find_all("link") == []
    assert [s.get("src") for s in soup.find_all("script")] == [None, None]
    assert [a["href"] for a in soup.find_all(href=True)] == ["#now", "#late"]
    assert soup.find_all(src=True) == []
    assert not re.search(r"https?://|url\(", html)
    assert str(built.root) not in html and str(built.out) not in html
    # Nothing of it reaches the participant site (see also the canary test below).
    assert "Written" not in html and (built.out / "site/index.html").is_file()


def test_the_page_carries_the_planned_day(built: Built) -> None:
    data = page_data((built.out / PAGE).read_text(encoding="utf-8"))
    assert data["title"] == TITLE
    assert data["storageKey"] == f"servefirst-run-of-show:{TITLE}:{data['build']}"
    assert re.fullmatch(r"[0-9a-f]{12}", data["build"])
    [day] = data["days"]
    assert (day["start"], day["finish_by"]) == ("09:00", "10:20")
    assert [(i["title"], i["planned"], i["minutes"], i["kind"]) for i in day["items"]] == [
        ("Opening and a question", "09:00", 10, "segment"),
        ("Servant first or leader first", "09:10", 15, "segment"),
        ("Case: Southwest Airlines", "09:25", 15, "segment"),
        ("Listening pairs", "09:40", 15, "segment"),
        ("Close", "09:55", 5, "segment"),
        (BREAK, "10:00", 15, "break"),
    ]
    opening, servant, case, pairs, close, _ = day["items"]
    assert opening["module"] == "Serve first: what servant leadership is"
    assert "Think of the best boss you have ever had" in opening["say"][0]
    assert opening["say"][0].startswith("<p>")
    assert opening["do"] == [
        "<p>Ask three or four people to name one thing that boss did. Write the verbs on a "
        "flipchart.</p>"
    ]
    assert opening["materials"] == ["Two pyramids on a flipchart sheet"]
    assert opening["cues"] == ["Keep the round of answers to four minutes."]
    assert "Look at the verbs on the chart" in opening["transition"]
    assert servant["debrief"][0]["question"] == (
        "Which picture matches how decisions are made where you work?"
    )
    assert "approvals still flow upward" in servant["debrief"][0]["listen_for"]
    assert case["cut"] == {
        "saves": 10,
        "how": "Tell the story yourself in two minutes; take <strong>one</strong> question.",
        "order": 1,
    }
    assert pairs["cut"] == {"saves": 5, "how": PAIRS_CUT, "order": 2}
    assert opening["cut"] is None and close["cut"] is None
    assert close["transition"] == "<p>Point forward to the ten characteristics after the break.</p>"


def test_slide_numbers_are_the_ones_the_guide_prints(built: Built) -> None:
    data = page_data((built.out / PAGE).read_text(encoding="utf-8"))
    slides = [i["slide"] for i in data["days"][0]["items"] if i["kind"] == "segment"]
    assert all(slides), slides
    assert slides == sorted(slides, key=lambda s: int(s.split("–")[0]))
    guide = " ".join(p.extract_text() for p in PdfReader(built.guide).pages)
    guide = " ".join(guide.split())
    for number in slides:
        assert f"Slide {number}" in guide or f"Slides {number}" in guide


def test_an_unchanged_plan_is_not_rewritten_and_a_changed_note_is(built: Built) -> None:
    again = run_cli("build", built.root, "--out", built.out, "--no-slides")
    assert again.code == 0, again.err
    assert "unchanged: guide, run-of-show, site, workbook" in again.out
    module = built.root / "modules/serve-first.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("One round of listening", "A single round"), encoding="utf-8")
    third = run_cli("build", built.root, "--out", built.out, "--no-slides")
    assert third.code == 0, third.err
    assert third.out.splitlines()[-1] == (
        f"Wrote {built.out} (pdf/facilitator-guide.pdf, facilitator/run-of-show.html)"
    )
    data = page_data((built.out / PAGE).read_text(encoding="utf-8"))
    assert data["days"][0]["items"][3]["cut"]["how"] == "A single round instead of two."


def test_no_pdf_means_no_run_of_show(tmp_path: Path) -> None:
    root = tight_program(tmp_path, cuts=False)
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-pdf")
    assert result.code == 0, result.err
    assert not (tmp_path / "out/facilitator").exists()


def test_the_participant_site_holds_none_of_it(tmp_path: Path) -> None:
    """Canary: every facilitator text the page shows is in it, and in no site file."""
    source = tight_program(tmp_path / "source", cuts=True)
    canary = make_canary(source, tmp_path / "program")
    out = tmp_path / "out"
    result = run_cli("build", canary.root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    html = (out / PAGE).read_text(encoding="utf-8")
    shown = set(re.findall(r"zzfac\d+", html))
    expected: set[str] = set()
    for segment in canary.data["modules/serve-first.yml"]["segments"]:
        notes = {k: v for k, v in segment.get("facilitator", {}).items() if k != "virtual"}
        expected |= markers(notes)
        if "exercise" in segment:
            kept = ("setup", "timing_cues", "debrief")
            exercise = canary.data[f"exercises/{segment['exercise']}.yml"]["facilitator"]
            expected |= markers({k: exercise[k] for k in kept})
        if "case" in segment:
            expected |= markers(canary.data[f"modules/cases/{segment['case']}.yml"]["facilitator"])
    assert canary.by_field["how"] <= expected and canary.by_field["listen_for"] & expected
    assert expected - shown == set()
    build = page_data(html)["build"]
    leaks = []
    for path in (out / "site").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in (*shown, "run-of-show", "servefirst-run-of-show", build, "facilitator/"):
                if needle in text:
                    leaks.append(f"{path.relative_to(out)}: {needle}")
    assert leaks == []


def page_after(tmp_path: Path, file: str, old: str, new: str) -> str:
    """The page, without slide numbers, of the tight program with ``old`` replaced by
    ``new`` in ``file``."""
    root = tight_program(tmp_path, cuts=True)
    text = (root / file).read_text(encoding="utf-8")
    assert old in text
    (root / file).write_text(text.replace(old, new), encoding="utf-8")
    return run_of_show_html(load_program(root), {})


def test_a_spanish_program_gets_spanish_labels_and_clock(tmp_path: Path) -> None:
    html = page_after(
        tmp_path, "mkdocs.yml", "        days:", "        language: es\n        days:"
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html is not None and soup.html["lang"] == "es"
    start = soup.find("button", id="start")
    assert start is not None and start.text == "Empezar el día"
    data = page_data(html)
    assert (data["locale"], data["twoDigitHours"]) == ("es-ES", False)
    assert data["strings"]["Cut this"] == "Recortar"
    assert all(item["slide"] is None for item in data["days"][0]["items"])


def test_every_label_has_a_spanish_translation() -> None:
    # tests/test_i18n.py checks that every translation keeps its {placeholders}.
    assert [label for label in LABELS if label not in catalogue("es")] == []


def test_content_cannot_close_the_script(tmp_path: Path) -> None:
    closing = "- title: 'Close </script><b>'\n"
    html = page_after(tmp_path, "modules/serve-first.yml", "- title: Close\n", closing)
    assert "</script><b>" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("script")) == 2
    titles = [i["title"] for i in page_data(html)["days"][0]["items"]]
    assert "Close </script><b>" in titles


@pytest.mark.parametrize(
    ("colour", "text"),
    [
        ("#1f5f7a", "#ffffff"),
        ("#ffdd00", "#000000"),
        ("#000000", "#ffffff"),
        ("#ffffff", "#000000"),
    ],
)
def test_button_text_reads_on_the_brand_colour(colour: str, text: str) -> None:
    assert text_colour(colour) == text


def test_without_its_script_the_page_says_what_to_do(tmp_path: Path) -> None:
    """A phone's file preview shows pages without running scripts."""
    html = page_after(
        tmp_path, "mkdocs.yml", "        days:", "        language: es\n        days:"
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.body is not None
    note = soup.body.find("noscript")
    assert note is not None and note.text.strip() == (
        "Esta página necesita su script para llevar el tiempo: abra el archivo en un "
        "navegador (Chrome, Firefox, Safari, Edge), no en una vista previa de archivos."
    )
