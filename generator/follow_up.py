"""What a participant follows up at 30, 60 and 90 days: the program's outcomes.

The end-of-day evaluation and the action plan's follow-up draw on the same list, so
what the form asks participants to rate is what their plan asks them to carry on.
"""

from __future__ import annotations

from .model.resolved import Program

CHECKPOINTS = (30, 60, 90)
"""Days after the workshop at which the follow-up asks for progress."""


def outcome_statements(program: Program) -> list[str]:
    """Each program outcome that an objective of a planned module links to, in the
    program's order (participants' words, completing "I can now..."); without outcomes,
    each planned module's first objective. Empty when no module is planned."""
    if not program.config.outcomes:
        return [m.objectives[0] for m in program.modules if m.objectives]
    linked = {o for m in program.modules for o, numbers in m.outcomes.items() if numbers}
    return [o.statement for o in program.config.outcomes if o.id in linked]
