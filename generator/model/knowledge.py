"""Knowledge checks: short questions with their answers, feedback and facilitator notes.

A module's checks live in their own file, ``checks/<module-id>.yml`` (in the program
folder, or in the built-in library), so editing a check never touches the module file::

    checks:
      - id: servant-first
        kind: single            # single, multiple, true_false, ordering or scenario
        question: Who first wrote of the servant-leader?
        choices: [Larry Spears, Robert K. Greenleaf, Jan Carlzon]
        answer: 2               # the number of the right choice, counting from 1
        feedback:
          correct: Yes: Greenleaf's essay of 1970.
          incorrect: Spears later listed ten characteristics from Greenleaf's writing.
        facilitator:
          notes: Ask who has read the essay.

``answer`` is a number for ``single`` and ``scenario``, a list of numbers for
``multiple``, ``true`` or ``false`` for ``true_false`` (which has no choices), and is
left out for ``ordering``, whose choices are written in the right order (participants see
them shuffled). A ``scenario`` sets the scene in ``situation`` and gives every choice its
own feedback (``{text: ..., feedback: ...}``). What is right, and the feedback, reach
participants only in the handbook's encoded answer key; ``facilitator`` never does.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from ..knowledge.line import as_line
from .base import Ident, Line, Strict, Text

MAX_CHOICES = 8
"""The workbook and the deck letter the choices A to H."""

Kind = Literal["single", "multiple", "true_false", "ordering", "scenario"]


class Choice(Strict):
    """One answer to pick, with what to tell whoever picks it."""

    text: Line
    feedback: Line | None = Field(None, description="Shown after answering with this choice.")

    def line(self) -> str:
        """The text as one line of inline Markdown (see knowledge.line.as_line)."""
        return as_line(self.text)

    def feedback_line(self) -> str:
        """The feedback as one line of inline Markdown; ``""`` when there is none."""
        return as_line(self.feedback or "")


class Feedback(Strict):
    """What a participant reads after answering."""

    correct: Line
    incorrect: Line

    def lines(self) -> tuple[str, str]:
        """``correct`` and ``incorrect`` as one line of inline Markdown each."""
        return as_line(self.correct), as_line(self.incorrect)


class CheckFacilitator(Strict):
    """Facilitator-only: never reaches a participant output, encoded or not."""

    notes: Text = Field(description="How to use the question in the room, common mistakes.")


def _choice_kind(value: object) -> str:
    return "choice:mapping" if isinstance(value, dict | Choice) else "choice:text"


def _answer_kind(value: object) -> str | None:
    if isinstance(value, bool):
        return "answer:bool"
    if isinstance(value, int):
        return "answer:number"
    return "answer:list" if isinstance(value, list) else None


# One branch per shape, so a mistake gets one message, not one per branch tried. Tags
# carry a colon so error locations can tell them apart from field names.
ChoiceItem = Annotated[
    Annotated[Line, Tag("choice:text")] | Annotated[Choice, Tag("choice:mapping")],
    Discriminator(_choice_kind),
]
Answer = Annotated[
    Annotated[bool, Tag("answer:bool")]
    | Annotated[int, Tag("answer:number")]
    | Annotated[list[int], Tag("answer:list")],
    Discriminator(
        _answer_kind,
        custom_error_type="answer_shape",
        custom_error_message="expected the number of the right choice (answer: 2), a list of "
        "numbers for 'multiple' (answer: [1, 3]) or true or false for 'true_false'",
    ),
]


class Check(Strict):
    """One knowledge check."""

    id: Ident
    kind: Kind
    situation: Text | None = Field(None, description="A scenario's short situation.")
    question: Text
    choices: list[ChoiceItem] = Field(
        default_factory=list,
        json_schema_extra={"maxItems": MAX_CHOICES},  # checked on loading, with its reason
    )
    answer: Answer | None = Field(
        None,
        description="The right choice's number (from 1), a list of numbers for 'multiple', "
        "true or false for 'true_false'; none for 'ordering'.",
    )
    feedback: Feedback
    facilitator: CheckFacilitator | None = None

    def options(self) -> list[Choice]:
        """The choices as :class:`Choice` objects, in the order written."""
        return [c if isinstance(c, Choice) else Choice(text=c) for c in self.choices]

    def shown(self) -> list[int]:
        """The order participants see the choices in, as indices into ``choices`` (for
        ``true_false``, into [true, false]): as written, except ``ordering``, shuffled the
        same way in every build and never in the right order."""
        written = list(range(len(self.choices) if self.choices else 2))
        if self.kind != "ordering":
            return written
        order = sorted(written, key=lambda i: hashlib.sha256(f"{self.id}:{i}".encode()).digest())
        return order[1:] + order[:1] if order == written else order

    def key_letters(self) -> list[str]:
        """The right choices as the workbook letters them (A, B, ...), in the right order."""
        position = {written: shown for shown, written in enumerate(self.shown())}
        return [chr(ord("A") + position[i]) for i in self.right()]

    def right(self) -> list[int]:
        """The right choices, counting from 0: for ``ordering`` every index in order, for
        ``true_false`` [0] for true and [1] for false."""
        if self.kind == "ordering":
            return list(range(len(self.choices)))
        if self.kind == "true_false":
            return [0 if self.answer is True else 1]
        if isinstance(self.answer, list):
            return [a - 1 for a in self.answer]
        assert isinstance(self.answer, int)
        return [self.answer - 1]


class CheckFile(Strict):
    """A file ``checks/<module-id>.yml``: the module's checks, in the order asked."""

    checks: list[Check] = Field(min_length=1)
