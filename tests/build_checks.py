"""Helpers for the path, cache, interrupt and lock tests: the CLI under a umask, tree
snapshots and the modes an ordinary copy would have."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from .conftest import CliResult

Snapshot = dict[str, tuple[str, int, int]]


def run_cli_as(*args: str | Path, cwd: Path, umask: int = 0o022) -> CliResult:
    """Run ``python -m generator ARGS`` in ``cwd`` with the given umask."""
    done = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
        preexec_fn=lambda: os.umask(umask),
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def snapshot(root: Path, *skip: Path) -> Snapshot:
    """Every entry under ``root`` except the folders ``skip``: {path: (kind, size, mtime)}.

    Symbolic links are listed, not followed. Folders are listed without size and time
    (their mtime changes when an output folder is made inside them); the folders that
    hold a skipped folder are left out (they are made with it), not their contents."""
    skipped = [s.resolve() for s in skip]
    entries: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [
            d for d in dirs if (here / d).resolve() not in skipped or (here / d).is_symlink()
        ]
        for name in [*dirs, *files]:
            path = here / name
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                kind, size, mtime = "link", 0, 0
            elif stat.S_ISDIR(info.st_mode):
                if any(path.resolve() in s.parents for s in skipped):
                    continue  # a folder made to hold the output folder
                kind, size, mtime = "dir", 0, 0
            else:
                kind, size, mtime = "file", info.st_size, info.st_mtime_ns
            entries[str(path.relative_to(root))] = (kind, size, mtime)
    return entries


def wrong_modes(folder: Path, umask: int) -> list[str]:
    """Entries under ``folder`` (itself included) whose mode differs from what ``mkdir``
    and ``cp`` give under ``umask``: 0777 & ~umask for folders, 0666 & ~umask for files."""
    wrong = []
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        expected = (0o777 if path.is_dir() else 0o666) & ~umask
        if mode != expected:
            wrong.append(f"{path.relative_to(folder.parent)} {mode:o} (expected {expected:o})")
    return wrong


def leftovers(folder: Path) -> list[str]:
    """Staging folders and half-written files a build should never leave behind."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob(".*")
        if p.name.startswith((".staging-", ".site-")) or p.name.endswith(("-old", ".tmp"))
    )
