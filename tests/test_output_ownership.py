"""A build replaces only what builds wrote. A folder where an output goes that no recorded
build wrote is moved aside with a notice; a file added to a built folder, or a file where
a built folder was, stops the build with a sentence. Nothing of the user's is deleted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cache import MANIFEST, Manifest
from generator.outdir import foreign_files, keep_aside, replace

from .build_checks import leftovers
from .conftest import copy_fixture, run_cli


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_fixture("basic", tmp_path)


def test_a_site_folder_no_build_wrote_is_moved_aside_not_deleted(
    root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "мой сайт"
    (out / "site").mkdir(parents=True)
    (out / "site/重要.txt").write_text("precious", encoding="utf-8")
    (out / "site.kept").mkdir()  # taken: the next free name is used
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-2:] == [
        "notice: site/ was not written by a build recorded here; moved it to site.kept-2/ "
        "rather than replace it (delete it when you no longer need it)",
        f"Wrote {out} (site/)",
    ]
    assert (out / "site.kept-2/重要.txt").read_text(encoding="utf-8") == "precious"
    assert (out / "site/index.html").is_file()
    assert leftovers(out) == []
    # Recorded now: the next build replaces it without a word.
    (root / "docs/extra.md").write_text("# Extra\n", encoding="utf-8")
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    assert "notice" not in result.out
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("site")) == [
        "site",
        "site.kept",
        "site.kept-2",
    ]


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
    (tmp_path / "slides/.DS_Store").write_bytes(b"\0")
    assert foreign_files(tmp_path, "slides", []) is None
    assert foreign_files(tmp_path, "site", []) is None
    assert keep_aside(tmp_path / "slides") is None
    (tmp_path / "slides/deck.pptx").write_bytes(b"PK")
    assert foreign_files(tmp_path, "slides", ["slides/deck.pptx"]) is None
    assert foreign_files(tmp_path, "slides", None) is None  # no record: kept aside instead
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
