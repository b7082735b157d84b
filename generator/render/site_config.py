"""How the MkDocs plugin configures the handbook site: the Markdown extensions and their
options, Material's theme (palettes, features, interface language), its offline plugin,
and small helpers for MkDocs' file collection. See :mod:`generator.plugin`."""

from __future__ import annotations

import copy
import html
import logging
from collections.abc import Iterator
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .. import i18n
from .markdown_config import site_extensions
from .site import ASSETS

log = logging.getLogger("mkdocs.plugins.servefirst")

STATIC_ASSETS = (
    "servefirst.css",
    "servefirst.js",
    "iframe-worker.js",
    "servefirst-checks.js",
    "servefirst-checks.css",
)
FEATURES = (
    "content.tabs.link",  # choosing "Online" once switches every activity on the page
    "content.tooltips",  # glossary terms
    "navigation.footer",
    "navigation.sections",
    "navigation.top",
    "search.highlight",
)
PALETTE: list[dict[str, Any]] = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "primary": "custom",
        "accent": "custom",
        "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "primary": "custom",
        "accent": "custom",
        "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"},
    },
]
NO_RAW_HTML = "generator.render.markup:NoRawHtml"
PERMALINK_TITLE = "Permanent link"  # the toc extension's title for heading anchors


def configure_offline(config: MkDocsConfig) -> Any:
    """Material's offline plugin, configured or not; never its CDN script. Returns the
    plugin when Serve First runs it itself (its ``on_post_build`` is then ours to call),
    else None."""
    offline = None
    if not ({"offline", "material/offline"} & set(config.plugins)):
        from material.plugins.offline.plugin import OfflinePlugin

        offline = OfflinePlugin()
        offline.load_config({})
        offline.on_config(config)
    # The offline plugin skips its CDN copy of iframe-worker when a script with that
    # name is already listed, and any copy it added is swapped for ours.
    shim = f"{ASSETS}/iframe-worker.js"
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [shim, *polyfills]
    return offline


def escaped_titles(nav: list[Any]) -> list[Any]:
    """MkDocs and Material print navigation titles as HTML: titles from content are text."""
    return [
        {
            html.escape(str(title), quote=False): escaped_titles(v) if isinstance(v, list) else v
            for title, v in item.items()
        }
        if isinstance(item, dict)
        else item
        for item in nav
    ]


def hand_written(files: Files) -> Iterator[tuple[str, str]]:
    """(path under docs/, source) of each hand-written page that can be read as text
    (MkDocs reports one that cannot)."""
    for file in files.documentation_pages():
        if not file.generated_by:
            try:
                yield file.src_uri, file.content_string
            except (OSError, UnicodeDecodeError):
                continue


def add_file(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


def configure_markdown(config: MkDocsConfig, terms: dict[str, str], language: str) -> None:
    for name, settings in site_extensions(language).items():  # smarty: the language's quotes
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        options = config.mdx_configs.setdefault(name, {})
        for key, value in settings.items():
            options.setdefault(key, value)
    # The title of the heading anchors (the toc extension's default is English).
    config.mdx_configs["toc"].setdefault("permalink_title", i18n.gettext(language)(PERMALINK_TITLE))
    # The glossary terms become <abbr> with a tooltip wherever they appear.
    options = config.mdx_configs["abbr"]
    options["glossary"] = {**terms, **options.get("glossary", {})}


def configure_theme(config: MkDocsConfig, language: str) -> None:
    """Palettes in the branding colour, the features the pages use, the interface language.

    Material's own labels (search, "Skip to content", "Back to top") follow the program's
    language, and so does the palette toggle when it is labelled with our English names.
    """
    if config.repo_url:
        log.warning("repo_url makes the site ask GitHub for repository facts: leave it out")
    if config.extra.get("analytics"):
        log.warning("extra.analytics would track readers of an offline handbook: leave it out")
    theme = config.theme
    theme["font"] = False  # never Google Fonts: Lato comes with the site
    theme["language"] = language
    translate = i18n.gettext(language)
    palettes = theme.get("palette") or copy.deepcopy(PALETTE)
    for palette in palettes if isinstance(palettes, list) else [palettes]:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = translate(toggle["name"])
    theme["palette"] = palettes
    features = list(theme.get("features") or [])
    theme["features"] = features + [f for f in FEATURES if f not in features]
