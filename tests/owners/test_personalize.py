"""Personalised workbooks and certificates from a roster."""

from __future__ import annotations

import csv
from pathlib import Path

from pypdf import PdfReader

from generator.file_names import file_names
from generator.roster import read_roster

from ..conftest import run_cli

TRICKY = ["Zoë O'Brien", '<b>Sam</b> & "Lee"', "José Álvarez-Núñez", "{{ 7*7 }}"]


def write_roster(path: Path, names: list[str], blank_at: int | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "cohort", "dates"])
        for i, name in enumerate(names):
            if i == blank_at:
                writer.writerow(["", "Cohort A", ""])
            writer.writerow([name, "Cohort A", "12-13 March 2027"])
    return path


def test_forty_people_get_their_own_workbook_and_certificate(basic: Path, tmp_path: Path) -> None:
    names = [*TRICKY, *(f"Participant {n}" for n in range(5, 41))]
    roster = write_roster(tmp_path / "roster.csv", names)
    out = tmp_path / "out"
    result = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert result.code == 0, result.err
    workbooks = sorted((out / "workbooks").glob("*.pdf"))
    certificates = sorted((out / "certificates").glob("*.pdf"))
    assert len(workbooks) == len(certificates) == 40
    body_pages = None
    for name, slug in zip(names, file_names(p.name for p in read_roster(roster)[0]), strict=True):
        reader = PdfReader(out / "workbooks" / f"{slug}.pdf")
        cover = " ".join(reader.pages[0].extract_text().split())
        assert name in cover and "Cohort A · 12-13 March 2027" in cover
        assert body_pages in (None, len(reader.pages))
        body_pages = len(reader.pages)
        assert reader.outline, "bookmarks survive the combination"
        certificate = " ".join(
            PdfReader(out / "certificates" / f"{slug}.pdf").pages[0].extract_text().split()
        )
        assert name in certificate and "Certificate of completion".upper() in certificate.upper()


def test_a_bad_row_is_reported_with_its_line_and_the_rest_still_build(
    basic: Path, tmp_path: Path
) -> None:
    roster = write_roster(tmp_path / "roster.csv", ["Ana", "Ben", "Cleo"], blank_at=1)
    out = tmp_path / "out"
    result = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert result.code == 1
    assert f"{roster}:3: name: empty; the row is skipped" in result.err
    assert sorted(p.name for p in (out / "workbooks").iterdir()) == [
        "ana.pdf",
        "ben.pdf",
        "cleo.pdf",
    ]


def test_a_roster_without_a_name_column_is_refused(basic: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("first,last\nAna,Lee\n", encoding="utf-8")
    result = run_cli("personalize", basic, "--roster", roster, "--out", tmp_path / "out")
    assert result.code == 1
    assert "the roster needs a 'name' column; its columns are: first, last" in result.err
    assert "Traceback" not in result.err


def test_file_names_are_readable_and_unique(tmp_path: Path) -> None:
    people, _ = read_roster(write_roster(tmp_path / "r.csv", ["Zoë O'Brien", "Zoe OBrien", "<&>"]))
    assert file_names(p.name for p in people) == [
        "zoe-obrien",
        "zoe-obrien-2",
        "less-than-sign-ampersand-greater-than-sign",
    ]
