"""Text quoted into generated Markdown prints as written.

The site's pages are Markdown written by templates (templates/site/*.j2) that quote
titles, names, labels and citations from content. Those are text in every output (the
PDFs print them as text), so on the site they must not turn into emphasis, links, table
cells, headings or list items. :func:`escape_markdown` is the one function every site
template uses for them, as the ``text`` filter.
"""

from __future__ import annotations

import re

ESCAPED = "\\`*_{}[]<>#|!"
"""Characters escaped wherever they are: each is in Python-Markdown's escapable set on
the site (``|`` through the tables extension, ``<`` through NoRawHtml)."""
_ANYWHERE = re.compile("([" + re.escape(ESCAPED) + "])")
_LEADING_MARKER = re.compile(r"^([ ]*)(?:([-+])|(\d+)([.)]))(?=[ ]|$)")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")


def escape_markdown(text: object) -> str:
    """``text`` (any value, printed with ``str``) as inline Markdown that shows exactly
    those characters, on one line: ``'Listen | respond *now* [draft] <b>'`` becomes
    ``'Listen \\| respond \\*now\\* \\[draft\\] \\<b>'``. A leading ``-``, ``+`` or
    ``1.`` is escaped too, so it never starts a list; line breaks become spaces."""
    one_line = _LINE_BREAKS.sub(" ", str(text))
    escaped = _ANYWHERE.sub(r"\\\1", one_line)
    return _LEADING_MARKER.sub(_marker, escaped)


def _marker(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"
