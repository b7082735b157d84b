"""The program folder is the boundary: what a program configures and loads stays inside.

Every path a program configures (``docs_dir`` and ``theme.custom_dir`` in mkdocs.yml; the
plugin's ``modules_dir``, ``exercises_dir``, ``program.branding.logo`` and
``program.slides_template``) and every module, case and exercise file must resolve inside
the program folder (the library's items: inside the built-in library), symbolic links
followed. Anything else is a located problem that says what to do. The published folders,
whose every file MkDocs copies into the site, may hold no link that leads out, to nothing
or round in a loop.

Prose references (images and links in Markdown) are judged in checks_paths.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import Problem
from .located import Located
from .model import PluginConfig

CONFIGURED: dict[str, str] = {
    "docs_dir": ", and every file in it would be published in the site; keep the handbook's "
    "own pages in a folder inside the program folder, such as docs",
    "theme.custom_dir": ", and its files would be published in the site; keep theme overrides "
    "in a folder inside the program folder, such as overrides",
    "modules_dir": "; keep the program's modules in a folder inside the program folder, "
    "such as modules",
    "exercises_dir": "; keep the program's exercises in a folder inside the program folder, "
    "such as exercises",
    "program.branding.logo": "; copy the logo into the program folder (for example "
    "docs/logo.svg) and give its path relative to mkdocs.yml",
    "program.slides_template": "; copy the template into the program folder and give its path "
    "relative to mkdocs.yml",
}
"""Every path a program configures, with what to do when it leads out of the folder."""
PUBLISHED = ("docs_dir", "theme.custom_dir")
"""Configured folders whose every file MkDocs copies into the public site."""


def outside_refusal(root: Path, value: str) -> str | None:
    """Why ``value``, a path relative to the program folder ``root`` (absolute: resolved),
    does not stay inside it, symbolic links followed; None when it stays inside.

    The path need not exist: only where it leads is judged."""
    target = root / value
    if not Path(os.path.normpath(target)).is_relative_to(root):
        return "leads outside the program folder"
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return "cannot be followed (a loop of symbolic links?)"
    if not resolved.is_relative_to(root):
        return "leads through a symbolic link to a place outside the program folder"
    return None


SETTINGS = ("docs_dir", "theme.custom_dir")
"""The configured paths that are MkDocs settings; the rest are the plugin's options."""


def configured_paths(
    settings: dict[str, Any] | None, plugin: PluginConfig | None
) -> dict[str, str]:
    """The paths the program configures, by field name (see CONFIGURED), as written.

    ``settings`` is the whole of mkdocs.yml; ``docs_dir`` is there even when left at
    MkDocs' default, ``docs``."""
    found: dict[str, Any] = {}
    if settings is not None:
        found["docs_dir"] = settings.get("docs_dir", "docs")
        theme = settings.get("theme")
        if isinstance(theme, dict):
            found["theme.custom_dir"] = theme.get("custom_dir")
    if plugin is not None:
        found["modules_dir"] = plugin.modules_dir
        found["exercises_dir"] = plugin.exercises_dir
        found["program.branding.logo"] = plugin.program.branding.logo
        found["program.slides_template"] = plugin.program.slides_template
    return {name: value for name, value in found.items() if isinstance(value, str)}


def check_configured_paths(
    root: Path,
    settings: Located[dict[str, Any]] | None,
    plugin: Located[PluginConfig] | None,
    problems: list[Problem],
) -> set[str]:
    """Refuse every configured path (see CONFIGURED) that leads out of ``root``, and every
    symbolic link out of a published folder (docs_dir, theme.custom_dir); return the names
    of the refused fields.

    A problem names mkdocs.yml's line of the setting (for a plugin option left at its
    default, the plugin entry's line), or the link inside the published folder."""
    root = root.resolve()
    paths = configured_paths(settings.item if settings else None, plugin.item if plugin else None)
    refused: set[str] = set()
    for name, value in paths.items():
        why = outside_refusal(root, value)
        if why is None:
            if name in PUBLISHED and (root / value).is_dir():
                problems.extend(_links_out(root, root / value))
            continue
        refused.add(name)
        loc = tuple(name.split("."))
        if name in SETTINGS:
            assert settings is not None
            file, line = settings.file, settings.lines.lines.get(loc)
        else:
            assert plugin is not None
            file, line = plugin.file, plugin.lines.line_of(loc)
        problems.append(Problem(file, line, name, f"'{value}' {why}{CONFIGURED[name]}"))
    return refused


def _links_out(root: Path, folder: Path) -> Iterator[Problem]:
    """A problem for each symbolic link in ``folder`` (and below) that MkDocs would follow
    out of ``root``, to nothing, or round in a loop.

    Names starting with a dot are skipped, as MkDocs skips them; each real folder is
    visited once, so a loop of links ends here (MkDocs would follow it until it fails)."""
    seen: set[Path] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        real = current.resolve()
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            problem = _link_problem(root, path) if entry.is_symlink() else None
            if problem is not None:
                yield Problem(path.relative_to(root).as_posix(), None, "", problem)
            elif entry.is_dir():
                stack.append(path)


def _link_problem(root: Path, link: Path) -> str | None:
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return "is a symbolic link to nothing, and the site build would fail on it; remove it"
    except (OSError, RuntimeError):
        return LINK_LOOP
    if not target.is_relative_to(root):
        return LINK_OUT
    if target.is_dir() and link.parent.resolve().is_relative_to(target):
        return LINK_LOOP
    return None


LINK_OUT = (
    "is a symbolic link that leads outside the program folder, and the site would publish "
    "what it points to; copy the file (or folder) into the program folder instead"
)
LINK_LOOP = (
    "is a symbolic link that leads round in a loop, and the site build would follow it "
    "without end; remove it"
)


def item_file_refusal(path: Path, root: Path, kind: str, boundary: str) -> str | None:
    """Why ``path``, a ``.yml`` entry in a module, case or exercise folder of ``root``,
    cannot be read as that ``kind``'s file; None when it is a regular file inside ``root``.

    Refused: a symbolic link out of ``root`` (``boundary`` names it: "the program
    folder"), a link that leads nowhere, a folder, a pipe or a device."""
    article = "an" if kind[0] in "aeiou" else "a"
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return "is a symbolic link that cannot be followed (a loop?); replace it with the file"
    if not resolved.is_relative_to(root.resolve()):
        return (
            f"is a symbolic link to a file outside {boundary}; "
            f"copy the file into {boundary} instead"
        )
    if resolved.is_dir():
        return (
            f"is a folder, not a file; {article} {kind} is one YAML file: rename or remove "
            f"the folder, then write the file (servefirst new {kind} {path.stem})"
        )
    if not resolved.exists():
        return "is a symbolic link to a file that does not exist; replace it with the file"
    if not resolved.is_file():
        return f"is not a regular file (a pipe or a device?); {article} {kind} is one YAML file"
    return None
