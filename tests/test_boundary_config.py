"""The boundary as MkDocs reads the configuration, and the folders it may not mix.

``docs_dir`` and ``theme.custom_dir`` are judged after ``!ENV`` and ``INHERIT`` are
applied; a published folder may not hold the program's YAML files or be the program
folder; a configured folder must exist; an output folder may not be inside a folder the
program reads from; hand-written pages follow the prose rules. Each refusal is exact.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import run_cli
from .test_boundary import _config, _option, _refused

OUT_OF_DOCS = (
    "leads outside the program folder, and every file in it would be published in the "
    "site; keep the handbook's own pages in a folder inside the program folder, such as docs"
)
READ = "(as MkDocs reads it, with !ENV and INHERIT applied)"


def _outside_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "外部 outside" / "docs"
    docs.mkdir(parents=True)
    (docs / "secret.md").write_text("# Секрет\n", encoding="utf-8")
    return docs


def test_docs_dir_from_the_environment_is_judged(
    basic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _outside_docs(tmp_path)
    monkeypatch.setenv("OUTDOCS", str(docs))
    _config(basic, "docs_dir: docs", "docs_dir: !ENV [OUTDOCS, docs]")
    _refused(basic, f"mkdocs.yml:3: docs_dir: '{docs}' {READ} {OUT_OF_DOCS}")
    built = run_cli("build", basic, "--no-pdf", "--no-slides")
    assert built.code == 1 and "Traceback" not in built.err
    assert not (basic / "build/site").exists()


def test_docs_dir_from_an_inherited_file_is_judged(basic: Path, tmp_path: Path) -> None:
    _outside_docs(tmp_path)
    (tmp_path / "外部 outside/base.yml").write_text("docs_dir: ../外部 outside/docs\n")
    _config(basic, "docs_dir: docs", "INHERIT: ../外部 outside/base.yml")
    _refused(basic, f"mkdocs.yml:3: docs_dir: '../外部 outside/docs' {READ} {OUT_OF_DOCS}")


def test_docs_dir_as_a_relative_tag_is_refused(basic: Path) -> None:
    _config(basic, "docs_dir: docs", "docs_dir: !relative $config_dir/docs")
    _refused(
        basic,
        "mkdocs.yml:3: docs_dir: is not a plain path (it uses !relative, or is a list or a "
        "mapping), and MkDocs would stop the site build; write the folder's path relative to "
        "mkdocs.yml, such as docs",
    )


OVERLAP = (
    "overlap, and the site would publish the program's YAML files with their facilitator "
    "notes; keep the handbook's own pages in a folder of their own, such as docs, apart from "
)


def test_docs_dir_may_not_be_the_modules_folder(basic: Path) -> None:
    _config(basic, "docs_dir: docs", "docs_dir: modules")
    _refused(
        basic, f"mkdocs.yml:3: docs_dir: 'modules' and modules_dir 'modules' {OVERLAP}modules_dir"
    )


def test_modules_may_not_be_inside_docs(basic: Path) -> None:
    (basic / "modules").rename(basic / "docs/mods")
    _option(basic, "modules_dir: docs/mods")
    _refused(
        basic, f"mkdocs.yml:3: docs_dir: 'docs' and modules_dir 'docs/mods' {OVERLAP}modules_dir"
    )


def test_docs_dir_may_not_be_the_program_folder(basic: Path) -> None:
    _config(basic, "docs_dir: docs", "docs_dir: .")
    _refused(
        basic,
        "mkdocs.yml:3: docs_dir: '.' is the program folder itself, and the site would publish "
        "every file of the program, facilitator notes included; keep the handbook's own pages "
        "in a folder of their own, such as docs",
    )


def test_a_configured_folder_must_exist(basic: Path) -> None:
    (basic / "modules").rename(basic / "custom")
    _option(basic, "modules_dir: 'custom\\mods'")
    _option(basic, "exercises_dir: übungen")
    _config(basic, "docs_dir: docs", "docs_dir: 'C:\\docs'")
    _refused(
        basic,
        "mkdocs.yml:3: docs_dir: 'C:\\docs' is a Windows path, which names no folder here; "
        "give the folder's path relative to mkdocs.yml, with / between names (such as docs)",
        "mkdocs.yml:15: modules_dir: 'custom\\mods' is not a folder in the program folder; "
        "use / in paths (custom/mods), as on every system",
        "mkdocs.yml:16: exercises_dir: 'übungen' is not a folder in the program folder; "
        "create it, or correct the path (relative to mkdocs.yml)",
    )


def test_the_default_folders_may_be_missing(basic: Path) -> None:
    shutil.rmtree(basic / "docs")
    assert run_cli("validate", basic).code == 0


def test_a_pipe_or_an_output_folder_in_docs_is_refused(basic: Path) -> None:
    os.mkfifo(basic / "docs/pipe")
    (basic / "docs/out 出力").mkdir()
    (basic / "docs/out 出力/.servefirst-cache.json").write_text("{}")
    _refused(
        basic,
        "docs/out 出力: is a Serve First output folder (it holds .servefirst-cache.json), and "
        "the site would publish its files, the facilitator guide included; move it out, and "
        "build with --out outside the published folders (the default, build, is fine)",
        "docs/pipe: is not a regular file (a pipe, a socket or a device), which the site build "
        "cannot copy; remove it",
    )


@pytest.mark.parametrize("command", ["build", "personalize"])
def test_an_output_folder_inside_docs_is_refused(basic: Path, command: str) -> None:
    roster = basic.parent / "roster.csv"
    roster.write_text("name\nАнна\n", encoding="utf-8")
    extra: list[str | Path] = ["--roster", roster] if command == "personalize" else ["--no-slides"]
    before = sorted(p.relative_to(basic) for p in basic.rglob("*"))
    result = run_cli(command, basic, "--out", basic / "docs/人 people", *extra)
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        f"Error: Invalid value for '--out': {basic}/docs/人 people is inside docs_dir (docs), "
        "whose every file the site publishes, the facilitator guide included; choose an "
        f"output folder outside it, such as {basic}/build"
    )
    assert sorted(p.relative_to(basic) for p in basic.rglob("*")) == before


def test_the_docs_folder_itself_is_refused_as_output(basic: Path) -> None:
    result = run_cli("build", basic, "--out", basic / "modules", "--no-slides")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        f"Error: Invalid value for '--out': {basic}/modules is modules_dir (modules), which "
        f"holds the program's sources; choose an output folder outside it, such as "
        f"{basic}/build"
    )


def test_the_plugin_listed_twice_is_refused(basic: Path) -> None:
    _config(basic, "  - search\n", "  - search\n  - servefirst\n")
    _refused(
        basic,
        "mkdocs.yml:14: servefirst: the plugin is listed 2 times under 'plugins' (lines 13, "
        "14); keep one entry with all its options",
    )


def test_hand_written_pages_follow_the_prose_rules(basic: Path) -> None:
    (basic / "docs/guide").mkdir()
    (basic / "docs/guide/notes 笔记.md").write_text(
        "# Notes\n\n"
        "[handout](file:///tmp/handout.pdf) and ![map](/tmp/x.png)\n\n"
        '<a href="javascript:alert(1)">js</a> and [plan](plan.md)\n\n'
        "[home](../index.md), [module](../modules/serve-first.md), "
        "[workbook](../downloads/participant-workbook.pdf), [مرحبا](../guide/notes%20笔记.md), "
        "[all modules](../modules/)\n\n"
        "[the module file](../../modules/serve-first.yml) [outside docs](../../mkdocs.yml)\n",
        encoding="utf-8",
    )
    page = "docs/guide/notes 笔记.md"
    _refused(
        basic,
        f"{page}:3: image '/tmp/x.png' is an absolute path; use a path relative to the "
        "program folder",
        f"{page}:3: link 'file:///tmp/handout.pdf' is a file: address; use a path relative "
        "to the program folder",
        f"{page}:5: link 'javascript:alert(1)' uses 'javascript:'; a link is a web address "
        "(https://), mailto: or tel:",
        f"{page}:5: link 'plan.md' names no file; check the name, and that paths are "
        "relative to this page's folder",
        f"{page}:9: link '../../mkdocs.yml' is a YAML file of the program, which the handbook "
        "never publishes; link to a page or a document instead",
        f"{page}:9: link '../../modules/serve-first.yml' is a YAML file of the program, which "
        "the handbook never publishes; link to a page or a document instead",
    )


def test_a_link_from_a_page_to_a_file_outside_docs_is_refused(basic: Path) -> None:
    (basic / "handouts").mkdir()
    (basic / "handouts/sheet.pdf").write_bytes(b"%PDF-1.4\n")
    (basic / "docs/notes.md").write_text("# Notes\n\n[sheet](../handouts/sheet.pdf)\n")
    _refused(
        basic,
        "docs/notes.md:3: link '../handouts/sheet.pdf' is outside docs, and the site "
        "publishes only the files in it; move the file into docs",
    )


def test_an_empty_or_folder_slides_template_is_refused(basic: Path) -> None:
    _config(basic, "      program:\n", "      program:\n        slides_template: ''\n")
    _refused(
        basic,
        "mkdocs.yml:16: program.slides_template: is empty; give the path of a .pptx file "
        "relative to mkdocs.yml, or leave slides_template out for the house style",
    )
    _config(basic, "slides_template: ''", "slides_template: docs")
    _refused(
        basic,
        "mkdocs.yml:16: program.slides_template: docs is a folder, not a PowerPoint (.pptx) "
        "file; give a path relative to mkdocs.yml",
    )
