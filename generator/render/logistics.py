"""What a trainer needs before the day: preparation by horizon, materials with quantities.

Both are derived from the content, so they stay right when modules change.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Exercise, Program

HORIZONS = {
    "two-weeks": "Two weeks before",
    "one-week": "One week before",
    "day-before": "The day before",
    "on-the-day": "On the day",
    "after": "After the workshop",
}
_PREFIXES = [
    (re.compile(r"^(two|2) weeks? (before|ahead)\b[:,.]?\s*", re.I), "two-weeks"),
    (re.compile(r"^(one|1|a) weeks? (before|ahead)\b[:,.]?\s*", re.I), "one-week"),
    (re.compile(r"^(the )?(day|evening|night) before\b[:,.]?\s*", re.I), "day-before"),
    (
        re.compile(
            r"^(on the day|on arrival|before (participants|people) arrive)\b[:,.]?\s*", re.I
        ),
        "on-the-day",
    ),
    (re.compile(r"^after( the (workshop|day|session))?\b[:,.]?\s*", re.I), "after"),
]

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


@dataclass
class MaterialLine:
    item: str
    quantity: int
    used_in: list[str] = field(default_factory=list)


def horizon_of(task: str) -> tuple[str, str]:
    """Split 'Two weeks before: do X' into ('two-weeks', 'Do X'); default: the day before."""
    for pattern, horizon in _PREFIXES:
        match = pattern.match(task)
        if match and match.end() < len(task):
            rest = task[match.end() :]
            return horizon, rest[:1].upper() + rest[1:]
    return "day-before", task


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
            horizon, text = horizon_of(task)
            plan[horizon].append(f"{text} ({module.title.split(':')[0]})")
    return plan


def groups(exercise: Exercise, people: int) -> int:
    """How many groups (or individuals) work at once in an exercise."""
    if exercise.format == "solo":
        return people
    if exercise.format == "plenary":
        return 1
    size = {"pair": 2, "triad": 3}.get(exercise.format)
    if size is None:
        size = int((exercise.group_size or "4").split("-")[0])
    return max(1, math.ceil(people / size))


_COUNT = re.compile(r"^(\d+)\s+(.*)$")


def materials(program: Program) -> list[MaterialLine]:
    """Every material of every exercise, with the quantity needed at the busiest moment."""
    lines: dict[str, MaterialLine] = {}
    for module in program.modules:
        for exercise in program.exercises_of(module):
            for item in exercise.materials:
                count, name = 1, item
                match = _COUNT.match(item)
                if match:
                    count, name = int(match.group(1)), match.group(2)
                key = name.lower().removeprefix("a ").removeprefix("an ").strip()
                quantity = count * groups(exercise, program.config.group_size)
                line = lines.setdefault(key, MaterialLine(name, 0))
                line.quantity = max(line.quantity, quantity)
                if exercise.title not in line.used_in:
                    line.used_in.append(exercise.title)
    kit: dict[str, MaterialLine] = {}
    for module in program.modules:
        for segment in module.segments:
            for item in segment.materials:
                kit.setdefault(item.lower(), MaterialLine(item, 1)).used_in.append(
                    module.title.split(":")[0]
                )
    return sorted(lines.values(), key=lambda m: m.item.lower()) + sorted(
        (m for k, m in kit.items() if k not in lines), key=lambda m: m.item.lower()
    )


def formats_used(program: Program) -> list[str]:
    seen: list[str] = []
    for module in program.modules:
        for exercise in program.exercises_of(module):
            if exercise.format not in seen:
                seen.append(exercise.format)
    return seen
