"""Pre-work: hand-written pages a participant reads before the day.

A page in ``docs/`` whose front matter says ``prework: true`` comes first in the
handbook's navigation, right after the home page, and the home page links to it::

    ---
    prework: true
    ---
    # Before the day

Other hand-written pages follow the generated ones, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.utils.meta import get_data

from ..errors import Problem

_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")
_PREWORK_LINE = re.compile(r"^prework\s*:", re.MULTILINE)


@dataclass(frozen=True)
class PreWork:
    """A pre-work page: its path under docs/ (``before-the-day.md``) and its title."""

    path: str
    title: str


def prework_pages(pages: Iterable[tuple[str, str]]) -> list[PreWork]:
    """The pages, given as ``(path under docs/, Markdown source)``, whose front matter has
    ``prework: true``, in order of path. The title is the front matter's ``title``, else
    the page's first ``# `` heading, else its file name."""
    found: list[PreWork] = []
    for path, source in sorted(pages):
        text, meta = get_data(source)
        if meta.get("prework") is not True:
            continue
        title = meta.get("title")
        if not isinstance(title, str) or not title.strip():
            heading = _H1.search(text)
            title = _ATTRS.sub("", heading.group(1)) if heading else path.rsplit("/", 1)[-1]
        found.append(PreWork(path, title.strip()))
    return found


def prework_problem(shown: str, source: str) -> Problem | None:
    """A located problem when the page's front matter has a ``prework`` that is not
    true or false (``shown`` names the page in the message: ``docs/before.md``)."""
    _, meta = get_data(source)
    if "prework" not in meta or isinstance(meta["prework"], bool):
        return None
    found = _PREWORK_LINE.search(source)
    line = source.count("\n", 0, found.start()) + 1 if found else None
    return Problem(
        shown,
        line,
        "prework",
        f"'{meta['prework']}' is not true or false; write 'prework: true' to put the page "
        "first in the handbook's navigation and link it from the home page, or leave the "
        "line out",
    )
