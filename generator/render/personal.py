"""Personalised workbooks and certificates: the shared body written once, a page per person.

The workbook body is laid out a single time. People are taken in batches of
:data:`BATCH`: a batch's covers are laid out together in one document (one page each),
and so are its certificates, and each is written once as a tagged PDF. The first batch
also writes the shared files: the workbook with a cover, and one certificate. Each
person's workbook and certificate are then those shared files with the one varying page
swapped for the person's own (:mod:`generator.render.variable_data`), which costs a few
hundredths of a second a person; a page whose tagged structure differs from the shared
one (a name that wraps, say) is written in full instead. Memory is bounded by the body
and one batch, whatever the roster's length.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError
from ..file_names import EXTENSION, file_names
from ..model import Program
from ..model.participant import ParticipantProgram
from ..roster import Person
from ..worker import Worker
from .pdf import anchor_pages, layout, layout_workbook, render_html, write
from .variable_data import SharedPdf, open_pages

if TYPE_CHECKING:
    from weasyprint import Document

BATCH = 100
"""People whose covers and certificates are laid out together: bounds memory."""


@dataclass
class Personalised:
    workbooks: list[Path]
    certificates: list[Path]
    written_in_full: int = field(default=0)
    """Files that could not take the shared file's structure and were written whole."""

    def add(self, other: Personalised) -> None:
        self.workbooks += other.workbooks
        self.certificates += other.certificates
        self.written_in_full += other.written_in_full


def personalise(
    program: Program,
    view: ParticipantProgram,
    people: list[Person],
    out: Path,
    advance: Callable[[], None] = lambda: None,
    stems: Sequence[str] | None = None,
    jobs: int = 1,
) -> Personalised:
    """Write ``out/workbooks/<stem>.pdf`` and ``out/certificates/<stem>.pdf`` per person.

    ``stems`` are the file names without extension, one per person; by default they come
    from :func:`generator.file_names.file_names` (distinct, portable). ``advance`` is
    called once per person. With ``jobs`` > 1 and more than one batch, a second process
    takes every other batch. Raises :class:`BuildError` when a cover or certificate does
    not fit on one page, or a file cannot be written."""
    names = list(stems) if stems is not None else file_names(p.name for p in people)
    result = Personalised([], [])
    if not people:
        return result
    body = layout_workbook(view, program.root)
    with tempfile.TemporaryDirectory(prefix="servefirst-personal-") as temporary:
        work = Path(temporary)
        # The shared files carry a stand-in person, so their fonts hold nobody's name.
        first = people[0]
        stand_in = [Person("X", "X" if first.cohort else "", "X" if first.dates else "", 0)]
        try:
            certificate = _certificates(program, stand_in)
        except BuildError:  # nobody's fits then: name the first person's roster line
            _certificates(program, people[:1])
            raise
        cover = _covers(program, stand_in)
        shared = (
            write(body.copy([cover.pages[0], *body.pages[1:]]), work / "workbook.pdf").path,
            write(certificate, work / "certificate.pdf").path,
        )
        batches = [
            (people[i : i + BATCH], names[i : i + BATCH]) for i in range(0, len(people), BATCH)
        ]
        worker = Worker() if jobs > 1 and len(batches) > 1 else None
        finished = False
        try:
            if worker is not None:  # every other batch, from the second on, in one call
                worker.call(f"{__name__}:_batches", program, view, batches[1::2], out, shared)
            for batch, stems_ in batches[:: 2 if worker else 1]:
                result.add(_batch(program, view, batch, stems_, out, shared, advance, body))
            if worker is not None:
                done: Personalised = worker.result()
                result.add(done)
                for _person in done.workbooks:
                    advance()
            finished = True
        finally:
            if worker is not None:
                worker.close(abort=not finished)
    order = {name: index for index, name in enumerate(names)}
    result.workbooks.sort(key=lambda path: order[path.stem])
    result.certificates.sort(key=lambda path: order[path.stem])
    return result


def _batches(
    program: Program,
    view: ParticipantProgram,
    batches: list[tuple[list[Person], list[str]]],
    out: Path,
    shared: tuple[Path, Path],
) -> Personalised:
    """Several batches in turn (the second process's share), as one result."""
    result = Personalised([], [])
    for people, stems in batches:
        result.add(_batch(program, view, people, stems, out, shared))
    return result


def _batch(
    program: Program,
    view: ParticipantProgram,
    people: list[Person],
    stems: list[str],
    out: Path,
    shared: tuple[Path, Path],
    advance: Callable[[], None] = lambda: None,
    body: Document | None = None,
) -> Personalised:
    """One batch: lay out its covers and certificates, write each person's page alone
    (so a file's fonts hold only its own person's characters) and swap it into the
    shared files. A page that cannot be swapped is written in full (``body`` is laid
    out then, if not given)."""
    result = Personalised([], [])
    certificates = _certificates(program, people)  # names the roster line that overflows
    covers = _covers(program, people)
    workbook_pdf, certificate_pdf = SharedPdf(shared[0]), SharedPdf(shared[1])
    with tempfile.TemporaryDirectory(prefix="servefirst-page-") as temporary:
        page = Path(temporary) / "page.pdf"
        try:
            for index, stem in enumerate(stems):
                workbook = out / "workbooks" / f"{stem}{EXTENSION}"
                own = open_pages(write(covers.copy([covers.pages[index]]), page).path)
                swapped = workbook_pdf.save_with_page(own, 0, workbook)
                own.close()
                if not swapped:
                    if body is None:
                        body = layout_workbook(view, program.root)
                    write(body.copy([covers.pages[index], *body.pages[1:]]), workbook)
                    result.written_in_full += 1
                certificate = out / "certificates" / f"{stem}{EXTENSION}"
                one = write(certificates.copy([certificates.pages[index]]), page)
                own = open_pages(one.path)
                swapped = certificate_pdf.save_with_page(own, 0, certificate)
                own.close()
                if not swapped:
                    page.replace(certificate)
                    result.written_in_full += 1
                result.workbooks.append(workbook)
                result.certificates.append(certificate)
                advance()
        finally:
            workbook_pdf.close()
            certificate_pdf.close()
    return result


def _covers(program: Program, people: list[Person]) -> Document:
    """All covers of ``people``, one page each. Raises :class:`BuildError` when a cover
    runs over one page."""
    config = program.config
    html = render_html(
        "covers.html.j2",
        config,
        document_title=f"{config.title}: Participant workbook",
        document_subject=f"Participant workbook for {config.title}",
        kind_label="Participant workbook",
        body_class="workbook",
        name_line=True,
        people=people,
    )
    covers = layout(html, "workbook", config, program.root)
    if len(covers.pages) != len(people):
        raise BuildError(
            f"expected one cover per person ({len(people)}), laid out {len(covers.pages)}; "
            "a name may be too long for one page"
        )
    return covers


SIZES = ("", "long", "longer", "longest", "tight")
"""Certificate size classes, from the name at full size to the smallest type and spacing."""


def _certificates(program: Program, people: list[Person]) -> Document:
    """All certificates, one page each: a name starts at the size its width suggests and
    steps down a size while its certificate runs over one page. Raises
    :class:`BuildError` naming the roster line when even the smallest size does not fit."""
    config = program.config
    sizes = [_first_size(p.name) for p in people]
    while True:
        html = render_html(
            "certificates.html.j2",
            config,
            document_title=f"{config.title}: Certificates of completion",
            document_subject=f"Certificates of completion for {config.title}",
            body_class="certificates",
            people=people,
            sizes=[SIZES[size] for size in sizes],
            hours=sum(m.duration for m in program.modules) // 60,
            minutes=sum(m.duration for m in program.modules) % 60,
            modules=[m.title for m in program.modules],
        )
        document = layout(html, "certificate", config, program.root)
        starts = anchor_pages(document)
        firsts = [starts.get(f"certificate-{i}", 0) for i in range(len(people))]
        overflowing = [
            i
            for i, first in enumerate(firsts)
            if (firsts[i + 1] if i + 1 < len(people) else len(document.pages) + 1) - first != 1
        ]
        if not overflowing:
            return document
        for index in overflowing:
            if sizes[index] == len(SIZES) - 1:
                person = people[index]
                raise BuildError(
                    f"roster line {person.line}: the certificate of {person.name} runs over "
                    "one page even in the smallest type; shorten the name, cohort or dates, "
                    "or the program's title and subtitle"
                )
            sizes[index] += 1


def _first_size(name: str) -> int:
    """The size class to try first, by printed width (a wide East Asian character counts
    as two): an index into :data:`SIZES`."""
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in name)
    for size, limit in enumerate((36, 60, 100)):
        if width <= limit:
            return size
    return 3
