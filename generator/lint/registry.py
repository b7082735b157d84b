"""The design linter's registry: rules, their findings, and the context they read.

A rule is a function ``(LintContext) -> Iterable[Finding]`` registered with :func:`rule`.
Its code is stable (``SF`` and three digits; the hundreds name the family) and appears
in every finding, in ``lint: {select, ignore}`` of ``mkdocs.yml`` and in the README table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..located import Located
from ..model import Case, Exercise, Module, PluginConfig, ProgramConfig
from ..yamlio import Loc


@dataclass(frozen=True)
class Finding:
    """One design problem: where it is, what is wrong and what would fix it."""

    file: str
    line: int | None
    field: str
    message: str
    fix: str
    code: str = ""

    def problem(self) -> Problem:
        """The finding as a warning line: ``file:line: field: SF101 message; fix``."""
        return Problem(self.file, self.line, self.field, f"{self.code} {self.message}; {self.fix}")


Check = Callable[["LintContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule. ``checks`` and ``fix`` feed the README table."""

    code: str
    name: str
    family: str
    checks: str
    fix: str
    run: Check | None = None
    """None for a code reserved for a rule not written yet."""


RULES: dict[str, Rule] = {}
_CODE = re.compile(r"^SF\d{3}$")


def _register(entry: Rule) -> None:
    if not _CODE.match(entry.code):
        raise ValueError(f"lint code {entry.code!r} is not SF and three digits")
    if entry.code in RULES:
        raise ValueError(f"lint code {entry.code} is registered twice")
    RULES[entry.code] = entry


def rule(*, code: str, name: str, family: str, fix: str) -> Callable[[Check], Check]:
    """Register a rule. Its docstring's first paragraph says what it checks (README)."""

    def register(check: Check) -> Check:
        doc = (check.__doc__ or "").strip().split("\n\n")[0]
        _register(Rule(code, name, family, " ".join(doc.split()), fix, check))
        return check

    return register


def reserve(*, code: str, name: str, family: str, checks: str, fix: str) -> None:
    """Hold a code for a rule another change will add, so codes never move."""
    _register(Rule(code, name, family, checks, fix, None))


@dataclass(frozen=True)
class LintContext:
    """What rules read: the loaded, validated program, with files and lines.

    ``modules`` are the planned modules in plan order after ``customise``; ``originals``
    maps every module id to the module as its file has it (before ``customise``)."""

    plugin: Located[PluginConfig]
    modules: Sequence[Located[Module]]
    originals: dict[str, Located[Module]]
    cases: dict[str, Located[Case]]
    exercises: dict[str, Located[Exercise]]
    notes: dict[str, object] = field(default_factory=dict)

    @property
    def config(self) -> ProgramConfig:
        return self.plugin.item.program

    def at(
        self, located: Located[Any], loc: Loc, message: str, fix: str, field: str = ""
    ) -> Finding:
        """A finding at ``loc`` in ``located``'s file; ``field`` defaults to the path
        written the way messages write it (``segments[2].minutes``)."""
        return Finding(
            located.file, located.lines.line_of(loc), field or field_name(loc), message, fix
        )

    def in_config(self, loc: Loc, message: str, fix: str) -> Finding:
        """A finding in ``mkdocs.yml`` at ``loc`` under the plugin's options."""
        return self.at(self.plugin, loc, message, fix)


def field_name(loc: Loc) -> str:
    """``("segments", 2, "minutes")`` -> ``segments[2].minutes``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
