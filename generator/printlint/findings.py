"""What the print lint reports: one located finding, and the rules it knows."""

from __future__ import annotations

from dataclasses import dataclass

RULES: dict[str, str] = {
    "PL101": "a heading or label at the foot of a page, its content on the next",
    "PL102": "one line of a paragraph or list item alone at the foot of a page",
    "PL103": "one line of a paragraph or list item alone at the head of a page",
    "PL104": "one row of a table alone on a page",
    "PL105": "a table continued on the next page without its header row",
    "PL106": "a page less than a third full while the next page's first block would fit",
    "PL201": "ruled writing lines closer together than 8 mm",
    "PL202": "a writing box or writing cell lower than its kind allows",
    "PL203": "a writing column or ruled line narrower than 45 mm",
    "PL204": "a tick box or scale circle too small to tick",
    "PL301": "a running header over one line",
    "PL302": "text outside the margins",
    "PL303": "an empty section or contents entry",
}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem on one page: ``document`` is the PDF's file name, ``page`` 1-based."""

    document: str
    page: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.document} p. {self.page}: {self.rule} {self.message}"
