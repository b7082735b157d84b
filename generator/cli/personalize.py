"""``servefirst personalize``: a workbook and a certificate for every name on a roster."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ..interrupt import deferred
from ..loader import load_program
from ..model.participant import participant_view
from ..outdir import output_lock, publish_files, remove_leftovers, staging_dir
from .paths import INPUT_FILE, NEW_DIR, PROGRAM_DIR


@click.command("personalize")
@click.argument("path", default=".", type=PROGRAM_DIR)
@click.option(
    "--roster",
    required=True,
    type=INPUT_FILE,
    help="CSV with a 'name' column, and optional 'cohort' and 'dates' columns.",
)
@click.option(
    "--out",
    default=None,
    type=NEW_DIR,
    help="Output folder (default: PATH/build/personalized).",
)
def command(path: Path, roster: Path, out: Path | None) -> None:
    """Write one participant workbook and one certificate per person on the roster."""

    from ..boundary import output_inside_sources
    from ..errors import display_path
    from ..file_names import file_names
    from ..glyphs import fonts_missing_notice, roster_warnings
    from ..inputs import asset_paths
    from ..render.personal import personalise
    from ..roster import read_roster
    from ..roster_cache import RosterManifest, person_key, roster_base

    if why := output_inside_sources(path, out or path / "build" / "personalized"):
        raise click.BadParameter(why, param_hint="'--out'")
    program = load_program(path)
    people, problems = read_roster(roster)
    for problem in problems:
        click.echo(f"{problem}", err=True)
    for warning in roster_warnings(people, display_path(roster, None)):
        click.echo(f"warning: {warning}", err=True)
    if notice := fonts_missing_notice():
        click.echo(f"notice: {notice}", err=True)
    target = out or path / "build" / "personalized"
    view = participant_view(program)
    stems = file_names(p.name for p in people)
    base = roster_base(
        view.model_dump(mode="json"), [program.root / a for a in asset_paths(program)]
    )
    keys = [person_key(base, person) for person in people]
    with output_lock(target):  # one build or personalize at a time into a folder
        remove_leftovers(target)
        manifest = RosterManifest.load(target)
        todo = [i for i, stem in enumerate(stems) if not manifest.current(stem, keys[i])]
        staging = staging_dir(target, ".staging-")
        try:
            with _progress(len(todo)) as advance:
                done = personalise(
                    program,
                    view,
                    [people[i] for i in todo],
                    staging,
                    advance,
                    stems=[stems[i] for i in todo],
                    jobs=os.cpu_count() or 1,
                )
            for i in todo:
                manifest.record(stems[i], keys[i], staging)
            manifest.write(staging, set(stems))
            with deferred():  # all files or none: Ctrl-C here would leave a mixture
                publish_files(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    click.echo(
        f"Wrote {_count(len(done.workbooks), 'workbook')} and "
        f"{_count(len(done.certificates), 'certificate')} to {target}"
    )
    if unchanged := len(people) - len(todo):
        who = "1 person" if unchanged == 1 else f"{unchanged} people"
        click.echo(f"unchanged: {who} (workbook and certificate already current)")
    if problems:
        skipped = "1 roster row was" if len(problems) == 1 else f"{len(problems)} roster rows were"
        click.echo(f"{skipped} skipped.", err=True)
        sys.exit(1)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A step function for a progress bar on standard error, shown only on a terminal and
    for five people or more: anywhere else (a pipe, a log) it prints nothing at all, not
    even the blank line a hidden bar leaves."""
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    if total < 5 or not console.is_terminal:
        yield lambda: None
        return
    with Progress(transient=True, console=console) as progress:
        task = progress.add_task("Personalising", total=total)
        yield lambda: progress.advance(task)
