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


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(_SIZE.size)
    if len(header) < _SIZE.size:
        raise EOFError
    (size,) = _SIZE.unpack(header)
    return pickle.loads(stream.read(size))


class Worker:
    """One child process; ``call`` sends a job, ``result`` waits for its answer."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.pending = 0

    def call(self, function: str, *args: Any) -> None:
        """Queue ``module:function(*args)``; answers come back in order."""
        assert self.process.stdin is not None
        _send(self.process.stdin, (function, args))
        self.pending += 1

    def result(self) -> Any:
        assert self.process.stdout is not None
        while self.pending:
            try:
                kind, value = _receive(self.process.stdout)
            except EOFError:
                raise BuildError("the second build process stopped unexpectedly") from None
            self.pending -= 1
            if kind == "error":
                raise BuildError(value)
            if self.pending == 0:
                return value
        return None

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
