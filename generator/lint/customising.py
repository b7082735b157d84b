"""SF5xx: what a program's ``customise`` option does to a library module."""

from __future__ import annotations

from collections.abc import Iterator

from . import links
from .registry import Finding, LintContext, rule


@rule(
    code="SF501",
    name="drop-orphans-objective",
    family="customising",
    fix="keep the segment, or copy the module into the program and drop the objective too",
)
def drop_orphans_objective(ctx: LintContext) -> Iterator[Finding]:
    """A segment dropped with ``customise`` that was the only activity practising one
    of the module's objectives."""
    exercises = {k: v.item for k, v in ctx.exercises.items()}
    cases = {k: v.item for k, v in ctx.cases.items()}
    planned = {m.item.id: m.item for m in ctx.modules}
    for module_id, change in ctx.config.customise.items():
        original = ctx.originals.get(module_id)
        if original is None or module_id not in planned:
            continue
        before = links.practised(original.item, exercises, cases)
        after = links.practised(planned[module_id], exercises, cases)
        titles = [s.title for s in original.item.segments]
        for index, segments in before.items():
            if not segments or after[index]:
                continue
            dropped = [titles[s] for s in segments]
            where = change.drop.index(dropped[-1]) if dropped[-1] in change.drop else 0
            named = " and ".join(f"'{t}'" for t in dropped)
            yield ctx.in_config(
                ("program", "customise", module_id, "drop", where),
                f"dropping {named} leaves objective {index + 1} of {module_id} "
                f"'{links.short(original.item.objectives[index])}' with no activity",
                "keep the segment, or copy the module into the program and drop the objective too",
            )
