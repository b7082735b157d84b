"""Small self-contained programs for the design linter's rules, written into tmp_path."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import Problem
from generator.loader import load_program


def exercise(item_id: str, **changes: Any) -> dict[str, Any]:
    """An exercise that passes every rule: a pair exercise of 10 minutes, one question."""
    data: dict[str, Any] = {
        "id": item_id,
        "title": "Пары слушания",
        "format": "pair",
        "minutes": 10,
        "group_size": "2",
        "purpose": "Practise listening without interrupting, then summarise feelings.",
        "instructions": ["A speaks for three minutes; B listens without interrupting."],
        "facilitator": {
            "setup": "Pair people who do not work together.",
            "debrief": [{"question": "What was hard?", "listen_for": "Silence felt long."}],
            "virtual": "Breakout rooms of two.",
        },
    }
    data.update(changes)
    return data


def module(**changes: Any) -> dict[str, Any]:
    """A 30-minute module whose one objective is practised by its exercise segment."""
    data: dict[str, Any] = {
        "id": "listening",
        "title": "倾听 first",
        "summary": "Listening before leading.",
        "duration": 30,
        "objectives": ["Practise listening without interrupting for three minutes."],
        "exercises": ["pairs"],
        "segments": [
            {"title": "Opening", "minutes": 5, "method": "opening"},
            {
                "title": "Listening pairs",
                "minutes": 15,
                "method": "exercise",
                "exercise": "pairs",
                "practises": [1],
            },
            {"title": "Close", "minutes": 10, "method": "close"},
        ],
    }
    data.update(changes)
    return data


CONFIG: dict[str, Any] = {
    "site_name": "Lint",
    "plugins": [
        {
            "servefirst": {
                "library": False,
                "program": {
                    "title": "Lint test",
                    "organisation": "Société Ünïcode",
                    "audience": "Team leaders",
                    "group_size": 16,
                    "days": [{"start": "09:00", "finish_by": "17:00", "plan": ["listening"]}],
                },
            }
        }
    ],
}

Write = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write a program: ``write(modules=[...], exercises=[...], cases=[...], program={...},
    lint={...})``; modules and exercises default to :func:`module` and one 'pairs'."""

    def write_program(
        modules: list[dict[str, Any]] | None = None,
        exercises: list[dict[str, Any]] | None = None,
        cases: list[dict[str, Any]] | None = None,
        program: dict[str, Any] | None = None,
        lint: dict[str, Any] | None = None,
    ) -> Path:
        root = tmp_path / "программа"
        config = copy.deepcopy(CONFIG)
        options = config["plugins"][0]["servefirst"]
        options["program"].update(program or {})
        if lint is not None:
            options["lint"] = lint
        files: dict[str, Any] = {"mkdocs.yml": config}
        for item in modules if modules is not None else [module()]:
            files[f"modules/{item['id']}.yml"] = item
        for item in exercises if exercises is not None else [exercise("pairs")]:
            files[f"exercises/{item['id']}.yml"] = item
        for item in cases or []:
            files[f"modules/cases/{item['id']}.yml"] = item
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
            path.write_text(text, encoding="utf-8")
        (root / "docs").mkdir(exist_ok=True)
        return root

    return write_program


def findings(root: Path, code: str) -> list[Problem]:
    """The warnings of ``code`` that loading ``root`` gives, with the code stripped."""
    out = []
    for warning in load_program(root).warnings:
        if warning.message.startswith(code + " "):
            out.append(
                Problem(warning.file, warning.line, warning.field, warning.message[len(code) + 1 :])
            )
    return out
