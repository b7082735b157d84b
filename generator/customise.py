"""Program-level adaptations applied to the loaded content: shortened modules and the
audience's own words. Both act on the model, so every output sees the same result."""

from __future__ import annotations

import dataclasses
import difflib

from .errors import Problem
from .located import Located
from .model import Module, PluginConfig
from .terminology import apply_terminology

__all__ = ["apply", "apply_terminology"]


def apply(
    plugin: Located[PluginConfig], modules: list[Located[Module]], problems: list[Problem]
) -> list[Located[Module]]:
    """Drop segments and set durations as the program's ``customise`` option says."""
    changes = plugin.item.program.customise
    by_id = {m.item.id: m for m in modules}
    out = list(modules)
    for module_id, change in changes.items():
        where = ("program", "customise", module_id)
        line = plugin.lines.line_of(where)
        field = f"program.customise.{module_id}"
        located = by_id.get(module_id)
        if located is None:
            close = difflib.get_close_matches(module_id, sorted(by_id), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "check the id"
            problems.append(Problem(plugin.file, line, field, f"unknown module; {hint}"))
            continue
        if "segments" in located.partial:
            continue  # its segments failed validation: nothing to drop from yet
        module = located.item
        titles = [s.title for s in module.segments]
        for i, title in enumerate(change.drop):
            if title not in titles:
                close = difflib.get_close_matches(title, titles, n=1)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else f"its segments are: {'; '.join(titles)}"
                )
                problems.append(
                    Problem(
                        plugin.file,
                        plugin.lines.line_of((*where, "drop", i)),
                        f"{field}.drop[{i}]",
                        f"no segment titled '{title}'; {hint}",
                    )
                )
        kept = [s for s in module.segments if s.title not in change.drop]
        if not kept:
            problems.append(
                Problem(
                    plugin.file,
                    line,
                    field,
                    "every segment is dropped; drop the module from the plan instead",
                )
            )
            continue
        total = sum(s.minutes for s in kept)
        if change.duration is not None and change.duration != total:
            problems.append(
                Problem(
                    plugin.file,
                    plugin.lines.line_of((*where, "duration")),
                    f"{field}.duration",
                    f"{change.duration} minutes, but the segments kept add up to {total}; "
                    f"set {total} or drop segments to fit",
                )
            )
            continue
        still = {s.exercise for s in kept} | {s.case for s in kept}
        dropped = {s.exercise for s in module.segments if s not in kept} | {
            s.case for s in module.segments if s not in kept
        }
        gone = dropped - still
        updated = module.model_copy(
            update={
                "segments": kept,
                "duration": total,
                "exercises": [e for e in module.exercises if e not in gone],
                "cases": [c for c in module.cases if c not in gone],
            }
        )
        out[out.index(located)] = dataclasses.replace(located, item=updated)
    return out
