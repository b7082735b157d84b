"""The MkDocs plugin: ``plugins: - servefirst`` turns modules into handbook pages.

It only ever holds the participant view, so no facilitator material can reach a page,
the search index, the sitemap or a tooltip.

Besides the pages it makes the handbook work offline and look like the program: it turns
on Material's ``offline`` plugin when the configuration does not, replaces the one file
that plugin would fetch from a CDN with a local copy, adds a stylesheet generated from
``program.branding.colour`` and the Lato font from the Debian package, and puts the
participant workbook PDF on the downloads page.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sys
import tempfile
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, Literal

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .errors import ContentError
from .loader import load_program
from .model.participant import ParticipantProgram, participant_view
from .model.program import Branding
from .render.site import (
    WORKBOOK_PATH,
    WorkbookLink,
    abbreviations,
    glossary,
    problems_page,
    site_nav,
    site_pages,
)
from .render.site_theme import branding_css, font_css, lato_fonts

log = logging.getLogger("mkdocs.plugins.servefirst")

ASSETS = "assets/servefirst"
SEARCH_PARTIAL = "partials/search.html"
STATIC_ASSETS = ("servefirst.css", "servefirst.js", "iframe-worker.js")
EXTENSIONS: dict[str, dict[str, Any]] = {  # what the generated pages use, with settings
    "abbr": {},
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
    "toc": {"permalink": True},
}
FEATURES = (
    "content.tabs.link",  # choosing "Online" once switches every activity on the page
    "content.tooltips",  # glossary terms
    "navigation.footer",
    "navigation.sections",
    "navigation.top",
    "search.highlight",
)
PALETTE = [
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
_fonts: dict[str, bytes] | None = None  # Lato subsets, made once per process


class ServeFirstPluginConfig(Config):
    # Validated in full by Serve First's own model (with file and line in messages).
    program = config_options.Type(dict, default={})
    library = config_options.Type(bool, default=True)
    modules_dir = config_options.Type(str, default="modules")
    exercises_dir = config_options.Type(str, default="exercises")


class ServeFirstPlugin(BasePlugin[ServeFirstPluginConfig]):
    def __init__(self) -> None:
        # MkDocs keeps one instance for the whole of `serve`, because of on_startup.
        self.command: Literal["build", "gh-deploy", "serve"] | None = None
        self.root: Path | None = None
        self.view: ParticipantProgram | None = None
        self.problems: ContentError | None = None
        self.colour = Branding().colour
        self.offline: Any = None
        self.user_nav = False
        self.last_pages: set[str] = set()
        self.handed_workbook: tuple[Path, int | None] | None = None
        self.scratch: Path | None = None
        self.rendered: tuple[str, Path, int] | None = None  # (content hash, pdf, pages)

    # ---- the hand-over from `servefirst build` ---------------------------------------

    def use_workbook(self, pdf: Path, pages: int | None = None) -> None:
        """Link this workbook PDF for the next build instead of rendering one."""
        self.handed_workbook = (pdf, pages)

    # ---- MkDocs events ----------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_shutdown(self) -> None:
        self._clean_scratch()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        self.view, self.problems = None, None
        self.colour = Branding().colour
        try:
            program = load_program(self.root, Path(config.config_file_path))
        except ContentError as exc:
            if self.command != "serve":
                raise PluginError(f"Serve First found problems in the program:\n{exc}") from exc
            # Keep `serve` running: report in the terminal, show the problems page.
            self.problems = exc
            _report(exc)
        else:
            self.view = participant_view(program)
            self.colour = self.view.config.branding.colour
        terms = abbreviations(glossary(self.view)) if self.view else {}
        _configure_markdown(config, terms)
        _configure_theme(config)
        self._configure_offline(config)
        config.extra_css.append(f"{ASSETS}/servefirst.css")
        config.extra_css.append(f"{ASSETS}/branding.css")
        config.extra_javascript.append(f"{ASSETS}/servefirst.js")
        self.user_nav = bool(config.nav)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.view is not None:
            link = self._add_workbook(files, config, self.view)
            pages = site_pages(self.view, link)
            self.last_pages = set(pages)
        else:
            assert self.problems is not None
            # The problems page stands in for every page, so the one open reloads to it.
            pages = dict.fromkeys(self.last_pages | {"index.md"}, problems_page(str(self.problems)))
        for path, content in pages.items():
            if self.problems is not None:
                existing = files.get_file_from_path(path)
                if existing is not None:
                    files.remove(existing)
            if files.get_file_from_path(path) is None:  # a hand-written page wins
                files.append(File.generated(config, path, content=content))
        self._add_assets(files, config)
        if not self.user_nav:
            if self.view is not None:
                extra = [
                    f.src_uri
                    for f in files.documentation_pages()
                    if f.src_uri not in pages and not f.generated_by
                ]
                config.nav = site_nav(self.view, sorted(extra))
            else:
                config.nav = [{"Problems": "index.md"}]
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Material's search dialog gets a name, which screen readers announce."""
        assert env.loader is not None
        source, _, _ = env.loader.get_source(env, SEARCH_PARTIAL)
        named = source.replace(
            'role="dialog"', 'role="dialog" aria-label="{{ lang.t(\'search\') }}"', 1
        )
        if named != source and "aria-label" not in source.split('role="dialog"', 1)[1][:40]:
            env.loader = ChoiceLoader([DictLoader({SEARCH_PARTIAL: named}), env.loader])
        return env

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.offline is not None:
            self.offline.on_post_build(config=config)
        self._end_build()

    def on_build_error(self, *, error: Exception) -> None:
        self._end_build()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        assert self.root is not None
        for folder in (self.config.modules_dir, self.config.exercises_dir):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    # ---- helpers ----------------------------------------------------------------------

    def _configure_offline(self, config: MkDocsConfig) -> None:
        """Material's offline plugin, configured or not; never its CDN script."""
        self.offline = None
        if not ({"offline", "material/offline"} & set(config.plugins)):
            from material.plugins.offline.plugin import OfflinePlugin

            self.offline = OfflinePlugin()
            self.offline.load_config({})
            self.offline.on_config(config)
        # The offline plugin skips its CDN copy of iframe-worker when a script with that
        # name is already listed, and any copy it added is swapped for ours.
        shim = f"{ASSETS}/iframe-worker.js"
        polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
        config.extra["polyfills"] = [shim, *polyfills]

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        global _fonts
        if _fonts is None:
            _fonts = lato_fonts()
            if not _fonts:
                log.info("Lato not found (Debian package fonts-lato): using system fonts")
        source = package_files("generator") / "assets" / "site"
        for name in STATIC_ASSETS:
            content = (source / name).read_text(encoding="utf-8")
            _add(files, File.generated(config, f"{ASSETS}/{name}", content=content))
        css = branding_css(self.colour) + font_css(sorted(_fonts))
        _add(files, File.generated(config, f"{ASSETS}/branding.css", content=css))
        for name, data in _fonts.items():
            _add(files, File.generated(config, f"{ASSETS}/fonts/{name}", content=data))

    def _add_workbook(
        self, files: Files, config: MkDocsConfig, view: ParticipantProgram
    ) -> WorkbookLink:
        """The workbook from `servefirst build`, or one rendered now (`mkdocs build`)."""
        if self.handed_workbook is not None:
            pdf, pages = self.handed_workbook
        else:
            pdf, pages = self._render_workbook(view)
        _add(files, File.generated(config, WORKBOOK_PATH, abs_src_path=str(pdf)))
        return WorkbookLink.of(pdf.stat().st_size, pages)

    def _render_workbook(self, view: ParticipantProgram) -> tuple[Path, int]:
        from .render.pdf import render_workbook

        key = hashlib.sha256(view.model_dump_json().encode()).hexdigest()
        if self.rendered is not None and self.rendered[0] == key and self.rendered[1].exists():
            return self.rendered[1], self.rendered[2]  # unchanged since the last rebuild
        if self.scratch is None:
            self.scratch = Path(tempfile.mkdtemp(prefix="servefirst-"))
        assert self.root is not None
        log.info("Rendering the participant workbook")
        result = render_workbook(view, self.scratch / "participant-workbook.pdf", self.root)
        self.rendered = (key, result.path, result.pages)
        return result.path, result.pages

    def _end_build(self) -> None:
        self.handed_workbook = None
        if self.command != "serve":
            self._clean_scratch()

    def _clean_scratch(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        self.scratch, self.rendered = None, None


def _add(files: Files, file: File) -> None:
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None:
        files.remove(existing)
    files.append(file)


def _configure_markdown(config: MkDocsConfig, terms: dict[str, str]) -> None:
    for name, settings in EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        options = config.mdx_configs.setdefault(name, {})
        for key, value in settings.items():
            options.setdefault(key, value)
    # The glossary terms become <abbr> with a tooltip wherever they appear.
    options = config.mdx_configs["abbr"]
    options["glossary"] = {**terms, **options.get("glossary", {})}


def _configure_theme(config: MkDocsConfig) -> None:
    """Light and dark palettes in the branding colour, and the features the pages use."""
    if config.repo_url:
        log.warning("repo_url makes the site ask GitHub for repository facts: leave it out")
    if config.extra.get("analytics"):
        log.warning("extra.analytics would track readers of an offline handbook: leave it out")
    theme = config.theme
    theme["font"] = False  # never Google Fonts: Lato comes with the site
    if not theme.get("palette"):
        theme["palette"] = PALETTE
    features = list(theme.get("features") or [])
    theme["features"] = features + [f for f in FEATURES if f not in features]


_problem_log = logging.getLogger("servefirst.serve")


def _report(problems: ContentError) -> None:
    """Problems in the terminal, outside MkDocs' logger so strict mode keeps serving."""
    if not _problem_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-8s -  %(message)s"))
        _problem_log.addHandler(handler)
        _problem_log.propagate = False
    _problem_log.error("Serve First found problems in the program:\n%s", problems)
