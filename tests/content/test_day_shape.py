"""The default day as a senior facilitator would run it (issue 15): outcomes practised and
evaluated, debrief time in every exercise, a break every 90 minutes, finished by 17:00,
and a running-late table in the printed guide whose savings add up."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.follow_up import outcome_statements
from generator.lint import links
from generator.lint.timing import LONGEST_STRETCH, MINUTES_PER_QUESTION
from generator.loader import load_program
from generator.model import Program
from generator.model.participant import participant_view
from generator.model.program import clock_minutes
from generator.render import pdf
from generator.running_late import running_late
from generator.schedule import build_agenda

from ..conftest import REPO

SAVES = re.compile(r"(\d+) min\b")
Write = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture(scope="module")
def program() -> Program:
    return load_program(REPO)


@pytest.fixture(scope="module")
def printed(
    program: Program, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, pdf.RenderedPdf]:
    """The default workbook and guide, rendered once (no site, no slides)."""
    out = tmp_path_factory.mktemp("day-shape")
    workbook = pdf.render_workbook(participant_view(program), out / "wb.pdf", program.root)
    guide = pdf.render_facilitator(program, workbook.anchors, out / "guide.pdf")
    return {"workbook": workbook, "guide": guide}


def page_text(path: Path, page: int) -> str:
    """The text of one page (1-based), whitespace collapsed, typographic apostrophes plain."""
    text = PdfReader(path).pages[page - 1].extract_text().replace("\u2019", "'")
    return " ".join(text.split())


def test_about_six_outcomes_each_practised_by_an_activity_and_evaluated(
    program: Program,
) -> None:
    outcomes = program.config.outcomes
    assert 5 <= len(outcomes) <= 7
    evaluated = outcome_statements(program)
    for outcome in outcomes:
        practising = [
            segment.title
            for module in program.modules
            for index, segments in links.practised(module, program.exercises, program.cases).items()
            if index + 1 in module.outcomes.get(outcome.id, [])
            for segment in (module.segments[s] for s in segments)
            if segment.exercise or segment.case or segment.method in {"discussion", "assessment"}
        ]
        assert practising, f"{outcome.id}: no activity practises it"
        assert outcome.statement in evaluated, f"{outcome.id}: not on the evaluation"


def test_the_printed_evaluation_rates_every_outcome(
    program: Program, printed: dict[str, pdf.RenderedPdf]
) -> None:
    guide = printed["guide"]
    start = guide.anchors["evaluation"]
    text = " ".join(page_text(guide.path, p) for p in range(start, start + 2))
    for outcome in program.config.outcomes:
        assert " ".join(outcome.statement.split()) in text


def test_every_exercise_segment_leaves_time_for_its_debrief(program: Program) -> None:
    for module in program.modules:
        for segment in module.segments:
            if not segment.exercise:
                continue
            exercise = program.exercises[segment.exercise]
            questions = len(segment.facilitator.debrief) + len(exercise.facilitator.debrief)
            left = segment.minutes - exercise.minutes
            assert questions >= 1, segment.title
            assert left >= questions * MINUTES_PER_QUESTION, (
                f"{module.id}: '{segment.title}' leaves {left} minutes for {questions} questions"
            )


def test_the_day_ends_by_five_with_a_break_every_ninety_minutes(program: Program) -> None:
    agenda = build_agenda(program.config, program.modules)
    assert agenda.days == 1
    assert agenda.slots[0].start == "09:00"
    assert clock_minutes(agenda.slots[-1].end) <= clock_minutes("17:00")
    run = 0
    for slot in agenda.slots:
        run = 0 if slot.kind == "break" else run + slot.minutes
        assert run <= LONGEST_STRETCH, f"{slot.start}: {run} minutes without a break"


def test_the_welcome_has_room_for_sixteen_introductions(program: Program) -> None:
    welcome = program.modules[0].segments[0]
    assert program.config.group_size == 16
    assert welcome.minutes >= 12
    said = " ".join(welcome.facilitator.say + welcome.facilitator.do).lower()
    for part in ("introduce yourself", "housekeeping", "outcomes", "ground rules", "parking lot"):
        assert part in said


def test_the_running_late_table_is_in_the_guide_and_its_savings_add_up(
    program: Program, printed: dict[str, pdf.RenderedPdf]
) -> None:
    guide = printed["guide"]
    (day,) = running_late(program, build_agenda(program.config, program.modules))
    assert len(day.cuts) >= 5
    assert [c.order for c in day.cuts] == sorted(c.order for c in day.cuts)
    marked = [
        s.facilitator.if_late.saves
        for m in program.modules
        for s in m.segments
        if s.facilitator.if_late is not None
    ]
    assert day.total == sum(marked) == sum(c.saves for c in day.cuts)

    page = guide.anchors["running-late"]
    text = " ".join(page_text(guide.path, p) for p in (page, page + 1))
    assert text.startswith("If you are running late")
    # pypdf may split a kerned "To" ("T otal").
    rows, total = re.split(r"T\s?otal if you make every cut", text)
    printed_saves = [int(n) for n in SAVES.findall(rows)]
    assert printed_saves == [c.saves for c in day.cuts]
    assert int(SAVES.findall(total)[0]) == sum(printed_saves) == day.total
    # The first cut is listed before the last, by title, as the order says.
    assert rows.index(day.cuts[0].segment.split(":")[0]) < rows.index(day.cuts[-1].how[:20])


def test_the_guide_states_the_triads_rule_for_sixteen(
    printed: dict[str, pdf.RenderedPdf],
) -> None:
    guide = printed["guide"]
    text = " ".join(page_text(guide.path, p) for p in range(1, len(PdfReader(guide.path).pages)))
    assert "With 16 people you have four threes and one group of four" in text
    assert "Round 4: D gives feedback to A" in text


def test_the_day_on_a_card_is_one_page_of_the_workbook(
    program: Program, printed: dict[str, pdf.RenderedPdf]
) -> None:
    workbook = printed["workbook"]
    text = page_text(workbook.path, workbook.anchors["day-on-a-card"])
    assert "The day on a card" in text
    for module in program.modules:
        assert " ".join(module.takeaways[0].split())[:40] in text
    assert "My check-in partner, and how to reach them" in text
    assert "My 90-day check with my team is on" in text  # the last line, on the same page


def test_the_self_check_reads_the_profile_and_sets_a_team_baseline(program: Program) -> None:
    check = program.exercises["ten-characteristics-self-assessment"]
    rows = [r for f in check.worksheet if f.kind == "table" for r in f.rows]  # type: ignore[union-attr]
    assert not any("Total" in str(r) for r in rows)
    assert "read the profile" not in (check.scoring or "") or "total" not in (check.scoring or "")
    team = next(f for f in check.worksheet if f.kind == "table" and "90-day" in f.label)
    assert team.rows == ["My highest item:", "My lowest item:", "One team measure I chose:"]
    plan = program.exercises["action-plan"]
    assert any("check-in partner" in f.label and "phone" in f.label for f in plan.worksheet)


LATE = """      if_late: {saves: %d, how: "%s", order: %d}
"""


def test_cuts_sort_by_order_then_by_the_clock(write_files: Write) -> None:
    module = (REPO / "tests/fixtures/basic/modules/serve-first.yml").read_text(encoding="utf-8")
    module = module.replace(
        "    facilitator:\n      say:\n        - Read the Greenleaf",
        "    facilitator:\n" + LATE % (6, "跳过讨论 — اختصر النقاش", 2) + "      say:\n"
        "        - Read the Greenleaf",
    )
    module = module.replace(  # the fixture's own cut, on the case segment
        'if_late: {saves: 5, how: "Take one question for the whole room, not one per table."',
        'if_late: {saves: 9, how: "Tell the story yourself; Ольга\'s version."',
    )
    module = module.replace(
        "      do: [Pair people who do not work together.]",
        "      do: [Pair people who do not work together.]\n" + LATE % (4, "Halve it 🙂", 2),
    )
    root = write_files({"modules/serve-first.yml": module})
    loaded = load_program(root)
    (day,) = running_late(loaded, build_agenda(loaded.config, loaded.modules))
    assert [(c.start, c.saves, c.order) for c in day.cuts] == [
        ("09:25", 9, 1),
        ("09:10", 6, 2),
        ("09:40", 4, 2),
    ]
    assert day.total == 19
    html = pdf.facilitator_html(loaded, {})
    soup = BeautifulSoup(html, "html.parser")
    section = soup.find(id="running-late")
    assert section is not None
    cells = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in section.find_all("tr")
    ]
    assert cells[1][3] == "Tell the story yourself; Ольга\u2019s version."
    assert cells[2][3] == "跳过讨论 — اختصر النقاش"
    assert cells[-1][-1] == "19 min"
    assert soup.find("a", href="#running-late") is not None  # the contents lists it


def test_a_day_without_cuts_has_no_running_late_table(write_files: Write) -> None:
    module = (REPO / "tests/fixtures/basic/modules/serve-first.yml").read_text(encoding="utf-8")
    cut = re.search(r",\n +if_late: \{.*\}\}\n", module)
    assert cut is not None
    module = module.replace(cut.group(0), "}\n")
    loaded = load_program(write_files({"modules/serve-first.yml": module}))
    assert running_late(loaded, build_agenda(loaded.config, loaded.modules)) == []
    soup = BeautifulSoup(pdf.facilitator_html(loaded, {}), "html.parser")
    assert soup.find(id="running-late") is None
    assert soup.find("a", href="#running-late") is None
