"""The handbook's answer key: encoded, so neither the page nor the search index shows it.

This is obfuscation, not secrecy. A static page must carry what it needs to give
feedback offline, so anyone who reads the page's script can decode the key; what it
prevents is reading an answer by glancing at the page source, by searching the handbook
or by copying the text. Facilitator notes are never in it.
"""

from __future__ import annotations

import base64
import json

from ..model.knowledge import Check
from ..render.plain_text import one_line


def shown_order(check: Check) -> list[int]:
    """See :meth:`generator.model.knowledge.Check.shown`."""
    return check.shown()


def answer_key(check: Check) -> dict[str, object]:
    """What the handbook needs after answering, with choices numbered as shown (from 0):
    ``a`` the right choices (for ``ordering``, the shown choices in the right order),
    ``f`` each shown choice's own feedback or None, ``c``/``i`` the feedback for a right
    or wrong answer. Feedback is plain text (Markdown read, markup dropped): the page
    shows it as text, never as HTML."""
    order = shown_order(check)
    position = {written: shown for shown, written in enumerate(order)}
    options = check.options()
    return {
        "a": [position[i] for i in check.right()],
        "f": [one_line(options[i].feedback_line()) or None if options else None for i in order],
        "c": one_line(check.feedback.lines()[0]),
        "i": one_line(check.feedback.lines()[1]),
    }


def encode(check_id: str, key: dict[str, object]) -> str:
    """JSON, XOR-ed with the UTF-8 of ``"sf:" + check_id`` repeated, then URL-safe base64
    without padding (letters, digits, ``-`` and ``_``: it fits in a class name, the one
    attribute Markdown in this project may set besides an id)."""
    data = json.dumps(key, ensure_ascii=False, separators=(",", ":")).encode()
    pad = f"sf:{check_id}".encode()
    mixed = bytes(b ^ pad[i % len(pad)] for i, b in enumerate(data))
    return base64.urlsafe_b64encode(mixed).decode("ascii").rstrip("=")


def decode(check_id: str, text: str) -> dict[str, object]:
    """The inverse of :func:`encode` (tests, and anyone curious)."""
    mixed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    pad = f"sf:{check_id}".encode()
    data = bytes(b ^ pad[i % len(pad)] for i, b in enumerate(mixed))
    loaded: dict[str, object] = json.loads(data.decode())
    return loaded
