"""Measuring one benchmark case: wall time and the peak memory of its process tree.

A case runs in a fresh probe process (this file run as a script), so the memory figures
are its own: ``python bench/measure.py -- COMMAND...`` prints one JSON line with the
seconds, the peak in KiB and the command's output. Used by ``bench/run.py``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Measured:
    seconds: float
    peak_mib: float
    output: str
    detail: dict[str, Any] = field(default_factory=dict)


def _memory_kib(pid: int) -> int:
    """The process's proportional set size: shared pages count once across the tree."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:  # no smaps: RSS
            return int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, IndexError, ValueError):
        return 0  # the process ended meanwhile
    return 0


def _tree_kib(root: int) -> int:
    """Memory of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _memory_kib(pid)
        stack += children.get(pid, [])
    return total


def probe(command: list[str]) -> None:
    """Run ``command``; print its wall time, peak memory and output as JSON (one line)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak_kib = 0
    while child.poll() is None:
        peak_kib = max(peak_kib, _tree_kib(child.pid))
        time.sleep(0.05)
    assert child.stdout is not None
    output = child.stdout.read().decode("utf-8", "replace")
    seconds = time.perf_counter() - start
    largest_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_kib": max(peak_kib, largest_kib),
                "code": child.returncode,
                "output": output,
            }
        )
    )


def measure(command: list[str | Path], *, cwd: Path = REPO) -> Measured:
    """Run ``command`` in a fresh probe process, so its memory figures are its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--", *map(str, command)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the probe failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        shown = " ".join(map(str, command))
        raise SystemExit(f"{shown} failed (exit {result['code']}):\n{result['output']}")
    return Measured(result["seconds"], result["peak_kib"] / 1024, result["output"])


if __name__ == "__main__":
    probe(sys.argv[2:] if sys.argv[1:2] == ["--"] else sys.argv[1:])
