"""What can still be checked in a file that failed validation.

A module with ``duration: thirty`` still names its cases and exercises, and its segments
still have minutes: checking those in the same run is what "every problem at once"
means. :func:`salvage` rebuilds an item from the fields that validated, with a neutral
stand-in for each broken required field, and names the broken fields so that the
checks which depend on them are skipped. A salvaged item is only ever checked: the
loader raises before it could reach an output.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .model import Case, Exercise, Module, ProgramConfig

M = TypeVar("M", bound=BaseModel)

_TEXT = "-"
_FACILITATOR: dict[str, Any] = {
    "setup": _TEXT,
    "debrief": [{"question": _TEXT, "listen_for": _TEXT}],
    "virtual": _TEXT,
}
# A valid value for each required field, used in place of a broken one.
_NEUTRAL: dict[type[BaseModel], dict[str, Any]] = {
    Module: {
        "title": _TEXT,
        "summary": _TEXT,
        "duration": 1,
        "objectives": [_TEXT],
        "segments": [{"title": _TEXT, "minutes": 1, "method": "input"}],
    },
    Exercise: {
        "title": _TEXT,
        "format": "plenary",
        "minutes": 1,
        "purpose": _TEXT,
        "instructions": [_TEXT],
        "facilitator": _FACILITATOR,
    },
    Case: {
        "title": _TEXT,
        "organisation": _TEXT,
        "year": _TEXT,
        "story": _TEXT,
        "discussion": [_TEXT],
        "sources": [{"author": _TEXT, "title": _TEXT}],
        "facilitator": {"notes": _TEXT},
    },
    ProgramConfig: {
        "title": _TEXT,
        "organisation": _TEXT,
        "audience": _TEXT,
        "days": [{"plan": [{"break": _TEXT, "minutes": 1}]}],
    },
}


def salvage(
    model: type[M], data: dict[str, Any], exc: ValidationError
) -> tuple[M, frozenset[str]] | None:
    """``model`` built from ``data`` without the top-level fields ``exc`` names, and
    those fields' names; None when nothing sensible is left (the id is broken, or a
    check across fields failed)."""
    broken: set[str] = set()
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        if not loc or not isinstance(loc[0], str) or loc[0] == "id":
            return None
        broken.add(loc[0])
    neutral = _NEUTRAL.get(model, {})
    kept = {k: v for k, v in data.items() if k not in broken}
    for name in broken:
        if name in neutral:
            kept[name] = neutral[name]
    try:
        return model.model_validate(kept), frozenset(broken)
    except (ValidationError, ValueError):
        return None


def salvage_plugin(
    model: type[M], program: type[BaseModel], data: dict[str, Any], exc: ValidationError
) -> tuple[M, frozenset[str]] | None:
    """The plugin's options (``model``) without their broken parts, one level down into
    ``program`` (``program.days``), and the dotted names of the parts left out."""
    errors = exc.errors(include_url=False)
    top = {e["loc"][0] for e in errors if e["loc"] and e["loc"][0] != "program"}
    if any(not e["loc"] for e in errors) or not all(isinstance(k, str) for k in top):
        return None
    kept = {k: v for k, v in data.items() if k not in top}
    broken = {str(k) for k in top}
    inner = data.get("program")
    if any(e["loc"][:1] == ("program",) for e in errors):
        if not isinstance(inner, dict):
            return None
        try:
            program.model_validate(inner)
            return None  # a check across fields failed: nothing to salvage
        except ValidationError as nested:
            found = salvage(program, inner, nested)
        if found is None:
            return None
        kept["program"] = found[0]
        broken |= {f"program.{name}" for name in found[1]}
    try:
        return model.model_validate(kept), frozenset(broken)
    except (ValidationError, ValueError):
        return None
