"""Templates for new module, case and exercise files."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from ..errors import ServeFirstError
from ..file_names import RESERVED

SCHEMA_DIR = "schema"
KINDS = {"module": "modules", "case": "modules/cases", "exercise": "exercises"}


def scaffold(root: Path, kind: str, item_id: str) -> Path:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item_id):
        raise ServeFirstError(
            f"'{item_id}' is not a valid id: use lower-case words joined by hyphens, like 'my-module'"
        )
    if item_id in RESERVED:
        raise ServeFirstError(
            f"'{item_id}' is a name Windows keeps for a device and cannot use for a file; "
            f"choose another id, such as '{item_id}-{kind}'"
        )
    folder = root / KINDS[kind]
    target = folder / f"{item_id}.yml"
    depth = "../" * KINDS[kind].count("/") + "../"
    template = (files(__package__) / f"{kind}.yml.j2").read_text(encoding="utf-8")
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    title = item_id.replace("-", " ").capitalize()
    text = env.from_string(template).render(
        id=item_id, title=title, schema=f"{depth}{SCHEMA_DIR}/{kind}.schema.json"
    )
    folder.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return target
