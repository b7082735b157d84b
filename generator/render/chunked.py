"""The workbook and the facilitator guide laid out chunk by chunk and assembled.

:func:`chunked_workbook` and :func:`chunked_facilitator` take the arguments of
``render_workbook``/``render_facilitator`` (render/pdf.py) and return the same
:class:`RenderedPdf`. Chunk PDFs are kept in ``<target folder>/../.chunks`` of the
staging folder's parent when it has one (see :func:`chunk_folder`), so an unchanged
module is not laid out again in the next build.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..cache import package_fingerprint, user_cache_dir
from ..model import Program
from ..model.participant import ParticipantProgram
from .assemble import assemble
from .chunks import ChunkCache, chunk_names, lay_out_document, rendered
from .pdf import RenderedPdf, facilitator_html, workbook_html

LAST: dict[str, ChunkCache] = {}
"""Per document kind, the cache of its last layout (which chunks were reused)."""


def chunk_folder() -> Path:
    """Where chunk PDFs are kept: ``$SERVEFIRST_CHUNKS``, else ``chunks`` in the user
    cache folder (see :func:`generator.cache.user_cache_dir`)."""
    if os.environ.get("SERVEFIRST_CHUNKS"):
        return Path(os.environ["SERVEFIRST_CHUNKS"])
    return user_cache_dir() / "chunks"


def _cache() -> ChunkCache:
    return ChunkCache(chunk_folder(), package_fingerprint())


def chunked_workbook(view: ParticipantProgram, target: Path, base_url: Path) -> RenderedPdf:
    """The participant workbook, laid out in chunks and assembled at ``target``."""
    cache = _cache()
    salt = f"{base_url}"  # images are fetched relative to the program folder
    cache.salt += salt
    names = chunk_names([m.id for m in view.modules])
    chunks = lay_out_document(
        names,
        lambda name, _known: workbook_html(view, chunk=name),
        "workbook",
        view.config,
        base_url,
        cache,
    )
    LAST["workbook"] = cache
    assemble([c.path for c in chunks], target)
    return rendered(target, chunks)


def chunked_facilitator(
    program: Program,
    workbook_pages: dict[str, int],
    target: Path,
    slides: dict[str, list[tuple[int, int] | None]] | None = None,
) -> RenderedPdf:
    """The facilitator guide, laid out in chunks and assembled at ``target``."""
    cache = _cache()
    cache.salt += str(program.root)
    names = chunk_names([m.id for m in program.modules])
    chunks = lay_out_document(
        names,
        lambda name, _known: facilitator_html(program, workbook_pages, slides, chunk=name),
        "facilitator",
        program.config,
        program.root,
        cache,
    )
    LAST["facilitator"] = cache
    assemble([c.path for c in chunks], target)
    return rendered(target, chunks)
