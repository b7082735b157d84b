"""Program-level adaptations applied to the loaded content: shortened modules and the
audience's own words. Both act on the model, so every output sees the same result."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from typing import Any

from .errors import Problem
from .located import Located
from .materials.catalogue import used_ids
from .model import Module, PluginConfig, Program
from .model.program import Term

# Keys whose values are ids, enumerations, addresses or citations: never reworded.
_KEEP = {
    "id",
    "kind",
    "format",
    "method",
    "url",
    "group_size",
    "height",
    "row_height",
    "exercise",
    "case",
    "cases",
    "exercises",
    "sources",
    "materials",  # catalogue ids (and free text a catalogue id may stand for)
    "horizon",
    "per",
    "prepare",
}
# Inline code, Markdown link targets, autolinks and bare addresses are left alone.
_PROTECTED = re.compile(r"(`[^`]*`|\]\([^)]*\)|<https?://[^>]*>|https?://\S+)")


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


def apply_terminology(
    program: Program, plugin: Located[PluginConfig] | None, warnings: list[Problem]
) -> Program:
    """Replace the program's terms in every text, keeping capitals and plurals."""
    terms = program.config.terminology
    if not terms:
        return program
    counts = {term: 0 for term in terms}
    replace = _replacer(terms, counts)
    modules = [_reword(m, replace) for m in program.modules]
    exercises = {k: _reword(v, replace) for k, v in program.exercises.items()}
    cases = {k: _reword(v, replace) for k, v in program.cases.items()}
    used = used_ids(program)  # the names of the materials the program prints
    catalogue = {k: _reword(v, replace) if k in used else v for k, v in program.catalogue.items()}
    for term, count in counts.items():
        if count == 0 and plugin is not None:
            warnings.append(
                Problem(
                    plugin.file,
                    plugin.lines.line_of(("program", "terminology", term)),
                    f"program.terminology.{term}",
                    "never matched any text; check the spelling, or remove it",
                )
            )
    changes = dataclasses.replace(program.changes, terminology=counts)
    return dataclasses.replace(
        program,
        modules=modules,
        exercises=exercises,
        cases=cases,
        catalogue=catalogue,
        changes=changes,
    )


def _replacer(terms: dict[str, str | Term], counts: dict[str, int]) -> Callable[[str], str]:
    table: dict[str, tuple[str, str]] = {}  # lower-case form -> (term, replacement)
    for term, target in terms.items():
        singular = target.singular if isinstance(target, Term) else target
        plural = target.plural if isinstance(target, Term) else _plural(target)
        table[term.lower()] = (term, singular)
        table[_plural(term).lower()] = (term, plural)
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)

    def one(match: re.Match[str]) -> str:
        found = match.group(0)
        term, replacement = table[found.lower()]
        counts[term] += 1
        if found.isupper() and len(found) > 1:
            return replacement.upper()
        if found[0].isupper():
            return replacement[0].upper() + replacement[1:]
        return replacement

    def replace(text: str) -> str:
        parts = _PROTECTED.split(text)
        return "".join(p if i % 2 else pattern.sub(one, p) for i, p in enumerate(parts))

    return replace


def _plural(word: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def _reword(item: Any, replace: Callable[[str], str]) -> Any:
    def walk(value: Any, key: str | None) -> Any:
        if key in _KEEP:
            return value
        if isinstance(value, str):
            return replace(value)
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        return value

    return type(item).model_validate(walk(item.model_dump(by_alias=True), None))
