"""Glyphs into lines of text: what pdfplumber gives per glyph, grouped as a reader sees it.

All lengths are PDF points, origin top left.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

Char = dict[str, Any]


@dataclass
class Line:
    """One line of text: its box and what it says."""

    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    bold: bool
    size: float


def lines_of(chars: list[Char]) -> list[Line]:
    """Glyphs grouped into lines: glyphs whose vertical middles are within half a glyph
    height of each other share a line. Lines top to bottom, glyphs left to right."""
    found: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        for line in found:
            first = line[0]
            if abs((first["top"] + first["bottom"]) / 2 - middle) < 0.5 * max(
                char["size"], first["size"]
            ):
                line.append(char)
                break
        else:
            found.append([char])
    lines = []
    for group in found:
        group.sort(key=lambda c: c["x0"])
        text = _joined(group)
        if not text:
            continue
        printing = [c for c in group if c["text"].strip()]
        lines.append(
            Line(
                top=min(c["top"] for c in printing),
                bottom=max(c["bottom"] for c in printing),
                x0=min(c["x0"] for c in printing),
                x1=max(c["x1"] for c in printing),
                text=text,
                bold=all(_bold(c) for c in printing),
                size=max(c["size"] for c in printing),
            )
        )
    return sorted(lines, key=lambda ln: ln.top)


def _joined(chars: list[Char]) -> str:
    """The text of glyphs on one line, with a space wherever a gap between two glyphs is
    wider than a sixth of the type size (PDFs often place words without space glyphs),
    and right-to-left runs in reading order (:func:`_logical`)."""
    tokens: list[str] = []
    previous: Char | None = None
    for char in chars:
        if (
            previous is not None
            and char["x0"] - previous["x1"] > char["size"] / 6
            and tokens[-1] != " "
            and char["text"] != " "
        ):
            tokens.append(" ")
        tokens.append(char["text"])
        previous = char
    return " ".join("".join(_logical(tokens)).split())


def _rtl(token: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in token)


def _logical(tokens: list[str]) -> list[str]:
    """Right-to-left runs (Arabic, Hebrew) put back in reading order. Glyphs come left to
    right as drawn, so each run of right-to-left glyphs, with the spaces and marks inside
    it, is reversed glyph by glyph (a ligature's letters stay in order). Enough for a
    message; not the full bidirectional algorithm."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        trailing = 0
        while trailing < len(run) and run[len(run) - 1 - trailing].isspace():
            trailing += 1
        out.extend(reversed(run[: len(run) - trailing]))
        out.extend(run[len(run) - trailing :])
        run.clear()

    for token in tokens:
        marks = all(unicodedata.combining(c) for c in token)
        if _rtl(token) or (run and (token.isspace() or marks)):
            run.append(token)
            continue
        flush()
        out.append(token)
    flush()
    return out


def _bold(char: Char) -> bool:
    name = str(char.get("fontname", ""))
    return any(weight in name for weight in ("Bold", "Black", "Heavy", "Semibold"))
