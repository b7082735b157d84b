"""The program folder is the boundary, and file-shape mistakes get messages that help.

Every configured path (docs_dir, theme.custom_dir, modules_dir, exercises_dir, the logo,
slides_template) and every module, case and exercise file must resolve inside the program
folder, symbolic links followed; a link in a published folder may not lead out, to nothing
or round in a loop. Each refusal is a located problem printed by ``validate`` (exit 1),
and ``build`` refuses the same input before writing anything.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CliResult, run_cli

Write = Callable[[dict[str, str | bytes]], Path]

PLUGIN_LINE = 13  # `  - servefirst:` in the basic fixture's mkdocs.yml
DOCS_OUT = (
    ", and every file in it would be published in the site; keep the handbook's own pages "
    "in a folder inside the program folder, such as docs"
)
LINK_OUT = (
    "is a symbolic link that leads outside the program folder, and the site would publish "
    "what it points to; copy the file (or folder) into the program folder instead"
)
LINK_LOOP = (
    "is a symbolic link that leads round in a loop, and the site build would follow it "
    "without end; remove it"
)


def _config(root: Path, old: str, new: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def _option(root: Path, line: str) -> None:
    """Add ``line`` as a plugin option (line 15 of mkdocs.yml), before ``program:``."""
    _config(root, "      program:\n", f"      {line}\n      program:\n")


def _refused(root: Path, *expected: str) -> CliResult:
    """``validate`` fails with exactly these problems, in this order."""
    result = run_cli("validate", root)
    assert result.code == 1, result.out
    files = len({line.split(":", 1)[0] for line in expected})
    noun = "problem" if len(expected) == 1 else "problems"
    summary = f"{len(expected)} {noun} in {files} file{'s' if files != 1 else ''}."
    assert result.err.splitlines() == [*expected, summary]
    assert "Traceback" not in result.err
    return result


def _move_out(root: Path, relative: str, outside: Path) -> Path:
    """Move a file of the program out of it and leave a symbolic link in its place."""
    outside.mkdir(parents=True, exist_ok=True)
    target = outside / Path(relative).name
    (root / relative).rename(target)
    (root / relative).symlink_to(target)
    return target


# ---- item files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "relative",
    [
        "modules/serve-first.yml",
        "modules/cases/southwest-airlines.yml",
        "exercises/listening-pairs.yml",
    ],
)
def test_an_item_file_linked_out_of_the_folder_is_refused(
    basic: Path, tmp_path: Path, relative: str
) -> None:
    _move_out(basic, relative, tmp_path / "elsewhere")
    _refused(
        basic,
        f"{relative}: is a symbolic link to a file outside the program folder; "
        "copy the file into the program folder instead",
    )


def test_a_non_latin_module_file_linked_out_is_refused(basic: Path, tmp_path: Path) -> None:
    outside = tmp_path / "外部 files"
    outside.mkdir()
    (outside / "领导力.yml").write_text("id: 领导力\n", encoding="utf-8")
    (basic / "modules/领导力.yml").symlink_to(outside / "领导力.yml")
    _refused(
        basic,
        "modules/领导力.yml: is a symbolic link to a file outside the program folder; "
        "copy the file into the program folder instead",
    )


def test_a_link_to_a_file_inside_the_folder_is_followed(basic: Path) -> None:
    shared = basic / "shared"
    shared.mkdir()
    (basic / "modules/serve-first.yml").rename(shared / "serve-first.yml")
    (basic / "modules/serve-first.yml").symlink_to(Path("../shared/serve-first.yml"))
    result = run_cli("validate", basic)
    assert result.code == 0, result.err
    assert result.out == "OK: Basic fixture: 1 module, 2 exercises, 1 case.\n"


def test_build_refuses_a_module_linked_out_and_writes_nothing(basic: Path, tmp_path: Path) -> None:
    _move_out(basic, "modules/serve-first.yml", tmp_path / "elsewhere")
    out = tmp_path / "out"
    result = run_cli("build", basic, "--out", out)
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        "modules/serve-first.yml: is a symbolic link to a file outside the program folder; "
        "copy the file into the program folder instead"
    )
    assert not out.exists() or not any(out.iterdir())


def test_a_folder_named_like_a_module_file_is_reported_as_a_folder(basic: Path) -> None:
    (basic / "modules/готовность.yml").mkdir()  # a folder, with a module's name
    (basic / "modules/готовность.yml/notes.md").write_text("план", encoding="utf-8")
    (basic / "modules/cases/listening.yml").mkdir()
    _config(
        basic, "              - serve-first\n", "              - serve-first\n              - x\n"
    )
    (basic / "modules/x.yml").mkdir()
    _refused(
        basic,
        "modules/cases/listening.yml: is a folder, not a file; a case is one YAML file: "
        "rename or remove the folder, then write the file (servefirst new case listening)",
        "modules/x.yml: is a folder, not a file; a module is one YAML file: rename or remove "
        "the folder, then write the file (servefirst new module x)",
        "modules/готовность.yml: is a folder, not a file; a module is one YAML file: rename or "
        "remove the folder, then write the file (servefirst new module готовность)",
    )


def test_a_link_to_nothing_in_the_modules_folder_is_reported(basic: Path) -> None:
    (basic / "modules/missing.yml").symlink_to("nowhere.yml")
    _refused(
        basic,
        "modules/missing.yml: is a symbolic link to a file that does not exist; "
        "replace it with the file",
    )


# ---- two documents, a bare plugin entry ----------------------------------------------------


def test_a_module_file_with_two_documents_says_which_line_and_what_to_do(
    write_files: Write,
) -> None:
    root = write_files({"exercises/تمرين.yml": "id: x\n---\nid: y\n"})
    _refused(
        root,
        "exercises/تمرين.yml:2: invalid YAML: a second document starts on line 2; an exercise "
        "file holds one document; remove the '---' line or split the file",
    )


def test_mkdocs_yml_with_two_documents_names_itself(basic: Path) -> None:
    config = basic / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "---\nsite_name: Two\n", "utf-8")
    _refused(
        basic,
        "mkdocs.yml:30: invalid YAML: a second document starts on line 30; mkdocs.yml holds "
        "one document; remove the '---' line or split the file",
    )


def test_a_bare_plugin_entry_has_a_line_and_says_what_to_add(basic: Path) -> None:
    config = basic / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("  - servefirst:")] + "  - servefirst\n", "utf-8")
    _refused(
        basic,
        f"mkdocs.yml:{PLUGIN_LINE}: servefirst: the plugin has no options; give it 'program:' "
        "with the title, organisation, audience and days (servefirst init writes an example)",
    )


def test_a_plugin_entry_with_empty_options_has_a_line(basic: Path) -> None:
    config = basic / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("  - servefirst:")] + "  - servefirst:\n", "utf-8")
    _refused(basic, f"mkdocs.yml:{PLUGIN_LINE}: program: required field is missing; add it")


# ---- configured paths ----------------------------------------------------------------------


def test_docs_dir_outside_the_program_is_refused(basic: Path, tmp_path: Path) -> None:
    (tmp_path / "public").mkdir()
    (tmp_path / "public/secret.md").write_text("# Secret\n", encoding="utf-8")
    _config(basic, "docs_dir: docs", "docs_dir: ../public")
    _refused(
        basic, f"mkdocs.yml:3: docs_dir: '../public' leads outside the program folder{DOCS_OUT}"
    )


def test_a_docs_folder_linked_out_is_refused_even_at_the_default(
    basic: Path, tmp_path: Path
) -> None:
    _config(basic, "docs_dir: docs\n", "")  # MkDocs' default, docs, is checked too
    (basic / "docs/.gitkeep").unlink()
    (basic / "docs").rmdir()
    (tmp_path / "Документы").mkdir()
    (basic / "docs").symlink_to(tmp_path / "Документы")
    _refused(
        basic,
        "mkdocs.yml: docs_dir: 'docs' leads through a symbolic link to a place outside the "
        f"program folder{DOCS_OUT}",
    )


@pytest.mark.parametrize(
    ("option", "advice"),
    [
        (
            "modules_dir",
            "keep the program's modules in a folder inside the program folder, such as modules",
        ),
        (
            "exercises_dir",
            "keep the program's exercises in a folder inside the program folder, such as exercises",
        ),
    ],
)
def test_an_item_folder_outside_the_program_is_refused(
    basic: Path, tmp_path: Path, option: str, advice: str
) -> None:
    (tmp_path / "shared").mkdir()
    _option(basic, f"{option}: ../shared")
    _refused(
        basic, f"mkdocs.yml:15: {option}: '../shared' leads outside the program folder; {advice}"
    )


def test_the_modules_folder_linked_out_is_refused_at_the_plugin_line(
    basic: Path, tmp_path: Path
) -> None:
    (basic / "modules").rename(tmp_path / "modules")
    (basic / "modules").symlink_to(tmp_path / "modules")
    _refused(
        basic,
        f"mkdocs.yml:{PLUGIN_LINE}: modules_dir: 'modules' leads through a symbolic link to a "
        "place outside the program folder; keep the program's modules in a folder inside the "
        "program folder, such as modules",
    )


def test_slides_template_outside_is_refused(basic: Path, tmp_path: Path) -> None:
    (tmp_path / "deck.pptx").write_bytes(b"PK")
    _config(
        basic,
        "        audience: Team leaders\n",
        "        audience: Team leaders\n        slides_template: ../deck.pptx\n",
    )
    _refused(
        basic,
        "mkdocs.yml:19: program.slides_template: '../deck.pptx' leads outside the program "
        "folder; copy the template into the program folder and give its path relative to "
        "mkdocs.yml",
    )


def test_a_logo_linked_out_is_refused(basic: Path, tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", "utf-8")
    (basic / "brand").mkdir()
    (basic / "brand/logo.svg").symlink_to(tmp_path / "logo.svg")
    _config(
        basic,
        "        audience: Team leaders\n",
        "        audience: Team leaders\n        branding: {logo: brand/logo.svg}\n",
    )
    _refused(
        basic,
        "mkdocs.yml:19: program.branding.logo: 'brand/logo.svg' leads through a symbolic link "
        "to a place outside the program folder; copy the logo into the program folder (for "
        "example docs/logo.svg) and give its path relative to mkdocs.yml",
    )


def test_a_theme_folder_outside_is_refused(basic: Path) -> None:
    _config(basic, "  font: false\n", "  font: false\n  custom_dir: /etc\n")
    _refused(
        basic,
        "mkdocs.yml:7: theme.custom_dir: '/etc' leads outside the program folder, and its "
        "files would be published in the site; keep theme overrides in a folder inside the "
        "program folder, such as overrides",
    )


def test_links_in_docs_that_lead_out_nowhere_or_round_are_refused(
    basic: Path, tmp_path: Path
) -> None:
    (tmp_path / "secret.md").write_text("# Secret\n", encoding="utf-8")
    docs = basic / "docs"
    (docs / "секрет.md").symlink_to(tmp_path / "secret.md")
    (docs / "outside").symlink_to(tmp_path)
    (docs / "gone.png").symlink_to("missing.png")
    (docs / "sub").mkdir()
    (docs / "sub/up").symlink_to("..")
    (docs / ".hidden").symlink_to(tmp_path)  # MkDocs skips dot names: so does the check
    (docs / "inside.md").symlink_to("../modules/serve-first.yml")  # inside: fine
    _refused(
        basic,
        "docs/gone.png: is a symbolic link to nothing, and the site build would fail on it; "
        "remove it",
        f"docs/outside: {LINK_OUT}",
        f"docs/sub/up: {LINK_LOOP}",
        f"docs/секрет.md: {LINK_OUT}",
    )


def test_the_mkdocs_plugin_refuses_the_same(basic: Path, tmp_path: Path) -> None:
    """`mkdocs build` goes through the same loader: a docs_dir outside never publishes."""
    (tmp_path / "public").mkdir()
    (tmp_path / "public/secret.md").write_text("# Secret\n", encoding="utf-8")
    _config(basic, "docs_dir: docs", "docs_dir: ../public")
    site = tmp_path / "site"
    done = run_mkdocs(basic, site)
    assert done.code == 1
    assert f"mkdocs.yml:3: docs_dir: '../public' leads outside the program folder{DOCS_OUT}" in (
        done.err
    )
    assert not (site / "secret.html").exists()


def run_mkdocs(root: Path, site: Path) -> CliResult:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return CliResult(done.returncode, done.stdout, done.stderr)
