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
    if any(ord(char) < 32 for char in value):
        return "holds a control character; write the path as plain text"
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
    config_file: Path | None = None,
) -> set[str]:
    """Refuse every configured path (see CONFIGURED) that leads out of ``root``, and every
    symbolic link, special file or output folder in a published folder (docs_dir,
    theme.custom_dir); check the folders' places (see folders.py); return the names of
    the refused fields.

    MkDocs' own settings are judged as MkDocs reads ``config_file`` (``!ENV`` and
    ``INHERIT`` applied, see :func:`mkdocs_settings`), not as written. A problem names
    mkdocs.yml's line of the setting (for a plugin option left at its default, the plugin
    entry's line; for a setting inherited, the ``INHERIT`` line), or the file inside the
    published folder."""
    from . import folders

    root = root.resolve()
    raw = settings.item if settings else None
    read = mkdocs_settings(config_file) if config_file is not None and raw is not None else None
    paths = configured_paths(read if read is not None else raw, plugin.item if plugin else None)
    refused: set[str] = set()

    def where(name: str) -> tuple[str, int | None]:
        loc = tuple(name.split("."))
        if name in SETTINGS:
            assert settings is not None
            line = settings.lines.lines.get(loc) or settings.lines.lines.get(("INHERIT",))
            return settings.file, line
        assert plugin is not None
        return plugin.file, plugin.lines.line_of(loc)

    for name in SETTINGS:
        if read is not None and _setting(read, name) is not None and name not in paths:
            refused.add(name)
            problems.append(Problem(*where(name), name, NOT_A_PATH))
    for name, value in paths.items():
        why = outside_refusal(root, value)
        shown = f"'{value}'"
        if raw is not None and name in SETTINGS and _setting(raw, name) != value:
            shown += " (as MkDocs reads it, with !ENV and INHERIT applied)"
        if why is None:
            if name in PUBLISHED and (root / value).is_dir():
                problems.extend(_published_problems(root, root / value))
            continue
        refused.add(name)
        problems.append(Problem(*where(name), name, f"{shown} {why}{CONFIGURED[name]}"))
    explicit = {name for name in paths if name in SETTINGS or _written(plugin, name)}
    for name, message in folders.folder_problems(root, paths, refused, explicit):
        refused.add(name)
        problems.append(Problem(*where(name), name, message))
    return refused


NOT_A_PATH = (
    "is not a plain path (it uses !relative, or is a list or a mapping), and MkDocs would "
    "stop the site build; write the folder's path relative to mkdocs.yml, such as docs"
)


def _setting(data: dict[str, Any], name: str) -> Any:
    if name == "docs_dir":
        return data.get("docs_dir", "docs")
    theme = data.get("theme")
    return theme.get("custom_dir") if isinstance(theme, dict) else None


def _written(plugin: Located[PluginConfig] | None, name: str) -> bool:
    """Whether the plugin option ``name`` is written in mkdocs.yml (not left at its default)."""
    return plugin is not None and plugin.lines.lines.get(tuple(name.split("."))) is not None


class _NoConfig(dict[str, Any]):
    """Stands in for MkDocs' configuration while reading the file: ``!relative`` values
    stay placeholders, which :func:`configured_paths` leaves out."""


def mkdocs_settings(config_file: Path) -> dict[str, Any] | None:
    """The settings of ``config_file`` as MkDocs reads them: ``!ENV`` tags and ``INHERIT``
    applied, ``!relative`` left as a placeholder object. None when MkDocs cannot read the
    file (it then says why itself, and Serve First's own reading reports the line)."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    try:
        with config_file.open("rb") as stream:
            data = yaml_load(stream, get_yaml_loader(config=_NoConfig()))  # type: ignore[arg-type]
    except Exception:
        return None
    return data if isinstance(data, dict) else None


def _published_problems(root: Path, folder: Path) -> Iterator[Problem]:
    """A problem for each entry in ``folder`` (and below) that the site build cannot copy
    or should not publish: a symbolic link that MkDocs would follow out of ``root``, to
    nothing, or round in a loop; a pipe, socket or device; a Serve First output folder.

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
        names = {entry.name for entry in entries}
        if marker := next((m for m in OUTPUT_MARKERS if m in names), None):
            shown = current.relative_to(root).as_posix()
            yield Problem(shown, None, "", OUTPUT_IN_DOCS.format(marker=marker))
            continue  # its files are one problem, not one each
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            problem = _link_problem(root, path) if entry.is_symlink() else None
            if problem is None and not entry.is_symlink() and _special(entry):
                problem = SPECIAL_FILE
            if problem is not None:
                yield Problem(path.relative_to(root).as_posix(), None, "", problem)
            elif entry.is_dir():
                stack.append(path)


def _special(entry: os.DirEntry[str]) -> bool:
    try:
        return not (entry.is_file() or entry.is_dir())
    except OSError:
        return True


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
    if not (target.is_dir() or target.is_file()):
        return SPECIAL_FILE
    return None


LINK_OUT = (
    "is a symbolic link that leads outside the program folder, and the site would publish "
    "what it points to; copy the file (or folder) into the program folder instead"
)
SPECIAL_FILE = (
    "is not a regular file (a pipe, a socket or a device), which the site build cannot "
    "copy; remove it"
)
OUTPUT_MARKERS = (".servefirst-cache.json", ".servefirst.lock")
"""Files Serve First writes in an output folder: the cache manifest and the lock."""
OUTPUT_IN_DOCS = (
    "is a Serve First output folder (it holds {marker}), and the site would publish its "
    "files, the facilitator guide included; move it out, and build with --out outside "
    "the published folders (the default, build, is fine)"
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


def output_inside_sources(root: Path, out: Path) -> str | None:
    """Why the output folder ``out`` may not be used for the program in ``root`` (both
    absolute), or None when it may.

    Refused: ``out`` inside (or equal to) a folder the program reads from, which a later
    build would read again: ``docs_dir`` and ``theme.custom_dir`` as MkDocs reads
    mkdocs.yml (the site would publish the outputs, the facilitator guide included),
    ``modules_dir`` and ``exercises_dir``. The reason is a sentence about ``--out``."""
    from .folders import DEFAULTS, FOLDERS

    root, out = root.resolve(), out.resolve()
    settings = mkdocs_settings(root / "mkdocs.yml") or {}
    paths = configured_paths(settings, None)
    options = _plugin_options(settings.get("plugins"))
    for name in ("modules_dir", "exercises_dir"):
        value = options.get(name, DEFAULTS[name])
        if isinstance(value, str):
            paths[name] = value
    for name in FOLDERS:
        value = paths.get(name)
        if value is None or outside_refusal(root, value) is not None:
            continue  # validation reports it
        folder = (root / value).resolve()
        if folder != root and out.is_relative_to(folder):
            why = (
                "whose every file the site publishes, the facilitator guide included"
                if name in PUBLISHED
                else "which holds the program's sources"
            )
            return (
                f"{out} is {'' if out == folder else 'inside '}{name} ({value}), {why}; choose an output folder outside "
                f"it, such as {root / 'build'}"
            )
    return None


def _plugin_options(plugins: Any) -> dict[str, Any]:
    """The servefirst plugin's options in MkDocs' ``plugins`` setting (a list or a mapping)."""
    entries = plugins.items() if isinstance(plugins, dict) else []
    if isinstance(plugins, list):
        entries = [next(iter(e.items())) for e in plugins if isinstance(e, dict) and len(e) == 1]
    for name, options in entries:
        if name == "servefirst" and isinstance(options, dict):
            return options
    return {}
