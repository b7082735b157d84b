"""SF6xx: materials. Quantities a trainer would question before ordering or packing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..located import Located
from ..materials.catalogue import Catalogue, catalogue_of, resolve
from ..materials.totals import smallest_group
from ..model import Exercise
from ..model.material import MaterialUse
from ..yamlio import Loc
from .registry import Finding, LintContext, rule

MOST = 50
"""More than this many of anything per person, pair, group or table is taken as a typo."""


@rule(
    code="SF601",
    name="implausible-material-quantity",
    family="materials",
    fix="correct the quantity or how it scales",
)
def implausible_quantity(ctx: LintContext) -> Iterator[Finding]:
    """A material quantity of 0, more than 50 per person, pair, group or table, or an item
    counted per group where the activity forms no groups (a segment without an exercise,
    or a solo exercise). Free-text materials are left to the loader's deprecation warning."""
    catalogue = catalogue_of(ctx.plugin.item)
    yield from _check(ctx, catalogue, ctx.plugin.item.materials, ctx.plugin, ("materials",), None)
    used: set[str] = set()
    for module in ctx.modules:
        for s, segment in enumerate(module.item.segments):
            located = ctx.exercises.get(segment.exercise) if segment.exercise else None
            exercise = located.item if located else None
            path: Loc = ("segments", s, "materials")
            yield from _check(ctx, catalogue, segment.materials, module, path, exercise)
        used.update(module.item.exercises)
    for exercise_id in sorted(used):
        if (ex := ctx.exercises.get(exercise_id)) is not None:
            yield from _check(ctx, catalogue, ex.item.materials, ex, ("materials",), ex.item)


def _check(
    ctx: LintContext,
    catalogue: Catalogue,
    uses: Sequence[MaterialUse],
    located: Located[Any],
    path: Loc,
    exercise: Exercise | None,
) -> Iterator[Finding]:
    for j, use in enumerate(uses):
        ref = resolve(use, catalogue)
        if ref is None:
            continue
        item = catalogue[ref.item]
        per = ref.per or item.per
        quantity = ref.quantity if ref.quantity is not None else item.quantity
        found = _quantity(ref.item, per, quantity)
        if found is None and per == "group" and _no_groups(exercise):
            activity = "this segment runs no exercise" if exercise is None else "it is solo"
            found = (
                f"'{ref.item}' is counted per group, but {activity} with a group size, so it "
                "is counted per table",
                "say per: table or per: room, or run it in an exercise with a group size",
            )
        if found is not None:
            yield ctx.at(located, (*path, j), *found)


def _quantity(item: str, per: str, quantity: int) -> tuple[str, str] | None:
    if quantity == 0:
        return (
            f"'{item}': quantity 0 per {per} means none is needed",
            "give at least 1, or remove it",
        )
    if per != "room" and quantity > MOST:
        return (
            f"'{item}': {quantity} per {per} is implausible",
            f"give at most {MOST} per {per}, or count it per room",
        )
    return None


def _no_groups(exercise: Exercise | None) -> bool:
    size = smallest_group(exercise)
    return size is None or size == 1
