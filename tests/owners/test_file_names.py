"""File names for personalised PDFs: readable, distinct ignoring case, portable everywhere."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.file_names import MAX_FILE_BYTES, RESERVED, file_names

FORBIDDEN = set('/\\:*?"<>|')


def portable(stem: str) -> bool:
    name = f"{stem}.pdf"
    return (
        bool(stem)
        and not FORBIDDEN & set(stem)
        and not any(unicodedata.category(c)[0] == "C" for c in stem)
        and stem[0] not in ".- "
        and stem[-1] not in ". -"
        and stem.casefold() not in RESERVED
        and len(name.encode()) <= MAX_FILE_BYTES
        and unicodedata.normalize("NFC", stem) == stem
    )


def test_names_in_non_latin_scripts_keep_readable_distinct_names() -> None:
    assert file_names(["王小明", "محمد", "अनीता", "Ольга", "🙂", "김민준", "👩‍💻"]) == [
        "王小明",
        "محمد",
        "अनीता",
        "ольга",
        "slightly-smiling-face",
        "김민준",
        "woman-personal-computer",
    ]


def test_latin_letters_are_folded_to_ascii() -> None:
    assert file_names(["Zoë O'Brien", "Straße", "Łukasz Øster", "José García 🎉", "ｆｕｌｌ"]) == [
        "zoe-obrien",
        "strasse",
        "lukasz-oster",
        "jose-garcia",
        "full",
    ]


def test_windows_device_names_separators_and_dots_never_reach_the_disk() -> None:
    names = ["CON", "nul", "Com1", "LPT9", "aux.txt", ".hidden", "../etc/passwd", "a\\b", "name. "]
    assert file_names(names) == [
        "con-name",
        "nul-name",
        "com1-name",
        "lpt9-name",
        "aux-txt",
        "hidden",
        "etc-passwd",
        "a-b",
        "name",
    ]


def test_names_equal_ignoring_case_are_numbered_in_roster_order() -> None:
    assert file_names(["Ольга", "ОЛЬГА", "Zoë", "ZOE", "zoe-2", "محمد", "محمد"]) == [
        "ольга",
        "ольга-2",
        "zoe",
        "zoe-2",
        "zoe-2-2",
        "محمد",
        "محمد-2",
    ]


def test_long_names_are_cut_within_the_byte_bound_and_still_numbered() -> None:
    stems = file_names(["王" * 120, "王" * 121, "a" * 120, "अनीता" * 30])
    assert stems[0] == "王" * 25
    assert stems[1] == "王" * 24 + "-2"
    assert stems[2] == "a" * 76
    assert all(len(f"{s}.pdf".encode()) <= MAX_FILE_BYTES for s in stems)
    assert not unicodedata.category(stems[3][-1]).startswith("M") or stems[3].endswith("ा")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=130), max_size=12))
def test_any_names_give_portable_names_distinct_ignoring_case(names: list[str]) -> None:
    stems = file_names(names)
    assert len(stems) == len(names)
    assert all(portable(s) for s in stems), stems
    assert len({s.casefold() for s in stems}) == len(stems)
