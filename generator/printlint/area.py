"""The text area of a page: the page box less the margins of the print stylesheets.

The margins are read from the stylesheets the PDFs are made with (``print-base.css``
for the guide and the workbook, ``certificate.css`` for certificates, which are the
landscape pages), so the lint follows the design, not a copy of it. Odd pages are
right-hand pages, with the binding gutter on their left. Lengths are PDF points (1/72
inch), origin top left, as pdfplumber gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MM = 72 / 25.4
STYLES = Path(__file__).resolve().parent.parent / "styles"


@dataclass(frozen=True)
class Area:
    """A rectangle in points: ``left`` < ``right``, ``top`` < ``bottom``."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Margins:
    """Page margins in points; ``inside`` is the binding side."""

    top: float
    bottom: float
    inside: float
    outside: float


@cache
def book_margins() -> Margins:
    """The margins of ``@page``, ``@page :left`` and ``@page :right`` in print-base.css.

    Raises ValueError when the stylesheet no longer says them the way this reads."""
    css = (STYLES / "print-base.css").read_text(encoding="utf-8")
    whole = re.search(r"@page\s*\{\s*margin:\s*([\d.]+)mm\s+[\d.]+mm\s+([\d.]+)mm", css)
    right = re.search(
        r"@page :right\s*\{\s*margin-left:\s*([\d.]+)mm;\s*margin-right:\s*([\d.]+)mm", css
    )
    if not (whole and right):
        raise ValueError("print-base.css: cannot read the @page margins")
    top, bottom = (float(v) * MM for v in whole.groups())
    return Margins(top, bottom, float(right.group(1)) * MM, float(right.group(2)) * MM)


@cache
def certificate_margins() -> Margins:
    """The margins of the certificate pages (``@page :right { margin: V H }``)."""
    css = (STYLES / "certificate.css").read_text(encoding="utf-8")
    found = re.search(r"@page :right\s*\{\s*margin:\s*([\d.]+)mm\s+([\d.]+)mm", css)
    if not found:
        raise ValueError("certificate.css: cannot read the @page margins")
    vertical, horizontal = (float(v) * MM for v in found.groups())
    return Margins(vertical, vertical, horizontal, horizontal)


def text_area(number: int, width: float, height: float) -> Area:
    """The text area of page ``number`` (1-based) of a page ``width`` x ``height`` points."""
    margins = certificate_margins() if width > height else book_margins()
    left, right = (
        (margins.inside, margins.outside) if number % 2 else (margins.outside, margins.inside)
    )
    return Area(left, margins.top, width - right, height - margins.bottom)
