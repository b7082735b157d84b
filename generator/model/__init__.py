"""The content model: typed, validated, and the only shape renderers ever see."""

from .base import Source
from .case import Case, CaseFacilitator
from .exercise import Exercise, ExerciseFacilitator, WorksheetField
from .module import Module, ModuleFacilitator, Principle, Segment, SegmentFacilitator
from .program import Break, Day, PluginConfig, ProgramConfig
from .resolved import Program

__all__ = [
    "Break",
    "Case",
    "CaseFacilitator",
    "Day",
    "Exercise",
    "ExerciseFacilitator",
    "Module",
    "ModuleFacilitator",
    "PluginConfig",
    "Principle",
    "Program",
    "ProgramConfig",
    "Segment",
    "SegmentFacilitator",
    "Source",
    "WorksheetField",
]
