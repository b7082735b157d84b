"""The program after loading: configuration plus every item it uses, cross-checked.

This is the facilitator's view: it holds everything. Participant outputs never see it;
they receive :class:`generator.model.participant.ParticipantProgram` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from .case import Case
from .exercise import Exercise
from .knowledge import Check
from .material import CatalogueItem, MaterialUse
from .module import Module
from .program import ProgramConfig


@dataclass(frozen=True)
class Changes:
    """What a program changes relative to the built-in library."""

    replaced: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    """kind -> id -> (library item, program item)."""
    added: dict[str, list[str]] = field(default_factory=dict)
    unplanned: list[str] = field(default_factory=list)
    """Library modules the plan leaves out."""
    terminology: dict[str, int] = field(default_factory=dict)
    """Each term and how many times it was replaced."""
    pages: dict[str, str] = field(default_factory=dict)
    """Generated handbook pages replaced on purpose (``overrides``): page -> hand-written
    file, relative to the program folder (``index.md`` -> ``docs/index.md``)."""


@dataclass(frozen=True)
class Program:
    root: Path
    config: ProgramConfig
    modules: list[Module]
    """The modules of the plan, in program order."""
    exercises: dict[str, Exercise]
    cases: dict[str, Case]
    warnings: list[Problem] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    catalogue: dict[str, CatalogueItem] = field(default_factory=dict)
    """The materials catalogue: the built-in items and the program's own, by id."""
    kit: list[MaterialUse] = field(default_factory=list)
    """What the whole day needs besides each activity's materials (``materials:``)."""
    checks: dict[str, list[Check]] = field(default_factory=dict)
    """Knowledge checks by module id (``checks/<module-id>.yml``), planned modules only."""
    assessment: list[str] = field(default_factory=list)
    """Check ids of the pre-check and post-check (the same items, before and after)."""

    def check(self, check_id: str) -> Check:
        return next(c for group in self.checks.values() for c in group if c.id == check_id)

    def assessment_checks(self) -> list[Check]:
        """The pre-check and post-check's items, in the order configured."""
        return [self.check(check_id) for check_id in self.assessment]

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)

    def cases_of(self, module: Module) -> list[Case]:
        return [self.cases[c] for c in module.cases]

    def exercises_of(self, module: Module) -> list[Exercise]:
        return [self.exercises[e] for e in module.exercises]
