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
        "warning: modules/my-module.yml:45: takeaways[0]: SF401 'One sentence participants "
        "should remember.' is sample text from the scaffold; write your own text in its place"
    ) in result.err.splitlines()


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
