"""Print checks: what the PDFs' stylesheet cannot make readable is a located warning.

Words need no warning. ``print-base.css`` hyphenates words of 16 letters or more by the
program's language and breaks any word that still does not fit (``overflow-wrap:
anywhere``), so no word, address or identifier runs off the page: at worst it breaks
where it meets the margin, which is what an author who writes a 150-character URL
expects. A warning for every long URL would be noise.

A Markdown table is different. Its columns share the text column; when they are too many
for their words, every cell breaks its words mid-letter, and past about 30 columns the
table no longer fits at all. The stylesheet first wraps the cells, then prints wide tables
smaller (0.9 em, 0.8 em from 5 columns, 0.7 em from 8); a table whose words still need
more room than the text column has is warned about here, naming the file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from xml.etree.ElementTree import Element

from .checks_paths import _strings
from .errors import Problem
from .located import Located
from .render.markup import read_tree
from .yamlio import dotted

TEXT_COLUMN_MM = {"A4": 210 - 40, "letter": 215.9 - 40}
"""Page width less the 24 mm inside and 16 mm outside margins of print-base.css."""
BODY_PT = 12.0
"""The workbook's type size, the larger of the two PDFs' (fewer characters per line)."""
CHARACTER_EM = 0.5
"""Lato's average character width, in em."""
CELL_PADDING_MM = 3.2
"""Left and right padding of a prose table's cell in print-base.css."""
WHOLE_WORD = 12
"""Characters of a word that should not be broken; longer words break in prose too."""


def table_scale(columns: int) -> float:
    """The type size of a prose table relative to the body, as print-base.css sets it."""
    return 0.7 if columns >= 8 else 0.8 if columns >= 5 else 0.9


def table_width_mm(rows: Sequence[Sequence[str]]) -> float:
    """The width in millimetres a table needs to print its words whole (up to
    ``WHOLE_WORD`` characters each), at the type size the stylesheet gives it.

    ``rows``: the text of each cell, row by row, header first."""
    columns = max((len(row) for row in rows), default=0)
    character_mm = BODY_PT * table_scale(columns) * CHARACTER_EM * 25.4 / 72
    width = 0.0
    for column in range(columns):
        cells = [row[column] for row in rows if column < len(row)]
        longest = max((len(word) for cell in cells for word in cell.split()), default=0)
        width += min(longest, WHOLE_WORD) * character_mm + CELL_PADDING_MM
    return width


def check_tables(paper: str, items: Iterable[Located[Any]], warnings: list[Problem]) -> None:
    """Warn about each Markdown table in the prose of ``items`` (the planned modules and
    the cases and exercises they use) that is too wide for the text column of ``paper``."""
    room = TEXT_COLUMN_MM[paper]
    for located in items:
        for loc, text in _strings(located.item, ()):
            if "|" not in text or "\n" not in text:
                continue
            for rows in tables_in(text):
                need = table_width_mm(rows)
                if need > room:
                    warnings.append(
                        Problem(
                            located.file,
                            located.lines.line_of(loc),
                            dotted(loc),
                            f"a table of {max(len(r) for r in rows)} columns is too wide to "
                            f"print: its words need about {need:.0f} mm and the text column "
                            f"is {room:.0f} mm ({paper}), so both PDFs break words inside its "
                            "cells; use fewer columns (split the table, or swap its rows and "
                            "columns) or make it a list",
                        )
                    )


def tables_in(text: str) -> list[list[list[str]]]:
    """Every Markdown table in ``text``: its rows, each a list of cell texts."""
    found: list[list[list[str]]] = []

    def collect(root: Element) -> None:
        for table in root.iter("table"):
            found.append([["".join(cell.itertext()) for cell in row] for row in table.iter("tr")])

    read_tree(text, collect, priority=1)
    return found
