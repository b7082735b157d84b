"""``servefirst init``: start a program folder that builds on the built-in library."""

from __future__ import annotations

import json
import shlex
from importlib.resources import files
from pathlib import Path

import click
from jinja2 import Environment, StrictUndefined

from ..errors import ServeFirstError
from ..library import library_root
from ..loader import load_program
from ..model import Break
from .paths import NEW_DIR
from .schema import write_schemas

DEFAULT_PLAN_SOURCE = "mkdocs.yml"
GITIGNORE = """\
# Built outputs: the facilitator guide holds notes participants should not see.
build/
"""


def default_plan() -> list[dict[str, object]]:
    """The default program's plan, read from the library's own mkdocs.yml."""
    root = library_root()
    if root is None or not (root / DEFAULT_PLAN_SOURCE).is_file():
        raise ServeFirstError("the built-in library is missing; reinstall serve-first")
    program = load_program(root)
    plan: list[dict[str, object]] = []
    for item in program.config.days[0].plan:
        if isinstance(item, Break):
            plan.append({"module": None, "name": item.break_, "minutes": item.minutes})
        else:
            plan.append({"module": item})
    return plan


@click.command("init")
@click.argument("path", type=NEW_DIR)
@click.option("--title", default=None, help="The program's title (default: the folder's name).")
def command(path: Path, title: str | None) -> None:
    """Create a program folder at PATH that builds at once on the built-in library."""
    title = title or path.name
    if (path / "mkdocs.yml").exists():
        raise ServeFirstError(f"{path / 'mkdocs.yml'} already exists; choose an empty folder")
    template = (files("generator") / "scaffold/program/mkdocs.yml.j2").read_text(encoding="utf-8")
    env = Environment(undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    # A YAML double-quoted string: a title such as "Nurses: 2026 #1" stays one value.
    env.filters["quoted"] = lambda text: json.dumps(text, ensure_ascii=False)
    text = env.from_string(template).render(title=title, plan=default_plan())
    for folder in ("modules/cases", "exercises", "docs"):
        (path / folder).mkdir(parents=True, exist_ok=True)
    (path / "mkdocs.yml").write_text(text, encoding="utf-8")
    write_schemas(path)
    ignore = path / ".gitignore"
    if not ignore.exists():  # the built guide holds facilitator notes: keep it out of git
        ignore.write_text(GITIGNORE, encoding="utf-8")
    click.echo(
        f"created {path}/ (mkdocs.yml, modules/, modules/cases/, exercises/, docs/, schema/, "
        ".gitignore)"
    )
    click.echo(f"next: servefirst build {shlex.quote(str(path))}")
