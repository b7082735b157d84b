"""The project's own exceptions: the CLI and the MkDocs plugin know how to print them.

Every content problem is a :class:`Problem` tied to a file, a line (when known) and a
field path. Loading collects all of them and raises one :class:`ContentError`, so an
author sees everything that is wrong in one run, MkDocs-style, instead of one at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ServeFirstError(Exception):
    """Base class: anything the CLI prints as a message rather than a traceback."""


class ContentError(ServeFirstError):
    """One or more problems in the program's files."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        files = len({p.file for p in self.problems})
        noun = "problem" if count == 1 else "problems"
        lines.append(f"{count} {noun} in {files} file{'s' if files != 1 else ''}.")
        return "\n".join(lines)


class BuildError(ServeFirstError):
    """A build step failed for a reason that is not a content problem."""


def _sort_key(p: Problem) -> tuple[str, int, str, str]:
    return (p.file, p.line or 0, p.field, p.message)


def display_path(path: Path, root: Path | None) -> str:
    """Show a path relative to the program folder when it is inside it."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)
