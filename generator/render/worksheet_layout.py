"""Worksheet tables laid out by role: a label column as narrow as its words allow,
writing columns sharing the rest, on a landscape page when portrait is too narrow.

Widths are estimated from the text (the workbook sets 12 pt Lato, bold in labels) before
WeasyPrint lays the page out; the estimate only chooses the page's orientation and the
label column's width, and errs wide so a label never breaks inside a word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MIN_WRITING_MM = 45.0
"""The narrowest column a person can write a phrase in (the print lint's minimum too)."""

TEXT_WIDTH_MM = {"A4": (170.0, 253.0), "letter": (175.9, 235.4)}
"""Paper -> width of the text column, portrait and landscape (print-base.css margins:
24 mm inside and 16 mm outside; 22 mm each side on landscape pages)."""

TEXT_HEIGHT_MM = {"A4": (255.0, 174.0), "letter": (237.4, 179.9)}
"""Paper -> height of the text area, portrait (20 mm top, 22 mm bottom) and landscape
(18 mm each)."""

LINE_PITCH_MM = 8.5
"""Ruled lines: the distance from one to the next (the lint's minimum is 8 mm)."""

_CHAR_MM = 2.45  # an average bold letter at 12 pt, a little generous
_WIDE_CHAR_MM = 4.4  # a Chinese, Japanese or Korean character at 12 pt
_CELL_PADDING_MM = 5.0  # both sides' padding and the borders
_LABEL_CAP_MM = 42.0  # longer labels wrap onto more lines rather than widen the column


@dataclass(frozen=True)
class TablePlan:
    """How one worksheet table prints: ``landscape`` for its own landscape page,
    ``label_mm`` the width of its row-label column (0 without labels) and ``writing_mm``
    the width each writing column gets."""

    landscape: bool
    label_mm: float
    writing_mm: float


def text_mm(text: str) -> float:
    """Estimated printed width of ``text`` in millimetres at the workbook's label size."""
    return sum(
        _WIDE_CHAR_MM if unicodedata.east_asian_width(ch) in "WF" else _CHAR_MM for ch in text
    )


def label_column_mm(labels: list[str]) -> float:
    """Width of a row-label column: its longest word at least, its longest label at most,
    never wider than :data:`_LABEL_CAP_MM` unless a single word needs it. 0 for no labels."""
    if not labels:
        return 0.0
    word = max(text_mm(w) for label in labels for w in (label.split() or [""]))
    whole = max(text_mm(label) for label in labels)
    return round(max(word, min(whole, _LABEL_CAP_MM)) + _CELL_PADDING_MM, 1)


def plan_table(columns: int, labels: list[str], paper: str) -> TablePlan:
    """Portrait when every writing column gets :data:`MIN_WRITING_MM` there, else
    landscape (where the columns are as wide as that page allows, even if narrower)."""
    portrait, landscape = TEXT_WIDTH_MM[paper]
    label = label_column_mm(labels)
    upright = (portrait - label) / columns
    if upright >= MIN_WRITING_MM:
        return TablePlan(False, label, round(upright, 1))
    return TablePlan(True, label, round((landscape - label) / columns, 1))


def notes_lines(paper: str, heading_mm: float = 16.0) -> int:
    """How many ruled lines fill a notes page under its heading."""
    return int((TEXT_HEIGHT_MM[paper][0] - heading_mm) // LINE_PITCH_MM)


__all__ = ["MIN_WRITING_MM", "TablePlan", "label_column_mm", "notes_lines", "plan_table"]
