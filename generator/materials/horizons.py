"""Horizons: when a preparation task or a material is due, relative to the workshop day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model.material import Horizon, PrepTask

HORIZON_LABELS: dict[str, str] = {
    "two-weeks": "Two weeks before",
    "one-week": "One week before",
    "day-before": "The day before",
    "on-the-day": "On the day",
    "after": "After the workshop",
}
OFFSETS: dict[str, int] = {
    "two-weeks": -14,
    "one-week": -7,
    "day-before": -1,
    "on-the-day": 0,
    "after": 1,
}
_PREFIXES: list[tuple[re.Pattern[str], Horizon]] = [
    (re.compile(r"^(two|2) weeks? (before|ahead)\b[:,.]?\s*", re.I), "two-weeks"),
    (re.compile(r"^(one|1|a) weeks? (before|ahead)\b[:,.]?\s*", re.I), "one-week"),
    (re.compile(r"^(the )?(day|evening|night) before\b[:,.]?\s*", re.I), "day-before"),
    (
        re.compile(
            r"^(on the day|on arrival|before (participants|people) arrive)\b[:,.]?\s*", re.I
        ),
        "on-the-day",
    ),
    (re.compile(r"^after( the (workshop|day|session))?\b[:,.]?\s*", re.I), "after"),
]


def horizon_of(task: str) -> tuple[Horizon, str]:
    """A plain (deprecated) task's horizon, guessed from its opening words.

    'Two weeks before: do X' -> ('two-weeks', 'Do X'); with no such opening: the day before."""
    for pattern, horizon in _PREFIXES:
        match = pattern.match(task)
        if match and match.end() < len(task):
            rest = task[match.end() :]
            return horizon, rest[:1].upper() + rest[1:]
    return "day-before", task


def workshop_date(text: str | None) -> date | None:
    """The program's ``date`` when it is an ISO date (2026-03-14), else None."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def due_date(horizon: str, day: date) -> date:
    """The calendar date of a horizon for a workshop on ``day`` ('after': the day after)."""
    return day + timedelta(days=OFFSETS[horizon])


def split_task(item: PrepTask | str) -> tuple[Horizon, str]:
    """A preparation item's horizon and text, for a ``{task, horizon}`` or a plain string."""
    return (item.horizon, item.task) if isinstance(item, PrepTask) else horizon_of(item)
