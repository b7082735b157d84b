"""No network, no escape: what content refers to stays inside the program folder.

Markdown prose may link to the web (those links are citations), but a build never
fetches anything. So an image on the web, or a reference to a file outside the program
folder (``../../etc/passwd``, an absolute path, a symbolic link that leads out,
``/dev/urandom``) is a located problem naming the file and the field. Relative paths are
read from the program folder, as the PDF renderer reads them.

Each string is parsed with the same Markdown the renderers use, so only real images and
links count: an example in a code span, or ``<img>`` (which prints as text), does not.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PureWindowsPath
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX
from pydantic import BaseModel

from .errors import Problem
from .located import Located
from .model import PluginConfig
from .render.markup import NoRawHtml
from .yamlio import Loc, dotted

LINK_SCHEMES = {"http", "https", "mailto", "tel"}
"""What a link may use besides a path: never ``javascript:``, ``data:`` or ``file:``."""
_MARKERS = ("](", "]:", "][", "![")  # no Markdown reference without one of these
_ESCAPED = re.compile(f"{STX}([0-9]+){ETX}")


def check_references(
    root: Path,
    plugin: Located[PluginConfig] | None,
    items: Iterable[Located[Any]],
    problems: list[Problem],
) -> None:
    """Refuse remote images and references out of ``root`` in every string of the items
    and of the program's configuration."""
    root = root.resolve()
    for located in [*([plugin] if plugin else []), *items]:
        for loc, text in _strings(located.item, ()):
            if not any(marker in text for marker in _MARKERS):
                continue
            found = [
                _refusal("image" if tag == "img" else "link", url, root, image=tag == "img")
                for tag, url in _references(text)
            ]
            line = located.lines.line_of(loc)
            problems.extend(Problem(located.file, line, dotted(loc), m) for m in found if m)


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every string in a model, with its path as written in the file."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _strings(getattr(value, name), (*loc, info.alias or name))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*loc, str(key)))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _strings(child, (*loc, index))


# ---- finding references -------------------------------------------------------------------


class _Collect(Treeprocessor):  # type: ignore[misc]
    """Gathers the address of every image and link, before NoRawHtml drops the unsafe."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found: list[tuple[str, str]] = []

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                self.found.append(("img", element.get("src", "")))
            elif element.tag == "a":
                self.found.append(("a", element.get("href", "")))


_converter: tuple[markdown.Markdown, _Collect] | None = None


def _references(text: str) -> list[tuple[str, str]]:
    global _converter
    if _converter is None:
        md = markdown.Markdown(extensions=["sane_lists", NoRawHtml()])
        collect = _Collect(md)
        md.treeprocessors.register(collect, "servefirst-references", 2)
        _converter = (md, collect)
    md, collect = _converter
    md.reset()
    collect.found = []
    md.convert(text)
    return [(tag, _plain(url)) for tag, url in collect.found]


def _plain(url: str) -> str:
    """Undo Markdown's backslash escapes and an e-mail autolink's entities."""
    url = _ESCAPED.sub(lambda m: chr(int(m.group(1))), url)
    return html.unescape(url.replace(AMP_SUBSTITUTE, "&"))


# ---- judging them -------------------------------------------------------------------------


def _refusal(what: str, url: str, root: Path, *, image: bool) -> str | None:
    shown = url if len(url) <= 80 else url[:77] + "..."
    quoted = f"{what} '{shown}'"
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return f"{quoted} is not a valid address"
    scheme = parts.scheme.lower()
    if len(scheme) == 1:  # C:\\... : a Windows drive, not a scheme
        return f"{quoted} is an absolute path; use a path relative to the program folder"
    if scheme == "file":
        return f"{quoted} is a file: address; use a path relative to the program folder"
    if image and scheme == "data":
        return None  # embedded in the text: nothing to fetch
    if image and (scheme or parts.netloc):
        return (
            f"{quoted} is on the web, and builds never use the network; save the image in "
            "the program folder and refer to it with a path relative to the folder"
        )
    if scheme or parts.netloc:
        if not scheme or scheme in LINK_SCHEMES:
            return None  # a citation, or an address to write to
        return f"{quoted} uses '{scheme}:'; a link is a web address (https://), mailto: or tel:"
    path = unquote(parts.path)
    if not path:
        return None  # "#anchor": a place on the same page
    refusal = _local(path, root, image=image)
    return f"{quoted} {refusal}" if refusal else None


def _local(path: str, root: Path, *, image: bool) -> str | None:
    if path.startswith(("/", "\\")) or PureWindowsPath(path).drive:
        return "is an absolute path; use a path relative to the program folder"
    target = root / path
    if not Path(os.path.normpath(target)).is_relative_to(root):
        return "leads outside the program folder; refer only to files inside it"
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return "cannot be followed (a loop of symbolic links?)"
    if not resolved.is_relative_to(root):
        return "is a symbolic link to a file outside the program folder; copy the file in instead"
    if not image:
        return None  # a link is followed by the reader, never read by the build
    if not resolved.exists():
        return "is not in the program folder; paths are relative to the folder of mkdocs.yml"
    if not resolved.is_file():
        return "is not a regular file"
    return None


# ---- configured paths and item files: the program folder is the boundary ------------------

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
