from __future__ import annotations

import json
from pathlib import Path

from generator.cli.schema import MODELS, schema_text

from ..conftest import REPO, run_cli


def test_validate_ok(basic: Path) -> None:
    result = run_cli("validate", basic)
    assert result.code == 0
    assert result.out.strip() == "OK: Basic fixture: 1 module, 2 exercises, 1 case."


def test_usage_error_exits_2(basic: Path) -> None:
    assert run_cli("validate", basic / "missing").code == 2
    assert run_cli("no-such-command").code == 2


def test_agenda_prints_clock_times(basic: Path) -> None:
    result = run_cli("agenda", basic)
    assert result.code == 0
    rows = [" ".join(line.replace("│", " ").split()) for line in result.out.splitlines()]
    assert "09:00-10:00 Serve first: what servant 60" in rows
    assert "10:00-10:15 Coffee 15" in rows
    assert "09:40 Listening pairs 15" in rows
    assert any("Ends at 10:15" in row for row in rows)


def test_new_items_validate_and_build_at_once(basic: Path, tmp_path: Path) -> None:
    for kind, item_id in (
        ("module", "my-module"),
        ("exercise", "my-exercise"),
        ("case", "my-case"),
    ):
        result = run_cli("new", kind, item_id, "--path", basic)
        assert result.code == 0, result.err
    created = basic / "modules/my-module.yml"
    assert created.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/module.schema.json"
    )
    config = basic / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "- serve-first", "- serve-first\n              - my-module"
        ),
        encoding="utf-8",
    )
    assert run_cli("validate", basic).code == 0
    assert run_cli("build", basic, "--out", tmp_path / "out", "--no-pdf").code == 0
    assert (tmp_path / "out/site/modules/my-module.html").is_file()


def test_new_refuses_to_overwrite_and_bad_ids(basic: Path) -> None:
    result = run_cli("new", "exercise", "listening-pairs", "--path", basic)
    assert result.code == 1
    assert "already exists; choose another id" in result.err
    result = run_cli("new", "module", "Bad Id", "--path", basic)
    assert result.code == 1
    assert "'Bad Id' is not a valid id" in result.err


def test_schema_command_writes_the_committed_schemas(tmp_path: Path) -> None:
    assert run_cli("schema", tmp_path).code == 0
    for kind in MODELS:
        written = (tmp_path / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert json.loads(written)["title"] == f"Serve First {kind}"
        committed = (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(kind), f"run `servefirst schema .` to refresh {kind}"
