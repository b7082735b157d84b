"""No facilitator-only text in any participant output; all participant text present."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.loader import load_program
from generator.model import Case, Exercise, Module
from generator.model.participant import participant_view

from .canary import Canary, facilitator_blocks, facilitator_models, make_canary
from .conftest import FIXTURES, Built, run_cli

MARKER = re.compile(r"zz(?:fac|pub)\d+")


@pytest.fixture(scope="module")
def canary_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Canary, Built]:
    base = tmp_path_factory.mktemp("canary")
    canary = make_canary(FIXTURES / "basic", base / "program")
    out = base / "out"
    result = run_cli("build", canary.root, "--out", out)
    assert result.code == 0, result.err
    return canary, Built(canary.root, out)


def pdf_markers(path: Path) -> set[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return set(MARKER.findall(text))


def site_markers(site: Path) -> set[str]:
    found: set[str] = set()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".js", ".txt", ".map"}:
            found |= set(MARKER.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


def test_the_canary_fills_every_facilitator_field(canary_build: tuple[Canary, Built]) -> None:
    canary, _ = canary_build
    blocks = facilitator_blocks(canary)
    models = {m for top in (Module, Case, Exercise) for m in facilitator_models(top)}
    assert {m.__name__ for m in models} == set(blocks)
    for model in models:
        present = {key for block in blocks[model.__name__] for key in block}
        assert present == set(model.model_fields), model.__name__


def test_participant_view_holds_no_facilitator_text(canary_build: tuple[Canary, Built]) -> None:
    canary, _ = canary_build
    view = participant_view(load_program(canary.root))
    dumped = json.dumps(view.model_dump(mode="json"))
    assert not canary.facilitator & set(MARKER.findall(dumped))
    assert "facilitator" not in dumped


def test_site_has_no_facilitator_text_and_all_participant_text(
    canary_build: tuple[Canary, Built],
) -> None:
    canary, built = canary_build
    found = site_markers(built.site)
    assert found & canary.facilitator == set()
    # A source's note is for authors: the handbook lists citations only (README, Sources).
    notes = canary.by_field.get("note", set())
    assert notes and not found & notes
    assert canary.public - notes - found == set()


def test_workbook_has_no_facilitator_text_and_all_participant_text(
    canary_build: tuple[Canary, Built],
) -> None:
    canary, built = canary_build
    found = pdf_markers(built.workbook)
    assert found & canary.facilitator == set()
    # The fixture is delivered in person: online steps are for virtual deliveries only.
    online = canary.by_field["virtual_instructions"]
    assert canary.public - online - found == set()
    assert online & found == set()


def test_facilitator_guide_prints_every_facilitator_field(
    canary_build: tuple[Canary, Built],
) -> None:
    canary, built = canary_build
    assert canary.facilitator - pdf_markers(built.guide) == set()
