"""Markdown as plain text, for the slides: read from the same HTML the PDFs print.

The deck cannot show HTML, so its text comes from the printed outputs' Markdown (see
markdown_config) laid out as lines:

- paragraphs, headings, definition terms: a line each;
- list items: ``• `` or ``1. ``, indented two spaces per level of nesting;
- tables: one line per row, cells joined by `` | `` (the header row first);
- fenced code: its lines as they are;
- a quotation: its lines; a definition: indented under its term;
- footnotes: the mark as ``[1]`` in the text, the notes last as ``[1] text``;
- images: their alternative text.

:func:`text_lines` keeps the lines (speaker notes); :func:`one_line` joins them for a
slide's title or bullet.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from .markup import md

_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "tr", "li", "div", "hr"}
)
_SKIP = frozenset({"footnote-backref", "headerlink"})


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [ordered?, counter]
        self.pre = 0
        self.skip = 0
        self.cells = 0
        self.dd = 0
        self.marks: list[bool] = []  # per open <sup>: is it a footnote mark?
        self.notes = False  # inside the footnotes at the end
        self.lead = ""  # the indent and marker of the next line: a list item's, a definition's

    def _flush(self) -> None:
        text = "".join(self.current)
        self.current = []
        if self.pre:
            self.lines.extend(text.rstrip("\n").split("\n"))
            return
        text = " ".join(text.split())
        if text:
            self.lines.append(self.lead + text)
            self.lead = ""

    def _indent(self) -> str:
        return "  " * max(0, len(self.lists) - 1) + "  " * self.dd

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip or classes & _SKIP:
            self.skip += 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag in {"ul", "ol"}:
            self._flush()
            self.lists.append([tag == "ol", 0])
        elif tag == "li" and self.lists:
            ordered = self.lists[-1]
            ordered[1] += 1
            marker = f"{ordered[1]}. " if ordered[0] else "• "
            if self.notes:
                marker = f"[{ordered[1]}] "
            self.lead = self._indent() + marker
        elif tag == "pre":
            self.pre += 1
        elif tag == "tr":
            self.cells = 0
        elif tag in {"td", "th"}:
            if self.cells:
                self.current.append(" | ")
            self.cells += 1
        elif tag == "dd":
            self.dd += 1
            self.lead = self._indent()
        elif tag == "img":
            self.current.append(dict(attrs).get("alt") or "")
        elif tag == "br":
            self._flush()
        elif tag == "sup":
            mark = (dict(attrs).get("id") or "").startswith("fnref")
            self.marks.append(mark)
            if mark:
                self.current.append("[")
        elif tag == "div" and "footnote" in classes:
            self.notes = True

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if tag == "sup" and self.marks and self.marks.pop():
            self.current.append("]")
        if tag in _BLOCKS:
            self._flush()
        if tag in {"ul", "ol"} and self.lists:
            self._flush()
            self.lists.pop()
        elif tag == "pre":
            self.pre -= 1
        elif tag == "dd":
            self.dd -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def text_lines(markdown_text: str | None) -> list[str]:
    """The lines a reader sees of ``markdown_text``; ``[]`` for no text."""
    if not markdown_text:
        return []
    parser = _Lines()
    parser.feed(str(md(markdown_text)))
    parser.close()
    parser._flush()
    return [html.unescape(line).rstrip() for line in parser.lines]


def one_line(markdown_text: str | None) -> str:
    """The same text on one line: lines joined by spaces, runs of space collapsed."""
    return " ".join(" ".join(text_lines(markdown_text)).split())
