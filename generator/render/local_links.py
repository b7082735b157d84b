"""In print, a link to a file in the program folder is text that names the file.

A PDF link can only point at an absolute address: on the build machine that would be
``file:///home/.../handouts/sheet.pdf``, which leaks the machine's folders and opens
nothing on a participant's computer. So ``[the handout](handouts/sheet.pdf)`` prints as
"the handout (sheet.pdf)", with no link: the reader finds the file by its name in the
online handbook, where the same link works. When the link's text already is the file's
name or path, only the text prints. Web, ``mailto:`` and ``tel:`` links and links to a
place in the same document (``#sources``) stay links.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class LocalLinksAsText(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After inline markup (20), before NoRawHtml's attribute check (1).
        md.treeprocessors.register(_AsText(md), "servefirst-local-links", 4)


class _AsText(Treeprocessor):  # type: ignore[misc]
    def run(self, root: Element) -> None:
        for element in root.iter("a"):
            path = local_path(element.get("href", ""))
            if path is None:
                continue
            _unlink(element, path)


def _unlink(element: Element, path: str) -> None:
    text = "".join(element.itertext()).strip()
    name = posixpath.basename(path)
    element.tag = "span"
    element.attrib.clear()
    element.set("class", "local-file")
    if text in {name, path}:
        return
    suffix = f" ({name})"
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + suffix
    else:
        element.text = (element.text or "") + suffix


def local_path(url: str) -> str | None:
    """The program-relative path (POSIX, normalised, unescaped) of a reference to a file
    in the program folder; None for a web address, ``mailto:``, ``tel:`` or ``#anchor``."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return posixpath.normpath(unquote(parts.path))
