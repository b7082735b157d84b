"""Every command takes a relative PATH from any working directory, a symbolic link or a
folder name with spaces and non-Latin letters, and means the same folder."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from ..conftest import FIXTURES, run_cli

FOLDER = "учебная программа 培训"


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """ws/<FOLDER> holds the basic fixture; ws/elsewhere is the working directory."""
    root = tmp_path / "ws" / FOLDER
    shutil.copytree(FIXTURES / "basic", root)
    (tmp_path / "ws" / "elsewhere").mkdir()
    (tmp_path / "ws" / "link").symlink_to(root, target_is_directory=True)
    return root


SPELLINGS = [f"../{FOLDER}", f"../{FOLDER}/", f"./../{FOLDER}/.", "../link"]


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("command", ["validate", "agenda", "diff"])
def test_reading_commands_take_a_relative_path(program: Path, command: str, spelling: str) -> None:
    result = run_cli(command, spelling, cwd=program.parent / "elsewhere")
    assert result.code == 0, result.err
    expected = {
        "validate": "OK: Basic fixture: 1 module, 2 exercises, 1 case.",
        "agenda": "Basic fixture",
        "diff": "add       module serve-first",
    }[command]
    assert expected in result.out


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_schema_and_new_write_into_the_named_folder(program: Path, spelling: str) -> None:
    elsewhere = program.parent / "elsewhere"
    result = run_cli("schema", spelling, cwd=elsewhere)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == f"wrote {program}/schema/module.schema.json"
    assert (program / "schema/case.schema.json").is_file()
    result = run_cli("new", "module", "новый-модуль", "--path", spelling, cwd=elsewhere)
    assert result.code == 1  # ids are ASCII: a located refusal, not a write elsewhere
    result = run_cli("new", "exercise", "pairs-2", "--path", spelling, cwd=elsewhere)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == f"created {program}/exercises/pairs-2.yml"
    assert list(elsewhere.iterdir()) == []


def test_init_prints_a_next_step_that_works_from_anywhere(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    result = run_cli("init", "../новая программа/", cwd=tmp_path / "elsewhere")
    assert result.code == 0, result.err
    created = tmp_path / "новая программа"
    assert result.out.splitlines() == [
        f"created {created}/ (mkdocs.yml, modules/, modules/cases/, exercises/, docs/, schema/, "
        ".gitignore)",
        f"next: servefirst build {shlex.quote(str(created))}",
    ]
    assert (created / "mkdocs.yml").is_file()
    assert list((tmp_path / "elsewhere").iterdir()) == []
