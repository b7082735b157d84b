"""Reading rosters as spreadsheets export them, every problem at its true line (fast: no PDF)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import roster as roster_module
from generator.errors import ServeFirstError
from generator.roster import Person, read_roster

from ..conftest import FIXTURES

ROSTERS = FIXTURES / "rosters"


def fixture(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copy(ROSTERS / name, tmp_path / name))


def write(tmp_path: Path, data: str | bytes, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def test_an_excel_export_is_read_and_a_quoted_line_break_is_refused_at_its_line(
    tmp_path: Path,
) -> None:
    """Byte-order mark, CRLF, 'Name' in capitals, quoted commas and quotes, a name with a
    line break inside quotes (lines 4-5), trailing empty cells on line 6."""
    path = fixture("excel.csv", tmp_path)
    people, problems = read_roster(path)
    assert people == [
        Person("García, José", "Madrid", "4 March 2026", 2),
        Person('Robert "Bob" Smith', "London", "4 March 2026", 3),
        Person("Ana López", "Leeds", "4 March 2026", 6),
        Person("Priya Patel", "Leeds", "4 March 2026", 7),
    ]
    assert [str(p) for p in problems] == [
        f"{path}:4: name: has a line break inside quotes; put it on one line; the row is skipped"
    ]


def test_semicolons_are_recognised(tmp_path: Path) -> None:
    people, problems = read_roster(fixture("semicolon.csv", tmp_path))
    assert people == [
        Person("Jürgen Müller", "Köln", "4. März 2026", 2),
        Person("Anna Schmidt", "Köln", "4. März 2026", 3),
    ]
    assert problems == []


def test_names_in_every_script_are_kept_exactly(tmp_path: Path) -> None:
    people, problems = read_roster(fixture("intl.csv", tmp_path))
    assert [(p.name, p.cohort, p.dates) for p in people] == [
        ("王芳", "東京 2026", "2026年3月4日"),
        ("محمد العلي", "الرياض", "4 March 2026"),
        ("김민준", "Seoul", "4 March 2026"),
        ("Zoë O'Brien", "Dublin", "4 March 2026"),
        ("José García 🎉", "Madrid", "4 de marzo de 2026"),
    ]
    assert problems == []


def test_excel_unicode_text_utf16_with_tabs_is_read(tmp_path: Path) -> None:
    text = "name\tcohort\tdates\r\nОльга Иванова\tМосква\t4 марта 2026\r\nअनीता शर्मा\tDelhi\t\r\n"
    path = write(tmp_path, text.encode("utf-16"))
    people, problems = read_roster(path)
    assert people == [
        Person("Ольга Иванова", "Москва", "4 марта 2026", 2),
        Person("अनीता शर्मा", "Delhi", "", 3),
    ]
    assert problems == []


def test_rows_after_a_quoted_line_break_are_reported_at_their_true_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'name,cohort\r\n"王\r\n小明",A\r\n,B\r\n\r\nZoë,C\r\n"Ольга",D,extra\r\n',
    )
    people, problems = read_roster(path)
    assert people == [Person("Zoë", "C", "", 6)]
    assert [str(p) for p in problems] == [
        f"{path}:2: name: has a line break inside quotes; put it on one line; the row is skipped",
        f"{path}:4: name: empty; the row is skipped",
        f"{path}:7: 3 values but 2 columns; put double quotes around a value that contains "
        "a comma; the row is skipped",
    ]


def test_a_ten_million_character_name_is_a_located_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "name,cohort\nAna,A\n" + "X" * 10_000_000 + ",B\nمحمد,C\n")
    people, problems = read_roster(path)
    assert [(p.name, p.line) for p in people] == [("Ana", 2), ("محمد", 4)]
    assert [str(p) for p in problems] == [
        f"{path}:3: name: 10000000 characters, more than the 120 that fit on a cover; "
        "shorten it; the row is skipped"
    ]


def test_cohort_and_dates_are_bounded_and_control_characters_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name;cohort;dates\n"
        f"王小明;{'C' * 61};4 March\n"
        f"Ольга;A;{'D' * 41}\n"
        "Zoë\x07;A;B\n"
        f"{'N' * 120};{'C' * 60};{'D' * 40}\n",
    )
    people, problems = read_roster(path)
    assert [p.line for p in people] == [5]
    assert [str(p) for p in problems] == [
        f"{path}:2: cohort: 61 characters, more than the 60 that fit on a cover; shorten it; "
        "the row is skipped",
        f"{path}:3: dates: 41 characters, more than the 40 that fit on a cover; shorten it; "
        "the row is skipped",
        f"{path}:4: name: contains a control character (U+0007); remove it; the row is skipped",
    ]


def test_trailing_empty_cells_and_extra_columns_are_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "Email,NAME,Dates,,\r\nz@example.org,Zoë,4 March,,\r\n,🙂,,,\r\n")
    people, problems = read_roster(path)
    assert people == [Person("Zoë", "", "4 March", 2), Person("🙂", "", "", 3)]
    assert problems == []


def test_a_header_without_rows_names_the_file_and_says_what_to_do(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffname,cohort,dates\r\n\r\n,,\r\n", name="名簿.csv")
    with pytest.raises(ServeFirstError) as caught:
        read_roster(path)
    assert str(caught.value) == (
        f"{path}: the roster has a header but no one on it; add one row per person below "
        "the header, with at least a name"
    )


def test_an_empty_file_says_what_to_write(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff\r\n")
    with pytest.raises(ServeFirstError) as caught:
        read_roster(path)
    assert str(caught.value) == (
        f"{path}: the roster is empty; write a header line such as 'name,cohort,dates' "
        "and one row per person below it"
    )


def test_a_roster_where_no_row_can_be_used_lists_every_problem(tmp_path: Path) -> None:
    path = write(tmp_path, 'name,cohort\n"",A\n"Анна\nМария",B\n')
    with pytest.raises(ServeFirstError) as caught:
        read_roster(path)
    assert str(caught.value) == (
        f"{path}:2: name: empty; the row is skipped\n"
        f"{path}:3: name: has a line break inside quotes; put it on one line; "
        "the row is skipped\n"
        f"{path}: no row of the roster can be used, so nothing was written; "
        "fix the rows above and run again"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "first;last\nAna;Lee\n",
            "{path}:1: the roster needs a 'name' column; its columns are: first, last; "
            "call the column of full names 'name'",
        ),
        ("name,Name\nAna,Lee\n", "{path}:1: the roster has two 'name' columns; keep one"),
        (
            "name\nZo\xeb\n".encode("cp1252"),
            "{path}: the roster is not UTF-8 or UTF-16 text; save it as 'CSV UTF-8' "
            "(in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8))",
        ),
        (
            "name\nОльга\n".encode("utf-16-le"),  # UTF-16 without its byte-order mark
            "{path}: the roster is not UTF-8 or UTF-16 text; save it as 'CSV UTF-8' "
            "(in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8))",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00pk pk pk",  # an .xlsx
            "{path}: the roster is not UTF-8 or UTF-16 text; save it as 'CSV UTF-8' "
            "(in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8))",
        ),
    ],
    ids=["no-name-column", "two-name-columns", "windows-1252", "utf16-no-mark", "xlsx"],
)
def test_a_roster_that_cannot_be_read_is_refused_with_its_file(
    tmp_path: Path, data: str | bytes, message: str
) -> None:
    path = write(tmp_path, data)
    with pytest.raises(ServeFirstError) as caught:
        read_roster(path)
    assert str(caught.value) == message.format(path=path)


def test_an_oversized_roster_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(roster_module, "MAX_ROSTER_BYTES", 20)
    path = write(tmp_path, "name\nАнна Каренина\n")
    with pytest.raises(ServeFirstError) as caught:
        read_roster(path)
    assert str(caught.value) == (
        f"{path}: the roster is 31 bytes, more than the 20 a roster may have; "
        "split it into smaller rosters"
    )


def test_a_device_or_a_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    """/dev/zero reports size 0 and never ends; a FIFO blocks on open: neither is read."""
    fifo = tmp_path / "名单.csv"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(ServeFirstError) as caught:
            read_roster(path)
        assert str(caught.value) == (
            f"{path}: the roster is not a regular file; give a saved CSV file"
        )


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_bidirectional_controls_in_a_name_are_refused_at_their_line(
    tmp_path: Path, control: str
) -> None:
    path = write(tmp_path, f"name\nمريم\n{control}evil name\n")
    people, problems = read_roster(path)
    assert [p.name for p in people] == ["مريم"]
    assert [str(p) for p in problems] == [
        f"{path}:3: name: contains a bidirectional control character "
        f"(U+{ord(control):04X}) that reorders the letters shown after it; remove it; "
        "the row is skipped"
    ]


def test_the_program_folder_is_shown_relative(tmp_path: Path) -> None:
    path = write(tmp_path, "name\n\n,\n")
    with pytest.raises(ServeFirstError, match=r"^roster\.csv: the roster has a header"):
        read_roster(path, root=tmp_path)
