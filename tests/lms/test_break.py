"""SCORM packages of programs a new owner might make (found by trying to break issue 16):
a title in other scripts, and a program with no knowledge checks at all."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.lms.package import manifest_identifier

from ..conftest import copy_fixture, run_cli
from .scorm import schema


def test_titles_in_other_scripts_get_identifiers_of_their_own() -> None:
    assert manifest_identifier("Serve First") == "servefirst-serve-first"
    chinese = manifest_identifier("服务第一")
    russian = manifest_identifier("Служение")
    assert re.fullmatch(r"servefirst-[0-9a-f]{8}", chinese)
    assert re.fullmatch(r"servefirst-[0-9a-f]{8}", russian)
    assert chinese != russian
    # What the zip's file name drops (an emoji) does not make a new course.
    assert manifest_identifier("Leaders 🎉") == "servefirst-leaders"


def test_a_program_titled_in_chinese_and_russian_without_checks(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        title: Basic fixture", '        title: "服务 & Служение <первый> 🎉"'
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("build", root, "--out", out, "--no-pdf", "--lms")
    assert result.code == 0, result.err
    zips = sorted((out / "lms").iterdir())
    assert [p.name for p in zips] == [
        "服务-служение-первый-scorm12.zip",
        "服务-служение-первый-scorm2004.zip",
    ]
    site = out / "site"
    assert not (site / "pre-check.html").exists()
    assert not (site / "post-check.html").exists()
    for path, version in zip(zips, ["1.2", "2004"], strict=True):
        with zipfile.ZipFile(path) as archive:
            manifest = etree.fromstring(archive.read("imsmanifest.xml"))
            launcher = archive.read("launch.html").decode()
        checker = schema(version, tmp_path / f"xsd-{version}")
        assert checker.validate(manifest), checker.error_log
        assert re.fullmatch(r"servefirst-[0-9a-f]{8}", manifest.get("identifier", ""))
        assert "<title>服务 &amp; Служение &lt;первый&gt; 🎉</title>" in launcher
        settings = launcher.split("window.SERVEFIRST_COURSE = ", 1)[1].split(";</script>")[0]
        assert json.loads(settings)["scored"] == []  # no checks: no score is reported


def test_packages_with_the_workbook_inside_are_reproducible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handbook's downloads hold the workbook PDF, which carries the build date unless
    SOURCE_DATE_EPOCH is set (README, reproducible builds): with it, the same bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = copy_fixture("basic", tmp_path / "source")
    zips = []
    for name in ("one", "two"):
        out = tmp_path / name
        result = run_cli("build", root, "--out", out, "--no-slides", "--lms")
        assert result.code == 0, result.err
        zips.append({p.name: p.read_bytes() for p in (out / "lms").iterdir()})
        with zipfile.ZipFile(out / "lms/basic-fixture-scorm12.zip") as archive:
            assert "handbook/downloads/participant-workbook.pdf" in archive.namelist()
    assert zips[0] == zips[1]
