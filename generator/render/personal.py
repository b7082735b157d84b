"""Personalised workbooks and certificates, laid out once and combined per person.

The workbook body is laid out a single time. All covers are laid out together in one
document (one page each), and so are all certificates; each person's workbook is then
their cover page plus the shared body pages, written as its own PDF. Links, bookmarks
and tags live on the page objects, so they survive the combination.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError
from ..file_names import EXTENSION, file_names
from ..model import Program
from ..model.participant import ParticipantProgram
from ..roster import Person
from .pdf import anchor_pages, layout, layout_workbook, render_html, write

if TYPE_CHECKING:
    from weasyprint import Document


@dataclass
class Personalised:
    workbooks: list[Path]
    certificates: list[Path]


def personalise(
    program: Program,
    view: ParticipantProgram,
    people: list[Person],
    out: Path,
    advance: Callable[[], None] = lambda: None,
) -> Personalised:
    """Write ``out/workbooks/<stem>.pdf`` and ``out/certificates/<stem>.pdf`` per person,
    with file stems from :func:`generator.file_names.file_names` (distinct, portable).
    Raises :class:`BuildError` when a cover or certificate does not fit on one page."""
    config, root = program.config, program.root
    body = layout_workbook(view, root)
    covers_html = render_html(
        "covers.html.j2",
        config,
        document_title=f"{config.title}: Participant workbook",
        document_subject=f"Participant workbook for {config.title}",
        kind_label="Participant workbook",
        body_class="workbook",
        name_line=True,
        people=people,
    )
    covers = layout(covers_html, "workbook", config, root)
    certificates = _certificates(program, people)
    if len(covers.pages) != len(people):
        raise BuildError(
            f"expected one cover per person ({len(people)}), laid out {len(covers.pages)}; "
            "a name may be too long for one page"
        )
    result = Personalised([], [])
    for index, stem in enumerate(file_names(p.name for p in people)):
        workbook = body.copy([covers.pages[index], *body.pages[1:]])
        result.workbooks.append(write(workbook, out / "workbooks" / f"{stem}{EXTENSION}").path)
        certificate = certificates.copy([certificates.pages[index]])
        result.certificates.append(
            write(certificate, out / "certificates" / f"{stem}{EXTENSION}").path
        )
        advance()
    return result


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
