"""A module's knowledge checks ask only what that module puts in front of participants
(issue 15 review): no check on a model, a name or a list that the participant never met
in that module's key ideas, cases or activities. Sources do not count: a reference at the
back of the workbook teaches nothing."""

from __future__ import annotations

import json
import re

import pytest

from generator.loader import load_program
from generator.model import Program
from generator.model.participant import participant_view

from ..conftest import REPO

# A capitalised word that does not open the question (a name: Kirkpatrick, Kelleher), or
# a hyphenated term (service-profit): the things a check can only ask if they were taught.
NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’-]+|\b\w+-\w+\b")


@pytest.fixture(scope="module")
def program() -> Program:
    return load_program(REPO)


def taught(program: Program) -> dict[str, str]:
    """Each module id's participant-facing text, lower case, sources and checks left out."""
    view = participant_view(program)
    text: dict[str, str] = {}
    for module in view.modules:
        data = module.model_dump(mode="json")
        for left_out in ("sources", "checks"):
            data.pop(left_out, None)
        for case in data.get("cases", []):
            case.pop("sources", None)
        flat = json.dumps(data, ensure_ascii=False).lower().replace("\u2019", "'")
        text[module.id] = " ".join(flat.split())
    return text


def terms(question: str) -> list[str]:
    """The names and hyphenated terms a check's question asks about."""
    return [t.strip("'’").lower() for t in NAME.findall(question.replace("\u2019", "'"))]


def test_the_pattern_finds_names_and_hyphenated_terms() -> None:
    assert terms("Put Kirkpatrick's four levels in order") == ["kirkpatrick's"]
    assert terms("Put the links of the service-profit chain in order") == ["service-profit"]
    assert terms("In what order did Herb Kelleher put them?") == ["herb", "kelleher"]
    assert terms("Who drew the list from Greenleaf’s writing, 张伟?") == ["greenleaf's"]


def test_every_check_asks_what_its_own_module_teaches(program: Program) -> None:
    text = taught(program)
    missing = []
    for module_id, checks in program.checks.items():
        for check in checks:
            asked = terms(check.question)
            if check.kind == "ordering":  # every choice is content the module must teach
                asked += [c.text.lower() for c in check.options()]
            for term in asked:
                if term.removesuffix("'s") not in text[module_id]:
                    missing.append(f"{module_id}/{check.id}: {term}")
    assert not missing, missing


def test_the_pre_and_post_check_have_a_moment_in_the_day_and_the_page_does_not_deny_them(
    program: Program,
) -> None:
    assert program.assessment, "the default day has a pre-check and a post-check"
    said = [
        " ".join(segment.facilitator.model_dump_json().lower().split())
        for module in program.modules
        for segment in module.segments
        if segment.facilitator
    ]
    assert any("pre-check" in text for text in said), "no segment runs the pre-check"
    assert any("post-check" in text for text in said), "no segment runs the post-check"
    page = " ".join((REPO / "docs/before-the-day.md").read_text(encoding="utf-8").split())
    assert "no tests" not in page.lower()
    assert "a few quick questions at the start of the day" in page


NAMED = {"sticky note": "sticky-notes", "sticky dot": "sticky-dots"}


def test_stationery_the_guide_hands_out_is_on_the_materials_list(program: Program) -> None:
    """A segment whose SAY or DO uses sticky notes lists them (or its exercise does), so
    the guide's materials list and the room match what the facilitator is told to do."""
    unlisted = []
    for module in program.modules:
        for segment in module.segments:
            if not segment.facilitator:
                continue
            told = " ".join([*segment.facilitator.say, *segment.facilitator.do]).lower()
            listed = {getattr(m, "item", m) for m in segment.materials or []}
            if segment.exercise:
                used = program.exercises[segment.exercise].materials or []
                listed |= {getattr(m, "item", m) for m in used}
            for words, item in NAMED.items():
                if words in told and item not in listed:
                    unlisted.append(f"{module.id}/{segment.title}: {item}")
    assert not unlisted, unlisted


def test_a_discussion_without_a_case_or_exercise_puts_its_steps_on_screen(
    program: Program,
) -> None:
    """Otherwise the room sees only the segment's title while it works (issue 15 review)."""
    bare = [
        f"{module.id}/{segment.title}"
        for module in program.modules
        for segment in module.segments
        if segment.method == "discussion" and not (segment.case or segment.exercise)
        if not segment.screen and not segment.debrief_prompts
    ]
    assert not bare, bare
