"""The facilitator guide's materials checklist and preparation horizons, read back from the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ..conftest import REPO, Built, copy_fixture, run_cli


def text_of(pdf: Path) -> str:
    """The whole document's text, with every run of whitespace made one space."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))


def between(text: str, start: str, end: str) -> str:
    first = text.index(start)
    return text[first : text.index(end, first)]


@pytest.fixture(scope="module")
def guide_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("materials") / "out"
    result = run_cli("build", REPO, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    return Built(REPO, out)


@pytest.fixture(scope="module")
def materials_text(guide_build: Built) -> str:
    return between(text_of(guide_build.guide), "Quantities are for 16 participants", "Room set-up")


@pytest.mark.parametrize(
    "row",
    [
        "Participant workbook 16 1 per person × 16 One week before All day",
        "Evaluation form 16 1 per person × 16 The day before Making it stick",
        "Name card 16 1 per person × 16",
        "Pen 16 1 per person × 16",
        "Chair 16 1 per person × 16 Two weeks before",
        "Table for cabaret seating 4 1 per table × 4",
        "Flipchart stand 5 1 per table × 4 + 1 per room",
        "Flipchart pad 5 1 per table × 4 + 1 per room",
        "Flipchart marker 12 2 per table × 4 + 4 per room",
        "Masking tape 2 2 per room",
        "Projector and screen (or a large display) 1 1 per room Two weeks before All day",
        "Sticky dot (two colours) 32 2 per person × 16",
        "Sticky-note pad (optional) 8 1 per pair × 8",
        "Visible timer (a phone on a stand or a slide) 1 1 per room",
    ],
)
def test_the_default_guide_totals_each_item_for_sixteen(materials_text: str, row: str) -> None:
    # pypdf drops the gap between some table cells, so compare without spaces: the cells'
    # contents must still follow each other in this order, on one row
    assert row.replace(" ", "") in materials_text.replace(" ", "")


def test_one_row_per_distinct_item(materials_text: str) -> None:
    assert materials_text.count("Visible timer") == 1
    assert len(re.findall(r"\bPen 16\b", materials_text)) == 1
    assert materials_text.count("Participant workbook") == 1
    assert materials_text.count("Evaluation form") == 1
    for gone in ("line-of-sight map from", "one per participant", "a timer", "Workbook and pen"):
        assert gone not in materials_text


def test_the_list_is_grouped_by_kind_with_tick_boxes(materials_text: str) -> None:
    headings = ["Room Item", "Equipment Item", "Printed Item", "Stationery Item"]
    positions = [materials_text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Prepared flipcharts Item" in materials_text
    assert "Ready by" in materials_text and "Counted" in materials_text


def test_tasks_are_under_their_own_horizon(guide_build: Built) -> None:
    prep = between(text_of(guide_build.guide), "Tick each task as you do it.", "Quantities are")
    cards = prep.index("Leave the dotted cards up after the session")
    assert prep.index("On the day") < cards < prep.index("After the workshop")
    assert prep.index("After the workshop") < prep.index("Send the 30-day reminder")


def test_participants_see_what_they_hold_and_not_the_kit(guide_build: Built) -> None:
    workbook = text_of(guide_build.workbook)
    assert "You need: participant workbook and pen." in workbook  # a list in a sentence
    assert "Visible timer" not in workbook
    assert "Flipchart" not in workbook


def test_a_dated_program_prints_real_prepare_by_dates(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "        audience: Team leaders\n",
            '        audience: Team leaders\n        date: "2026-03-14"\n',
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-site", "--no-slides").code == 0
    guide = text_of(out / "pdf/facilitator-guide.pdf")
    assert "Two weeks before (28 February 2026)" in guide
    assert "The day before (13 March 2026)" in guide
    materials = between(guide, "Quantities are for 16 participants", "Room set-up")
    assert "Two pyramids on a flipchart sheet 1 1 per room 13 March 2026" in materials


def test_an_old_program_folder_still_builds(tmp_path: Path) -> None:
    """Free-text materials and plain tasks, as every program folder had them before."""
    root = copy_fixture("basic", tmp_path)
    exercise = root / "exercises/listening-pairs.yml"
    module = root / "modules/serve-first.yml"
    exercise.write_text(
        re.sub(
            r"materials: \[.*\]",
            "materials: [Workbook, pen, a timer]",
            exercise.read_text(encoding="utf-8"),
        ),
        encoding="utf-8",
    )
    text = module.read_text(encoding="utf-8")
    text = text.replace("materials: [pyramid-sheet]", "materials: [Slide with the two pyramids]")
    text = re.sub(
        r"  preparation:\n(    .*\n)+",
        "  preparation:\n"
        "    - Print the two pyramids on a flipchart sheet, one of them upside down.\n"
        '    - "After the workshop: send the slides."\n',
        text,
    )
    module.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert result.code == 0, result.err
    guide = text_of(out / "pdf/facilitator-guide.pdf")
    other = between(guide, "Other (free text, not in the catalogue)", "Room set-up")
    assert "Slide with the two pyramids 1 1 per room" in other
    assert "a timer 8 1 per group × 8" in other
    prep = between(guide, "Tick each task as you do it.", "Quantities are")
    assert prep.index("After the workshop") < prep.index("Send the slides.")
    assert prep.index("The day before") < prep.index("Print the two pyramids")
    workbook = text_of(out / "pdf/participant-workbook.pdf")
    assert "You need: workbook, pen and a timer." in workbook  # "pen" is a catalogue id
