"""A validated item together with where it came from, for cross-file messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from .yamlio import LineMap

T = TypeVar("T")
Origin = Literal["library", "program"]


@dataclass(frozen=True)
class Located(Generic[T]):
    item: T
    file: str
    lines: LineMap
    origin: Origin = "program"
    partial: frozenset[str] = frozenset()
    """Fields that failed validation and were replaced by stand-ins (see salvage.py):
    checks that depend on them are skipped. Empty for an item that validated."""
