"""Personalisation writes the shared body once: each person's files are the shared files
with their own cover or certificate page swapped in, tags intact, fonts their own; a
rerun writes nothing for people whose files are current."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from generator.file_names import file_names
from generator.loader import load_program
from generator.model.participant import participant_view
from generator.render import personal
from generator.roster import read_roster

from ..conftest import run_cli
from .test_personalize import write_roster

NAMES = ["王小明", "ليلى حداد", "अनन्या शर्मा", "Ольга Иванова", "Sam 🙂 Lee"]
ONLY_IN = {"王小明": "738B", "Ольга Иванова": "041E"}  # a character no other name has


def _mcids(page: pikepdf.Page) -> list[int]:
    found = []
    for instruction in pikepdf.parse_content_stream(page):
        operands = getattr(instruction, "operands", [])
        marked = str(instruction.operator) == "BDC" and len(operands) > 1
        if marked and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
            found.append(int(operands[1]["/MCID"]))
    return found


def _to_unicode(pdf: pikepdf.Pdf) -> str:
    """Every ToUnicode map in the file, upper case: which characters its fonts can show."""
    maps = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and "/ToUnicode" in obj:
            maps.append(obj.ToUnicode.read_bytes().decode("latin-1").upper())
    return "\n".join(maps)


def _check_tags(path: Path, name: str, others: list[str]) -> None:
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        owners = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)[int(page.obj.StructParents)]
        assert _mcids(page) == list(range(len(owners))), f"{path.name}: MCIDs match the tags"
        for element in owners:
            assert element.Pg.objgen == page.obj.objgen
        fonts = _to_unicode(pdf)
        for other in others:
            if code := ONLY_IN.get(other):
                assert f"<{code}>" not in fonts, f"{path.name} carries a glyph of {other}"
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    # A Devanagari glyph maps to one text in the PDF, so extraction may reorder its
    # letters (see tests/render/test_scripts.py); the first letter is still the first.
    assert (name[:1] if "\u0900" <= name[0] <= "\u097f" else name) in text


def test_every_script_gets_its_own_cover_and_certificate_with_tags_that_hold(
    basic: Path, tmp_path: Path
) -> None:
    roster = write_roster(tmp_path / "roster.csv", NAMES)
    out = tmp_path / "out"
    result = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert result.code == 0, result.err
    stems = file_names(NAMES)
    assert sorted(p.stem for p in (out / "workbooks").glob("*.pdf")) == sorted(stems)
    for name, stem in zip(NAMES, stems, strict=True):
        others = [n for n in NAMES if n != name]
        for folder in ("workbooks", "certificates"):
            _check_tags(out / folder / f"{stem}.pdf", name, others)


def test_a_rerun_writes_nothing_and_a_changed_row_rewrites_only_its_person(
    basic: Path, tmp_path: Path
) -> None:
    roster = write_roster(tmp_path / "roster.csv", ["Ana", "Бен", "克莱奥"])
    out = tmp_path / "out"
    assert run_cli("personalize", basic, "--roster", roster, "--out", out).code == 0
    files = sorted(out.rglob("*.pdf"))
    before = {p: p.stat().st_mtime_ns for p in files}

    again = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert again.code == 0, again.err
    assert again.out.splitlines() == [
        f"Wrote 0 workbooks and 0 certificates to {out}",
        "unchanged: 3 people (workbook and certificate already current)",
    ]
    assert {p: p.stat().st_mtime_ns for p in files} == before

    text = roster.read_text(encoding="utf-8").replace("Бен,Cohort A", "Бен,Cohort B")
    roster.write_text(text, encoding="utf-8")
    (out / "certificates" / "ana.pdf").unlink()
    third = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert third.out.splitlines() == [
        f"Wrote 2 workbooks and 2 certificates to {out}",
        "unchanged: 1 person (workbook and certificate already current)",
    ]
    changed = {p.relative_to(out).as_posix() for p in files if p.stat().st_mtime_ns != before[p]}
    assert changed == {
        "workbooks/бен.pdf",
        "certificates/бен.pdf",
        "workbooks/ana.pdf",
        "certificates/ana.pdf",
    }
    assert "Cohort B" in PdfReader(out / "workbooks" / "бен.pdf").pages[0].extract_text()


@pytest.mark.parametrize("jobs", [1, 2])
def test_batches_over_two_processes_and_a_cover_of_another_shape_is_written_whole(
    basic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    long_name = " ".join(["Maximiliana-Konstantinopolitanische"] * 3)  # wraps on the cover
    roster = write_roster(tmp_path / "roster.csv", ["Ana", "Бен", long_name, "克莱奥", "Dee"])
    people, _ = read_roster(roster)
    program = load_program(basic)
    monkeypatch.setattr(personal, "BATCH", 1)  # five batches: two for the second process
    stems = ["a", "b", "c", "d", "e"]
    done = personal.personalise(
        program, participant_view(program), people, tmp_path / "out", stems=stems, jobs=jobs
    )
    assert [p.stem for p in done.workbooks] == stems
    assert done.written_in_full >= 1
    for person, stem in zip(people, stems, strict=True):
        for folder in ("workbooks", "certificates"):
            text = PdfReader(tmp_path / "out" / folder / f"{stem}.pdf").pages[0].extract_text()
            assert "".join(person.name.split()) in "".join(text.split())
