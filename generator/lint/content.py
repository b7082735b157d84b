"""SF4xx: the text itself: scaffold placeholders left in, a question asked twice, a
revisited case without questions of its own."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import yaml
from jinja2 import Environment

from ..located import Located
from ..revisits import revisits
from ..yamlio import Loc
from .registry import Finding, LintContext, rule

_PROGRAM_PLACEHOLDERS = {"your organisation", "organisation name"}
_SKIP_KEYS = {"id", "title"}
_ORDINARY = {"what did you notice?"}  # sample text an author may well mean


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _leaves(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*loc, i))
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in _SKIP_KEYS:
                yield from _leaves(v, (*loc, k))


@functools.cache
def placeholders() -> frozenset[str]:
    """The sample texts ``servefirst new`` and ``servefirst init`` write, normalised:
    every text of three words or more, or with '...', from the scaffolds."""
    env = Environment(autoescape=False)
    found = set(_PROGRAM_PLACEHOLDERS)
    for kind in ("module", "case", "exercise"):
        source = (files("generator.scaffold") / f"{kind}.yml.j2").read_text(encoding="utf-8")
        data = yaml.safe_load(env.from_string(source).render(id="x", title="X", schema="s"))
        for _, text in _leaves(data):
            if len(text.split()) >= 3 or "..." in text:
                found.add(_norm(text))
    return frozenset(found - _ORDINARY)


@rule(
    code="SF401",
    name="scaffold-placeholder",
    family="content",
    fix="write your own text in its place",
)
def scaffold_placeholder(ctx: LintContext) -> Iterator[Finding]:
    """Sample text from ``servefirst new`` or ``servefirst init`` still in a planned
    module, its cases and exercises, or the program's settings ('One sentence
    participants should remember.', ``organisation: Your organisation``)."""
    known = placeholders()
    items: list[Located[Any]] = list(ctx.modules)
    ids = {c for m in ctx.modules for c in m.item.cases}
    items += [ctx.cases[c] for c in sorted(ids) if c in ctx.cases]
    ids = {e for m in ctx.modules for e in m.item.exercises}
    items += [ctx.exercises[e] for e in sorted(ids) if e in ctx.exercises]
    for located in items:
        for loc, text in _leaves(located.item.model_dump(by_alias=True, exclude_none=True)):
            if _norm(text) in known:
                yield ctx.at(
                    located,
                    loc,
                    f"'{text}' is sample text from the scaffold",
                    "write your own text in its place",
                )
    program = ctx.config.model_dump(include={"title", "subtitle", "organisation", "audience"})
    for key, text in program.items():
        if isinstance(text, str) and _norm(text) in known:
            yield ctx.in_config(
                ("program", key),
                f"'{text}' is sample text from servefirst init",
                "write your own text in its place",
            )


def _question(text: str) -> str:
    return re.sub(r"[^\w ]", "", _norm(text)).strip()


@rule(
    code="SF402",
    name="question-twice",
    family="content",
    fix="ask it once, with one set of listen-for notes",
)
def question_twice(ctx: LintContext) -> Iterator[Finding]:
    """The same debrief question twice in one module: in its segments, or in a segment
    and the exercise run there (compared ignoring case and punctuation)."""
    for module in ctx.modules:
        seen: dict[str, tuple[Located[Any], Loc, str]] = {}
        for i, segment in enumerate(module.item.segments):
            asked: list[tuple[Located[Any], Loc, Any]] = [
                (module, ("segments", i, "facilitator", "debrief", q), d)
                for q, d in enumerate(segment.facilitator.debrief)
            ]
            exercise = ctx.exercises.get(segment.exercise or "")
            if exercise is not None:
                asked += [
                    (exercise, ("facilitator", "debrief", q), d)
                    for q, d in enumerate(exercise.item.facilitator.debrief)
                ]
            for located, loc, debrief in asked:
                key = _question(debrief.question)
                if key not in seen:
                    seen[key] = (located, loc, debrief.listen_for)
                    continue
                first, first_loc, notes = seen[key]
                where = f"{first.file}:{first.lines.line_of(first_loc)}"
                differ = (
                    " with different listen-for notes"
                    if _norm(notes) != _norm(debrief.listen_for)
                    else ""
                )
                yield ctx.at(
                    located,
                    loc,
                    f"'{debrief.question}' is asked twice in {module.item.id}{differ} "
                    f"(first at {where})",
                    "ask it once, with one set of listen-for notes",
                )


@rule(
    code="SF403",
    name="revisited-case-without-questions",
    family="content",
    fix="give the segment case_questions of its own",
)
def revisited_case_without_questions(ctx: LintContext) -> Iterator[Finding]:
    """A module that returns to a case an earlier module discussed, without questions of
    its own (``case_questions`` on the segment): participants would see the original
    questions again."""
    located = {m.item.id: m for m in ctx.modules}
    for visit in revisits([m.item for m in ctx.modules]):
        if visit.questions:
            continue
        module = located[visit.module_id]
        title = module.item.segments[visit.segment].title
        yield ctx.at(
            module,
            ("segments", visit.segment, "case"),
            f"'{title}' returns to case '{visit.case_id}' from {visit.first} "
            "without questions of its own",
            "give the segment case_questions of its own",
        )
