"""Slides in the run-of-show: the guide's "Slide N" beside each segment, read back from the
guide with pypdf, is the slide the deck (read back with python-pptx) shows then."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from generator.loader import load_program
from generator.schedule import build_agenda

from ..conftest import Built, copy_fixture, run_cli


def squeeze(text: str) -> str:
    return " ".join(text.split())


def build(root: Path, out: Path) -> Built:
    result = run_cli("build", root, "--out", out, "--no-site")
    assert result.code == 0, result.err
    return Built(root, out)


def deck(built: Built) -> list[tuple[str, str, str]]:
    """(title, text shown, first line of the notes) of every slide."""
    (path,) = (built.out / "slides").glob("*.pptx")
    out = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        shown = squeeze(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        out.append((title, shown, notes.splitlines()[0] if notes else ""))
    return out


def guide_numbers(built: Built) -> list[tuple[str, int, int]]:
    """(clock and segment title, first slide, last slide) as the guide prints them."""
    text = squeeze(" ".join(p.extract_text() for p in PdfReader(built.guide).pages))
    found = re.findall(r"(\d\d:\d\d [^\d]+?) Slides? (\d+)(?:–(\d+))?", text)
    return [(head, int(first), int(last or first)) for head, first, last in found]


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The basic fixture with screens chosen: a blank screen, and debrief prompts."""
    base = tmp_path_factory.mktemp("screens")
    root = copy_fixture("basic", base)
    module = root / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    text = text.replace(
        "    method: opening\n",
        "    method: opening\n    screen: blank\n",
        1,
    )
    text = text.replace(
        "    exercise: listening-pairs\n",
        "    exercise: listening-pairs\n    debrief_prompts:\n"
        "      - What did it take not to interrupt? 打断\n"
        "      - Что было труднее всего?\n",
        1,
    )
    module.write_text(text, encoding="utf-8")
    return build(root, base / "out")


def test_every_segment_shows_its_slide_and_the_deck_agrees(screened: Built) -> None:
    program = load_program(screened.root)
    module = program.modules[0]
    slot = build_agenda(program.config, program.modules).slot_of(module.id)
    slides = deck(screened)
    numbers = guide_numbers(screened)
    assert [h for h, _, _ in numbers] == [
        f"{start} {seg.title}"
        for start, seg in zip(slot.segment_starts, module.segments, strict=True)
    ]
    for (_, first, last), start, seg in zip(
        numbers, slot.segment_starts, module.segments, strict=True
    ):
        assert slides[first - 1][2] == f"{start} · {seg.title} · {seg.minutes} min"
        assert first <= last
    # The segments' spans follow each other with no gap: the deck is the run-of-show.
    spans = [(f, last) for _, f, last in numbers]
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans))


def test_a_blank_screen_and_debrief_prompts_on_screen(screened: Built) -> None:
    slides = deck(screened)
    numbers = guide_numbers(screened)
    first, last = numbers[0][1:]
    # The module's title, then the blank screen the opening asks for: no objectives.
    assert [s[0] for s in slides[first - 1 : last]] == [
        "Serve first: what servant leadership is",
        "",
    ]
    assert slides[last - 1][1] == ""
    debrief = next(s for s in slides if s[0] == "Debrief" and "打断" in s[1])
    assert debrief[1] == (
        "Debrief Listening pairs What did it take not to interrupt? 打断 Что было труднее всего?"
    )


def test_listen_for_stays_off_the_debrief_slide(screened: Built) -> None:
    program = load_program(screened.root)
    notes = [q.listen_for for s in program.modules[0].segments for q in s.facilitator.debrief] + [
        q.listen_for for e in program.exercises.values() for q in e.facilitator.debrief
    ]
    shown = " ".join(s[1] for s in deck(screened))
    assert notes and not [n for n in notes if squeeze(n)[:40] in shown]


def _without(text: str, *keys: str) -> str:
    """The module's YAML without the named top-level fields (each key and its block)."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line[:1] not in (" ", "\n", ""):
            skipping = line.split(":", 1)[0] in keys
        if not skipping:
            out.append(line)
    return "".join(out)


def test_a_screen_the_module_has_nothing_for_is_refused(tmp_path: Path) -> None:
    """A module with no principles, reflection or takeaways cannot put them on screen:
    validate says where, instead of the build failing on a segment with no slide."""
    root = copy_fixture("basic", tmp_path)
    module = root / "modules" / "serve-first.yml"
    text = _without(module.read_text(encoding="utf-8"), "principles", "reflection", "takeaways")
    for method, screen in (("input", "principle"), ("case", "reflection"), ("close", "takeaways")):
        text = text.replace(
            f"    method: {method}\n", f"    method: {method}\n    screen: {screen}\n"
        )
    text = text.replace("title: Close\n", "title: Close — 结束 и итоги\n")
    module.write_text(text, encoding="utf-8")
    result = run_cli("validate", root)
    assert result.code == 1
    assert result.err.splitlines() == [
        "modules/serve-first.yml:43: segments[1].screen: screen: principle needs the module's "
        "principles, and this module has none: add principles: to the module, or choose "
        "another screen",
        "modules/serve-first.yml:57: segments[2].screen: screen: reflection needs the module's "
        "reflection prompts, and this module has none: add reflection: to the module, or "
        "choose another screen",
        "modules/serve-first.yml:71: segments[4].screen: screen: takeaways needs the module's "
        "takeaways, and this module has none: add takeaways: to the module, or choose another "
        "screen",
        "3 problems in 1 file.",
    ]


def test_a_segment_without_a_slide_gets_no_number_and_breaks_nothing(basic: Path) -> None:
    """The guide's join with the deck holds when a segment has no slide of its own: the
    plan's numbering gives it None, and the guide prints no slide number for it."""
    from bs4 import BeautifulSoup

    from generator.render.pdf import facilitator_html
    from generator.render.slides.numbers import numbering
    from generator.render.slides.spec import Slide

    slides = [Slide("section", "Title", 40.0) for _ in range(4)]
    slides[1].segment, slides[2].segment, slides[3].segment = ("m", 0), ("m", 0), ("m", 2)
    assert numbering(slides, {"m": 4, "n": 1}) == {"m": [(2, 3), None, (4, 4), None], "n": [None]}

    program = load_program(basic)
    html = facilitator_html(program, {}, {"serve-first": [(2, 3), None, (4, 4)]})
    heads = BeautifulSoup(html, "html.parser").select(".segment h4")
    refs = [h.select_one(".slide-ref") for h in heads]
    assert [r.get_text() if r else None for r in refs] == [
        "Slides 2–3",
        None,
        "Slide 4",
        None,
        None,
    ]
