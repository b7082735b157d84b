"""Hand-written pages never replace generated ones silently.

A file in docs/ at a generated page's path or address, or where the plugin writes its own
files, is a validation error naming both; the plugin option ``overrides`` lists the pages
replaced on purpose, which ``validate`` reports as notices and ``diff`` lists.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from generator.collisions import generated_pages
from generator.loader import load_program

from .conftest import run_cli


def _advice(page: str) -> str:
    return (
        f"stands where Serve First generates the page {page}, and would replace it; rename or "
        f"move this file, or list '{page}' under the servefirst plugin's 'overrides' in "
        "mkdocs.yml to replace the generated page on purpose"
    )


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _overrides(root: Path, pages: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("      program:\n", f"      overrides: {pages}\n      program:\n", 1), "utf-8"
    )


HOME = "# Добро пожаловать 🌱\n\nOur own home page.\n"


def test_the_generated_pages_come_from_the_site_itself(basic: Path) -> None:
    pages = generated_pages(load_program(basic))
    assert {"index.md", "agenda.md", "modules/serve-first.md"} <= set(pages)
    assert all(page.endswith(".md") for page in pages)


def test_every_generated_page_written_by_hand_is_refused(basic: Path) -> None:
    pages = generated_pages(load_program(basic))
    _write(basic, {f"docs/{page}": "# Mine\n" for page in pages})
    result = run_cli("validate", basic)
    assert result.code == 1
    expected = sorted(f"docs/{page}: {_advice(page)}" for page in pages)
    count = len(pages)
    assert result.err.splitlines() == [*expected, f"{count} problems in {count} files."]


def test_the_reported_case_names_both_files(basic: Path) -> None:
    """../shared/cases/docs-collision: the home page, the agenda and a module page."""
    _write(
        basic,
        {
            "docs/index.md": HOME,
            "docs/agenda.md": "# Our agenda\n",
            "docs/modules/serve-first.md": "# Our module\n",
        },
    )
    result = run_cli("validate", basic)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"docs/agenda.md: {_advice('agenda.md')}",
        f"docs/index.md: {_advice('index.md')}",
        f"docs/modules/serve-first.md: {_advice('modules/serve-first.md')}",
        "3 problems in 3 files.",
    ]


def test_a_file_published_at_a_generated_address_is_refused(basic: Path) -> None:
    _write(basic, {"docs/README.md": HOME, "docs/agenda.html": "<p>Ours</p>"})
    result = run_cli("validate", basic)
    assert result.code == 1
    assert result.err.splitlines() == [
        "docs/README.md: would be published at index.html, the address of the generated page "
        "index.md; rename or move this file, or, to replace that page on purpose, name it "
        "docs/index.md and list 'index.md' under the servefirst plugin's 'overrides' in "
        "mkdocs.yml",
        "docs/agenda.html: would be published at agenda.html, the address of the generated "
        "page agenda.md; rename or move this file, or, to replace that page on purpose, name "
        "it docs/agenda.md and list 'agenda.md' under the servefirst plugin's 'overrides' in "
        "mkdocs.yml",
        "2 problems in 2 files.",
    ]


def test_the_plugins_own_files_cannot_be_overridden(basic: Path) -> None:
    _write(
        basic,
        {
            "docs/assets/servefirst/servefirst.css": "body {}",
            "docs/downloads/participant-workbook.pdf": "%PDF-1.7",
        },
    )
    _overrides(basic, "[downloads/participant-workbook.pdf]")
    result = run_cli("validate", basic)
    assert result.code == 1
    assert result.err.splitlines() == [
        "docs/assets/servefirst/servefirst.css: Serve First writes its own file at "
        "assets/servefirst/servefirst.css and would replace this one; rename or move this file",
        "docs/downloads/participant-workbook.pdf: Serve First writes its own file at "
        "downloads/participant-workbook.pdf and would replace this one; rename or move this "
        "file",
        "2 problems in 2 files.",
    ]


def test_other_hand_written_pages_are_welcome(basic: Path) -> None:
    _write(
        basic,
        {
            "docs/领导力.md": "# 领导力\n",
            "docs/modules/serve-first/index.md": "# Notes\n",  # modules/serve-first/index.html
            "docs/modules/notes.md": "# Notes\n",
        },
    )
    result = run_cli("validate", basic)
    assert result.code == 0, result.err
    assert result.err == ""


def test_an_override_is_a_notice_and_diff_lists_it(basic: Path) -> None:
    _write(basic, {"docs/index.md": HOME, "docs/modules/serve-first.md": "# Ours\n"})
    _overrides(basic, "[index.md, modules/serve-first.md]")
    result = run_cli("validate", "--strict", basic)
    assert result.code == 0, result.err
    assert result.out == "OK: Basic fixture: 1 module, 2 exercises, 1 case.\n"
    assert result.err.splitlines() == [
        "notice: docs/index.md replaces the generated page index.md (listed in overrides)",
        "notice: docs/modules/serve-first.md replaces the generated page modules/serve-first.md "
        "(listed in overrides)",
    ]
    diff = run_cli("diff", basic)
    assert diff.code == 0, diff.err
    assert diff.out.splitlines()[:2] == [
        "override  page index.md: hand-written docs/index.md",
        "override  page modules/serve-first.md: hand-written docs/modules/serve-first.md",
    ]


def test_diff_lists_no_page_without_overrides(basic: Path) -> None:
    diff = run_cli("diff", basic)
    assert diff.code == 0, diff.err
    assert "page" not in diff.out


def test_stale_overrides_are_warnings_at_their_line(basic: Path) -> None:
    _overrides(basic, "\n        - agenda.md\n        - über.md")
    result = run_cli("validate", basic)
    assert result.code == 0, result.err
    pages = ", ".join(generated_pages(load_program(basic)))
    assert result.err.splitlines() == [
        "warning: mkdocs.yml:16: overrides[0]: there is no docs/agenda.md to replace the "
        "generated page 'agenda.md'; write that page or remove the entry",
        "warning: mkdocs.yml:17: overrides[1]: 'über.md' is not a page Serve First generates "
        f"for this program; remove it (the generated pages are {pages})",
    ]
    assert run_cli("validate", "--strict", basic).code == 1


def test_build_refuses_a_collision_and_writes_no_site(basic: Path, tmp_path: Path) -> None:
    _write(basic, {"docs/index.md": HOME})
    out = tmp_path / "out"
    result = run_cli("build", basic, "--out", out, "--no-pdf")
    assert result.code == 1
    assert result.err.splitlines()[0] == f"docs/index.md: {_advice('index.md')}"
    assert not (out / "site").exists()


def test_mkdocs_builds_an_override_strictly(basic: Path, tmp_path: Path) -> None:
    """The option is known to MkDocs too (no 'unrecognised' warning under --strict); the
    hand-written home page is published and every other page is still generated."""
    _write(basic, {"docs/index.md": HOME})
    _overrides(basic, "[index.md]")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=basic,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    h1 = home.find("h1")
    assert h1 is not None and h1.find(string=True) == "Добро пожаловать 🌱"
    article = home.select_one("article")
    assert article is not None and "Basic fixture" not in article.get_text()  # not generated
    agenda = BeautifulSoup((site / "agenda.html").read_text(encoding="utf-8"), "html.parser")
    article = agenda.select_one("article")
    assert article is not None
    assert "Serve first: what servant leadership is" in article.get_text()
