"""A second process for the build: a plain ``python -m generator.worker`` child.

It runs named functions of the pipeline with pickled arguments sent over its stdin and
answers over its stdout. Unlike a multiprocessing pool it never re-imports the caller's
main script, so a program that calls ``pipeline.build`` from a script works as it is.

Stopping: the parent ends the child with SIGTERM when its own build fails or is
interrupted; the child turns SIGTERM (and a terminal's Ctrl-C) into an exception, so its
own cleanup runs (a half-built site folder, a LibreOffice subprocess), and exits quietly.
"""

from __future__ import annotations

import contextlib
import importlib
import pickle
import select
import struct
import subprocess
import sys
import traceback
from typing import IO, Any

from .errors import BuildError, ServeFirstError
from .interrupt import Interrupted, interruptible

_SIZE = struct.Struct("!Q")


def _send(stream: IO[bytes], value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_SIZE.pack(len(data)) + data)
    stream.flush()


def _read(stream: IO[bytes], size: int) -> bytes:
    """Exactly ``size`` bytes (an unbuffered pipe may give fewer per read); EOFError at
    the end of the stream."""
    data = bytearray()
    while len(data) < size:
        part = stream.read(size - len(data))
        if not part:
            raise EOFError
        data += part
    return bytes(data)


def _receive(stream: IO[bytes]) -> Any:
    (size,) = _SIZE.unpack(_read(stream, _SIZE.size))
    return pickle.loads(_read(stream, size))


class Worker:
    """One child process. ``call`` sends a job and returns its ticket; ``answer`` waits
    for that job's answer, ``result`` for every job's; ``poll`` tells, without waiting,
    how many jobs are still pending (so more work can be handed over in time)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,  # unbuffered: `poll` asks the pipe itself whether an answer came
        )
        self.sent = 0
        self.answers: dict[int, tuple[str, Any]] = {}
        """Answers read and not yet asked for, by ticket."""
        self.read = 0
        self.long: set[int] = set()
        """Tickets of jobs that may take long: see :meth:`call`."""

    @property
    def pending(self) -> int:
        """Jobs sent whose answers have not been read yet."""
        return self.sent - self.read

    def call(self, function: str, *args: Any, long: bool = False) -> int:
        """Queue ``module:function(*args)``; answers come back in order. Returns the
        job's ticket, for :meth:`answer`. A ``long`` job (the slides and the site) tells
        others not to queue work behind it (see :meth:`busy`)."""
        assert self.process.stdin is not None
        _send(self.process.stdin, (function, args))
        self.sent += 1
        if long:
            self.long.add(self.sent - 1)
        return self.sent - 1

    def busy(self) -> bool:
        """Whether a ``long`` job is still pending (reading what has come, not waiting)."""
        self.poll()
        return any(ticket >= self.read for ticket in self.long)

    def poll(self) -> int:
        """Read the answers that have come, without waiting (unless one is arriving at
        that moment); returns how many jobs are still pending."""
        assert self.process.stdout is not None
        while self.pending and select.select([self.process.stdout], [], [], 0)[0]:
            self._read_one()
        return self.pending

    def answer(self, ticket: int) -> Any:
        """The answer to the job with this ticket, waiting for it; raises BuildError when
        the job failed."""
        while ticket >= self.read:
            self._read_one()
        kind, value = self.answers.pop(ticket)
        if kind == "error":
            raise BuildError(value)
        return value

    def result(self) -> Any:
        """Wait for every job; the last one's answer (raises BuildError when it failed)."""
        while self.pending:
            self._read_one()
        last = self.read - 1
        return self.answer(last) if last in self.answers else None

    def _read_one(self) -> None:
        assert self.process.stdout is not None
        try:
            self.answers[self.read] = _receive(self.process.stdout)
        except EOFError:
            raise BuildError("the second build process stopped unexpectedly") from None
        self.read += 1

    def close(self, abort: bool = False) -> None:
        """End the child: at once when ``abort`` (the build failed or was interrupted) or
        when answers are pending that nobody will read (a warm-up); waits for it to exit."""
        if abort or self.pending:
            self.process.terminate()
        if self.process.stdin:
            with contextlib.suppress(OSError):  # the child is gone already
                self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main() -> None:
    try:
        with interruptible():
            _serve()
    except Interrupted as stop:
        sys.exit(stop.exit_code)


def _serve() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # anything a library prints must not corrupt the channel
    while True:
        try:
            function, args = _receive(stdin)
        except EOFError:
            return
        module, name = function.split(":")
        try:
            value = getattr(importlib.import_module(module), name)(*args)
            _send(stdout, ("ok", value))
        except ServeFirstError as exc:
            _send(stdout, ("error", str(exc)))
        except Exception:  # report, don't die: the parent turns it into a BuildError
            _send(stdout, ("error", traceback.format_exc()))


if __name__ == "__main__":
    main()
