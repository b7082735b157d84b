"""The print lint: built PDFs read back, page by page, and held to a publisher's rules.

``lint_pdf(path)`` reads one PDF (a facilitator guide, a workbook, a personalised
workbook or a certificates file) with pdfplumber: the text of each page with its
position and its place in the tagged structure, and what is drawn. It returns the
:class:`Finding` objects of every rule in :data:`RULES` (``PL1xx`` how content flows
from page to page, ``PL2xx`` the size of writing space, ``PL3xx`` margins, headers and
outline). ``lint_paths`` does the same for several PDFs and the PDFs in folders.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pdfplumber
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import ServeFirstError
from .edges import header_findings, outline_findings
from .findings import RULES, Finding
from .flow import flow_findings
from .reading import Page, read_page
from .writing import MINIMUM, Space, space_findings, spaces

__all__ = [
    "MINIMUM",
    "RULES",
    "Finding",
    "Space",
    "UnreadablePDF",
    "lint_paths",
    "lint_pdf",
    "pdfs_in",
    "writing_spaces",
]

NOT_PRINTED = {"site", "slides"}  # folders of a build holding copies and the deck


class UnreadablePDF(ServeFirstError):
    """A file given to the lint that is not a PDF pdfplumber can read, or not tagged."""


def _open(path: Path) -> PDF:
    try:
        return pdfplumber.open(path)
    except PdfminerException as exc:
        raise UnreadablePDF(f"{path}: not a PDF that can be read ({exc}); build it again") from None


def lint_pdf(path: Path, name: str | None = None) -> list[Finding]:
    """Every finding in the PDF at ``path``, by page then rule; findings name the document
    ``name`` (default: the file's name). Raises OSError when the file cannot be read and
    :class:`UnreadablePDF` when it is not a PDF or has no tags (the lint reads blocks from
    the structure tree WeasyPrint writes for PDF/UA)."""
    name = name or path.name
    found: list[Finding] = []
    with _open(path) as document:
        if "StructTreeRoot" not in document.doc.catalog:
            raise UnreadablePDF(
                f"{path}: not a tagged PDF; the print lint reads the tags of the PDFs "
                "servefirst builds"
            )
        pages: list[Page] = [read_page(page) for page in document.pages]
        found.extend(flow_findings(pages, name))
        for page in pages:
            found.extend(space_findings(page, name))
            found.extend(header_findings(page, name))
        found.extend(outline_findings(pages, name))
    return sorted(found, key=lambda f: (f.page, f.rule, f.message))


def writing_spaces(path: Path) -> list[Space]:
    """Every writing space in the PDF at ``path`` (see :mod:`.writing`), page by page."""
    with _open(path) as document:
        return [space for page in document.pages for space in spaces(read_page(page))]


def pdfs_in(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """The PDFs to lint, each with the name its findings give it. A file stands for
    itself (named by its file name); a folder for every ``*.pdf`` under it, sorted, named
    by its path inside the folder, leaving out the folders ``site`` and ``slides`` of a
    build (the handbook's copy of the workbook and the slide deck are not print
    documents). PDFs that would share a name are named by their paths as given."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if not path.is_dir():
            found.append((path, path.name))
            continue
        for pdf in sorted(path.rglob("*.pdf")):
            inside = pdf.relative_to(path)
            if pdf.is_file() and not NOT_PRINTED & set(inside.parts[:-1]):
                found.append((pdf, inside.as_posix()))
    names = Counter(name for _, name in found)
    return [(pdf, pdf.as_posix() if names[name] > 1 else name) for pdf, name in found]


def lint_paths(paths: Iterable[Path]) -> list[Finding]:
    """:func:`lint_pdf` for each PDF of :func:`pdfs_in` ``paths``, in that order."""
    return [finding for pdf, name in pdfs_in(paths) for finding in lint_pdf(pdf, name)]
