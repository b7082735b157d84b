"""A structural accessibility check of a tagged PDF, read back from the file.

veraPDF, the reference PDF/UA validator, is a Java program published on Maven Central
and its own site; neither PyPI, Debian nor npm ships it, so it cannot be installed
here. This check reads what a screen reader relies on from the structure tree
(``/StructTreeRoot``) and the page content streams, with pypdf, and reports:

- ``untagged``: the file has no structure tree, or is not marked as tagged;
- ``heading-gap``: a heading skips a level going down (an H2 followed by an H4), or the
  first heading is not an H1;
- ``image-alt``: a Figure without alternative text (``/Alt`` or ``/ActualText``), or an
  image drawn on a page outside both a Figure and an artifact;
- ``table-header``: a Table without a single header cell (TH);
- ``reading-order``: the structure tree, read in order, goes back to an earlier page, or
  within a page to content drawn before content it has already read.

It is not a PDF/UA validator: fonts, metadata and the many machine-checkable clauses
veraPDF covers are WeasyPrint's ``pdf/ua-1`` writer's to get right. It lives with the
tests because it reads glyph positions with pdfplumber, a test dependency.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RULES = ("untagged", "heading-gap", "image-alt", "table-header", "reading-order")
HEADINGS = {f"H{level}": level for level in range(1, 7)}
LINE = 14.0
"""Points: how far back up a page the reading may step (a line of text, so that a label
and the text beside it, or a footnote mark, do not count)."""


@dataclass(frozen=True)
class Finding:
    rule: str
    """One of :data:`RULES`."""
    page: int | None
    """1-based page number, None for the whole file."""
    message: str

    def __str__(self) -> str:
        where = f"page {self.page}" if self.page else "the file"
        return f"{where}: {self.rule}: {self.message}"


@dataclass
class _Element:
    tag: str
    """The standard structure type, after the file's RoleMap."""
    page: int | None
    alt: bool
    marks: list[tuple[int, int]] = field(default_factory=list)
    """(page, MCID) of the content it holds directly, in tree order."""
    children: list[_Element] = field(default_factory=list)

    def walk(self) -> Iterator[_Element]:
        yield self
        for child in self.children:
            yield from child.walk()


def check_pdf(path: Path) -> list[Finding]:
    """Every finding of the rules in :data:`RULES` for the PDF at ``path``, in page order
    within each rule. Raises ``pypdf.errors.PdfReadError`` for a file that is not a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    catalogue: Any = reader.trailer["/Root"]
    marked = catalogue.get("/MarkInfo", {}).get("/Marked", False)
    if "/StructTreeRoot" not in catalogue or not marked:
        return [Finding("untagged", None, "no structure tree: nothing tells a reader what it is")]
    root = catalogue["/StructTreeRoot"]
    pages = {
        page.indirect_reference.idnum: n
        for n, page in enumerate(reader.pages, 1)
        if page.indirect_reference is not None
    }
    roles = {str(k): str(v) for k, v in dict(root.get("/RoleMap", {})).items()}
    top = _Element("StructTreeRoot", None, alt=False)
    for kid in _kids(root):
        _read(kid, None, top, pages, roles)
    figures = _figure_marks(top)
    findings = [*_headings(top), *_tables(top), *_reading_order(path, top)]
    findings += _images(reader, top, figures)
    return findings


def _kids(node: Any) -> list[Any]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, list) else [kids]


def _read(
    node: Any, page: int | None, parent: _Element, pages: dict[int, int], roles: dict[str, str]
) -> None:
    """Add the structure element or content reference ``node`` under ``parent``."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, int):  # a marked-content id on the parent's page
        if page is not None:
            parent.marks.append((page, int(node)))
        return
    if not hasattr(node, "get"):
        return
    own = node.get("/Pg")
    if own is not None:
        page = pages.get(own.idnum, page)
    if node.get("/Type") == "/MCR":
        if page is not None:
            parent.marks.append((page, int(node["/MCID"])))
        return
    if "/S" not in node:  # an object reference (/OBJR): an annotation, not content
        return
    tag = str(node["/S"]).lstrip("/")
    seen: set[str] = set()
    while tag in roles and tag not in seen:
        seen.add(tag)
        tag = roles[tag].lstrip("/")
    element = _Element(tag, page, alt="/Alt" in node or "/ActualText" in node)
    parent.children.append(element)
    for kid in _kids(node):
        _read(kid, page, element, pages, roles)


def _first_page(element: _Element) -> int | None:
    return next((e.marks[0][0] for e in element.walk() if e.marks), element.page)


def _headings(top: _Element) -> list[Finding]:
    findings = []
    previous = 0
    for element in top.walk():
        level = HEADINGS.get(element.tag)
        if level is None:
            continue
        if level > previous + 1:
            expected = f"an H{previous + 1} at most" if previous else "an H1"
            after = f" after an H{previous}" if previous else " as the first heading"
            findings.append(
                Finding(
                    "heading-gap",
                    _first_page(element),
                    f"an H{level}{after}: a level is skipped; use {expected}",
                )
            )
        previous = level
    return findings


def _tables(top: _Element) -> list[Finding]:
    return [
        Finding(
            "table-header",
            _first_page(table),
            "a table without header cells (TH): a reader cannot name its columns or rows",
        )
        for table in top.walk()
        if table.tag == "Table" and not any(cell.tag == "TH" for cell in table.walk())
    ]


def _figure_marks(top: _Element) -> dict[tuple[int, int], bool]:
    """(page, MCID) of everything inside a Figure -> whether that Figure has alt text."""
    marks: dict[tuple[int, int], bool] = {}
    for figure in top.walk():
        if figure.tag == "Figure":
            for element in figure.walk():
                for mark in element.marks:
                    marks[mark] = figure.alt
    return marks


def _images(reader: Any, top: _Element, figures: dict[tuple[int, int], bool]) -> list[Finding]:
    findings = [
        Finding("image-alt", _first_page(e), "a figure without alternative text (Alt)")
        for e in top.walk()
        if e.tag == "Figure" and not e.alt
    ]
    for number, page in enumerate(reader.pages, 1):
        for mcid, artifact in _drawn_images(reader, page):
            if artifact or (number, mcid) in figures:
                continue
            findings.append(
                Finding(
                    "image-alt",
                    number,
                    "an image drawn outside a figure and not marked as an artifact",
                )
            )
    return findings


def _drawn_images(reader: Any, page: Any) -> list[tuple[int | None, bool]]:
    """Per image a page draws: the MCID of the marked content around it (None without
    one) and whether it is inside an artifact."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return []
    xobjects = page.get("/Resources", {}).get("/XObject", {})
    stack: list[tuple[str, int | None]] = []
    found: list[tuple[int | None, bool]] = []
    for operands, operator in ContentStream(contents, reader).operations:
        if operator in (b"BMC", b"BDC"):
            properties = operands[1] if operator == b"BDC" and len(operands) > 1 else {}
            mcid = properties.get("/MCID") if hasattr(properties, "get") else None
            stack.append((str(operands[0]).lstrip("/"), None if mcid is None else int(mcid)))
        elif operator == b"EMC" and stack:
            stack.pop()
        elif operator in (b"Do", b"INLINE IMAGE"):
            if operator == b"Do":
                xobject = xobjects.get(operands[0])
                if xobject is None or xobject.get_object().get("/Subtype") != "/Image":
                    continue
            artifact = any(tag == "Artifact" for tag, _ in stack)
            mcid = next((m for _, m in reversed(stack) if m is not None), None)
            found.append((mcid, artifact))
    return found


def _reading_order(path: Path, top: _Element) -> list[Finding]:
    """The structure tree read in order may not go back to an earlier page, nor, on a
    page, back up to text more than :data:`LINE` above the text read before it in the
    same column or one to its left (a step up and to the right is the next column or
    table cell). Positions come from pdfplumber, which knows each glyph's MCID."""
    import pdfplumber

    places: dict[tuple[int, int], tuple[float, float]] = {}
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for char in page.chars:
                if char.get("mcid") is None or char["text"].isspace():
                    continue
                key = (number, int(char["mcid"]))
                upper, left = places.get(key, (char["top"], char["x0"]))
                places[key] = (min(upper, char["top"]), min(left, char["x0"]))
    findings = []
    last: tuple[int, int] | None = None
    for element in top.walk():
        for mark in element.marks:
            if mark not in places:  # no text: a rule, an image
                continue
            if last is not None and mark[0] < last[0]:
                findings.append(
                    Finding(
                        "reading-order",
                        mark[0],
                        f"the structure goes back to page {mark[0]} after page {last[0]}",
                    )
                )
            elif last is not None and mark[0] == last[0]:
                (top_now, left_now), (top_before, left_before) = places[mark], places[last]
                if top_now < top_before - LINE and left_now <= left_before + 1:
                    findings.append(
                        Finding(
                            "reading-order",
                            mark[0],
                            f"text at {top_now:.0f} pt from the top is read after text at "
                            f"{top_before:.0f} pt below it in the same column",
                        )
                    )
            last = mark
    return findings
