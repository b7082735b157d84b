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
