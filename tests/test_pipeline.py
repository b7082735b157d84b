"""Builds are cached by content, atomic, and the same whether parallel or not."""

from __future__ import annotations

import os
from pathlib import Path

from generator.pipeline import build

from .conftest import copy_fixture, run_cli

OUTPUTS = ("pdf/participant-workbook.pdf", "pdf/facilitator-guide.pdf", "site/index.html")


def snapshot(out: Path) -> dict[str, int]:
    return {
        str(p.relative_to(out)): p.stat().st_mtime_ns
        for p in out.rglob("*")
        if p.is_file() and not p.name.startswith(".servefirst-cache")
    }


def test_a_rebuild_with_no_change_touches_nothing(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    first = build(root, out)
    assert first.unchanged == []
    before = snapshot(out)
    second = build(root, out)
    assert second.unchanged == ["guide", "run-of-show", "site", "slides", "workbook"]
    assert snapshot(out) == before


def test_a_facilitator_only_edit_rebuilds_only_the_guide_and_slides(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    build(root, out)
    module = root / "modules/serve-first.yml"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "Some groups hear", "A fresh facilitator note. Some groups hear"
        ),
        encoding="utf-8",
    )
    report = build(root, out)
    assert report.unchanged == ["site", "workbook"]
    assert set(report.timings) >= {"facilitator guide", "slides"}


def test_a_participant_edit_rebuilds_the_workbook_and_site(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    build(root, out)
    module = root / "modules/serve-first.yml"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "takeaways:\n", "takeaways:\n  - A new takeaway.\n"
        ),
        encoding="utf-8",
    )
    report = build(root, out)
    assert "workbook" in report.timings and "site" in report.timings


def test_a_failed_build_leaves_the_previous_outputs(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out).code == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    # Change participant text (so everything must rebuild), then make the slides fail
    # after the workbook and guide were rendered: a template file that is not a deck.
    module = root / "modules/serve-first.yml"
    module.write_text(
        module.read_text(encoding="utf-8").replace("Servant leadership turns", "It turns"),
        encoding="utf-8",
    )
    (root / "docs/broken.pptx").write_text("not a deck", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        audience: Team leaders\n",
            "        audience: Team leaders\n        slides_template: docs/broken.pptx\n",
        ),
        encoding="utf-8",
    )
    result = run_cli("build", root, "--out", out)
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    kept = {
        ".servefirst-cache.json",
        ".servefirst-cache",
        ".servefirst.lock",
    }  # manifest, fonts, lock
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in kept]
    assert leftovers == []


def test_parallel_and_sequential_builds_agree(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    try:
        build(root, tmp_path / "one", jobs=1)
        build(root, tmp_path / "two", jobs=2)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    for name in OUTPUTS[:2]:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
