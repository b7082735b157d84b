"""Where the PDFs put their glyphs and images, read back with pdfplumber.

The text area of a page is the page box less the margins of ``print-base.css``, read
from the stylesheet itself (so the test follows the design, not a copy of it): 20 mm at
the top, 22 mm at the bottom, and a 24 mm binding gutter on the inside (the left of a
right-hand page, which every odd page is). Running headers and page numbers live in the
margin boxes: a glyph in the top or bottom margin is allowed when it keeps
``MARGIN_BOX_CLEARANCE`` from both the page edge and the text area, which is where a
margin box's line sits and where overflowing body text never is. The cover (page 1) has
no margins; its text keeps to the horizontal text area of a right-hand page and to
``COVER_EDGE`` from the top and bottom edges.

All lengths are PDF points (1/72 inch), origin top left, as pdfplumber gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from .conftest import REPO

MM = 72 / 25.4
TOLERANCE = 1.5  # points (about 0.5 mm): glyph boxes come from advance widths
MARGIN_BOX_CLEARANCE = 4 * MM
COVER_EDGE = 5 * MM
STYLESHEET = REPO / "generator" / "styles" / "print-base.css"


@dataclass(frozen=True)
class Margins:
    """Page margins in points; ``inside`` is the binding side."""

    top: float
    bottom: float
    inside: float
    outside: float


@dataclass(frozen=True)
class Area:
    left: float
    top: float
    right: float
    bottom: float

    def holds(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        return (
            x0 >= self.left - TOLERANCE
            and x1 <= self.right + TOLERANCE
            and top >= self.top - TOLERANCE
            and bottom <= self.bottom + TOLERANCE
        )

    def __str__(self) -> str:
        return f"x {self.left:.1f}–{self.right:.1f}, y {self.top:.1f}–{self.bottom:.1f} pt"


def page_margins(stylesheet: Path = STYLESHEET) -> Margins:
    """The margins of ``@page``, ``@page :left`` and ``@page :right`` in the stylesheet.

    Raises AssertionError when the stylesheet no longer says them the way this reads."""
    css = stylesheet.read_text(encoding="utf-8")
    whole = re.search(r"@page\s*\{\s*margin:\s*([\d.]+)mm\s+[\d.]+mm\s+([\d.]+)mm", css)
    right = re.search(
        r"@page :right\s*\{\s*margin-left:\s*([\d.]+)mm;\s*margin-right:\s*([\d.]+)mm", css
    )
    left = re.search(
        r"@page :left\s*\{\s*margin-left:\s*([\d.]+)mm;\s*margin-right:\s*([\d.]+)mm", css
    )
    assert whole and right and left, f"cannot read the @page margins of {stylesheet}"
    assert (right.group(1), right.group(2)) == (left.group(2), left.group(1)), "not mirrored"
    top, bottom = (float(v) * MM for v in whole.groups())
    return Margins(top, bottom, float(right.group(1)) * MM, float(right.group(2)) * MM)


def text_area(number: int, width: float, height: float, margins: Margins) -> Area:
    """The text area of page ``number`` (1-based): odd pages are right-hand pages."""
    left, right = (
        (margins.inside, margins.outside) if number % 2 else (margins.outside, margins.inside)
    )
    return Area(left, margins.top, width - right, height - margins.bottom)


def _allowed(number: int, area: Area, height: float, top: float, bottom: float) -> bool:
    if number == 1:  # the cover
        return top >= COVER_EDGE and bottom <= height - COVER_EDGE
    if top >= area.top - TOLERANCE and bottom <= area.bottom + TOLERANCE:
        return True
    head = top >= MARGIN_BOX_CLEARANCE and bottom <= area.top - MARGIN_BOX_CLEARANCE
    foot = top >= area.bottom + MARGIN_BOX_CLEARANCE and bottom <= height - MARGIN_BOX_CLEARANCE
    return head or foot


def stray_glyphs(pdf: Path, margins: Margins | None = None) -> list[str]:
    """One line per page with glyphs outside its text area: the page, the text of those
    glyphs (at most 60 characters) and how far out they reach. Empty when all is inside."""
    margins = margins or page_margins()
    found: list[str] = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            area = text_area(page.page_number, page.width, page.height, margins)
            out = [
                c
                for c in page.chars
                if c["text"].strip()
                and not (
                    c["x0"] >= area.left - TOLERANCE
                    and c["x1"] <= area.right + TOLERANCE
                    and _allowed(page.page_number, area, page.height, c["top"], c["bottom"])
                )
            ]
            if out:
                text = "".join(c["text"] for c in out)
                reach = (
                    f"x {min(c['x0'] for c in out):.1f}–{max(c['x1'] for c in out):.1f}, "
                    f"y {min(c['top'] for c in out):.1f}–{max(c['bottom'] for c in out):.1f}"
                )
                found.append(f"{pdf.name} p.{page.page_number}: {text[:60]!r} at {reach} pt")
    return found


@dataclass(frozen=True)
class Drawn:
    """An image as drawn: its page, box (points) and size in pixels."""

    page: int
    box: tuple[float, float, float, float]
    pixels: tuple[int, int]
    area: Area

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


def drawn_images(pdf: Path, margins: Margins | None = None) -> list[Drawn]:
    """Every image drawn in the PDF, with the text area of its page."""
    margins = margins or page_margins()
    images: list[Drawn] = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            area = text_area(page.page_number, page.width, page.height, margins)
            for image in page.images:
                box = (image["x0"], image["top"], image["x1"], image["bottom"])
                width, height = image["srcsize"]
                images.append(Drawn(page.page_number, box, (int(width), int(height)), area))
    return images


def misdrawn_images(pdf: Path, margins: Margins | None = None) -> list[str]:
    """One line per image that leaves its page's text area or loses its aspect ratio
    (more than 1 % off the pixels' ratio). Empty when every image is drawn well."""
    found: list[str] = []
    for image in drawn_images(pdf, margins):
        where = f"{pdf.name} p.{image.page}: image of {image.pixels[0]}x{image.pixels[1]} px"
        x0, top, x1, bottom = image.box
        if image.page != 1 and not image.area.holds(x0, top, x1, bottom):
            found.append(
                f"{where} drawn at {x0:.1f},{top:.1f}–{x1:.1f},{bottom:.1f}, not in {image.area}"
            )
        ratio = (image.width / image.height) / (image.pixels[0] / image.pixels[1])
        if abs(ratio - 1) > 0.01:
            found.append(
                f"{where} drawn {image.width:.1f}x{image.height:.1f} pt: ratio off by {ratio:.3f}"
            )
    return found


def with_paper(root: Path, paper: str) -> None:
    """Set ``program.paper`` in ``root/mkdocs.yml``, adding the key when it is absent."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if re.search(r"^\s+paper:", text, re.MULTILINE):
        text = re.sub(r"^(\s+paper:).*$", rf"\g<1> {paper}", text, count=1, flags=re.MULTILINE)
    else:
        text = re.sub(
            r"^(\s+)program:\s*$", rf"\g<0>\n\g<1>  paper: {paper}", text, count=1, flags=re.M
        )
    assert f"paper: {paper}" in text, config
    config.write_text(text, encoding="utf-8")
