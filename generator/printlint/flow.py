"""How content flows from one page to the next (rules PL101-PL106).

Each rule looks at two consecutive pages: the last block of one and the first
block of the next. A block continues on the next page when the two pieces are the same
kind (a paragraph, a list item without its marker, a table with the same columns) and,
for text, the last line of the first piece runs to the column's edge without closing
punctuation (see :func:`reading.runs_on`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from .area import MM
from .findings import Finding
from .reading import Block, Page, Row, runs_on

SPARSE = 1 / 3  # a page less full than this is sparse (PL106)
GAP = 4 * MM  # the space a moved block would need above it


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _column(page: Page) -> tuple[float, float]:
    """The right edge and width of the page's text column, from its widest lines."""
    rights = [ln.x1 for b in page.blocks if b.kind in ("P", "LI") for ln in b.lines]
    right = min(max(rights, default=page.area.right), page.area.right + 2)
    return right, right - page.area.left


def _continues(block: Block, nxt: Block, page: Page) -> bool:
    if block.kind != nxt.kind or block.kind not in ("P", "LI"):
        return False
    if (nxt.kind == "LI" and nxt.label) or nxt.is_label or nxt.text[:1].isupper():
        return False  # a new item, a label, or (mostly) a new sentence
    right, width = _column(page)
    return runs_on(block, right, width)


def _stranded(page: Page, nxt: Page, document: str) -> Iterator[Finding]:
    blocks = page.text_blocks()
    following = nxt.text_blocks()
    if not blocks or not following or page.body_bottom is None:
        return
    if blocks[-1].bottom < page.body_bottom - 2:
        return  # something is drawn below the last text: its content
    if len(blocks) == 1 and (nxt.empty or _opens_section(nxt)):
        return  # a notes page: a heading and room to write
    last = blocks[-1]
    if len(blocks) > 1 and _meta_line(last, page):
        last = blocks[-2]  # a heading and its subtitle or meta line
    level = last.heading_level
    if level is None and not last.is_label:
        return
    first_level = following[0].heading_level
    if first_level is not None and first_level <= (level or 7):
        return  # nothing of its own follows it: an empty section (PL303), not a break
    what = "heading" if level else "label"
    low = last.bottom > page.area.top + page.area.height / 2
    where = "at the foot of the page" if low else "ends the page"
    yield Finding(
        document,
        page.number,
        "PL101",
        f"{what} '{_short(last.text)}' {where}; its content starts on p. {nxt.number}",
    )


def _meta_line(block: Block, page: Page) -> bool:
    """A one-line paragraph, or a two-line one in smaller type than most of the page's
    text: what follows a heading as its subtitle or meta line (``Pair · 15 minutes``)."""
    if block.kind != "P" or block.heading_level or block.is_label or len(block.lines) > 2:
        return False
    sizes = sorted(c["size"] for c in page.body_chars)
    usual = sizes[len(sizes) // 2] if sizes else 0
    return len(block.lines) == 1 or block.lines[0].size < usual - 0.5


def _lonely_lines(page: Page, nxt: Page, document: str) -> Iterator[Finding]:
    blocks = page.text_blocks()
    following = nxt.text_blocks()
    if not blocks or not following:
        return
    last, first = blocks[-1], following[0]
    if not _continues(last, first, page):
        return
    if len(last.lines) == 1:
        yield Finding(
            document,
            page.number,
            "PL102",
            f"one line of '{_short(last.text)}' alone at the foot of the page; "
            f"the rest is on p. {nxt.number}",
        )
    if len(first.lines) == 1:
        yield Finding(
            document,
            nxt.number,
            "PL103",
            f"the last line of '{_short(last.text)}' alone at the head of the page; "
            f"it starts on p. {page.number}",
        )


def _last_table(page: Page) -> Block | None:
    """The table that ends the page: a ruled grid reaching its lowest content (it shows
    empty rows, which the tags do not), or else a tagged table that is its last block."""
    if page.body_bottom is not None:
        for grid in page.grids:
            if grid.box[3] >= page.body_bottom - 2:
                return grid.table
    return page.blocks[-1] if page.blocks and page.blocks[-1].kind == "Table" else None


def _first_table(page: Page) -> Block | None:
    """The table that starts the page, as :func:`_last_table` finds it."""
    tops = [b.top for b in page.text_blocks()]
    for grid in page.grids:
        if not tops or grid.box[1] <= min(tops) + 1:
            return grid.table
    return page.blocks[0] if page.blocks and page.blocks[0].kind == "Table" else None


def _row(row: Row) -> str:
    text = " ".join(" ".join(row.cells).split())
    return f" ('{_short(text)}')" if text else ""


def _table_split(page: Page, nxt: Page, document: str) -> Iterator[Finding]:
    last, first = _last_table(page), _first_table(nxt)
    if last is None or first is None:
        return
    body = [r for r in last.rows if not r.header]
    rest = [r for r in first.rows if not r.header]
    columns = {len(r.cells) for r in body}
    if not body or not rest or columns != {len(r.cells) for r in rest}:
        return  # two tables that happen to meet at the page break
    if len(body) == 1 and len(rest) > 1:
        yield Finding(
            document,
            page.number,
            "PL104",
            f"one row of a table{_row(body[0])} alone at the foot of the page; "
            f"the table goes on on p. {nxt.number}",
        )
    if len(rest) == 1:
        yield Finding(
            document,
            nxt.number,
            "PL104",
            f"one row of a table{_row(rest[0])} alone on the page; "
            f"the table starts on p. {page.number}",
        )
    heads = [r for r in last.rows if r.header]
    if heads and not any(r.header for r in first.rows):
        yield Finding(
            document,
            nxt.number,
            "PL105",
            f"a table continued from p. {page.number} without its header row{_row(heads[0])}",
        )


def _notes_page(page: Page) -> bool:
    """A page whose only text is one heading: a notes page, left for writing."""
    blocks = page.text_blocks()
    return len(blocks) == 1 and blocks[0].heading_level is not None


def _opens_section(page: Page) -> bool:
    """Whether the page starts a module or a section (a heading of level 1 or 2 among
    its first two blocks): the page before it may end early."""
    return any((b.heading_level or 9) <= 2 for b in page.text_blocks()[:2])


def _first_need(page: Page) -> tuple[float, str] | None:
    """The height the page's first unit takes (with the unit after it when the first
    is a heading alone, which keeps with what follows), and its text."""
    units = [u for u in page.units if u.top is not None]
    if not units or page.body_bottom is None:
        return None
    take = 2 if len(units[0].blocks) == 1 and units[0].blocks[0].heading_level else 1
    top = units[0].top
    assert top is not None
    end = units[take].top if len(units) > take else page.body_bottom
    assert end is not None
    text = " ".join(b.text for b in units[0].blocks)
    return end - top, text


def _sparse(page: Page, nxt: Page, document: str) -> Iterator[Finding]:
    if page.number == 1 or page.empty or nxt.empty or _opens_section(nxt):
        return
    if _notes_page(page) or _notes_page(nxt):
        return  # a notes page is left for writing, and starts a page on purpose
    assert page.body_bottom is not None
    full = (page.body_bottom - page.area.top) / page.area.height
    if full >= SPARSE:
        return
    need = _first_need(nxt)
    if need is None:
        return
    height, text = need
    room = page.area.bottom - page.body_bottom - GAP
    if height <= room:
        yield Finding(
            document,
            page.number,
            "PL106",
            f"the page is {full:.0%} full and the first block of p. {nxt.number} "
            f"('{_short(text)}', {height / MM:.0f} mm) would fit in the {room / MM:.0f} mm left",
        )


def flow_findings(pages: list[Page], document: str) -> list[Finding]:
    """PL101-PL106 for the pages of one document, in page order."""
    found: list[Finding] = []
    for page, nxt in itertools.pairwise(pages):
        for rule in (_stranded, _lonely_lines, _table_split, _sparse):
            found.extend(rule(page, nxt, document))
    return found
