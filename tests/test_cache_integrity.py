"""The build cache never trusts what is not there: a damaged output is rebuilt, and says so."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cache import MANIFEST, Manifest

from .conftest import copy_fixture, run_cli

ALL = ["guide", "site", "workbook"]  # built with --no-slides


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The basic fixture built once (--no-slides); each test works on a copy."""
    base = tmp_path_factory.mktemp("cache")
    root = copy_fixture("basic", base)
    result = run_cli("build", root, "--out", base / "out", "--no-slides")
    assert result.code == 0, result.err
    return root, base / "out"


@pytest.fixture
def built(first_build: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    root, out = first_build
    copy = tmp_path / "out"
    shutil.copytree(out, copy)  # copy2 keeps modification times, so the copy is unchanged
    return root, copy


TIMING = re.compile(r"^[a-z ]+ +\d+\.\d\d s(, \d+ pages)?$")


def report_tail(root: Path, out: Path) -> list[str]:
    """Rebuild; the report without its timing rows."""
    result = run_cli("build", root, "--out", out, "--no-slides")
    assert result.code == 0, result.err
    assert Manifest.load(out).damage("site") is None
    return [line for line in result.out.splitlines() if not TIMING.match(line)]


def test_the_manifest_records_every_published_file(built: tuple[Path, Path]) -> None:
    _, out = built
    manifest = Manifest.load(out)
    site_files = {p.relative_to(out).as_posix() for p in (out / "site").rglob("*") if p.is_file()}
    assert set(manifest.files["site"]) == site_files
    size, digest = manifest.files["workbook"]["pdf/participant-workbook.pdf"]
    assert size == (out / "pdf/participant-workbook.pdf").stat().st_size
    assert len(digest) == 64


def test_nothing_changed_is_unchanged_even_when_touched(built: tuple[Path, Path]) -> None:
    root, out = built
    os.utime(out / "site/index.html")  # a new time, the same bytes: hashed, still unchanged
    assert report_tail(root, out)[-2:] == [
        "unchanged: guide, run-of-show, site, workbook",
        f"Wrote nothing to {out}: every output is unchanged",
    ]


def test_an_emptied_site_is_rebuilt(built: tuple[Path, Path]) -> None:
    root, out = built
    pages = sorted(p.relative_to(out).as_posix() for p in (out / "site").rglob("*") if p.is_file())
    shutil.rmtree(out / "site")
    (out / "site").mkdir()
    assert report_tail(root, out)[-3:] == [
        "unchanged: guide, run-of-show, workbook",
        f"notice: rebuilt site: {len(pages)} of its files are missing ({pages[0]}, …)",
        f"Wrote {out} (site/)",
    ]
    assert (
        sorted(p.relative_to(out).as_posix() for p in (out / "site").rglob("*") if p.is_file())
        == pages
    )


def test_a_deleted_page_is_rebuilt(built: tuple[Path, Path]) -> None:
    root, out = built
    page = out / "site/modules/serve-first.html"
    page.unlink()
    assert report_tail(root, out)[-3:] == [
        "unchanged: guide, run-of-show, workbook",
        "notice: rebuilt site: site/modules/serve-first.html is missing",
        f"Wrote {out} (site/)",
    ]
    assert "Serve first" in page.read_text(encoding="utf-8")


def test_a_page_edited_in_place_is_rebuilt(built: tuple[Path, Path]) -> None:
    root, out = built
    page = out / "site/index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"<", b"[", 1))  # same size, other bytes
    assert report_tail(root, out)[-2] == (
        "notice: rebuilt site: site/index.html has changed since it was written"
    )
    assert page.read_bytes().startswith(original[:20])


def test_a_truncated_pdf_is_rebuilt(built: tuple[Path, Path]) -> None:
    root, out = built
    workbook = out / "pdf/participant-workbook.pdf"
    pages = len(PdfReader(workbook).pages)
    with workbook.open("r+b") as handle:
        handle.truncate(workbook.stat().st_size // 2)
    assert report_tail(root, out)[-3:] == [
        "unchanged: guide, run-of-show, site",
        "notice: rebuilt pdf/participant-workbook.pdf: it has changed since it was written",
        f"Wrote {out} (pdf/participant-workbook.pdf)",
    ]
    assert len(PdfReader(workbook).pages) == pages


def test_a_deleted_pdf_and_a_lost_manifest_are_rebuilt(built: tuple[Path, Path]) -> None:
    root, out = built
    (out / "pdf/facilitator-guide.pdf").unlink()
    assert report_tail(root, out)[-3:] == [
        "unchanged: run-of-show, site, workbook",
        "notice: rebuilt pdf/facilitator-guide.pdf: it is missing",
        f"Wrote {out} (pdf/facilitator-guide.pdf)",
    ]
    (out / MANIFEST).unlink()
    assert report_tail(root, out)[-1] == (
        f"Wrote {out} (pdf/participant-workbook.pdf, pdf/facilitator-guide.pdf, site/, "
        "facilitator/run-of-show.html)"
    )
