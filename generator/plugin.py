"""The MkDocs plugin: ``plugins: - servefirst`` turns modules into handbook pages.

It only ever holds the participant view, so no facilitator material can reach a page,
the search index, the sitemap or a tooltip.

Besides the pages it makes the handbook work offline and look like the program: it turns
on Material's ``offline`` plugin when the configuration does not, replaces the one file
that plugin would fetch from a CDN with a local copy, adds a stylesheet generated from
``program.branding.colour``, the logo of ``program.branding.logo`` and the Lato font from
the Debian package, and puts the participant workbook PDF on the downloads page. Every
fixed label, and Material's own interface (``theme.language``), follows
``program.language``.
"""

from __future__ import annotations

import hashlib
import logging
import re
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

from . import assets_copy, i18n
from .cache import user_cache_dir
from .errors import ContentError
from .knowledge.load import CHECKS_DIR
from .loader import load_program
from .model.participant import ParticipantProgram, participant_view
from .model.program import Branding, ProgramConfig
from .render import site_glossary_marks, site_worksheet
from .render.site import (
    ASSETS,
    WORKBOOK_PATH,
    GlossaryEntry,
    WorkbookLink,
    abbreviations,
    defined_in,
    glossary,
    not_found_template,
    problems_page,
    site_nav,
    site_pages,
)
from .render.site_config import (
    NO_RAW_HTML,
    STATIC_ASSETS,
    add_file,
    configure_markdown,
    configure_offline,
    configure_theme,
    escaped_titles,
    hand_written,
)
from .render.site_prework import prework_pages
from .render.site_theme import CACHE_DIR, branding_css, font_css, lato_fonts
from .search_lang import configure_search, page_texts, strings

log = logging.getLogger("mkdocs.plugins.servefirst")

SEARCH_PARTIAL = "partials/search.html"
NOT_FOUND = "404.html"
PROBLEMS_LABEL = "Problems"  # the navigation while `serve` shows the problems page
LOGO = f"{ASSETS}/logo"  # + the logo's suffix: where branding.logo lands in the site
STAGING = re.compile(r"\.(site|staging)-")  # temporary folders `servefirst build` renders into


class ServeFirstPluginConfig(Config):
    # Validated in full by Serve First's own model (with file and line in messages).
    program = config_options.Type(dict, default={})
    library = config_options.Type(bool, default=True)
    modules_dir = config_options.Type(str, default="modules")
    exercises_dir = config_options.Type(str, default="exercises")
    overrides = config_options.Type(list, default=[])
    lint = config_options.Type(dict, default={})
    assessment = config_options.Type(list, default=[])
    catalogue = config_options.Type(dict, default={})
    materials = config_options.Type(list, default=[])


class ServeFirstPlugin(BasePlugin[ServeFirstPluginConfig]):
    def __init__(self) -> None:
        # MkDocs keeps one instance for the whole of `serve`, because of on_startup.
        self.command: Literal["build", "gh-deploy", "serve"] | None = None
        self.root: Path | None = None
        self.view: ParticipantProgram | None = None
        self.problems: ContentError | None = None
        self.glossary: list[GlossaryEntry] = []
        self.own_terms: dict[str, str] = {}  # mkdocs.yml's own abbr glossary, which wins
        self.colour = Branding().colour
        self.language = "en"  # kept from the last good load for the problems page
        self.logo: Path | None = None
        self.offline: Any = None
        self.user_nav = False
        self.last_pages: set[str] = set()
        self.handed_workbook: tuple[Path, int | None] | None = None
        self.handed_view: ParticipantProgram | None = None
        self.cache: Path | None = None
        self.scratch: Path | None = None
        self.rendered: tuple[str, Path, int] | None = None  # (content hash, pdf, pages)

    # ---- the hand-over from `servefirst build` ---------------------------------------

    def use_workbook(self, pdf: Path, pages: int | None = None) -> None:
        """Link this workbook PDF for the next build instead of rendering one."""
        self.handed_workbook = (pdf, pages)

    def use_view(self, view: ParticipantProgram) -> None:
        """Use this already loaded and validated program instead of loading it again."""
        self.handed_view = view

    def use_cache(self, folder: Path) -> None:
        """Keep what builds can reuse (the subset fonts) in this folder."""
        self.cache = folder

    # ---- MkDocs events ----------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_shutdown(self) -> None:
        self._clean_scratch()

    @event_priority(100)  # before the search plugin reads theme.language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The catalogue and the day's kit name the facilitator's materials: Serve First reads
        # them from mkdocs.yml itself, so the site's copy of the options never holds them.
        self.config["catalogue"], self.config["materials"] = {}, []
        self.root = Path(config.config_file_path).parent
        self.view, self.problems = None, None
        self.colour = Branding().colour
        self.logo = None
        try:
            view = self.handed_view or participant_view(
                load_program(self.root, Path(config.config_file_path), slide_checks=False)
            )
        except ContentError as exc:
            if self.command != "serve":
                raise PluginError(f"Serve First found problems in the program:\n{exc}") from exc
            # Keep `serve` running: report in the terminal, show the problems page.
            self.problems = exc
            _report(exc)
        else:
            self.view = view
            self._use_program(self.view.config)
        self.glossary = glossary(self.view) if self.view else []
        self.own_terms = dict(config.mdx_configs.get("abbr", {}).get("glossary", {}))
        configure_markdown(config, abbreviations(self.glossary), self.language)
        if self.view is not None:
            # Raw HTML in content prints as text, and so does attr_list's `{: onclick=...}`;
            # the templates' own <small> stays markup. (The problems page, made of the
            # escaped report only, keeps its <pre>.)
            config.markdown_extensions.append(NO_RAW_HTML)
            config.mdx_configs[NO_RAW_HTML] = {"keep": ["<small>", "</small>"]}
            config.markdown_extensions.append(assets_copy.EXTENSION)  # set up in on_files
            config.markdown_extensions.append(site_worksheet.EXTENSION)  # worksheets as tables
            config.markdown_extensions.append(site_glossary_marks.EXTENSION)
            config.mdx_configs[site_glossary_marks.EXTENSION] = {"sections": {}}
        configure_theme(config, self.language)
        if self.view is not None:  # Chinese and Japanese words need segmenting to be found
            texts = strings(self.view.model_dump(mode="json"))
            configure_search(config, [*texts, *page_texts(Path(config.docs_dir))])
        if self.logo is not None:
            self._configure_logo(config, self.logo)
        self.offline = configure_offline(config)
        config.extra_css.append(f"{ASSETS}/servefirst.css")
        config.extra_css.append(f"{ASSETS}/branding.css")
        config.extra_javascript.append(f"{ASSETS}/servefirst.js")
        config.extra_javascript.append(f"{ASSETS}/servefirst-checks.js")  # knowledge checks
        config.extra_css.append(f"{ASSETS}/servefirst-checks.css")
        self.user_nav = bool(config.nav)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.view is not None:
            link = self._add_workbook(files, config, self.view)
            prework = prework_pages(hand_written(files))
            pages = site_pages(self.view, link, prework)
            self.last_pages = set(pages)
            assert self.root is not None
            assets_copy.publish(files, config, self.view, self.root, pages)
        else:
            assert self.problems is not None
            # The problems page stands in for every page, so the one open reloads to it.
            page = problems_page(str(self.problems), self.language)
            pages = dict.fromkeys(self.last_pages | {"index.md"}, page)
        for path, content in pages.items():
            if self.problems is not None:
                existing = files.get_file_from_path(path)
                if existing is not None:
                    files.remove(existing)
            if files.get_file_from_path(path) is None:  # an override (validation refused others)
                files.append(File.generated(config, path, content=content))
        self._add_assets(files, config)
        if not self.user_nav:
            if self.view is not None:
                extra = [
                    f.src_uri
                    for f in files.documentation_pages()
                    if f.src_uri not in pages and not f.generated_by
                ]
                first = [p.path for p in prework]
                config.nav = escaped_titles(site_nav(self.view, sorted(extra), first))
            else:
                config.nav = [{i18n.gettext(self.language)(PROBLEMS_LABEL): "index.md"}]
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str:
        """A module page's glossary terms take that module's tooltips (MkDocs makes a
        converter per page from ``mdx_configs``)."""
        uri = str(page.file.src_uri)
        module_id = uri[len("modules/") : -len(".md")] if uri.startswith("modules/") else None
        # The glossary page defines every term: marking them there would only repeat it.
        terms = {} if uri == "glossary.md" else abbreviations(self.glossary, module_id)
        config.mdx_configs["abbr"]["glossary"] = {**terms, **self.own_terms}
        if site_glossary_marks.EXTENSION in config.mdx_configs:
            config.mdx_configs[site_glossary_marks.EXTENSION]["sections"] = defined_in(
                self.glossary, module_id
            )
        return markdown

    def on_page_context(self, context: Any, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        # Material prints `page.title | striptags` in <title>, which decodes an escaped
        # "&lt;/title&gt;" back into markup; given a meta title, it prints it as it is.
        if page.title and not page.meta.get("title"):
            page.meta["title"] = page.title
        return context

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """The 404 page links relative to the site's root, so it works from the folder
        (MkDocs writes absolute links from ``/``); see not_found_template."""
        if template_name == NOT_FOUND:
            context["base_url"] = "."
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Material's search dialog gets a name, which screen readers announce."""
        assert env.loader is not None
        source, _, _ = env.loader.get_source(env, SEARCH_PARTIAL)
        named = source.replace(
            'role="dialog"', 'role="dialog" aria-label="{{ lang.t(\'search\') }}"', 1
        )
        ours: dict[str, str] = {}
        if named != source and "aria-label" not in source.split('role="dialog"', 1)[1][:40]:
            ours[SEARCH_PARTIAL] = named
        _, where, _ = env.loader.get_source(env, NOT_FOUND)
        if where is None or Path(where).is_relative_to(Path(str(package_files("material")))):
            ours[NOT_FOUND] = not_found_template(self.language, config.site_url)  # not a custom one
        if ours:
            env.loader = ChoiceLoader([DictLoader(ours), env.loader])
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
        for folder in (self.config.modules_dir, self.config.exercises_dir, CHECKS_DIR):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        if self.logo is not None and not self.logo.is_relative_to(Path(config.docs_dir).resolve()):
            server.watch(str(self.logo))
        return server

    # ---- helpers ----------------------------------------------------------------------

    def _use_program(self, program: ProgramConfig) -> None:
        assert self.root is not None
        self.colour = program.branding.colour
        self.language = program.language
        if program.branding.logo:  # the loader checked it: an SVG or PNG in the folder
            self.logo = (self.root / program.branding.logo).resolve()

    def _configure_logo(self, config: MkDocsConfig, logo: Path) -> None:
        """The branding logo in the header, unless the theme names a logo of its own."""
        if config.theme.get("logo") and not str(config.theme["logo"]).startswith(LOGO):
            log.info("theme.logo is set, so the header shows it instead of branding.logo")
            self.logo = None
            return
        config.theme["logo"] = LOGO + logo.suffix.lower()

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        fonts = lato_fonts(cache=self._cache_dir(config) / "fonts")
        if not fonts:
            log.info("Lato not found (Debian package fonts-lato): using system fonts")
        source = package_files("generator") / "assets" / "site"
        for name in STATIC_ASSETS:
            content = (source / name).read_text(encoding="utf-8")
            add_file(files, File.generated(config, f"{ASSETS}/{name}", content=content))
        css = branding_css(self.colour) + font_css(sorted(fonts))
        add_file(files, File.generated(config, f"{ASSETS}/branding.css", content=css))
        for name, data in fonts.items():
            add_file(files, File.generated(config, f"{ASSETS}/fonts/{name}", content=data))
        if self.logo is not None:
            logo_uri = LOGO + self.logo.suffix.lower()
            add_file(files, File.generated(config, logo_uri, abs_src_path=str(self.logo)))

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        """Beside the built site, so each output folder (and each test) has its own.

        The folder given to :meth:`use_cache` wins. ``servefirst build`` renders into
        hidden staging folders inside the output folder (``out/.staging-*/.site-*``):
        the cache goes beside those, in ``out``. ``serve`` builds into a throwaway
        temporary folder, so its cache is the user cache (never the program folder).
        """
        if self.cache is not None:
            return self.cache
        if self.command == "serve":
            return user_cache_dir()
        folder = Path(config.site_dir).resolve().parent
        while STAGING.match(folder.name) and folder.parent != folder:
            folder = folder.parent
        return folder / CACHE_DIR

    def _add_workbook(
        self, files: Files, config: MkDocsConfig, view: ParticipantProgram
    ) -> WorkbookLink:
        """The workbook from `servefirst build`, or one rendered now (`mkdocs build`)."""
        if self.handed_workbook is not None:
            pdf, pages = self.handed_workbook
        else:
            pdf, pages = self._render_workbook(view)
        add_file(files, File.generated(config, WORKBOOK_PATH, abs_src_path=str(pdf)))
        return WorkbookLink.of(pdf.stat().st_size, pages, view.config.language)

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


_problem_log = logging.getLogger("servefirst.serve")


def _report(problems: ContentError) -> None:
    """Problems in the terminal, outside MkDocs' logger so strict mode keeps serving."""
    if not _problem_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-8s -  %(message)s"))
        _problem_log.addHandler(handler)
        _problem_log.propagate = False
    _problem_log.error("Serve First found problems in the program:\n%s", problems)
