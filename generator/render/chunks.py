"""Layout in chunks: front matter, each module, back matter, one WeasyPrint layout each.

A chunk is the document's own template rendered with ``chunk`` set to ``"front"``,
``"module-<id>"`` or ``"back"`` (the templates print only that part). Every chunk starts
on a right-hand page and ends after an even number of pages: an empty marker closes the
chunk with ``break-before: right`` (WeasyPrint adds the blank "Notes" verso when the
chunk ends on a right-hand page), and the page holding the marker is dropped before the
chunk is written. So a module's page count never depends on the modules before it.

Page numbers carry across chunks with ``@page :first { counter-reset: page N }``; links
and page references into another chunk become ``sf-chunk:<anchor>`` links printing a
plain number (``data-page``), which :mod:`generator.render.assemble` turns back into
internal links. Chunks are laid out in order, front matter first with provisional
numbers and again at the end when its numbers changed; references only point backwards
(a revisited case names the module that told it first) or into the front matter's
contents, so one pass over the modules suffices.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from urllib.parse import unquote

from ..errors import BuildError
from ..model.program import ProgramConfig
from .pdf import RenderedPdf, anchor_pages, layout

PARALLEL = True
"""Lay out uncached chunks two at a time when the last layout's numbers are known."""
SCHEME = "sf-chunk:"
ANCHORS = "anchors.json"
"""In a chunk cache folder: the last layout's anchor pages, the front matter's first guess."""
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


@dataclass
class ChunkCache:
    """Chunk PDFs kept between builds in ``folder``, keyed by a hash of the chunk's HTML,
    its first page number and the layout ``salt`` (code, styles, renderer versions).
    ``reused`` and ``laid_out`` name the chunks of the last document in order."""

    folder: Path
    salt: str = ""
    reused: list[str] = field(default_factory=list)
    laid_out: list[str] = field(default_factory=list)
    extra_notes: set[str] = field(default_factory=set)
    """Chunks that closed with a second notes page in the last layout (the first guess)."""

    def key(self, kind: str, html: str, first: int, base_url: Path | None = None) -> str:
        """A hash of what the chunk is made from: the salt, the document kind, its first
        page number, its HTML and the bytes of every local file the HTML refers to
        (``src``, ``href``) under ``base_url``, so a replaced image is laid out again.
        Only the front matter's key holds the build time (``dcterms.created``): the
        assembled file takes its metadata from the front matter alone."""
        digest = hashlib.sha256(f"{self.salt}\0{kind}\0{first}\0".encode())
        digest.update(_MOMENT.sub("", html).encode() if first > 1 else html.encode())
        if base_url is not None:
            for reference in sorted(set(_LOCAL.findall(html))):
                path = base_url / unquote(reference)
                digest.update(f"\0{reference}\0".encode())
                digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        return digest.hexdigest()[:32]

    def get(self, key: str) -> tuple[Path, int, dict[str, int], bool] | None:
        """(PDF, pages, anchors, padded) of a cached chunk, or None."""
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        try:
            facts = json.loads(meta.read_text(encoding="utf-8"))
            if not pdf.is_file():
                return None
            anchors = {str(k): int(v) for k, v in facts["anchors"].items()}
            return pdf, int(facts["pages"]), anchors, bool(facts["padded"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def last_layout(self) -> tuple[dict[str, int], dict[str, int]]:
        """The anchor pages and each chunk's first page in the last layout of this
        document ({} and {} when there was none)."""
        try:
            raw = json.loads((self.folder / ANCHORS).read_text(encoding="utf-8"))
            anchors = {str(k): int(v) for k, v in raw["anchors"].items()}
            self.extra_notes = {str(name) for name in raw.get("notes", [])}
            return anchors, {str(k): int(v) for k, v in raw["firsts"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}, {}

    def keep_layout(self, anchors: dict[str, int], chunks: list[LaidChunk]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        firsts = {c.name: c.first for c in chunks}
        notes = sorted(self.extra_notes)
        text = json.dumps({"anchors": anchors, "firsts": firsts, "notes": notes}, sort_keys=True)
        (self.folder / ANCHORS).write_text(text, "utf-8")

    def put(self, key: str, pdf: Path, pages: int, anchors: dict[str, int], padded: bool) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{key}.pdf"
        shutil.copyfile(pdf, target)
        meta = {"pages": pages, "anchors": anchors, "padded": padded}
        (self.folder / f"{key}.json").write_text(json.dumps(meta, sort_keys=True), "utf-8")
        return target


def chunk_names(module_ids: list[str]) -> list[str]:
    """The chunks of a document in order: front, one per module, back."""
    return ["front", *(f"module-{m}" for m in module_ids), "back"]


def localise(html: str, first: int, known: dict[str, int]) -> str:
    """The chunk's HTML made to stand alone: its first page numbered ``first``, a closing
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
        f"@page :first {{ counter-reset: page {first} }}"
        ".toc a[data-page]::after { content: leader('.') attr(data-page) }"
        "a.pageref[data-page]::after { content: attr(data-page) }"
        ".sf-chunk-end { break-before: right }"
        "</style>"
    )
    html = html.replace("</head>", style + "</head>", 1)
    return html.replace("</body>", '<div class="sf-chunk-end"></div></body>', 1)


def lay_out_chunk(
    html: str, kind: str, config: ProgramConfig, base_url: Path, first: int, target: Path
) -> tuple[int, dict[str, int], bool]:
    """Lay out one localised chunk and write it to ``target`` (tagged PDF/UA-1).
    Returns (pages, {anchor: printed page number}, whether the last page is a blank
    verso added by the closing marker)."""
    document = layout(html, kind, config, base_url)
    del document.pages[-1]  # the closing marker's page
    last = document.pages[-1]._page_box if document.pages else None
    padded = bool(last is not None and last.page_type.blank)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, pdf_variant="pdf/ua-1")
    anchors = {a: first + n - 1 for a, n in anchor_pages(document).items()}
    return len(document.pages), anchors, padded


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
    """Whether a chunk that would end on a blank verso gets a second notes page instead
    (the workbook: see ``layout_workbook`` in render/pdf.py)."""

    def page(self, name: str, first: int, known: dict[str, int]) -> str:
        """The chunk's localised HTML, with the second notes page as last guessed."""
        extra = self.fills_blanks and name in self.cache.extra_notes
        return localise(self.html(name, extra), first, known)

    def key(self, html: str, first: int) -> str:
        return self.cache.key(self.kind, html, first, self.base_url)

    def lay_out(self, html: str, first: int, target: Path) -> tuple[int, dict[str, int], bool]:
        return lay_out_chunk(html, self.kind, self.config, self.base_url, first, target)


def lay_out_document(names: list[str], doc: Chunking) -> list[LaidChunk]:
    """Lay out every chunk of a document in order (see the module docstring), reusing
    cached chunks; returns the chunks in document order. Raises BuildError when the
    contents pages never settle to one length."""
    cache = doc.cache
    cache.reused, cache.laid_out = [], []
    known, firsts = cache.last_layout()
    if PARALLEL and firsts:
        _ahead(names, doc, known, firsts)
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
            cache.keep_layout(known, laid)
            return laid
        cache.reused, cache.laid_out = [], []
    raise BuildError(f"the {doc.kind} PDF was not made: its contents pages do not settle")


def lay_out_job(
    html: str, kind: str, config: ProgramConfig, base_url: Path, first: int, target: Path
) -> tuple[int, dict[str, int], bool]:
    """:func:`lay_out_chunk` as a job for the second process (generator/worker.py)."""
    return lay_out_chunk(html, kind, config, base_url, first, target)


Job = tuple[str, str, int, str]
"""(cache key, localised HTML, first page number, chunk name)."""


def _ahead(names: list[str], doc: Chunking, known: dict[str, int], firsts: dict[str, int]) -> None:
    """Lay out, two at a time (here and in a second process), the chunks that are not
    cached, numbered as in the last layout. Where the numbers still hold, the ordered
    pass that follows finds them in the cache; where they do not, it lays that chunk
    out again, so a wrong guess costs time, never a wrong page number."""
    from ..worker import Worker

    jobs: list[Job] = []
    for name in names:
        if name not in firsts:
            continue
        html = doc.page(name, firsts[name], known)
        key = doc.key(html, firsts[name])
        if doc.cache.get(key) is None and not _EMPTY.search(html):
            jobs.append((key, html, firsts[name], name))
    if len(jobs) < 2:
        return
    worker = Worker()
    try:
        for mine, theirs in zip_longest(jobs[::2], jobs[1::2]):
            if theirs is not None:
                worker.call(
                    "generator.render.chunks:lay_out_job",
                    *(theirs[1], doc.kind, doc.config, doc.base_url, theirs[2]),
                    _scratch(doc.cache, theirs[0]),
                )
            _store(doc.cache, mine, *doc.lay_out(mine[1], mine[2], _scratch(doc.cache, mine[0])))
            if theirs is not None:
                _store(doc.cache, theirs, *worker.result())
    except BaseException:
        worker.close(abort=True)
        raise
    worker.close()


def _scratch(cache: ChunkCache, key: str) -> Path:
    return cache.folder / f".{key}.tmp.pdf"


def _store(cache: ChunkCache, job: Job, pages: int, anchors: dict[str, int], padded: bool) -> Path:
    """Move a laid-out chunk from its scratch file into the cache; returns its path."""
    scratch = _scratch(cache, job[0])
    path = cache.put(job[0], scratch, pages, anchors, padded)
    scratch.unlink(missing_ok=True)
    if job[3] in cache.reused:
        cache.reused.remove(job[3])
    if job[3] not in cache.laid_out:
        cache.laid_out.append(job[3])
    return path


def _one(name: str, doc: Chunking, first: int, known: dict[str, int]) -> LaidChunk:
    """One chunk, from the cache or laid out; in a document that fills blanks, a chunk that
    ends on a blank verso is made again with (or without) its second notes page."""
    chunk = _one_as_guessed(name, doc.page(name, first, known), doc, first)
    if doc.fills_blanks and chunk.padded and name.startswith("module-"):
        doc.cache.extra_notes ^= {name}
        again = _one_as_guessed(name, doc.page(name, first, known), doc, first)
        if not again.padded:
            return again
        doc.cache.extra_notes ^= {name}
    return chunk


def _one_as_guessed(name: str, html: str, doc: Chunking, first: int) -> LaidChunk:
    cache = doc.cache
    if _EMPTY.search(html):
        return LaidChunk(name, None, first, 0, {})
    key = doc.key(html, first)
    hit = cache.get(key)
    if hit is not None:
        if name not in cache.laid_out and name not in cache.reused:
            cache.reused.append(name)
        return LaidChunk(name, hit[0], first, hit[1], hit[2], hit[3])
    pages, anchors, padded = doc.lay_out(html, first, _scratch(cache, key))
    path = _store(cache, (key, html, first, name), pages, anchors, padded)
    return LaidChunk(name, path, first, pages, anchors, padded)


def printed(chunks: list[LaidChunk]) -> tuple[list[Path], bool]:
    """The chunk PDFs to assemble, and whether to drop the last page: the blank verso
    that ends the last chunk with pages has no chunk after it to separate."""
    kept = [c for c in chunks if c.path is not None and c.pages]
    return [c.path for c in kept if c.path is not None], bool(kept and kept[-1].padded)


def rendered(path: Path, chunks: list[LaidChunk]) -> RenderedPdf:
    """What :func:`generator.render.pdf.write` returns, for an assembled document."""
    anchors: dict[str, int] = {}
    for chunk in chunks:
        for anchor, page in chunk.anchors.items():
            anchors.setdefault(anchor, page)
    _paths, dropped = printed(chunks)
    return RenderedPdf(path, sum(c.pages for c in chunks) - dropped, anchors)
