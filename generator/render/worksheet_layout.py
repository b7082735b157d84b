"""Worksheet tables laid out by role: a label column as narrow as its words allow,
writing columns sharing the rest, on a landscape page when portrait is too narrow.

Widths are estimated from the text (the workbook sets 12 pt Lato, bold in labels) before
WeasyPrint lays the page out; the estimate only chooses the page's orientation and the
label column's width, and errs wide so a label never breaks inside a word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

MIN_WRITING_MM = 45.0
"""The narrowest column a person can write a phrase in (the print lint's minimum too)."""

_PLANNED_MM = MIN_WRITING_MM + 2.5
"""What a layout must promise a writing column: the minimum plus room for the cell's
padding and borders, and for estimates of the label column that come out narrow."""

TEXT_WIDTH_MM = {"A4": (170.0, 249.0), "letter": (175.9, 231.4)}
"""Paper -> width of the text column, portrait and landscape (print-base.css margins:
24 mm inside and 16 mm outside; 24 mm each side on landscape pages)."""

TEXT_HEIGHT_MM = {"A4": (255.0, 168.0), "letter": (237.4, 173.9)}
"""Paper -> height of the text area, portrait and landscape (20 mm top, 22 mm bottom)."""

LINE_PITCH_MM = 8.5
"""Ruled lines: the distance from one to the next (the lint's minimum is 8 mm)."""

_CHAR_MM = 2.45  # an average bold letter at 12 pt, a little generous
_WIDE_CHAR_MM = 4.4  # a Chinese, Japanese or Korean character at 12 pt
_CELL_PADDING_MM = 5.0  # both sides' padding and the borders
_LABEL_CAP_MM = 42.0  # longer labels wrap onto more lines rather than widen the column


@dataclass(frozen=True)
class TablePlan:
    """How one worksheet table prints. ``mode``:

    - ``grid``: as written, in portrait;
    - ``transposed``: a matrix turned round (its row labels head the columns, its column
      headings label the rows) because that fits portrait and the original does not;
    - ``cards``: a table of empty rows too wide for portrait, each row a card with the
      column headings down its side and a writing cell beside each;
    - ``landscape``: on a landscape page, when nothing else fits.

    ``label_mm`` is the width of the label column (0 for none), ``writing_mm`` the width
    of each writing column."""

    mode: Literal["grid", "transposed", "cards", "landscape"]
    label_mm: float
    writing_mm: float

    @property
    def landscape(self) -> bool:
        return self.mode == "landscape"

    @property
    def cards(self) -> bool:
        return self.mode == "cards"

    @property
    def transposed(self) -> bool:
        return self.mode == "transposed"


def text_mm(text: str) -> float:
    """Estimated printed width of ``text`` in millimetres at the workbook's label size."""
    return sum(
        _WIDE_CHAR_MM if unicodedata.east_asian_width(ch) in "WF" else _CHAR_MM for ch in text
    )


def label_column_mm(labels: list[str], room: float = _LABEL_CAP_MM + _CELL_PADDING_MM) -> float:
    """Width of a label column: its longest word at least (a label never breaks inside a
    word); its longest label, up to :data:`_LABEL_CAP_MM` and ``room``, when there is
    room for it. 0 for no labels."""
    if not labels:
        return 0.0
    word = max(text_mm(w) for label in labels for w in (label.split() or [""]))
    whole = max(text_mm(label) for label in labels)
    comfortable = min(whole, _LABEL_CAP_MM, room - _CELL_PADDING_MM)
    return round(max(word, comfortable) + _CELL_PADDING_MM, 1)


def _fit(width: float, columns: int, labels: list[str]) -> tuple[float, float]:
    """(label column, writing column) widths for ``columns`` writing columns in ``width``."""
    label = label_column_mm(labels, width - columns * _PLANNED_MM)
    return label, round((width - label) / columns, 1)


def plan_table(
    columns: list[str], labels: list[str], paper: str, may_turn: bool = True
) -> TablePlan:
    """The layout of a worksheet table with ``columns`` headings and row ``labels`` (none
    for a table of empty rows) on ``paper``: the first of grid, transposed (a matrix,
    unless ``may_turn`` is false), cards (empty rows) and landscape that gives every
    writing column :data:`MIN_WRITING_MM` (and a little over); landscape when none does."""
    portrait, landscape = TEXT_WIDTH_MM[paper]
    label, writing = _fit(portrait, len(columns), labels)
    if writing >= _PLANNED_MM:
        return TablePlan("grid", label, writing)
    if labels and may_turn:
        label, writing = _fit(portrait, len(labels), columns)
        if writing >= _PLANNED_MM:
            return TablePlan("transposed", label, writing)
    elif not labels:
        side = label_column_mm(columns, portrait - _PLANNED_MM)
        return TablePlan("cards", side, round(portrait - side, 1))
    label, writing = _fit(landscape, len(columns), labels)
    return TablePlan("landscape", label, writing)


def notes_lines(paper: str, heading_mm: float = 24.0) -> int:
    """How many ruled lines fill a notes page under its heading."""
    return int((TEXT_HEIGHT_MM[paper][0] - heading_mm) // LINE_PITCH_MM)


__all__ = ["MIN_WRITING_MM", "TablePlan", "label_column_mm", "notes_lines", "plan_table"]
