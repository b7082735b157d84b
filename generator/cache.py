"""Content-hash cache: an output is rebuilt only when something it depends on changed.

Each output gets a key: a hash of exactly what it is made from. The workbook and the site
hash the participant view (so a change to facilitator notes leaves them alone); the
facilitator guide and the slides hash the full program and the workbook's page numbers,
and so does the press folder (``--press``: PDF/X files and the booklet, one output).
Every key also covers Serve First's own code, templates and styles and the versions of
the renderers, so an upgrade rebuilds everything. Keys are kept in a manifest beside
the outputs, with every file each output published (size and SHA-256). An output counts
as unchanged only when its key matches and every one of its files is still there with
its recorded size and hash: an emptied ``site/``, a deleted page or a truncated PDF is
rebuilt. Hashing every published file costs about 5 ms for the default program (5 MB);
modification times are not recorded, so the manifest of a reproducible build is itself
reproducible.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .errors import ServeFirstError

MANIFEST = ".servefirst-cache.json"
PACKAGE = Path(__file__).resolve().parent
RENDERERS = ("weasyprint", "mkdocs", "mkdocs-material", "python-pptx", "pypdf", "serve-first")
"""pypdf imposes the press booklet."""
SKIP = {"__pycache__", "library"}


def package_fingerprint() -> str:
    """Hash of Serve First's code, templates and styles, and the renderers' versions."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and not SKIP & set(path.relative_to(PACKAGE).parts):
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    for name in RENDERERS:
        try:
            digest.update(f"{name}=={version(name)}".encode())
        except Exception:  # an optional renderer that is not installed
            digest.update(f"{name} missing".encode())
    return digest.hexdigest()


def key(*parts: Any) -> str:
    """A stable hash of JSON-able parts, bytes and paths (by their contents)."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            digest.update(part)
        elif isinstance(part, Path):
            digest.update(part.read_bytes() if part.is_file() else b"<missing>")
        else:
            digest.update(json.dumps(part, sort_keys=True, default=str).encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def user_cache_dir() -> Path:
    """Where work that is the same for every program is kept (subset web fonts):
    ``$SERVEFIRST_CACHE``, else ``$XDG_CACHE_HOME/serve-first``, else ``~/.cache/serve-first``."""
    if os.environ.get("SERVEFIRST_CACHE"):
        return Path(os.environ["SERVEFIRST_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "serve-first"


def tree_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, as 64 hex digits."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


FileRecord = list[Any]
"""[size in bytes, SHA-256 hex] of one published file."""


def record_files(base: Path, output: str) -> dict[str, FileRecord]:
    """Every file of ``output`` (a file or folder path relative to ``base``), keyed by its
    path relative to ``base`` in POSIX form."""
    top = base / output
    paths = [top] if top.is_file() else tree_files(top)
    records: dict[str, FileRecord] = {}
    for path in paths:
        records[path.relative_to(base).as_posix()] = [path.stat().st_size, file_hash(path)]
    return records


@dataclass
class Manifest:
    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    """Facts about outputs that later steps need when an output is not rebuilt."""
    files: dict[str, dict[str, FileRecord]] = field(default_factory=dict)
    """Per output name, every file it published: {relative path: FileRecord}."""

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """The manifest in folder ``out``; an empty one when it is missing or unreadable.
        Raises ServeFirstError when something other than a file has its name."""
        path = out / MANIFEST
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise ServeFirstError(
                f"{path} is not a file; a build keeps its record of the outputs there: "
                "move it elsewhere or choose another --out"
            )
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            files = {str(k): dict(v) for k, v in dict(raw.get("files", {})).items()}
            return cls(path, dict(raw["keys"]), dict(raw["data"]), files)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(path)

    def damage(self, name: str) -> str | None:
        """What is wrong with the published files of ``name``, or None when every recorded
        file exists with its recorded size and hash. An output with no record is damaged."""
        records = self.files.get(name)
        if not records:
            return "no record of its files"
        base = self.path.parent
        missing, changed = [], []
        for relative, record in records.items():
            try:
                size, digest = record
                found = (base / relative).stat().st_size
            except (OSError, ValueError, TypeError):
                missing.append(relative)
                continue
            if found != size or _hash(base / relative) != digest:
                changed.append(relative)
        forms = (
            (missing, "it is missing", "{} is missing", "{} of its files are missing ({}, …)"),
            (
                changed,
                "it has changed since it was written",
                "{} has changed since it was written",
                "{} of its files have changed since they were written ({}, …)",
            ),
        )
        for paths, whole, one, many in forms:
            if paths and len(records) == 1:
                return whole
            if len(paths) == 1:
                return one.format(paths[0])
            if paths:
                return many.format(len(paths), paths[0])
        return None

    def record(self, name: str, output: str) -> None:
        """Remember the files now published for ``name`` at ``output`` (relative path)."""
        self.files[name] = record_files(self.path.parent, output)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        payload = {"keys": self.keys, "data": self.data, "files": self.files}
        try:
            temporary.write_text(json.dumps(payload, indent=1, sort_keys=True), "utf-8")
            temporary.replace(self.path)
        finally:
            temporary.unlink(missing_ok=True)


def _hash(path: Path) -> str | None:
    try:
        return file_hash(path)
    except OSError:
        return None
