"""SF401 scaffold-placeholder and SF402 question-twice."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_program

from ..conftest import run_cli
from .conftest import Write, exercise, findings, module


def test_placeholders_from_new_and_init(write: Write) -> None:
    root = write(
        modules=[module(takeaways=["One sentence participants should remember."])],
        program={"organisation": "Your organisation"},
    )
    assert [str(p) for p in findings(root, "SF401")] == [
        "mkdocs.yml:7: program.organisation: 'Your organisation' is sample text from "
        "servefirst init; write your own text in its place",
        "modules/listening.yml:23: takeaways[0]: 'One sentence participants should "
        "remember.' is sample text from the scaffold; write your own text in its place",
    ]


def test_own_text_is_no_placeholder(write: Write) -> None:
    root = write(modules=[module(takeaways=["Listen first; 倾听 before you lead."])])
    assert findings(root, "SF401") == []


def test_a_new_module_fails_strict_validation_until_it_is_written(
    basic: Path,
) -> None:
    assert run_cli("new", "module", "my-module", "--path", basic).code == 0
    config = basic / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- serve-first", "- serve-first\n              - my-module"))
    result = run_cli("validate", "--strict", basic)
    assert result.code == 1
    assert (
        "warning: modules/my-module.yml:46: takeaways[0]: SF401 'One sentence participants "
        "should remember.' is sample text from the scaffold; write your own text in its place"
    ) in result.err.splitlines()


def test_scaffold_sample_text_is_reported_whole(basic: Path) -> None:
    """Sample text with a comma in a one-line list is one item, not two halves: each
    line of a new module and case gives at most one SF401, with the whole text."""
    for kind, item_id in (("module", "my-module"), ("case", "my-case")):
        assert run_cli("new", kind, item_id, "--path", basic).code == 0
    module = basic / "modules" / "my-module.yml"
    text = module.read_text(encoding="utf-8").replace("cases: []", "cases: [my-case]")
    module.write_text(text.replace("title: ", "title: Мой модуль 模块 🙂 ", 1), encoding="utf-8")
    config = basic / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- serve-first", "- serve-first\n              - my-module"))
    result = run_cli("validate", "--strict", basic)
    found = [line for line in result.err.splitlines() if " SF401 " in line]
    places = [line.split(" SF401 ", 1)[0] for line in found]
    assert len(places) == len(set(places))  # no line split into two findings
    fix = "is sample text from the scaffold; write your own text in its place"
    for line in (
        "modules/my-module.yml:33: segments[0].facilitator.do[0]: SF401 'What you do, e.g. "
        f"put up the objectives.' {fix}",
        "modules/my-module.yml:40: segments[1].facilitator.timing_cues[0]: SF401 'At 15 "
        f"minutes, move to questions.' {fix}",
        f"modules/cases/my-case.yml:7: people[0]: SF401 'Name, their role' {fix}",
    ):
        assert f"warning: {line}" in found


def test_a_question_asked_in_the_segment_and_its_exercise(write: Write) -> None:
    segments = module()["segments"]
    segments[1]["facilitator"] = {
        "debrief": [{"question": "What was hard?", "listen_for": "Wanting to fix it."}]
    }
    root = write(modules=[module(segments=segments)])
    assert [str(p) for p in findings(root, "SF402")] == [
        "exercises/pairs.yml:12: facilitator.debrief[0]: 'What was hard?' is asked twice in "
        "listening with different listen-for notes (first at modules/listening.yml:21); "
        "ask it once, with one set of listen-for notes"
    ]


def test_different_questions(write: Write) -> None:
    segments = module()["segments"]
    segments[1]["facilitator"] = {
        "debrief": [{"question": "What was easy?", "listen_for": "Quiet."}]
    }
    root = write(modules=[module(segments=segments)], exercises=[exercise("pairs")])
    assert findings(root, "SF402") == []
    assert load_program(root).warnings == []


def case(item_id: str) -> dict[str, object]:
    """A case with one question of its own."""
    return {
        "id": item_id,
        "title": "Служение в Сбербанке",
        "organisation": "Société Ünïcode",
        "year": "2001",
        "story": "The branch manager moved her desk to the counter for a month.",
        "discussion": ["What did the move tell the people at the counter?"],
        "sources": [{"author": "Dupont, A.", "title": "Interview notes", "year": 2002}],
        "facilitator": {"notes": "Keep to what the story says."},
    }


def revisit_program(write: Write, **returning: object) -> Path:
    """Two modules: 'listening' tells the case, 'again' returns to it."""
    first = module(cases=["counter"])
    first["segments"][0].update(method="case", case="counter")
    again = module(id="again", title="Again, 再一次", cases=["counter"])
    again["segments"][2].update(method="case", case="counter", **returning)
    return write(
        modules=[first, again],
        cases=[case("counter")],
        program={"days": [{"start": "09:00", "plan": ["listening", "again"]}]},
    )


def test_a_revisited_case_without_questions_of_its_own(write: Write) -> None:
    root = revisit_program(write)
    assert [str(p) for p in findings(root, "SF403")] == [
        "modules/again.yml:22: segments[2].case: 'Close' returns to case 'counter' from "
        "listening without questions of its own; give the segment case_questions of its own"
    ]


def test_a_revisit_with_its_own_questions(write: Write) -> None:
    root = revisit_program(write, case_questions=["What would you move, and where to? 🪑"])
    assert findings(root, "SF403") == []


def test_case_questions_need_a_case(write: Write) -> None:
    segments = module()["segments"]
    segments[0]["case_questions"] = ["What would you move?"]
    root = write(modules=[module(segments=segments)])
    result = run_cli("validate", root)
    assert result.code == 1
    assert (
        "modules/listening.yml:10: segments[0]: case_questions are for a segment that "
        "returns to a case; add case: with the case's id, or remove them"
    ) in result.err


def test_a_case_screen_needs_a_case(write: Write) -> None:
    segments = module()["segments"]
    segments[0]["screen"] = "case"
    root = write(modules=[module(segments=segments)])
    result = run_cli("validate", root)
    assert result.code == 1
    assert (
        "modules/listening.yml:10: segments[0]: screen: case needs the segment's case: add "
        "case: with its id, or choose another screen"
    ) in result.err


def test_a_debrief_prompt_too_long_for_a_slide_is_named(write: Write) -> None:
    segments = module()["segments"]
    segments[2]["debrief_prompts"] = ["WWWWWWWWW " * 59]
    root = write(modules=[module(segments=segments)])
    result = run_cli("validate", root)
    assert result.code == 0, result.err
    assert (
        "warning: modules/listening.yml:23: segments[2].debrief_prompts[0]: too long for one "
        "slide at 24 pt, so the slide deck sets it at 16 pt; shorten it to keep it readable "
        "from the back of the room"
    ) in result.err.splitlines()
