"""SF1xx: objectives and what practises them."""

from __future__ import annotations

from collections.abc import Iterator

from . import links
from .registry import Finding, LintContext, rule


@rule(
    code="SF101",
    name="objective-without-activity",
    family="objectives",
    fix="add its number to the practises list of the segment that practises it, "
    "or add an activity, or drop the objective",
)
def objective_without_activity(ctx: LintContext) -> Iterator[Finding]:
    """A module objective that no segment practises: no segment names it in
    ``practises``, or, in a module that links none, no segment shares two key words with it.

    An objective that lost its activity to a ``customise`` drop is SF501's."""
    exercises = {k: v.item for k, v in ctx.exercises.items()}
    cases = {k: v.item for k, v in ctx.cases.items()}
    for located in ctx.modules:
        module = located.item
        before = ctx.originals.get(module.id, located).item
        was = links.practised(before, exercises, cases)
        for index, segments in links.practised(module, exercises, cases).items():
            if segments or (before is not module and was.get(index)):
                continue
            how = (
                "no segment's practises names it"
                if links.explicit(module)
                else "no segment, exercise or case shares its key words"
            )
            yield ctx.at(
                located,
                ("objectives", index),
                f"objective {index + 1} '{links.short(module.objectives[index])}' is "
                f"practised by no activity ({how})",
                "add its number to the practises list of the segment that practises it, "
                "or add an activity, or drop the objective",
            )


@rule(
    code="SF102",
    name="outcome-never-evaluated",
    family="objectives",
    fix="link it from the outcomes of the module whose objectives lead to it, or drop it",
)
def outcome_never_evaluated(ctx: LintContext) -> Iterator[Finding]:
    """A program outcome that no objective of a planned module links to: the end-of-day
    evaluation rates only linked outcomes, so nothing would measure it."""
    linked = {o for m in ctx.modules for o, numbers in m.item.outcomes.items() if numbers}
    for i, outcome in enumerate(ctx.config.outcomes):
        if outcome.id not in linked:
            yield ctx.in_config(
                ("program", "outcomes", i),
                f"outcome '{outcome.id}' is linked to no objective of a planned module, so "
                "the end-of-day evaluation does not ask about it",
                "link it from the outcomes of the module whose objectives lead to it, or drop it",
            )
