"""The guide's materials list: every item the program uses, once, totalled for the group.

Quantities follow each item's scale. For ``program.group_size`` people:

- person: one per participant;
- pair: ``people // 2`` pairs (with an odd number, one pair is a triad);
- group: the groups of the activity's exercise, formed with its smallest group size, the
  remainder joining groups one person each (16 in triads: 5 groups, one of them of four;
  16 in groups of '4-6': 4 groups of four);
- table: ``ceil(people / table_size)`` tables;
- room: one.

Within an activity, uses of the same item add up (a flipchart per table plus one at the
front). Across activities, an item that is used up (``consumable``) adds up; any other
item serves every activity, so the busiest activity counts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Exercise, Program
from ..model.material import CatalogueItem, MaterialRef, MaterialUse
from .catalogue import resolve

KIND_ORDER = ["room", "equipment", "printed", "stationery", "prepared-flipchart", "other"]
KIND_LABELS = {
    "printed": "Printed",
    "stationery": "Stationery",
    "equipment": "Equipment",
    "prepared-flipchart": "Prepared flipcharts",
    "room": "Room",
    "other": "Other (free text, not in the catalogue)",
}
DEFAULT_PREPARE = {"room": "two-weeks", "prepared-flipchart": "day-before"}
SIZES = {"solo": 1, "pair": 2, "triad": 3}
ALL_DAY = "All day"
PER_LABELS = {
    "person": "per person",
    "pair": "per pair",
    "group": "per group",
    "table": "per table",
    "room": "per room",
}


@dataclass
class MaterialRow:
    """One line of the materials list."""

    key: str
    """The catalogue id, or ``text:<free text>`` for a deprecated free-text material."""
    name: str
    kind: str
    quantity: int
    basis: list[Basis]
    """How the quantity was counted: [(1, 'table', 4), (1, 'room', 1)] is one per table for
    four tables plus one for the room."""
    prepare: str
    """The horizon it must be ready by (two-weeks, one-week, day-before, on-the-day)."""
    optional: bool = True
    used_in: list[str] = field(default_factory=list)


Basis = tuple[int, str, int]
"""(quantity, per, how many of them): (2, 'person', 16)."""


@dataclass(frozen=True)
class Need:
    quantity: int
    basis: list[Basis]
    optional: bool


def group_count(people: int, smallest: int) -> int:
    """Groups of at least ``smallest`` people; leftovers join existing groups one each."""
    return max(1, people // max(1, smallest))


def smallest_group(exercise: Exercise | None) -> int | None:
    """The group size an activity is formed with, or None when it has none."""
    if exercise is None:
        return None
    if exercise.format == "plenary":
        return 0  # everyone together: one group
    if exercise.format in SIZES:
        return SIZES[exercise.format]
    return int((exercise.group_size or "4").split("-")[0])


def units(per: str, people: int, table_size: int, exercise: Exercise | None) -> int:
    """How many persons, pairs, groups, tables or rooms one activity counts for ``per``."""
    if per == "person":
        return people
    if per == "pair":
        return max(1, people // 2)
    tables = max(1, math.ceil(people / table_size))
    if per == "table":
        return tables
    if per == "group":
        size = smallest_group(exercise)
        if size is None:
            return tables  # no group size: counted per table (the checks warn)
        return 1 if size == 0 else group_count(people, size)
    return 1


def need(
    ref: MaterialRef, item: CatalogueItem, program: Program, exercise: Exercise | None
) -> Need:
    per = ref.per or item.per
    quantity = ref.quantity if ref.quantity is not None else item.quantity
    count = units(per, program.config.group_size, program.config.table_size, exercise)
    return Need(quantity * count, [(quantity, per, count)], ref.optional)


_COUNT = re.compile(r"^(\d+)\s+(.*)$")


def materials(program: Program) -> list[MaterialRow]:
    """One row per distinct item, in kind order, then by name."""
    rows: dict[str, MaterialRow] = {}
    for title, uses, exercise, legacy_groups in _activities(program):
        needs: dict[str, Need] = {}
        for use in uses:
            _add_use(program, use, exercise, legacy_groups, needs, rows, title)
        for key, n in needs.items():
            row = rows[key]
            consumable = key in program.catalogue and program.catalogue[key].consumable
            if consumable and row.used_in:
                row.quantity += n.quantity
                row.basis = row.basis + n.basis
            elif n.quantity > row.quantity or not row.used_in:
                row.quantity, row.basis = n.quantity, n.basis
            row.optional = row.optional and n.optional
            if ALL_DAY in row.used_in:
                continue  # needed all day: the activities add nothing to know
            if title == ALL_DAY:
                row.used_in = [ALL_DAY]
            elif title not in row.used_in:
                row.used_in.append(title)
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(rows.values(), key=lambda r: (order[r.kind], r.name.lower()))


def by_kind(rows: Sequence[MaterialRow]) -> list[tuple[str, list[MaterialRow]]]:
    """The rows grouped by kind, in kind order: [(kind, rows), ...]."""
    return [
        (k, [r for r in rows if r.kind == k]) for k in KIND_ORDER if any(r.kind == k for r in rows)
    ]


def _add_use(
    program: Program,
    use: MaterialUse,
    exercise: Exercise | None,
    legacy_groups: int,
    needs: dict[str, Need],
    rows: dict[str, MaterialRow],
    title: str,
) -> None:
    ref = resolve(use, program.catalogue)
    if ref is None:  # free text: counted as before, per group in an exercise
        text = str(use.item) if isinstance(use, MaterialRef) else use
        count, name = 1, text
        match = _COUNT.match(text)
        if match:
            count, name = int(match.group(1)), match.group(2)
        key = "text:" + name.lower().removeprefix("a ").removeprefix("an ").strip()
        rows.setdefault(key, MaterialRow(key, name, "other", 0, [], "one-week"))
        total = count * legacy_groups
        per = "group" if legacy_groups > 1 else "room"
        new = Need(total, [(count, per, legacy_groups)], False)
    else:
        item = program.catalogue[ref.item]
        key = ref.item
        prepare = item.prepare or DEFAULT_PREPARE.get(item.kind, "one-week")
        rows.setdefault(key, MaterialRow(key, item.name, item.kind, 0, [], prepare))
        new = need(ref, item, program, exercise)
    old = needs.get(key)
    if old is not None:  # the same item twice in one list: per table and at the front
        new = Need(
            old.quantity + new.quantity, old.basis + new.basis, old.optional and new.optional
        )
    needs[key] = new


def _activities(
    program: Program,
) -> list[tuple[str, list[MaterialUse], Exercise | None, int]]:
    """(used-in label, materials, exercise, groups for free text) per list of materials.

    A segment and the exercise it runs are one activity: their lists are merged so that
    an item both name is counted once."""
    people = program.config.group_size
    out: list[tuple[str, list[MaterialUse], Exercise | None, int]] = []
    if program.kit:
        out.append((ALL_DAY, list(program.kit), None, 1))
    for module in program.modules:
        short = module.title.split(":")[0]
        listed: set[str] = set()
        for segment in module.segments:
            exercise = program.exercises.get(segment.exercise) if segment.exercise else None
            uses = _merge(segment.materials, exercise.materials if exercise else [])
            if exercise is not None:
                listed.add(exercise.id)
            label = exercise.title.split(":")[0] if exercise else short
            if uses:
                groups = _legacy_groups(exercise, people) if exercise else 1
                out.append((label, uses, exercise, groups))
        for exercise in program.exercises_of(module):
            if exercise.id not in listed and exercise.materials:
                label = exercise.title.split(":")[0]
                out.append(
                    (label, list(exercise.materials), exercise, _legacy_groups(exercise, people))
                )
    return out


def _merge(first: Sequence[MaterialUse], second: Sequence[MaterialUse]) -> list[MaterialUse]:
    """The segment's list, then those of the exercise's items the segment does not name."""

    def key(use: MaterialUse) -> str:
        return use.item if isinstance(use, MaterialRef) else use.lower()

    named = {key(u) for u in first}
    return [*first, *(u for u in second if key(u) not in named)]


def _legacy_groups(exercise: Exercise, people: int) -> int:
    """How free-text exercise materials were always counted: one per group at work."""
    if exercise.format == "solo":
        return people
    if exercise.format == "plenary":
        return 1
    size = SIZES.get(exercise.format) or int((exercise.group_size or "4").split("-")[0])
    return max(1, math.ceil(people / size))
