"""Hand-written pages that stand where Serve First generates one.

The handbook's generated pages and the hand-written files of ``docs_dir`` share one site.
MkDocs lets a hand-written ``docs/index.md`` replace the generated home page without a
word; here such a file is a located problem naming both, unless the plugin option
``overrides`` lists the generated page: then the hand-written page replaces it on purpose,
``validate`` prints a notice and ``diff`` lists it.

A file can collide in three ways: at the same path as a generated page (``index.md``), at
the same address in the site (``README.md`` and ``modules/x/index.md`` are published
where ``index.md`` and ``modules/x.md`` are), or where Serve First writes a file of its
own (the workbook PDF, ``assets/servefirst/``), which always wins. Only the first can be
an override. The generated pages are taken from :func:`generator.render.site.site_pages`,
the function that makes them, so a new page is covered without a change here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from .errors import Problem
from .located import Located
from .model import PluginConfig, Program
from .model.participant import participant_view
from .render.site import ASSETS, WORKBOOK_PATH, WorkbookLink, site_pages

OVERRIDES = "overrides"


def generated_pages(program: Program) -> list[str]:
    """The paths under docs_dir of every page the handbook generates for ``program``
    (``index.md``, ``modules/<id>.md``, ...), from the function that generates them."""
    return list(site_pages(participant_view(program), WorkbookLink.of(0)))


def check_collisions(
    program: Program,
    settings: Located[dict[str, Any]] | None,
    plugin: Located[PluginConfig],
    problems: list[Problem],
    warnings: list[Problem],
) -> dict[str, str]:
    """Refuse each hand-written file of docs_dir that collides with a generated page or file.

    Returns ``{generated page: hand-written file}`` for the collisions that
    ``overrides`` allows, the file shown relative to the program folder (``docs/index.md``).
    An ``overrides`` entry that names no generated page, or has no hand-written page to
    replace it, is a warning at its line in mkdocs.yml."""
    data = settings.item if settings is not None else {}
    docs_dir = data.get("docs_dir", "docs")
    if not isinstance(docs_dir, str):
        return {}
    root = program.root
    docs = root / docs_dir
    allowed = plugin.item.overrides
    written = set(_files(docs)) if docs.is_dir() else set()
    if not written and not allowed:
        return {}  # nothing can collide: spare rendering the pages
    pages = generated_pages(program)
    by_address = {_address(page): page for page in pages}
    overridden: dict[str, str] = {}
    for src in sorted(written):
        shown = (docs / src).relative_to(root).as_posix()
        message = _collision(src, _address(src), pages, by_address, allowed, docs_dir)
        if message is None and src in pages:
            overridden[src] = shown
        elif message is not None:
            problems.append(Problem(shown, None, "", message))
    for index, entry in enumerate(allowed):
        line = plugin.lines.line_of((OVERRIDES, index))
        field = f"{OVERRIDES}[{index}]"
        if entry not in pages:
            listed = ", ".join(pages)
            warnings.append(
                Problem(
                    plugin.file,
                    line,
                    field,
                    f"'{entry}' is not a page Serve First generates for this program; remove "
                    f"it (the generated pages are {listed})",
                )
            )
        elif entry not in written:
            warnings.append(
                Problem(
                    plugin.file,
                    line,
                    field,
                    f"there is no {_join(docs_dir, entry)} to replace the generated page "
                    f"'{entry}'; write that page or remove the entry",
                )
            )
    return overridden


def _collision(
    src: str,
    address: str,
    pages: list[str],
    by_address: dict[str, str],
    allowed: list[str],
    docs_dir: str,
) -> str | None:
    """What is wrong with the hand-written file ``src`` (relative to docs_dir), if anything."""
    if src == WORKBOOK_PATH or src.startswith(f"{ASSETS}/"):
        return (
            f"Serve First writes its own file at {src} and would replace this one; "
            "rename or move this file"
        )
    if src in pages:
        if src in allowed:
            return None
        return (
            f"stands where Serve First generates the page {src}, and would replace it; "
            f"rename or move this file, or list '{src}' under the servefirst plugin's "
            f"'{OVERRIDES}' in mkdocs.yml to replace the generated page on purpose"
        )
    page = by_address.get(address)
    if page is None:
        return None
    return (
        f"would be published at {address}, the address of the generated page {page}; "
        f"rename or move this file, or, to replace that page on purpose, name it "
        f"{_join(docs_dir, page)} and list '{page}' under the servefirst plugin's "
        f"'{OVERRIDES}' in mkdocs.yml"
    )


def _address(src: str) -> str:
    """Where MkDocs publishes the file ``src`` in the site (``about.md`` -> ``about.html``).

    The handbook works offline, so Material's offline plugin, which the plugin always
    turns on, publishes pages without directory URLs."""
    return File(src, src_dir=None, dest_dir="", use_directory_urls=False).dest_uri


def _files(docs: Path) -> Iterator[str]:
    """Every file under ``docs`` that MkDocs publishes, relative and with '/': links are
    followed, names starting with a dot skipped. Each real folder is walked once, so a
    loop of links ends."""
    seen: set[Path] = set()
    stack = [docs]
    while stack:
        folder = stack.pop()
        try:
            real = folder.resolve()
            entries = list(os.scandir(folder))
        except (OSError, RuntimeError):
            continue
        if real in seen:
            continue
        seen.add(real)
        for entry in entries:
            if entry.name.startswith("."):
                continue  # never published, so never in the way
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                stack.append(path)
            else:
                yield path.relative_to(docs).as_posix()


def _join(docs_dir: str, page: str) -> str:
    return f"{docs_dir.rstrip('/')}/{page}" if docs_dir.strip("/.") else page
