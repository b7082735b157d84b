"""Checks that span files: references, duplicate ids, minutes, and the day's timetable."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from . import checks_print, checks_screens, glyphs
from .errors import Problem
from .located import Located
from .model import Break, Case, Exercise, Module, PluginConfig
from .model.program import clock_minutes


def check_program(
    plugin: Located[PluginConfig],
    modules: Sequence[Located[Module]],
    cases: Sequence[Located[Case]],
    exercises: Sequence[Located[Exercise]],
    broken: set[str],
    problems: list[Problem],
    warnings: list[Problem],
    slide_checks: bool = True,
) -> None:
    """Cross-file checks. ``broken``: ids of files that exist but failed to load.

    ``slide_checks`` measures every slide's text for overflow warnings: worth it when
    validating, skipped by the build, which fits the text as it renders."""
    module_ids = {m.item.id for m in modules} | broken
    check_modules(modules, cases, exercises, broken, problems)
    check_outcome_ids(plugin, problems)
    if "program.days" in plugin.partial:  # the plan is unknown: skip what depends on it
        return
    durations = {m.item.id: m.item for m in modules if not {"duration"} & m.partial}
    _check_plan(plugin, module_ids, durations, problems)
    _check_unused(plugin, modules, cases, exercises, warnings)
    planned = [m for m in modules if m.item.id in plugin.item.program.module_ids]
    used = {ref for m in planned for ref in (*m.item.cases, *m.item.exercises)}
    items: list[Located[Any]] = [*planned]
    items += [c for c in cases if c.item.id in used]
    items += [e for e in exercises if e.item.id in used]
    glyphs.check_items([plugin, *items], warnings)
    checks_print.check_tables(plugin.item.program.paper, items, warnings)
    if slide_checks:
        from .render.slides.overflow import slide_warnings

        slide_warnings(plugin.item.program.module_ids, modules, cases, exercises, warnings)


_USE = {
    "module": "add it to a day's plan in mkdocs.yml",
    "case": "add it to the cases list of the module that discusses it",
    "exercise": "add it to the exercises list of the module that runs it",
}


def check_modules(
    modules: Sequence[Located[Module]],
    cases: Sequence[Located[Case]],
    exercises: Sequence[Located[Exercise]],
    broken: set[str],
    problems: list[Problem],
) -> None:
    """Each module's references, minutes and segments: the checks that need no plan,
    so they run even when ``mkdocs.yml`` is broken."""
    case_ids = {c.item.id for c in cases} | broken
    exercise_ids = {e.item.id for e in exercises} | broken
    minutes = {e.item.id: e.item.minutes for e in exercises if "minutes" not in e.partial}
    for located in modules:
        _check_module(located, case_ids, exercise_ids, minutes, problems)
    checks_screens.check_screen_content(modules, problems)
    checks_screens.check_quote_screens(modules, cases, broken, problems)


def _check_unused(
    plugin: Located[PluginConfig],
    modules: Sequence[Located[Module]],
    cases: Sequence[Located[Case]],
    exercises: Sequence[Located[Exercise]],
    warnings: list[Problem],
) -> None:
    """A program's own file that replaces nothing and that nothing uses is a stale
    override (the library item it replaced was renamed or removed) or a forgotten file."""
    library = {x.item.id for g in (modules, cases, exercises) for x in g if x.origin == "library"}
    in_use = set(plugin.item.program.module_ids)
    in_use |= {ref for m in modules for ref in (*m.item.exercises, *m.item.cases)}
    for kind, group in (("module", modules), ("case", cases), ("exercise", exercises)):
        for x in group:
            if x.origin == "program" and x.item.id not in library | in_use:
                warnings.append(
                    Problem(
                        x.file,
                        x.lines.line_of(("id",)),
                        "id",
                        f"{kind} '{x.item.id}' replaces no library item and nothing uses it; "
                        f"check its id, or {_USE[kind]}",
                    )
                )


def check_outcome_ids(plugin: Located[PluginConfig], problems: list[Problem]) -> None:
    """A located problem for each ``program.outcomes`` id already given above it, naming
    the line of the first: modules link to an outcome by id, so an id names one outcome."""
    if "program.outcomes" in plugin.partial:
        return
    first: dict[str, int] = {}
    for i, outcome in enumerate(plugin.item.program.outcomes):
        loc = ("program", "outcomes", i, "id")
        line = plugin.lines.line_of(loc)
        if outcome.id not in first:
            first[outcome.id] = i
            continue
        earlier = plugin.lines.line_of(("program", "outcomes", first[outcome.id], "id"))
        problems.append(
            Problem(
                plugin.file,
                line,
                f"program.outcomes[{i}].id",
                f"duplicate outcome id '{outcome.id}', also on line {earlier}; give each "
                "outcome its own id",
            )
        )


def check_ids(
    group: Sequence[Located[Module] | Located[Case] | Located[Exercise]], problems: list[Problem]
) -> None:
    seen: dict[str, str] = {}
    for located in group:
        item_id = located.item.id
        stem = located.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        line = located.lines.line_of(("id",))
        if item_id in seen:
            problems.append(
                Problem(
                    located.file,
                    line,
                    "id",
                    f"duplicate id '{item_id}', also used in {seen[item_id]}",
                )
            )
        else:
            seen[item_id] = located.file
        if stem != item_id:
            problems.append(
                Problem(
                    located.file,
                    line,
                    "id",
                    f"id '{item_id}' does not match the file name; rename the file to {item_id}.yml",
                )
            )


def _check_module(
    located: Located[Module],
    case_ids: set[str],
    exercise_ids: set[str],
    exercise_minutes: dict[str, int],
    problems: list[Problem],
) -> None:
    module, file, lines, partial = located.item, located.file, located.lines, located.partial

    def add(loc: tuple[str | int, ...], field: str, message: str) -> None:
        problems.append(Problem(file, lines.line_of(loc), field, message))

    for i, case_id in enumerate(module.cases):
        if case_id not in case_ids:
            add(("cases", i), f"cases[{i}]", _unknown("case", case_id, case_ids, "modules/cases/"))
    for i, ex_id in enumerate(module.exercises):
        if ex_id not in exercise_ids:
            add(
                ("exercises", i),
                f"exercises[{i}]",
                _unknown("exercise", ex_id, exercise_ids, "exercises/"),
            )
    if "segments" in partial:  # a segment failed validation: its checks wait for the fix
        return
    total = sum(s.minutes for s in module.segments)
    if "duration" not in partial and total != module.duration:
        add(
            ("segments",),
            "segments",
            f"segment minutes add up to {total}, but duration is {module.duration}; "
            f"make them equal (difference: {total - module.duration:+d})",
        )
    for i, seg in enumerate(module.segments):
        listed = "exercises" in partial or seg.exercise in module.exercises
        if seg.exercise and not listed:
            add(
                ("segments", i, "exercise"),
                f"segments[{i}].exercise",
                f"exercise '{seg.exercise}' is not listed in this module's exercises; add it there",
            )
        elif seg.exercise in exercise_minutes and exercise_minutes[seg.exercise] > seg.minutes:
            add(
                ("segments", i, "minutes"),
                f"segments[{i}].minutes",
                f"{seg.minutes} minutes is less than the {exercise_minutes[seg.exercise]} "
                f"exercise '{seg.exercise}' needs",
            )
        if seg.case and "cases" not in partial and seg.case not in module.cases:
            add(
                ("segments", i, "case"),
                f"segments[{i}].case",
                f"case '{seg.case}' is not listed in this module's cases; add it there",
            )


def _unknown(kind: str, item_id: str, known: set[str], folder: str) -> str:
    close = difflib.get_close_matches(item_id, sorted(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"add {folder}{item_id}.yml"
    return f"unknown {kind} '{item_id}'; {hint}"


def _check_plan(
    plugin: Located[PluginConfig],
    module_ids: set[str],
    modules: dict[str, Module],
    problems: list[Problem],
) -> None:
    file, lines = plugin.file, plugin.lines
    planned = set(plugin.item.program.module_ids)
    for i, module_id in enumerate(plugin.item.program.glossary):
        if module_id not in planned:
            problems.append(
                Problem(
                    file,
                    lines.line_of(("program", "glossary", i)),
                    f"program.glossary[{i}]",
                    f"module '{module_id}' is not in the plan; the glossary uses planned modules",
                )
            )
    if not planned:  # only breaks: the outputs would have no content at all
        problems.append(
            Problem(
                file,
                lines.line_of(("program", "days")),
                "program.days",
                "no day's plan names a module, so there is nothing to build; "
                "add a module id to a plan",
            )
        )
    placed: set[str] = set()
    for d, day in enumerate(plugin.item.program.days):
        used = 0
        for i, entry in enumerate(day.plan):
            loc = ("program", "days", d, "plan", i)
            field = f"program.days[{d}].plan[{i}]"
            if isinstance(entry, Break):
                used += entry.minutes
                continue
            if entry not in module_ids:
                problems.append(
                    Problem(
                        file,
                        lines.line_of(loc),
                        field,
                        _unknown("module", entry, module_ids, "modules/"),
                    )
                )
                continue
            if entry in placed:
                problems.append(
                    Problem(file, lines.line_of(loc), field, f"module '{entry}' is planned twice")
                )
            placed.add(entry)
            used += modules[entry].duration if entry in modules else 0
        available = clock_minutes(day.finish_by) - clock_minutes(day.start)
        if used > available:
            problems.append(
                Problem(
                    file,
                    lines.line_of(("program", "days", d)),
                    f"program.days[{d}]",
                    f"the plan needs {used} minutes but {day.start}-{day.finish_by} has {available}; "
                    f"cut {used - available} minutes or finish later",
                )
            )
