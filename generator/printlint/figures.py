"""The lint's figures as a Markdown table: findings per rule per document, pages per
document, and the smallest writing space of each kind (for an issue's before/after)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pdfplumber

from .area import MM
from .findings import RULES, Finding
from .reading import read_page
from .writing import spaces


def figures(pdfs: list[tuple[Path, str]], findings: list[Finding]) -> str:
    """Two Markdown tables for ``pdfs`` (path, name) and their ``findings``: one row per
    document with its pages and its findings per rule (rules with none anywhere left
    out), then the smallest writing space per kind per document in millimetres (ruled
    lines: gap x width; box and cell: height x width; tick: width)."""
    counts = Counter((f.document, f.rule) for f in findings)
    rules = [rule for rule in RULES if any(r == rule for _, r in counts)]
    head = ["document", "pages", *rules, "total"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    space_rows = [
        "| document | ruled lines | box | writing cell | tick box |",
        "|---|---|---|---|---|",
    ]
    for path, name in pdfs:
        with pdfplumber.open(path) as document:
            pages = len(document.pages)
            found = [s for page in document.pages for s in spaces(read_page(page))]
        row = [name, str(pages), *(str(counts[(name, r)]) for r in rules)]
        row.append(str(sum(counts[(name, r)] for r in RULES)))
        lines.append("| " + " | ".join(row) + " |")
        smallest = []
        for kind in ("lines", "box", "cell", "tick"):
            of_kind = [s for s in found if s.kind == kind]
            if not of_kind:
                smallest.append("none")
            elif kind == "tick":
                smallest.append(f"{min(s.width for s in of_kind) / MM:.1f}")
            else:
                height = min(s.height for s in of_kind) / MM
                width = min(s.width for s in of_kind) / MM
                smallest.append(f"{height:.1f} x {width:.1f}")
        space_rows.append(f"| {name} | " + " | ".join(smallest) + " |")
    return "\n".join([*lines, "", *space_rows]) + "\n"
