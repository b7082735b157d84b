"""Which characters the printed documents have a glyph for, and warnings for those they lack.

The PDFs, certificates and personalised workbooks ask for the font stack in
``generator/styles/print-base.css`` (Lato for Latin, Greek and Cyrillic, then Noto Sans
for the letters Lato lacks, Noto Sans CJK, Arabic, Hebrew, Devanagari and Thai, and Noto
Color Emoji); what none of them has, WeasyPrint (through Pango and fontconfig) takes from any other installed
font. So a character prints when some font in fontconfig's fallback list for that stack
has it, and as an empty box otherwise. This module asks fontconfig for that list once
per process (``fc-match --sort``, a few milliseconds) and reads each font's character set
from its answer, so the check costs nothing per build; a character without a glyph is a
warning naming the file and field, or the roster line, that holds it.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from .errors import Problem
from .located import Located
from .roster import Person
from .yamlio import Loc

FONT_STACK = (
    "Lato",
    "Noto Sans",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Thai",
    "Noto Color Emoji",
)
"""The families the print stylesheets name, in order (the emoji font through an
``@font-face`` limited to emoji, see print-base.css), before the generic ``sans-serif``."""

FONT_PACKAGES = "fonts-lato, fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji"

_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}
"""Categories that need no glyph of their own: controls, format characters (joiners,
bidi marks, emoji tags) and spaces."""


class Coverage:
    """The code points the print fonts (and fontconfig's fallbacks for them) have glyphs for.

    ``available`` is False when fontconfig's ``fc-match`` is not installed: nothing can be
    said then, and :func:`missing` reports nothing."""

    def __init__(self, ranges: Iterable[tuple[int, int]], available: bool = True) -> None:
        merged: list[tuple[int, int]] = []  # the fonts' ranges overlap: merge them
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._ranges = merged
        self._starts = [start for start, _ in merged]
        self.available = available

    def __contains__(self, char: str) -> bool:
        from bisect import bisect_right

        point = ord(char)
        index = bisect_right(self._starts, point) - 1
        return index >= 0 and self._ranges[index][1] >= point


@cache
def coverage() -> Coverage:
    """What the print font stack can show on this machine, asked of fontconfig once."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return Coverage([], available=False)
    pattern = ",".join([*FONT_STACK, "sans-serif"])
    try:
        done = subprocess.run(
            [fc_match, "--sort", pattern, "--format", "%{charset}\n"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return Coverage([], available=False)
    return Coverage(_ranges(done.stdout))


def _ranges(charsets: str) -> Iterator[tuple[int, int]]:
    """fontconfig's charsets ('20-7e a0-36f 374 ...', one font a line) as (first, last)."""
    for word in charsets.split():
        first, _, last = word.partition("-")
        try:
            yield int(first, 16), int(last or first, 16)
        except ValueError:
            continue


def needs_glyph(char: str) -> bool:
    """False for characters that print as nothing of their own: spaces, controls, joiners,
    bidi marks, variation selectors and emoji tags."""
    point = ord(char)
    if 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF:  # variation selectors
        return False
    return unicodedata.category(char) not in _INVISIBLE


def missing(text: str, fonts: Coverage | None = None) -> list[str]:
    """The distinct characters of ``text`` that no print font has, in order of appearance."""
    fonts = fonts or coverage()
    if not fonts.available:
        return []
    return list(dict.fromkeys(c for c in text if needs_glyph(c) and c not in fonts))


def describe(chars: Iterable[str]) -> str:
    """'𐕰' (U+10570), '𐕱' (U+10571): the characters and their code points."""
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars)


def message(chars: list[str], where: str) -> str:
    """The warning's text after its location: what is missing, where, and what to do."""
    if len(chars) == 1:
        verb, consequence, fix = "has", "it would print as an empty box", "replace it"
    else:
        verb, consequence, fix = "have", "they would print as empty boxes", "replace them"
    return (
        f"{describe(chars)} {verb} no glyph in the {where} fonts; {consequence}; {fix}, "
        f"or install a font that has {'it' if len(chars) == 1 else 'them'} "
        f"(scripts/system-deps.sh installs {FONT_PACKAGES})"
    )


class GlyphWarning(Problem):
    """A warning about characters that would print as empty boxes; the build prints these
    (other warnings are for ``validate``)."""


def glyph_problem(
    file: str, line: int | None, field: str, text: str, where: str
) -> GlyphWarning | None:
    """A warning for ``text`` when some of its characters have no glyph, else None."""
    chars = missing(text)
    if not chars:
        return None
    return GlyphWarning(file, line, field, message(chars, where))


def check_items(items: Iterable[Located[Any]], warnings: list[Problem]) -> None:
    """Append a :class:`GlyphWarning` for every text field of the items (every field
    prints in one PDF or another) holding a character no print font has, located at
    its line in the item's file."""
    if not coverage().available:
        return
    for located in items:
        item: BaseModel = located.item
        data = item.model_dump(mode="json")
        for loc, text in _texts(data, ()):
            problem = glyph_problem(
                located.file, located.lines.line_of(loc), _field(loc), text, "PDFs'"
            )
            if problem is not None:
                warnings.append(problem)


def roster_warnings(people: Iterable[Person], shown: str) -> list[GlyphWarning]:
    """A warning per roster value (name, cohort, dates) holding a character no print font
    has, located at the person's line in the roster file ``shown``."""
    found: list[GlyphWarning] = []
    for person in people:
        for column in ("name", "cohort", "dates"):
            value: str = getattr(person, column)
            problem = glyph_problem(shown, person.line, column, value, "workbook's")
            if problem is not None:
                found.append(problem)
    return found


def _texts(value: object, loc: tuple[str | int, ...]) -> Iterator[tuple[Loc, str]]:
    """Every string in a model's JSON dump, with its path: (('segments', 0, 'title'), '...')."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))


def _field(loc: Loc) -> str:
    """('segments', 0, 'title') -> 'segments[0].title'."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def fonts_missing_notice() -> str | None:
    """One line to print when the check cannot run (no fontconfig), else None."""
    if coverage().available:
        return None
    return (
        "fc-match (fontconfig) is not installed, so characters without a glyph in the "
        "print fonts are not reported; run scripts/system-deps.sh build"
    )
