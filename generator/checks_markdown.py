"""Markdown that one output would show differently from another: located warnings.

Every output reads content with the one Markdown of render/markdown_config.py, so a
construct renders the same everywhere. What remains is what an author may mean but the
Markdown does not say, reported by ``servefirst validate`` at the file and line:

- a list item indented 1 to 3 spaces under the item above: Python-Markdown needs 4 to
  nest it, so every output prints it as a sibling;
- content tabs (``=== "Label"``), which only the site can show as tabs;
- a footnote reference whose note is not in the same text (another list item, another
  field): every output prints it as written;
- an extension in ``mkdocs.yml``'s ``markdown_extensions`` that only the site reads;
- an image with no alternative text (``![](file.png)``): the tagged PDFs would carry a
  figure a screen reader cannot describe.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .checks_paths import strings_of
from .errors import Problem
from .located import Located
from .render.markdown_config import extension_warnings
from .render.prose import (
    INDENT,
    images_without_alt,
    list_indent_lines,
    tab_lines,
    unresolved_footnotes,
)
from .yamlio import dotted


def check_markdown(
    settings: Located[dict[str, Any]] | None,
    items: Iterable[Located[Any]],
    warnings: list[Problem],
) -> None:
    """Append a located warning for each list item that does not nest as indented, in
    every string of ``items``, and for each site-only extension in ``settings``
    (the whole of ``mkdocs.yml``)."""
    extension_warnings(settings, warnings)
    for located in items:
        for loc, text in strings_of(located.item):
            line = located.lines.line_of(loc)
            for number, label in unresolved_footnotes(text):
                # A text over several lines is a block scalar: it starts after its key.
                at = line + number if line is not None and "\n" in text else line
                warnings.append(
                    Problem(
                        located.file,
                        at,
                        dotted(loc),
                        f"footnote [^{label}] has no note in this text, so every output "
                        f"prints it as written; put its note ([^{label}]: ...) in the same "
                        "text (the same list item)",
                    )
                )
            for number in images_without_alt(text):
                warnings.append(
                    Problem(
                        located.file,
                        line + number if line is not None and "\n" in text else line,
                        dotted(loc),
                        "this image has no alternative text, so a screen reader passes over "
                        "it in the PDFs and on the site; say what it shows between the "
                        "brackets: ![what it shows](file.png)",
                    )
                )
            if "\n" not in text:
                continue
            # A text over several lines is a block scalar (`|`): it starts on the line
            # after its key.
            for number, spaces in list_indent_lines(text):
                warnings.append(
                    Problem(
                        located.file,
                        line + number if line is not None else None,
                        dotted(loc),
                        f"this list item is indented {spaces} "
                        f"space{'s' if spaces != 1 else ''} under the item above, so it "
                        f"does not nest in any output; indent nested items by {INDENT} spaces",
                    )
                )
            for number in tab_lines(text):
                warnings.append(
                    Problem(
                        located.file,
                        line + number if line is not None else None,
                        dotted(loc),
                        "content tabs show as tabs on the site only: on paper and slides "
                        "their labels print together above the texts; use a heading or a "
                        "list item for each instead",
                    )
                )
