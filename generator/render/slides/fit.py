"""Measure text the way a slide lays it out, so the deck can split it before it overflows.

Widths come from the metrics of Lato, the deck's font, stored here so a measurement is
the same on every machine (and needs no font file). The estimate errs on the generous
side: a little narrower lines and a little less height than the boxes really have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..plain_text import one_line
from . import geometry as g

_CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~‘’“”–—…•é·′×"
# Advance widths in thousandths of an em, one per character of _CHARS.
_REGULAR = (
    "256 269 370 580 580 802 712 204 267 267 425 580 227 372 236 452 580 580 580 580 580 580 "
    "580 580 580 580 250 262 580 580 580 448 836 677 646 668 760 578 566 730 764 280 422 662 "
    "514 928 764 800 600 800 626 542 590 736 677 1036 649 624 602 306 452 306 580 459 400 497 "
    "560 478 560 528 350 520 558 240 240 508 236 822 558 567 560 560 364 433 358 558 516 786 "
    "498 516 452 301 250 301 580 214 214 366 366 580 794 750 580 528 260 327 580"
)
_BOLD = (
    "243 281 396 580 580 820 724 212 274 274 425 580 234 373 238 466 580 580 580 580 580 580 "
    "580 580 580 580 258 270 580 580 580 460 844 694 658 662 760 575 566 726 770 296 430 686 "
    "520 945 770 808 619 808 643 548 600 742 694 1051 670 648 606 314 466 314 580 466 400 508 "
    "568 482 568 534 358 528 564 254 254 534 248 838 564 574 568 568 373 440 372 564 528 802 "
    "522 528 460 306 261 306 580 220 220 386 386 580 798 772 580 534 274 339 580"
)
WIDTHS = {
    False: dict(zip(_CHARS, map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(_CHARS, map(int, _BOLD.split()), strict=True)),
}
UNKNOWN_WIDTH = 640
"""For characters outside the table: wider than most, so the estimate stays safe."""

LINE_HEIGHT = 1.15
"""Line pitch as a multiple of the font size. The deck sets it exactly on every
paragraph, so PowerPoint and LibreOffice space lines alike whatever the font."""
WIDTH_MARGIN = 0.95
HEIGHT_MARGIN = 0.96
EMU_PER_PT = 12700


@dataclass(frozen=True)
class Box:
    """The writable area of a text frame, in points (insets already taken off)."""

    width: float
    height: float

    @classmethod
    def from_emu(cls, width: int, height: int, inset_x: int = 91440, inset_y: int = 45720) -> Box:
        return cls((width - 2 * inset_x) / EMU_PER_PT, (height - 2 * inset_y) / EMU_PER_PT)


@dataclass(frozen=True)
class Style:
    """How a kind of text is set: size in points, weight, space before each paragraph."""

    size: float
    bold: bool = False
    indent: float = 0.0
    """Hanging indent of a bullet or number, in points, taken off the line width."""
    space_before: float = 0.0

    def at(self, size: float) -> Style:
        return Style(size, self.bold, self.indent, self.space_before * size / self.size)


TITLE = Style(32, bold=True)
SECTION_TITLE = Style(40, bold=True)
DECK_TITLE = Style(44, bold=True)
SUBTITLE = Style(24)
BULLET = Style(24, indent=27, space_before=9)
STEP = Style(20, indent=27, space_before=8)
FACTS = Style(20, bold=True, space_before=0)
MIN_SIZE = 14
"""Below this a slide is unreadable from the back of the room: cut instead."""

# Case, exercise and quotation slides (see framed.py).
BAND_HEIGHT = 40.0
"""A case slide's band (organisation, years, workbook page), in points."""
BAND_GAP = 14.0
"""Space between the band and the questions under it, in points."""
PANEL_SHARE = 0.22
"""An exercise slide's panel (format, group size, minutes, page): its share of the width."""
PANEL_GAP = 18.0
"""Space between the panel and the steps beside it, in points."""
QUOTE = Style(36, space_before=12)
"""A quotation slide's words: large, shrunk to fit, never below MIN_SIZE."""
ATTRIBUTION = Style(20, space_before=18)
PANEL_INSET = 10.0
"""The panel's text inset on each side, in points."""

# The house style's boxes; a program's own template brings its own.
HOUSE_TITLE = Box.from_emu(g.TITLE.width, g.TITLE.height)
HOUSE_BODY = Box.from_emu(g.BODY.width, g.BODY.height)
HOUSE_SECTION_TITLE = Box.from_emu(g.SECTION_TITLE.width, g.SECTION_TITLE.height)
HOUSE_SECTION_SUBTITLE = Box.from_emu(g.SECTION_SUBTITLE.width, g.SECTION_SUBTITLE.height)
HOUSE_DECK_TITLE = Box.from_emu(g.DECK_TITLE.width, g.DECK_TITLE.height)
HOUSE_DECK_SUBTITLE = Box.from_emu(g.DECK_SUBTITLE.width, g.DECK_SUBTITLE.height)


def plain(text: str) -> str:
    """Markdown to the plain text a slide shows: no markup, typographic quotes, one line
    (the printed outputs' Markdown, laid out by plain_text.one_line)."""
    return one_line(text)


def as_written(text: str | None) -> str:
    """A plain-text field (a title, a name, a label: typed ``Plain`` in the model) as the
    slide shows it: exactly as written, runs of white space made one space; ``""`` for
    None. Never read as Markdown, as the site and the PDFs print it."""
    return " ".join((text or "").split())


def text_width(text: str, size: float, bold: bool = False) -> float:
    table = WIDTHS[bold]
    return sum(table.get(ch, UNKNOWN_WIDTH) for ch in text) * size / 1000


def line_count(text: str, width: float, style: Style) -> int:
    """Lines the text takes when wrapped greedily at word boundaries."""
    usable = (width - style.indent) * WIDTH_MARGIN
    space = text_width(" ", style.size, style.bold)
    lines, current = 1, 0.0
    for word in text.split():
        w = text_width(word, style.size, style.bold)
        if current and current + space + w <= usable:
            current += space + w
            continue
        if current:
            lines += 1
        # A word longer than a line breaks across lines.
        while w > usable:
            lines += 1
            w -= usable
        current = w
    return lines


def height(texts: list[str], width: float, style: Style) -> float:
    """Height of paragraphs set in one style, space before each included."""
    return sum(
        line_count(t, width, style) * style.size * LINE_HEIGHT + style.space_before for t in texts
    )


def fits(texts: list[str], box: Box, style: Style, max_lines: int | None = None) -> bool:
    if max_lines is not None and sum(line_count(t, box.width, style) for t in texts) > max_lines:
        return False
    return height(texts, box.width, style) <= box.height * HEIGHT_MARGIN


def fitted_size(texts: list[str], box: Box, style: Style, max_lines: int | None = None) -> float:
    """The style's size if the texts fit, else the largest smaller size that does.

    Returns a size below :data:`MIN_SIZE` when even that does not fit: the caller cuts.
    """
    size = style.size
    while size >= MIN_SIZE:
        if fits(texts, box, style.at(size), max_lines):
            return size
        size -= 2
    return size


def cut_to_fit(text: str, box: Box, style: Style, max_lines: int | None = None) -> str:
    """The longest word-boundary prefix of ``text``, with an ellipsis, that fits the box."""
    words = text.split()
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if fits([" ".join(words[:middle]) + "…"], box, style, max_lines):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]) + "…"


_SENTENCE = re.compile(r"[.!?][\"”’]?(?=\s)")
_CLAUSE = re.compile(r"[,;:](?=\s)|\s[—–](?=\s)")
_JOINER = re.compile(r"\s(?=(?:and|but|so|instead of|rather than|without|while)\s)")
_SUBORDINATE = re.compile(
    r"^(?:after|when|whenever|if|before|while|once|as|although|until)\b", re.I
)


def headline(text: str, budget: int = 14, slack: int = 4) -> str:
    """A behaviour as a slide bullet: about ``budget`` words at most, cut where a clause ends.

    Prefers the end of a sentence, then a comma, semicolon, colon or dash, then a joining
    word ("and", "instead of"). A text a little over budget with no clean cut stays whole;
    a longer one keeps its first ``budget`` words and an ellipsis. A trailing full stop
    goes: slide bullets are not sentences.
    """
    text = plain(text)
    words = text.split()
    if len(words) > budget:
        text = _clean_cut(text, budget) or (
            text if len(words) <= budget + slack else _ellipsis(words[:budget])
        )
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _clean_cut(text: str, budget: int) -> str | None:
    # A leading "After a difficult call," is no headline: such a clause needs its main one.
    skip_first = bool(_SUBORDINATE.match(text))
    for pattern, least in ((_SENTENCE, 4), (_CLAUSE, 5), (_JOINER, 6)):
        cuts = []
        for number, match in enumerate(pattern.finditer(text)):
            head = text[: match.end()].rstrip(" ,;:—–")
            if pattern is _CLAUSE and skip_first and number == 0:
                continue
            if least <= len(head.split()) <= budget and _balanced(head):
                cuts.append(head)
        if cuts:
            return cuts[-1]
    return None


def _ellipsis(words: list[str]) -> str:
    text = " ".join(words).rstrip(" ,;:—–") + "…"
    if not _balanced(text):
        text += "”" if text.count("“") > text.count("”") else '"'
    return text


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")
