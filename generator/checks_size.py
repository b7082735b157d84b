"""The size of the whole planned program: a warning when its build will take minutes.

One field (100,000 characters) and one YAML file (1,000,000 bytes) are bounded where they
are read (see yamlio.py); a program of many files within those bounds can still hold
megabytes of text, and build time grows with it (both PDFs and the deck lay out every
character). That is not an error, since such a program builds; ``validate`` warns, at
the plan in mkdocs.yml, so a long wait is expected rather than taken for a hang.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from .errors import Problem
from .located import Located
from .model import PluginConfig

MAX_TOTAL_CHARS = 1_000_000
"""Characters of text in the planned program above which validate warns (see README)."""


def text_size(value: Any) -> int:
    """The characters in every string of a model, list or dict (keys excluded)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, BaseModel):
        return sum(text_size(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, dict):
        return sum(text_size(child) for child in value.values())
    if isinstance(value, list | tuple):
        return sum(text_size(child) for child in value)
    return 0


def check_total_text(
    plugin: Located[PluginConfig], items: Iterable[BaseModel], warnings: list[Problem]
) -> None:
    """Warn, at ``program.days`` in mkdocs.yml, when the planned modules, cases and
    exercises (``items``) hold more than MAX_TOTAL_CHARS characters of text."""
    total = sum(text_size(item) for item in items)
    if total <= MAX_TOTAL_CHARS:
        return
    line = plugin.lines.line_of(("program", "days"))
    warnings.append(
        Problem(
            plugin.file,
            line,
            "program.days",
            f"the planned modules, cases and exercises hold {total:,} characters of text, "
            f"over {MAX_TOTAL_CHARS:,}; a build will take minutes (measured: about two and a "
            "half minutes per million characters on two cores); plan fewer modules, or "
            "shorten them",
        )
    )
