"""Hand-written pages in ``docs_dir``: their images and links follow the prose rules.

MkDocs publishes the pages of ``docs_dir`` as written, raw HTML included, so a
``file:///`` link, an absolute path of the machine, a ``javascript:`` link or a link to a
page that does not exist (which stops a ``strict`` site build) would reach the site.
Each page is converted with Python-Markdown, raw HTML kept, and every ``<a href>`` and
``<img src>`` of the result is judged by the rules for prose (see checks_paths.py), with
MkDocs' own reading of paths: relative to the page, and published only when the file is
in ``docs_dir`` or is one the handbook generates (``modules/<id>.md``, the workbook).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown

from .checks_paths import reference_refusal
from .errors import Problem


class _Addresses(HTMLParser):
    """Collects ``("img" | "a", address)`` from HTML, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value is not None:
                self.found.append((tag, value))


def check_docs_pages(root: Path, docs: Path, generated: list[str], problems: list[Problem]) -> None:
    """Refuse each image or link on a hand-written page of ``docs`` (a folder inside the
    program folder ``root``) that the prose rules refuse, or that names a file the site
    will not have. ``generated`` lists the generated pages' paths under docs_dir
    (``index.md``, ``modules/<id>.md``), which a page may link to. A problem names the
    page (``docs/notes.md``) and the line where the address is written."""
    from .render.site import ASSETS, WORKBOOK_PATH
    from .render.site_prework import prework_problem

    root, docs = root.resolve(), docs.resolve()
    made = {*generated, WORKBOOK_PATH}
    for page in _pages(docs):
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports a page it cannot read
        shown = page.relative_to(root).as_posix()
        if (wrong := prework_problem(shown, text)) is not None:
            problems.append(wrong)
        for tag, url in _addresses(text):
            what = "image" if tag == "img" else "link"
            parts = urlsplit(url.strip()) if "\x00" not in url else None
            if parts is not None and not (parts.scheme or parts.netloc) and parts.path:
                here = page.parent.relative_to(docs)
                address = os.path.normpath(here / unquote(parts.path)).replace(os.sep, "/")
                inside = address.startswith(f"{ASSETS}/") or any(
                    page_made.startswith(f"{address}/") for page_made in made
                )
                if address in made or inside:
                    continue  # a page or file the handbook generates
            why = reference_refusal(what, url, root, image=tag == "img", base=page.parent)
            if why is None and parts is not None and not (parts.scheme or parts.netloc):
                target = (page.parent / unquote(parts.path)).resolve()
                if parts.path and not target.is_relative_to(docs):
                    folder = docs.relative_to(root).as_posix()
                    why = (
                        f"{what} '{url}' is outside {folder}, and the site publishes only the "
                        f"files in it; move the file into {folder}"
                    )
            if why is not None:
                problems.append(Problem(shown, _line_of(text, url), "", why))


def _pages(docs: Path) -> Iterator[Path]:
    """The Markdown pages MkDocs would read in ``docs``: hidden names skipped."""
    for folder, subfolders, files in os.walk(docs):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                yield Path(folder) / name


def _addresses(text: str) -> list[tuple[str, str]]:
    md = markdown.Markdown(extensions=["tables", "sane_lists", "md_in_html"])
    collect = _Addresses()
    collect.feed(md.convert(text))
    collect.close()
    return collect.found


def _line_of(text: str, url: str) -> int | None:
    """The line of ``text`` where ``url`` is first written, or None when it is written
    otherwise (with escapes or entities)."""
    index = text.find(url)
    return text.count("\n", 0, index) + 1 if index >= 0 else None
