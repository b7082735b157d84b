"""The ``servefirst`` command line: one group, one small module per command."""

from __future__ import annotations

import signal
import sys

import click

from ..errors import ServeFirstError
from ..interrupt import Interrupted, interruptible
from . import agenda, build, diff, init, new, personalize, print_lint, schema, serve, validate

INTERRUPTED = (
    "Interrupted by {signal}: nothing was replaced; the previous outputs are as they were."
)


class _Group(click.Group):
    """Prints the project's own errors as messages (exit 1); a traceback only with --debug.

    An operating-system error that reaches this edge (an output folder that cannot be
    made, a disk that is full) is printed naming the path and the reason (exit 1).

    Ctrl-C, SIGTERM and SIGHUP stop a command through its cleanup (staging folders removed, the
    second build process ended) and exit with 128 + the signal number, without a traceback.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            with interruptible():
                return super().invoke(ctx)
        except ServeFirstError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(str(exc), err=True)
            sys.exit(1)
        except OSError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(os_error_text(exc), err=True)
            sys.exit(1)
        except Interrupted as stop:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(INTERRUPTED.format(signal=signal.Signals(stop.signum).name), err=True)
            sys.exit(stop.exit_code)


def os_error_text(exc: OSError) -> str:
    """``PATH: reason; what to do`` for an error from the operating system."""
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        return f"error: {reason}"
    return f"{exc.filename}: {reason}; check the path and that you may read and write there"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show a full traceback on errors.")
@click.version_option(package_name="serve-first")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Serve First: build a leadership workshop's handbook site, facilitator guide and
    participant workbook from one set of module files."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


for command in (
    build.command,
    validate.command,
    init.command,
    diff.command,
    personalize.command,
    print_lint.command,
    agenda.command,
    new.command,
    schema.command,
    serve.command,
):
    main.add_command(command)
