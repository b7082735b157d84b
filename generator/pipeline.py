"""The build as one readable function: load and validate once, then render each output.

Order matters: the workbook is laid out first, because the facilitator guide and the
slides print its real page numbers and the site offers it for download. After that the
guide is laid out in this process while a second process builds the slides and the site,
so on two cores the wall time is shorter than the sum of the parts.

Every output has a content-hash key (see cache.py): an output whose inputs did not change
is not rebuilt. Everything is rendered into a staging folder and moved into place only
when the whole build has succeeded, so a failed or interrupted build leaves the previous
outputs as they were and no half-written file. One build at a time writes into an output
folder (outdir.py holds the lock); the swap into place cannot be cut by Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Manifest, key, package_fingerprint, tree_files
from .errors import ServeFirstError
from .glyphs import GlyphWarning, fonts_missing_notice
from .inputs import asset_paths, program_json
from .interrupt import deferred
from .loader import CONFIG_FILE, load_program
from .model import Program
from .model.participant import ParticipantProgram, participant_view
from .outdir import (
    foreign_files,
    output_lock,
    publish_outputs,
    remove_leftovers,
    staging_dir,
)
from .site_build import build_site
from .worker import Worker

WORKBOOK = "participant-workbook.pdf"
GUIDE = "facilitator-guide.pdf"
OUTPUTS = {
    "workbook": f"pdf/{WORKBOOK}",
    "guide": f"pdf/{GUIDE}",
    "slides": "slides",
    "site": "site",
    "press": "press",  # PDF/X files and the workbook booklet: render/press.py
    "lms": "lms",
    "run-of-show": "facilitator/run-of-show.html",
}
"""Each output's path in the output folder."""


@dataclass
class BuildReport:
    out: Path
    timings: dict[str, float] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    """Paths, relative to ``out``, of the outputs this build replaced."""
    notices: list[str] = field(default_factory=list)
    """Outputs skipped or changed for a reason the user should hear, one line each."""
    warnings: list[str] = field(default_factory=list)
    """Content that will not print as written (characters without a glyph), one line each."""

    def lines(self) -> list[str]:
        rows = []
        for name, seconds in self.timings.items():
            pages = f", {self.pages[name]} pages" if name in self.pages else ""
            rows.append(f"{name:<20} {seconds:6.2f} s{pages}")
        if self.unchanged:
            rows.append(f"unchanged: {', '.join(self.unchanged)}")
        rows += [f"notice: {notice}" for notice in self.notices]
        rows += [f"warning: {warning}" for warning in self.warnings]
        if self.written:
            rows.append(f"Wrote {self.out} ({', '.join(self.written)})")
        else:
            rows.append(f"Wrote nothing to {self.out}: every output is unchanged")
        return rows


def build(
    root: Path,
    out: Path,
    *,
    pdf: bool = True,
    site: bool = True,
    slides: bool = True,
    press: bool = False,
    lms: bool = False,
    jobs: int = 2,
    notify: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the program in folder ``root`` into folder ``out`` (both made absolute here).

    Waits while another build writes into ``out``; ``notify`` (default: standard error)
    hears "waiting for another build into OUT". ``press`` (or the program's ``press:
    true``) adds the press folder (see render/press.py) to a build with PDFs. Raises ContentError for an invalid
    program and BuildError when a renderer fails; either way, and on Ctrl-C or SIGTERM
    inside :func:`generator.interrupt.interruptible`, ``out`` keeps its previous outputs.
    """
    root, out = root.resolve(), out.resolve()
    report = BuildReport(out)
    clock = time.perf_counter()
    program = load_program(root, slide_checks=False)
    view = participant_view(program)
    report.timings["load"] = time.perf_counter() - clock
    report.warnings = [str(w) for w in program.warnings if isinstance(w, GlyphWarning)]
    if pdf and (notice := fonts_missing_notice()):
        report.notices.append(notice)
    if not pdf and (press or program.config.press):
        report.notices.append(
            "no press/ files: they are made from the PDFs, and --no-pdf skips them"
        )
    with output_lock(out, notify):
        remove_leftovers(out)
        wanted = _wanted(pdf, site, slides, press or program.config.press)
        wanted |= {"lms"} if lms and site else set()
        _build(program, view, out, report, frozenset(wanted), jobs)
    return report


def _wanted(pdf: bool, site: bool, slides: bool, press: bool = False) -> set[str]:
    wanted = ({"workbook", "guide", "run-of-show"} if pdf else set()) | (
        {"site"} if site else set()
    )
    if pdf and slides:  # the deck quotes workbook pages, so it needs the PDFs
        wanted.add("slides")
    if pdf and press:
        wanted.add("press")
    return wanted


def _build(
    program: Program,
    view: ParticipantProgram,
    out: Path,
    report: BuildReport,
    wanted: frozenset[str],
    jobs: int,
) -> None:
    """The build proper, holding the output folder's lock."""
    manifest = Manifest.load(out)
    for name in sorted(wanted & {"site", "slides", "press", "lms"}):  # folders swapped whole
        if reason := foreign_files(out, OUTPUTS[name], manifest.files.get(name)):
            raise ServeFirstError(reason)

    def stale(name: str, new_key: str) -> bool:
        if manifest.keys.get(name) != new_key:
            return True
        damage = manifest.damage(name)
        if damage is not None and manifest.files.get(name):
            report.notices.append(f"rebuilt {OUTPUTS[name]}: {damage}")
        return damage is not None

    base = package_fingerprint()
    participant = view.model_dump(mode="json")
    full = program_json(program)
    assets = [program.root / p for p in asset_paths(program)]
    staging = staging_dir(out, ".staging-")
    pool: Worker | None = None
    finished = False
    try:
        keys = {"workbook": key(base, participant, *assets)}
        todo = set()
        if "workbook" in wanted and stale("workbook", keys["workbook"]):
            todo.add("workbook")
            # Start the second process now, for the slides or the site: it imports
            # while we lay out.
            if len(wanted - {"press"}) > 2:
                pool = _pool(jobs)
        if pool is not None:
            pool.call("generator.pipeline:_warm_up")
        anchors, pages, workbook_path = _workbook(
            program, view, out, staging, todo, manifest, report, pool, jobs
        )
        keys["guide"] = key(base, full, anchors, *assets)
        keys["run-of-show"] = key(base, full, anchors, *assets, "run-of-show")
        keys["slides"] = key(base, full, anchors, *assets, shutil.which("soffice") is not None)
        keys["site"] = key(
            base,
            participant,
            pages,
            program.root / CONFIG_FILE,
            *tree_files(program.root / "docs"),
            *assets,  # images and files the prose refers to are copied into the site
        )
        keys["press"] = key(base, full, anchors, *assets)
        keys["lms"] = key(base, keys["site"])  # the packages wrap the handbook
        for name in ("guide", "run-of-show", "slides", "site", "press", "lms"):
            if name in wanted and stale(name, keys[name]):
                todo.add(name)
        if pool is None and "guide" in todo and todo & {"slides", "site"}:
            pool = _pool(jobs)
        _rest(program, view, anchors, (workbook_path, pages), staging, todo, pool, report, jobs)
        if "press" in todo:
            _press(program, view, anchors, workbook_path, staging, report)
        if "lms" in todo:
            _lms(view, (staging if "site" in todo else out) / OUTPUTS["site"], staging, report)
        with deferred():  # Ctrl-C now would leave outputs and manifest out of step
            ordered = [(n, OUTPUTS[n]) for n in sorted(todo, key=list(OUTPUTS).index)]
            report.written = publish_outputs(
                staging, out, ordered, set(manifest.files), report.notices
            )
            for name in todo:
                manifest.keys[name] = keys[name]
                manifest.record(name, OUTPUTS[name])
            manifest.data.update(anchors=anchors, workbook_pages=pages)
            manifest.save()
        report.unchanged = sorted(wanted - todo)
        finished = True
    finally:
        if pool is not None:
            pool.close(abort=not finished)
        shutil.rmtree(staging, ignore_errors=True)


def _workbook(
    program: Program,
    view: ParticipantProgram,
    out: Path,
    staging: Path,
    todo: set[str],
    manifest: Manifest,
    report: BuildReport,
    pool: Worker | None = None,
    jobs: int = 2,
) -> tuple[dict[str, int], int, Path]:
    """Lay out the workbook (sharing the work with the idle ``pool``), or reuse the last
    one's page numbers when it is unchanged."""
    if "workbook" not in todo:
        anchors = {str(k): int(v) for k, v in manifest.data.get("anchors", {}).items()}
        return anchors, int(manifest.data.get("workbook_pages", 0)), out / "pdf" / WORKBOOK
    from .render.pdf import render_workbook

    clock = time.perf_counter()
    workbook = render_workbook(view, staging / "pdf" / WORKBOOK, program.root, pool, jobs > 1)
    report.timings["workbook"] = time.perf_counter() - clock
    report.pages["workbook"] = workbook.pages
    return workbook.anchors, workbook.pages, workbook.path


def _rest(
    program: Program,
    view: ParticipantProgram,
    anchors: dict[str, int],
    workbook: tuple[Path, int],
    staging: Path,
    todo: set[str],
    pool: Worker | None,
    report: BuildReport,
    jobs: int = 2,
) -> None:
    """The guide here; the slides and the site in the second process when there is one."""
    side = [name for name in ("slides", "site") if name in todo]
    parallel = bool(side) and pool is not None and "guide" in todo
    ticket = -1
    if parallel and pool is not None:
        ticket = pool.call(
            "generator.pipeline:_side", program, view, anchors, workbook, staging, side, long=True
        )
    if todo & {"guide", "run-of-show"}:
        from .render.slides.numbers import slide_numbers

        numbers = slide_numbers(program, view, anchors)  # the deck's own plan
    if "guide" in todo:
        from .render.pdf import render_facilitator

        clock = time.perf_counter()
        target = staging / "pdf" / GUIDE
        # The second process, busy with the slides and the site, takes chunks when done.
        guide = render_facilitator(program, anchors, target, numbers, jobs > 1, pool)
        report.timings["facilitator guide"] = time.perf_counter() - clock
        report.pages["facilitator guide"] = guide.pages
    if "run-of-show" in todo:
        from .render.run_of_show import render_run_of_show

        clock = time.perf_counter()
        render_run_of_show(program, staging / OUTPUTS["run-of-show"], numbers)
        report.timings["run-of-show"] = time.perf_counter() - clock
    if parallel and pool is not None:
        result: _SideResult = pool.answer(ticket)
    else:
        result = _side(program, view, anchors, workbook, staging, side)
    report.timings.update(result.timings)
    report.pages.update(result.pages)
    report.notices += result.notices


def _press(
    program: Program,
    view: ParticipantProgram,
    anchors: dict[str, int],
    workbook: Path,
    staging: Path,
    report: BuildReport,
) -> None:
    """The press folder: PDF/X files of both documents and the workbook booklet."""
    from .render.press import render_press
    from .render.slides.numbers import slide_numbers

    clock = time.perf_counter()
    numbers = slide_numbers(program, view, anchors)
    result = render_press(program, view, anchors, numbers, workbook, staging / OUTPUTS["press"])
    report.timings["press"] = time.perf_counter() - clock
    report.pages.update({f"press/{name}": count for name, count in result.pages.items()})


@dataclass
class _SideResult:
    timings: dict[str, float] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def _side(
    program: Program,
    view: ParticipantProgram,
    anchors: dict[str, int],
    workbook: tuple[Path, int],
    staging: Path,
    names: list[str],
) -> _SideResult:
    result = _SideResult()
    if "slides" in names:
        from .render.slides.deck import render_slides

        clock = time.perf_counter()
        deck = render_slides(program, view, anchors, staging / "slides")
        result.timings["slides"] = time.perf_counter() - clock
        result.pages["slides"] = deck.slides
        result.notices += deck.notices
    if "site" in names:
        clock = time.perf_counter()
        handed = workbook if workbook[0].exists() else None
        warnings = build_site(program.root, staging / "site", handed, view)
        result.timings["site"] = time.perf_counter() - clock
        result.notices += [f"site: {warning}" for warning in warnings]
    return result


def _lms(view: ParticipantProgram, site: Path, staging: Path, report: BuildReport) -> None:
    """The SCORM packages, from the handbook this build wrote or left unchanged."""
    from .lms.package import write_packages

    clock = time.perf_counter()
    write_packages(view, site, staging / OUTPUTS["lms"])
    report.timings["lms packages"] = time.perf_counter() - clock


def _warm_up() -> None:
    import mkdocs.commands.build  # noqa: F401
    import weasyprint  # noqa: F401

    from .render.slides import deck  # noqa: F401


def _pool(jobs: int) -> Worker | None:
    if jobs < 2 or (os.cpu_count() or 1) < 2:
        return None
    return Worker()
