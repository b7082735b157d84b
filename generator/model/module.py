"""Modules: the teaching units of a program, with their run-of-show."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import DebriefQuestion, Ident, Line, Minutes, Plain, Source, Strict, Text
from .material import MaterialUse, PrepItem
from .quote import Quote


class PrincipleFacilitator(Strict):
    """Facilitator-only material. Never reaches a participant output."""

    talking_points: list[Text] = Field(default_factory=list)


class Principle(Strict):
    """An idea the module teaches, with what it looks like in practice."""

    name: Plain
    explanation: Text
    behaviours: list[Line] = Field(default_factory=list, description="What you would see.")
    pitfalls: list[Line] = Field(default_factory=list, description="What it is not.")
    question: Line | None = Field(None, description="A question to ask yourself.")
    quote: Quote | None = Field(
        None, description="A quotation for the principle's quotation slide (screen: quote)."
    )
    facilitator: PrincipleFacilitator = Field(default_factory=PrincipleFacilitator)


class IfLate(Strict):
    """What to do with a segment when the day runs late: the running-late list.

    Facilitator-only (it sits under ``facilitator:``). The guide's "If you are running
    late" table lists every such segment of the day in ``order``; the live run-of-show
    proposes the same cuts.
    """

    saves: Minutes = Field(
        description="Minutes the cut saves: the whole segment's minutes if it is dropped, "
        "fewer if it is shortened. Never more than the segment's minutes."
    )
    how: Line = Field(
        description="What to do instead, in a sentence, e.g. 'Skip the second case; "
        "summarise its lesson in one minute.'"
    )
    order: Annotated[int, Field(ge=1, le=99, strict=True)] = Field(
        description="Which cut comes first across the day: 1 is cut first. Equal numbers "
        "keep the order of the day."
    )


class SegmentFacilitator(Strict):
    """Facilitator-only material. Never reaches a participant output."""

    say: list[Text] = Field(default_factory=list, description="Talking points, in order.")
    do: list[Text] = Field(default_factory=list, description="What the facilitator does.")
    timing_cues: list[Line] = Field(default_factory=list)
    debrief: list[DebriefQuestion] = Field(
        default_factory=list, description="Questions for the room, with what to listen for."
    )
    transition: Text | None = Field(None, description="The bridge into the next segment.")
    virtual: Text | None = Field(None, description="What changes when the session is online.")
    if_late: IfLate | None = Field(
        None,
        description="Cuttable: what to cut or shorten here when the day runs late, "
        "{saves: minutes, how: ..., order: 1 is cut first}.",
    )


Screen = Literal[
    "title",
    "objectives",
    "principle",
    "case",
    "exercise",
    "debrief",
    "reflection",
    "takeaways",
    "quote",
    "image",
    "blank",
]
"""What is on screen during a segment (see :mod:`generator.render.slides.screens`)."""


class Segment(Strict):
    """One block of the run-of-show."""

    title: Plain
    minutes: Minutes
    method: Literal[
        "opening", "input", "discussion", "case", "exercise", "reflection", "assessment", "close"
    ]
    materials: list[MaterialUse] = Field(
        default_factory=list,
        description="Catalogue items this segment needs: {item: timer} or the id alone.",
    )
    exercise: Ident | None = Field(None, description="The exercise run in this segment.")
    case: Ident | None = Field(None, description="The case discussed in this segment.")
    case_questions: list[Line] = Field(
        default_factory=list,
        description="Questions of its own for a case an earlier module already discussed: "
        "participants see them in the workbook and on the slide instead of the case's own.",
    )
    screen: Screen | None = Field(
        None,
        description="What is on screen: title, objectives, principle, case, exercise, "
        "debrief, reflection, takeaways, quote (the case's quote, else the first principle's), "
        "image (with screen_image and screen_alt) or blank. Leave it out to get the default: the "
        "segment's case or exercise, the objectives first, the key ideas at the first input.",
    )
    screen_image: Line | None = Field(
        None,
        description="With screen: image, the image on screen: a PNG, JPEG or GIF, its path "
        "relative to the program folder, e.g. images/queue.png.",
    )
    screen_alt: Line | None = Field(
        None,
        description="With screen: image, what the image shows, in a sentence, for people "
        "who cannot see it (the slide's alternative text; participants can read it).",
    )
    debrief_prompts: list[Line] = Field(
        default_factory=list,
        description="The debrief questions as the room sees them on the debrief slide; what "
        "to listen for stays in facilitator.debrief.",
    )
    practises: list[Annotated[int, Field(ge=1, strict=True)] | Line] = Field(
        default_factory=list,
        description="The module's objectives this segment practises: their numbers as printed "
        "(the first is 1) or the words each begins with, e.g. [1, 'Practise listening'].",
    )
    facilitator: SegmentFacilitator = Field(default_factory=SegmentFacilitator)

    @model_validator(mode="after")
    def _questions_need_a_case(self) -> Segment:
        if self.case_questions and not self.case:
            raise ValueError(
                "case_questions are for a segment that returns to a case; "
                "add case: with the case's id, or remove them"
            )
        if self.screen == "image" and not (self.screen_image and self.screen_alt):
            missing = "screen_image" if not self.screen_image else "screen_alt"
            raise ValueError(
                f"screen: image needs {missing}: screen_image is the image's path relative "
                "to the program folder, screen_alt says in a sentence what it shows; add it"
            )
        if self.screen != "image" and (self.screen_image or self.screen_alt):
            raise ValueError(
                "screen_image and screen_alt are for screen: image; add screen: image, "
                "or remove them"
            )
        cut = self.facilitator.if_late
        if cut and cut.saves > self.minutes:
            raise ValueError(
                f"facilitator.if_late.saves is {cut.saves} minutes but the segment has "
                f"{self.minutes}; a cut saves at most the segment's own minutes"
            )
        for needs in ("case", "exercise"):
            if self.screen == needs and not getattr(self, needs):
                raise ValueError(
                    f"screen: {needs} needs the segment's {needs}: add {needs}: with its id, "
                    "or choose another screen"
                )
        return self


class ModuleFacilitator(Strict):
    """Facilitator-only material. Never reaches a participant output."""

    preparation: list[PrepItem] = Field(
        default_factory=list,
        description="What to do beforehand: {task: ..., horizon: two-weeks|one-week|"
        "day-before|on-the-day|after}.",
    )
    notes: Text | None = None
    virtual: Text | None = Field(None, description="How the module changes online, overall.")


class Module(Strict):
    """One module (``modules/<id>.yml``)."""

    id: Ident
    title: Plain
    summary: Text
    duration: Minutes = Field(description="Teaching minutes; the segments must add up to this.")
    objectives: list[Line] = Field(
        min_length=1, description="What participants will be able to do: start with a verb."
    )
    outcomes: dict[Ident, list[Annotated[int, Field(ge=1, strict=True)]]] = Field(
        default_factory=dict,
        description="The program outcomes this module serves, each with the numbers of the "
        "objectives that lead to it (the first is 1), e.g. {listening: [1, 3]}.",
    )
    principles: list[Principle] = Field(default_factory=list)
    cases: list[Ident] = Field(default_factory=list, description="Ids of cases used here.")
    exercises: list[Ident] = Field(default_factory=list, description="Ids of exercises used.")
    segments: list[Segment] = Field(min_length=1)
    reflection: list[Line] = Field(default_factory=list, description="Reflection prompts.")
    takeaways: list[Line] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    facilitator: ModuleFacilitator = Field(default_factory=ModuleFacilitator)
