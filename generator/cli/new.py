"""``servefirst new``: scaffold a commented module, case or exercise that validates at once."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ServeFirstError
from ..scaffold import KINDS, scaffold
from .paths import ANY_DIR, CONFIG_FILE, find_program


@click.command("new")
@click.argument("kind", type=click.Choice(sorted(KINDS)))
@click.argument("item_id", metavar="ID")
@click.option(
    "--path",
    default=".",
    type=ANY_DIR,
    help="Program folder, or a folder inside it (default: the current folder).",
)
def command(kind: str, item_id: str, path: Path) -> None:
    """Create a new KIND (module, case or exercise) file with the id ID.

    The program folder is the nearest folder at or above --path with mkdocs.yml, as git
    finds its repository, so ``new`` works from inside modules/ too."""
    root = find_program(path)
    if root is None:
        raise ServeFirstError(
            f"no {CONFIG_FILE} in {path} or any folder above it; run from the program "
            "folder or give its path with --path (start one with 'servefirst init FOLDER')"
        )
    try:
        target = scaffold(root, kind, item_id)
    except FileExistsError as exc:
        raise ServeFirstError(f"{exc.filename} already exists; choose another id") from exc
    click.echo(f"created {target}")
    if kind == "module":
        click.echo("Add its id to a day's plan in mkdocs.yml to include it in the program.")
