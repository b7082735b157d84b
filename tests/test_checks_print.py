"""Validation warns about a Markdown table too wide to print, naming file, line and
field; long words, URLs and identifiers need no warning (the PDFs break them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.checks_print import table_width_mm, tables_in

from .conftest import FIXTURES, run_cli
from .print_bounds import with_paper

MODULE = (FIXTURES / "basic/modules/serve-first.yml").read_text(encoding="utf-8")
SUMMARY = re.compile(r"^summary: >-\n(?:  .*\n)+", re.MULTILINE)
WORD = "Kundenzufriedenheit"  # 19 letters: counted as 12, the longest kept whole


def table(columns: int) -> str:
    header = " | ".join(["Область", "区域", "المنطقة", *(f"Spalte {i}" for i in range(3, columns))])
    row = " | ".join([WORD] * columns)
    return f"| {header} |\n|{'---|' * columns}\n| {row} |\n"


def with_summary(text: str) -> str:
    indented = "".join(f"  {line}\n" if line else "\n" for line in text.splitlines())
    return SUMMARY.sub(lambda _: "summary: |\n" + indented, MODULE, count=1)


WriteFiles = Callable[[dict[str, str | bytes]], Path]


@pytest.mark.parametrize(("paper", "room"), [("A4", 170), ("letter", 176)])
def test_a_table_too_wide_for_the_page_is_a_located_warning(
    write_files: WriteFiles, paper: str, room: int
) -> None:
    root = write_files(
        {"modules/serve-first.yml": with_summary("Every region reports:\n\n" + table(10))}
    )
    with_paper(root, paper)
    result = run_cli("validate", root)
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        "warning: modules/serve-first.yml:4: summary: a table of 10 columns is too wide to "
        f"print: its words need about 210 mm and the text column is {room} mm ({paper}), so "
        "both PDFs break words inside its cells; use fewer columns (split the table, or swap "
        "its rows and columns) or make it a list"
    ]
    assert run_cli("validate", root, "--strict").code == 1


def test_long_words_urls_and_a_table_that_fits_need_no_warning(write_files: WriteFiles) -> None:
    url = "https://intranet.example.com/" + "/".join(["customer-service-leadership"] * 5)
    prose = (
        f"Read {url} and write to team-leader-programme-coordination-office@example.co.uk "
        "about customer_experience_feedback_loop_dashboard_2026_Q3_region_north_west.\n\n"
        + table(7)  # 0.8 em: seven columns of long words still fit A4
    )
    root = write_files({"modules/serve-first.yml": with_summary(prose)})
    result = run_cli("validate", root)
    assert (result.code, result.err) == (0, "")


def test_table_width_counts_words_whole_up_to_twelve_characters() -> None:
    [rows] = tables_in("| a | b |\n|---|---|\n| Wort | " + "x" * 40 + " |\n")
    assert rows == [["a", "b"], ["Wort", "x" * 40]]
    character = 12 * 0.9 * 0.5 * 25.4 / 72  # millimetres, at the 0.9 em of a 2-column table
    assert table_width_mm(rows) == pytest.approx((4 + 12) * character + 2 * 3.2)
    assert tables_in("a | b, not a table") == []
