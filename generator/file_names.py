"""File names for each person's PDFs: readable, distinct and safe on Windows, macOS and Linux.

The printed name is never changed; only the file name is derived from it, as follows.

- Latin letters lose their accents and become lower-case ASCII (``Zoë O'Brien`` gives
  ``zoe-obrien``; ``ß``, ``æ``, ``ø``, ``ł`` and the like are spelt out); apostrophes
  are dropped.
- Letters, digits and marks of every other script are kept, NFC-normalised and
  lower-cased (``Ольга`` gives ``ольга``, ``王小明`` stays ``王小明``, ``अनीता`` keeps its
  vowel signs).
- Anything else (spaces, punctuation, symbols, emoji) separates words with one ``-``;
  invisible format characters are dropped. A name with no letter or digit at all is
  named by its characters' Unicode names (``🙂`` gives ``slightly-smiling-face``).
- The result has no path separator, no leading dot or hyphen, no trailing dot or space,
  and is at most :data:`MAX_FILE_BYTES` bytes of UTF-8 with the ``.pdf`` extension.
  Windows' reserved device names (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``-``COM9``,
  ``LPT1``-``LPT9``, in any case) get ``-name`` appended.
- Names that would be equal ignoring case (as on macOS and Windows disks) are numbered
  in roster order: ``ana``, ``ana-2``, ``ana-3``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MAX_FILE_BYTES = 80
"""Bytes of UTF-8 a whole file name may have, ``.pdf`` included."""
EXTENSION = ".pdf"
MAX_STEM_BYTES = MAX_FILE_BYTES - len(EXTENSION)

RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{n}" for n in range(1, 10)]
    + [f"lpt{n}" for n in range(1, 10)]
)
"""Windows device names: not usable as a file name with any extension, in any case."""

SPELT_OUT = {
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "œ": "oe",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ħ": "h",
    "ı": "i",
}
"""Latin letters that Unicode does not decompose into a base letter and an accent."""
APOSTROPHES = frozenset("'’ʼ`´")


def file_names(names: Iterable[str]) -> list[str]:
    """One file stem (without ``.pdf``) per name, in order, distinct ignoring case.

    ``["Zoë O'Brien", "Zoe OBrien", "王小明", "CON"]`` gives
    ``["zoe-obrien", "zoe-obrien-2", "王小明", "con-name"]``. Each stem plus ``.pdf`` is at
    most :data:`MAX_FILE_BYTES` bytes of UTF-8.
    """
    taken: set[str] = set()
    stems: list[str] = []
    for name in names:
        base = file_stem(name)
        candidate, number = base, 2
        while _key(candidate) in taken:
            suffix = f"-{number}"
            candidate = _fit(base, MAX_STEM_BYTES - len(suffix)) + suffix
            number += 1
        taken.add(_key(candidate))
        stems.append(candidate)
    return stems


def file_stem(name: str) -> str:
    """One portable file stem for ``name`` by the rules above (without numbering), e.g.
    for a deck named after the program's title: ``"CON"`` gives ``"con-name"``,
    ``"服务第一"`` stays ``"服务第一"``."""
    return _fit(_portable(_stem(name)), MAX_STEM_BYTES)


def _stem(name: str) -> str:
    """The readable part: folded Latin, kept letters of other scripts, '-' between words."""
    pieces: list[str] = []
    after_kept = False
    for char in unicodedata.normalize("NFKC", name):
        if char in APOSTROPHES:
            continue
        ascii_letters = _ascii(char)
        category = unicodedata.category(char)
        if ascii_letters:
            pieces.append(ascii_letters.lower())
            after_kept = False
        elif category[0] in "LN":
            pieces.append(char.lower())
            after_kept = True
        elif category[0] == "M":
            if after_kept:
                pieces.append(char)
        elif category != "Cf":
            pieces.append("-")
            after_kept = False
    stem = re.sub("-+", "-", unicodedata.normalize("NFC", "".join(pieces))).strip("-")
    return stem or _described(name)


def _ascii(char: str) -> str:
    """The ASCII letters or digit a Latin character stands for, or '' for anything else."""
    if char.isascii():
        return char if char.isalnum() else ""
    lower = char.lower()
    if lower in SPELT_OUT:
        return SPELT_OUT[lower]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base.isascii() and base.isalnum() else ""


def _described(name: str) -> str:
    """A name with no letter or digit, spelt by the Unicode names of its characters."""
    words = [
        unicodedata.name(char, f"u{ord(char):04x}")
        for char in name
        if not char.isspace() and unicodedata.category(char)[0] not in "MC"
    ]
    described = re.sub("[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")
    return described or "participant"


def _portable(stem: str) -> str:
    """Never a Windows device name."""
    return f"{stem}-name" if stem.casefold() in RESERVED else stem


def _fit(stem: str, limit: int) -> str:
    """The stem cut to at most ``limit`` bytes of UTF-8, never inside a letter's marks and
    never ending in '-'."""
    if len(stem.encode()) <= limit:
        return stem
    cut = len(stem)
    while cut and (
        len(stem[:cut].encode()) > limit
        or unicodedata.category(stem[cut : cut + 1] or "a")[0] == "M"
    ):
        cut -= 1
    return stem[:cut].rstrip("-") or "participant"


def _key(stem: str) -> str:
    """What a case-insensitive, normalisation-insensitive disk compares."""
    return unicodedata.normalize("NFKC", stem.casefold())
