"""Writing space, recognised by what is drawn, and its minimum sizes (PL201-PL204).

The lint does not need the templates' class names: a writing space is recognised by
its geometry on the page, whatever draws it.

- **Ruled lines**: two or more horizontal rules of the same length stacked one above the
  other with no text between them. WeasyPrint draws a border as the area between two
  rectangles (an outer and an inner one); a rectangle pair that differs only at its
  bottom is a rule.
- **A box**: a closed outline (rectangle pair, square or rounded, differing on all four
  sides) at least 10 mm each way with no text inside.
- **A writing cell**: an empty cell of a table ruled on every side (its borders drawn
  as lines, as collapsed table borders are).
- **A tick target**: a closed outline (square or circle) under 10 mm each way: a
  checklist's tick box or a scale's circle.

Minimums (``MINIMUM``): ruled lines at least 8 mm apart (a handwritten line at 12 pt);
a box at least 15 mm tall (two lines of writing); a table writing cell at least 8 mm
tall (one line); any writing column (a box, a cell, a rule) at least 45 mm wide (about
four handwritten words); a tick target at least 4 mm across, and a scale's points at
least 6 mm apart (centre to centre), so a tick lands in one of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .area import MM
from .findings import Finding
from .lines import lines_of
from .reading import Page, chars_in

MINIMUM = {
    "line_gap": 8 * MM,
    "box_height": 15 * MM,
    "cell_height": 8 * MM,
    "column_width": 45 * MM,
    "tick": 4 * MM,
    "scale_pitch": 6 * MM,
}
SMALL = 10 * MM  # an outline smaller than this each way is a tick target
EPS = 0.05

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class Space:
    """One writing space: ``kind`` is ``lines``, ``box``, ``cell`` or ``tick``; ``width``
    and ``height`` in points (for ``lines`` the height is the smallest gap between two
    rules; for ``tick`` the outline's size)."""

    kind: str
    page: int
    width: float
    height: float
    top: float
    left: float
    label: str = ""


def _box(shape: dict[str, Any]) -> Box:
    return (float(shape["x0"]), float(shape["top"]), float(shape["x1"]), float(shape["bottom"]))


def _rings(page: Any) -> tuple[list[tuple[Box, set[str]]], list[Box]]:
    """Outer/inner shape pairs as (outer box, sides that differ), and the shapes left."""
    shapes = sorted({_box(s) for s in (*page.rects, *page.curves)})
    used: set[Box] = set()
    rings: list[tuple[Box, set[str]]] = []
    for outer in sorted(shapes, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1])):
        if outer in used:
            continue
        for inner in shapes:
            if inner == outer or inner in used:
                continue
            diffs = {
                "left": inner[0] - outer[0],
                "top": inner[1] - outer[1],
                "right": outer[2] - inner[2],
                "bottom": outer[3] - inner[3],
            }
            if all(-EPS <= d <= 3 for d in diffs.values()):
                sides = {side for side, d in diffs.items() if d > EPS}
                if sides:
                    rings.append((outer, sides))
                    used.update((outer, inner))
                    break
    return rings, [s for s in shapes if s not in used]


def _text_in(page: Page, box: Box, inset: float = 1.0) -> bool:
    x0, top, x1, bottom = box
    return any(
        c["x0"] >= x0 + inset - 2
        and c["x1"] <= x1 - inset + 2
        and c["top"] >= top + inset - 2
        and c["bottom"] <= bottom - inset + 2
        and c["x1"] > x0 + inset
        and c["x0"] < x1 - inset
        and c["bottom"] > top + inset
        and c["top"] < bottom - inset
        for c in page.body_chars
    )


def _text_between(page: Page, x0: float, x1: float, top: float, bottom: float) -> bool:
    return any(
        c["x1"] > x0 and c["x0"] < x1 and c["bottom"] > top + 1 and c["top"] < bottom - 1
        for c in page.body_chars
    )


def _rules(page: Page, rings: list[tuple[Box, set[str]]], rest: list[Box]) -> list[Box]:
    rules = [(b[0], b[3], b[2], b[3]) for b, sides in rings if sides == {"bottom"}]
    rules += [(b[0], b[3], b[2], b[3]) for b in rest if b[3] - b[1] < 2 and b[2] - b[0] > 20]
    return rules


def _ruled(page: Page, rules: list[Box]) -> Iterator[Space]:
    stacks: dict[tuple[int, int], list[float]] = {}
    for x0, y, x1, _ in rules:
        stacks.setdefault((round(x0), round(x1)), []).append(y)
    for (x0, x1), ys in stacks.items():
        runs: list[list[float]] = []
        for y in sorted({round(y, 1) for y in ys}):
            if runs and not _text_between(page, x0, x1, runs[-1][-1], y):
                runs[-1].append(y)
            else:
                runs.append([y])
        for run in runs:
            if len(run) >= 2:
                gap = min(b - a for a, b in itertools.pairwise(run))
                yield Space("lines", page.number, x1 - x0, gap, run[0], x0)


def _grid_cells(page: Page) -> Iterator[Space]:
    for grid in page.grids:
        cells = [cell for row in grid.cells for cell in row if cell is not None]
        for cell in cells:
            if _text_in(page, cell):
                continue
            heads = [
                c
                for c in cells
                if abs(c[0] - cell[0]) < 2 and abs(c[2] - cell[2]) < 2 and _text_in(page, c)
            ]
            label = ""
            if heads:
                head = min(heads, key=lambda c: c[1])
                label = " ".join(line.text for line in lines_of(chars_in(page.body_chars, head)))
            yield Space(
                "cell", page.number, cell[2] - cell[0], cell[3] - cell[1], cell[1], cell[0], label
            )


def spaces(page: Page) -> list[Space]:
    """Every writing space drawn on ``page``, top to bottom."""
    if page.number == 1 or page.plumber is None:  # no page behind it: nothing drawn
        return []  # the cover: its name line is the cover's, not a worksheet's
    rings, rest = _rings(page.plumber)
    found = list(_ruled(page, _rules(page, rings, rest)))
    for box, sides in rings:
        if len(sides) < 4:
            continue
        width, height = box[2] - box[0], box[3] - box[1]
        if width < SMALL and height < SMALL:
            found.append(Space("tick", page.number, width, height, box[1], box[0]))
        elif not _text_in(page, box):
            found.append(Space("box", page.number, width, height, box[1], box[0]))
    found.extend(_grid_cells(page))
    return sorted(found, key=lambda s: (s.top, s.kind))


def _mm(points: float) -> str:
    return f"{points / MM:.0f} mm"


def _column(cells: list[Space]) -> str:
    label = cells[0].label
    count = f"{len(cells)} cell{'' if len(cells) == 1 else 's'}"
    return (f"the writing column '{label}'" if label else "a writing column") + f" ({count})"


def _cell_findings(cells: list[Space]) -> Iterator[tuple[str, str]]:
    columns: dict[tuple[int, int, str], list[Space]] = {}
    for cell in cells:
        columns.setdefault((round(cell.left), round(cell.width), cell.label), []).append(cell)
    for column in columns.values():
        if column[0].width < MINIMUM["column_width"]:
            yield "PL203", f"{_column(column)} is {_mm(column[0].width)} wide; at least 45 mm"
        low = min(c.height for c in column)
        if low < MINIMUM["cell_height"]:
            yield "PL202", f"{_column(column)} has cells {_mm(low)} tall; at least 8 mm"


def _scale_findings(ticks: list[Space]) -> Iterator[tuple[str, str]]:
    rows: dict[int, list[Space]] = {}
    for tick in ticks:
        rows.setdefault(round(tick.top), []).append(tick)
    for row in rows.values():
        centres = sorted(t.left + t.width / 2 for t in row)
        if len(centres) < 3:
            continue
        pitch = min(b - a for a, b in itertools.pairwise(centres))
        if pitch < MINIMUM["scale_pitch"]:
            yield "PL204", f"scale points {_mm(pitch)} apart; at least 6 mm"


def space_findings(page: Page, document: str) -> Iterator[Finding]:
    """PL201-PL204 for one page: one finding per stack of lines, box or tick box, one
    per table column for writing cells and one per row of scale points."""
    found = spaces(page)
    results: list[tuple[str, str]] = []
    for space in found:
        if space.kind == "lines":
            if space.height < MINIMUM["line_gap"]:
                results.append(("PL201", f"ruled lines {_mm(space.height)} apart; at least 8 mm"))
            if space.width < MINIMUM["column_width"]:
                results.append(("PL203", f"ruled lines {_mm(space.width)} wide; at least 45 mm"))
        elif space.kind == "box":
            if space.height < MINIMUM["box_height"]:
                results.append(("PL202", f"a writing box {_mm(space.height)} tall; at least 15 mm"))
            if space.width < MINIMUM["column_width"]:
                results.append(("PL203", f"a writing box {_mm(space.width)} wide; at least 45 mm"))
        elif space.kind == "tick" and min(space.width, space.height) < MINIMUM["tick"]:
            results.append(("PL204", f"a tick box {_mm(space.width)} across; at least 4 mm"))
    results.extend(_cell_findings([s for s in found if s.kind == "cell"]))
    results.extend(_scale_findings([s for s in found if s.kind == "tick"]))
    for rule, message in results:
        yield Finding(document, page.number, rule, message)
