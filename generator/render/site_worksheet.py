"""Worksheets on the handbook site as real tables and writing spaces, not sentences.

A site template cannot write HTML (raw HTML in Markdown prints as text, see NoRawHtml), so
:func:`worksheet_markdown` writes one line, the worksheet's fields as JSON behind a
marker, and :class:`WorksheetBlocks`, a Markdown extension the plugin adds to the site,
turns that line into HTML: a ``<table>`` with column and row headers for a table, the
scale and the follow-up; ruled lines, a box or tick boxes for the others. Labels, hints
and headers stay Markdown text (escaped), so the site's typography (smart quotes) reaches
them as it reaches the rest of the page.

The marker carries a random part chosen once per process, so no content can imitate it:
a line an author writes that looks like a worksheet stays text.
"""

from __future__ import annotations

import json
import secrets
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from .. import i18n
from ..follow_up import CHECKPOINTS
from ..model.exercise import WorksheetField
from .md_escape import escape_markdown

MARKER = f"servefirst-worksheet-{secrets.token_hex(8)}"
"""Starts the one line a worksheet is written as; unknown to content."""
EXTENSION = "generator.render.site_worksheet:WorksheetBlocks"

Field = dict[str, Any]
"""One field as the extension draws it: ``kind`` ("lines", "box", "checklist", "grid"),
``label``, optional ``hint``, and per kind ``lines`` (int), ``height`` (small, medium,
large, page), ``items`` (list of str), or for a grid ``columns`` (list of str), ``rows``
(list of row labels, or an int of empty rows), ``corner`` (str), ``cell`` ("single",
"double", "triple", "circle", "prompts"), ``prompts`` (list of str) and ``after`` (str)."""


def fields_of(
    worksheet: list[WorksheetField], follow_up: list[str], language: str = "en"
) -> list[Field]:
    """The worksheet's fields as drawn on the site, with every fixed label translated."""
    _ = i18n.gettext(language)
    drawn: list[Field] = []
    for f in worksheet:
        field: Field = {"label": f.label, "hint": getattr(f, "hint", None)}
        if f.kind == "lines":
            field |= {"kind": "lines", "lines": f.lines}
        elif f.kind == "box":
            field |= {"kind": "box", "height": f.height}
        elif f.kind == "checklist":
            field |= {"kind": "checklist", "items": list(f.items)}
        elif f.kind == "scale":
            rate = _("Rate each from 1 (%(low)s) to %(points)s (%(high)s).")
            field |= {
                "kind": "grid",
                "columns": [str(p) for p in range(1, f.points + 1)],
                "rows": list(f.items),
                "corner": "",
                "cell": "circle",
                "after": rate % {"low": f.low, "points": f.points, "high": f.high},
            }
        elif f.kind == "table":
            field |= {
                "kind": "grid",
                "columns": list(f.columns),
                "rows": f.rows if isinstance(f.rows, int) else list(f.rows),
                "corner": "",
                "cell": f.row_height,
            }
        else:  # follow_up
            field |= {
                "kind": "grid",
                "columns": [_("At %(days)s days") % {"days": d} for d in CHECKPOINTS],
                "rows": list(follow_up),
                "corner": _("Outcome"),
                "cell": "prompts",
                "prompts": [_("What I will have done"), _("How I will know")],
            }
        drawn.append(field)
    return drawn


def worksheet_markdown(title: str, fields: list[Field]) -> str:
    """The one line of Markdown a worksheet is written as (see :class:`WorksheetBlocks`);
    '' when there is no field."""
    if not fields:
        return ""
    payload = json.dumps({"title": title, "fields": fields}, ensure_ascii=True)
    return f"{MARKER} {payload}"


def _text(parent: etree.Element, tag: str, text: str, cls: str | None = None) -> etree.Element:
    """A child holding ``text`` as Markdown text (escaped: it prints as written)."""
    element = etree.SubElement(parent, tag, {"class": cls} if cls else {})
    element.text = escape_markdown(text)
    return element


def _grid(parent: etree.Element, field: Field) -> None:
    columns: list[str] = field["columns"]
    rows: list[str] | int = field["rows"]
    labelled = not isinstance(rows, int)
    cell = field["cell"]
    _text(parent, "p", field["label"], "sf-label")  # outside the table: never scrolls away
    if field.get("hint"):
        _text(parent, "p", field["hint"], "sf-hint")
    # Wide tables scroll on a phone: the region takes the keyboard's focus to scroll too.
    scroll = etree.SubElement(
        parent,
        "div",
        {"class": "sf-scroll", "tabindex": "0", "role": "region", "aria-label": field["label"]},
    )
    width = len(columns) + (1 if labelled else 0)
    table = etree.SubElement(
        scroll, "table", {"class": f"sf-grid sf-cell-{cell} sf-cols-{min(width, 7)}"}
    )
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    if labelled:
        corner = field.get("corner") or ""
        if corner:
            _text(head, "th", corner, "sf-row-head").set("scope", "col")
        else:
            etree.SubElement(head, "td", {"class": "sf-corner"})
    for column in columns:
        _text(head, "th", column).set("scope", "col")
    body = etree.SubElement(table, "tbody")
    labels: list[str | None] = list(rows) if not isinstance(rows, int) else [None] * rows
    for label in labels:
        tr = etree.SubElement(body, "tr")
        if label is not None:
            _text(tr, "th", label, "sf-row-head").set("scope", "row")
        for _column in columns:
            td = etree.SubElement(tr, "td")
            if cell == "circle":
                etree.SubElement(td, "span", {"class": "sf-circle"})
            for prompt in field.get("prompts", []):
                _text(td, "span", prompt, "sf-prompt")
    if field.get("after"):
        _text(parent, "p", field["after"], "sf-hint")


def draw(parent: etree.Element, title: str, fields: list[Field]) -> etree.Element:
    """The worksheet as HTML elements under ``parent``: a ``div.sf-worksheet`` with one
    ``div.sf-field`` per field."""
    sheet = etree.SubElement(parent, "div", {"class": "sf-worksheet"})
    _text(sheet, "p", title, "sf-worksheet-title")
    for field in fields:
        kind = field["kind"]
        box = etree.SubElement(sheet, "div", {"class": f"sf-field sf-field-{kind}"})
        if kind == "grid":
            _grid(box, field)
            continue
        _text(box, "p", field["label"], "sf-label")
        if field.get("hint"):
            _text(box, "p", field["hint"], "sf-hint")
        if kind == "lines":
            lines = etree.SubElement(box, "div", {"class": "sf-lines"})
            for _line in range(int(field["lines"])):
                etree.SubElement(lines, "div", {"class": "sf-line"})
        elif kind == "box":
            etree.SubElement(box, "div", {"class": f"sf-box sf-box-{field['height']}"})
        elif kind == "checklist":
            items = etree.SubElement(box, "ul", {"class": "sf-checklist"})
            for item in field["items"]:
                _text(items, "li", item)
    return sheet


class _WorksheetProcessor(BlockProcessor):  # type: ignore[misc]
    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith(MARKER + " ")

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks[0]
        line, _, rest = block.partition("\n")
        try:
            data = json.loads(line[len(MARKER) + 1 :])
        except ValueError:
            return False  # not ours after all: the paragraph processor takes it
        blocks.pop(0)
        if rest.strip():
            blocks.insert(0, rest)
        draw(parent, str(data["title"]), list(data["fields"]))
        return True


class WorksheetBlocks(Extension):  # type: ignore[misc]
    """Draws the lines :func:`worksheet_markdown` writes (the site only)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.parser.blockprocessors.register(_WorksheetProcessor(md.parser), "sf-worksheet", 95)
