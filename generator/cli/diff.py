"""``servefirst diff``: what a program changes relative to the built-in library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..loader import load_program
from .paths import PROGRAM_DIR


def changed_fields(old: Any, new: Any) -> list[str]:
    before, after = old.model_dump(), new.model_dump()
    return [key for key in after if before.get(key) != after.get(key)]


@click.command("diff")
@click.argument("path", default=".", type=PROGRAM_DIR)
def command(path: Path) -> None:
    """List what the program in PATH overrides, adds, customises and leaves out."""
    program = load_program(path)
    changes = program.changes
    config = program.config
    lines: list[str] = []
    for kind, items in changes.replaced.items():
        for item_id, (old, new) in sorted(items.items()):
            fields = ", ".join(changed_fields(old, new)) or "no field changed"
            lines.append(f"override  {kind} {item_id}: {fields}")
    lines += [
        f"override  page {page}: hand-written {written}" for page, written in changes.pages.items()
    ]
    for kind, ids in changes.added.items():
        lines += [f"add       {kind} {item_id}" for item_id in ids]
    for module_id, change in config.customise.items():
        parts = []
        if change.drop:
            parts.append("drops " + "; ".join(change.drop))
        if change.duration:
            parts.append(f"duration {change.duration} min")
        lines.append(f"customise module {module_id}: {', '.join(parts) or 'no change'}")
    lines += [f"leave out module {module_id}" for module_id in changes.unplanned]
    for term, count in changes.terminology.items():
        target = config.terminology[term]
        shown = target if isinstance(target, str) else target.singular
        lines.append(f"reword    {term} -> {shown} ({count} replacements)")
    if not lines:
        click.echo("No changes: this program is the built-in library as it is.")
        return
    click.echo("\n".join(lines))
