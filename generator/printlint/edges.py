"""The page's edges and the document's outline (rules PL301-PL303).

- PL301: the running header (the margin-box text above the text area) takes one line.
- PL302: body text keeps inside the text area; margin-box text (headers, page numbers)
  keeps ``EDGE`` from the page's edges. The cover (page 1) has no margins: its text
  keeps ``EDGE`` from every edge.
- PL303: a section (a level 1 or 2 heading) has something under it before the next
  one, and a contents entry has a title and does not lead to an empty section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .area import MM
from .findings import Finding
from .lines import Char, lines_of
from .reading import Block, Page

TOLERANCE = 1.5  # points: glyph boxes come from advance widths
EDGE = 4 * MM
CONTENTS_ENTRY = re.compile(r"^(?P<title>.*?)[\s.·…]*(?P<page>\d+)$")


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def header_findings(page: Page, document: str) -> Iterator[Finding]:
    """PL301 and PL302 for one page."""
    head = [ln for ln in page.margin_lines if ln.bottom <= page.area.top + TOLERANCE]
    if len(head) > 1:
        yield Finding(
            document,
            page.number,
            "PL301",
            f"the running header takes {len(head)} lines ('{_short(head[0].text)}'); "
            "shorten it to one with an ellipsis",
        )
    stray = [c for c in page.body_chars if not _inside(page, c)]
    for line in page.margin_lines:
        if (
            line.x0 < EDGE
            or line.x1 > page.width - EDGE
            or line.top < EDGE
            or line.bottom > page.height - EDGE
        ):
            distance = max(0.0, _edge_distance(page, line.x0, line.x1, line.top, line.bottom))
            yield Finding(
                document,
                page.number,
                "PL302",
                f"margin text '{_short(line.text)}' {distance / MM:.1f} mm from the page edge; "
                "at least 4 mm",
            )
    if stray:
        text = " ".join(line.text for line in lines_of(stray))
        yield Finding(
            document,
            page.number,
            "PL302",
            f"text '{_short(text)}' outside the margins, at x {min(c['x0'] for c in stray) / MM:.0f}"
            f"–{max(c['x1'] for c in stray) / MM:.0f} mm, y {min(c['top'] for c in stray) / MM:.0f}"
            f"–{max(c['bottom'] for c in stray) / MM:.0f} mm",
        )


def _edge_distance(page: Page, x0: float, x1: float, top: float, bottom: float) -> float:
    return min(x0, page.width - x1, top, page.height - bottom)


def _inside(page: Page, char: Char) -> bool:
    if page.number == 1:
        return _edge_distance(page, char["x0"], char["x1"], char["top"], char["bottom"]) >= EDGE
    area = page.area
    return bool(
        char["x0"] >= area.left - TOLERANCE
        and char["x1"] <= area.right + TOLERANCE
        and char["top"] >= area.top - TOLERANCE
        and char["bottom"] <= area.bottom + TOLERANCE
    )


def outline_findings(pages: list[Page], document: str) -> Iterator[Finding]:
    """PL303 for one document: empty sections and empty contents entries."""
    flow: list[tuple[Page, Block]] = [(p, b) for p in pages for b in p.text_blocks()]
    empty: dict[str, int] = {}
    for index, (page, block) in enumerate(flow):
        level = block.heading_level
        if level is None or level > 2:
            continue
        after = flow[index + 1][1] if index + 1 < len(flow) else None
        if after is None or (after.heading_level or 9) <= level:
            empty[" ".join(block.text.split())] = page.number
            yield Finding(
                document,
                page.number,
                "PL303",
                f"the section '{_short(block.text)}' is empty: nothing is printed under its heading",
            )
    for page in pages:
        for block in page.text_blocks():
            if block.kind != "LI":
                continue
            entry = CONTENTS_ENTRY.match(block.text)
            if not entry or ".." not in block.text.replace(" ", ""):
                continue
            title = entry.group("title").strip()
            if not title:
                yield Finding(
                    document,
                    page.number,
                    "PL303",
                    f"a contents entry with no title (p. {entry.group('page')})",
                )
            elif " ".join(title.split()) in empty:
                yield Finding(
                    document,
                    page.number,
                    "PL303",
                    f"the contents entry '{_short(title)}' leads to an empty section",
                )
