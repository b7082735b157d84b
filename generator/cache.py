"""Content-hash cache: an output is rebuilt only when something it depends on changed.

Each output gets a key: a hash of exactly what it is made from. The workbook and the site
hash the participant view (so a change to facilitator notes leaves them alone); the
facilitator guide and the slides hash the full program and the workbook's page numbers.
Every key also covers Serve First's own code, templates and styles and the versions of
the renderers, so an upgrade rebuilds everything. Keys are kept in a manifest beside
the outputs; an output whose file is missing is rebuilt whatever its key says.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

MANIFEST = ".servefirst-cache.json"
PACKAGE = Path(__file__).resolve().parent
RENDERERS = ("weasyprint", "mkdocs", "mkdocs-material", "python-pptx", "serve-first")
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


@dataclass
class Manifest:
    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    """Facts about outputs that later steps need when an output is not rebuilt."""

    @classmethod
    def load(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, dict(raw["keys"]), dict(raw["data"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls(path)

    def fresh(self, name: str, new_key: str, *outputs: Path) -> bool:
        """True when ``name`` was built from ``new_key`` and its files are all there."""
        return self.keys.get(name) == new_key and all(p.exists() for p in outputs)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        payload = {"keys": self.keys, "data": self.data}
        temporary.write_text(json.dumps(payload, indent=1, sort_keys=True), "utf-8")
        temporary.replace(self.path)
