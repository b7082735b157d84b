"""A question slide per knowledge check, at the end of its module; the answer, the
feedback and the facilitator's notes in the speaker notes only."""

from __future__ import annotations

from typing import Protocol

from ... import i18n
from ...model.knowledge import Check
from ...model.participant import ParticipantModule
from .fit import plain
from .spec import Slide

LETTERS = "ABCDEFGH"


class _Lists(Protocol):
    def listing(
        self, title: str, texts: list[str], *, facts: str | list[str] = ""
    ) -> list[Slide]: ...


def check_slides(
    planner: _Lists, part: ParticipantModule, checks: list[Check], language: str
) -> list[Slide]:
    """The question slides of one module: title "Check your understanding (n/N)", the
    situation and question as the facts line, the choices lettered as in the workbook.
    ``part`` is the participant view of the module (what the room sees); ``checks`` the
    full model, for the notes."""
    _ = i18n.gettext(language)
    slides: list[Slide] = []
    shown = {c.id: c for c in part.checks}
    for number, check in enumerate(checks, start=1):
        view = shown[check.id]
        title = f"{_('Check your understanding')} ({number}/{len(checks)})"
        question = " ".join(plain(t) for t in (view.situation, view.question) if t)
        choices = [f"{LETTERS[i]}  {plain(text)}" for i, text in enumerate(view.choices)]
        for slide in planner.listing(title, choices, facts=question):
            slide.notes = answer_notes(check, language)
            slides.append(slide)
    return slides


def answer_notes(check: Check, language: str) -> list[str]:
    """Speaker notes of a question slide: the answer (workbook letters), the feedback for
    a right and a wrong answer, each scenario choice's feedback, the facilitator's notes."""
    _ = i18n.gettext(language)
    options = check.options()
    letters = check.key_letters()
    if check.kind == "true_false":
        answer = f"{letters[0]} ({_('True') if check.answer else _('False')})"
    else:
        joiner = " → " if check.kind == "ordering" else ", "
        answer = joiner.join(
            f"{letter} ({plain(options[i].line())})"
            for letter, i in zip(letters, check.right(), strict=True)
        )
    notes = [f"{_('Answer:')} {answer}"]
    notes.append(f"{_('Feedback:')} {' / '.join(plain(line) for line in check.feedback.lines())}")
    if check.kind == "scenario":
        notes += [f"{LETTERS[i]}: {plain(o.feedback_line())}" for i, o in enumerate(options)]
    if check.facilitator:
        notes.append(plain(check.facilitator.notes))
    return notes
