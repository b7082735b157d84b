"""Which activities practise which objectives: explicit links, or a word-overlap guess.

A segment names the objectives it practises with ``practises:``, by number as printed
(the first is 1) or by the words the objective begins with. A module whose segments
name none is matched by words instead: an objective counts as practised by a segment
when they share at least :data:`SHARED_WORDS` key words (words of four letters or more,
outside a list of common ones, compared on their first six letters). The words of a
segment are its title and debrief questions, and the title, purpose, instructions and
worksheet labels of its exercise or the title and questions of its case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Case, Exercise, Module, Segment

SHARED_WORDS = 2
_WORDS = """about after again also another before being between both called could customer
    customers during each every example from give have into just least leader
    leaders leadership make more most much must name once only other over same
    should some such than that their them then there these they thing things this
    those three through time under using what when where which while will with
    within without would your yours team teams people person member members work
    working own"""
_COMMON = frozenset(_WORDS.split())


def key_words(text: str) -> set[str]:
    """Stems (first six letters) of the distinctive words of ``text``."""
    words = re.findall(r"[^\W\d_]{4,}", text.lower())
    return {w[:6] for w in words if w not in _COMMON}


def resolve(module: Module, ref: int | str) -> int | None:
    """The index (0-based) of the objective ``ref`` names, or None."""
    if isinstance(ref, int):
        return ref - 1 if 1 <= ref <= len(module.objectives) else None
    wanted = " ".join(ref.lower().split())
    found = [
        i for i, o in enumerate(module.objectives) if " ".join(o.lower().split()).startswith(wanted)
    ]
    return found[0] if len(found) == 1 else None


def explicit(module: Module) -> bool:
    """True when any segment of ``module`` links objectives with ``practises``."""
    return any(s.practises for s in module.segments)


def segment_words(
    segment: Segment, exercises: Mapping[str, Exercise], cases: Mapping[str, Case]
) -> set[str]:
    parts = [segment.title, *(q.question for q in segment.facilitator.debrief)]
    exercise = exercises.get(segment.exercise or "")
    if exercise is not None:
        parts += [exercise.title, exercise.purpose, *exercise.instructions]
        parts += [field.label for field in exercise.worksheet]
        parts += [q.question for q in exercise.facilitator.debrief]
    case = cases.get(segment.case or "")
    if case is not None:
        parts += [case.title, *case.discussion]
    return key_words(" ".join(parts))


def practised(
    module: Module, exercises: Mapping[str, Exercise], cases: Mapping[str, Case]
) -> dict[int, list[int]]:
    """Objective index -> indexes of the segments that practise it (possibly empty)."""
    out: dict[int, list[int]] = {i: [] for i in range(len(module.objectives))}
    if explicit(module):
        for s, segment in enumerate(module.segments):
            for ref in segment.practises:
                index = resolve(module, ref)
                if index is not None:
                    out[index].append(s)
        return out
    for s, segment in enumerate(module.segments):
        words = segment_words(segment, exercises, cases)
        for i, objective in enumerate(module.objectives):
            if len(key_words(objective) & words) >= SHARED_WORDS:
                out[i].append(s)
    return out


def short(text: str, limit: int = 60) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "..."
