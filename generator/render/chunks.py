"""Layout in chunks: front matter, each module, back matter, one WeasyPrint layout each.

A chunk is the document's own template rendered with ``chunk`` set to ``"front"``,
``"module-<id>"`` or ``"back"`` (the templates print only that part). Every chunk starts
on a right-hand page and ends after an even number of pages: an empty marker closes the
chunk with ``break-before: right`` (WeasyPrint adds the blank "Notes" verso when the
chunk ends on a right-hand page), and the page holding the marker is dropped before the
chunk is written. So a module's page count never depends on the modules before it.

A chunk prints no page numbers: :mod:`generator.render.page_numbers` stamps them on the
assembled file, so a chunk's layout does not depend on where it starts, and a module whose
page count changed moves the chunks after it without laying them out again. Links and page
references into another chunk become ``sf-chunk:<anchor>`` links printing a plain number
(``data-page``), which :mod:`generator.render.assemble` turns back into internal links.
Chunks are laid out in order, front matter first with provisional numbers and again at
the end when its numbers changed; references only point backwards (a revisited case
names the module that told it first) or into the front matter's contents, so one pass
over the modules suffices. Before that pass, chunks whose references are known are laid
out ahead, two at a time (here and in a second process), even in a first build: see
:mod:`generator.render.chunks_ahead`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..errors import BuildError
from ..model.program import ProgramConfig
from ..worker import Worker
from .pdf import RenderedPdf, anchor_pages, layout

PARALLEL = True
"""Lay out uncached chunks two at a time, ahead of the ordered pass."""
SCHEME = "sf-chunk:"
ANCHORS = "anchors.json"
"""In a chunk cache folder: the last layout's anchor pages, the first guess of the numbers
other chunks quote."""
_ID = re.compile(r'\sid="([^"]+)"')
_EMPTY = re.compile(r"<body[^>]*>\s*<div class=\"sf-chunk-end\"></div></body>")
_LOCAL = re.compile(r'\s(?:src|href)="(?![a-z][a-z0-9+.-]*:|#|/)([^"]+)"')
_MOMENT = re.compile(r'<meta name="dcterms\.(?:created|modified)" content="[^"]*">')
_HREF = re.compile(r'<a([^>]*?)\shref="#([^"]+)"')
ChunkHtml = Callable[[str, bool], str]
"""(chunk name, whether the chunk closes with a second notes page) -> the chunk's HTML, as
the template prints it (before :func:`localise`)."""


@dataclass(frozen=True)
class LaidChunk:
    name: str
    path: Path | None
    """The chunk's PDF; None when the chunk prints nothing (no sources, say)."""
    first: int
    """The printed number of the chunk's first page (1-based)."""
    pages: int
    anchors: dict[str, int]
    """Printed page number of every element id in the chunk."""
    padded: bool = False
    """Whether the last page is a blank verso added so the next chunk starts on the right."""
    page_names: tuple[str, ...] = ()
    """Each page's CSS page name ("" for none, "cover", "front", "landscape"), for the
    page-number stamp."""


@dataclass
class ChunkCache:
    """Chunk PDFs kept between builds in ``folder``, keyed by a hash of the chunk's HTML
    and the layout ``salt`` (code, styles, renderer versions).
    ``reused`` and ``laid_out`` name the chunks of the last document in order."""

    folder: Path
    salt: str = ""
    reused: list[str] = field(default_factory=list)
    laid_out: list[str] = field(default_factory=list)
    owner: int = field(default_factory=os.getpid)
    """Names this build's scratch files: two builds of one program may share the folder."""

    def key(self, kind: str, html: str, base_url: Path | None = None) -> str:
        """A hash of what the chunk is made from: the salt, the document kind, its HTML
        and the bytes of every local file the HTML refers to (``src``, ``href``) under
        ``base_url``, so a replaced image is laid out again. No key holds the build time
        (``dcterms.created``): the assembled file takes its metadata from the front
        matter, and :func:`generator.render.assemble.assemble` dates it anew. (The
        cover's edition date, printed, is part of the HTML.)"""
        digest = hashlib.sha256(f"{self.salt}\0{kind}\0".encode())
        digest.update(_MOMENT.sub("", html).encode())
        if base_url is not None:
            for reference in sorted(set(_LOCAL.findall(html))):
                path = base_url / unquote(reference)
                digest.update(f"\0{reference}\0".encode())
                digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        return digest.hexdigest()[:32]

    def get(self, key: str) -> tuple[Path, Laid] | None:
        """(PDF, what its layout gave) of a cached chunk, or None."""
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        try:
            facts = json.loads(meta.read_text(encoding="utf-8"))
            if pdf.stat().st_size != int(facts["size"]):
                return None  # damaged since (a full disk, a hand edit): laid out again
            anchors = {str(k): int(v) for k, v in facts["anchors"].items()}
            names = tuple(str(n) for n in facts["page_names"])
            return pdf, Laid(int(facts["pages"]), anchors, bool(facts["padded"]), names)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def last_layout(self) -> dict[str, int]:
        """The anchor pages of the last layout of this document ({} when there was none)."""
        try:
            raw = json.loads((self.folder / ANCHORS).read_text(encoding="utf-8"))
            return {str(k): int(v) for k, v in raw["anchors"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def keep_layout(self, anchors: dict[str, int]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"anchors": anchors}, sort_keys=True)
        scratch = self.folder / f".{ANCHORS}.{self.owner}.tmp"
        scratch.write_text(text, "utf-8")
        scratch.replace(self.folder / ANCHORS)

    def put(self, key: str, pdf: Path, laid: Laid) -> Path:
        """Move the laid-out chunk ``pdf`` (a scratch file in ``folder``) into the cache,
        then write what its layout gave: a chunk is found only once both are whole."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{key}.pdf"
        pdf.replace(target)
        meta = {
            "pages": laid.pages,
            "anchors": laid.anchors,
            "padded": laid.padded,
            "page_names": list(laid.page_names),
            "size": target.stat().st_size,
        }
        scratch = self.folder / f".{key}.{self.owner}.tmp.json"
        scratch.write_text(json.dumps(meta, sort_keys=True), "utf-8")
        scratch.replace(self.folder / f"{key}.json")
        return target


def chunk_names(module_ids: list[str]) -> list[str]:
    """The chunks of a document in order: front, one per module, back."""
    return ["front", *(f"module-{m}" for m in module_ids), "back"]


def localise(html: str, known: dict[str, int]) -> str:
    """The chunk's HTML made to stand alone: no page numbers in the footers, a closing
    marker (see the module docstring), and every link to an id of another chunk turned
    into an ``sf-chunk:`` link carrying the known page number (``?`` when not yet known)."""
    own = set(_ID.findall(html))

    def relink(match: re.Match[str]) -> str:
        attributes, anchor = match.group(1), match.group(2)
        if anchor in own:
            return match.group(0)
        page = known.get(anchor)
        return f'<a{attributes} href="{SCHEME}{anchor}" data-page="{page or "?"}"'

    html = _HREF.sub(relink, html)
    style = (
        "<style>"
        "@page :left { @bottom-left { content: none } }"
        "@page :right { @bottom-right { content: none } }"
        ".toc a[data-page]::after { content: leader('.') attr(data-page) }"
        "a.pageref[data-page]::after { content: attr(data-page) }"
        ".sf-chunk-end { break-before: right }"
        "</style>"
    )
    html = html.replace("</head>", style + "</head>", 1)
    return html.replace("</body>", '<div class="sf-chunk-end"></div></body>', 1)


@dataclass(frozen=True)
class Laid:
    """What laying out a chunk gave: its page count, the page of every element id
    counted from the chunk's first page (1), whether its last page is a blank verso added
    by the closing marker, and each page's CSS page name."""

    pages: int
    anchors: dict[str, int]
    padded: bool
    page_names: tuple[str, ...]


def lay_out_chunk(
    html: str,
    kind: str,
    config: ProgramConfig,
    base_url: Path,
    target: Path,
    spare_notes: bool = False,
) -> Laid:
    """Lay out one localised chunk and write it to ``target`` (tagged PDF/UA-1). With
    ``spare_notes`` the HTML ends with a second notes page, kept only where it fills what
    would be a blank verso: otherwise it goes, with that blank page, in this one layout."""
    document = layout(html, kind, config, base_url)
    del document.pages[-1]  # the closing marker's page
    last = document.pages[-1]._page_box if document.pages else None
    padded = bool(last is not None and last.page_type.blank)
    if spare_notes and padded and len(document.pages) > 2:
        del document.pages[-2:]  # the blank verso and the spare notes page before it
        padded = False
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_variant="pdf/ua-1")
    names = tuple(page._page_box.page_type.name or "" for page in document.pages)
    return Laid(len(document.pages), anchor_pages(document), padded, names)


@dataclass(frozen=True)
class Chunking:
    """One document to lay out in chunks: its stylesheet ``kind`` ("workbook",
    "facilitator"), program settings, the folder its relative URLs start from, its
    chunk cache and the function that prints a chunk's HTML."""

    kind: str
    config: ProgramConfig
    base_url: Path
    cache: ChunkCache
    html: ChunkHtml
    fills_blanks: bool = False
    """Whether a module chunk that would end on a blank verso gets a second notes page
    instead (the workbook: see ``layout_workbook`` in render/pdf.py). Its HTML then holds
    a spare notes page, dropped with the blank verso when the chunk would end on one."""

    def page(self, name: str, known: dict[str, int]) -> str:
        """The chunk's localised HTML (with its spare notes page, see ``fills_blanks``)."""
        return localise(self.html(name, self.spare(name)), known)

    def spare(self, name: str) -> bool:
        """Whether the chunk's HTML ends with a spare notes page."""
        return _spare(self.fills_blanks, name)

    def key(self, html: str, name: str) -> str:
        """The chunk's cache key; the program's settings count (paper, colours, fonts)."""
        settings = self.config.model_dump_json()
        return self.cache.key(f"{self.kind}\0{settings}", html, self.base_url)

    def lay_out(self, html: str, name: str, target: Path) -> Laid:
        spare = self.spare(name)
        return lay_out_chunk(html, self.kind, self.config, self.base_url, target, spare)


def lay_out_document(
    names: list[str], doc: Chunking, worker: Worker | None = None, parallel: bool = True
) -> list[LaidChunk]:
    """Lay out every chunk of a document in order (see the module docstring), reusing
    cached chunks; returns the chunks in document order. ``worker``: the build's
    second process to share the work with (it may be busy with other work at first);
    else, when ``parallel`` and the machine has two cores, one is started when there is
    enough work. Raises BuildError when the contents pages never settle to one length."""
    cache = doc.cache
    cache.reused, cache.laid_out = [], []
    known = cache.last_layout()
    if PARALLEL and (worker is not None or (parallel and (os.cpu_count() or 1) > 1)):
        from .chunks_ahead import lay_out_ahead

        lay_out_ahead(names, doc, known, worker)
    for _ in range(4):  # the front matter's length settles at once in practice
        laid: list[LaidChunk] = []
        first = 1
        for name in names:
            chunk = _one(name, doc, first, known)
            laid.append(chunk)
            known.update(chunk.anchors)
            first += chunk.pages
        again = _one("front", doc, 1, known)
        if again.pages == laid[0].pages:
            laid[0] = again
            cache.keep_layout(known)
            return laid
        cache.reused, cache.laid_out = [], []
    raise BuildError(f"the {doc.kind} PDF was not made: its contents pages do not settle")


Job = tuple[str, str, str]
"""(cache key, localised HTML, chunk name)."""


def _spare(fills_blanks: bool, name: str) -> bool:
    """Whether chunk ``name`` of a document that fills blanks ends with a spare notes page."""
    return fills_blanks and name.startswith("module-")


def _scratch_in(folder: Path, key: str, owner: int) -> Path:
    return folder / f".{key}.{owner}.tmp.pdf"


def _scratch(cache: ChunkCache, key: str) -> Path:
    return _scratch_in(cache.folder, key, cache.owner)


def _store(cache: ChunkCache, job: Job, laid: Laid) -> Path:
    """Move a laid-out chunk from its scratch file into the cache; returns its path."""
    scratch = _scratch(cache, job[0])
    path = cache.put(job[0], scratch, laid)
    if job[2] in cache.reused:
        cache.reused.remove(job[2])
    if job[2] not in cache.laid_out:
        cache.laid_out.append(job[2])
    return path


def _one(name: str, doc: Chunking, first: int, known: dict[str, int]) -> LaidChunk:
    """One chunk, from the cache or laid out."""
    html = doc.page(name, known)
    cache = doc.cache
    if _EMPTY.search(html):
        return LaidChunk(name, None, first, 0, {})
    key = doc.key(html, name)
    hit = cache.get(key)
    if hit is not None:
        if name not in cache.laid_out and name not in cache.reused:
            cache.reused.append(name)
        path, laid = hit
    else:
        laid = doc.lay_out(html, name, _scratch(cache, key))
        path = _store(cache, (key, html, name), laid)
    anchors = {anchor: first + page - 1 for anchor, page in laid.anchors.items()}
    return LaidChunk(name, path, first, laid.pages, anchors, laid.padded, laid.page_names)


def printed(chunks: list[LaidChunk]) -> tuple[list[Path], bool]:
    """The chunk PDFs to assemble, and whether to drop the last page: the blank verso
    that ends the last chunk with pages has no chunk after it to separate."""
    kept = [c for c in chunks if c.path is not None and c.pages]
    return [c.path for c in kept if c.path is not None], bool(kept and kept[-1].padded)


def page_names(chunks: list[LaidChunk]) -> list[str]:
    """The CSS page name of every page of the assembled document, in order."""
    names = [name for chunk in chunks if chunk.path is not None for name in chunk.page_names]
    return names[:-1] if printed(chunks)[1] else names


def rendered(path: Path, chunks: list[LaidChunk]) -> RenderedPdf:
    """What :func:`generator.render.pdf.write` returns, for an assembled document."""
    anchors: dict[str, int] = {}
    for chunk in chunks:
        for anchor, page in chunk.anchors.items():
            anchors.setdefault(anchor, page)
    _paths, dropped = printed(chunks)
    return RenderedPdf(path, sum(c.pages for c in chunks) - dropped, anchors)
