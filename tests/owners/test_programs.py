"""Program owners: init, overrides by id, customisation, terminology, diff."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.loader import load_program

from ..conftest import REPO, run_cli


@pytest.fixture
def program_dir(tmp_path: Path) -> Path:
    """A program made with `servefirst init` in a folder outside the repository."""
    target = tmp_path / "nurses"
    result = run_cli("init", target, "--title", "Nurse managers", cwd=tmp_path)
    assert result.code == 0, result.err
    return target


def set_option(program: Path, marker: str, text: str) -> None:
    config = program / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(marker, text), encoding="utf-8")


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_init_builds_every_output_on_the_library(program_dir: Path, tmp_path: Path) -> None:
    assert not program_dir.is_relative_to(REPO)
    result = run_cli("build", program_dir, "--out", tmp_path / "out", "--no-slides", cwd=tmp_path)
    assert result.code == 0, result.err
    assert list((tmp_path / "out/site/modules").glob("serve-first*"))
    assert "Nurse managers" in pdf_text(tmp_path / "out/pdf/participant-workbook.pdf")
    assert (tmp_path / "out/pdf/facilitator-guide.pdf").is_file()
    assert run_cli("diff", program_dir).out.startswith("No changes")


def test_an_override_replaces_exactly_that_item(program_dir: Path) -> None:
    original = (REPO / "modules/cases/zappos.yml").read_text(encoding="utf-8")
    (program_dir / "modules/cases/zappos.yml").write_text(
        original.replace("title: ", "title: Our ward's story, not ", 1), encoding="utf-8"
    )
    program = load_program(program_dir)
    library = load_program(REPO)
    assert program.cases["zappos"].title.startswith("Our ward's story, not ")
    for case_id, case in library.cases.items():
        if case_id != "zappos":
            assert program.cases[case_id] == case
    assert run_cli("diff", program_dir).out.splitlines() == ["override  case zappos: title"]


def test_library_improvements_reach_untouched_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library"
    for folder in ("modules", "exercises"):
        shutil.copytree(REPO / folder, library / folder)
    program = tmp_path / "program"
    assert run_cli("init", program).code == 0
    # An upstream improvement to a module the program does not override...
    module = library / "modules/making-it-stick.yml"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "summary: >-\n", "summary: >-\n  Improved upstream.\n", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr("generator.loader.library_root", lambda: library)
    # ...shows up in the custom program without any change to it.
    assert load_program(program).module("making-it-stick").summary.startswith("Improved upstream.")


def test_customise_drops_segments_and_their_exercise(program_dir: Path) -> None:
    set_option(
        program_dir,
        "        days:",
        "        customise:\n          serve-first:\n            drop: [Listening pairs]\n        days:",
    )
    program = load_program(program_dir)
    module = program.module("serve-first")
    assert "listening-pairs" not in module.exercises
    assert "Listening pairs" not in [s.title for s in module.segments]
    assert module.duration == sum(s.minutes for s in module.segments)


def test_customise_reports_a_bad_segment_title(program_dir: Path) -> None:
    set_option(
        program_dir,
        "        days:",
        "        customise:\n          serve-first:\n            drop: [Listening pears]\n        days:",
    )
    result = run_cli("validate", program_dir)
    assert result.code == 1
    assert (
        "program.customise.serve-first.drop[0]: no segment titled 'Listening pears'; did you mean 'Listening pairs'?"
        in result.err
    )


def test_terminology_keeps_case_and_plurals_but_not_citations(
    program_dir: Path, tmp_path: Path
) -> None:
    set_option(
        program_dir,
        "        days:",
        "        terminology:\n          customer: patient\n          gizmo: widget\n        days:",
    )
    program = load_program(program_dir)
    module = program.module("why-leadership-matters")
    assert module.title == "Why leadership decides the patient experience"
    text = " ".join(str(m.model_dump(exclude={"sources", "outcomes"})) for m in program.modules)
    assert "Patients" in text or "patients" in text
    # instruction is reworded; proper nouns and quoted words are not (issue 14)
    assert "Customer Experience Professionals Association" in text
    assert '"what happened to this customer before they reached us?"' in text
    unquoted = re.sub(r'"[^"]*"|“[^”]*”', "", text.replace("Customer Experience Prof", ""))
    assert "customer" not in unquoted.lower()
    cited = [s.title for m in program.modules for s in m.sources]
    assert any("Customer" in title for title in cited)  # citations keep their words
    result = run_cli("validate", program_dir)
    assert "program.terminology.gizmo: never matched any text" in result.err
    result = run_cli("build", program_dir, "--out", tmp_path / "out", "--no-site", "--no-slides")
    assert result.code == 0, result.err
    for name in ("participant-workbook.pdf", "facilitator-guide.pdf"):
        assert "patient experience" in pdf_text(tmp_path / "out/pdf" / name)


def test_a_stale_override_is_reported(program_dir: Path) -> None:
    shutil.copy(REPO / "exercises/empathy-map.yml", program_dir / "exercises/empathy-mapping.yml")
    text = (program_dir / "exercises/empathy-mapping.yml").read_text(encoding="utf-8")
    (program_dir / "exercises/empathy-mapping.yml").write_text(
        text.replace("id: empathy-map", "id: empathy-mapping"), encoding="utf-8"
    )
    result = run_cli("validate", program_dir)
    assert result.code == 0
    assert "exercise 'empathy-mapping' replaces no library item and nothing uses it" in result.err
    assert run_cli("validate", "--strict", program_dir).code == 1
