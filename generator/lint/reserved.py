"""Codes held for rules that other changes add, so that no code ever changes meaning."""

from __future__ import annotations

from .registry import reserve

reserve(
    code="SF601",
    name="implausible-material-quantity",
    family="materials",
    checks="A material quantity that does not fit the group size or format.",
    fix="correct the quantity or how it scales",
)
