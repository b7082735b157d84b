"""Serve First's benchmark: each kind of build against the floor, with peak memory.

    make bench                     # or: .venv/bin/python bench/run.py

The floor is what the build cannot avoid: WeasyPrint laying out and writing the final
HTML of each PDF, and MkDocs building the same pages, each timed alone in a warm process
(imports and the HTML itself not counted). Against it, in one run:

- a full build of the default program into an empty folder,
- a rebuild with nothing changed,
- a rebuild after editing one module, with each chunked document's own time against
  its time in the full build (render/chunks.py),
- a synthetic program of 60 modules made from the default ones with new ids, built
  whole and again after editing one module,
- personalisation for a roster of 1 and of 100 people (when ``servefirst personalize``
  exists), giving the cost of each extra person.

Every case runs as a command in a fresh process, timed by the wall clock. Peak memory is
the most the case's process tree held at once (the sum of each process's proportional
set size, sampled every 50 ms), and at least the largest single process's resident size
as the kernel reports it. Everything happens in a
temporary folder: the repository's files are read, never written, except the results,
``bench/RESULTS.md``. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import mkdocs_to_pdf, serve_first  # noqa: E402
from measure import Measured, measure  # noqa: E402

from programs import copy_default, make_synthetic, write_roster  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SERVEFIRST = [sys.executable, "-m", "generator"]
SYNTHETIC_MODULES = 60
ROSTER = 1000
EDITED_MODULE = "serve-first"


# ---- the floor ------------------------------------------------------------------------------


def floor(program_root: Path, scratch: Path) -> None:
    """Time WeasyPrint and MkDocs alone on the build's own HTML and pages; print JSON."""
    from importlib.resources import as_file

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from weasyprint import CSS, HTML

    from generator.loader import load_program
    from generator.model.participant import participant_view
    from generator.render import pdf
    from generator.render.fetcher import LocalFetcher
    from generator.render.site import WorkbookLink, abbreviations, glossary, site_nav, site_pages

    program = load_program(program_root)
    view = participant_view(program)
    timings: dict[str, float] = {}
    pages: dict[str, int] = {}
    scratch.mkdir(parents=True, exist_ok=True)

    def lay_out(html: str, kind: str, target: Path) -> dict[str, int]:
        fetcher = LocalFetcher([program.root])
        with as_file(pdf.STYLES) as styles:
            sheets = [
                CSS(filename=str(styles / "print-base.css"), url_fetcher=fetcher),
                CSS(filename=str(styles / f"{kind}.css"), url_fetcher=fetcher),
                CSS(string=pdf.theme_css(program.config)),
            ]
            source = HTML(string=html, base_url=f"{program.root}/", url_fetcher=fetcher)
            clock = time.perf_counter()
            document = source.render(stylesheets=sheets)
            document.write_pdf(target, pdf_tags=True)
            timings[kind] = time.perf_counter() - clock
        pages[kind] = len(document.pages)
        return pdf.anchor_pages(document)

    anchors = lay_out(pdf.workbook_html(view), "workbook", scratch / "workbook.pdf")
    lay_out(pdf.facilitator_html(program, anchors), "facilitator", scratch / "guide.pdf")

    # The handbook: the same generated pages, extensions and theme, without the plugin.
    from generator.render.markdown_config import site_extensions
    from generator.render.site_config import FEATURES, NO_RAW_HTML

    docs = scratch / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    if (program.root / "docs").is_dir():
        shutil.copytree(program.root / "docs", docs)
    docs.mkdir(exist_ok=True)
    (docs / "downloads").mkdir(exist_ok=True)
    shutil.copy(scratch / "workbook.pdf", docs / "downloads/participant-workbook.pdf")
    link = WorkbookLink.of((scratch / "workbook.pdf").stat().st_size, pages["workbook"])
    for name, markdown in site_pages(view, link).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(markdown, encoding="utf-8")
    extensions = {
        "admonition": {},
        **site_extensions(program.config.language),
        "abbr": {"glossary": abbreviations(glossary(view))},
        NO_RAW_HTML: {"keep": ["<small>", "</small>"]},
    }
    settings = {
        "site_name": program.config.title,
        "docs_dir": str(docs),
        "site_dir": str(scratch / "site"),
        "theme": {"name": "material", "font": False, "features": list(FEATURES)},
        "plugins": ["search", "offline"],
        "nav": site_nav(view),
    }
    config_file = scratch / "mkdocs.yml"
    config_file.write_text(json.dumps(settings), encoding="utf-8")  # JSON is YAML
    clock = time.perf_counter()
    # The extensions' options hold functions (a slugifier), so they are passed as objects.
    listed = [{name: options} for name, options in extensions.items()]
    mkdocs_build(load_config(config_file=str(config_file), markdown_extensions=listed))
    timings["site"] = time.perf_counter() - clock
    print(json.dumps({"timings": timings, "pages": pages}))


# ---- the run --------------------------------------------------------------------------------


@dataclass
class Row:
    case: str
    measured: Measured | None
    floor: float | None
    note: str = ""


def _floor_total(measured: Measured) -> float:
    return float(sum(measured.detail["timings"].values()))


def _floor_row(case: str, measured: Measured) -> Row:
    """The floor's own row: its time is the sum of the timed parts, not the process's."""
    timings, pages = measured.detail["timings"], measured.detail["pages"]
    path = timings["workbook"] + max(timings["facilitator"], timings["site"])
    note = (
        f"workbook {timings['workbook']:.2f} s ({pages['workbook']} pages), guide "
        f"{timings['facilitator']:.2f} s ({pages['facilitator']} pages), site "
        f"{timings['site']:.2f} s; with the guide and the site in parallel, {path:.2f} s"
    )
    total = _floor_total(measured)
    return Row(case, Measured(total, measured.peak_mib, measured.output), total, note)


def _run_floor(program: Path, scratch: Path) -> Measured:
    measured = measure([sys.executable, __file__, "--floor", program, scratch])
    measured.detail = json.loads(measured.output.strip().splitlines()[-1])
    return measured


def _has_command(name: str) -> bool:
    done = subprocess.run(
        [*SERVEFIRST, "--help"], capture_output=True, text=True, cwd=REPO, check=False
    )
    return re.search(rf"^\s+{name}\s", done.stdout, re.M) is not None


def _steps(output: str) -> str:
    """The build's own report lines ("workbook  3.62 s, 93 pages"), condensed."""
    found = re.findall(r"^(\S[\w ]*?)\s+(\d+\.\d+) s", output, re.M)
    return ", ".join(f"{name} {float(seconds):.2f} s" for name, seconds in found)


def _document_seconds(output: str) -> dict[str, float]:
    """Seconds of each document in a build's report ("workbook  3.62 s, 93 pages")."""
    found = re.findall(r"^(workbook|facilitator guide)\s+(\d+\.\d+) s", output, re.M)
    return {name: float(seconds) for name, seconds in found}


def _per_document(edit: Measured, full: Measured) -> str:
    """Each chunked document's time after the edit against its time in the full build."""
    after, before = _document_seconds(edit.output), _document_seconds(full.output)
    return "; ".join(
        f"{name} {after[name]:.2f} s against {before[name]:.2f} s in the full build "
        f"({after[name] / before[name]:.2f} x)"
        for name in ("workbook", "facilitator guide")
        if name in after and before.get(name)
    )


def _edit(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    edited = text.replace("\nsummary: >-\n", "\nsummary: >-\n  Edited for the benchmark.\n", 1)
    if edited == text:
        raise SystemExit(f"{module}: no 'summary: >-' to edit")
    module.write_text(edited, encoding="utf-8")


def run(work: Path) -> list[Row]:
    env_note = "SOURCE_DATE_EPOCH set" if "SOURCE_DATE_EPOCH" in os.environ else ""
    # Chunks laid out by an earlier run must not make a "full" build look cheap.
    os.environ["SERVEFIRST_CHUNKS"] = str(work / "chunks")
    default = copy_default(work / "default")
    synthetic = make_synthetic(default, work / "synthetic", SYNTHETIC_MODULES)
    rows: list[Row] = []

    print("floor: WeasyPrint and MkDocs alone on the default program ...", flush=True)
    base = _run_floor(default, work / "floor-default")
    base_total = _floor_total(base)
    rows.append(_floor_row("floor, default program (7 modules)", base))

    out = work / "out-default"
    print("full build ...", flush=True)
    full = measure([*SERVEFIRST, "build", default, "--out", out])
    rows.append(Row("full build, empty output folder", full, base_total, _steps(full.output)))
    print("rebuild, nothing changed ...", flush=True)
    again = measure([*SERVEFIRST, "build", default, "--out", out])
    rows.append(Row("rebuild, nothing changed", again, base_total, _steps(again.output)))

    _edit(default / "modules" / f"{EDITED_MODULE}.yml")
    print("rebuild after editing one module ...", flush=True)
    edit = measure([*SERVEFIRST, "build", default, "--out", out])
    rows.append(
        Row(
            f"rebuild, one module edited ({EDITED_MODULE})",
            edit,
            base_total,
            f"{edit.seconds / full.seconds:.2f} x the full build; {_per_document(edit, full)}; "
            + _steps(edit.output),
        )
    )

    print(f"floor and full build of {SYNTHETIC_MODULES} modules ...", flush=True)
    big_floor = _run_floor(synthetic, work / "floor-synthetic")
    big_total = _floor_total(big_floor)
    rows.append(_floor_row(f"floor, synthetic program ({SYNTHETIC_MODULES} modules)", big_floor))
    big = measure([*SERVEFIRST, "build", synthetic, "--out", work / "out-synthetic"])
    per_module = big.seconds / SYNTHETIC_MODULES
    default_per_module = full.seconds / 7
    rows.append(
        Row(
            f"full build, synthetic program ({SYNTHETIC_MODULES} modules)",
            big,
            big_total,
            f"{per_module:.2f} s per module (default program: {default_per_module:.2f} s); "
            + _steps(big.output),
        )
    )
    copies = sorted((synthetic / "modules").glob(f"{EDITED_MODULE}-*.yml"))
    edited_copy = copies[len(copies) // 2]  # one in the middle of the program
    data = yaml.safe_load(edited_copy.read_text(encoding="utf-8"))
    data["summary"] = f"Edited for the benchmark. {data['summary']}"
    edited_copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    print(f"rebuild of {SYNTHETIC_MODULES} modules after editing one ...", flush=True)
    big_edit = measure([*SERVEFIRST, "build", synthetic, "--out", work / "out-synthetic"])
    rows.append(
        Row(
            f"rebuild, synthetic program, one module edited ({edited_copy.stem})",
            big_edit,
            big_total,
            f"{big_edit.seconds / big.seconds:.2f} x its full build; "
            f"{_per_document(big_edit, big)}; " + _steps(big_edit.output),
        )
    )

    if _has_command("personalize"):
        rows += personalisation(default, work, base)
    else:
        rows.append(
            Row(
                f"personalisation, {ROSTER} people",
                None,
                None,
                "skipped: this checkout has no `servefirst personalize` command",
            )
        )

    print("mkdocs-to-pdf on the same handbook pages ...", flush=True)
    try:
        theirs, note = mkdocs_to_pdf(default, work / "baseline", measure)
    except SystemExit as failed:  # keep every other row
        reason = str(failed).splitlines()[0]
        rows.append(Row("handbook PDF pages per second", None, None, f"failed: {reason}"))
        return rows
    ours = serve_first(full.output)
    rows.append(
        Row(
            "handbook PDF pages per second, Serve First against mkdocs-to-pdf",
            None,
            None,
            f"Serve First {ours.per_second:.1f} pages/s ({ours.pages} pages in "
            f"{ours.seconds:.2f} s, workbook and guide); {note}: "
            f"{theirs.per_second:.1f} pages/s; ratio {ours.per_second / theirs.per_second:.2f}",
        )
    )
    if env_note:
        rows[0].note += f"; {env_note}"
    return rows


def personalisation(default: Path, work: Path, base: Measured) -> list[Row]:
    """A roster of 1 and of ROSTER people, then the same ROSTER again (nothing to do)."""
    print(f"personalisation for 1 and {ROSTER} people, then {ROSTER} again ...", flush=True)
    base_total = _floor_total(base)
    results = {}
    for people in (1, ROSTER):
        roster = write_roster(work / f"roster-{people}.csv", people)
        results[people] = measure(
            [*SERVEFIRST, "personalize", default, "--roster", roster, "--out", work / f"p{people}"]
        )
    roster = work / f"roster-{ROSTER}.csv"
    rerun = measure(
        [*SERVEFIRST, "personalize", default, "--roster", roster, "--out", work / f"p{ROSTER}"]
    )
    extra = (results[ROSTER].seconds - results[1].seconds) / (ROSTER - 1)
    return [
        Row("personalisation, 1 person", results[1], base_total),
        Row(
            f"personalisation, {ROSTER} people",
            results[ROSTER],
            base_total,
            f"{extra:.3f} s per extra person (workbook and certificate); the workbook "
            f"floor is {base.detail['timings']['workbook']:.2f} s",
        ),
        Row(f"personalisation, the same {ROSTER} people again", rerun, base_total, "all current"),
    ]


def table(rows: list[Row]) -> str:
    lines = [
        "| case | time | × floor | peak memory | notes |",
        "|---|---:|---:|---:|---|",
    ]
    for row in rows:
        if row.measured is None:
            lines.append(f"| {row.case} | – | – | – | {row.note} |")
            continue
        ratio = f"{row.measured.seconds / row.floor:.2f}" if row.floor else "–"
        lines.append(
            f"| {row.case} | {row.measured.seconds:.2f} s | {ratio} | "
            f"{row.measured.peak_mib:.0f} MiB | {row.note} |"
        )
    return "\n".join(lines)


def machine() -> str:
    import weasyprint

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
        ).stdout.strip()
        commit += " with uncommitted changes" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    load = os.getloadavg()[0]
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit}; {os.cpu_count()} CPUs, "
        f"load average {load:.1f} at the start; Python {platform.python_version()}, "
        f"WeasyPrint {weasyprint.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS, help="Markdown file to write.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary folder.")
    args = parser.parse_args()
    about = machine()
    work = Path(tempfile.mkdtemp(prefix="servefirst-bench-"))
    try:
        rows = run(work)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    result = table(rows)
    print()
    print(result)
    args.results.write_text(
        "# Benchmark results\n\n"
        "Written by `make bench` (`bench/run.py`); see its docstring for what each case "
        "measures. The floor is WeasyPrint laying out and writing each PDF's final HTML "
        'plus MkDocs building the same pages, each alone in a warm process; "× floor" '
        "divides a case's wall time, process start and imports included, by the floor of "
        "the same program. Peak memory is the most the case's processes held at once.\n\n"
        f"{about}.\n\n{result}\n",
        encoding="utf-8",
    )
    print(f"\nWrote {args.results}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--floor"]:
        floor(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
