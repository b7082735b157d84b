"""Workbooks of a small program laid out with a stylesheet that breaks a print rule.

Once the templates keep every rule, a program alone cannot make a broken page; so a
rule's test lays out a real program's workbook with our real templates and stylesheets
plus a few declarations of its own (``!important``, so they win), and the lint must
see what those declarations break.
"""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_program
from generator.model.participant import participant_view
from generator.printlint import Finding, lint_pdf
from generator.render.pdf import layout, workbook_html, write


def broken_workbook(root: Path, css: str, out: Path | None = None) -> Path:
    """The workbook of the program in ``root`` laid out with ``css`` added, written to
    ``out`` (default ``root/out/participant-workbook.pdf``)."""
    program = load_program(root)
    html = workbook_html(participant_view(program))
    html = html.replace("</head>", f"<style>{css}</style>\n</head>", 1)
    target = out or root / "out" / "participant-workbook.pdf"
    return write(layout(html, "workbook", program.config, program.root), target).path


def findings(pdf: Path, rule: str) -> list[Finding]:
    """The findings of one rule in ``pdf``."""
    return [f for f in lint_pdf(pdf) if f.rule == rule]
