"""One width per glyph across chunks, as in a single-pass file.

WeasyPrint records a glyph's width (``/W`` of a CID font, thousandths of an em) the first
time it draws the glyph, rounded at that text's size, and writes each glyph's exact
position as a ``TJ`` adjustment against that width. A chunk that first draws a glyph at
another size may record it one unit off. Nothing moves on the page, but text extraction
and assistive technology read gaps from the widths ("T exas"). :class:`Widths` keeps the
width of the earliest chunk that used each glyph (the one the single-pass file records),
and :meth:`Widths.harmonise` gives a later chunk those widths, adding the difference as a
``TJ`` adjustment after each such glyph so every glyph stays where it was.
"""

from __future__ import annotations

import sys
from array import array
from typing import Any

import pikepdf

FontKey = str
"""A font's ``/BaseFont`` as WeasyPrint wrote it (subset tag and name)."""


def _cid_font(font: Any) -> Any | None:
    kids = font.get("/DescendantFonts")
    if font.get("/Subtype") != "/Type0" or not kids:
        return None
    return kids[0]


def read_widths(cid_font: Any) -> dict[int, int]:
    """{glyph id: width} from a CID font's ``/W`` array (both of its forms)."""
    widths: dict[int, int] = {}
    items = list(cid_font.get("/W", []))
    index = 0
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], pikepdf.Array):
            for offset, width in enumerate(items[index + 1]):
                widths[first + offset] = round(float(width))
            index += 2
        else:
            last, width = int(items[index + 1]), round(float(items[index + 2]))
            widths.update(dict.fromkeys(range(first, last + 1), width))
            index += 3
    return widths


def write_widths(cid_font: Any, widths: dict[int, int]) -> None:
    array = pikepdf.Array()
    for glyph in sorted(widths):
        array.append(glyph)
        array.append(pikepdf.Array([widths[glyph]]))
    cid_font.W = array


class Widths:
    """The canonical widths of every font met so far, chunk by chunk in order."""

    def __init__(self) -> None:
        self.fonts: dict[FontKey, dict[int, int]] = {}

    def harmonise(self, pdf: pikepdf.Pdf) -> None:
        """Give the fonts of chunk ``pdf`` the widths already recorded, and record the
        widths of glyphs met for the first time. Call before fonts are renamed."""
        deltas: dict[tuple[int, int], dict[int, int]] = {}
        for font in _fonts(pdf):
            cid = _cid_font(font)
            if cid is None:
                continue
            known = self.fonts.setdefault(str(font.BaseFont), {})
            own = read_widths(cid)
            delta = {g: known[g] - w for g, w in own.items() if g in known and known[g] != w}
            for glyph, width in own.items():
                known.setdefault(glyph, width)
            if delta:
                deltas[font.objgen] = delta
                write_widths(cid, {g: known[g] for g in own})
        if deltas:
            for page in pdf.pages:
                _shift(pdf, page.obj, deltas, 0)


def _fonts(pdf: pikepdf.Pdf) -> list[Any]:
    found: dict[tuple[int, int], Any] = {}

    def visit(holder: Any, depth: int) -> None:
        resources = holder.get("/Resources")
        if not isinstance(resources, pikepdf.Dictionary) or depth > 4:
            return
        for font in resources.get("/Font", {}).values():
            if font.is_indirect:
                found.setdefault(font.objgen, font)
        for xobject in resources.get("/XObject", {}).values():
            visit(xobject, depth + 1)

    for page in pdf.pages:
        visit(page.obj, 0)
    return list(found.values())


def _shift(
    pdf: pikepdf.Pdf, holder: Any, deltas: dict[tuple[int, int], dict[int, int]], depth: int
) -> None:
    """Rewrite the text of one page or form so each glyph keeps its position."""
    resources = holder.get("/Resources")
    if not isinstance(resources, pikepdf.Dictionary) or depth > 4:
        return
    names = {
        str(name): deltas[font.objgen]
        for name, font in resources.get("/Font", {}).items()
        if font.is_indirect and font.objgen in deltas
    }
    for xobject in resources.get("/XObject", {}).values():
        _shift(pdf, xobject, deltas, depth + 1)
    if not names:
        return
    page = holder.get("/Type") == "/Page"
    commands: list[Any] = list(pikepdf.parse_content_stream(holder))
    current: dict[int, int] = {}
    changed = False
    rewritten: list[Any] = []
    for command in commands:
        if isinstance(command, pikepdf.ContentStreamInlineImage):
            rewritten.append(command)
            continue
        operands, operator = command.operands, command.operator
        op = str(operator)
        if op == "Tf":
            current = names.get(str(operands[0]), {})
        elif op in ("TJ", "Tj") and current:
            items = operands[0] if op == "TJ" else [operands[0]]
            new = _adjusted(list(items), current)
            if new is not None:
                rewritten.append(([pikepdf.Array(new)], pikepdf.Operator("TJ")))
                changed = True
                continue
        rewritten.append((operands, operator))
    if changed:
        data = pikepdf.unparse_content_stream(rewritten)
        if page:
            holder.Contents = pdf.make_stream(data)
        else:
            holder.write(data)


def _adjusted(items: list[Any], delta: dict[int, int]) -> list[Any] | None:
    """A TJ array with ``delta[g]`` added after each glyph g, or None when no glyph of
    it changed width. Glyph ids are two bytes (Identity-H)."""
    out: list[Any] = []
    touched = False
    for item in items:
        if not isinstance(item, pikepdf.String):
            if out and not isinstance(out[-1], pikepdf.String):
                out[-1] = _number(float(out[-1]) + float(item))
            else:
                out.append(item)
            continue
        data = bytes(item)
        glyphs = array("H", data[: len(data) // 2 * 2])
        if sys.byteorder == "little":
            glyphs.byteswap()
        hits = [i for i, glyph in enumerate(glyphs) if glyph in delta]
        if not hits:
            out.append(item)
            continue
        touched = True
        start = 0
        for index in hits:
            end = 2 * index + 2
            out.append(pikepdf.String(data[start:end]))
            out.append(delta[glyphs[index]])
            start = end
        if start < len(data):
            out.append(pikepdf.String(data[start:]))
    return out if touched else None


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value
