"""Laying out chunks ahead of the ordered pass, two at a time: here and in a second process.

The ordered pass of :func:`generator.render.chunks.lay_out_document` lays out the chunks
one after another, each with the page numbers of the chunks before it. Most chunks do not
need them: a chunk whose references to other chunks are all known can be laid out at
once, by either process, and the ordered pass then finds it in the cache. This goes in
waves. Each wave follows the ordered pass as far as the cache allows, so the page
numbers of every chunk found there are known exactly; it then lays out every chunk that
is not cached and whose references are known (exactly, or from the last layout). Where a
guess from the last layout no longer holds, the ordered pass lays that chunk out again:
a wrong guess costs time, never a wrong page number. Waves end when fewer than two chunks
are ready; the ordered pass does the rest.

In a first build of the default program the first wave lays out the front matter (with
provisional numbers) and the modules that revisit nothing, the second the modules that
revisit a case told in the first wave's modules.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from ..model.program import ProgramConfig
from ..worker import Worker
from .chunks import (
    _EMPTY,
    Chunking,
    Job,
    Laid,
    _scratch,
    _scratch_in,
    _spare,
    _store,
    lay_out_chunk,
)

QUEUED = 2
"""Jobs kept queued in the second process: it starts the next as soon as one is done."""


def lay_out_ahead(
    names: list[str], doc: Chunking, known: dict[str, int], pool: Worker | None
) -> None:
    """Lay out, in waves (see the module docstring), the chunks of ``names`` whose
    references are known; ``known``: the last layout's page of every anchor. ``pool``,
    the build's second process, may be busy with other work (the slides, the site) at
    first: it joins in when that is done. Without one, a second process is started when
    a wave has two chunks or more."""
    worker, started = pool, False
    done: set[str] = set()  # keys laid out here: never twice, even if the cache fails
    try:
        while len(jobs := ready(names, doc, known, done)) > 1:
            if worker is None:
                worker, started = Worker(), True
            done.update(job[0] for job in jobs)
            _wave(jobs, doc, worker)
    except BaseException:
        if started and worker is not None:
            worker.close(abort=True)
        raise
    if started and worker is not None:
        worker.close()


def ready(
    names: list[str], doc: Chunking, last: dict[str, int], done: set[str] | None = None
) -> deque[Job]:
    """The chunks to lay out next: not cached, not in ``done`` (cache keys), and no
    reference unknown. The page numbers are the last layout's (``last``), updated as the
    ordered pass would update them through the chunks found in the cache, up to the
    first that is not."""
    known, first, exact = dict(last), 1, True
    jobs: deque[Job] = deque()
    for name in names:
        html = doc.page(name, known)
        if _EMPTY.search(html):
            continue
        key = doc.key(html, name)
        hit = doc.cache.get(key)
        if hit is not None:
            if exact:
                known.update({a: first + page - 1 for a, page in hit[1].anchors.items()})
                first += hit[1].pages
            continue
        exact = False
        # The front matter is laid out first with unknown numbers ("?"): that layout
        # only gives its page count, so it can go ahead too.
        if key not in (done or ()) and (name == "front" or 'data-page="?"' not in html):
            jobs.append((key, html, name))
    return jobs


def _wave(jobs: deque[Job], doc: Chunking, worker: Worker) -> None:
    """Lay out ``jobs``: this process from the front, ``worker`` from the back. The
    worker gets chunks only when no long job of its own is pending (the slides may take
    longer than the whole document), and never more than half of those left, so
    neither process waits long for the other at the end."""
    given: list[tuple[int, Job]] = []

    def free() -> bool:
        if worker.busy():
            return False
        ours = sum(ticket >= worker.read for ticket, _ in given)
        return ours < min(QUEUED, len(jobs) // 2)

    while jobs:
        while len(jobs) > 1 and free():
            job = jobs.pop()
            ticket = worker.call(
                f"{__name__}:lay_out_job",
                *(job, doc.kind, doc.config, doc.base_url, doc.cache.folder),
                *(doc.fills_blanks, doc.cache.owner),
            )
            given.append((ticket, job))
        job = jobs.popleft()
        _store(doc.cache, job, doc.lay_out(job[1], job[2], _scratch(doc.cache, job[0])))
    for ticket, job in given:
        _store(doc.cache, job, worker.answer(ticket))


def lay_out_job(
    job: Job,
    kind: str,
    config: ProgramConfig,
    base_url: Path,
    folder: Path,
    fills_blanks: bool,
    owner: int,
) -> Laid:
    """:func:`lay_out_chunk` as a job for the second process (generator/worker.py): the
    chunk is written to its scratch file in the cache ``folder``."""
    key, html, name = job
    scratch = _scratch_in(folder, key, owner)
    return lay_out_chunk(html, kind, config, base_url, scratch, _spare(fills_blanks, name))
