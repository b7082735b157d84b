"""The paired comparison with mkdocs-to-pdf, a well-known MkDocs PDF plugin (MIT).

mkdocs-to-pdf turns a MkDocs site into one PDF with WeasyPrint, like Serve First's
workbook and guide. Both build the same handbook pages in the same run: ``mkdocs build``
of the program folder (the Serve First plugin generates the pages), once with
mkdocs-to-pdf added after it and once without, so its PDF time is the difference.
Serve First's figure is the pages of its two PDFs over the seconds its build reported
for laying them out and writing them.

mkdocs-to-pdf is not a dependency of Serve First: it is installed, with this checkout, in
a virtual environment of its own beside this file (``bench/.venv-baseline``, made on
first use from PyPI and kept), so its pins never reach the project's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pypdf import PdfReader

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
VENV = HERE / ".venv-baseline"
PLUGIN = "mkdocs-to-pdf==0.12.1"
REPEATS = 3
PINS = ["mkdocs-material==9.8.1", "pymdown-extensions==13.1"]


@dataclass
class Throughput:
    pages: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def ensure_venv() -> Path:
    """The baseline's Python, installing mkdocs-to-pdf and this checkout the first time."""
    python = VENV / "bin" / "python"
    stamp = VENV / f".installed-{PLUGIN}"
    if not stamp.is_file():
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run(
            [python, "-m", "pip", "install", "-q", PLUGIN, *PINS, "-e", REPO], check=True
        )
        stamp.touch()
    return python


def mkdocs_to_pdf(program: Path, scratch: Path, measure: Any) -> tuple[Throughput, str]:
    """Build ``program``'s handbook with and without mkdocs-to-pdf (into ``scratch``);
    ``measure`` is bench/run.py's (a command -> Measured). Returns the PDF's throughput
    and a note."""
    python = ensure_venv()
    config = yaml.safe_load((program / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].append({"to-pdf": {"output_path": "handbook.pdf"}})  # after servefirst
    # Not strict: mkdocs-to-pdf then counts a link into the downloads folder, which its
    # single PDF cannot hold, as an error and throws its finished PDF away.
    config["strict"] = False
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    (program / "mkdocs-pdf.yml").write_text(text, encoding="utf-8")
    command = [python, "-m", "mkdocs", "build", "-q", "-d"]
    bases, fulls = [], []
    for _ in range(REPEATS):  # alternately, the fastest of each: the difference is small
        bases.append(measure([*command, scratch / "plain", "-f", program / "mkdocs.yml"]))
        fulls.append(measure([*command, scratch / "pdf", "-f", program / "mkdocs-pdf.yml"]))
    base = min(bases, key=lambda m: m.seconds)
    full = min(fulls, key=lambda m: m.seconds)
    pages = len(PdfReader(scratch / "pdf" / "handbook.pdf").pages)
    seconds = max(full.seconds - base.seconds, 1e-6)
    note = (
        f"mkdocs-to-pdf 0.12.1: {pages} pages in {seconds:.2f} s "
        f"({full.seconds:.2f} s with it, {base.seconds:.2f} s without)"
    )
    return Throughput(pages, seconds), note


def serve_first(output: str) -> Throughput:
    """Pages and seconds of the workbook and the guide, from a build's report lines such
    as ``workbook  3.62 s, 93 pages``."""
    pages = seconds = 0.0
    for name in ("workbook", "facilitator guide"):
        found = re.search(rf"^{name}\s+(\d+\.\d+) s, (\d+) pages", output, re.M)
        if found:
            seconds += float(found.group(1))
            pages += int(found.group(2))
    return Throughput(int(pages), seconds)
