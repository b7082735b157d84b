"""Ctrl-C, SIGTERM and a second build at the same time never cost the previous outputs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cache import Manifest
from generator.interrupt import Interrupted, deferred, interruptible
from generator.outdir import LOCK, output_lock

from .build_checks import leftovers
from .conftest import copy_fixture, run_cli

INTERRUPTED = "Interrupted by {}: nothing was replaced; the previous outputs are as they were.\n"


def contents(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != LOCK
    }


def start(*args: str | Path, cwd: Path, stderr: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=stderr.open("w") if stderr else subprocess.PIPE,
        text=True,
    )


def wait_for(condition: Callable[[], object], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def edit_participant_text(root: Path, text: str) -> None:
    module = root / "modules/serve-first.yml"
    module.write_text(
        module.read_text(encoding="utf-8").replace("Servant leadership turns", text),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "signum",
    [signal.SIGINT, signal.SIGTERM, signal.SIGHUP],
    ids=["SIGINT", "SIGTERM", "SIGHUP"],  # SIGHUP: the terminal or SSH session closed
)
def test_a_stopped_build_keeps_the_previous_outputs(tmp_path: Path, signum: int) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "выход out"
    assert run_cli("build", root, "--out", out, "--no-slides").code == 0
    before = contents(out)
    edit_participant_text(root, "Leadership by serving turns")  # everything must rebuild
    build = start("build", root, "--out", out, "--no-slides", cwd=tmp_path)
    wait_for(lambda: list(out.glob(".staging-*")), "the staging folder")
    wait_for(lambda: children(build.pid), "the second build process")
    second = children(build.pid)
    time.sleep(0.5)  # well inside the workbook's layout
    build.send_signal(signum)
    stdout, stderr = build.communicate(timeout=60)
    assert build.returncode == 128 + signum, stdout + stderr
    assert stderr == INTERRUPTED.format(signal.Signals(signum).name)
    assert contents(out) == before
    assert leftovers(out) == []
    wait_for(lambda: not any(running(pid) for pid in second), "the second process to end", 10)


def test_a_build_waits_for_the_one_writing_into_its_folder(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    err = tmp_path / "stderr.txt"
    with output_lock(out):
        build = start("build", root, "--out", out, "--no-pdf", cwd=tmp_path, stderr=err)
        wait_for(lambda: err.read_text(encoding="utf-8"), "the waiting message")
        assert err.read_text(encoding="utf-8") == f"waiting for another build into {out}\n"
        time.sleep(0.5)
        assert build.poll() is None and not (out / "site").exists()
    stdout, _ = build.communicate(timeout=120)
    assert build.returncode == 0
    assert stdout.splitlines()[-1] == f"Wrote {out} (site/)"
    assert Manifest.load(out).damage("site") is None


def test_personalize_waits_too_and_can_be_stopped_while_waiting(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nمريم الحسن\n", encoding="utf-8")
    out = tmp_path / "personal"
    err = tmp_path / "stderr.txt"
    with output_lock(out):
        waiting = start(
            "personalize", root, "--roster", roster, "--out", out, cwd=tmp_path, stderr=err
        )
        wait_for(lambda: err.read_text(encoding="utf-8"), "the waiting message")
        waiting.send_signal(signal.SIGTERM)
        waiting.communicate(timeout=60)
        assert waiting.returncode == 143
        assert err.read_text(encoding="utf-8") == (
            f"waiting for another build into {out}\n" + INTERRUPTED.format("SIGTERM")
        )
        second = start(
            "personalize", root, "--roster", roster, "--out", out, cwd=tmp_path, stderr=err
        )
        wait_for(lambda: err.read_text(encoding="utf-8"), "the waiting message")
        assert sorted(p.name for p in out.iterdir()) == [LOCK]
    stdout, _ = second.communicate(timeout=120)
    assert second.returncode == 0
    assert stdout.splitlines()[-1] == f"Wrote 1 workbook and 1 certificate to {out}"
    assert len(list((out / "workbooks").glob("*.pdf"))) == 1
    assert leftovers(out) == []


def test_two_builds_at_once_never_interleave(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    first = start("build", root, "--out", out, "--no-pdf", cwd=tmp_path)
    wait_for(lambda: list(out.glob(".staging-*")), "the first build's staging folder")
    second = start("build", root, "--out", out, "--no-pdf", cwd=tmp_path)
    first_out, first_err = first.communicate(timeout=120)
    second_out, second_err = second.communicate(timeout=120)
    assert (first.returncode, second.returncode) == (0, 0), first_err + second_err
    assert first_out.splitlines()[-1] == f"Wrote {out} (site/)"
    # The second started while the first held the folder: it waited (unless the first
    # finished before it got there), then found the first's complete site.
    assert second_err in ("", f"waiting for another build into {out}\n")
    assert second_out.splitlines()[-2:] == [
        "unchanged: site",
        f"Wrote nothing to {out}: every output is unchanged",
    ]
    assert Manifest.load(out).damage("site") is None
    assert leftovers(out) == []


def test_the_next_build_clears_what_a_killed_one_left(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    out = tmp_path / "out"
    build = start("build", root, "--out", out, "--no-pdf", cwd=tmp_path)
    wait_for(lambda: list(out.glob(".staging-*")), "the staging folder")
    build.kill()  # SIGKILL: no cleanup can run
    build.communicate(timeout=60)
    (out / ".slides-old").mkdir()
    (out / ".servefirst-cache.json.tmp").write_text("{", encoding="utf-8")
    for name in (".notes.tmp", ".drafts-old", "staging-notes"):  # the user's own files
        (out / name).write_text("mine", encoding="utf-8")
    assert leftovers(out) != []
    result = run_cli("build", root, "--out", out, "--no-pdf")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == f"Wrote {out} (site/)"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".drafts-old", ".notes.tmp", ".servefirst-cache.json", LOCK, "site", "staging-notes"]
    )


def test_a_signal_a_library_swallowed_still_stops_the_build_before_it_replaces() -> None:
    # WeasyPrint catches BaseException around every SVG image it draws: a SIGTERM landing
    # while it drew the logo was lost, and the build went on to replace the outputs.
    with interruptible():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1)  # the handler raises here
        except BaseException:  # what the library does
            pass
        with pytest.raises(Interrupted) as stop, deferred():
            raise AssertionError("the outputs would be replaced now")
    assert stop.value.exit_code == 128 + signal.SIGTERM
    with interruptible(), deferred():  # the next command starts clean
        pass
