"""``servefirst print-lint``: the built PDFs read back and checked page by page."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("print-lint")
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, resolve_path=False, path_type=Path),
)
@click.option(
    "--figures",
    is_flag=True,
    help="Print a Markdown table instead: findings per rule per document, pages, and "
    "the smallest writing space of each kind.",
)
def command(paths: tuple[Path, ...], figures: bool) -> None:
    """Check the PDFs in PATHS (files, or build folders: every PDF under them but the
    site's and the slides') for stranded headings, lone lines and rows, half-empty
    pages, small writing space, long running headers and text outside the margins.
    Prints one finding per line; exit 1 when there is any. The rules, their codes and
    the minimum writing space: generator/printlint/."""
    from ..printlint import lint_pdf, pdfs_in

    pdfs = pdfs_in(paths)
    if not pdfs:
        raise click.BadParameter(
            "no PDF there; give a build folder or PDF files", param_hint="PATHS"
        )
    found = []
    for pdf, name in pdfs:
        for finding in lint_pdf(pdf, name):
            found.append(finding)
            if not figures:
                click.echo(str(finding))
    if figures:
        from ..printlint.figures import figures as table

        click.echo(table(pdfs, found), nl=False)
    count = len(found)
    click.echo(
        f"{count} finding{'' if count == 1 else 's'} in {len(pdfs)} "
        f"PDF{'' if len(pdfs) == 1 else 's'}.",
        err=True,
    )
    if count:
        sys.exit(1)
