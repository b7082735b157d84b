"""The deck as plain data: what each slide shows, how big, and what its notes say."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ... import i18n
from . import fit
from .fit import Box

Layout = Literal["deck", "section", "content", "agenda", "image", "case", "exercise", "quote"]
"""Which layout a slide uses: the title slide, a section header, title and content,
title only with the agenda table, title only with a picture scaled to fit; a case (title
and content under a coloured band with the case's organisation, years and workbook page)
an exercise (title and content beside a panel with format, group size, minutes and
workbook page), or a quotation (title only, the words in large type, the attribution
under them)."""


@dataclass(frozen=True)
class Para:
    """One paragraph of a slide's body."""

    text: str
    kind: Literal["bullet", "number", "facts"] = "bullet"
    number: int = 0
    """The number a numbered paragraph shows (it carries on across continuation slides)."""


@dataclass(frozen=True)
class Topic:
    """The model item behind a slide: ``kind`` is module, principle, case, exercise or
    debrief; ``key`` the item's id (a principle's index)."""

    kind: Literal["module", "principle", "case", "exercise", "debrief"]
    key: str


@dataclass(frozen=True)
class Row:
    """One row of the agenda table."""

    time: str
    title: str
    is_break: bool = False


@dataclass
class Slide:
    layout: Layout
    title: str
    title_size: float
    subtitle: str = ""
    subtitle_size: float = 24
    body: list[Para] = field(default_factory=list)
    body_size: float = 24
    rows: list[Row] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    """A case slide's band, an exercise slide's panel: one fact a line."""
    facts_size: float = 20
    image: str = ""
    """An image slide's picture: its path relative to the program folder."""
    alt: str = ""
    """The picture's alternative text."""
    notes: list[str] = field(default_factory=list)
    """Paragraphs of the speaker notes."""
    topic: Topic | None = None
    """What the slide shows, so the notes can add the facilitator's side of it."""
    segment: tuple[str, int] | None = None
    """The module id and the index (0-based) of the segment it is on screen during."""


@dataclass(frozen=True)
class Boxes:
    """Writable areas of the layouts the deck uses, in points."""

    title: Box
    body: Box
    section_title: Box
    section_subtitle: Box
    deck_title: Box
    deck_subtitle: Box


HOUSE_BOXES = Boxes(
    fit.HOUSE_TITLE,
    fit.HOUSE_BODY,
    fit.HOUSE_SECTION_TITLE,
    fit.HOUSE_SECTION_SUBTITLE,
    fit.HOUSE_DECK_TITLE,
    fit.HOUSE_DECK_SUBTITLE,
)


@dataclass(frozen=True)
class Labels:
    """The deck's fixed words in the program's language, from the shared catalogues."""

    language: str
    text: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.text[key]

    def clock(self, hhmm: str) -> str:
        return i18n.clock(hhmm, self.language)


def labels(language: str) -> Labels:
    _ = i18n.gettext(language)

    def bare(message: str) -> str:  # "Listen for:" -> "Listen for", in any language
        return _(message).rstrip(" :.")

    text = {
        "agenda": _("The day at a glance"),
        "agenda_day": _("The day at a glance") + " · " + _("Day") + " {day}",
        "objectives": bare("Objectives."),
        "reflection": _("Reflection"),
        "takeaways": _("Key takeaways"),
        "debrief": _("Debrief"),
        "activity": _("Activity:") + " {title}",
        "case": _("Case:") + " {title}",
        "module": _("Module") + " {number}",
        "minutes": "{minutes} " + _("minutes"),
        "workbook": _("Workbook p.") + " {page}",
        "groups_of": _("groups of") + " {size}",
        **{kind: _(kind).capitalize() for kind in ("solo", "pair", "triad", "group", "plenary")},
        "materials": bare("Materials."),
        "online_steps": _("Taking part online"),
        "say": _("Say"),
        "do": _("Do"),
        "timing": bare("Timing:"),
        "online": bare("Online:"),
        "large_group": bare("Large groups:"),
        "listen_for": bare("Listen for:"),
        "transition": bare("Transition:"),
        "if_late": bare("If you are running late:"),
        "saves": _("Saves"),
        "setup": _("Set-up"),
        "notes": _("Notes"),
        "prepare": _("Preparation"),
        "time": _("Time"),
        "session": _("Session"),
        "min": _("min"),
        "day": _("Day"),
    }
    return Labels(language, text)
