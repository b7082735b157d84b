"""Glossary marks in body text only.

The ``abbr`` extension marks every glossary term wherever it appears. A term is marked
for a reader who meets it in running text; a heading, a box's title or the paragraph
that defines the term gains nothing from a dotted underline and a tooltip repeating what
is written next to it. :class:`GlossaryMarks` runs after ``abbr`` and takes the mark off
again (the word stays):

- in headings (``h1``-``h6``), the titles of notes, collapsible blocks, worksheets and
  their fields, table headers, and links (already underlined);
- in a term's own section: from the heading with one of ``sections``' ids to the next
  heading of the same level or higher, the terms listed for that id.

The glossary page itself gets no glossary terms at all (see the plugin).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSION = "generator.render.site_glossary_marks:GlossaryMarks"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TITLES = frozenset({"admonition-title", "sf-label", "sf-worksheet-title"})
"""Classes of paragraphs that are a title (of a box, a worksheet or one of its fields),
not body text."""


def _is_title(element: etree.Element) -> bool:
    if element.tag in HEADINGS or element.tag in {"summary", "th", "caption", "a"}:
        return True
    return bool(TITLES & set((element.get("class") or "").split()))


def _unmark(parent: etree.Element, abbr: etree.Element) -> None:
    """Replace ``<abbr>`` by its text, joined to what comes before it."""
    index = list(parent).index(abbr)
    text = f"{abbr.text or ''}{abbr.tail or ''}"
    if index == 0:
        parent.text = f"{parent.text or ''}{text}"
    else:
        before = parent[index - 1]
        before.tail = f"{before.tail or ''}{text}"
    parent.remove(abbr)


def _unmark_all(element: etree.Element, keep: set[str] | None = None) -> None:
    """Take the marks off every ``<abbr>`` under ``element``; with ``keep`` given, only
    off those whose text, case-folded, is in it."""
    for parent in list(element.iter()):
        for child in list(parent):
            if child.tag != "abbr":
                continue
            if keep is None or (child.text or "").casefold() in keep:
                _unmark(parent, child)


class _Unmark(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: markdown.Markdown, sections: dict[str, list[str]]) -> None:
        super().__init__(md)
        self.sections = {
            anchor: {t.casefold() for t in terms} for anchor, terms in sections.items()
        }

    def run(self, root: etree.Element) -> None:
        for element in list(root.iter()):
            if _is_title(element):
                _unmark_all(element)
        terms: set[str] | None = None
        level = 7
        for child in list(root):
            if child.tag in HEADINGS:
                depth = int(child.tag[1])
                if depth <= level:
                    terms, level = None, 7
                if child.get("id") in self.sections:
                    terms, level = self.sections[str(child.get("id"))], depth
                continue
            if terms:
                _unmark_all(child, terms)


class GlossaryMarks(Extension):  # type: ignore[misc]
    """Options: ``sections``, heading id -> the terms defined under that heading."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"sections": [{}, "Heading id -> terms defined in that section."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        sections = dict(self.getConfig("sections"))
        # After abbr (7), before toc (5) reads the headings.
        md.treeprocessors.register(_Unmark(md, sections), "servefirst-glossary-marks", 6)
