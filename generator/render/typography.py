"""Typography generated, not typed: one quote style per language, list punctuation.

Prose fields go through Markdown's ``smarty`` extension; plain-text fields (titles, labels,
worksheet items, fixed labels) never do. :func:`smart_text` applies the same rules as
``smarty`` with :func:`smarty_options`, so a title and the paragraph under it print the
same quotes and dashes, in the PDFs (every ``{{ value }}`` of the print templates, see
:func:`generator.render.markup.environment`) and on the site (give ``smarty_options`` to
the site's ``smarty`` extension and ``smart_text`` to text the site writes as HTML).

Double quotes take the language's own marks (English “…”, Spanish «…»); single quotes
are ‘…’ in every language, so an apostrophe is always ’.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from babel.lists import format_list

QUOTES: dict[str, tuple[str, str]] = {"en": ("“", "”"), "es": ("«", "»")}
"""Language -> its opening and closing double quotes (first level)."""

_LIST_LOCALE = {"en": "en_GB", "es": "es"}  # British English: "a, b and c"

_DASHES = (("---", "—"), ("--", "–"), ("...", "…"))
# An opening quote follows the start of the text, a space or an opening bracket or dash.
_OPENS_AFTER = re.compile(r"[\s(\[{<\-–—/]")


def quotes(language: str) -> tuple[str, str]:
    """The opening and closing double quotes of ``language`` (English's when unknown)."""
    return QUOTES.get(language, QUOTES["en"])


def smarty_options(language: str) -> dict[str, Any]:
    """Settings for Python-Markdown's ``smarty`` extension that print ``language``'s
    quotes: ``{"substitutions": {"left-double-quote": "«", ...}}``."""
    left, right = quotes(language)
    return {"substitutions": {"left-double-quote": left, "right-double-quote": right}}


def smart_text(text: str, language: str = "en") -> str:
    """Plain text with typographic quotes, dashes and ellipses, as ``smarty`` would print
    it in ``language``: ``'He said "no" -- it's done...'`` gives
    ``'He said “no” – it’s done…'`` in English and ``«no»`` in Spanish. Text without a
    straight quote, ``--`` or ``...`` comes back unchanged."""
    if '"' not in text and "'" not in text and "--" not in text and "..." not in text:
        return text
    for typed, typographic in _DASHES:
        text = text.replace(typed, typographic)
    left, right = quotes(language)
    out: list[str] = []
    for index, char in enumerate(text):
        if char not in "\"'":
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opening = bool(_OPENS_AFTER.match(before)) and not after.isspace()
        if char == '"':
            out.append(left if opening else right)
        elif before.isalnum() and after.isalnum():
            out.append("’")  # an apostrophe: it's, O'Brien
        else:
            out.append("‘" if opening else "’")
    return "".join(out)


def joined(items: Iterable[str], language: str = "en") -> str:
    """Items as a list in a sentence, the language's way: ``['a', 'b', 'c']`` gives
    ``'a, b and c'`` in English and ``'a, b y c'`` in Spanish; ``''`` for none."""
    names = [item for item in items if item]
    if not names:
        return ""
    return format_list(names, locale=_LIST_LOCALE.get(language, "en_GB"))


def shortened(text: str, width_mm: float, char_mm: float = 1.6, wide_mm: float = 3.2) -> str:
    """``text`` cut at a word to fit ``width_mm`` (estimated: ``char_mm`` a letter,
    ``wide_mm`` a Chinese, Japanese or Korean character), ending in "…"; whole if it fits.
    The defaults suit the running header (8.5 pt)."""
    budget, used = width_mm, 0.0
    for index, ch in enumerate(text):
        used += wide_mm if unicodedata.east_asian_width(ch) in "WF" else char_mm
        if used > budget:
            cut = text[:index].rstrip()
            space = cut.rfind(" ")
            if space > len(cut) // 2:
                cut = cut[:space]
            return cut.rstrip(" ,;:–—-") + "…"
    return text


_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?(?=\s|$)")


def in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: an ordinary capitalised first word is
    lowered (``'Sticky-note pad'`` -> ``'sticky-note pad'``); a word that is all capitals,
    holds digits or capitals further in (``'A3 paper'``, ``'PowerPoint'``) is kept."""
    match = _CAPITALISED.match(name)
    if not match:
        return name
    return name[0].lower() + name[1:]


__all__ = [
    "QUOTES",
    "in_sentence",
    "joined",
    "quotes",
    "shortened",
    "smart_text",
    "smarty_options",
]
