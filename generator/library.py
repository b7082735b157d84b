"""The built-in library: the default program's modules, cases and exercises.

In a source checkout (and an editable install) it is the repository itself; in an
installed wheel the same files are packaged under ``generator/library/``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def library_root() -> Path | None:
    """The folder holding ``modules/`` and ``exercises/`` of the default program."""
    for candidate in (PACKAGE / "library", PACKAGE.parent):
        if (candidate / "modules").is_dir() and (candidate / "exercises").is_dir():
            return candidate
    return None


LIBRARY_LABEL = "<library>"
