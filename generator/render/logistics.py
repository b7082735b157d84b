"""What a trainer needs before the day: preparation by horizon (materials: see
:mod:`generator.materials.totals`). Derived from the content, so it stays right when
modules change.
"""

from __future__ import annotations

from collections.abc import Callable

from ..materials.horizons import HORIZON_LABELS, split_task
from ..materials.totals import materials
from ..model import Program

HORIZONS = HORIZON_LABELS

MATERIALS_TASK = "Gather the materials in the list below; test any slides and videos."
NO_MATERIALS_TASK = "Test any slides and videos."
# Program-wide tasks every delivery needs, by horizon; module tasks are added to these.
STANDARD_TASKS = {
    "two-weeks": [
        "Confirm the room, the date and the participant list; send joining instructions.",
        "Read the whole guide once, and each module's cases and exercises in full.",
    ],
    "one-week": [
        "Print {copies} participant workbooks (one each plus two spares).",
        MATERIALS_TASK,
    ],
    "day-before": ["Rehearse the openings and transitions; mark your timings in this guide."],
    "on-the-day": [
        "Arrive an hour early; set the room as described below.",
        "Put a workbook and a pen at every seat; write the agenda on a flipchart.",
    ],
    "after": [
        "Collect the evaluation forms; read them within a week.",
        "Send a reminder before each 30, 60 and 90-day check-in.",
    ],
}


def preparation(program: Program, gettext: Callable[[str], str]) -> dict[str, list[str]]:
    copies = program.config.group_size + 2
    standard = dict(STANDARD_TASKS)
    if not materials(program):  # the guide then has no materials list to point to
        standard["one-week"] = [
            NO_MATERIALS_TASK if t == MATERIALS_TASK else t for t in standard["one-week"]
        ]
    plan = {h: [gettext(t).format(copies=copies) for t in tasks] for h, tasks in standard.items()}
    for module in program.modules:
        for task in module.facilitator.preparation:
            horizon, text = split_task(task)
            plan[horizon].append(f"{text} ({module.title.split(':')[0]})")
    return plan


def formats_used(program: Program) -> list[str]:
    seen: list[str] = []
    for module in program.modules:
        for exercise in program.exercises_of(module):
            if exercise.format not in seen:
                seen.append(exercise.format)
    return seen
