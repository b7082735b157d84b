"""The materials catalogue: the shipped items, the program's own, and checked references.

The shipped catalogue is ``catalogue.yml`` beside this file. A program adds items, or
replaces one by its id, under ``catalogue:`` beside ``program:`` in mkdocs.yml, and lists
what the whole day needs (not one activity) under ``materials:`` there.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from ..errors import Problem
from ..located import Located
from ..model import Exercise, Module, PluginConfig, Program
from ..model.material import CatalogueItem, MaterialRef, MaterialUse, PrepTask
from ..yamlio import LineMap, Loc, dotted, load_yaml
from .horizons import HORIZON_LABELS, horizon_of

Catalogue = dict[str, CatalogueItem]


@cache
def shipped() -> Catalogue:
    """The built-in catalogue, id -> item. Raises ValueError if the shipped file is broken."""
    text = (files(__package__) / "catalogue.yml").read_text(encoding="utf-8")
    data = load_yaml(text, "catalogue.yml").data
    if not isinstance(data, dict):
        raise ValueError("catalogue.yml must map ids to items")
    return {str(key): CatalogueItem.model_validate(value) for key, value in data.items()}


def catalogue_of(plugin: PluginConfig) -> Catalogue:
    """The shipped catalogue with the program's own items added (same id: the program's)."""
    return {**shipped(), **plugin.catalogue}


def resolve(use: MaterialUse, catalogue: Catalogue) -> MaterialRef | None:
    """The catalogue reference a material stands for; None for free text (deprecated)."""
    if isinstance(use, MaterialRef):
        return use if use.item in catalogue else None
    return MaterialRef(item=use) if use in catalogue else None


def display_name(use: MaterialUse, catalogue: Catalogue) -> str:
    """The name to print for a material: the catalogue's name, or the free text as written."""
    ref = resolve(use, catalogue)
    return catalogue[ref.item].name if ref else str(use)


def check_materials(
    plugin: Located[PluginConfig],
    modules: Sequence[Located[Module]],
    exercises: Sequence[Located[Exercise]],
    problems: list[Problem],
    warnings: list[Problem],
) -> None:
    """Unknown ids in ``{item: ...}`` are problems; free text and tasks without a horizon
    are deprecation warnings. Each names the file, line and field."""
    catalogue = catalogue_of(plugin.item)
    sheet = Sheet(plugin.file, plugin.lines, catalogue, problems, warnings)
    sheet.uses(plugin.item.materials, ("materials",))
    for module in modules:
        sheet = Sheet(module.file, module.lines, catalogue, problems, warnings)
        for s, segment in enumerate(module.item.segments):
            sheet.uses(segment.materials, ("segments", s, "materials"))
        for t, task in enumerate(module.item.facilitator.preparation):
            if not isinstance(task, PrepTask):
                sheet.plain_task(task, ("facilitator", "preparation", t))
    for exercise in exercises:
        sheet = Sheet(exercise.file, exercise.lines, catalogue, problems, warnings)
        sheet.uses(exercise.item.materials, ("materials",))


class Sheet:
    """Checks the materials of one file against the catalogue."""

    def __init__(
        self,
        file: str,
        lines: LineMap,
        catalogue: Catalogue,
        problems: list[Problem],
        warnings: list[Problem],
    ) -> None:
        self.file, self.lines, self.catalogue = file, lines, catalogue
        self.problems, self.warnings = problems, warnings

    def uses(self, uses: Sequence[MaterialUse], where: Loc) -> None:
        for i, use in enumerate(uses):
            loc = (*where, i)
            if isinstance(use, MaterialRef):
                if use.item not in self.catalogue:
                    self.problems.append(
                        self._at((*loc, "item"), unknown_item(use.item, self.catalogue))
                    )
            elif use not in self.catalogue:
                self.warnings.append(self._at(loc, free_text_warning(use, self.catalogue)))

    def plain_task(self, task: str, loc: Loc) -> None:
        horizon, _ = horizon_of(task)
        self.warnings.append(
            self._at(
                loc,
                "a preparation task without a horizon is deprecated and is placed by its "
                f"wording under '{HORIZON_LABELS[horizon]}'; write it as "
                f"{{task: ..., horizon: {horizon}}}",
            )
        )

    def _at(self, loc: Loc, message: str) -> Problem:
        return Problem(self.file, self.lines.line_of(loc), dotted(loc), message)


def unknown_item(item: str, catalogue: Catalogue) -> str:
    """'unknown catalogue item 'timr'; did you mean 'timer'?' or how to add it."""
    close = difflib.get_close_matches(item, sorted(catalogue), n=1)
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else "add it under 'catalogue:' in mkdocs.yml (name, kind, per, quantity)"
    )
    return f"unknown catalogue item '{item}'; {hint}"


def free_text_warning(text: str, catalogue: Catalogue) -> str:
    """The deprecation warning for a material written as free text."""
    matches = suggest(text, catalogue)
    shown = text if len(text) <= 60 else text[:57] + "..."
    if matches:
        refs = ", ".join(f"{{item: {m}}}" for m in matches)
        hint = f"write it as a catalogue reference: {refs}"
    else:
        hint = (
            "add the item under 'catalogue:' in mkdocs.yml and refer to it by its id, "
            "or move it to the instructions if participants bring it"
        )
    return f"free-text material '{shown}' is deprecated; {hint}"


_WORD = re.compile(r"[a-z0-9]+")


def suggest(text: str, catalogue: Catalogue) -> list[str]:
    """Catalogue ids whose every word occurs in the text (singular or plural), in text order."""
    words = set(_WORD.findall(text.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")}
    found: list[tuple[int, str]] = []
    lowered = text.lower()
    for item_id in catalogue:
        parts = item_id.split("-")
        if all(p in words or p.rstrip("s") in words for p in parts):
            found.append((lowered.find(parts[0].rstrip("s")), item_id))
    chosen = [item for _, item in sorted(found)]
    # 'flipchart-pad' beats 'flipchart' alone; keep only the most specific ids.
    return [a for a in chosen if not any(b != a and b.startswith(a + "-") for b in chosen)]


def used_ids(program: Program) -> set[str]:
    """The ids of the catalogue items the program's day-wide kit, modules and exercises use."""
    uses = [*program.kit]
    uses += [use for m in program.modules for s in m.segments for use in s.materials]
    uses += [use for e in program.exercises.values() for use in e.materials]
    return {ref.item for use in uses if (ref := resolve(use, program.catalogue)) is not None}
