"""``servefirst serve``: the handbook with live reload while you edit modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .paths import PROGRAM_DIR


@click.command("serve")
@click.argument("path", default=".", type=PROGRAM_DIR)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", help="Address to serve on.")
def command(path: Path, dev_addr: str) -> None:
    """Serve the participant handbook of PATH and rebuild when a file changes."""
    import logging

    from mkdocs.__main__ import ColorFormatter
    from mkdocs.commands.serve import serve

    # MkDocs' own command line sets up its log; show it here too ("Serving on ...").
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False

    import tempfile

    from ..docs_dir import stand_in

    with tempfile.TemporaryDirectory(prefix="servefirst-docs-") as empty:
        # A program folder without docs/ (git keeps no empty folder) serves all the same.
        overrides: dict[str, Any] = {**stand_in(path / "mkdocs.yml", Path(empty))}
        serve(config_file=str(path / "mkdocs.yml"), dev_addr=dev_addr, livereload=True, **overrides)
