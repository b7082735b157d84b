"""Page numbers stamped on an assembled document (render/assemble.py).

Chunks (render/chunks.py) are laid out without page numbers, so a chunk's pages do not
depend on where it starts. Once the document is assembled, :func:`write_stamp` lays out
one empty page per document page with the document's own stylesheets, so each number
sits in the footer box, font, size and colour the one-pass layout gives it (left-hand
pages at the bottom left, right-hand pages at the bottom right, none on a cover), and
:func:`apply_stamp` draws each stamp page over its document page, marked as a pagination
artifact (PDF/UA-1: page numbers are not part of the logical structure).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pikepdf

from ..model.program import ProgramConfig

UNNUMBERED = frozenset({"cover"})
"""CSS page names whose pages print no number (print-base.css: ``@page cover``)."""

_ARTIFACT = b"/Artifact <</Type /Pagination /Subtype /PageNum>> BDC q %s Do Q EMC\n"


def stamp_html(page_names: list[str], language: str) -> str:
    """One empty block per page, each on its own page with the page's CSS name."""
    blocks = "".join(
        f'<div style="page: {escape(name) or "auto"}; height: 1px;'
        f'{" break-before: page;" if number else ""}"></div>'
        for number, name in enumerate(page_names)
    )
    return f'<!DOCTYPE html><html lang="{escape(language)}"><body>{blocks}</body></html>'


def write_stamp(
    page_names: list[str], kind: str, config: ProgramConfig, base_url: Path, target: Path
) -> None:
    """Write the page-number stamp of a document of ``len(page_names)`` pages to ``target``:
    page N prints N where the document's stylesheet ``kind`` puts it."""
    from .pdf import layout

    document = layout(stamp_html(page_names, config.language), kind, config, base_url)
    if len(document.pages) != len(page_names):
        raise AssertionError(f"stamp has {len(document.pages)} pages for {len(page_names)}")
    document.write_pdf(target)


def apply_stamp(out: pikepdf.Pdf, stamp: pikepdf.Pdf, page_names: list[str]) -> None:
    """Draw page N of ``stamp`` over page N of ``out`` (both the same size), except on
    unnumbered pages; the page's own content is wrapped in ``q``/``Q`` first, so a state
    it leaves set cannot move the number. Each number is its own ``/SfPageN`` form:
    pages may share one resource dictionary."""
    pages = zip(out.pages, stamp.pages, page_names, strict=True)
    for number, (page, stamped, name) in enumerate(pages, start=1):
        if name in UNNUMBERED:
            continue
        form = out.copy_foreign(stamped.as_form_xobject())
        resource = page.add_resource(form, pikepdf.Name.XObject, pikepdf.Name(f"/SfPage{number}"))
        page.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
        ending = b"Q\n" + _ARTIFACT % str(resource).encode("ascii")
        page.contents_add(pikepdf.Stream(out, ending))
