"""Every way of naming the program and output folders gives the same complete outputs.

Relative, absolute, `.`, a trailing slash, a symbolic link, spaces and non-Latin letters,
the output inside or outside the program folder, run from any working directory: the
outputs land in the one folder the arguments name, readable as an ordinary copy under
the user's umask, and nothing else in the working tree changes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from .build_checks import leftovers, run_cli_as, snapshot, wrong_modes
from .conftest import FIXTURES

NON_LATIN = "программа 培训"  # a program folder with a space, Cyrillic and Chinese


@dataclass(frozen=True)
class Form:
    id: str
    program: str  # folder name under the workspace
    cwd: str  # relative to the workspace
    path: str  # the PATH argument; {ws} is the workspace's absolute path
    out: str | None  # the --out argument, or None for the default
    expected: str  # where the outputs must land, relative to the workspace
    umask: int


def workspace(tmp_path: Path, form: Form) -> Path:
    """ws/<program> (the basic fixture), ws/elsewhere, ws/link -> program, ws/outlink."""
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURES / "basic", ws / form.program)
    (ws / "elsewhere").mkdir()
    (ws / "link").symlink_to(ws / form.program, target_is_directory=True)
    (ws / "real-out").mkdir()
    (ws / "outlink").symlink_to(ws / "real-out", target_is_directory=True)
    return ws


BUILD_FORMS = [
    Form("relative", "nurses", ".", "nurses", None, "nurses/build", 0o022),
    Form("trailing-slash", "nurses", ".", "nurses/", "nurses/out/", "nurses/out", 0o077),
    Form("dot", "nurses", "nurses", ".", None, "nurses/build", 0o022),
    Form("absolute", "nurses", "elsewhere", "{ws}/nurses", "{ws}/out-abs", "out-abs", 0o077),
    Form("parent-relative", "nurses", "elsewhere", "../nurses", "../built", "built", 0o022),
    Form("symlinked-program", "nurses", ".", "link", None, "nurses/build", 0o077),
    Form("symlinked-out", "nurses", ".", "nurses", "outlink/here", "real-out/here", 0o022),
    Form("non-latin", NON_LATIN, ".", NON_LATIN, "выход 出口", "выход 出口", 0o077),
    Form("non-latin-dot", NON_LATIN, NON_LATIN, ".", "./build 2/", f"{NON_LATIN}/build 2", 0o022),
    Form(
        "out-inside", "nurses", "elsewhere", "../nurses", "../nurses/public", "nurses/public", 0o077
    ),
]


def _args(form: Form, ws: Path) -> list[str]:
    args = [form.path.format(ws=ws)]
    if form.out is not None:
        args += ["--out", form.out.format(ws=ws)]
    return args


@pytest.mark.parametrize("form", BUILD_FORMS, ids=[f.id for f in BUILD_FORMS])
def test_build_site_lands_in_the_named_folder(tmp_path: Path, form: Form) -> None:
    ws = workspace(tmp_path, form)
    out = (ws / form.expected).resolve()
    before = snapshot(ws, out)
    result = run_cli_as("build", *_args(form, ws), "--no-pdf", cwd=ws / form.cwd, umask=form.umask)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    assert result.out.splitlines()[-1] == f"Wrote {out} (site/)"
    page = BeautifulSoup((out / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.title is not None and "Basic fixture" in page.title.text
    assert (out / "site/modules/serve-first.html").is_file()
    assert wrong_modes(out, form.umask) == []
    assert leftovers(out) == []
    assert snapshot(ws, out) == before

    again = run_cli_as("build", *_args(form, ws), "--no-pdf", cwd=ws / form.cwd, umask=form.umask)
    assert again.code == 0, again.err
    assert again.out.splitlines()[-2:] == [
        "unchanged: site",
        f"Wrote nothing to {out}: every output is unchanged",
    ]
    assert snapshot(ws, out) == before


def test_build_pdfs_through_a_non_latin_relative_path(tmp_path: Path) -> None:
    form = Form(
        "pdf", NON_LATIN, "elsewhere", f"../{NON_LATIN}/", None, f"{NON_LATIN}/build", 0o077
    )
    ws = workspace(tmp_path, form)
    out = (ws / form.expected).resolve()
    before = snapshot(ws, out)
    result = run_cli_as("build", *_args(form, ws), "--no-slides", cwd=ws / "elsewhere", umask=0o077)
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == (
        f"Wrote {out} (pdf/participant-workbook.pdf, pdf/facilitator-guide.pdf, site/, "
        "facilitator/run-of-show.html)"
    )
    for name in ("participant-workbook.pdf", "facilitator-guide.pdf"):
        reader = PdfReader(out / "pdf" / name)
        assert len(reader.pages) > 1
        assert "Serve first" in "".join(page.extract_text() for page in reader.pages)
    handed = (out / "site/downloads/participant-workbook.pdf").read_bytes()
    assert handed == (out / "pdf/participant-workbook.pdf").read_bytes()
    assert wrong_modes(out, 0o077) == []
    assert leftovers(out) == []
    assert snapshot(ws, out) == before


ROSTER = "name,cohort\nAda Lovelace,Spring\nЛев Толстой,Весна\n"

PERSONALIZE_FORMS = [
    Form("relative", "nurses", ".", "nurses", None, "nurses/build/personalized", 0o022),
    Form("dot-trailing-slash", "nurses", "nurses", ".", "../личные files/", "личные files", 0o077),
    Form("symlink-absolute", "nurses", "elsewhere", "{ws}/link", "{ws}/outlink", "real-out", 0o022),
    Form(
        "non-latin", NON_LATIN, "elsewhere", f"../{NON_LATIN}", None,
        f"{NON_LATIN}/build/personalized", 0o077,
    ),
]  # fmt: skip


@pytest.mark.parametrize("form", PERSONALIZE_FORMS, ids=[f.id for f in PERSONALIZE_FORMS])
def test_personalize_lands_in_the_named_folder(tmp_path: Path, form: Form) -> None:
    ws = workspace(tmp_path, form)
    (ws / "roster.csv").write_text(ROSTER, encoding="utf-8")
    roster = "{ws}/roster.csv" if form.path.startswith("{ws}") else "roster.csv"
    roster = roster if form.cwd == "." or "{ws}" in roster else "../roster.csv"
    out = (ws / form.expected).resolve()
    before = snapshot(ws, out)
    result = run_cli_as(
        "personalize",
        *_args(form, ws),
        "--roster",
        roster.format(ws=ws),
        cwd=ws / form.cwd,
        umask=form.umask,
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == f"Wrote 2 workbooks and 2 certificates to {out}"
    names = set()
    for kind in ("workbooks", "certificates"):
        files = sorted((out / kind).glob("*.pdf"))
        assert len(files) == 2
        for file in files:
            text = "".join("".join(page.extract_text().split()) for page in PdfReader(file).pages)
            names |= {
                name for name in ("Ada Lovelace", "Лев Толстой") if "".join(name.split()) in text
            }
    assert names == {"Ada Lovelace", "Лев Толстой"}
    assert wrong_modes(out, form.umask) == []
    assert leftovers(out) == []
    assert snapshot(ws, out) == before
