"""Exercises: what participants do, the worksheet they write on, and the facilitator's side."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .base import DebriefQuestion, Ident, Line, Minutes, Plain, Strict, Text
from .material import MaterialUse


class LinesField(Strict):
    """Ruled writing lines, sized to the expected answer."""

    kind: Literal["lines"]
    label: Line = Field(description="The prompt printed above the lines.")
    lines: int = Field(3, ge=1, le=40, description="How many ruled lines to print.")
    hint: Line | None = Field(None, description="A short example or hint, printed in grey.")


class BoxField(Strict):
    """An open box for notes, sketches or maps."""

    kind: Literal["box"]
    label: Line
    height: Literal["small", "medium", "large", "page"] = Field(
        "medium", description="small ~3 cm, medium ~6 cm, large ~10 cm, page: the rest of a page."
    )
    hint: Line | None = None


class ScaleField(Strict):
    """A rating scale: one row per item, one circle per point."""

    kind: Literal["scale"]
    label: Line
    items: list[Line] = Field(min_length=1, description="The statements to rate.")
    points: int = Field(5, ge=2, le=10, description="Number of points on the scale.")
    low: Line = Field("Rarely", description="What the lowest point means.")
    high: Line = Field("Almost always", description="What the highest point means.")


class ChecklistField(Strict):
    """Tick boxes."""

    kind: Literal["checklist"]
    label: Line
    items: list[Line] = Field(min_length=1)


class TableField(Strict):
    """A table with headed columns and empty cells to fill in."""

    kind: Literal["table"]
    label: Line
    columns: list[Line] = Field(min_length=1, max_length=6)
    rows: int | list[Line] = Field(
        4, description="Number of empty rows, or a list of row labels (first column)."
    )
    row_height: Literal["single", "double", "triple"] = Field(
        "double", description="Writing space per row: about 1, 2 or 3 lines."
    )


class FollowUpField(Strict):
    """The 30/60/90-day follow-up: one row per program outcome the day serves (without
    outcomes, each module's first objective), with space at 30, 60 and 90 days for what
    I will have done and how I will know."""

    kind: Literal["follow_up"]
    label: Line = Field(description="The heading printed above the follow-up table.")
    hint: Line | None = Field(None, description="A short example or hint, printed in grey.")


def _kind(value: object) -> str | None:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    return f"kind:{kind}" if isinstance(kind, str) else None


# Tags carry a colon so error locations can tell them apart from field names.
WorksheetField = Annotated[
    Annotated[LinesField, Tag("kind:lines")]
    | Annotated[BoxField, Tag("kind:box")]
    | Annotated[ScaleField, Tag("kind:scale")]
    | Annotated[ChecklistField, Tag("kind:checklist")]
    | Annotated[TableField, Tag("kind:table")]
    | Annotated[FollowUpField, Tag("kind:follow_up")],
    Discriminator(
        _kind,
        custom_error_type="worksheet_kind",
        custom_error_message="expected kind: lines, box, scale, checklist, table or follow_up",
    ),
]


class TimingCue(Strict):
    """A cue the facilitator gives at a minute mark, e.g. '4: switch roles'."""

    at: int = Field(ge=0, le=600, description="Minutes after the exercise starts.")
    cue: Line


class ExerciseFacilitator(Strict):
    """Facilitator-only material. Never reaches a participant output."""

    setup: Text = Field(description="How to brief the exercise and set the room up.")
    timing_cues: list[TimingCue] = Field(default_factory=list)
    debrief: list[DebriefQuestion] = Field(min_length=1)
    virtual: Text = Field(description="How to run it online (breakout rooms, shared boards).")
    large_group: Text | None = Field(None, description="How to run it with 30 or more people.")
    notes: Text | None = Field(None, description="Anything else: common traps, sensitivities.")


class Exercise(Strict):
    """One activity from the shared exercise library (``exercises/<id>.yml``)."""

    id: Ident
    title: Plain
    format: Literal["solo", "pair", "triad", "group", "plenary"]
    minutes: Minutes
    group_size: Annotated[str, Field(pattern=r"^\d+(-\d+)?$")] | None = Field(
        None, description="People per group, e.g. '3' or '4-6'. Leave out for solo work."
    )
    purpose: Text = Field(description="One or two sentences: why participants do this.")
    materials: list[MaterialUse] = Field(
        default_factory=list,
        description="Catalogue items the activity needs: {item: sticky-notes, per: person, "
        "quantity: 5} or the id alone.",
    )
    instructions: list[Text] = Field(min_length=1, description="Steps, as participants read them.")
    virtual_instructions: list[Text] = Field(
        default_factory=list, description="Participant steps when the session runs online."
    )
    worksheet: list[WorksheetField] = Field(default_factory=list)
    scoring: Text | None = Field(
        None, description="For self-assessments: how to score it and read the result."
    )
    debrief_prompts: list[Line] = Field(
        default_factory=list,
        description="The debrief questions as the room sees them on the debrief slide; what "
        "to listen for stays in facilitator.debrief.",
    )
    facilitator: ExerciseFacilitator

    @model_validator(mode="after")
    def _group_size_fits_format(self) -> Exercise:
        if self.format in {"pair", "triad"} and self.group_size not in {None, "2", "3"}:
            expected = "2" if self.format == "pair" else "3"
            raise ValueError(f"a {self.format} has group_size {expected}, got {self.group_size}")
        return self
