"""Path arguments, made absolute once at the command line's edge.

Every command takes its program folder, output folder and roster through these types:
click checks them, then returns them resolved (absolute, symbolic links followed, no
trailing slash), so ``nurses``, ``./nurses/``, ``/abs/nurses`` and a link to it are the
same folder wherever the command runs from, and nothing below the command line ever
meets a relative path (MkDocs, for one, resolves a relative ``site_dir`` against the
config file's folder, not the working directory).
"""

from __future__ import annotations

from pathlib import Path

import click

PROGRAM_DIR = click.Path(exists=True, file_okay=False, resolve_path=True, path_type=Path)
"""An existing program folder."""

NEW_DIR = click.Path(file_okay=False, resolve_path=True, path_type=Path)
"""A folder that may not exist yet: an output folder, or where ``init`` starts a program."""

INPUT_FILE = click.Path(exists=True, dir_okay=False, resolve_path=True, path_type=Path)
"""An existing file, such as a roster."""
