"""The design linter: checks a trainer would make, run by ``servefirst validate``.

Every finding has a stable code, the file, line and field it is about, what is wrong and
what would fix it; ``validate`` prints it as a warning
(``modules/x.yml:12: segments[3].minutes: SF201 ...; fix``) and ``--strict`` fails on it.
A program selects or ignores rules in ``mkdocs.yml``::

    plugins:
      - servefirst:
          lint: {ignore: [SF301]}      # or select: [SF101, SF201]

Codes: the hundreds name the family, one module each in this package --
SF1xx objectives (``objectives.py``), SF2xx timing (``timing.py``), SF3xx groups
(``groups.py``), SF4xx content (``content.py``), SF5xx customising (``customising.py``),
SF6xx materials (``materials.py``). A code never changes meaning once released.

Adding a rule
-------------
1. In the family's module (or a new ``<family>.py`` imported below), write a function
   over :class:`LintContext` that yields :class:`Finding` objects, built with
   ``ctx.at(located, loc, message, fix)`` so the file, line and field come with it::

       @rule(code="SF203", name="long-input", family="timing",
             fix="break it up with a question or an activity")
       def long_input(ctx: LintContext) -> Iterator[Finding]:
           \"\"\"An input segment over 20 minutes.\"\"\"        # the README's "checks" column
           for module in ctx.modules:
               for i, seg in enumerate(module.item.segments):
                   if seg.method == "input" and seg.minutes > 20:
                       yield ctx.at(module, ("segments", i, "minutes"),
                                    f"input '{seg.title}' runs {seg.minutes} minutes",
                                    "break it up with a question or an activity")

   A code held with :func:`reserve` (see ``reserved.py``) is taken over by deleting
   its ``reserve`` call.
2. Add a test in ``tests/lint/`` with a small program that triggers it (exact message)
   and one that does not.
3. Regenerate the table of checks: ``python -m generator.lint.table --write``
   rewrites it in ``DESIGN-CHECKS.md`` (``tests/lint/test_table.py`` fails until the
   page matches the registry).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..errors import Problem
from ..located import Located
from ..model import Module, PluginConfig
from . import content, customising, groups, links, materials, objectives, reserved, timing
from .registry import RULES, Finding, LintContext, Rule, field_name, reserve, rule

__all__ = [
    "RULES",
    "Finding",
    "LintContext",
    "Rule",
    "check_config",
    "field_name",
    "reserve",
    "rule",
    "run",
]
_FAMILIES = (
    objectives,
    timing,
    groups,
    content,
    customising,
    materials,
    reserved,
)  # registers every rule


def check_config(
    plugin: Located[PluginConfig] | None,
    modules: Sequence[Located[Module]],
    problems: list[Problem],
) -> None:
    """Errors in what the linter reads: an unknown code in ``lint.select`` or
    ``lint.ignore``, a ``practises`` entry that names no objective of its module, a
    module's ``outcomes`` link to an outcome or objective that does not exist."""
    for located in modules:
        module = located.item
        if {"objectives", "segments"} & located.partial:
            continue  # stand-ins: the links are checked once the file validates
        for s, segment in enumerate(module.segments):
            for j, ref in enumerate(segment.practises):
                if links.resolve(module, ref) is not None:
                    continue
                loc = ("segments", s, "practises", j)
                if isinstance(ref, int):
                    what = f"there is no objective {ref}: the module has {len(module.objectives)}"
                elif _begins(module, ref) > 1:
                    what = f"more than one objective begins '{ref}'"
                else:
                    what = f"no objective of this module begins '{ref}'"
                problems.append(
                    Problem(
                        located.file,
                        located.lines.line_of(loc),
                        field_name(loc),
                        f"{what}; give the objective's number (the first is 1) or its first words",
                    )
                )
    if plugin is None:
        return
    _check_outcome_links(plugin, modules, problems)
    options = plugin.item.lint
    for key, codes in (("select", options.select), ("ignore", options.ignore)):
        for i, code in enumerate(codes):
            if code not in RULES:
                problems.append(
                    Problem(
                        plugin.file,
                        plugin.lines.line_of(("lint", key, i)),
                        f"lint.{key}[{i}]",
                        f"unknown rule '{code}'; the rules are {', '.join(sorted(RULES))}",
                    )
                )


def _check_outcome_links(
    plugin: Located[PluginConfig], modules: Sequence[Located[Module]], problems: list[Problem]
) -> None:
    """A module's ``outcomes`` name objectives that exist and, in a program with outcomes
    of its own, outcomes it has (links in built-in library modules are not checked)."""
    known = [o.id for o in plugin.item.program.outcomes]
    for located in modules:
        if {"outcomes", "objectives"} & located.partial:
            continue
        module = located.item
        for outcome, numbers in module.outcomes.items():
            # The built-in library links its modules to the default program's outcomes; a
            # program with outcomes of its own (or none) is not bound by those links.
            if known and outcome not in known and not located.file.startswith("<library>"):
                loc: tuple[str | int, ...] = ("outcomes", outcome)
                have = ", ".join(known)
                problems.append(
                    Problem(
                        located.file,
                        located.lines.line_of(loc),
                        field_name(loc),
                        f"no program outcome '{outcome}' (program.outcomes: {have}); add it "
                        "to program.outcomes in mkdocs.yml, or correct the id",
                    )
                )
            for j, number in enumerate(numbers):
                if number > len(module.objectives):
                    loc = ("outcomes", outcome, j)
                    problems.append(
                        Problem(
                            located.file,
                            located.lines.line_of(loc),
                            field_name(loc),
                            f"there is no objective {number}: the module has "
                            f"{len(module.objectives)}; give the objective's number (the first "
                            "is 1)",
                        )
                    )


def run(ctx: LintContext) -> list[Problem]:
    """Run the selected rules; return their findings as warnings, sorted by place."""
    options = ctx.plugin.item.lint
    chosen = set(options.select) if options.select else set(RULES)
    chosen -= set(options.ignore)
    findings: list[Finding] = []
    for code in sorted(chosen):
        entry = RULES[code]
        if entry.run is None:
            continue
        for found in entry.run(ctx):
            findings.append(dataclasses.replace(found, code=code))
    return sorted((f.problem() for f in findings), key=lambda p: (p.file, p.line or 0, p.field))


def _begins(module: Module, ref: str) -> int:
    wanted = " ".join(ref.lower().split())
    return sum(" ".join(o.lower().split()).startswith(wanted) for o in module.objectives)
