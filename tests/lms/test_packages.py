"""``servefirst build --lms``: two SCORM zips, valid manifests, reproducible bytes, and
no facilitator text or plain answer inside."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ..canary import make_canary
from ..conftest import run_cli
from ..knowledge.program import FACILITATOR_NOTE, FEEDBACK, build_site, checked_program
from .scorm import manifest, schema

NAMES = {"1.2": "basic-fixture-scorm12.zip", "2004": "basic-fixture-scorm2004.zip"}
MARKER = re.compile(r"zz(?:fac|pub)\d+")


@pytest.fixture(scope="module")
def lms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("lms"), "--lms") / "lms"


def test_both_packages_are_written(lms: Path) -> None:
    assert sorted(p.name for p in lms.iterdir()) == sorted(NAMES.values())


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_manifest_is_valid_and_lists_every_file(
    lms: Path, version: str, tmp_path: Path
) -> None:
    package = lms / NAMES[version]
    xsd = schema(version, tmp_path)
    document = etree.fromstring(manifest(package))
    assert xsd.validate(document), xsd.error_log
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        infos = archive.infolist()
    listed = [f.get("href") for f in document.iter("{*}file")]
    assert sorted(listed) == sorted(n for n in names if n != "imsmanifest.xml")
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert "launch.html" in names and "handbook/modules/serve-first.html" in names
    assert not [n for n in names if n.endswith((".map", "sitemap.xml", "sitemap.xml.gz"))]
    resource = next(document.iter("{*}resource"))
    assert resource.get("href") == "launch.html"
    # the schema does check: a wrong SCO type and a misspelt element are refused
    wrong = manifest(package).replace(b'="sco"', b'="lesson"')
    assert not xsd.validate(etree.fromstring(wrong))
    wrong = manifest(package).replace(b"organizations", b"organisations")
    assert not xsd.validate(etree.fromstring(wrong))


def test_two_builds_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the workbook's date, as elsewhere
    digests = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        out = build_site(tmp_path / name, "--lms") / "lms"
        digests.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert digests[0] == digests[1]


def test_lms_needs_the_site(tmp_path: Path) -> None:
    root = checked_program(tmp_path)
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-site", "--lms")
    assert result.code == 2
    assert "--lms packages the handbook; drop --no-site or --lms" in result.err


def test_no_facilitator_marker_and_no_plain_answer_in_either_zip(tmp_path: Path) -> None:
    source = checked_program(tmp_path / "source")
    canary = make_canary(source, tmp_path / "canary")
    out = tmp_path / "out"
    result = run_cli("build", canary.root, "--out", out, "--no-pdf", "--lms")
    assert result.code == 0, result.err
    feedback = (
        canary.by_field["correct"] | canary.by_field["incorrect"] | canary.by_field["feedback"]
    )
    questions = canary.by_field["question"] & canary.public  # debrief questions are private
    assert canary.facilitator and feedback and questions
    for package in (out / "lms").iterdir():
        found: set[str] = set()
        with zipfile.ZipFile(package) as archive:
            for name in archive.namelist():
                text = archive.read(name).decode("utf-8", errors="replace")
                assert FACILITATOR_NOTE not in text and not any(f in text for f in FEEDBACK)
                found |= set(MARKER.findall(text))
        assert not found & canary.facilitator, package.name
        assert not found & feedback, package.name
        assert questions <= found, package.name


def test_packages_follow_the_cache_and_wrap_an_unchanged_handbook(tmp_path: Path) -> None:
    root = checked_program(tmp_path)
    out = tmp_path / "out"
    first = run_cli("build", root, "--out", out, "--no-pdf")
    assert first.code == 0, first.err
    assert not (out / "lms").exists()
    second = run_cli("build", root, "--out", out, "--no-pdf", "--lms")
    assert second.code == 0, second.err
    assert "unchanged: site" in second.out
    assert f"Wrote {out} (lms/)" in second.out
    with zipfile.ZipFile(out / "lms" / NAMES["1.2"]) as archive:
        assert "handbook/modules/serve-first.html" in archive.namelist()
    third = run_cli("build", root, "--out", out, "--no-pdf", "--lms")
    assert "unchanged: lms, site" in third.out
    assert not [
        p.name
        for p in out.iterdir()
        if p.name.startswith(".") and p.name not in {".servefirst-cache.json", ".servefirst.lock"}
    ]
