"""Markdown prose to HTML, and the Jinja environments every renderer shares."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from typing import Any, Literal
from xml.etree.ElementTree import Element

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown.extensions import Extension
from markdown.inlinepatterns import ENTITY_RE, HTML_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from .. import i18n
from . import typography
from .local_links import LocalLinksAsText
from .markdown_config import print_markdown
from .prose import placed


class NoRawHtml(Extension):  # type: ignore[misc]
    """Treat HTML in content as text: ``<b>`` prints as ``<b>`` and ``&amp;`` as ``&amp;``;
    neither is ever markup. A ``{`` is text too, except in a list of ids and classes such
    as the templates' ``{ #objectives }``: the ``attr_list`` extension would drop
    ``{{ name }}`` closing a paragraph, or set ``{: onclick=... }``. Attributes that could
    run a script (``onclick``, a ``javascript:`` link) are dropped.

    ``keep`` lists exact tags of a trusted template that stay markup, e.g. ``<small>``.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"keep": [[], "Exact tags of trusted templates that stay HTML."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if "<" not in md.ESCAPED_CHARS:  # so generated pages can quote "<" (md_escape)
            md.ESCAPED_CHARS.append("<")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        keep = frozenset(self.getConfig("keep"))
        if keep:
            md.inlinePatterns.register(_KeptTags(keep, md), "html", 90)
        md.inlinePatterns.register(_Literal(ENTITY_RE, md), "entity", 80)
        md.treeprocessors.register(_LiteralBraces(md), "servefirst-literal-braces", 9)
        md.treeprocessors.register(_SafeAttributes(md), "servefirst-safe-attributes", 1)


class _Literal(InlineProcessor):  # type: ignore[misc]
    """Stores the match escaped, so it prints as written."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        return self.md.htmlStash.store(html.escape(m.group(0))), m.start(0), m.end(0)


class _KeptTags(InlineProcessor):  # type: ignore[misc]
    def __init__(self, keep: frozenset[str], md: markdown.Markdown) -> None:
        super().__init__(HTML_RE, md)
        self.keep = keep

    def handleMatch(
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int] | tuple[None, None, None]:
        if m.group(0) in self.keep:
            return self.md.htmlStash.store(m.group(0)), m.start(0), m.end(0)
        return None, None, None


# An id or class in any script: letters with their combining marks (Devanagari vowel
# signs, Arabic shadda), which ``\w`` does not match.
_IDS_AND_CLASSES = re.compile(r"\{:?(?:[ ]*[#.][^\s{}=:\"'<>]+)+[ ]*\}")


class _LiteralBraces(Treeprocessor):  # type: ignore[misc]
    """Runs after inline markup and before ``attr_list`` (priority 8)."""

    def run(self, root: Element) -> None:
        brace = self.md.htmlStash.store("{")
        for element in root.iter():
            element.text = _braces_to(brace, element.text)
            element.tail = _braces_to(brace, element.tail)


def _braces_to(brace: str, text: str | None) -> str | None:
    if not text or "{" not in text:
        return text
    # Only where attr_list looks: right after an element, or closing the text.
    kept = [
        m.span()
        for m in _IDS_AND_CLASSES.finditer(text)
        if m.start() == 0 or not text[m.end() :].strip(" ")
    ]
    ends = [0, *(i for span in kept for i in span), len(text)]
    parts = [text[ends[i] : ends[i + 1]] for i in range(len(ends) - 1)]
    return "".join(p if i % 2 else p.replace("{", brace) for i, p in enumerate(parts))


_SCRIPT_URL = re.compile(r"\s*(javascript|vbscript|data):", re.IGNORECASE)
_IMAGE_DATA = re.compile(r"\s*data:image/(png|jpeg|gif|webp);", re.IGNORECASE)


class _SafeAttributes(Treeprocessor):  # type: ignore[misc]
    def run(self, root: Element) -> None:
        for element in root.iter():
            for name, value in list(element.attrib.items()):
                if _unsafe(name.lower(), value):
                    del element.attrib[name]


def _unsafe(name: str, value: str) -> bool:
    if name.startswith("on") or name in {"style", "srcdoc", "formaction"}:
        return True
    if name not in {"href", "src", "action"} or not _SCRIPT_URL.match(value):
        return False
    return not (name == "src" and _IMAGE_DATA.match(value))


_converters: dict[str, markdown.Markdown] = {}


def print_converter(language: str = "en") -> markdown.Markdown:
    """The printed outputs' Markdown (see markdown_config) with the quotes of
    ``language`` (see typography), made once per process and language."""
    if language not in _converters:
        _converters[language] = print_markdown([NoRawHtml(), LocalLinksAsText()], language)
    return _converters[language]


class _Visit(Treeprocessor):  # type: ignore[misc]
    """Hands the element tree to the function :func:`read_tree` was given."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.visit: Callable[[Element], None] = lambda root: None

    def run(self, root: Element) -> None:
        self.visit(root)


_readers: dict[int, tuple[markdown.Markdown, _Visit]] = {}


def read_tree(text: str, visit: Callable[[Element], None], priority: int) -> None:
    """Parse ``text`` with the Markdown of every output (see markdown_config) and call
    ``visit`` with its element tree as a tree processor of ``priority`` sees it: 2 sees
    links and images as written, before NoRawHtml drops unsafe addresses; 1 sees the
    finished tree. One converter per priority, made once per process."""
    if priority not in _readers:
        reader = print_markdown([NoRawHtml()])
        visitor = _Visit(reader)
        reader.treeprocessors.register(visitor, "servefirst-read", priority)
        _readers[priority] = (reader, visitor)
    reader, visitor = _readers[priority]
    reader.reset()
    visitor.visit = visit
    reader.convert(text)


PROSE_UNDER = 3
"""Headings in prose print from ``<h4>`` down: chapters, modules and sections of the PDFs
use ``<h1>`` to ``<h3>``."""


def md(text: str | None, under: int = PROSE_UNDER, language: str = "en") -> Markup:
    """Block Markdown to HTML, with the one Markdown of every output (markdown_config).
    Raw HTML in content is escaped, never passed through, and a link to a file in the
    program folder becomes text naming the file (see local_links). Headings in the text
    are moved under a heading of level ``under`` (see prose.placed); quotes are those of
    ``language`` (see typography)."""
    if not text:
        return Markup("")
    return Markup(_converted(text, under, language))


@functools.lru_cache(maxsize=4096)
def _converted(text: str, under: int, language: str) -> str:
    """:func:`md` without the cache: each chunk of a document prints from the same
    program, so the same texts come back (a conversion depends on nothing else)."""
    converter = print_converter(language)
    converter.reset()
    return str(converter.convert(placed(text, under)))


def md_inline(text: str | None, language: str = "en") -> Markup:
    """Markdown for one line: no surrounding paragraph."""
    html = str(md(text, language=language))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


class Verbatim(Markup):
    """Escaped text that is printed exactly as written: a person's name, cohort or dates
    from a roster keep their straight quotes and apostrophes."""


def _typographic(language: str) -> Callable[[Any], Any]:
    """Jinja ``finalize`` for the print templates: plain text (a title, a label, a fixed
    label from the catalogue) gets :func:`typography.smart_text`; HTML that Markdown made
    has had the same treatment from ``smarty`` and passes unchanged."""

    def finalize(value: Any) -> Any:
        if isinstance(value, Verbatim):
            return value
        if isinstance(value, Markup):
            return value if "<" in value else Markup(typography.smart_text(value, language))
        if isinstance(value, str):
            return typography.smart_text(value, language)
        return value

    return finalize


def environment(kind: Literal["pdf", "site"], language: str = "en") -> Environment:
    """Strict Jinja: an undefined variable is an error naming the template, never a blank.

    PDF templates produce HTML, so they autoescape. Site templates produce Markdown that
    MkDocs turns into HTML; they escape through the ``text`` filter instead.
    """
    env = Environment(
        loader=PackageLoader("generator", f"templates/{kind}"),
        # Every printed value gets the language's quotes and dashes, as prose does.
        finalize=_typographic(language) if kind == "pdf" else None,
        undefined=StrictUndefined,
        autoescape=kind == "pdf",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text, under=PROSE_UNDER: md(text, under, language)
    env.filters["verbatim"] = lambda text: Verbatim(escape(str(text)))
    env.filters["md_inline"] = lambda text: md_inline(text, language)
    # Fixed labels come from the message catalogue; times are written the locale's way.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext(language), i18n.ngettext(language), newstyle=True
    )
    env.filters["clock"] = lambda hhmm: i18n.clock(hhmm, language)
    return env
