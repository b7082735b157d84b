"""The participant view: a separate set of models that have no facilitator fields at all.

Participant renderers (the site, the workbook) are typed to take a
:class:`ParticipantProgram`. Each class here declares only what a participant may read
and ignores everything else when it is built from the full model, so facilitator
material cannot reach them: there is no attribute to hold it. This is an allow-list by
construction, not a filter that someone has to remember.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from ..follow_up import outcome_statements
from ..i18n import gettext
from ..knowledge.key import answer_key, encode, shown_order
from ..revisits import revisit_questions
from .base import Plain, Source
from .exercise import Exercise, WorksheetField
from .knowledge import Check
from .material import MaterialRef
from .program import ProgramConfig
from .quote import Quote
from .resolved import Program


class _View(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ParticipantPrinciple(_View):
    name: Plain
    explanation: str
    behaviours: list[str]
    pitfalls: list[str]
    question: str | None
    quote: Quote | None


class ParticipantCase(_View):
    id: str
    title: Plain
    organisation: Plain
    year: Plain
    people: list[Plain]
    story: str
    discussion: list[str]
    sources: list[Source]
    quote: Quote | None


class ParticipantExercise(_View):
    id: str
    title: Plain
    format: str
    minutes: int
    group_size: str | None
    purpose: str
    materials: list[str]
    """What participants hold: catalogue items marked ``participant`` (workbook, pen,
    cards), by name, and free text as written. The facilitator's kit is not here."""
    instructions: list[str]
    virtual_instructions: list[str]
    worksheet: list[WorksheetField]
    scoring: str | None
    debrief_prompts: list[str]


class ParticipantSegment(_View):
    title: Plain
    minutes: int
    method: str
    case: str | None
    exercise: str | None
    screen: str | None
    screen_image: str | None
    screen_alt: str | None
    debrief_prompts: list[str]


class ParticipantCheck(_View):
    """A knowledge check as participants get it: the answer only in the encoded ``key``."""

    id: str
    kind: str
    situation: str | None
    question: str
    choices: list[str]
    """In the order shown (an ``ordering`` check's shuffled)."""
    key: str
    """See :mod:`generator.knowledge.key`."""


class ParticipantModule(_View):
    id: str
    title: Plain
    summary: str
    duration: int
    objectives: list[str]
    principles: list[ParticipantPrinciple]
    cases: list[ParticipantCase]
    exercises: list[ParticipantExercise]
    segments: list[ParticipantSegment]
    reflection: list[str]
    takeaways: list[str]
    sources: list[Source]
    checks: list[ParticipantCheck] = []


class ParticipantProgram(_View):
    config: ProgramConfig
    modules: list[ParticipantModule]
    follow_up: list[str] = []
    """The outcomes (participants' words) the action plan's 30/60/90-day follow-up asks
    about; see :func:`generator.follow_up.outcome_statements`."""
    assessment: list[ParticipantCheck] = []
    """The pre-check and post-check's items (the same before and after the day)."""


def participant_view(program: Program) -> ParticipantProgram:
    """Build the participant view from the full program (facilitator fields fall away)."""
    asked = revisit_questions(program.modules)
    modules: list[dict[str, Any]] = []
    for module in program.modules:
        data = module.model_dump()
        data["cases"] = []
        for case in program.cases_of(module):
            dumped = case.model_dump()
            # A module that returns to a case asks its own questions, not the original ones.
            dumped["discussion"] = asked.get((module.id, case.id), case.discussion)
            data["cases"].append(dumped)
        data["exercises"] = [
            {**e.model_dump(), "materials": held(e, program)} for e in program.exercises_of(module)
        ]
        data["checks"] = [shown_check(c, program) for c in program.checks.get(module.id, [])]
        modules.append(data)
    return ParticipantProgram.model_validate(
        {
            "config": program.config,
            "modules": modules,
            "follow_up": outcome_statements(program),
            "assessment": [shown_check(program.check(i), program) for i in program.assessment],
        }
    )


def shown_check(check: Check, program: Program) -> dict[str, Any]:
    """A check's participant fields; what is right only encoded (knowledge/key.py)."""
    translate = gettext(program.config.language)
    texts = [c.line() for c in check.options()]
    if check.kind == "true_false":
        texts = [translate("True"), translate("False")]
    return {
        "id": check.id,
        "kind": check.kind,
        "situation": check.situation,
        "question": check.question,
        "choices": [texts[i] for i in shown_order(check)],
        "key": encode(check.id, answer_key(check)),
    }


def held(exercise: Exercise, program: Program) -> list[str]:
    """Names of what participants hold for an exercise ("You need: ..."), once each."""
    translate = gettext(program.config.language)  # the shipped catalogue's names are labels
    names: list[str] = []
    for use in exercise.materials:
        item_id = use.item if isinstance(use, MaterialRef) else use
        item = program.catalogue.get(item_id)
        if item is None:
            name = use.item if isinstance(use, MaterialRef) else use  # free text, as written
        elif item.participant:
            name = translate(item.name)
        else:
            continue
        if name not in names:
            names.append(name)
    return names
