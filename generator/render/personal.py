"""Personalised workbooks and certificates, laid out once and combined per person.

The workbook body is laid out a single time. All covers are laid out together in one
document (one page each), and so are all certificates; each person's workbook is then
their cover page plus the shared body pages, written as its own PDF. Links, bookmarks
and tags live on the page objects, so they survive the combination.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError, Problem, ServeFirstError, display_path
from ..model import Program
from ..model.participant import ParticipantProgram
from .pdf import layout, render_html, workbook_html, write

MAX_NAME = 120


@dataclass(frozen=True)
class Person:
    name: str
    cohort: str
    dates: str
    line: int


@dataclass
class Personalised:
    workbooks: list[Path]
    certificates: list[Path]


def read_roster(path: Path, root: Path | None = None) -> tuple[list[Person], list[Problem]]:
    """Read a CSV roster with a ``name`` column (and optional ``cohort``, ``dates``)."""
    shown = display_path(path, root)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ServeFirstError(
            f"{shown}: the roster is not UTF-8 text; save it as UTF-8 CSV"
        ) from exc
    except OSError as exc:
        raise ServeFirstError(f"{shown}: cannot read the roster: {exc.strerror}") from exc
    reader = csv.reader(text.splitlines())
    header = [h.strip().lower() for h in next(reader, [])]
    if "name" not in header:
        raise ServeFirstError(
            f"{shown}:1: the roster needs a 'name' column; its columns are: {', '.join(header) or 'none'}"
        )
    people: list[Person] = []
    problems: list[Problem] = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(
                Problem(
                    shown,
                    line,
                    "",
                    f"{len(row)} values but {len(header)} columns; quote values that contain commas",
                )
            )
            continue
        values = dict(zip(header, (cell.strip() for cell in row), strict=False))
        name = values.get("name", "")
        if not name:
            problems.append(Problem(shown, line, "name", "empty; the row is skipped"))
        elif len(name) > MAX_NAME or any(unicodedata.category(c) == "Cc" for c in name):
            problems.append(
                Problem(shown, line, "name", f"not a printable name of up to {MAX_NAME} characters")
            )
        else:
            people.append(Person(name, values.get("cohort", ""), values.get("dates", ""), line))
    return people, problems


def file_names(people: list[Person]) -> list[str]:
    """Readable, unique, ASCII file names: 'Zoë O'Brien' -> 'zoe-obrien'."""
    names: list[str] = []
    for person in people:
        ascii_name = unicodedata.normalize("NFKD", person.name).encode("ascii", "ignore").decode()
        slug = (
            re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")
            or "participant"
        )
        candidate, n = slug, 2
        while candidate in names:
            candidate, n = f"{slug}-{n}", n + 1
        names.append(candidate)
    return names


def personalise(
    program: Program,
    view: ParticipantProgram,
    people: list[Person],
    out: Path,
    advance: Callable[[], None] = lambda: None,
) -> Personalised:
    config, root = program.config, program.root
    body = layout(workbook_html(view), "workbook", config, root)
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
    teaching = sum(m.duration for m in program.modules)
    certificates_html = render_html(
        "certificates.html.j2",
        config,
        document_title=f"{config.title}: Certificates of completion",
        document_subject=f"Certificates of completion for {config.title}",
        body_class="certificates",
        people=people,
        hours=_hours(teaching),
        modules=[m.title for m in program.modules],
    )
    certificates = layout(certificates_html, "certificate", config, root)
    if len(covers.pages) != len(people) or len(certificates.pages) != len(people):
        raise BuildError(
            f"expected one cover and one certificate per person ({len(people)}), laid out "
            f"{len(covers.pages)} covers and {len(certificates.pages)} certificates; "
            "a name may be too long for one page"
        )
    result = Personalised([], [])
    for index, name in enumerate(file_names(people)):
        workbook = body.copy([covers.pages[index], *body.pages[1:]])
        result.workbooks.append(write(workbook, out / "workbooks" / f"{name}.pdf").path)
        certificate = certificates.copy([certificates.pages[index]])
        result.certificates.append(write(certificate, out / "certificates" / f"{name}.pdf").path)
        advance()
    return result


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{hours} h {rest} min"
