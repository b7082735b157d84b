"""A build replaces only what builds wrote: a user's folder or file where an output goes,
or a file added to a built site, stops the build with a sentence, and is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cache import MANIFEST, Manifest
from generator.outdir import foreign_files, replace

from .build_checks import leftovers
from .conftest import copy_fixture, run_cli


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_fixture("basic", tmp_path)


def test_a_site_folder_no_build_wrote_is_kept_and_the_build_refused(
    root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "мой сайт"
    (out / "site").mkdir(parents=True)
    (out / "site/重要.txt").write_text("precious", encoding="utf-8")
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 1
    assert result.err == (
        f"{out / 'site'} holds site/重要.txt that Serve First did not write; a build "
        "replaces this folder whole: move it elsewhere or choose another --out\n"
    )
    assert (out / "site/重要.txt").read_text(encoding="utf-8") == "precious"
    assert leftovers(out) == []


def test_files_added_to_a_built_site_stop_the_next_build(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-pdf").code == 0
    for name in ("CNAME", "notes/مذكرة.md"):
        (out / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (out / "site" / name).write_text("mine", encoding="utf-8")
    (out / "site/.DS_Store").write_bytes(b"\0")  # a file manager's, not counted
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 1
    assert result.err == (
        f"{out / 'site'} holds 2 files (site/CNAME, …) that Serve First did not write; a "
        "build replaces this folder whole: move them elsewhere or choose another --out\n"
    )
    assert (out / "site/CNAME").read_text(encoding="utf-8") == "mine"


def test_a_file_where_the_site_goes_is_kept_and_named(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-pdf").code == 0
    shutil.rmtree(out / "site")
    (out / "site").write_text("a file, not a folder", encoding="utf-8")
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 1
    assert result.err == (
        f"{out / 'site'} is a file that Serve First did not write; a build would replace "
        "it: move it elsewhere or choose another --out\n"
    )


def test_an_empty_folder_or_nothing_may_be_replaced(tmp_path: Path) -> None:
    (tmp_path / "slides/empty").mkdir(parents=True)
    assert foreign_files(tmp_path, "slides", []) is None
    assert foreign_files(tmp_path, "site", []) is None
    (tmp_path / "slides/deck.pptx").write_bytes(b"PK")
    assert foreign_files(tmp_path, "slides", ["slides/deck.pptx"]) is None
    assert foreign_files(tmp_path, "slides", []) == (
        f"{tmp_path / 'slides'} holds slides/deck.pptx that Serve First did not write; a "
        "build replaces this folder whole: move it elsewhere or choose another --out"
    )


@pytest.mark.parametrize("kind", ["file", "link"])
def test_replacing_a_file_or_link_with_a_folder_leaves_nothing_aside(
    tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "site"
    if kind == "file":
        target.write_text("old", encoding="utf-8")
    else:
        target.symlink_to(tmp_path / "nowhere")
    new = tmp_path / ".staging/site"
    new.mkdir(parents=True)
    (new / "index.html").write_text("new", encoding="utf-8")
    replace(new, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".staging", "site"]


def test_a_folder_with_the_manifests_name_stops_the_build(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / MANIFEST).mkdir(parents=True)
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 1
    assert result.err == (
        f"{out / MANIFEST} is not a file; a build keeps its record of the outputs there: "
        "move it elsewhere or choose another --out\n"
    )
    assert {p.name for p in out.iterdir()} == {".servefirst.lock", MANIFEST}


def test_a_manifest_that_cannot_be_saved_leaves_no_temporary_file(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path / MANIFEST)
    (tmp_path / MANIFEST).mkdir()
    with pytest.raises(IsADirectoryError):
        manifest.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST]
