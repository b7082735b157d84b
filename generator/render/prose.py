"""Prose fields placed into a larger document: headings under the item, footnotes apart.

A prose field (a principle's explanation, a case story) is Markdown of its own, but each
output places it inside a document: a module page of the site, a chapter of a PDF. So
before it is converted, :func:`placed` rewrites two things, in the same way for every
output:

- headings: ``# Step one`` inside a principle printed under an ``<h3>`` becomes an
  ``<h4>``, so a heading in prose never outranks the heading of its item;
- footnote labels: ``[^1]`` gets a prefix made from the text, so two fields on one page
  that both use ``[^1]`` keep their own notes, and every footnote id is unique. Each text
  (a field, or one item of a list field) is a footnote's scope in every output: a
  reference whose note is not in the same text keeps its label as written, and prints
  as written (:func:`unresolved_footnotes` finds it for a located warning).

:func:`list_indent_lines` finds list items indented by fewer than the 4 spaces
Python-Markdown needs to nest them, for a located validation warning.
"""

from __future__ import annotations

import hashlib
import re

_FENCE = re.compile(r"^[ ]*(`{3,}|~{3,})")
_ATX = re.compile(r"^(#{1,6})")  # Python-Markdown needs no space after the marks
_SETEXT = re.compile(r"^(=+|-+)[ ]*$")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_NOTE = re.compile(r"^[ ]*\[\^([^\]\s]+)\]:")  # a footnote's definition starts its line
_CODE_SPAN = re.compile(r"(`+)(?:.*?[^`])?\1(?!`)")
_TAB = re.compile(r'^[ ]*===\+?!?[ ]+"')
_ITEM = re.compile(r"^([ ]*)(?:[-*+]|\d+[.)])(?:[ ]+|$)")
INDENT = 4
"""Spaces Python-Markdown needs to nest a list item (or any block) in a list item."""


def _outside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it is outside a fenced code block (fence lines count as in)."""
    outside: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            outside.append(False)
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            outside.append(False)
        else:
            outside.append(True)
    return outside


def placed(text: str, under: int) -> str:
    """``text`` with its headings moved under a heading of level ``under`` (1-6) and its
    footnote labels made unique to it. Fenced code is left as it is."""
    if "#" not in text and "[^" not in text and "\n=" not in text and "\n-" not in text:
        return text
    lines = text.split("\n")
    outside = _outside_fences(lines)
    prefix = hashlib.sha256(text.encode()).hexdigest()[:6]
    notes = _notes(lines, outside)
    out: list[str] = []
    for i, line in enumerate(lines):
        if not outside[i]:
            out.append(line)
            continue
        if "[^" in line and notes:
            line = _labelled(line, prefix, notes)
        atx = _ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            level = min(6, len(atx.group(1)) + under)
            line = "#" * level + line[atx.end() :]
        elif (
            setext
            and out
            and out[-1].strip()
            and not out[-1].startswith((" ", "#"))
            and (i < 2 or not lines[i - 2].strip())
            and outside[i - 1]
            and not _ITEM.match(out[-1])
        ):
            level = min(6, (1 if setext.group(1)[0] == "=" else 2) + under)
            out[-1] = "#" * level + " " + out[-1]
            continue
        out.append(line)
    return "\n".join(out)


def _notes(lines: list[str], outside: list[bool]) -> frozenset[str]:
    """The labels of the footnotes defined in the text (outside fenced code)."""
    return frozenset(
        m.group(1)
        for line, out in zip(lines, outside, strict=True)
        if out and (m := _NOTE.match(line))
    )


def _labelled(line: str, prefix: str, notes: frozenset[str]) -> str:
    """Footnote labels defined in the text given the prefix, except inside code spans."""

    def label(m: re.Match[str]) -> str:
        return f"[^{prefix}-{m.group(1)}]" if m.group(1) in notes else m.group(0)

    parts = []
    last = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_FOOTNOTE.sub(label, line[last : span.start()]))
        parts.append(span.group(0))
        last = span.end()
    parts.append(_FOOTNOTE.sub(label, line[last:]))
    return "".join(parts)


def unresolved_footnotes(text: str) -> list[tuple[int, str]]:
    """``(line number in the text, 1-based; label)`` of each footnote reference whose note
    (``[^label]: ...``) is not in the same text, outside fenced code and code spans: it
    prints as written in every output."""
    if "[^" not in text:
        return []
    lines = text.split("\n")
    outside = _outside_fences(lines)
    notes = _notes(lines, outside)
    found: list[tuple[int, str]] = []
    for number, (line, out) in enumerate(zip(lines, outside, strict=True), start=1):
        if not out or "[^" not in line:
            continue
        bare = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        note = _NOTE.match(bare)
        start = note.end() if note else 0
        for m in _FOOTNOTE.finditer(bare, start):
            if m.group(1) not in notes:
                found.append((number, m.group(1)))
    return found


def list_indent_lines(text: str) -> list[tuple[int, int]]:
    """``(line number in the text, 1-based; spaces)`` of each list item indented 1 to 3
    spaces deeper than the item above it: Python-Markdown needs 4 to nest it, so it would
    print as a sibling instead."""
    lines = text.split("\n")
    outside = _outside_fences(lines)
    found: list[tuple[int, int]] = []
    above: int | None = None  # indent of the last list item's marker
    blank = False
    for number, (line, out) in enumerate(zip(lines, outside, strict=True), start=1):
        if not out:
            above = None
            continue
        if not line.strip():
            blank = True
            continue
        item = _ITEM.match(line)
        if item:
            indent = len(item.group(1))
            if above is not None and 0 < indent - above < INDENT:
                found.append((number, indent - above))
            above = indent
        elif blank and not line.startswith(" "):
            above = None  # a paragraph after the list ends it
        blank = False
    return found


def tab_lines(text: str) -> list[int]:
    """Line numbers (1-based) of content tabs (``=== "Label"``) outside fenced code: the
    site shows them as tabs, paper can only print their labels together above the texts."""
    lines = text.split("\n")
    outside = _outside_fences(lines)
    return [
        n
        for n, (line, out) in enumerate(zip(lines, outside, strict=True), 1)
        if out and _TAB.match(line)
    ]


_NO_ALT = re.compile(r"!\[\s*\]\s*[(\[]")


def images_without_alt(text: str) -> list[int]:
    """Line numbers (1-based) of Markdown images with empty brackets (``![](a.png)``,
    ``![][ref]``) outside fenced code."""
    lines = text.split("\n")
    return [
        n
        for n, (line, out) in enumerate(zip(lines, _outside_fences(lines), strict=True), 1)
        if out and _NO_ALT.search(line)
    ]
