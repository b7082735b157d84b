"""Reading the default program's content as text, for the accuracy and writing tests.

``texts(item)`` walks a module, case or exercise and yields ``(path, text)`` for every
string field a reader sees (participant or facilitator), with whitespace collapsed so a
phrase broken over two YAML lines still matches. Ids and ``sources`` are left out: a
citation prints a work's title as published, and an id is not prose.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.model import Program
from generator.model.base import Source
from generator.model.case import Case
from generator.model.exercise import Exercise
from generator.model.module import Module

SKIPPED = {"id", "sources", "case", "exercise", "cases", "exercises", "outcomes", "materials"}


@dataclass(frozen=True)
class Item:
    """One module, case or exercise: its id, kind, fields as text, and its sources."""

    id: str
    kind: str  # "module", "case" or "exercise"
    fields: list[tuple[str, str]]  # (field path such as "story", one-line text)
    sources: list[Source]

    @property
    def text(self) -> str:
        """Every field of the item, joined by blank lines."""
        return "\n\n".join(text for _, text in self.fields)

    def field(self, path: str) -> str:
        """The text of one field by its path, e.g. ``story``; KeyError if absent."""
        return next(text for where, text in self.fields if where == path)


def walk(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """``(field path, text)`` for every string in ``value``, whitespace collapsed."""
    if isinstance(value, str):
        yield path, " ".join(value.split())
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in SKIPPED:
                yield from walk(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from walk(inner, f"{path}[{index}]")


def _item(model: Module | Case | Exercise, kind: str) -> Item:
    sources = [] if isinstance(model, Exercise) else list(model.sources)
    return Item(model.id, kind, list(walk(model.model_dump(), "")), sources)


def items(program: Program) -> list[Item]:
    """Every module, case and exercise of the program, in that order."""
    return (
        [_item(m, "module") for m in program.modules]
        + [_item(c, "case") for c in program.cases.values()]
        + [_item(e, "exercise") for e in program.exercises.values()]
    )


def cites(item: Item, author: str, year: int | None = None) -> bool:
    """Whether one of the item's sources has ``author`` in its author field (and ``year``);
    a work without an author is cited by its title, so its title counts instead."""
    return any(
        author in (s.author or s.title) and (year is None or s.year == year) for s in item.sources
    )


def notes(item: Item) -> str:
    """The item's source notes, joined: what each citation says it supports."""
    return " ".join(" ".join((s.note or "").split()) for s in item.sources)
