"""Warnings for ``servefirst validate``: text too long for a slide of its own.

Long lists are no problem: the deck spreads them over continuation slides. What cannot be
spread is one item that does not fit a slide by itself, or a title longer than two lines:
the deck sets those smaller (or, past the smallest readable size, cuts them), and the
author hears about it here, naming the file, the line and the field. Measured against the
house style; a program's own template has its own boxes, and the deck measures those.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...errors import Problem
from ...located import Located
from ...model import Case, Exercise, Module
from .fit import (
    BULLET,
    FACTS,
    HOUSE_BODY,
    HOUSE_SECTION_TITLE,
    HOUSE_TITLE,
    MIN_SIZE,
    SECTION_TITLE,
    STEP,
    TITLE,
    Box,
    Style,
    as_written,
    fitted_size,
    height,
    plain,
)
from .spec import labels

Field = tuple[tuple[str | int, ...], str, Box, Style, int | None]
"""Where the text is, the text as the slide shows it, its box, style and line limit."""

_LABEL = labels("en")
_UNDER_FACTS = Box(HOUSE_BODY.width, HOUSE_BODY.height - height(["x"], HOUSE_BODY.width, FACTS) - 8)


def slide_warnings(
    plan: Sequence[str],
    modules: Sequence[Located[Module]],
    cases: Sequence[Located[Case]],
    exercises: Sequence[Located[Exercise]],
    warnings: list[Problem],
) -> None:
    """Append a warning for every text of the planned modules, and the cases and exercises
    they use, that will not fit a slide at its normal size."""
    planned = [m for m in modules if m.item.id in plan]
    used = {ref for m in planned for ref in (*m.item.cases, *m.item.exercises)}
    groups: list[tuple[Located[Module] | Located[Case] | Located[Exercise], Iterator[Field]]]
    groups = [(m, _module(m.item)) for m in planned]
    groups += [(c, _case(c.item)) for c in cases if c.item.id in used]
    groups += [(e, _exercise(e.item)) for e in exercises if e.item.id in used]
    for located, fields in groups:
        for loc, text, box, style, lines in fields:
            size = fitted_size([text], box, style, max_lines=lines)
            if size >= style.size:
                continue
            name = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
            warnings.append(
                Problem(
                    located.file, located.lines.line_of(loc), name, _message(size, style, lines)
                )
            )


def _message(size: float, style: Style, lines: int | None) -> str:
    what = f"a slide title ({lines} lines)" if lines else "one slide"
    if size < MIN_SIZE:
        return (
            f"too long for {what} even at {MIN_SIZE} pt, so the slide deck cuts it short; "
            "shorten it, or split it in two"
        )
    return (
        f"too long for {what} at {style.size:g} pt, so the slide deck sets it at {size:g} pt; "
        "shorten it to keep it readable from the back of the room"
    )


def _module(module: Module) -> Iterator[Field]:
    yield ("title",), as_written(module.title), HOUSE_SECTION_TITLE, SECTION_TITLE, 2
    for i, segment in enumerate(module.segments):
        yield (
            ("segments", i, "title"),
            as_written(segment.title),
            HOUSE_SECTION_TITLE,
            SECTION_TITLE,
            2,
        )
    lists = (
        ("objectives", module.objectives),
        ("reflection", module.reflection),
        ("takeaways", module.takeaways),
    )
    for name, texts in lists:
        for i, text in enumerate(texts):
            yield (name, i), plain(text), HOUSE_BODY, BULLET, None
    for i, principle in enumerate(module.principles):
        yield ("principles", i, "name"), as_written(principle.name), HOUSE_TITLE, TITLE, 2
    for i, segment in enumerate(module.segments):
        for name in ("debrief_prompts", "case_questions"):
            for j, text in enumerate(getattr(segment, name)):
                yield ("segments", i, name, j), plain(text), _UNDER_FACTS, BULLET, None


def _case(case: Case) -> Iterator[Field]:
    title = _LABEL["case"].format(title=as_written(case.title))
    yield ("title",), title, HOUSE_TITLE, TITLE, 2
    for i, question in enumerate(case.discussion):
        yield ("discussion", i), plain(question), _UNDER_FACTS, BULLET, None


def _exercise(exercise: Exercise) -> Iterator[Field]:
    title = _LABEL["activity"].format(title=as_written(exercise.title))
    yield ("title",), title, HOUSE_TITLE, TITLE, 2
    lists = (
        ("instructions", exercise.instructions),
        ("virtual_instructions", exercise.virtual_instructions),
    )
    for name, steps in lists:
        for i, step in enumerate(steps):
            yield (name, i), plain(step), _UNDER_FACTS, STEP, None
    for i, prompt in enumerate(exercise.debrief_prompts):
        yield ("debrief_prompts", i), plain(prompt), _UNDER_FACTS, BULLET, None
