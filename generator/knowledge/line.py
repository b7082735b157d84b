"""One line of inline Markdown, kept inline: a choice or a feedback line that starts like
a heading, a list item, a quotation or a rule prints as written, not as that block."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^#")  # Python-Markdown reads "#1 priority" as a heading too
_NUMBERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_BULLET_OR_QUOTE = re.compile(r"^([-+*>])(?=\s|$)|^>")
_RULE = re.compile(r"^([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^`{3,}")


def as_line(text: str) -> str:
    """``text`` with runs of white space (line breaks and blank lines included) made one
    space, and a leading block marker (``# ``, ``1. ``, ``2) ``, ``- ``, ``+ ``, ``* ``,
    ``>``, ``---``, a run of backticks) escaped with a backslash, so that Markdown reads it as
    one line of text; inline Markdown (``**bold**``, links, code) is left as it is."""
    line = " ".join(text.split())
    if _RULE.match(line) or _FENCE.match(line):
        return "".join("\\" + c if c in "-*_`" else c for c in line)
    if _HEADING.match(line) or _BULLET_OR_QUOTE.match(line):
        return "\\" + line
    numbered = _NUMBERED.match(line)
    if numbered:
        return numbered.group(1) + "\\" + line[len(numbered.group(1)) :]
    return line
