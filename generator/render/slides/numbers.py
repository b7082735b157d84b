"""Slide numbers for the guide: the same plan the deck is written from.

The guide prints "Slide N" beside each segment. The numbers come from
:func:`.plan.plan_deck` with the boxes the deck will use (the house style's, or those of
the program's own template) and the workbook pages of the same build, so the guide and
the deck agree by construction, whichever process renders each.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...errors import display_path
from ...model import Program
from ...model.participant import ParticipantProgram
from .plan import plan_deck
from .spec import HOUSE_BOXES, Boxes, Slide

SegmentSlides = dict[str, list[tuple[int, int] | None]]
"""Module id -> for each segment in order, its first and last slide (1-based), or None
for a segment that puts nothing on screen (the guide then prints no slide number)."""


def deck_boxes(program: Program) -> Boxes:
    """The writable areas of the layouts the deck will use; raises
    :class:`~generator.errors.BuildError` for a template that cannot be read."""
    config = program.config
    if not config.slides_template:
        return HOUSE_BOXES
    from .template import own_template  # python-pptx, only for a program's own template

    path = program.root / config.slides_template
    return own_template(path, display_path(path, program.root)).boxes


def numbering(slides: Sequence[Slide], segments: dict[str, int]) -> SegmentSlides:
    """Each segment's first and last slide number, from a planned deck.

    ``segments``: module id -> how many segments it has. Every module gets one entry per
    segment, None where the deck has no slide for it, so the guide's lookup never falls
    off the end of a list."""
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    for number, slide in enumerate(slides, start=1):
        if slide.segment is not None:
            first, _ = spans.get(slide.segment, (number, number))
            spans[slide.segment] = (first, number)
    return {
        module_id: [spans.get((module_id, index)) for index in range(count)]
        for module_id, count in segments.items()
    }


def slide_numbers(
    program: Program, view: ParticipantProgram, workbook_pages: dict[str, int]
) -> SegmentSlides:
    """The slide numbers of every segment, as the deck of this build will have them."""
    counts = {module.id: len(module.segments) for module in view.modules}
    return numbering(plan_deck(program, view, workbook_pages, deck_boxes(program)), counts)
