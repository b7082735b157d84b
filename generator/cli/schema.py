"""``servefirst schema``: JSON Schemas for module, case, exercise and checks files, for
editors."""

from __future__ import annotations

import json
from pathlib import Path

import click
from pydantic import BaseModel

from ..model import Case, Exercise, Module
from ..model.knowledge import CheckFile
from ..scaffold import SCHEMA_DIR
from .paths import NEW_DIR

MODELS: dict[str, type[BaseModel]] = {
    "module": Module,
    "case": Case,
    "exercise": Exercise,
    "checks": CheckFile,
}


def schema_text(kind: str) -> str:
    schema = MODELS[kind].model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Serve First {kind}"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@click.command("schema")
@click.argument("path", default=".", type=NEW_DIR)
def command(path: Path) -> None:
    """Write JSON Schemas into PATH/schema/ (default: the current folder)."""
    for target in write_schemas(path):
        click.echo(f"wrote {target}")


def write_schemas(path: Path) -> list[Path]:
    folder = path / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in MODELS:
        target = folder / f"{kind}.schema.json"
        target.write_text(schema_text(kind), encoding="utf-8")
        written.append(target)
    return written
