"""Turn pydantic's validation errors into located, plain-English problems.

Messages follow the "expected X, got Y" shape MkDocs uses for its options.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .yamlio import LineMap, Loc, dotted


def problems_from(
    exc: ValidationError,
    data: Any,
    lines: LineMap,
    shown: str,
    model: type[BaseModel],
    prefix: Loc = (),
) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = _clean_loc(data, err["loc"])
        message = _message(err, data, loc, model)
        out.append(Problem(shown, lines.line_of(loc), dotted((*prefix, *loc)), message))
    return out


def _clean_loc(data: Any, loc: tuple[int | str, ...]) -> Loc:
    """Drop union tags and model names from pydantic's location, keep real keys."""
    out: list[str | int] = []
    cur = data
    for part in loc:
        if isinstance(part, str) and ":" in part and not (isinstance(cur, dict) and part in cur):
            continue  # a tag of a discriminated union, e.g. "kind:lines", not a key
        out.append(part)
        if isinstance(cur, dict):
            cur = cur.get(part)
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            cur = cur[part]
        else:
            cur = None
    return tuple(out)


def _got(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Names of the fields allowed at ``loc`` (for 'did you mean' hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _model_in(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _message(err: ErrorDetails, data: Any, loc: Loc, model: type[BaseModel]) -> str:
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "worksheet_kind":
        got = value.get("kind") if isinstance(value, dict) else value
        return f"{err['msg']}, got {_got(got)}"
    if kind == "missing":
        return "required field is missing; add it"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(allowed)}"
        return f"unknown field; {hint}" if allowed else "unknown field; remove it"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_got(value)}"
    if kind in {"string_type"}:
        return f"expected text, got {_got(value)}"
    if kind == "string_too_short":
        return "must not be empty; write the text or remove the field"
    if kind == "string_too_long":
        return f"is too long ({len(str(value))} characters); keep it under {ctx.get('max_length')}"
    if kind == "list_type":
        return f"expected a list (one '- item' per line), got {_got(value)}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a mapping of fields, got {_got(value)}"
    if kind == "too_short":
        return (
            f"expected at least {ctx.get('min_length')} item(s), got {ctx.get('actual_length', 0)}"
        )
    if kind == "too_long":
        return f"expected at most {ctx.get('max_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {_got(value)}"
    if kind == "string_pattern_mismatch":
        return f"{_pattern_hint(str(loc[-1]) if loc else '')}, got {_got(value)}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"expected at least {ctx.get('ge', ctx.get('gt'))}, got {_got(value)}"
    if kind in {"less_than_equal", "less_than"}:
        return f"expected at most {ctx.get('le', ctx.get('lt'))}, got {_got(value)}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"{err['msg']}, got {_got(value)}" if value is not None else err["msg"]


_PATTERNS = {
    "id": "expected an id of lower-case words joined by hyphens, like 'listening-pairs'",
    "start": "expected a time as HH:MM, like '09:00'",
    "finish_by": "expected a time as HH:MM, like '17:00'",
    "colour": "expected a colour as #RRGGBB, like '#1f5f7a'",
    "url": "expected a web address starting with https://",
    "group_size": "expected a number of people like '3' or a range like '4-6'",
}


def _pattern_hint(name: str) -> str:
    return _PATTERNS.get(name, "expected an id of lower-case words joined by hyphens")
