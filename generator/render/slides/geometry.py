"""Where things sit on a house-style slide (16:9), in EMU (914,400 to the inch)."""

from __future__ import annotations

from typing import NamedTuple


class Rect(NamedTuple):
    x: int
    y: int
    width: int
    height: int


INCH = 914_400
SLIDE_WIDTH = 12_192_000
SLIDE_HEIGHT = 6_858_000
OLD_WIDTH = 9_144_000
"""The width of python-pptx's blank 4:3 presentation the house style starts from."""
MARGIN = int(0.6 * INCH)
WIDTH = SLIDE_WIDTH - 2 * MARGIN


def _in(x: float, y: float, width: float, height: float) -> Rect:
    return Rect(int(x * INCH), int(y * INCH), int(width * INCH), int(height * INCH))


TITLE = Rect(MARGIN, int(0.35 * INCH), WIDTH, int(1.25 * INCH))
BODY = Rect(MARGIN, int(1.75 * INCH), WIDTH, int(4.95 * INCH))

FOOTER_RULE = Rect(MARGIN, int(6.9 * INCH), WIDTH, int(0.03 * INCH))
FOOTER_TEXT = _in(0.6, 6.95, 7.0, 0.4)
FOOTER_LOGO = Rect(SLIDE_WIDTH - MARGIN - 2 * INCH, int(6.97 * INCH), 2 * INCH, int(0.36 * INCH))
SLIDE_NUMBER_WIDTH = INCH

SECTION_BAR = _in(0, 0, 0.35, 7.5)
SECTION_TITLE = Rect(
    int(0.95 * INCH), int(1.6 * INCH), SLIDE_WIDTH - int(1.55 * INCH), int(2.2 * INCH)
)
SECTION_SUBTITLE = Rect(SECTION_TITLE.x, int(3.95 * INCH), SECTION_TITLE.width, int(1.2 * INCH))

DECK_TITLE = _in(0.9, 1.9, 11.5, 2.4)
DECK_SUBTITLE = _in(0.9, 4.45, 11.5, 1.4)
DECK_ORGANISATION = _in(0.9, 6.75, 7.0, 0.4)
DECK_LOGO_PANEL = _in(13.333 - 0.9 - 2.5, 6.45, 2.5, 0.75)
DECK_LOGO = _in(13.333 - 0.9 - 2.4, 6.53, 2.3, 0.59)
