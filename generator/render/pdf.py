"""The two printed documents: the participant workbook and the facilitator guide.

Each is a Jinja template rendered to HTML, laid out by WeasyPrint with a print
stylesheet of its own (never the site's CSS). The workbook is laid out first so the
facilitator guide can quote its real page numbers ("Workbook p. 14").
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from jinja2 import Environment

from .. import i18n
from ..errors import BuildError
from ..follow_up import CHECKPOINTS, outcome_statements
from ..materials import totals
from ..materials.catalogue import display_name
from ..materials.horizons import due_date, workshop_date
from ..model import Program, Source
from ..model.participant import ParticipantProgram
from ..model.program import ProgramConfig
from ..revisits import first_use, revisit_questions
from ..running_late import running_late
from ..schedule import build_agenda
from . import logistics, typography, worksheet_layout
from .markup import environment

if TYPE_CHECKING:
    from weasyprint import Document

    from ..worker import Worker

STYLES = files("generator") / "styles"
PRESS_OPTIONS = {"pdf_variant": "pdf/x-4", "output_intent": "srgb"}
"""WeasyPrint's options for press output: PDF/X-4, its bundled sRGB profile as output intent."""
PAGE_SIZES = {"A4": ("A4", "297mm"), "letter": ("letter", "279.4mm")}


@dataclass(frozen=True)
class TocEntry:
    title: str
    anchor: str
    level: int
    translate: bool = True
    """A fixed label, printed in the program's language; a title from content is not:
    gettext would read its ``%`` as a format."""


@dataclass(frozen=True)
class RenderedPdf:
    path: Path
    pages: int
    anchors: dict[str, int]
    """Page number (1-based) of every element id in the document."""


def workbook_html(
    view: ParticipantProgram,
    notes_pages: dict[str, int] | None = None,
    chunk: str | None = None,
) -> str:
    """The participant workbook as HTML. Takes only the participant view; ``notes_pages``
    gives a module more than its one notes page (module id -> pages); ``chunk``
    ("front", "module-<id>", "back") prints only that part (see render/chunks.py)."""
    agenda = build_agenda(view.config, view.modules)
    sources = all_sources([*view.modules, *(c for m in view.modules for c in m.cases)])
    toc = [TocEntry("The day at a glance", "agenda", 1)]
    toc += [TocEntry(m.title, f"module-{m.id}", 1, translate=False) for m in view.modules]
    if any(m.takeaways for m in view.modules):  # the job aid, partials/job-aid.html.j2
        toc.append(TocEntry("The day on a card", "day-on-a-card", 1))
    if sources:  # no heading, page or contents entry for an empty section
        toc.append(TocEntry("Sources", "sources", 1))
    return render_html(
        "workbook.html.j2",
        view.config,
        document_title=f"{view.config.title}: Participant workbook",
        document_subject=f"Participant workbook for {view.config.title}",
        kind_label="Participant workbook",
        body_class="workbook",
        name_line=True,
        view=view,
        agenda=agenda,
        slots={s.module_id: s for s in agenda.slots if s.module_id},
        first_module_of_case=_first_use(view),
        follow_up=view.follow_up,
        checkpoints=CHECKPOINTS,
        toc=toc,
        sources=sources,
        notes_pages=notes_pages or {},
        chunk=chunk,
    )


def layout_workbook(view: ParticipantProgram, base_url: Path, **options: Any) -> Document:
    """The workbook laid out. Each module starts on a right-hand page; where that would
    leave a left-hand page blank after a module's notes page, the module gets a second
    notes page instead (ruled like the first), so no page of the workbook is empty. The
    second layout changes nothing before those pages, so it needs no third. ``options``
    go to :func:`layout` (the press files' extra CSS)."""
    document = layout(workbook_html(view), "workbook", view.config, base_url, **options)
    extra = _notes_for_blanks(view, anchor_pages(document))
    if extra:
        html = workbook_html(view, extra)
        document = layout(html, "workbook", view.config, base_url, **options)
    return document


def _notes_for_blanks(view: ParticipantProgram, pages: dict[str, int]) -> dict[str, int]:
    """Module id -> notes pages (2) for each module followed by a blank page."""
    ids = [m.id for m in view.modules]
    following = [f"module-{i}" for i in ids[1:]] + ["back-matter"]
    extra: dict[str, int] = {}
    for module_id, after in zip(ids, following, strict=True):
        notes = pages.get(f"{module_id}--notes")
        start = pages.get(after)
        if notes is not None and start is not None and start - notes == 2:
            extra[module_id] = 2
    return extra


def _first_use(view: ParticipantProgram) -> dict[str, str]:
    """Case id -> the module that tells its story first; later modules refer back."""
    first: dict[str, str] = {}
    for module in view.modules:
        for case in module.cases:
            first.setdefault(case.id, module.id)
    return first


def facilitator_html(
    program: Program,
    workbook_pages: dict[str, int],
    slides: dict[str, list[tuple[int, int] | None]] | None = None,
    chunk: str | None = None,
) -> str:
    """The facilitator guide as HTML, with page references into the workbook and, given
    ``slides`` (module id -> each segment's first and last slide), "Slide N" beside each
    segment. ``chunk`` prints only that part (see render/chunks.py)."""
    agenda = build_agenda(program.config, program.modules)
    materials = totals.materials(program)
    late = running_late(program, agenda)
    sources = all_sources(
        [*program.modules, *(c for m in program.modules for c in program.cases_of(m))]
    )
    # No heading, page or contents entry for a section with nothing in it.
    toc = [
        TocEntry("The day at a glance", "agenda", 1),
        TocEntry("Preparation checklist", "preparation", 1),
        *([TocEntry("Materials", "materials", 1)] if materials else []),
        TocEntry("Room set-up", "room", 1),
        *([TocEntry("If you are running late", "running-late", 1)] if late else []),
    ]
    toc += [TocEntry(m.title, f"module-{m.id}", 1, translate=False) for m in program.modules]
    toc.append(TocEntry("Appendix: end-of-day evaluation", "evaluation", 1))
    if sources:
        toc.append(TocEntry("Sources", "sources", 1))

    def names(uses: Iterable[Any]) -> list[str]:
        return list(dict.fromkeys(display_name(use, program.catalogue) for use in uses))

    module_materials = {
        m.id: names(use for seg in m.segments for use in seg.materials) for m in program.modules
    }
    return render_html(
        "facilitator.html.j2",
        program.config,
        document_title=f"{program.config.title}: Facilitator guide",
        document_subject=f"Facilitator guide for {program.config.title}",
        kind_label="Facilitator guide",
        body_class="facilitator",
        name_line=False,
        program=program,
        agenda=agenda,
        toc=toc,
        workbook_pages=workbook_pages,
        online=program.config.delivery == "virtual",
        horizons=logistics.HORIZONS,
        prep=logistics.preparation(program, i18n.gettext(program.config.language)),
        materials=materials,
        material_groups=totals.by_kind(materials),
        kind_labels=totals.KIND_LABELS,
        per_labels=totals.PER_LABELS,
        due=_due_dates(program.config),
        material_names=names,
        formats=logistics.formats_used(program),
        module_materials=module_materials,
        slides=slides or {},
        case_first=first_use(program.modules),
        running_late=late,
        case_asked=revisit_questions(program.modules),
        debrief_notes={m.id: _debrief_notes(m.segments) for m in program.modules},
        reaction=REACTION_ITEMS,
        learning=_learning_items(program),
        open_questions=OPEN_QUESTIONS,
        sources=sources,
        chunk=chunk,
    )


def _due_dates(config: ProgramConfig) -> dict[str, str]:
    """Horizon -> its calendar date, when the program's ``date`` is an ISO date."""
    day = workshop_date(config.date)
    if day is None:
        return {}
    return {
        horizon: i18n.long_date(datetime(*due_date(horizon, day).timetuple()[:3]), config.language)
        for horizon in logistics.HORIZONS
    }


def _learning_items(program: Program) -> list[str]:
    """The end-of-day self-ratings ("I can now..."): see :func:`outcome_statements`."""
    return outcome_statements(program)


def _debrief_notes(segments: Iterable[Any]) -> dict[str, str]:
    """A module's debrief questions (whitespace normalised) -> what to listen for, so a
    revisited case's own questions print with the notes the segment gives them."""
    return {
        " ".join(d.question.split()): d.listen_for
        for seg in segments
        for d in seg.facilitator.debrief
        if d.listen_for
    }


REACTION_ITEMS = [
    "The day was relevant to my work.",
    "The activities helped me practise, not only listen.",
    "The facilitator kept the day clear and well paced.",
    "I would recommend this workshop to a colleague.",
]
OPEN_QUESTIONS = [
    "The most useful part of the day for me was...",
    "One thing I would change about the day is...",
    "The first thing I will do differently at work is...",
]


def render_html(template: str, config: ProgramConfig, **context: Any) -> str:
    """A print template as HTML, with the program, its edition date, worksheet layout
    (:func:`worksheet_layout.plan_table`) and list punctuation in its language."""
    env = _environment(config.language)
    moment = _moment()
    return env.get_template(template).render(
        config=config,
        created=moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        edition_date=i18n.long_date(moment, config.language),
        logo=config.branding.logo,
        plan_table=worksheet_layout.plan_table,
        notes_lines=worksheet_layout.notes_lines(config.paper),
        **context,
    )


@functools.cache
def _environment(language: str) -> Environment:
    """The print templates' Jinja environment for ``language``, made once per process:
    each chunk of a document renders the same template (compiled once here)."""
    env = environment("pdf", language)
    # The running header's share of the narrower text column (print-base.css: 72 %).
    env.filters["running"] = lambda title: typography.shortened(title, 0.72 * 0.92 * 170)
    env.filters["listed"] = lambda names: typography.joined(
        [typography.in_sentence(n) for n in names], language
    )
    return env


class _HasSources(Protocol):
    @property
    def sources(self) -> Sequence[Source]: ...


def all_sources(items: Iterable[_HasSources]) -> list[Source]:
    """Every source of the given modules and cases, once each, sorted by author."""
    seen: dict[tuple[str | None, str], Source] = {}
    for item in items:
        for source in item.sources:
            seen.setdefault((source.author, source.title), source)
    return sorted(seen.values(), key=lambda s: ((s.author or s.title).lower(), s.year or 0))


def _moment() -> datetime:
    """A fixed time when SOURCE_DATE_EPOCH is set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)


def theme_css(config: ProgramConfig, landscape: bool = False) -> str:
    """The only program-dependent CSS: paper size, cover height and brand colour."""
    size, height = PAGE_SIZES[config.paper]
    notes = i18n.gettext(config.language)("Notes").replace('"', "")
    return (
        f":root {{ --brand: {config.branding.colour}; }}\n"
        f'@page :blank {{ @top-center {{ content: "{notes}"; }} }}\n'
        f"@page {{ size: {size}{' landscape' if landscape else ''}; }}\n"
        f"@page landscape {{ size: {size} landscape; }}\n"
        f".cover {{ height: {height}; }}\n"
    )


def layout(
    html: str,
    kind: str,
    config: ProgramConfig,
    base_url: Path,
    *,
    extra_css: str = "",
    press: bool = False,
) -> Document:
    """Lay out HTML with the shared and the document's own stylesheet, then
    ``extra_css``. ``press``: to be written as PDF/X (render/press.py), which
    WeasyPrint needs to know at layout already."""
    from weasyprint import CSS, HTML

    from .fetcher import LocalFetcher, refusals_reported

    fetcher = LocalFetcher([base_url])
    with as_file(STYLES) as styles, refusals_reported(kind):
        sheets = [
            CSS(filename=str(styles / "print-base.css"), url_fetcher=fetcher),
            CSS(filename=str(styles / f"{kind}.css"), url_fetcher=fetcher),
            CSS(string=theme_css(config, landscape=kind == "certificate")),
            *([CSS(string=extra_css)] if extra_css else []),
        ]
        document = HTML(string=html, base_url=str(base_url) + "/", url_fetcher=fetcher).render(
            stylesheets=sheets, **(PRESS_OPTIONS if press else {})
        )
    return document


def write(document: Document, target: Path) -> RenderedPdf:
    """Write atomically: a temporary file in the same folder, then a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        # PDF/UA-1: tagged, with the identification and metadata screen readers rely on.
        document.write_pdf(temporary, pdf_variant="pdf/ua-1")
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BuildError(f"cannot write {target}: {exc.strerror}") from exc
    return RenderedPdf(target, len(document.pages), anchor_pages(document))


def anchor_pages(document: Document) -> dict[str, int]:
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


CHUNKED = True
"""Lay the two documents out in chunks (render/chunked.py); False: in one pass. Both give
the same pages (tests/render/test_chunks.py); the press files are laid out in one pass."""


def render_workbook(
    view: ParticipantProgram,
    target: Path,
    base_url: Path,
    worker: Worker | None = None,
    parallel: bool = True,
) -> RenderedPdf:
    """Lay out and write the participant workbook at ``target`` (tagged PDF/UA-1);
    ``worker``: an idle second process (generator/worker.py) to share the layout with;
    ``parallel`` False: no second process (``--jobs 1``)."""
    if CHUNKED:
        from .chunked import chunked_workbook

        return chunked_workbook(view, target, base_url, worker, parallel)
    return write(layout_workbook(view, base_url), target)


def render_facilitator(
    program: Program,
    workbook_pages: dict[str, int],
    target: Path,
    slides: dict[str, list[tuple[int, int] | None]] | None = None,
    parallel: bool = True,
    worker: Worker | None = None,
) -> RenderedPdf:
    """Lay out and write the facilitator guide at ``target`` (tagged PDF/UA-1);
    ``worker``, the build's second process, takes chunks when it is free; ``parallel``
    False: no second process (``--jobs 1``)."""
    if CHUNKED:
        from .chunked import chunked_facilitator

        return chunked_facilitator(program, workbook_pages, target, slides, parallel, worker)
    html = facilitator_html(program, workbook_pages, slides)
    return write(layout(html, "facilitator", program.config, program.root), target)


__all__ = ["RenderedPdf", "render_facilitator", "render_workbook"]
