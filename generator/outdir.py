"""The output folder: one build at a time, staging folders, leftovers of killed builds.

A build renders into hidden staging folders inside the output folder and moves finished
outputs into place (see pipeline.py). Those folders are made with :func:`staging_dir`,
which honours the user's umask like ``mkdir`` does, so published folders are as readable
as an ordinary copy (0755 under umask 022), never ``tempfile.mkdtemp``'s 0700.

:func:`output_lock` holds an exclusive ``flock`` on ``OUT/.servefirst.lock`` for the
whole build: a second build into the same folder waits for the first, saying so, and
never interleaves with it. While the lock is held no other build is running there, so
staging folders found then were left by a killed build and are removed.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK = ".servefirst.lock"
LEFTOVER = re.compile(r"^\.(staging|site|docs)-|^\.slides-old$|^\.servefirst-cache\.json\.tmp$")
"""Names of staging folders, swapped-out old outputs and a half-written manifest: only
names a build makes, as the output folder may be one the user keeps other files in."""


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def output_lock(out: Path, notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the output folder ``out`` (created if missing) for one build.

    When another build holds it, ``notify`` (default: print to standard error) gets "waiting for another build into OUT"
    once and the call blocks until that build ends. Ctrl-C or SIGTERM while waiting
    interrupts the wait. The lock is released when the block ends, however it ends.
    """
    out.mkdir(parents=True, exist_ok=True)
    with (out / LOCK).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            (notify or _to_stderr)(f"waiting for another build into {out}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def staging_dir(parent: Path, prefix: str) -> Path:
    """A new, uniquely named, empty folder ``parent/<prefix><random>``.

    Unlike ``tempfile.mkdtemp`` (always 0700) its mode is what ``mkdir`` gives under the
    current umask, because the folder, or one made inside it, is published as it is.
    """
    parent.mkdir(parents=True, exist_ok=True)
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder


def remove_leftovers(folder: Path) -> list[str]:
    """Delete what a killed build left directly in ``folder``; returns the names removed.

    Call only while holding :func:`output_lock` on ``folder``.
    """
    removed = []
    for entry in sorted(folder.iterdir()):
        if not LEFTOVER.search(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry.name)
    return removed


def replace(source: Path, target: Path) -> None:
    """Move ``source`` (a finished file or folder) to ``target``, replacing what is there.

    A folder is swapped whole: the old one is renamed aside, the new one renamed in, the
    old one deleted, so readers see the old or the new folder, never a mixture.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if not source.is_dir():
        os.replace(source, target)
        return
    old = target.with_name(f".{target.name}-old")
    _remove(old)
    if target.exists() or target.is_symlink():
        target.rename(old)
    source.rename(target)
    _remove(old)


def _remove(path: Path) -> None:
    """Delete a file, a symbolic link or a folder tree at ``path``, if there is one."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


SYSTEM_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
"""Files a file manager drops into any folder it shows: not the user's work."""


def foreign_files(out: Path, output: str, recorded: Iterable[str] | None) -> str | None:
    """Why the folder ``out/output`` may not be replaced, or None when it may.

    A build replaces its output folders whole, so one that holds a file the last build
    did not publish (``recorded``: POSIX paths relative to ``out``, from the manifest) is
    someone's work added to a built folder. ``recorded`` None means the manifest has no
    record of this output (a folder made by hand, or a lost manifest): that folder is not
    replaced but moved aside (:func:`keep_aside`), so None is returned. Empty folders and
    :data:`SYSTEM_LITTER` are not counted. The reason names the folder and what to do.
    """
    if recorded is None:
        return None
    target = out / output
    if not (target.exists() or target.is_symlink()):
        return None
    advice = "move it elsewhere or choose another --out"
    if target.is_symlink() or not target.is_dir():
        return (
            f"{target} is a file that Serve First did not write; a build would replace it: {advice}"
        )
    known = set(recorded)
    found = sorted(
        path.relative_to(out).as_posix()
        for path in target.rglob("*")
        if (path.is_file() or path.is_symlink()) and path.name not in SYSTEM_LITTER
    )
    foreign = [path for path in found if path not in known]
    if not foreign:
        return None
    files = f"{foreign[0]}" if len(foreign) == 1 else f"{len(foreign)} files ({foreign[0]}, …)"
    return (
        f"{target} holds {files} that Serve First did not write; a build replaces this "
        f"folder whole: move {'it' if len(foreign) == 1 else 'them'} elsewhere or choose "
        "another --out"
    )


def keep_aside(target: Path) -> Path | None:
    """Rename ``target`` (a file or folder that holds something) to the first free name
    ``<name>.kept``, ``<name>.kept-2``, … beside it, and return that; None when there is
    nothing there worth keeping (no file at all, or only :data:`SYSTEM_LITTER`)."""
    if not (target.exists() or target.is_symlink()):
        return None
    folder = target.is_dir() and not target.is_symlink()
    if folder and not any(
        p.name not in SYSTEM_LITTER for p in target.rglob("*") if p.is_file() or p.is_symlink()
    ):
        return None
    number = 1
    while True:
        aside = target.with_name(f"{target.name}.kept" + (f"-{number}" if number > 1 else ""))
        if not (aside.exists() or aside.is_symlink()):
            target.rename(aside)
            return aside
        number += 1


def publish_files(staging: Path, target: Path) -> list[Path]:
    """Move every file under ``staging`` to the same relative path under ``target``,
    replacing files of the same name and keeping the others; returns the new paths."""
    moved = []
    for source in sorted(p for p in staging.rglob("*") if p.is_file()):
        destination = target / source.relative_to(staging)
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, destination)
        moved.append(destination)
    return moved


def publish_outputs(
    staging: Path,
    out: Path,
    outputs: list[tuple[str, str]],
    recorded: set[str],
    notices: list[str],
) -> list[str]:
    """Move every rebuilt output, ``(name, path relative to out)`` in order, from
    ``staging`` into place; folders are swapped whole. A folder whose output name is not
    in ``recorded`` (the manifest's) is someone's, or a lost manifest's: it is moved aside,
    with a notice, never deleted. Returns the paths moved, relative to ``out`` (folders
    with a trailing slash)."""
    written = []
    for name, path in outputs:
        source = staging / path
        if not source.exists():
            continue
        if source.is_dir() and name not in recorded and (aside := keep_aside(out / path)):
            notices.append(
                f"{path}/ was not written by a build recorded here; moved it to "
                f"{aside.name}{'/' if aside.is_dir() else ''} rather than replace it "
                "(delete it when you no longer need it)"
            )
        written.append(path + ("/" if source.is_dir() else ""))
        replace(source, out / path)
    return written
