"""Variable-data printing: a shared PDF written once, one page swapped in per person.

WeasyPrint writes the shared document (a workbook whose first page is a cover, or a
one-page certificate) once, and every person's own page once, all together in a second
document; both are tagged PDF/UA files. Each person's file is then the shared file with
one page's content stream and resources replaced by those of their own page (pikepdf,
with qpdf underneath), saved with a deterministic ``/ID``. Nothing else is written again,
so a person costs a few hundredths of a second instead of a full PDF write.

The structure tree stays valid because the swap only happens when both pages carry the
same marked content: the same number of marked-content sequences (MCIDs), each owned by a
structure element of the same type under a parent of the same type, and neither page
has annotations. :func:`same_shape` checks that; when it does not hold (a name that wraps
onto a second line, say) :meth:`SharedPdf.save_with_page` returns ``False`` and the caller
writes that person's file in full.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf

from ..errors import BuildError

Shape = tuple[tuple[str, str], ...]
"""Per MCID of a page, in order: (structure type, parent's structure type)."""


def page_shape(pdf: pikepdf.Pdf, index: int) -> Shape | None:
    """The marked-content shape of page ``index`` (0-based), or None when the page has
    annotations or no structure (such a page is never swapped)."""
    page = pdf.pages[index].obj
    if "/Annots" in page or "/StructParents" not in page:
        return None
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return None
    tree = pikepdf.NumberTree(root.ParentTree)
    owners: Any = tree.get(int(page.StructParents))
    if owners is None:
        return None
    shape = []
    for element in owners:
        parent = element.get("/P")
        parent_type = str(parent.get("/S", "")) if isinstance(parent, pikepdf.Dictionary) else ""
        shape.append((str(element.get("/S", "")), parent_type))
    return tuple(shape)


def same_shape(a: pikepdf.Pdf, a_index: int, b: pikepdf.Pdf, b_index: int) -> bool:
    """Whether page ``a_index`` of ``a`` may take the content of page ``b_index`` of ``b``
    without making the structure tree wrong."""
    shape = page_shape(a, a_index)
    return shape is not None and shape == page_shape(b, b_index)


class SharedPdf:
    """A PDF written once, saved again per person with one page replaced.

    ``path`` is the shared PDF; ``page`` the 0-based index of the page that differs per
    person (0 for a cover). Raises :class:`BuildError` when the file cannot be read.
    """

    def __init__(self, path: Path, page: int = 0) -> None:
        try:
            self.pdf = pikepdf.open(path)
        except (OSError, pikepdf.PdfError) as exc:
            raise BuildError(f"cannot read the shared PDF {path.name}: {exc}") from exc
        self.page = page

    def save_with_page(self, source: pikepdf.Pdf, index: int, target: Path) -> bool:
        """Write ``target``: the shared PDF with its varying page replaced by page
        ``index`` (0-based) of ``source``. Returns False, writing nothing, when the two
        pages differ in shape (see :func:`same_shape`). Raises :class:`BuildError` when
        the file cannot be written; a half-written file is never left behind."""
        if not same_shape(self.pdf, self.page, source, index):
            return False
        page = self.pdf.pages[self.page].obj
        own = source.pages[index].obj
        page.Contents = self.pdf.copy_foreign(own.Contents)
        page.Resources = self.pdf.copy_foreign(own.Resources)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        try:
            self.pdf.save(temporary, deterministic_id=True)
            temporary.replace(target)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise BuildError(f"cannot write {target}: {exc.strerror}") from exc
        return True

    def close(self) -> None:
        self.pdf.close()


def open_pages(path: Path) -> pikepdf.Pdf:
    """Open a PDF of per-person pages (all covers, or all certificates)."""
    try:
        return pikepdf.open(path)
    except (OSError, pikepdf.PdfError) as exc:
        raise BuildError(f"cannot read {path.name}: {exc}") from exc
