"""The MkDocs plugin: ``plugins: - servefirst`` turns modules into handbook pages.

It only ever holds the participant view, so no facilitator material can reach a page,
the search index or the sitemap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .errors import ContentError
from .loader import load_program
from .model.participant import ParticipantProgram, participant_view
from .render.site import site_nav, site_pages

REQUIRED_EXTENSIONS = ("admonition", "attr_list", "def_list", "pymdownx.details")


class ServeFirstPluginConfig(Config):
    # Validated in full by Serve First's own model (with file and line in messages).
    program = config_options.Type(dict, default={})
    modules_dir = config_options.Type(str, default="modules")
    exercises_dir = config_options.Type(str, default="exercises")


class ServeFirstPlugin(BasePlugin[ServeFirstPluginConfig]):
    def __init__(self) -> None:
        self.view: ParticipantProgram | None = None
        self.pages: dict[str, str] = {}
        self.root: Path | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).parent
        try:
            program = load_program(self.root, Path(config.config_file_path))
        except ContentError as exc:
            raise PluginError(f"Serve First found problems in the program:\n{exc}") from exc
        self.view = participant_view(program)
        for extension in REQUIRED_EXTENSIONS:  # the generated pages use these
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        self.pages = site_pages(self.view)
        if not config.nav:
            config.nav = site_nav(self.view)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for path, content in self.pages.items():
            if files.get_file_from_path(path) is None:  # a hand-written page wins
                files.append(File.generated(config, path, content=content))
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        assert self.root is not None
        for folder in (self.config.modules_dir, self.config.exercises_dir):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server
