"""Images and files that prose refers to, copied into the handbook and linked relatively.

In module, case and exercise text an image or a link to a file is a path relative to the
program folder (``![Map](images/map.png)``, ``[Handout](handouts/sheet.pdf)``); validation
has made sure each one is a regular file inside the folder. The handbook's pages live at
other depths (``modules/<id>.html``, ``cases.html``), so each such file is copied into
the site and every reference on a generated page is rewritten to the copy, relative to
that page:

- a file inside ``docs_dir`` is already part of the site: the reference points at it
  (a link to ``docs/notes.md`` goes to the handbook page ``notes.html``);
- any other file is copied to ``assets/servefirst/files/<its path in the folder>``.

Only the participant view is searched, so a file named only in facilitator notes is
never published. Hand-written pages in ``docs_dir`` keep MkDocs' own rules (their paths
are relative to the page).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .checks_paths import references_in
from .render.local_links import local_path

PROSE_FILES = "assets/servefirst/files"
"""Where a file from outside ``docs_dir`` lands in the site."""
EXTENSION = "generator.assets_copy:ProseFiles"


def prose_files(value: Any, root: Path) -> dict[str, Path]:
    """``{program-relative path: file}`` for every local image and link in the strings of
    ``value`` (a model, list or dict) that is a regular file inside ``root``."""
    root = root.resolve()
    found: dict[str, Path] = {}
    for _, url in references_in(value):
        path = local_path(url)
        if path is None or path in found:
            continue
        target = (root / path).resolve()
        if target.is_relative_to(root) and target.is_file():
            found[path] = target
    return found


def site_uri(path: str, file: Path, docs_dir: Path, in_docs: Iterable[str]) -> str:
    """Where ``file`` (at ``path`` in the program folder) is in the site: its own place when
    ``docs_dir`` holds it and MkDocs publishes it (``in_docs``), else under PROSE_FILES."""
    docs = docs_dir.resolve()
    if file.is_relative_to(docs):
        uri = file.relative_to(docs).as_posix()
        if uri in set(in_docs):
            return uri
    return f"{PROSE_FILES}/{path}"


class ProseFiles(Extension):  # type: ignore[misc]
    """Rewrites program-relative references on the generated pages to the site's copies.

    ``files`` maps a program-relative path to its place in the site; ``pages`` lists the
    generated pages (``modules/serve-first.md``). The page being rendered is the one
    MkDocs' own link processor (``relpath``) holds; outside MkDocs nothing changes.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "files": [{}, "Program-relative path -> path of the copy in the site."],
            "pages": [[], "The generated pages whose references are rewritten."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        files = dict(self.getConfig("files"))
        pages = frozenset(self.getConfig("pages"))
        # After inline markup (20) and before MkDocs checks and relativises links (0).
        md.treeprocessors.register(_Relink(md, files, pages), "servefirst-prose-files", 3)


class _Relink(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: markdown.Markdown, files: dict[str, str], pages: frozenset[str]):
        super().__init__(md)
        self.files = files
        self.pages = pages

    def run(self, root: Element) -> None:
        try:
            relpath = self.md.treeprocessors["relpath"]
        except KeyError:  # not rendered by MkDocs
            return
        page = getattr(getattr(relpath, "file", None), "src_uri", None)
        if page not in self.pages:
            return
        base = posixpath.dirname(page) or "."
        for element in root.iter():
            key = {"img": "src", "a": "href"}.get(element.tag)
            url = element.get(key) if key else None
            if not key or url is None:
                continue
            target = self.files.get(local_path(url) or "")
            if target is None:
                continue
            parts = urlsplit(url.strip())
            relative = quote(posixpath.relpath(target, base))
            element.set(key, urlunsplit(("", "", relative, parts.query, parts.fragment)))


def publish(files: Any, config: Any, view: Any, root: Path, pages: Iterable[str]) -> None:
    """Add the files the participant view's prose refers to, and configure ProseFiles.

    ``files`` and ``config`` are MkDocs' Files and MkDocsConfig during ``on_files``;
    ``pages`` are the generated pages (paths under ``docs_dir``)."""
    from mkdocs.structure.files import File

    class Download(File):
        """Copied as it is, even a ``.md`` file: it is a download, not a page."""

        def is_documentation_page(self) -> bool:
            return False

    in_docs = {f.src_uri for f in files if not f.generated_by}
    mapping: dict[str, str] = {}
    for path, file in prose_files(view, root).items():
        uri = site_uri(path, file, Path(config.docs_dir), in_docs)
        if uri.startswith(PROSE_FILES + "/"):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(Download.generated(config, uri, abs_src_path=str(file)))
        mapping[path] = uri
    config.mdx_configs[EXTENSION] = {"files": mapping, "pages": sorted(pages)}
