"""Where the configured folders stand: each where it is said to be, none inside another.

The site publishes every file of ``docs_dir`` and ``theme.custom_dir``; the program's
modules, cases and exercises are YAML files with facilitator notes. So a published folder
may not hold (or lie inside) ``modules_dir`` or ``exercises_dir``, nor be the program
folder itself. A configured folder must exist, except the ones left at their defaults
(``docs``, ``modules``, ``exercises``): a program may have no hand-written page and take
every module from the library, and git keeps no empty folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PureWindowsPath

PUBLISHED = ("docs_dir", "theme.custom_dir")
SOURCES = ("modules_dir", "exercises_dir")
FOLDERS = (*PUBLISHED, *SOURCES)
DEFAULTS = {"docs_dir": "docs", "modules_dir": "modules", "exercises_dir": "exercises"}
KEEP_APART = {
    "docs_dir": "keep the handbook's own pages in a folder of their own, such as docs",
    "theme.custom_dir": "keep theme overrides in a folder of their own, such as overrides",
}


def folder_problems(
    root: Path, paths: dict[str, str], refused: Iterable[str], explicit: Iterable[str]
) -> Iterator[tuple[str, str]]:
    """``(field, message)`` for each configured folder that is missing, is the program
    folder ``root`` itself (a published one), or overlaps another.

    ``paths`` maps field names (``docs_dir``, ``theme.custom_dir``, ``modules_dir``,
    ``exercises_dir``) to their values relative to ``root``, which must already stay
    inside it (the names in ``refused`` are skipped); ``explicit`` names the fields
    written in mkdocs.yml rather than left at their defaults."""
    skip, written = set(refused), set(explicit)
    places = {
        name: Path(os.path.normpath(root / value)).resolve()
        for name, value in paths.items()
        if name in FOLDERS and name not in skip
    }
    whole = {name for name, place in places.items() if name in PUBLISHED and place == root}
    for name, place in places.items():
        value = paths[name]
        if name in whole:
            yield (
                name,
                (
                    f"'{value}' is the program folder itself, and the site would publish every "
                    f"file of the program, facilitator notes included; {KEEP_APART[name]}"
                ),
            )
            continue
        if place.is_dir():
            continue
        default = os.path.normpath(value) == DEFAULTS.get(name)
        if place.exists():
            yield name, f"'{value}' is a file, not a folder; give the path of a folder"
        elif not default and (name in PUBLISHED or name in written):
            yield name, missing_folder(value)
    for published in PUBLISHED:
        for source in SOURCES:
            if published not in places or source not in places or published in whole:
                continue
            inner, outer = places[source], places[published]
            if inner.is_relative_to(outer) or outer.is_relative_to(inner):
                yield (
                    published,
                    (
                        f"'{paths[published]}' and {source} '{paths[source]}' overlap, and the "
                        f"site would publish the program's YAML files with their facilitator "
                        f"notes; {KEEP_APART[published]}, apart from {source}"
                    ),
                )


def missing_folder(value: str) -> str:
    """The message for a configured folder ``value`` that does not exist."""
    if PureWindowsPath(value).drive:
        return (
            f"'{value}' is a Windows path, which names no folder here; give the folder's "
            "path relative to mkdocs.yml, with / between names (such as docs)"
        )
    if "\\" in value:
        return (
            f"'{value}' is not a folder in the program folder; use / in paths "
            f"({value.replace(chr(92), '/')}), as on every system"
        )
    return (
        f"'{value}' is not a folder in the program folder; create it, or correct the path "
        "(relative to mkdocs.yml)"
    )
