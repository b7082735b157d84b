from __future__ import annotations

import re

from pypdf import PdfReader

from ..conftest import Built

FACILITATOR_ONLY = "Do not let the group turn this into a story about a charismatic founder"


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_both_pdfs_open_and_carry_the_module_title(basic_build: Built) -> None:
    for path in (basic_build.workbook, basic_build.guide):
        reader = PdfReader(path)
        assert len(reader.pages) > 4
        text = " ".join(text_of(reader).split())
        assert "Serve first: what servant leadership is" in text


def test_facilitator_sentence_only_in_the_guide(basic_build: Built) -> None:
    guide = " ".join(text_of(PdfReader(basic_build.guide)).split())
    workbook = " ".join(text_of(PdfReader(basic_build.workbook)).split())
    assert FACILITATOR_ONLY in guide
    assert FACILITATOR_ONLY not in workbook


def test_metadata_names_the_document(basic_build: Built) -> None:
    meta = PdfReader(basic_build.workbook).metadata
    assert meta is not None
    assert meta.title == "Basic fixture: Participant workbook"
    assert meta.author == "Fixture Ltd"


def test_guide_run_of_show_has_clock_times(basic_build: Built) -> None:
    guide = text_of(PdfReader(basic_build.guide))
    for clock in ("09:00", "09:10", "09:25", "09:40", "09:55"):
        assert clock in guide


def test_guide_quotes_real_workbook_pages(basic_build: Built) -> None:
    workbook = PdfReader(basic_build.workbook)
    guide = " ".join(text_of(PdfReader(basic_build.guide)).split())
    # The listening-pairs activity: find its page in the workbook, expect that number.
    page = next(
        i
        for i, p in enumerate(workbook.pages, start=1)
        if "Activity: Listening pairs" in " ".join(p.extract_text().split())
    )
    assert f"Activity: Listening pairs Workbook p. {page}" in guide
    # The run-of-show sends people there, and reads back without a stray full stop.
    assert f"Send participants to Workbook p. {page}" in guide
    assert "Send participants to ." not in guide
    assert not re.search(r"Workbook p\. \d+ \.", guide)
