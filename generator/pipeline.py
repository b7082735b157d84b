"""The build as one linear function: load and validate once, then render each output.

Order matters: the workbook is laid out before the facilitator guide, because the guide
prints the workbook's real page numbers; the site comes last and links the workbook PDF.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError
from .loader import CONFIG_FILE, load_program
from .model.participant import participant_view

WORKBOOK = "participant-workbook.pdf"
GUIDE = "facilitator-guide.pdf"


@dataclass
class BuildReport:
    out: Path
    timings: dict[str, float] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    """Outputs skipped or changed for a reason the user should hear, one line each."""

    def lines(self) -> list[str]:
        rows = []
        for name, seconds in self.timings.items():
            pages = f", {self.pages[name]} pages" if name in self.pages else ""
            rows.append(f"{name:<20} {seconds:6.2f} s{pages}")
        rows += [f"notice: {notice}" for notice in self.notices]
        rows.append(f"Wrote {self.out}")
        return rows


def build(root: Path, out: Path, *, pdf: bool = True, site: bool = True) -> BuildReport:
    report = BuildReport(out)
    clock = time.perf_counter()
    program = load_program(root)
    view = participant_view(program)
    report.timings["load"] = time.perf_counter() - clock

    workbook_pdf: tuple[Path, int] | None = None
    if pdf:
        from .render.pdf import render_facilitator, render_workbook

        clock = time.perf_counter()
        workbook = render_workbook(view, out / "pdf" / WORKBOOK, program.root)
        report.timings["workbook"] = time.perf_counter() - clock
        report.pages["workbook"] = workbook.pages
        workbook_pdf = (workbook.path, workbook.pages)

        clock = time.perf_counter()
        guide = render_facilitator(program, workbook.anchors, out / "pdf" / GUIDE)
        report.timings["facilitator guide"] = time.perf_counter() - clock
        report.pages["facilitator guide"] = guide.pages

        # The deck quotes workbook pages too, so it comes after the workbook.
        from .render.slides.deck import render_slides

        clock = time.perf_counter()
        deck = render_slides(program, view, workbook.anchors, out / "slides")
        report.timings["slides"] = time.perf_counter() - clock
        report.pages["slides"] = deck.slides
        report.notices += deck.notices

    if site:
        clock = time.perf_counter()
        build_site(root, out / "site", workbook_pdf)
        report.timings["site"] = time.perf_counter() - clock
    return report


def build_site(root: Path, target: Path, workbook: tuple[Path, int] | None = None) -> None:
    """Run MkDocs into a temporary folder, then swap it in: never a half-built site.

    The downloads page links ``workbook`` (path and page count) when this build rendered
    it; without one (``--no-pdf``) the plugin renders its own.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .plugin import ServeFirstPlugin

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        config = load_config(config_file=str(root / CONFIG_FILE), site_dir=str(staging))
        for plugin in config.plugins.values():
            if workbook and isinstance(plugin, ServeFirstPlugin):
                plugin.use_workbook(*workbook)
        mkdocs_build(config)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"the site did not build: {exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
