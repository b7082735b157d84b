"""A built PDF read back: per page, the blocks of its tag tree with their lines of text.

WeasyPrint tags its PDFs (PDF/UA) one page at a time: a paragraph or table split across
two pages is two elements, one per page, in document order. pdfplumber gives each
page's structure tree with the marked-content ids (MCIDs) of its text, and each glyph
with its MCID, so a block's glyphs are the glyphs of the MCIDs under it. Glyphs with an
MCID outside the tree are the margin boxes' (running header, page number, the blank
page's note). All lengths are PDF points, origin top left.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .area import Area, text_area
from .lines import Char, Line, lines_of

HEADINGS = {"H1", "H2", "H3", "H4", "H5", "H6"}
TEXT_BLOCKS = HEADINGS | {"P", "LI", "Caption"}
INLINE = {"Span", "Link", "Lbl", "LBody", "NonStruct"}
TERMINAL = tuple('.!?…:;"”’»)]')

Node = dict[str, Any]


@dataclass
class Row:
    """A table row: its cells' texts, and whether it is a header row."""

    cells: list[str]
    header: bool


@dataclass
class Block:
    """A paragraph, heading (``H1``-``H6``), list item, table or figure on one page.

    ``kind`` is the tag; ``lines`` its lines of text on this page, top to bottom;
    ``label`` is true for a list item whose marker is on this page (a continued item
    has none); ``rows`` the rows of a table."""

    kind: str
    lines: list[Line]
    label: bool = False
    rows: list[Row] = field(default_factory=list)
    chars: list[Char] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines).strip()

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)

    @property
    def heading_level(self) -> int | None:
        return int(self.kind[1]) if self.kind in HEADINGS else None

    @property
    def is_label(self) -> bool:
        """A short paragraph all in bold: a worksheet or activity label."""
        return self.kind == "P" and len(self.lines) <= 2 and all(ln.bold for ln in self.lines)


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class Grid:
    """A table ruled on every side, found by its drawn lines: its box, its cells' boxes
    row by row (``None`` where a cell spans), and the table as a :class:`Block` whose
    rows hold the cells' texts (the first row is a header when every cell has text).
    Empty rows, which the tag tree does not show, are here."""

    box: Box
    cells: list[list[Box | None]]
    table: Block


@dataclass
class Unit:
    """A top-level element of a page (a heading, a box, a worksheet...) and its blocks."""

    blocks: list[Block]

    @property
    def top(self) -> float | None:
        tops = [b.top for b in self.blocks if b.lines]
        return min(tops) if tops else None


@dataclass
class Page:
    """One page read back: blocks in reading order, the top-level units they belong to,
    the lines of the margin boxes, and where the lowest body content ends."""

    number: int
    width: float
    height: float
    area: Area
    blocks: list[Block]
    units: list[Unit]
    margin_lines: list[Line]
    body_chars: list[Char]
    body_bottom: float | None
    plumber: Any = field(repr=False, default=None)
    grids: list[Grid] = field(default_factory=list, repr=False)

    @property
    def empty(self) -> bool:
        return self.body_bottom is None

    def text_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.lines]


def _mcids(node: Node) -> Iterator[int]:
    yield from node.get("mcids") or []
    for child in node.get("children", []):
        yield from _mcids(child)


def _has_block(node: Node) -> bool:
    return any(
        child["type"] not in INLINE or _has_block(child) for child in node.get("children", [])
    )


class _Reader:
    def __init__(self, by_mcid: dict[int, list[Char]]) -> None:
        self.by_mcid = by_mcid

    def chars(self, node: Node) -> list[Char]:
        return [c for mcid in _mcids(node) for c in self.by_mcid.get(mcid, [])]

    def blocks(self, node: Node) -> Iterator[Block]:
        kind = node["type"]
        if kind in TEXT_BLOCKS:
            label = kind == "LI" and any(c["type"] == "Lbl" for c in node.get("children", []))
            chars = self.chars(node)
            yield Block(kind, lines_of(chars), label=label, chars=chars)
            if kind == "LI":  # a nested list inside the item
                for child in node.get("children", []):
                    if child["type"] == "L":
                        yield from self.blocks(child)
            return
        if kind == "Table":
            yield self.table(node)
            return
        if kind == "Figure":
            yield Block("Figure", lines_of(self.chars(node)))
            return
        inline: list[Node] = []
        for child in node.get("children", []):
            if child["type"] in INLINE and not _has_block(child):
                inline.append(child)
                continue
            if inline:
                yield self.text(inline)
                inline = []
            yield from self.blocks(child)
        if inline:
            yield self.text(inline)

    def text(self, nodes: list[Node]) -> Block:
        chars = [c for n in nodes for c in self.chars(n)]
        return Block("P", lines_of(chars), chars=chars)

    def table(self, node: Node) -> Block:
        rows: list[Row] = []

        def walk(n: Node, in_head: bool) -> None:
            for child in n.get("children", []):
                if child["type"] == "TR":
                    cells = [c for c in child.get("children", []) if c["type"] in ("TH", "TD")]
                    texts = [" ".join(ln.text for ln in lines_of(self.chars(c))) for c in cells]
                    header = in_head or (bool(cells) and all(c["type"] == "TH" for c in cells))
                    rows.append(Row(texts, header))
                else:
                    walk(child, in_head or child["type"] == "THead")

        walk(node, False)
        return Block("Table", lines_of(self.chars(node)), rows=rows)


def joined_lines(blocks: list[Block]) -> list[Block]:
    """Paragraph pieces put back together. WeasyPrint may tag each line of a paragraph
    that follows inline text (``<span>Label</span> <p>...</p>``) as a paragraph of its
    own; consecutive paragraphs of one type size that touch (less than 0.8 of the size
    between them, or sharing a line) are one paragraph."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == block.kind == "P"
            and previous.lines
            and block.lines
            and abs(previous.lines[-1].size - block.lines[0].size) < 0.5
            and (
                block.top < previous.lines[-1].bottom - 1  # they share a line
                or (
                    block.top - previous.bottom < 0.8 * block.lines[0].size
                    and previous.is_label == block.is_label
                )
            )
        ):
            chars = previous.chars + block.chars
            merged[-1] = Block("P", lines_of(chars), chars=chars)
            continue
        merged.append(block)
    return merged


def _units(roots: list[Node], reader: _Reader) -> list[Unit]:
    nodes = roots
    while len(nodes) == 1 and nodes[0]["type"] in (
        "Document",
        "Sect",
        "Div",
        "NonStruct",
        "Part",
        "Art",
    ):
        nodes = nodes[0].get("children", [])
    units = []
    for node in nodes:
        blocks = [b for b in reader.blocks(node) if b.lines or b.rows or b.kind == "Figure"]
        if blocks:
            blocks = joined_lines(blocks)
            units.append(Unit(blocks))
    return units


RULED = {"vertical_strategy": "lines_strict", "horizontal_strategy": "lines_strict"}


def _grid(table: Any, body: list[Char]) -> Grid:
    cells: list[list[Box | None]] = [
        [tuple(float(v) for v in cell) if cell else None for cell in row.cells]  # type: ignore[misc]
        for row in table.rows
    ]
    texts = [[chars_in(body, cell) if cell else [] for cell in row] for row in cells]
    rows = [Row([" ".join(ln.text for ln in lines_of(c)) for c in row], False) for row in texts]
    if rows and all(rows[0].cells):
        rows[0].header = True
    chars = [c for row in texts for cell in row for c in cell]
    box: Box = tuple(float(v) for v in table.bbox)  # type: ignore[assignment]
    return Grid(box, cells, Block("Table", lines_of(chars), rows=rows, chars=chars))


def chars_in(chars: list[Char], box: Box) -> list[Char]:
    """The glyphs of ``chars`` inside ``box`` (to a point)."""
    x0, top, x1, bottom = box
    return [
        c
        for c in chars
        if c["x0"] >= x0 - 1
        and c["x1"] <= x1 + 1
        and c["top"] >= top - 1
        and c["bottom"] <= bottom + 1
    ]


def read_page(page: Any) -> Page:
    """One pdfplumber page read into a :class:`Page`."""
    area = text_area(page.page_number, float(page.width), float(page.height))
    roots: list[Node] = page.structure_tree
    in_tree = {m for root in roots for m in _mcids(root)}
    by_mcid: dict[int, list[Char]] = {}
    margin: list[Char] = []
    body: list[Char] = []
    for char in page.chars:
        mcid = char.get("mcid")
        if mcid is not None and mcid in in_tree:
            by_mcid.setdefault(mcid, []).append(char)
            if char["text"].strip():
                body.append(char)
        elif char["text"].strip():
            margin.append(char)
    reader = _Reader(by_mcid)
    blocks = [b for root in roots for b in reader.blocks(root)]
    blocks = joined_lines([b for b in blocks if b.lines or b.rows or b.kind == "Figure"])
    bottoms = [c["bottom"] for c in body]
    for shape in (*page.rects, *page.lines, *page.curves, *page.images):
        if shape["top"] >= area.top - 2 and shape["bottom"] <= area.bottom + 2:
            bottoms.append(shape["bottom"])
    grids = [_grid(table, body) for table in page.find_tables(RULED)]
    return Page(
        number=page.page_number,
        width=float(page.width),
        height=float(page.height),
        area=area,
        blocks=blocks,
        units=_units(roots, reader),
        margin_lines=lines_of(margin),
        body_chars=body,
        body_bottom=max(bottoms) if bottoms else None,
        plumber=page,
        grids=grids,
    )


def runs_on(block: Block, column_right: float, column_width: float) -> bool:
    """Whether the last line of ``block`` looks broken by the column, not by the text's
    end: it reaches within a fifth of the column's width of its right edge and does not
    end with closing punctuation."""
    if not block.lines or block.kind not in ("P", "LI"):
        return False
    last = block.lines[-1]
    return last.x1 >= column_right - 0.2 * column_width and not last.text.endswith(TERMINAL)
