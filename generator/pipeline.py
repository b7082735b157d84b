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
from typing import Any

from .cache import Manifest, key, package_fingerprint, tree_files, user_cache_dir
from .errors import BuildError, ServeFirstError
from .glyphs import GlyphWarning, fonts_missing_notice
from .interrupt import deferred
from .loader import CONFIG_FILE, load_program
from .model import Program
from .model.participant import ParticipantProgram, participant_view
from .outdir import (
    foreign_files,
    keep_aside,
    output_lock,
    remove_leftovers,
    replace,
    staging_dir,
)
from .worker import Worker

WORKBOOK = "participant-workbook.pdf"
GUIDE = "facilitator-guide.pdf"
OUTPUTS = {
    "workbook": f"pdf/{WORKBOOK}",
    "guide": f"pdf/{GUIDE}",
    "slides": "slides",
    "site": "site",
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
    jobs: int = 2,
    notify: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the program in folder ``root`` into folder ``out`` (both made absolute here).

    Waits while another build writes into ``out``; ``notify`` (default: standard error)
    hears "waiting for another build into OUT". Raises ContentError for an invalid
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
    with output_lock(out, notify):
        remove_leftovers(out)
        _build(program, view, out, report, frozenset(_wanted(pdf, site, slides)), jobs)
    return report


def _wanted(pdf: bool, site: bool, slides: bool) -> set[str]:
    wanted = ({"workbook", "guide"} if pdf else set()) | ({"site"} if site else set())
    if pdf and slides:  # the deck quotes workbook pages, so it needs the PDFs
        wanted.add("slides")
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
    for name in sorted(wanted & {"site", "slides"}):  # folders a build swaps whole
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
    full = _program_json(program)
    assets = [program.root / p for p in asset_paths(program)]
    staging = staging_dir(out, ".staging-")
    pool: Worker | None = None
    finished = False
    try:
        keys = {"workbook": key(base, participant, *assets)}
        todo = set()
        if "workbook" in wanted and stale("workbook", keys["workbook"]):
            todo.add("workbook")
            if len(wanted) > 2:  # start the second process now: it imports while we lay out
                pool = _pool(jobs)
        if pool is not None:
            pool.call("generator.pipeline:_warm_up")
        anchors, pages, workbook_path = _workbook(
            program, view, out, staging, todo, manifest, report
        )
        keys["guide"] = key(base, full, anchors, *assets)
        keys["slides"] = key(base, full, anchors, *assets, shutil.which("soffice") is not None)
        keys["site"] = key(
            base,
            participant,
            pages,
            program.root / CONFIG_FILE,
            *tree_files(program.root / "docs"),
            *assets,  # images and files the prose refers to are copied into the site
        )
        for name in ("guide", "slides", "site"):
            if name in wanted and stale(name, keys[name]):
                todo.add(name)
        if pool is None and "guide" in todo and todo & {"slides", "site"}:
            pool = _pool(jobs)
        _rest(program, view, anchors, (workbook_path, pages), staging, todo, pool, report)
        with deferred():  # Ctrl-C now would leave outputs and manifest out of step
            report.written = _publish(staging, out, todo, manifest, report.notices)
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
) -> tuple[dict[str, int], int, Path]:
    """Lay out the workbook, or reuse the last one's page numbers when it is unchanged."""
    if "workbook" not in todo:
        anchors = {str(k): int(v) for k, v in manifest.data.get("anchors", {}).items()}
        return anchors, int(manifest.data.get("workbook_pages", 0)), out / "pdf" / WORKBOOK
    from .render.pdf import render_workbook

    clock = time.perf_counter()
    workbook = render_workbook(view, staging / "pdf" / WORKBOOK, program.root)
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
) -> None:
    """The guide here; the slides and the site in the second process when there is one."""
    side = [name for name in ("slides", "site") if name in todo]
    parallel = bool(side) and pool is not None and "guide" in todo
    if parallel and pool is not None:
        pool.call("generator.pipeline:_side", program, view, anchors, workbook, staging, side)
    if "guide" in todo:
        from .render.pdf import render_facilitator
        from .render.slides.numbers import slide_numbers

        clock = time.perf_counter()
        numbers = slide_numbers(program, view, anchors)  # the deck's own plan
        guide = render_facilitator(program, anchors, staging / "pdf" / GUIDE, numbers)
        report.timings["facilitator guide"] = time.perf_counter() - clock
        report.pages["facilitator guide"] = guide.pages
    if parallel and pool is not None:
        result: _SideResult = pool.result()
    else:
        result = _side(program, view, anchors, workbook, staging, side)
    report.timings.update(result.timings)
    report.pages.update(result.pages)
    report.notices += result.notices


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


def _warm_up() -> None:
    import mkdocs.commands.build  # noqa: F401
    import weasyprint  # noqa: F401

    from .render.slides import deck  # noqa: F401


def _pool(jobs: int) -> Worker | None:
    if jobs < 2 or (os.cpu_count() or 1) < 2:
        return None
    return Worker()


def _publish(
    staging: Path, out: Path, todo: set[str], manifest: Manifest, notices: list[str]
) -> list[str]:
    """Move every rebuilt output into place; folders are swapped whole. A folder the
    manifest has no record of is someone's, or a lost manifest's: it is moved aside,
    with a notice, never deleted. Returns the paths moved, relative to ``out`` (folders
    with a trailing slash)."""
    written = []
    for name in sorted(todo, key=list(OUTPUTS).index):
        source = staging / OUTPUTS[name]
        if not source.exists():
            continue
        unrecorded = source.is_dir() and name not in manifest.files
        if unrecorded and (aside := keep_aside(out / OUTPUTS[name])):
            notices.append(
                f"{OUTPUTS[name]}/ was not written by a build recorded here; moved it to "
                f"{aside.name}{'/' if aside.is_dir() else ''} rather than replace it "
                "(delete it when you no longer need it)"
            )
        written.append(OUTPUTS[name] + ("/" if source.is_dir() else ""))
        replace(source, out / OUTPUTS[name])
    return written


def _program_json(program: Program) -> dict[str, Any]:
    return {
        "config": program.config.model_dump(mode="json"),
        "modules": [m.model_dump(mode="json") for m in program.modules],
        "cases": {k: v.model_dump(mode="json") for k, v in program.cases.items()},
        "exercises": {k: v.model_dump(mode="json") for k, v in program.exercises.items()},
    }


def asset_paths(program: Program) -> list[str]:
    """Files outside the YAML that change outputs: the logo, a slides template, the
    images and files that prose refers to and the images segments put on screen."""
    from .assets_copy import prose_files

    config = program.config
    prose = prose_files([config, program.modules, program.cases, program.exercises], program.root)
    screens = {s.screen_image for m in program.modules for s in m.segments if s.screen_image}
    files = sorted(set(prose) | screens)
    return [p for p in (config.branding.logo, config.slides_template) if p] + files


def build_site(
    root: Path,
    target: Path,
    workbook: tuple[Path, int] | None = None,
    view: ParticipantProgram | None = None,
) -> list[str]:
    """Run MkDocs into a temporary folder, then swap it in: never a half-built site.

    The downloads page links ``workbook`` (path and page count) when this build rendered
    it; without one (``--no-pdf``) the plugin renders its own. ``view`` is the program
    this build already loaded, so the plugin does not load and validate it again.
    Returns MkDocs' warnings, each located in the program's files where possible (see
    site_log.py); when strict mode stops the build, the BuildError lists them.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import docs_dir, site_log
    from .plugin import ServeFirstPlugin

    # Absolute paths: MkDocs resolves a relative site_dir against the config file's folder.
    root, target = root.resolve(), target.resolve()
    staging = staging_dir(target.parent, ".site-")
    empty = staging_dir(target.parent, ".docs-")
    overrides = docs_dir.stand_in(root / CONFIG_FILE, empty)
    docs = Path(overrides.get("docs_dir") or docs_dir.configured(root / CONFIG_FILE) or root)
    try:
        with site_log.warnings_of_mkdocs() as warnings:
            config = load_config(
                config_file=str(root / CONFIG_FILE), site_dir=str(staging), **overrides
            )
            for plugin in config.plugins.values():
                if isinstance(plugin, ServeFirstPlugin):
                    plugin.use_cache(user_cache_dir())  # subset fonts, shared by every build
                    if view is not None:
                        plugin.use_view(view)
                    if workbook:
                        plugin.use_workbook(*workbook)
            mkdocs_build(config)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        found = [site_log.locate(w, root, docs) for w in warnings]
        raise BuildError("\n".join([f"the site did not build: {exc}", *found])) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(empty, ignore_errors=True)
    with deferred():
        replace(staging, target)
    return [site_log.locate(w, root, docs) for w in warnings]
