"""Cases revisited: a later module returns to a case an earlier module discussed.

The story is told once, where the case is first used; a module that returns to it asks
questions of its own (``case_questions`` on the segment), which participants see in the
workbook and on the slide instead of the case's original discussion questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model.module import Module


@dataclass(frozen=True)
class Revisit:
    """A segment of ``module_id`` (index ``segment``, 0-based) that returns to ``case_id``,
    whose story ``first`` (a module id) told earlier in the plan."""

    module_id: str
    case_id: str
    first: str
    segment: int
    questions: tuple[str, ...]


def _uses(module: Module) -> list[str]:
    found = [*module.cases, *(s.case for s in module.segments if s.case)]
    return list(dict.fromkeys(found))


def first_use(modules: Sequence[Module]) -> dict[str, str]:
    """Case id -> id of the first module (in plan order) that uses it, in its ``cases``
    list or in a segment's ``case``."""
    first: dict[str, str] = {}
    for module in modules:
        for case_id in _uses(module):
            first.setdefault(case_id, module.id)
    return first


def revisits(modules: Sequence[Module]) -> list[Revisit]:
    """Every segment, in plan order, that returns to a case an earlier module used."""
    first: dict[str, str] = {}
    out: list[Revisit] = []
    for module in modules:
        for index, segment in enumerate(module.segments):
            if segment.case and segment.case in first:
                out.append(
                    Revisit(
                        module.id,
                        segment.case,
                        first[segment.case],
                        index,
                        tuple(segment.case_questions),
                    )
                )
        for case_id in _uses(module):
            first.setdefault(case_id, module.id)
    return out


def revisit_questions(modules: Sequence[Module]) -> dict[tuple[str, str], list[str]]:
    """(module id, case id) -> the questions a revisit asks instead of the case's own;
    only revisits that give questions are listed (the first such segment's)."""
    out: dict[tuple[str, str], list[str]] = {}
    for visit in revisits(modules):
        if visit.questions:
            out.setdefault((visit.module_id, visit.case_id), list(visit.questions))
    return out
