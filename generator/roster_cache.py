"""Which people's personalised files are already current, so a rerun skips them.

``servefirst personalize`` keeps ``.servefirst-personal.json`` in its output folder: per
file stem, the key its two files were made from (Serve First's code and renderers, the
participant view, the images it shows, and the person's row) and each file's size and
SHA-256. A person counts as current only when the key matches and both files are still
there with their recorded size and hash; anything else is written again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import FileRecord, file_hash, key, package_fingerprint
from .file_names import EXTENSION
from .roster import Person

MANIFEST = ".servefirst-personal.json"
FOLDERS = ("workbooks", "certificates")


def roster_base(view_json: Any, assets: list[Path]) -> str:
    """The part of every person's key that the roster does not change."""
    return key(package_fingerprint(), view_json, *assets)


def person_key(base: str, person: Person) -> str:
    """A person's key: the shared base and what of their row is printed."""
    return key(base, person.name, person.cohort, person.dates)


@dataclass
class RosterManifest:
    """``people``: stem -> {"key": ..., "files": {folder: [size, sha256]}}."""

    folder: Path
    people: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> RosterManifest:
        """Read the manifest of ``folder``; a missing or unreadable one is empty."""
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            people = data["people"] if isinstance(data, dict) else {}
        except (OSError, ValueError, KeyError):
            people = {}
        return cls(folder, people if isinstance(people, dict) else {})

    def current(self, stem: str, person_key: str) -> bool:
        """Whether both of ``stem``'s files are there, unchanged, made from ``person_key``."""
        entry = self.people.get(stem)
        if not isinstance(entry, dict) or entry.get("key") != person_key:
            return False
        files = entry.get("files", {})
        for folder in FOLDERS:
            path = self.folder / folder / f"{stem}{EXTENSION}"
            if not path.is_file() or files.get(folder) != _record(path):
                return False
        return True

    def record(self, stem: str, person_key: str, written: Path) -> None:
        """Note ``stem``'s files as written under ``written`` (the staging folder)."""
        self.people[stem] = {
            "key": person_key,
            "files": {f: _record(written / f / f"{stem}{EXTENSION}") for f in FOLDERS},
        }

    def write(self, target: Path, keep: set[str]) -> None:
        """Write the manifest into ``target``, keeping only the stems in ``keep``."""
        people = {stem: self.people[stem] for stem in sorted(keep) if stem in self.people}
        text = json.dumps({"people": people}, indent=1, sort_keys=True) + "\n"
        (target / MANIFEST).write_text(text, encoding="utf-8")


def _record(path: Path) -> FileRecord:
    return [path.stat().st_size, file_hash(path)]
