"""Markdown prose to HTML, and the Jinja environments every renderer shares."""

from __future__ import annotations

from typing import Literal

import markdown
from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown.extensions import Extension
from markupsafe import Markup

from .. import i18n


class NoRawHtml(Extension):  # type: ignore[misc]
    """Treat HTML in content as text: ``<b>`` prints as ``<b>``, it is never markup."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def md(text: str | None) -> Markup:
    """Block Markdown to HTML. Raw HTML in content is escaped, never passed through."""
    if not text:
        return Markup("")
    converter = markdown.Markdown(
        extensions=["sane_lists", "smarty", NoRawHtml()], output_format="html"
    )
    return Markup(converter.convert(text))


def md_inline(text: str | None) -> Markup:
    """Markdown for one line: no surrounding paragraph."""
    html = str(md(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def environment(kind: Literal["pdf", "site"], language: str = "en") -> Environment:
    """Strict Jinja: an undefined variable is an error naming the template, never a blank.

    PDF templates produce HTML, so they autoescape. Site templates produce Markdown that
    MkDocs turns into HTML; they escape through the ``text`` filter instead.
    """
    env = Environment(
        loader=PackageLoader("generator", f"templates/{kind}"),
        undefined=StrictUndefined,
        autoescape=kind == "pdf",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["md_inline"] = md_inline
    # Fixed labels come from the message catalogue; times are written the locale's way.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext(language), i18n.ngettext(language), newstyle=True
    )
    env.filters["clock"] = lambda hhmm: i18n.clock(hhmm, language)
    return env
