"""The slide deck, read back: python-pptx for the .pptx, pypdf and poppler for the PDFs."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.util import Inches, Pt
from pypdf import PdfReader

from generator.loader import load_program
from generator.schedule import build_agenda

from ..canary import Canary, make_canary
from ..conftest import FIXTURES, REPO, Built, copy_fixture, run_cli

MARKER = re.compile(r"zz(?:fac|pub)\d+")
WORKBOOK_PAGE = re.compile(r"Workbook p\. (\d+)")
CONTINUED = re.compile(r" \(\d+/\d+\)$")
"""A continuation slide's title ends in its number: 'Objectives (2/2)'."""
NO_SOFFICE = "LibreOffice (soffice) is not installed; scripts/system-deps.sh installs it"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason=NO_SOFFICE)


# -- builds, each once per module ------------------------------------------------------------


def build(root: Path, out: Path, *extra: str) -> Built:
    result = run_cli("build", root, "--out", out, "--no-site", *extra)
    assert result.code == 0, result.err
    return Built(root, out)


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("slides-basic")
    return build(copy_fixture("basic", base), base / "out")


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> tuple[Canary, Built]:
    base = tmp_path_factory.mktemp("slides-canary")
    marked = make_canary(FIXTURES / "basic", base / "program")
    return marked, build(marked.root, base / "out")


@pytest.fixture(scope="module")
def default(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(REPO, tmp_path_factory.mktemp("slides-default") / "out")


# -- reading a deck ---------------------------------------------------------------------------


def deck_path(built: Built) -> Path:
    (path,) = (built.out / "slides").glob("*.pptx")
    return path


def open_deck(built: Built) -> Deck:
    return Presentation(str(deck_path(built)))


def title(slide: Slide) -> str:
    shape = slide.shapes.title
    return shape.text_frame.text if shape is not None else ""


def shown_text(slide: Slide) -> Iterator[str]:
    """Every text the room sees on a slide: text frames and table cells, not the notes."""
    shapes: list[BaseShape] = list(slide.shapes)
    shapes += list(slide.slide_layout.shapes) + list(slide.slide_layout.slide_master.shapes)
    for shape in shapes:
        if shape.has_text_frame:
            yield shape.text_frame.text  # type: ignore[attr-defined]
        if getattr(shape, "has_table", False):
            for row in shape.table.rows:  # type: ignore[attr-defined]
                for cell in row.cells:
                    yield cell.text_frame.text


def notes(slide: Slide) -> str:
    frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
    return frame.text if frame is not None else ""


def squeeze(text: str) -> str:
    return " ".join(text.split())


# -- structure --------------------------------------------------------------------------------


def test_deck_opens_and_its_titles_follow_the_program(basic: Built) -> None:
    assert deck_path(basic).name == "basic-fixture.pptx"
    titles = [title(s) for s in open_deck(basic).slides]
    # Continuation slides repeat a title; the program's order is the rest.
    assert [t for t in titles if not CONTINUED.search(t)] == [
        "Basic fixture",
        "The day at a glance",
        "Serve first: what servant leadership is",
        "Objectives",
        "Serve first, then lead",
        "The pyramid turned upside down",
        "Case: Employees first at Southwest Airlines",
        "Activity: Listening pairs",
        "Debrief",
        # An exercise no segment runs still gets its slides, before the close.
        "Activity: Leader first or servant first?",
        "Debrief",
        "Reflection",
        "Key takeaways",
        "Coffee",
    ]


def test_default_program_deck_has_each_item_in_its_module_section(default: Built) -> None:
    program = load_program(REPO)
    titles = [title(s) for s in open_deck(default).slides]
    starts = [titles.index(m.title) for m in program.modules]
    assert starts == sorted(starts)  # modules in the order of the plan
    for n, module in enumerate(program.modules):
        section = titles[starts[n] : starts[n + 1] if n + 1 < len(starts) else None]
        items = [p.name for p in module.principles]
        items += [f"Case: {c.title}" for c in program.cases_of(module)]
        items += [f"Activity: {e.title}" for e in program.exercises_of(module)]
        items += ["Objectives", "Reflection", "Key takeaways"]
        assert [i for i in items if i not in section] == [], module.id


def test_agenda_slide_carries_the_clock_times(basic: Built) -> None:
    program = load_program(basic.root)
    agenda = build_agenda(program.config, program.modules)
    slide = next(s for s in open_deck(basic).slides if title(s) == "The day at a glance")
    text = " ".join(shown_text(slide))
    for slot in agenda.slots:
        assert f"{slot.start}–{slot.end}" in text
        assert slot.title in text


# -- notes: the run-of-show -------------------------------------------------------------------


def test_every_slide_has_notes_and_segments_start_with_their_clock_time(basic: Built) -> None:
    program = load_program(basic.root)
    slides = list(open_deck(basic).slides)
    assert all(notes(s).strip() for s in slides)
    slot = build_agenda(program.config, program.modules).slot_of("serve-first")
    heads = [notes(s).splitlines()[0] for s in slides]
    for start, segment in zip(slot.segment_starts, program.modules[0].segments, strict=True):
        assert f"{start} · {segment.title} · {segment.minutes} min" in heads


def test_notes_carry_every_facilitator_text(canary: tuple[Canary, Built]) -> None:
    marked, built = canary
    found = {m for s in open_deck(built).slides for m in MARKER.findall(notes(s))}
    assert marked.facilitator - found == set()


def test_slides_show_no_facilitator_text(canary: tuple[Canary, Built]) -> None:
    marked, built = canary
    shown = {m for s in open_deck(built).slides for t in shown_text(s) for m in MARKER.findall(t)}
    assert shown & marked.facilitator == set()
    assert shown  # participant text is there: titles, objectives, questions, steps
    assert shown <= marked.public


# -- workbook pages ---------------------------------------------------------------------------


def test_workbook_pages_on_exercise_slides_match_the_workbook(basic: Built) -> None:
    workbook = PdfReader(basic.workbook)
    checked = 0
    for slide in open_deck(basic).slides:
        name = CONTINUED.sub("", title(slide))
        if not name.startswith(("Activity: ", "Case: ")):
            continue
        match = WORKBOOK_PAGE.search(" ".join(shown_text(slide)))
        assert match, name
        page = squeeze(workbook.pages[int(match.group(1)) - 1].extract_text())
        assert name in page, f"{name} is not on workbook page {match.group(1)}"
        checked += 1
    assert checked >= 3


# -- nothing overflows ------------------------------------------------------------------------


def words_outside_their_boxes(pptx: Path, pdf: Path) -> list[str]:
    """Words of the PDF (poppler's word boxes) that no text shape of their slide holds."""
    deck = Presentation(str(pptx))
    layout = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = layout.split("<page ")[1:]
    assert len(pages) == len(deck.slides)
    outside = []
    for number, (page, slide) in enumerate(zip(pages, deck.slides, strict=True), start=1):
        width = re.search(r'width="([\d.]+)"', page)
        assert width
        scale = (deck.slide_width or 0) / 12700 / float(width.group(1))
        shapes = [
            *slide.shapes,
            *slide.slide_layout.shapes,
            *slide.slide_layout.slide_master.shapes,
        ]
        boxes = [
            (s.left / 12700, s.top / 12700, (s.left + s.width) / 12700, (s.top + s.height) / 12700)
            for s in shapes
            if (s.has_text_frame or getattr(s, "has_table", False)) and s.width and s.height
        ]
        for word in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page
        ):
            x0, y0, x1, y1 = (float(v) * scale for v in word.groups()[:4])
            if not any(
                x0 >= a - 2 and y0 >= b - 2 and x1 <= c + 2 and y1 <= d + 2 for a, b, c, d in boxes
            ):
                outside.append(f"slide {number}: {html.unescape(word.group(5))}")
    return outside


@needs_soffice
def test_the_check_sees_an_overflowing_box(tmp_path: Path) -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    frame = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(0.5)).text_frame
    frame.word_wrap = True
    frame.text = "far too many words for a small box " * 12
    frame.paragraphs[0].runs[0].font.size = Pt(24)
    deck.save(str(tmp_path / "overflow.pptx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "overflow.pptx"),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    assert words_outside_their_boxes(tmp_path / "overflow.pptx", tmp_path / "overflow.pdf")


@needs_soffice
def test_no_text_overflows_a_slide_of_the_default_program(default: Built) -> None:
    pptx = deck_path(default)
    assert words_outside_their_boxes(pptx, pptx.with_suffix(".pdf")) == []


LONG_STEP = "Talk it through with your partner and write down what you agree. " * 40
LONG_TITLE = "A very long principle name that goes on and on " * 4


@needs_soffice
def test_long_text_is_split_or_shrunk_never_overflows_and_validate_warns(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    exercise = root / "exercises" / "listening-pairs.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(
        text.replace(
            "instructions:\n", f"instructions:\n  - {LONG_STEP}\n  - {LONG_STEP[:900]}\n", 1
        ),
        encoding="utf-8",
    )
    module = root / "modules" / "serve-first.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace("  - name: The pyramid turned upside down", f"  - name: {LONG_TITLE}"),
        encoding="utf-8",
    )

    result = run_cli("validate", root)
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if "slide" in line]
    assert any(
        w.startswith("warning: exercises/listening-pairs.yml:")
        and "instructions[0]: too long for one slide even at 14 pt" in w
        for w in warnings
    ), warnings
    assert any(
        "modules/serve-first.yml:" in w and "principles[1].name: too long for a slide title" in w
        for w in warnings
    ), warnings
    assert run_cli("validate", root, "--strict").code == 1

    built = build(root, tmp_path / "out")
    pptx = deck_path(built)
    assert words_outside_their_boxes(pptx, pptx.with_suffix(".pdf")) == []
    steps = [s for s in open_deck(built).slides if title(s).startswith("Activity: Listening pairs")]
    assert len(steps) >= 2  # the steps were spread over continuation slides


def test_default_program_guide_gives_every_segment_its_slide(default: Built) -> None:
    """Every segment of the default program shows "Slide N" in the guide, and slide N of
    the deck is the one whose notes open that segment."""
    program = load_program(REPO)
    agenda = build_agenda(program.config, program.modules)
    heads = [notes(s).splitlines()[0] for s in open_deck(default).slides]
    text = "".join(p.extract_text() for p in PdfReader(default.guide).pages)
    guide = re.sub(r"\s", "", text.replace("\u2019", "'"))  # pypdf splits kerned 'T en'

    checked = 0
    for module in program.modules:
        slot = agenda.slot_of(module.id)
        for start, segment in zip(slot.segment_starts, module.segments, strict=True):
            name = re.sub(r"\s", "", segment.title.replace("\u2019", "'"))
            found = re.search(rf"{start}{re.escape(name)}Slides?(\d+)", guide)
            assert found, f"{module.id}: {segment.title}"
            head = heads[int(found.group(1)) - 1].replace("\u2019", "'")
            assert head == f"{start} · {segment.title} · {segment.minutes} min".replace(
                "\u2019", "'"
            )
            checked += 1
    assert checked == sum(len(m.segments) for m in program.modules)


# -- plain-text fields ------------------------------------------------------------------------

HOSTILE = "T | *s* _u_ [l](x) `c` &amp; [^9] <b> 服务 قهوة"
"""A plain-text field that Markdown would rewrite: every character must reach the slide."""


def test_plain_text_fields_reach_the_slides_exactly_as_written(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)

    def put(name: str, old: str, new: str) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    put("mkdocs.yml", "title: Basic fixture", f"title: 'Deck {HOSTILE}'")
    put("mkdocs.yml", "organisation: Fixture Ltd", f"organisation: 'Org {HOSTILE}'")
    put("mkdocs.yml", "audience: Team leaders", f"audience: 'Aud {HOSTILE}'")
    put("mkdocs.yml", "break: Coffee", f"break: 'Break {HOSTILE}'")
    module = "modules/serve-first.yml"
    put(module, 'title: "Serve first: what servant leadership is"', f"title: 'Mod {HOSTILE}'")
    put(module, "  - name: Serve first, then lead", f"  - name: 'Pr {HOSTILE}'")
    put("exercises/listening-pairs.yml", "title: Listening pairs", f"title: 'Ex {HOSTILE}'")
    case = "modules/cases/southwest-airlines.yml"
    put(case, "title: Employees first at Southwest Airlines", f"title: 'Case {HOSTILE}'")
    put(case, "organisation: Southwest Airlines", f"organisation: 'CaseOrg {HOSTILE}'")
    (root / "x").write_text("a file the brackets name: still no link", encoding="utf-8")
    deck = open_deck(build(root, tmp_path / "out"))
    slides = list(deck.slides)
    assert title(slides[0]) == f"Deck {HOSTILE}"
    assert f"Aud {HOSTILE}" in list(shown_text(slides[0]))
    assert notes(slides[0]).splitlines()[:2] == [
        f"Deck {HOSTILE} · Org {HOSTILE}",
        f"Aud {HOSTILE}",
    ]
    titles = [squeeze(title(s)) for s in slides]
    for expected in (
        f"Mod {HOSTILE}",
        f"Pr {HOSTILE}",
        f"Break {HOSTILE}",
        f"Case: Case {HOSTILE}",
        f"Activity: Ex {HOSTILE}",
    ):
        assert expected in titles, (expected, titles)
    shown = [squeeze(t) for s in slides for t in shown_text(s)]
    assert any(t.startswith(f"CaseOrg {HOSTILE}") for t in shown), shown
    agenda = [cell for s in slides for cell in shown_text(s) if f"Mod {HOSTILE}" == cell]
    assert agenda  # the agenda row names the module as written
