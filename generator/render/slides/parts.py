"""The deck's PDF, converted by LibreOffice in parts when the deck is long.

LibreOffice holds the whole presentation while it exports: a deck of 850 slides (a
60-module program) took 1,348 MiB. A deck of more than :data:`PART_SLIDES` slides is
therefore saved as several decks of at most that many slides (the same slides, in
order), each converted alone, and the PDFs are joined with pikepdf, bookmarks included.
In a part, each slide carries its number in the whole deck as text, where the master's
slide-number field would print it (LibreOffice would count every part from 1).
"""

from __future__ import annotations

import tempfile
from copy import deepcopy
from pathlib import Path
from typing import Any

import pikepdf
from pptx import Presentation
from pptx.oxml.ns import qn

from ...errors import BuildError
from . import convert

PART_SLIDES = 150
"""The most slides LibreOffice is given at once (about 250 MiB of LibreOffice)."""


def convert_deck(deck: Path, target: Path, slides: int) -> None:
    """Write the PDF of the PPTX ``deck`` of ``slides`` slides to ``target``.

    Raises BuildError as :func:`convert.convert` does, or when the parts cannot be joined.
    """
    if slides <= PART_SLIDES:
        convert.convert(deck, target)
        return
    with tempfile.TemporaryDirectory(prefix="servefirst-deck-parts-") as scratch:
        parts = []
        for start in range(0, slides, PART_SLIDES):
            part = Path(scratch) / f"{deck.stem}-{start // PART_SLIDES + 1:03d}.pptx"
            _save_part(deck, part, range(start, min(start + PART_SLIDES, slides)))
            convert.convert(part, part.with_suffix(".pdf"))
            parts.append(part.with_suffix(".pdf"))
        _join(parts, target)


def _save_part(deck: Path, part: Path, kept: range) -> None:
    """Save the slides of ``deck`` whose index is in ``kept`` as the deck ``part``."""
    presentation = Presentation(str(deck))
    listed = presentation.slides._sldIdLst
    for index, slide in enumerate(list(listed)):
        if index not in kept:
            listed.remove(slide)
            presentation.part.drop_rel(slide.rId)
    _number_as_printed(presentation, kept.start + 1)
    presentation.save(str(part))


def _number_as_printed(presentation: Any, first: int) -> None:
    """Put each slide's number on the slide as plain text, where the master's slide-number
    field prints it; then take the field off the master. LibreOffice counts the field
    from 1 in every part and ignores ``firstSlideNum``."""
    fields: dict[int, list[Any]] = {}
    for number, slide in enumerate(presentation.slides, start=first):
        master = slide.slide_layout.slide_master
        shapes = fields.setdefault(id(master), _field_shapes(master))
        if "0" in (
            slide._element.get("showMasterSp"),
            slide.slide_layout._element.get("showMasterSp"),
        ):
            continue  # the master's shapes are hidden on this slide (a title slide)
        tree = slide.shapes._spTree
        for shape in reversed(shapes):
            copy = deepcopy(shape)
            for field in copy.iter(qn("a:fld")):
                run = field.makeelement(qn("a:r"), {})
                run.extend(child for child in list(field) if child.tag == qn("a:rPr"))
                text = run.makeelement(qn("a:t"), {})
                text.text = str(number)
                run.append(text)
                field.getparent().replace(field, run)
            for properties in copy.iter(qn("p:cNvPr")):
                properties.set("id", str(90000 + len(tree)))
            tree.insert(2, copy)  # after the group's own properties: drawn first
    for master in presentation.slide_masters:
        for shape in _field_shapes(master):
            shape.getparent().remove(shape)


def _field_shapes(master: Any) -> list[Any]:
    """The master's shapes that hold a slide-number field."""
    tree = master.shapes._spTree
    return [
        shape
        for shape in tree.iterchildren()
        if any(f.get("type") == "slidenum" for f in shape.iter(qn("a:fld")))
    ]


def _join(parts: list[Path], target: Path) -> None:
    """One PDF from the parts in order: pages, then each part's bookmarks moved by the
    pages before it. Metadata comes from the first part."""
    try:
        out = pikepdf.open(parts[0])
    except (OSError, pikepdf.PdfError) as exc:
        raise BuildError(f"cannot read the slides PDF part {parts[0].name}: {exc}") from exc
    try:
        with out.open_outline() as outline:
            for path in parts[1:]:
                offset = len(out.pages)
                with pikepdf.open(path) as source:
                    with source.open_outline() as theirs:
                        marks = [(item.title, _page_index(source, item)) for item in theirs.root]
                    out.pages.extend(source.pages)
                for title, page in marks:
                    if page is not None:
                        outline.root.append(pikepdf.OutlineItem(title, offset + page))
        out.save(target)
    except (OSError, pikepdf.PdfError) as exc:
        raise BuildError(f"cannot join the slides PDF parts into {target.name}: {exc}") from exc
    finally:
        out.close()


def _page_index(pdf: pikepdf.Pdf, item: pikepdf.OutlineItem) -> int | None:
    """The 0-based page an outline item leads to, if it leads to a page of ``pdf``."""
    destination = item.destination
    if isinstance(destination, pikepdf.Array) and len(destination):
        try:
            return pikepdf.Page(destination[0]).index
        except (ValueError, TypeError, pikepdf.PdfError):
            return None
    return None
