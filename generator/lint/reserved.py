"""Codes held for rules that other changes add, so that no code ever changes meaning."""

from __future__ import annotations

from .registry import reserve

reserve(
    code="SF102",
    name="outcome-never-evaluated",
    family="objectives",
    checks="A program outcome that no evaluation item measures.",
    fix="add an evaluation item for it",
)
reserve(
    code="SF403",
    name="revisited-case-without-questions",
    family="content",
    checks="A module that returns to a case without questions of its own.",
    fix="give the revisit its own questions",
)
