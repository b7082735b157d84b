"""The build's second process (generator/worker.py): jobs answered by ticket, in order,
and a poll that never waits, so a busy process can be handed work the moment it is free."""

from __future__ import annotations

import time

import pytest

from generator.errors import BuildError
from generator.worker import Worker


def test_answers_come_by_ticket_and_poll_does_not_wait() -> None:
    worker = Worker()
    try:
        slow = worker.call("time:sleep", 1.0)
        joined = worker.call("os.path:join", "服务", "خدمة", "सेवा 🙂")
        clock = time.perf_counter()
        assert worker.poll() == 2  # both still pending: the first is sleeping
        assert time.perf_counter() - clock < 0.5
        assert worker.answer(joined) == "服务/خدمة/सेवा 🙂"  # waits, and keeps the first
        assert worker.poll() == 0
        assert worker.answer(slow) is None
        failed = worker.call("json:loads", "{")
        with pytest.raises(BuildError, match="JSONDecodeError"):
            worker.answer(failed)
        assert worker.call("os.path:basename", "/a/Привет.txt") == 3
        assert worker.result() == "Привет.txt"  # the last job's answer
    finally:
        worker.close()


def test_a_large_answer_is_read_whole() -> None:
    worker = Worker()
    try:
        ticket = worker.call("builtins:bytes", 5_000_000)  # larger than a pipe's buffer
        time.sleep(0.5)
        assert worker.poll() == 0  # read as it came, in several parts
        assert worker.answer(ticket) == bytes(5_000_000)
    finally:
        worker.close()


def test_a_long_job_keeps_the_worker_busy_until_answered() -> None:
    worker = Worker()
    try:
        worker.call("time:sleep", 0.1)  # short: others may queue behind it
        assert not worker.busy()
        long = worker.call("time:sleep", 1.0, long=True)
        assert worker.busy()
        worker.answer(long)
        assert not worker.busy()
    finally:
        worker.close()
