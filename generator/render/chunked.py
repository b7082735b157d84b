"""The workbook and the facilitator guide laid out chunk by chunk and assembled.

:func:`chunked_workbook` and :func:`chunked_facilitator` take the arguments of
``render_workbook``/``render_facilitator`` (render/pdf.py) and return the same
:class:`RenderedPdf`. Chunk PDFs are kept in the user cache folder, one folder per program and
document (see :func:`chunk_folder`), so an unchanged module is not laid out again in the
next build.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from ..cache import package_fingerprint, user_cache_dir
from ..errors import BuildError
from ..model import Program
from ..model.participant import ParticipantProgram
from ..model.program import ProgramConfig
from ..worker import Worker
from . import pdf
from .assemble import assemble
from .chunks import (
    ANCHORS,
    ChunkCache,
    ChunkHtml,
    Chunking,
    LaidChunk,
    chunk_names,
    lay_out_document,
    page_names,
    printed,
    rendered,
)
from .page_numbers import write_stamp
from .pdf import RenderedPdf, facilitator_html, workbook_html

LAST: dict[str, ChunkCache] = {}
"""Per document kind, the cache of its last layout (which chunks were reused)."""


def chunk_folder() -> Path:
    """Where chunk PDFs are kept: ``$SERVEFIRST_CHUNKS``, else ``chunks`` in the user
    cache folder (see :func:`generator.cache.user_cache_dir`)."""
    if os.environ.get("SERVEFIRST_CHUNKS"):
        return Path(os.environ["SERVEFIRST_CHUNKS"])
    return user_cache_dir() / "chunks"


PROGRAMS_KEPT = 20
"""Chunk folders of this many program folders stay, the most recently built."""


def _cache(kind: str, root: Path) -> ChunkCache:
    """The chunk cache of one document of the program in folder ``root``: one folder
    per program and document, pruned to the last build's chunks by :func:`_prune`; the
    folders of programs not built for longest go when there are more than
    :data:`PROGRAMS_KEPT`."""
    program = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    folder = chunk_folder() / program
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(
            f"{chunk_folder()}: cannot keep laid-out chunks there ({exc.strerror}); set "
            "SERVEFIRST_CHUNKS (or SERVEFIRST_CACHE) to a folder you may write to"
        ) from exc
    os.utime(folder)  # most recently used
    with contextlib.suppress(OSError):
        others = sorted(
            (p for p in chunk_folder().iterdir() if p.is_dir()),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in others[PROGRAMS_KEPT:]:
            if old != folder and time.time() - old.stat().st_mtime > KEEP_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
    return ChunkCache(folder / kind, package_fingerprint() + str(root))


KEEP_SECONDS = 600
"""Unused chunks younger than this stay: another build of the same program, into another
folder, may be using them right now."""


def _prune(cache: ChunkCache, chunks: list[LaidChunk], keep: set[str]) -> None:
    """Delete the chunks this build did not use (and files not named in ``keep``), so the
    folder holds about one document."""
    used = {c.path.stem for c in chunks if c.path is not None} | {Path(k).stem for k in keep}
    now = time.time()
    for path in cache.folder.glob("*"):
        if path.stem in used or path.name == ANCHORS:
            continue
        with contextlib.suppress(OSError):  # gone already: another build pruned it
            if now - path.stat().st_mtime > KEEP_SECONDS:
                path.unlink()


def chunked_workbook(
    view: ParticipantProgram,
    target: Path,
    base_url: Path,
    worker: Worker | None = None,
    parallel: bool = True,
) -> RenderedPdf:
    """The participant workbook, laid out in chunks and assembled at ``target``;
    ``worker``, an idle second process to share the layout with; ``parallel`` False:
    no second process at all (``--jobs 1``)."""

    def html(name: str, spare_notes: bool) -> str:
        module = name.removeprefix("module-")
        return workbook_html(view, {module: 2} if spare_notes else None, chunk=name)

    modules = [m.id for m in view.modules]
    return _document(
        "workbook", modules, view.config, base_url, html, target, True, worker, parallel
    )


def chunked_facilitator(
    program: Program,
    workbook_pages: dict[str, int],
    target: Path,
    slides: dict[str, list[tuple[int, int] | None]] | None = None,
    parallel: bool = True,
    worker: Worker | None = None,
) -> RenderedPdf:
    """The facilitator guide, laid out in chunks and assembled at ``target``; ``worker``,
    the build's second process (busy with the slides and the site at first)."""

    def html(name: str, spare_notes: bool) -> str:
        return facilitator_html(program, workbook_pages, slides, chunk=name)

    modules = [m.id for m in program.modules]
    config, root = program.config, program.root
    return _document(
        "facilitator", modules, config, root, html, target, worker=worker, parallel=parallel
    )


def _document(
    kind: str,
    modules: list[str],
    config: ProgramConfig,
    root: Path,
    html: ChunkHtml,
    target: Path,
    fills_blanks: bool = False,
    worker: Worker | None = None,
    parallel: bool = True,
) -> RenderedPdf:
    cache = _cache(kind, root)
    # Each chunk's HTML is asked for more than once (laid out ahead, then in order).
    doc = Chunking(kind, config, root, cache, functools.cache(html), fills_blanks)
    chunks = lay_out_document(chunk_names(modules), doc, worker, parallel)
    LAST[kind] = cache
    paths, drop = printed(chunks)
    names = page_names(chunks)
    stamp, stamped = _stamp(cache, names, kind, config, root, worker)
    _prune(cache, chunks, keep={stamp.name})
    assemble(paths, target, drop, (stamped, names), pdf._moment())
    return rendered(target, chunks)


def _stamp(
    cache: ChunkCache,
    names: list[str],
    kind: str,
    config: ProgramConfig,
    root: Path,
    worker: Worker | None = None,
) -> tuple[Path, Callable[[], Path]]:
    """The page-number stamp of a document whose pages have these CSS page ``names``, from
    the cache when a build made the same one (it depends on nothing else): its path, and
    a function that returns it once it is written. A ``worker`` with no long job pending
    lays it out while this process assembles the chunks; else this process lays it out
    when the function is called."""
    digest = hashlib.sha256(f"{cache.salt}\0{kind}\0{config.model_dump_json()}".encode())
    digest.update("\0".join(names).encode())
    path = cache.folder / f"stamp-{digest.hexdigest()[:32]}.pdf"
    if path.is_file():
        return path, lambda: path
    scratch = cache.folder / f".{path.name}.{os.getpid()}.tmp"
    job = (names, kind, config, root, scratch)
    if worker is not None and not worker.busy():
        ticket = worker.call(f"{write_stamp.__module__}:write_stamp", *job)
        wait: Callable[[], object] = functools.partial(worker.answer, ticket)
    else:
        wait = functools.partial(write_stamp, *job)

    def written() -> Path:
        try:
            wait()
            scratch.replace(path)
        finally:
            scratch.unlink(missing_ok=True)
        return path

    return path, written
