"""Hostile and broken module and exercise files: a valid load or a clean error, never a crash.

Hypothesis starts from the basic fixture's module and exercise, mutates their data (wrong
types, missing and extra fields, huge strings, odd Unicode) or their text (tabs, duplicate
keys, exponential aliases, merges, tags, escapes, deep nesting, truncation) or their bytes
(binary, non-UTF-8), and loads the program. Every example must end in a loaded program or
a ContentError whose report prints; anything else, or a run over the time limit, fails.
CI (``CI=true``) runs the same examples every time (``derandomize``).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.loader import load_program

from .conftest import FIXTURES, copy_fixture, run_cli

SEEDS = {
    "modules/serve-first.yml": (FIXTURES / "basic/modules/serve-first.yml").read_text("utf-8"),
    "exercises/listening-pairs.yml": (FIXTURES / "basic/exercises/listening-pairs.yml").read_text(
        "utf-8"
    ),
}
TIME_LIMIT = 30  # seconds for one load: a hang, not a slow machine
DEADLINE = timedelta(seconds=15)
EXAMPLES = 300


class Hung(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: Hypothesis' deadline only reports after an example ends."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---- values -----------------------------------------------------------------------------

ODD_TEXT = st.lists(
    st.one_of(
        st.characters(exclude_categories=()),  # everything, lone surrogates included
        st.sampled_from(
            [
                "\u202e",  # right-to-left override
                "\u200b",  # zero-width space
                "\ufeff",  # byte-order mark
                "\u2028",  # line separator
                "e\u0301",  # a combining accent
                "\U0001f600",
                "\t",
                "\x00",
                "\x85",
                ": ",
                " #",
                "&",
                "*",
                "!",
                "%",
                "@",
                "`",
                "{{ 7*7 }}",
                "<script>",
            ]
        ),
    ),
    max_size=20,
).map("".join)
HUGE_TEXT = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["x", "é", "ab ", "\U0001f600", "- "]),
    st.integers(1_000, 50_000),  # far over every length limit; the file limit: below
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**50),
    st.floats(allow_nan=True, allow_infinity=True),
    ODD_TEXT,
    HUGE_TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ODD_TEXT, inner, max_size=4),
    max_leaves=12,
)


# ---- mutations of the parsed data ---------------------------------------------------------


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into nested dicts and lists, for picking where to mutate."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, seed: str) -> str:
    data = yaml.safe_load(seed)
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["replace", "delete", "add", "empty"]))
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "empty":
            parent[path[-1]] = draw(st.sampled_from([None, "", [], {}]))
        elif isinstance(parent, dict):
            parent[draw(ODD_TEXT)] = draw(VALUES)
        else:
            parent.append(draw(VALUES))
    return yaml.safe_dump(
        data, allow_unicode=draw(st.booleans()), sort_keys=False, width=float("inf")
    )


# ---- mutations of the text --------------------------------------------------------------

BOMB_LEVELS = st.integers(3, 12)


def _bomb(levels: int, fan_out: int) -> str:
    lines = [f"x-lol0: &lol0 [{', '.join(['lol'] * fan_out)}]"]
    for level in range(1, levels):
        refs = ", ".join([f"*lol{level - 1}"] * fan_out)
        lines.append(f"x-lol{level}: &lol{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _merge_bomb(levels: int) -> str:
    lines = ["x-m0: &m0 {a: 1, b: 2}"]
    for level in range(1, levels):
        lines.append(f"x-m{level}: &m{level} {{<<: [*m{level - 1}, *m{level - 1}], k{level}: 1}}")
    return "\n".join(lines) + "\n"


SNIPPETS = [
    "\t",
    "  ",
    ": ",
    "- ",
    "&a ",
    "*a",
    "*undefined",
    "<<: *a\n",
    "<<: 5\n",
    "? [a, b]\n: c\n",
    "!!python/object/apply:os.system ['true'] ",
    "!!binary aGVsbG8= ",
    "!!timestamp 2024-02-30 ",
    "2024-02-30",
    "!!int " + "9" * 5000 + " ",
    "!!float nope ",
    "!!set ",
    "!ENV ",
    '"\\ud800"',
    '"\\0"',
    '"\\x85"',
    "\n---\n",
    "...\n",
    "%YAML 1.1\n",
    "'",
    '"',
    "{",
    "[",
    "|",
    ">-\n",
    "#",
    "~",
    "\r",
    "\r\n",
    "\u2028",
    "\ufeff",
]


HOSTILE_VALUES = [
    '"\\ud800"',  # a lone surrogate, through an escape
    '"a\\0b"',  # NUL, through an escape
    "2024-02-30",  # a date that does not exist
    "!!timestamp 2024-13-01",
    "!!int " + "9" * 5000,
    "!!float nope",
    "!!binary aGVsbG8=",
    "!!python/object/apply:os.system ['true']",
    "!!set {a, b}",
    "*undefined",
    "&loop [*loop]",
    "&loop {a: *loop}",
    "{<<: 5}",
    "{<<: [1, 2]}",
    "[" * 400 + "]" * 400,
    "{a: " * 300 + "1" + "}" * 300,
    "? [a, b]\n  : c",
    ".nan",
    "-.inf",
    "0x_",
    "~",
    "",
]


@st.composite
def mutated_text(draw: st.DrawFn, seed: str) -> str:
    text = seed
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        where = draw(st.integers(0, max(0, len(lines) - 1)))
        action = draw(
            st.sampled_from(
                [
                    *["value", "value", "snippet", "duplicate", "truncate", "bomb", "merge"],
                    *["deep", "anchor", "indent"],
                ]
            )
        )
        if action == "value":
            keyed = [i for i, line in enumerate(lines) if ":" in line and line.strip()[:1] != "#"]
            where = draw(st.sampled_from(keyed)) if keyed else where
            key = lines[where].split(":", 1)[0] if keyed else "x-extra"
            lines[where] = f"{key}: {draw(st.sampled_from(HOSTILE_VALUES))}"
        elif action == "snippet":
            line = lines[where]
            at = draw(st.integers(0, len(line)))
            lines[where] = line[:at] + draw(st.sampled_from(SNIPPETS) | ODD_TEXT) + line[at:]
        elif action == "duplicate":
            lines.insert(where, lines[where])  # a duplicate key, or a repeated item
        elif action == "truncate":
            lines = lines[:where]
        elif action == "bomb":
            lines.insert(0, _bomb(draw(BOMB_LEVELS), draw(st.integers(2, 10))))
            key = lines[where + 1].split(":", 1)[0]
            if key and not key.startswith(("#", " ")):
                lines[where + 1] = f"{key}: *lol{draw(st.integers(0, 2))}"
        elif action == "merge":
            lines.insert(0, _merge_bomb(draw(st.integers(2, 30))))
        elif action == "deep":
            depth = draw(st.integers(10, 5_000))
            lines.insert(where, "x-deep: " + "[" * depth + "]" * depth)
        elif action == "anchor":
            line = lines[where]
            if ": " in line:
                key, value = line.split(": ", 1)
                lines[where] = f"{key}: &a {value}"
                lines.insert(min(len(lines), where + draw(st.integers(0, 5))), f"{key}: *a")
        else:
            lines[where] = draw(st.sampled_from(["\t", " ", "   "])) + lines[where]
        text = "\n".join(lines)
    return text


# ---- mutations of the bytes -------------------------------------------------------------


@st.composite
def file_bytes(draw: st.DrawFn, seed: str) -> bytes:
    text = draw(st.one_of(mutated_data(seed), mutated_text(seed), st.just(seed)))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    raw = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=64)) + raw[at:]
    return raw


FILES = st.sampled_from(sorted(SEEDS)).flatmap(
    lambda name: st.tuples(st.just(name), file_bytes(SEEDS[name]))
)


# ---- the property -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture("basic", tmp_path_factory.mktemp("hostile"))


def _loads_or_fails_cleanly(root: Path) -> None:
    try:
        with time_limit(TIME_LIMIT):
            load_program(root)
    except ContentError as exc:
        assert exc.problems
        report = str(exc)
        report.encode("utf-8")  # prints: no lone surrogates in a message
        assert report.splitlines()[-1].endswith(".")


@settings(
    max_examples=EXAMPLES,
    derandomize=os.environ.get("CI") == "true",
    database=None,  # nothing written into the working tree
    deadline=DEADLINE,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(FILES)
def test_every_mutated_file_loads_or_fails_cleanly(
    program: Path, mutated: tuple[str, bytes]
) -> None:
    name, raw = mutated
    for seed_name, seed in SEEDS.items():
        (program / seed_name).write_text(seed, encoding="utf-8")
    (program / name).write_bytes(raw)
    _loads_or_fails_cleanly(program)


# ---- a handful through the real command line ----------------------------------------------

MODULE = SEEDS["modules/serve-first.yml"]
EXERCISE = SEEDS["exercises/listening-pairs.yml"]
CLI_EXAMPLES: dict[str, tuple[str, bytes]] = {
    "alias bomb": (
        "modules/serve-first.yml",
        (_bomb(9, 10) + MODULE.replace("summary: >-", "summary: *lol8\nx: >-", 1)).encode(),
    ),
    "merge bomb": ("exercises/listening-pairs.yml", (_merge_bomb(40) + EXERCISE).encode()),
    "recursive alias": ("modules/serve-first.yml", (MODULE + "x: &loop [*loop]\n").encode()),
    "deep nesting": (
        "modules/serve-first.yml",
        (MODULE + "x: " + "[" * 5000 + "]" * 5000).encode(),
    ),
    "lone surrogate": (
        "exercises/listening-pairs.yml",
        EXERCISE.replace("title: Listening pairs", 'title: "Listening \\ud800 pairs"').encode(),
    ),
    "impossible date": ("modules/serve-first.yml", (MODULE + "2024-02-30: x\n").encode()),
    "utf-16": ("exercises/listening-pairs.yml", EXERCISE.encode("utf-16")),
    "binary": ("modules/serve-first.yml", bytes(range(256)) * 4),
    "tabs": ("modules/serve-first.yml", MODULE.replace("  - ", "\t- ").encode()),
    "over the size limit": (
        "modules/serve-first.yml",
        (MODULE + "x: '" + "huge " * 1_100_000 + "'\n").encode(),
    ),
}


@pytest.mark.parametrize("name", sorted(CLI_EXAMPLES))
def test_hostile_files_exit_1_without_a_traceback(tmp_path: Path, name: str) -> None:
    root = copy_fixture("basic", tmp_path)
    target, raw = CLI_EXAMPLES[name]
    (root / target).write_bytes(raw)
    result = run_cli("validate", root)
    assert result.code == 1, result.err
    assert "Traceback" not in result.err + result.out
    assert result.err.strip().splitlines()[-1].endswith(("1 file.", "files."))
    assert target in result.err


def test_the_seeds_are_valid(tmp_path: Path) -> None:
    """The mutations start from files that load: otherwise every example is an error."""
    assert load_program(copy_fixture("basic", tmp_path)).modules
