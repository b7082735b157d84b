"""Press-ready output (``servefirst build --press`` or ``press: true``): ``OUT/press/``.

Two kinds of file, beside the tagged PDF/UA documents that stay the default output:

- ``<document>-pdfx.pdf`` for each printed document (workbook, guide): PDF/X-4 written
  by WeasyPrint's own ``pdf/x-4`` variant, laid out from the same HTML as the PDF/UA
  file, so every page number is the same. Cover pages get 3 mm of bleed (the brand
  band runs into it) and crop marks; a PDF/X-4 file names an output intent, here the
  sRGB profile WeasyPrint ships (the print shop converts to its own press profile).
- ``participant-workbook-booklet-<half>.pdf``: the workbook as a saddle-stitch booklet
  for an office duplex printer. Its pages, padded to a multiple of four with pages
  headed "Notes", are scaled onto landscape sheets of the program's paper, two to a
  side, in imposition order: sheet 1's front holds the last page and page 1, its back
  page 2 and the last but one, and so on. Printed double-sided, flipped on the short
  edge, folded and stapled, it reads in order; on A4 paper it is an A5 booklet. The
  pages are those of the workbook itself, so "Workbook p. 14" in the guide and on the
  slides still holds. Imposition uses pypdf (BSD-3-Clause), which Serve First
  already depends on: each page is drawn whole as a form XObject. pdfimpose was
  considered and not taken: it is AGPL-3.0-or-later and needs PyMuPDF (AGPL too),
  which would bind everyone who ships Serve First to the AGPL's terms.

Every file is written into the build's staging folder and published with the others;
nothing in it depends on the time of day or the build machine's paths.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..errors import BuildError
from ..model import Program
from ..model.participant import ParticipantProgram
from ..model.program import ProgramConfig
from .pdf import PAGE_SIZES, PRESS_OPTIONS

if TYPE_CHECKING:
    from weasyprint import Document

FOLDER = "press"
BLEED_MM = 3
BOOKLET_NAMES = {"A4": "a5", "letter": "half-letter"}
"""Paper of the workbook -> the size of the folded booklet, for the booklet's file name."""
MM = 72 / 25.4
"""PDF points per millimetre."""

PRESS_CSS = f"""
@page cover {{
  bleed: {BLEED_MM}mm;
  marks: crop;
  background: linear-gradient(to bottom, var(--brand) 0 18mm, transparent 18mm);
  background-origin: border-box;
}}
"""
"""Bleed and crop marks on cover pages. The page background is painted into the bleed,
so the cover's brand band (an 18 mm top border in print-base.css) runs off the edge."""


def pdfx_name(document: str) -> str:
    """``participant-workbook.pdf`` -> ``participant-workbook-pdfx.pdf``."""
    return f"{Path(document).stem}-pdfx.pdf"


def booklet_name(document: str, paper: str) -> str:
    """``participant-workbook.pdf`` on A4 -> ``participant-workbook-booklet-a5.pdf``."""
    return f"{Path(document).stem}-booklet-{BOOKLET_NAMES[paper]}.pdf"


def write_pdfx(document: Document, target: Path) -> int:
    """Write a laid-out ``document`` (laid out with ``press=True`` and
    :data:`PRESS_CSS`) as PDF/X-4 to ``target``; returns its page count. WeasyPrint
    gives each PDF/X-4 file a random XMP DocumentID: it is replaced by one derived from
    the file's content, so the same input gives the same bytes. Raises BuildError when
    the file cannot be written."""
    data = document.write_pdf(pdf_tags=True, **PRESS_OPTIONS)
    _write(target, _stable_document_id(data))
    return len(document.pages)


_DOCUMENT_ID = re.compile(
    rb"xmp\.did:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
)
_FILE_ID = re.compile(rb"/ID \[\(([0-9a-f]{32})\) \(([0-9a-f]{32})\)\]")


def _stable_document_id(data: bytes) -> bytes:
    """The PDF with its random XMP ``xmp.did:<uuid4>`` and the trailer's file /ID
    (a hash that covers it) replaced by values made from the rest of the file. They
    keep their length, so every byte offset in the file still holds."""
    document_id, file_id = _DOCUMENT_ID.search(data), _FILE_ID.search(data)
    if document_id is None:
        return data
    spans = [document_id.span(1)] + ([file_id.span(1), file_id.span(2)] if file_id else [])
    blank = bytearray(data)
    for start, end in spans:
        blank[start:end] = b"0" * (end - start)
    digest = hashlib.sha256(blank).digest()
    stable = bytearray(blank)
    stable[slice(*spans[0])] = str(uuid.UUID(bytes=digest[:16], version=4)).encode()
    for start, end in spans[1:]:
        stable[start:end] = digest[16:].hex().encode()
    return bytes(stable)


def notes_html(config: ProgramConfig, count: int, first_number: int) -> str:
    """``count`` pages headed "Notes" (in the program's language), ruled, numbered on
    from ``first_number``, on the program's paper: the booklet's padding."""
    size, _height = PAGE_SIZES[config.paper]
    title = i18n.gettext(config.language)("Notes")
    lines = '<div class="line"></div>' * 24
    pages = "".join(f"<section><h1>{title}</h1>{lines}</section>" for _ in range(count))
    return f"""<!doctype html><html lang="{config.language}"><head><meta charset="utf-8">
<title>{title}</title><style>
@page {{ size: {size}; margin: 20mm 20mm 22mm;
  @bottom-center {{ content: counter(page); font-size: 9pt; color: #555; }} }}
@page :first {{ counter-reset: page {first_number}; }}
html {{ font-family: "Lato", "Noto Sans", sans-serif; }}
section {{ page-break-after: always; }}
section:last-child {{ page-break-after: auto; }}
h1 {{ font-size: 14pt; color: #555; margin: 0 0 6mm; }}
.line {{ height: 9mm; border-bottom: 0.5pt solid #999; }}
</style></head><body>{pages}</body></html>"""


@dataclass(frozen=True)
class Booklet:
    path: Path
    sheets: int
    """Sheets of paper (each printed on both sides)."""
    order: list[tuple[int, int]]
    """Per booklet page (one side of a sheet): the source pages (1-based) on its left and
    right half."""


def imposition(pages: int) -> list[tuple[int, int]]:
    """Saddle-stitch order for ``pages`` (a multiple of four): per side of each sheet,
    front then back, the (left, right) page numbers. 8 pages -> [(8, 1), (2, 7), (6, 3),
    (4, 5)]. Raises ValueError for a count that is not a positive multiple of four."""
    if pages <= 0 or pages % 4:
        raise ValueError(f"a saddle-stitch booklet needs a multiple of four pages, not {pages}")
    order = []
    for sheet in range(pages // 4):
        low, high = 2 * sheet + 1, pages - 2 * sheet
        order += [(high, low), (low + 1, high - 1)]
    return order


def write_booklet(workbook: Path, config: ProgramConfig, target: Path) -> Booklet:
    """Impose the PDF ``workbook`` as a saddle-stitch booklet at ``target``: padded with
    notes pages to a multiple of four, two pages to each side of a landscape sheet of
    the program's paper, each scaled to fit half of it and centred there. Raises
    BuildError when the file cannot be written."""
    from pypdf import PageObject, PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
    from weasyprint import HTML

    source = PdfReader(workbook)
    pages = list(source.pages)
    padding = -len(pages) % 4
    if padding:
        notes = HTML(string=notes_html(config, padding, len(pages) + 1)).write_pdf()
        pages += list(PdfReader(BytesIO(notes)).pages)
    width = max(float(page.mediabox.width) for page in pages)
    height = max(float(page.mediabox.height) for page in pages)
    sheet_w, sheet_h = (height, width) if height > width else (2 * width, height)
    half = sheet_w / 2
    writer = PdfWriter()
    forms = [_form(writer, page) for page in pages]
    order = imposition(len(pages))
    for left, right in order:
        side = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        drawn, names = [], DictionaryObject()
        for slot, number in enumerate((left, right)):
            box = pages[number - 1].mediabox
            scale = min(half / float(box.width), sheet_h / float(box.height))
            x = slot * half + (half - float(box.width) * scale) / 2 - float(box.left) * scale
            y = (sheet_h - float(box.height) * scale) / 2 - float(box.bottom) * scale
            drawn.append(f"q {scale:.6f} 0 0 {scale:.6f} {x:.4f} {y:.4f} cm /P{slot} Do Q")
            names[NameObject(f"/P{slot}")] = forms[number - 1]
        side[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): names})
        content = DecodedStreamObject()
        content.set_data("\n".join(drawn).encode())
        side[NameObject("/Contents")] = writer._add_object(content)
        writer.add_page(side)
    writer.compress_identical_objects(remove_orphans=True)  # fonts shared by every page
    writer.add_metadata({"/Title": f"{config.title}: booklet"})
    buffer = BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    _write(target, data)
    return Booklet(target, len(order) // 2, order)


def _form(writer: Any, page: Any) -> Any:
    """``page`` (of another PDF) as a form XObject added to ``writer``; returns its
    reference. Drawing the page whole, scaled, is how the booklet places it: no content
    stream is parsed or rewritten."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject

    form = DecodedStreamObject()
    contents = page.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(FloatObject(float(v)) for v in page.mediabox)
    if "/Resources" in page:
        form[NameObject("/Resources")] = page["/Resources"].clone(writer)
    compressed = form.flate_encode()
    return writer._add_object(compressed)


def _write(target: Path, data: bytes) -> None:
    """Write ``data`` atomically: a temporary file in the same folder, then a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BuildError(f"cannot write {target}: {exc.strerror}") from exc


@dataclass(frozen=True)
class PressResult:
    pages: dict[str, int]
    """File name in the press folder -> its page count (sides, for the booklet)."""


def render_press(
    program: Program,
    view: ParticipantProgram,
    anchors: dict[str, int],
    slides: dict[str, list[tuple[int, int] | None]],
    workbook: Path,
    folder: Path,
) -> PressResult:
    """Write the press folder's files into ``folder``: the PDF/X-4 workbook and guide
    (laid out again from the same HTML as the default PDFs, with :data:`PRESS_CSS`) and
    the booklet imposed from ``workbook``, the workbook PDF this build published or
    reuses. ``anchors`` and ``slides`` are the workbook's page numbers and the deck's
    plan, as for the guide. Raises BuildError when a file cannot be written."""
    from ..pipeline import GUIDE, WORKBOOK
    from .pdf import facilitator_html, layout, layout_workbook

    pages = {}
    for name in (WORKBOOK, GUIDE):  # the same layout as the tagged files, page for page
        if name == WORKBOOK:
            laid_out = layout_workbook(view, program.root, extra_css=PRESS_CSS, press=True)
        else:
            html = facilitator_html(program, anchors, slides)
            laid_out = layout(
                html, "facilitator", program.config, program.root, extra_css=PRESS_CSS, press=True
            )
        pages[pdfx_name(name)] = write_pdfx(laid_out, folder / pdfx_name(name))
    booklet = write_booklet(
        workbook, view.config, folder / booklet_name(WORKBOOK, view.config.paper)
    )
    pages[booklet.path.name] = len(booklet.order)
    return PressResult(pages)
