"""Path arguments, made absolute once at the command line's edge.

Every command takes its program folder, output folder and roster through these types:
click checks them, then returns them resolved (absolute, symbolic links followed, no
trailing slash), so ``nurses``, ``./nurses/``, ``/abs/nurses`` and a link to it are the
same folder wherever the command runs from, and nothing below the command line ever
meets a relative path (MkDocs, for one, resolves a relative ``site_dir`` against the
config file's folder, not the working directory).

A path that cannot be what the command needs is refused here, as a usage error that
names it: a program folder without ``mkdocs.yml``, an output folder that is a file or
lies under one, a roster that is a device or a pipe.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import click

CONFIG_FILE = "mkdocs.yml"


class _ProgramDir(click.Path):
    """An existing folder holding ``mkdocs.yml``."""

    def __init__(self) -> None:
        super().__init__(exists=True, file_okay=False, resolve_path=True, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(str(super().convert(value, param, ctx)))
        if not path.is_dir():
            self.fail(
                f"{path} is not a folder; give the program folder (the one with {CONFIG_FILE})",
                param,
                ctx,
            )
        if not (path / CONFIG_FILE).is_file():
            self.fail(
                f"no {CONFIG_FILE} in {path}; run from the program folder or give its path",
                param,
                ctx,
            )
        return path


class _NewDir(click.Path):
    """A folder that may not exist yet, and can be made: neither it nor a folder above it
    is a file, a device or anything else that is not a folder."""

    def __init__(self) -> None:
        super().__init__(file_okay=False, resolve_path=True, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(str(super().convert(value, param, ctx)))
        for folder in (path, *path.parents):
            if folder.exists():
                if not folder.is_dir():
                    why = "" if folder == path else f", so {path} cannot be made"
                    self.fail(
                        f"{folder} is not a folder{why}; choose a folder to write into",
                        param,
                        ctx,
                    )
                break
        return path


class _InputFile(click.Path):
    """An existing regular file (a device, a pipe or a folder is refused)."""

    def __init__(self) -> None:
        super().__init__(exists=True, dir_okay=False, resolve_path=True, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(str(super().convert(value, param, ctx)))
        if not stat.S_ISREG(path.stat().st_mode):
            self.fail(f"{path} is not a regular file; give a saved CSV file", param, ctx)
        return path


ANY_DIR = click.Path(exists=True, file_okay=False, resolve_path=True, path_type=Path)
"""An existing folder, which need not be a program folder (``new`` looks upwards)."""

PROGRAM_DIR = _ProgramDir()
"""An existing program folder (one with ``mkdocs.yml``)."""

NEW_DIR = _NewDir()
"""A folder that may not exist yet: an output folder, or where ``init`` starts a program."""

INPUT_FILE = _InputFile()
"""An existing regular file, such as a roster."""


def find_program(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` (absolute) that holds ``mkdocs.yml``, as
    ``git`` finds its repository; None when there is none."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    return None
