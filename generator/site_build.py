"""The handbook: MkDocs run into a staging folder and swapped in whole (see pipeline.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from .cache import user_cache_dir
from .errors import BuildError
from .interrupt import deferred
from .loader import CONFIG_FILE
from .model.participant import ParticipantProgram
from .outdir import replace, staging_dir


def build_site(
    root: Path,
    target: Path,
    workbook: tuple[Path, int] | None = None,
    view: ParticipantProgram | None = None,
) -> list[str]:
    """Run MkDocs into a temporary folder, then swap it in: never a half-built site.

    The downloads page links ``workbook`` (path and page count) when this build rendered
    it; without one (``--no-pdf``) the plugin renders its own. ``view`` is the program
    this build already loaded, so the plugin does not load and validate it again.
    Returns MkDocs' warnings, each located in the program's files where possible (see
    site_log.py); when strict mode stops the build, the BuildError lists them.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import docs_dir, site_log
    from .plugin import ServeFirstPlugin

    # Absolute paths: MkDocs resolves a relative site_dir against the config file's folder.
    root, target = root.resolve(), target.resolve()
    staging = staging_dir(target.parent, ".site-")
    empty = staging_dir(target.parent, ".docs-")
    overrides = docs_dir.stand_in(root / CONFIG_FILE, empty)
    docs = Path(overrides.get("docs_dir") or docs_dir.configured(root / CONFIG_FILE) or root)
    try:
        with site_log.warnings_of_mkdocs() as warnings:
            config = load_config(
                config_file=str(root / CONFIG_FILE), site_dir=str(staging), **overrides
            )
            for plugin in config.plugins.values():
                if isinstance(plugin, ServeFirstPlugin):
                    plugin.use_cache(user_cache_dir())  # subset fonts, shared by every build
                    if view is not None:
                        plugin.use_view(view)
                    if workbook:
                        plugin.use_workbook(*workbook)
            mkdocs_build(config)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        found = [site_log.locate(w, root, docs) for w in warnings]
        raise BuildError("\n".join([f"the site did not build: {exc}", *found])) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(empty, ignore_errors=True)
    with deferred():
        replace(staging, target)
    return [site_log.locate(w, root, docs) for w in warnings]
