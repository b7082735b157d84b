"""The one Markdown of Serve First, declared here for every output.

The handbook site (through MkDocs), both PDFs, the certificates and the plain text of the
slides read content with the same Python-Markdown extensions, so a table, a nested list,
a footnote or a code block has the same structure everywhere. :data:`REQUIRED` is what
Serve First turns on for every output; the site adds the program's own
``markdown_extensions`` from ``mkdocs.yml`` on top, and :func:`extension_warnings` tells
the author, at the line in ``mkdocs.yml``, about any of those that the printed outputs
do not read.

Print differs from the site only where paper cannot do what a browser does: no heading
permalinks (a "¶" would print), and a link to a file in the program folder prints as
text naming the file (see local_links). Raw HTML is text in every output (NoRawHtml).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import markdown

from ..errors import Problem
from ..located import Located
from .typography import smarty_options

_TAGS = re.compile(r"</?[^>]*>")
_SPACES = re.compile(r"[\s\-]+")


def slug(text: str, separator: str = "-") -> str:
    """A readable id for a heading in any script: ``'Serve first, then lead'`` gives
    ``'serve-first-then-lead'``, ``'倾听'`` gives ``'倾听'``, ``'सुनना'`` gives ``'सुनना'``.

    The rule of ``pymdownx.slugs.slugify(case="lower")`` (NFC, lower case, letters,
    digits and ``-`` kept, spaces to ``-``), except that combining marks are kept too (its
    ``\\w`` drops Devanagari, Bengali or Thai vowel signs, which turns ``सुनना`` into
    ``सनन``) and ``_`` separates words (an id is written into Markdown as ``{ #id }``, where
    ``_x_`` would be emphasis). May be empty (a name of punctuation or emoji only): callers
    give a fallback.
    """
    text = _TAGS.sub("", unicodedata.normalize("NFC", text)).strip().lower()
    kept = "".join(
        ch
        if ch == "-" or unicodedata.category(ch)[0] in "LMN"
        else " "
        if ch in " _" or ch.isspace()
        else ""
        for ch in text
    )
    return _SPACES.sub(separator, kept.strip()).strip(separator)


REQUIRED: dict[str, dict[str, Any]] = {
    "abbr": {},  # the glossary's tooltips on the site
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "footnotes": {},
    "tables": {},
    "sane_lists": {},
    "smarty": {},
    "pymdownx.superfences": {},  # fenced code, also inside lists and admonitions
    "pymdownx.details": {},
    "pymdownx.tabbed": {"alternate_style": True},
    "toc": {"permalink": True, "slugify": slug},
}
"""Every extension Serve First needs, with its settings: in every output, the same."""

PRINT_SETTINGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False}}
"""Where print differs: paper has no permalinks."""

HARMLESS = frozenset(
    {"meta", "fenced_code", "codehilite", "pymdownx.highlight", "pymdownx.inlinehilite"}
)
"""Program extensions that change no prose syntax the printed outputs would show wrong
(code keeps its text; metadata is not prose)."""


def _name(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        key = next(iter(entry))
        return key if isinstance(key, str) else None
    return None


def program_extensions(settings: dict[str, Any]) -> list[tuple[int, str]]:
    """The names in ``mkdocs.yml``'s ``markdown_extensions``, with their index in the list.

    Accepts MkDocs' forms: ``- name``, ``- name: {options}`` and a mapping of names."""
    found = settings.get("markdown_extensions")
    if isinstance(found, dict):
        return [(i, str(name)) for i, name in enumerate(found)]
    if not isinstance(found, list):
        return []
    return [(i, name) for i, entry in enumerate(found) if (name := _name(entry))]


def extension_warnings(settings: Located[dict[str, Any]] | None, warnings: list[Problem]) -> None:
    """A located warning for each extension of ``mkdocs.yml`` the PDFs and slides do not
    read: its syntax would show on the site and print as written on paper."""
    if settings is None:
        return
    for index, name in program_extensions(settings.item):
        short = name.removeprefix("markdown.extensions.")
        if short in REQUIRED or short in HARMLESS:
            continue
        line = settings.lines.line_of(("markdown_extensions", index))
        warnings.append(
            Problem(
                settings.file,
                line,
                f"markdown_extensions[{index}]",
                f"'{name}' shapes the handbook only: the PDFs and slides do not read it, so "
                "its syntax prints there as written; leave it out, or keep it knowing the "
                "outputs differ",
            )
        )


def site_extensions(language: str = "en") -> dict[str, dict[str, Any]]:
    """What the MkDocs plugin adds to the program's ``markdown_extensions``: name -> options
    (options the program sets itself win). ``smarty`` prints the quotes of ``language``
    (see render/typography.py)."""
    configs = {name: dict(options) for name, options in REQUIRED.items()}
    configs["smarty"] = smarty_options(language)
    return configs


def print_configs(language: str = "en") -> dict[str, dict[str, Any]]:
    """The extension settings of the printed outputs: the site's, less permalinks."""
    configs = site_extensions(language)
    for name, options in PRINT_SETTINGS.items():
        configs[name].update(options)
    return configs


def print_markdown(
    extra: list[markdown.extensions.Extension], language: str = "en"
) -> markdown.Markdown:
    """A Markdown converter for the PDFs and slides, with :data:`REQUIRED` in its print
    settings, the quotes of ``language`` and the given extensions of Serve First's own
    (NoRawHtml, LocalLinksAsText)."""
    return markdown.Markdown(
        extensions=[*REQUIRED, *extra],
        extension_configs=print_configs(language),
        output_format="html",
    )


__all__ = [
    "REQUIRED",
    "extension_warnings",
    "print_markdown",
    "program_extensions",
    "site_extensions",
    "slug",
]
