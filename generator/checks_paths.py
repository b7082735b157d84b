"""No network, no escape: what content refers to stays inside the program folder.

Markdown prose may link to the web (those links are citations), but a build never
fetches anything. So an image on the web, or a reference to a file outside the program
folder (``../../etc/passwd``, an absolute path, a symbolic link that leads out,
``/dev/urandom``) is a located problem naming the file and the field. Relative paths are
read from the program folder, as the PDF renderer reads them.

What validation accepts, the build builds: an image must be a file the renderers can read
(see checks_files.py), never one embedded as a ``data:`` address; a link to a file must
name a regular file, which the site then publishes (see assets_copy.py), so never a
hidden file or one of the program's YAML files, which hold facilitator notes.

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

from markdown.util import AMP_SUBSTITUTE, ETX, STX
from pydantic import BaseModel

from .checks_files import image_problem
from .errors import Problem
from .located import Located
from .model import PluginConfig
from .model.base import is_plain
from .render.markup import read_tree
from .yamlio import Loc, dotted

LINK_SCHEMES = {"http", "https", "mailto", "tel"}
"""What a link may use besides a path: never ``javascript:``, ``data:`` or ``file:``."""
_MARKERS = ("](", "]:", "][", "![", "<")  # no Markdown reference without one of these
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
                reference_refusal(
                    "image" if tag == "img" else "link", url, root, image=tag == "img"
                )
                for tag, url in _references(text)
            ]
            line = located.lines.line_of(loc)
            problems.extend(Problem(located.file, line, dotted(loc), m) for m in found if m)


def references_in(value: Any) -> Iterator[tuple[str, str]]:
    """Every image and link in the strings of a model, list or dict, in order:
    ``("img" | "a", address)``, the address as written (escapes undone)."""
    for _, text in _strings(value, ()):
        if any(marker in text for marker in _MARKERS):
            yield from _references(text)


def strings_of(value: Any) -> Iterator[tuple[Loc, str]]:
    """Every prose string in a model, list or dict, with its path as written in the file:
    fields typed ``Plain`` (titles, names, dates: never Markdown) are left out."""
    return _strings(value, ())


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every prose string in a model, with its path as written in the file."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if is_plain(info.annotation, info.metadata):
                continue  # printed as written: its brackets are text, not a link
            yield from _strings(getattr(value, name), (*loc, info.alias or name))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*loc, str(key)))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _strings(child, (*loc, index))


# ---- finding references -------------------------------------------------------------------


def _references(text: str) -> list[tuple[str, str]]:
    """The address of every image and link in ``text``, as written (before NoRawHtml
    drops the unsafe ones): ("img" or "a", address)."""
    found: list[tuple[str, str]] = []

    def collect(root: Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                found.append(("img", element.get("src", "")))
            elif element.tag == "a":
                found.append(("a", element.get("href", "")))

    read_tree(text, collect, priority=2)
    return [(tag, _plain(url)) for tag, url in found]


def _plain(url: str) -> str:
    """Undo Markdown's backslash escapes and an e-mail autolink's entities."""
    url = _ESCAPED.sub(lambda m: chr(int(m.group(1))), url)
    return html.unescape(url.replace(AMP_SUBSTITUTE, "&"))


# ---- judging them -------------------------------------------------------------------------


def reference_refusal(
    what: str, url: str, root: Path, *, image: bool, base: Path | None = None
) -> str | None:
    """Why the image or link ``url`` cannot be built, or None. A relative path is read
    from ``base`` (default: ``root``, the program folder) and must stay inside ``root``."""
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
    if image and scheme == "data":  # one rule for every output: an image is a file
        return (
            f"{quoted} is embedded in the text; save the image as a file in the program "
            "folder and refer to it with a path relative to the folder"
        )
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
    refusal = _local(path, root, image=image, base=base)
    return f"{quoted} {refusal}" if refusal else None


def _local(path: str, root: Path, *, image: bool, base: Path | None = None) -> str | None:
    if any(ord(char) < 32 for char in path):  # %00, %0A...: no file name holds one
        return "holds a control character (such as %00); remove it from the path"
    if path.startswith(("/", "\\")) or PureWindowsPath(path).drive:
        return "is an absolute path; use a path relative to the program folder"
    target = (base or root) / path
    if not Path(os.path.normpath(target)).is_relative_to(root):
        return "leads outside the program folder; refer only to files inside it"
    if any(part.startswith(".") for part in Path(os.path.normpath(path)).parts if part != ".."):
        return "is hidden (a name starting with '.'); the handbook publishes no hidden file"
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return "cannot be followed (a loop of symbolic links?)"
    if not resolved.is_relative_to(root):
        return "is a symbolic link to a file outside the program folder; copy the file in instead"
    if not resolved.exists():
        if "\\" in path:
            return f"names no file; use / in paths ({path.replace(chr(92), '/')})"
        folder = "this page's folder" if base else "the folder of mkdocs.yml"
        return f"names no file; check the name, and that paths are relative to {folder}"
    if not resolved.is_file():
        return "is not a regular file"
    if output := output_folder(resolved, root):
        return (
            f"is in {output}, a folder of Serve First's outputs, which each build replaces; "
            "refer to a file among the program's own files instead"
        )
    if image:
        return image_problem(resolved)
    if resolved.suffix.lower() in {".yml", ".yaml"}:  # modules carry facilitator notes
        return (
            "is a YAML file of the program, which the handbook never publishes; "
            "link to a page or a document instead"
        )
    return None  # copied into the site; named in the PDFs (see render/local_files.py)


def output_folder(path: Path, root: Path) -> str | None:
    """The output folder holding ``path`` (both resolved), shown relative to ``root``:
    the default ``build``, or any folder in ``root`` that holds a cache manifest or a
    lock; None when ``path`` is in none."""
    from .boundary import OUTPUT_MARKERS

    if path.is_relative_to(root / "build"):
        return "build"
    for folder in path.parents:
        if folder == root or not folder.is_relative_to(root):
            return None
        if any((folder / marker).exists() for marker in OUTPUT_MARKERS):
            return folder.relative_to(root).as_posix()
    return None
