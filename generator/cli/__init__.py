"""The ``servefirst`` command line: one group, one small module per command."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import ServeFirstError
from . import agenda, build, diff, init, new, personalize, schema, serve, validate


class _Group(click.Group):
    """Prints the project's own errors as messages (exit 1); a traceback only with --debug."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ServeFirstError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(str(exc), err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show a full traceback on errors.")
@click.version_option(package_name="serve-first")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Serve First: build a leadership workshop's handbook site, facilitator guide and
    participant workbook from one set of module files."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


PROGRAM_DIR = click.Path(exists=True, file_okay=False, path_type=Path)

for command in (
    build.command,
    validate.command,
    init.command,
    diff.command,
    personalize.command,
    agenda.command,
    new.command,
    schema.command,
    serve.command,
):
    main.add_command(command)
