"""``servefirst build``: the site and both PDFs, from one load of the program."""

from __future__ import annotations

from pathlib import Path

import click

from .paths import NEW_DIR, PROGRAM_DIR


@click.command("build")
@click.argument("path", default=".", type=PROGRAM_DIR)
@click.option(
    "--out",
    "out",
    default=None,
    type=NEW_DIR,
    help="Output folder (default: PATH/build).",
)
@click.option("--pdf/--no-pdf", default=True, help="Render the facilitator guide and workbook.")
@click.option("--site/--no-site", default=True, help="Build the participant handbook site.")
@click.option("--slides/--no-slides", default=True, help="Build the slide deck (needs --pdf).")
@click.option(
    "--press",
    is_flag=True,
    help="Also write OUT/press/: PDF/X-4 files for a print shop and the workbook as an "
    "A5 booklet for a duplex printer (the program's press: true does the same).",
)
@click.option(
    "--lms",
    is_flag=True,
    default=False,
    help="Also write OUT/lms/<program>-scorm12.zip and -scorm2004.zip for a learning "
    "management system.",
)
@click.option(
    "--jobs",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Processes to render with.",
)
@click.pass_context
def command(
    ctx: click.Context,
    path: Path,
    out: Path | None,
    pdf: bool,
    site: bool,
    slides: bool,
    press: bool,
    lms: bool,
    jobs: int,
) -> None:
    """Build the program in PATH: OUT/site/, OUT/pdf/facilitator-guide.pdf and
    OUT/pdf/participant-workbook.pdf; with --press also OUT/press/."""
    from ..boundary import output_inside_sources
    from ..pipeline import build

    if not pdf and not site:
        raise click.UsageError("nothing to build: --no-pdf and --no-site leave no output; drop one")
    explicit = ctx.get_parameter_source("slides") is click.core.ParameterSource.COMMANDLINE
    if not pdf and slides and explicit:
        raise click.UsageError(
            "--slides needs the PDFs (the deck quotes workbook pages); drop --no-pdf or --slides"
        )

    if lms and not site:
        raise click.UsageError("--lms packages the handbook; drop --no-site or --lms")
    if press and not pdf:
        raise click.UsageError("--press needs the PDFs it is made from; drop --no-pdf or --press")
    if why := output_inside_sources(path, out or path / "build"):
        raise click.BadParameter(why, param_hint="'--out'")

    report = build(
        path,
        out or path / "build",
        pdf=pdf,
        site=site,
        slides=slides,
        press=press,
        lms=lms,
        jobs=jobs,
    )
    for line in report.lines():
        click.echo(line)
