"""Rosters: the people of ``servefirst personalize``, read from a spreadsheet's CSV export.

A roster is a CSV file with a header line naming a ``name`` column and, optionally,
``cohort`` and ``dates`` columns (any case, in any order; other columns are ignored).
What spreadsheets write is accepted as it is: a UTF-8 byte-order mark (or UTF-16 with
its mark, Excel's "Unicode text"), CRLF, LF or CR line ends, ``,``, ``;`` or tab
separators (the one found most often outside quotes in the header line), and empty cells
at the end of a row. Every problem is reported at its true physical line in the file.
File names for each person's PDFs come from :mod:`generator.file_names`.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import stat
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, ServeFirstError, display_path

MAX_NAME = 120
"""Characters (code points) a name may have: what still fits on a cover and a certificate."""
MAX_COHORT = 60
MAX_DATES = 40
MAX_ROSTER_BYTES = 32 * 1024 * 1024
"""A roster file larger than this is refused; no more than this is ever read."""
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they reorder the text shown after them."""
NOT_TEXT = (
    "the roster is not UTF-8 or UTF-16 text; save it as 'CSV UTF-8' "
    "(in LibreOffice: Save As, Text CSV, character set Unicode (UTF-8))"
)

COLUMNS = {"name": MAX_NAME, "cohort": MAX_COHORT, "dates": MAX_DATES}
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass(frozen=True)
class Person:
    """One row of the roster, as written (surrounding spaces removed)."""

    name: str
    cohort: str
    dates: str
    line: int
    """The physical line of the file the row starts on (1-based; the header is line 1)."""


def read_roster(path: Path, root: Path | None = None) -> tuple[list[Person], list[Problem]]:
    """Read a CSV roster into people, in file order, and the problems of the rows skipped.

    Rows with a problem (an empty or over-long name, a line break inside a quoted value,
    a control character or a bidirectional control, more values than columns) are skipped and reported, located
    at the line the row starts on; blank rows are ignored. Raises
    :class:`ServeFirstError` naming the file when nothing can be used: the file cannot be
    read, is not a regular file, is larger than :data:`MAX_ROSTER_BYTES`, is not UTF-8
    (or UTF-16) text, is empty, has no ``name`` column, has a header
    but no rows, or every row has a problem (the message then lists them all).
    """
    shown = display_path(path, root)
    try:
        text = _decode(_read_bounded(path, shown), shown)
    except OSError as exc:
        raise ServeFirstError(f"{shown}: cannot read the roster: {exc.strerror}") from exc
    with _field_limit(len(text)):
        people, problems = _read_rows(io.StringIO(text, newline=""), shown)
    if not people and not problems:
        raise ServeFirstError(
            f"{shown}: the roster has a header but no one on it; add one row per person "
            "below the header, with at least a name"
        )
    if not people:
        raise ServeFirstError(
            "\n".join(str(p) for p in sorted(problems))
            + f"\n{shown}: no row of the roster can be used, so nothing was written; "
            "fix the rows above and run again"
        )
    return people, problems


def _read_rows(handle: Iterator[str], shown: str) -> tuple[list[Person], list[Problem]]:
    first = next(handle, "")
    if not first.strip():
        raise ServeFirstError(
            f"{shown}: the roster is empty; write a header line such as 'name,cohort,dates' "
            "and one row per person below it"
        )
    separator = _separator(first)
    reader = csv.reader(itertools.chain([first], handle), delimiter=separator)
    header = _trim([cell.strip().lstrip("\ufeff").strip().lower() for cell in next(reader)])
    columns = _columns(header, shown, reader.line_num)
    people: list[Person] = []
    problems: list[Problem] = []
    while True:
        line = reader.line_num + 1
        try:
            row = _trim(next(reader))
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                Problem(shown, line, "", f"not readable as CSV ({exc}); the row is skipped")
            )
            continue
        if not row:
            continue
        if len(row) > len(header):
            problems.append(
                Problem(
                    shown,
                    line,
                    "",
                    f"{len(row)} values but {len(header)} columns; put double quotes around "
                    f"a value that contains a {SEPARATORS[separator]}; the row is skipped",
                )
            )
            continue
        values, found = _values(row, columns, shown, line)
        if found:
            problems += found
        else:
            people.append(Person(values["name"], values["cohort"], values["dates"], line))
    return people, problems


def _columns(header: list[str], shown: str, line: int) -> dict[str, int]:
    """Where each known column is: {column: index}. Raises when 'name' is missing or a
    known column appears twice."""
    if "name" not in header:
        raise ServeFirstError(
            f"{shown}:{line}: the roster needs a 'name' column; its columns are: "
            f"{', '.join(header) or 'none'}; call the column of full names 'name'"
        )
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        if title in COLUMNS:
            if title in columns:
                raise ServeFirstError(
                    f"{shown}:{line}: the roster has two '{title}' columns; keep one"
                )
            columns[title] = index
    return columns


def _values(
    row: list[str], columns: dict[str, int], shown: str, line: int
) -> tuple[dict[str, str], list[Problem]]:
    """The row's known values, stripped, and what is wrong with them (nothing when usable)."""
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for column, limit in COLUMNS.items():
        index = columns.get(column)
        value = row[index].strip() if index is not None and index < len(row) else ""
        values[column] = value
        message = _check(value, limit)
        if column == "name" and not value:
            message = "empty; the row is skipped"
        if message:
            problems.append(Problem(shown, line, column, message))
    return values, problems


def _check(value: str, limit: int) -> str:
    """What is wrong with one value, or '' when it can be printed."""
    if "\n" in value or "\r" in value:
        return "has a line break inside quotes; put it on one line; the row is skipped"
    if len(value) > limit:
        return (
            f"{len(value)} characters, more than the {limit} that fit on a cover; "
            "shorten it; the row is skipped"
        )
    control = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    bidi = next((c for c in value if c in BIDI_CONTROLS), None)
    if bidi is not None:
        return (
            f"contains a bidirectional control character (U+{ord(bidi):04X}) that reorders "
            "the letters shown after it; remove it; the row is skipped"
        )
    if control is not None:
        return f"contains a control character (U+{ord(control):04X}); remove it; the row is skipped"
    return ""


def _trim(row: list[str]) -> list[str]:
    """The row without the empty cells a spreadsheet leaves at its end."""
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _read_bounded(path: Path, shown: str) -> bytes:
    """The bytes of the regular file ``path``, never more than :data:`MAX_ROSTER_BYTES`
    (a device such as /dev/zero reports size 0; a pipe would block). Raises
    ServeFirstError for anything but a regular file or a file over the bound."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise ServeFirstError(f"{shown}: the roster is not a regular file; give a saved CSV file")
    with path.open("rb") as handle:
        data = handle.read(MAX_ROSTER_BYTES + 1)
        if len(data) > MAX_ROSTER_BYTES:
            size = max(os.fstat(handle.fileno()).st_size, len(data))
            raise ServeFirstError(
                f"{shown}: the roster is {size} bytes, more than the {MAX_ROSTER_BYTES} "
                "a roster may have; split it into smaller rosters"
            )
    return data


def _decode(data: bytes, shown: str) -> str:
    """The text of a roster: UTF-16 when it carries its mark, else UTF-8 (with or without
    a byte-order mark). Text with a NUL character (UTF-16 without its mark, a spreadsheet's
    own binary format) is refused like any other undecodable file."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeError as exc:
        raise ServeFirstError(f"{shown}: {NOT_TEXT}") from exc
    if "\x00" in text:
        raise ServeFirstError(f"{shown}: {NOT_TEXT}")
    return text


def _separator(header: str) -> str:
    """The separator found most often outside double quotes in the header line; ',' when
    there is none (a one-column roster)."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ","


@contextmanager
def _field_limit(size: int) -> Iterator[None]:
    """Let one value be as long as the file, so an over-long name is reported by its
    length, at its line, rather than by the csv module's 128 KiB limit."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, size + 1))
    try:
        yield
    finally:
        csv.field_size_limit(previous)
