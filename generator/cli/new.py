"""``servefirst new``: scaffold a commented module, case or exercise that validates at once."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ServeFirstError
from ..scaffold import KINDS, scaffold
from .paths import PROGRAM_DIR


@click.command("new")
@click.argument("kind", type=click.Choice(sorted(KINDS)))
@click.argument("item_id", metavar="ID")
@click.option(
    "--path",
    default=".",
    type=PROGRAM_DIR,
    help="Program folder (default: the current folder).",
)
def command(kind: str, item_id: str, path: Path) -> None:
    """Create a new KIND (module, case or exercise) file with the id ID."""
    try:
        target = scaffold(path, kind, item_id)
    except FileExistsError as exc:
        raise ServeFirstError(f"{exc.filename} already exists; choose another id") from exc
    click.echo(f"created {target}")
    if kind == "module":
        click.echo("Add its id to a day's plan in mkdocs.yml to include it in the program.")
