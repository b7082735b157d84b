"""Ctrl-C, ``kill`` and a closed terminal: turn SIGINT, SIGTERM and SIGHUP into an exception, so cleanup runs.

Python raises KeyboardInterrupt for SIGINT but simply dies on SIGTERM, skipping every
``finally``: a build stopped by ``kill`` or a CI timeout would leave its staging folder
behind (as would SIGHUP, sent when the terminal or SSH session closes). Inside
:func:`interruptible` all three signals raise :class:`Interrupted`, which
unwinds like Ctrl-C. :func:`deferred` holds them back for a few lines that must not be
cut in half (swapping finished outputs into place).

A library may swallow the exception: WeasyPrint catches ``BaseException`` around each SVG
image it draws, so a signal that lands while the logo is drawn used to be lost and the
build went on to replace the outputs. The signal is therefore also remembered, and
:func:`deferred` raises it on entry, before anything is replaced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """The process was asked to stop; ``signum`` says by which signal (1, 2 or 15)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal number (129 for a hang-up, 130 for Ctrl-C, 143 for kill)."""
        return 128 + self.signum


_stopped: list[int] = []  # signals received inside interruptible(), even if swallowed


def _raise(signum: int, frame: FrameType | None) -> None:
    _stopped.append(signum)
    raise Interrupted(signum)


def check() -> None:
    """Raise :class:`Interrupted` if a signal arrived and something swallowed its exception."""
    if _stopped:
        raise Interrupted(_stopped[0])


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (main thread only)."""
    if not _main_thread():
        yield
        return
    _stopped.clear()
    previous = {signum: signal.signal(signum, _raise) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _stopped.clear()


@contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back until the block ends; they are delivered after it.

    Raises :class:`Interrupted` on entry if a signal arrived earlier and was swallowed.
    """
    if not _main_thread():
        yield
        return
    check()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
