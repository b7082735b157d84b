"""Choices and feedback that look like Markdown blocks, and questions that are several
blocks, in every output (found by trying to break issue 16): a choice is one line as
written, the question's number stays beside its first line, and the handbook's feedback
is text, never Markdown marks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.knowledge.key import decode
from generator.knowledge.line import as_line

from ..conftest import copy_fixture, run_cli

ODD = """\
checks:
  - id: odd-choices
    kind: single
    question: "Какой **ответ**?"
    choices: ["# не заголовок", "1. 不是列表", "- ليس نقطة", "#1 priority", "> क्या"]
    answer: 4
    feedback: {correct: "**Да**: see [Greenleaf](https://example.org)", incorrect: "- नहीं"}
  - id: long-scenario
    kind: scenario
    situation: "A customer calls.\\n\\n1. She waited.\\n2. She called again."
    question: "What now?\\n\\n- think first"
    choices:
      - {text: Pass it on, feedback: "- They start again."}
      - {text: See it through, feedback: Yes.}
    answer: 2
    feedback: {correct: Right., incorrect: Not quite.}
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("odd-checks")
    root = copy_fixture("basic", base)
    (root / "checks").mkdir()
    (root / "checks/serve-first.yml").write_text(ODD, encoding="utf-8")
    result = run_cli("build", root, "--out", base / "out", "--no-slides")
    assert result.code == 0, result.err
    return base / "out"


def lines_of(path: Path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return [line.strip() for line in text.splitlines()]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("# h", "\\# h"),
        ("#1 priority", "\\#1 priority"),
        ("12. x", "12\\. x"),
        ("3) x", "3\\) x"),
        ("- x", "\\- x"),
        ("> x", "\\> x"),
        ("---", "\\-\\-\\-"),
        ("a\n\nb", "a b"),
        ("**bold** and 10.5", "**bold** and 10.5"),
    ],
)
def test_a_leading_block_marker_is_escaped(text: str, line: str) -> None:
    assert as_line(text) == line


def test_the_workbook_prints_each_choice_as_written_on_its_line(out: Path) -> None:
    lines = lines_of(out / "pdf/participant-workbook.pdf")
    squeezed = [line.replace(" ", "") for line in lines]  # pypdf's spacing after a letter varies
    for letter, choice in zip(
        "ABCDE",
        ["# не заголовок", "1. 不是列表", "- ليس نقطة", "#1 priority", "> क्या"],
        strict=True,
    ):
        assert f"{letter}{choice}".replace(" ", "") in squeezed, (letter, choice)
    assert any(re.fullmatch(r"1\.\s*Какой ответ\?", line) for line in lines)
    assert any(re.fullmatch(r"2\.\s*A customer calls\.", line) for line in lines)


def test_the_key_numbers_each_question_on_its_first_line(out: Path) -> None:
    lines = lines_of(out / "pdf/facilitator-guide.pdf")
    assert any(re.fullmatch(r"1\.\s*Какой ответ\?", line) for line in lines)
    assert any(re.fullmatch(r"2\.\s*What now\?", line) for line in lines)
    squeezed = [line.replace(" ", "") for line in lines]
    assert "Answer:D(#1priority)" in squeezed
    assert "Feedback:Да:seeGreenleaf/-नहीं" in squeezed
    assert "A:-Theystartagain." in squeezed


def test_the_handbook_shows_choices_as_written_and_feedback_as_text(out: Path) -> None:
    page = BeautifulSoup(
        (out / "site/modules/serve-first.html").read_text(encoding="utf-8"), "lxml"
    )
    heading = page.select_one("#check-odd-choices")
    assert heading is not None
    choices = heading.find_next("ol")
    assert choices is not None
    items = choices.find_all("li", recursive=False)
    assert [li.get_text() for li in items] == [
        "# не заголовок",
        "1. 不是列表",
        "- ليس نقطة",
        "#1 priority",
        "> क्या",
    ]
    assert all(li.find(["h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul"]) is None for li in items)
    key = next(c for c in heading["class"] if c.startswith("sfk-"))[len("sfk-") :]
    assert decode("odd-choices", key) == {
        "a": [3],
        "f": [None] * 5,
        "c": "Да: see Greenleaf",
        "i": "- नहीं",
    }
    scenario = page.select_one("#check-long-scenario")
    assert scenario is not None
    key = next(c for c in scenario["class"] if c.startswith("sfk-"))[len("sfk-") :]
    assert decode("long-scenario", key)["f"] == ["- They start again.", "Yes."]
