"""The program: which modules, in what order, on which days, for whom, printed how.

It is configured in ``mkdocs.yml`` under the ``servefirst`` plugin's ``program`` option.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator

from .base import Ident, Line, Minutes, Plain, Strict
from .material import CatalogueItem, MaterialUse

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _clock(value: object) -> object:
    # YAML 1.1 reads an unquoted 09:00 as the sexagesimal number 540: turn it back.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"
    return value


Clock = Annotated[str, BeforeValidator(_clock), Field(pattern=_CLOCK.pattern)]


def clock_minutes(clock: str) -> int:
    match = _CLOCK.match(clock)
    assert match, clock
    return int(match.group(1)) * 60 + int(match.group(2))


class Break(Strict):
    """A break or lunch: a schedule item, not content."""

    break_: Plain = Field(alias="break", description="Its name, e.g. 'Lunch'.")
    minutes: Minutes


def _plan_kind(value: object) -> str:
    return "plan:break" if isinstance(value, dict | Break) else "plan:module"


PlanItem = Annotated[
    Annotated[Ident, Tag("plan:module")] | Annotated[Break, Tag("plan:break")],
    Discriminator(_plan_kind),
]
"""A module id, or a ``{break: Lunch, minutes: 45}`` mapping."""


class Day(Strict):
    start: Clock = Field("09:00", description="When the day starts, HH:MM.")
    finish_by: Clock = Field("17:00", description="When the day must be over, HH:MM.")
    plan: list[PlanItem] = Field(min_length=1, description="Module ids and breaks, in order.")

    @model_validator(mode="after")
    def _finish_after_start(self) -> Day:
        if clock_minutes(self.finish_by) <= clock_minutes(self.start):
            raise ValueError(f"finish_by {self.finish_by} is not after start {self.start}")
        return self


class Branding(Strict):
    colour: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = Field(
        "#1f5f7a", description="Primary colour, #RRGGBB."
    )
    logo: str | None = Field(None, description="Logo file (SVG or PNG), relative to mkdocs.yml.")


class ModuleChanges(Strict):
    """Shorten a library module from the program file, without copying it."""

    drop: list[Line] = Field(
        default_factory=list, description="Titles of segments to leave out of the module."
    )
    duration: Minutes | None = Field(
        None, description="The new duration; it must equal the minutes of the segments kept."
    )


class Outcome(Strict):
    """A program-level outcome: what participants can do after the whole program."""

    id: Ident
    statement: Line = Field(
        description="Participants' words for the end-of-day self-rating, completing 'I can "
        "now...', e.g. 'put my team's needs first in a one-to-one'."
    )


class Term(Strict):
    singular: Line
    plural: Line


class ProgramConfig(Strict):
    """The ``program`` option of the ``servefirst`` plugin in ``mkdocs.yml``."""

    title: Plain
    subtitle: Plain | None = None
    organisation: Plain
    audience: Plain = Field(description="Who the workshop is for.")
    version: Plain = "1.0"
    date: Plain | None = Field(None, description="Date of this edition, as printed on covers.")
    group_size: int = Field(16, ge=1, le=500, description="Planned participants.")
    table_size: int = Field(
        4, ge=1, le=50, description="People per table: materials per table count the tables."
    )
    paper: Literal["A4", "letter"] = "A4"
    press: bool = Field(
        False,
        description="Also write OUT/press/: a PDF/X-4 file of the workbook and of the guide "
        "for a print shop (3 mm bleed and crop marks on the covers) and the workbook as a "
        "saddle-stitch booklet for an office duplex printer (as `build --press`).",
    )
    notes_pages: Literal["ruled", "dotted", "blank"] = Field(
        "ruled",
        description="The notes page closing each module of the workbook: ruled lines, "
        "dotted lines or blank.",
    )
    language: Literal["en", "es"] = Field(
        "en", description="Language of the fixed labels (headings, 'Workbook p.', dates)."
    )
    branding: Branding = Field(default_factory=Branding)
    slides_template: str | None = Field(
        None,
        description="A .pptx whose slide master and layouts the slide deck uses, relative to "
        "mkdocs.yml. Without one, the deck uses the house style in the branding colour.",
    )
    days: list[Day] = Field(min_length=1)
    outcomes: list[Outcome] = Field(
        default_factory=list,
        description="A few program-level outcomes; module objectives link to them (the "
        "module's outcomes) and the end-of-day evaluation asks for a self-rating of each.",
    )
    delivery: Literal["in-person", "virtual"] = Field(
        "in-person", description="Selects in-person or virtual instructions everywhere."
    )
    glossary: list[Ident] = Field(
        default_factory=list,
        description="Modules whose principles form the handbook's glossary (default: every module).",
    )
    customise: dict[Ident, ModuleChanges] = Field(
        default_factory=dict, description="Per-module changes: segments to drop, new duration."
    )
    terminology: dict[Line, Line | Term] = Field(
        default_factory=dict,
        description="Words to replace in every output, e.g. {customer: patient}. "
        "Plurals are formed with -s unless given as {singular: ..., plural: ...}.",
    )
    terminology_keep: list[Line] = Field(
        default_factory=list,
        description="Fields the terminology never rewords: an item id, an id and a field "
        "path (serve-first.summary), or program.audience / program.subtitle.",
    )

    @property
    def module_ids(self) -> list[str]:
        return [item for day in self.days for item in day.plan if isinstance(item, str)]


class LintConfig(Strict):
    """Which design-linter rules run (``servefirst validate``); codes as in the README."""

    select: list[Line] = Field(
        default_factory=list, description="Run only these rules (default: every rule)."
    )
    ignore: list[Line] = Field(
        default_factory=list, description="Rules to leave out, e.g. [SF104]."
    )


class PluginConfig(Strict):
    """Everything under ``plugins: - servefirst:`` in ``mkdocs.yml``."""

    program: ProgramConfig
    library: bool = Field(
        True, description="Build on the built-in library of modules, cases and exercises."
    )
    modules_dir: str = "modules"
    exercises_dir: str = "exercises"
    catalogue: dict[Ident, CatalogueItem] = Field(
        default_factory=dict,
        description="Materials of the program's own, added to the built-in catalogue by id "
        "(an id of the built-in catalogue replaces its item).",
    )
    materials: list[MaterialUse] = Field(
        default_factory=list,
        description="What the whole day needs besides each activity's materials: name cards, "
        "projector, flipcharts per table.",
    )
    overrides: list[Line] = Field(
        default_factory=list,
        description="Generated handbook pages that a hand-written page in docs_dir replaces "
        "on purpose, as paths under docs_dir, e.g. index.md or modules/serve-first.md.",
    )
    lint: LintConfig = Field(
        default_factory=LintConfig, description="Design-linter rules to select or ignore."
    )
    assessment: list[Ident] = Field(
        default_factory=list,
        description="Knowledge-check ids (from checks/<module-id>.yml) asked before the day "
        "as a pre-check and after it as a post-check.",
    )
