"""What MkDocs warns about while it builds the handbook, located in the program's files.

MkDocs names the page a warning is about (``Doc file 'modules/serve-first.md' contains a
link 'x.png', but the target ... is not found``), and in strict mode it stops with
"Aborted with 3 warnings in strict mode!" and nothing more. The pages Serve First
generates are not files the owner can open, so each warning is put in front of the
program file and line that hold the address it quotes, when one does; a hand-written
page is named by its path in the program folder.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import display_path

_PAGE = re.compile(r"^Doc file '([^']+)'")
_QUOTED = re.compile(r"(?:link|image) '([^']+)'")
_SOURCES = ("mkdocs.yml", "modules", "exercises")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def warnings_of_mkdocs() -> Iterator[list[str]]:
    """Collect the messages of MkDocs' warnings (and errors) while the block runs."""
    handler = _Collect()
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    try:
        yield handler.messages
    finally:
        log.removeHandler(handler)


def locate(message: str, root: Path, docs_dir: Path | None) -> str:
    """``message`` with where to look in front: ``file:line: `` of the program file that
    holds the quoted address, or ``docs/page.md: `` for a hand-written page."""
    page = _PAGE.match(message)
    quoted = _QUOTED.search(message)
    if page and docs_dir is not None and (docs_dir / page.group(1)).is_file():
        path = docs_dir / page.group(1)
        found = _find(quoted.group(1), root, [path]) if quoted else None
        return f"{found or display_path(path, root)}: {message}"
    if quoted:
        files = [root / "mkdocs.yml"]
        for folder in _SOURCES[1:]:
            if (root / folder).is_dir():
                files += sorted((root / folder).rglob("*.y*ml"))
        found = _find(quoted.group(1), root, files)
        if found:
            return f"{found}: {message}"
    return message


def _find(text: str, root: Path, files: list[Path]) -> str | None:
    """``file:line`` of the first line of ``files`` that holds ``text``."""
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            if text in line:
                return f"{display_path(path, root)}:{number}"
    return None
