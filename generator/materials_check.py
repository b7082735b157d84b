"""Design check SF301: implausible material quantities.

Written standalone for the design linter (``generator/lint/``) to register: it takes a
loaded :class:`~generator.model.Program` and returns located problems. The code of every
finding is :data:`CODE`; the messages do not repeat it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from .errors import Problem, display_path
from .library import LIBRARY_LABEL, library_root
from .materials.catalogue import resolve
from .materials.totals import smallest_group
from .model import Exercise, Program
from .model.material import MaterialUse
from .yamlio import LineMap, Loc, YamlProblem, dotted, load_yaml, read_text

CODE = "SF301"
MOST = 50
"""More than this many of anything per person, pair, group or table is taken as a typo."""

Locate = Callable[[str, str, Loc], tuple[str, int | None]]
"""(kind 'module', 'exercise' or 'config', id, path in the file) -> (file, line)."""


def check_material_quantities(program: Program, locate: Locate | None = None) -> list[Problem]:
    """Findings of SF301 for every material the program's modules, exercises and day-wide
    kit use: a quantity of 0, more than 50 per person, pair, group or table, or an item
    counted per group where the activity forms no groups (a segment without an exercise,
    or a solo exercise). Free-text materials are left to the loader's deprecation warning.

    ``locate`` finds the file and line of a value; by default the program folder's
    ``modules/`` and ``exercises/`` are read again, then the built-in library's."""
    where = locate or file_locator(program.root)
    found: list[Problem] = []

    def check(
        uses: Sequence[MaterialUse],
        kind: str,
        item_id: str,
        path: Loc,
        ex: Exercise | None,
    ) -> None:
        for j, use in enumerate(uses):
            ref = resolve(use, program.catalogue)
            if ref is None:
                continue
            item = program.catalogue[ref.item]
            per = ref.per or item.per
            quantity = ref.quantity if ref.quantity is not None else item.quantity
            message = _quantity_message(ref.item, per, quantity)
            if message is None and per == "group" and _no_groups(ex):
                message = (
                    f"'{ref.item}' is counted per group, but "
                    + ("this segment runs no exercise" if ex is None else "this exercise is solo")
                    + " with a group size, so it is counted per table; say per: table or "
                    "per: room, or run it in an exercise with a group size"
                )
            if message is not None:
                loc = (*path, j)
                file, line = where(kind, item_id, loc)
                found.append(Problem(file, line, dotted(loc), message))

    check(program.kit, "config", "", ("materials",), None)
    for module in program.modules:
        for s, segment in enumerate(module.segments):
            ex = program.exercises.get(segment.exercise) if segment.exercise else None
            check(segment.materials, "module", module.id, ("segments", s, "materials"), ex)
    for exercise in program.exercises.values():
        check(exercise.materials, "exercise", exercise.id, ("materials",), exercise)
    return found


def _quantity_message(item: str, per: str, quantity: int) -> str | None:
    if quantity == 0:
        return f"'{item}': quantity 0 per {per} means none is needed; give at least 1, or remove it"
    if per != "room" and quantity > MOST:
        return (
            f"'{item}': {quantity} per {per} is implausible; give at most {MOST} per {per}, "
            "or count it per room"
        )
    return None


def _no_groups(exercise: Exercise | None) -> bool:
    size = smallest_group(exercise)
    return size is None or size == 1


def file_locator(root: Path) -> Locate:
    """Find values in the program folder's files, then in the built-in library's."""
    library = library_root()

    @cache
    def lines_of(path: Path) -> LineMap | None:
        try:
            return load_yaml(read_text(path, path.name), path.name).lines
        except YamlProblem:
            return None

    def locate(kind: str, item_id: str, loc: Loc) -> tuple[str, int | None]:
        if kind == "config":
            path = root / "mkdocs.yml"
            lines = lines_of(path)
            line = _config_line(lines, loc) if lines else None
            return "mkdocs.yml", line
        folder = "modules" if kind == "module" else "exercises"
        for base, label in ((root, None), (library, LIBRARY_LABEL)):
            if base is None:
                continue
            path = base / folder / f"{item_id}.yml"
            if path.is_file():
                lines = lines_of(path)
                shown = display_path(path, base)
                shown = f"{label}/{shown}" if label else shown
                return shown, lines.line_of(loc) if lines else None
        return f"{folder}/{item_id}.yml", None

    return locate


def _config_line(lines: LineMap, loc: Loc) -> int | None:
    """The line of ``loc`` under the servefirst plugin's options in mkdocs.yml."""
    for key in lines.lines:
        if len(key) == 3 and key[0] == "plugins" and key[2] == "servefirst":
            return lines.line_of((*key, *loc))
    return None
