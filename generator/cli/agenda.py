"""``servefirst agenda``: the run-of-show as a table of clock times."""

from __future__ import annotations

from pathlib import Path

import click

from ..loader import load_program
from ..schedule import build_agenda
from .paths import PROGRAM_DIR


@click.command("agenda")
@click.argument("path", default=".", type=PROGRAM_DIR)
@click.option("--segments/--no-segments", default=True, help="List each module's segments.")
def command(path: Path, segments: bool) -> None:
    """Print the timetable of the program in PATH."""
    from rich.console import Console
    from rich.table import Table

    program = load_program(path)
    agenda = build_agenda(program.config, program.modules)
    console = Console(highlight=False)
    for day in range(1, agenda.days + 1):
        table = Table(
            title=f"{program.config.title}: day {day}" if agenda.days > 1 else program.config.title
        )
        table.add_column("Time", no_wrap=True)
        table.add_column("Module")
        table.add_column("Segment")
        table.add_column("Min", justify="right")
        for slot in agenda.for_day(day):
            if slot.kind == "break":
                table.add_row(
                    f"{slot.start}-{slot.end}", f"[dim]{slot.title}[/dim]", "", str(slot.minutes)
                )
                continue
            table.add_row(
                f"{slot.start}-{slot.end}", f"[bold]{slot.title}[/bold]", "", str(slot.minutes)
            )
            if segments and slot.module_id:
                module = program.module(slot.module_id)
                for start, seg in zip(slot.segment_starts, module.segments, strict=True):
                    table.add_row(start, "", seg.title, str(seg.minutes))
        last = agenda.for_day(day)[-1]
        table.caption = f"Ends at {last.end}"
        console.print(table)
