"""``servefirst validate``: check every file of a program and report all problems at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..loader import load_program
from .paths import PROGRAM_DIR


@click.command("validate")
@click.argument("path", default=".", type=PROGRAM_DIR)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def command(path: Path, strict: bool) -> None:
    """Check the program in PATH (default: the current folder)."""
    program = load_program(path)
    for warning in program.warnings:
        click.echo(f"warning: {warning}", err=True)
    for page, written in program.changes.pages.items():
        click.echo(
            f"notice: {written} replaces the generated page {page} (listed in overrides)",
            err=True,
        )
    if strict and program.warnings:
        click.echo(f"{len(program.warnings)} warning(s), and --strict is on.", err=True)
        sys.exit(1)
    modules = len(program.modules)
    click.echo(
        f"OK: {program.config.title}: {_count(modules, 'module')}, "
        f"{_count(len(program.exercises), 'exercise')}, {_count(len(program.cases), 'case')}."
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
