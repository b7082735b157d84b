"""Materials: catalogue items, the references activities make to them, and preparation tasks.

The catalogue says what an item is and how it scales; a segment or an exercise names the
items it uses (``{item: timer}``, or the plain id ``timer``), and may change the scale or
the quantity. Free text that names no catalogue item still loads, with a deprecation
warning, so older program folders keep building.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from .base import Ident, Line, Strict

Kind = Literal["stationery", "printed", "equipment", "prepared-flipchart", "room"]
"""What sort of thing an item is; the guide's materials list is grouped by it."""

Scale = Literal["person", "pair", "group", "table", "room"]
"""What one quantity is counted for: each participant, pair, group, table, or the room."""

Horizon = Literal["two-weeks", "one-week", "day-before", "on-the-day", "after"]
"""When something is done, relative to the workshop day."""

Quantity = Annotated[int, Field(ge=0, le=1000, strict=True)]


class CatalogueItem(Strict):
    """One entry of the materials catalogue (shipped, or under ``catalogue:`` in mkdocs.yml)."""

    name: Line = Field(description="As printed in the guide's materials list, e.g. 'Name cards'.")
    kind: Kind
    per: Scale = Field("room", description="What one quantity is counted for.")
    quantity: Quantity = Field(1, description="How many per person, pair, group, table or room.")
    prepare: Horizon | None = Field(
        None,
        description="When it must be ready; by default two weeks before for the room, "
        "the day before for prepared flipcharts, one week before for everything else.",
    )
    consumable: bool = Field(
        False,
        description="Used up (sticky notes, forms): the quantities of every activity add up. "
        "Otherwise the same items serve every activity and the busiest one counts.",
    )
    participant: bool = Field(
        False,
        description="Participants hold it (workbook, pen, cards): the workbook's "
        "'You need:' line names it. Everything else stays in the facilitator guide.",
    )


class MaterialRef(Strict):
    """A segment's or an exercise's use of a catalogue item."""

    item: Ident = Field(description="The id of a catalogue item, e.g. 'timer'.")
    per: Scale | None = Field(None, description="Counted per ...; default: the catalogue's.")
    quantity: Quantity | None = Field(
        None, description="How many per ...; default: 1 or the catalogue's."
    )
    optional: bool = Field(False, description="Nice to have: the list marks it optional.")


def _material_kind(value: object) -> str:
    return "material:ref" if isinstance(value, dict | MaterialRef) else "material:text"


MaterialUse = Annotated[
    Annotated[MaterialRef, Tag("material:ref")] | Annotated[Line, Tag("material:text")],
    Discriminator(_material_kind),
]
"""``{item: timer, per: pair}``, or a plain string: a catalogue id (``timer``) as shorthand,
or free text (deprecated: it prints as written and nothing counts it properly)."""


class PrepTask(Strict):
    """A preparation task with the horizon it belongs to."""

    task: Line
    horizon: Horizon = Field(description="two-weeks, one-week, day-before, on-the-day or after.")


def _task_kind(value: object) -> str:
    return "task:horizon" if isinstance(value, dict | PrepTask) else "task:text"


PrepItem = Annotated[
    Annotated[PrepTask, Tag("task:horizon")] | Annotated[Line, Tag("task:text")],
    Discriminator(_task_kind),
]
"""``{task: ..., horizon: day-before}``, or a plain string (deprecated: its horizon is
guessed from a leading 'Two weeks before:' and the like, else the day before)."""
