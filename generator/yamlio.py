"""Safe YAML loading that remembers where every value came from.

PyYAML's safe loader is used to compose a node tree; we then build plain Python data
ourselves so that we can (a) record the line of every mapping key and list item, for
``file:line: field.path`` messages, (b) reject duplicate keys, which PyYAML silently
overwrites, and (c) bound alias expansion, so a "billion laughs" file fails cleanly.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.reader import Reader

from .errors import Problem

Loc = tuple[str | int, ...]
NON_PRINTABLE = Reader.NON_PRINTABLE

# A generous ceiling: the largest real module is a few thousand values.
MAX_VALUES = 200_000
# Build time grows with text: about 10 s per megabyte for each PDF on two cores (measured
# with --no-slides: 50 KB 3 s, 200 KB 6 s, 1 MB 21 s, a full build of 1 MB 35 s). The
# largest real module file is about 15 KB and its longest field about 2,000 characters.
MAX_FILE_BYTES = 1_000_000
MAX_TEXT_CHARS = 100_000
"""The longest text one field may hold: some 30 printed pages."""
MAX_WORD_CHARS = 4_000
"""The longest run without a space: a long web address is about 2,000 characters. Print
breaks such a run anywhere, at a cost that grows with its square (measured on two cores:
a 3,000-letter word builds in the usual time, a 60,000-letter word took 4.5 minutes)."""
LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
# Real files nest fewer than ten levels; PyYAML composes recursively, so bound it.
MAX_DEPTH = 60
MERGE_TAG = "tag:yaml.org,2002:merge"
SECOND_DOCUMENT = "but found another document"  # PyYAML's words for a second `---`


@dataclass
class LineMap:
    """Line numbers (1-based) of each value, keyed by its path in the document."""

    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that has one."""
        for cut in range(len(loc), -1, -1):
            found = self.lines.get(tuple(loc[:cut]))
            if found is not None:
                return found
        return None

    def sub(self, prefix: Loc) -> LineMap:
        """The map of a sub-document (for a block embedded in a larger file)."""
        n = len(prefix)
        return LineMap({k[n:]: v for k, v in self.lines.items() if k[:n] == prefix})


@dataclass
class YamlDocument:
    data: Any
    lines: LineMap


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class _Loader(yaml.SafeLoader):
    """Safe loader that tolerates MkDocs' custom tags (``!ENV``, ``!!python/name:``).

    Their values are kept as plain strings: Serve First never executes them. Nesting
    and ``<<`` merges are bounded, so a hostile file ends in a clean error, not a
    RecursionError or an exhausted memory.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.merged: dict[int, int] = {}
        """How many leading pairs of each flattened mapping came from ``<<`` merges."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        if id(node) in self.merged:
            return
        self.merged[id(node)] = 0  # also stops a mapping that merges itself
        explicit = sum(1 for key, _ in node.value if key.tag != MERGE_TAG)
        total = explicit
        for key, value in node.value:
            if key.tag != MERGE_TAG:
                continue
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in sources:
                if isinstance(source, yaml.MappingNode):
                    self.flatten_mapping(source)
                    total += len(source.value)
        if total > MAX_VALUES:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"'<<' merges expand to more than {MAX_VALUES:,} values",
                node.start_mark,
            )
        super().flatten_mapping(node)
        self.merged[id(node)] = len(node.value) - explicit


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node) or str(node.tag)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return None


_Loader.add_multi_constructor("!", _unknown_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def read_text(path: Path, shown: str) -> str:
    """Read a UTF-8 text file, turning every failure into a located Problem."""
    try:
        with path.open("rb") as stream:  # never more than the limit: it may be a huge file
            raw = stream.read(MAX_FILE_BYTES + 1)
            size = os.fstat(stream.fileno()).st_size
    except OSError as exc:
        raise YamlProblem(Problem(shown, None, "", f"cannot read file: {exc.strerror}")) from exc
    if len(raw) > MAX_FILE_BYTES:
        found = f"{size:,} bytes, " if size > MAX_FILE_BYTES else ""  # a pipe has no size
        limit = f"over the limit of {MAX_FILE_BYTES:,} bytes"
        raise YamlProblem(
            Problem(shown, None, "", f"file is {found}{limit}; split it into several files")
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            Problem(
                shown,
                line,
                "",
                f"file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "save it with UTF-8 encoding",
            )
        ) from exc


def load_yaml(text: str, shown: str, what: str = "a YAML file") -> YamlDocument:
    """Parse one YAML document; raise YamlProblem with file and line on any error.

    ``what`` names the file in advice, e.g. "a module file" (a file holds one document)."""
    if "\x00" in text:
        raise YamlProblem(Problem(shown, None, "", "file contains NUL bytes; expected YAML text"))
    if bad := NON_PRINTABLE.search(text):  # PyYAML's reader would raise without a line
        raise YamlProblem(
            Problem(
                shown,
                text.count("\n", 0, bad.start()) + 1,
                "",
                f"contains U+{ord(bad.group()):04X}, a control character YAML does not allow; "
                "remove it",
            )
        )
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or "invalid YAML"
        if reason == SECOND_DOCUMENT:
            reason = (
                f"a second document starts on line {line}; {what} holds one document; "
                "remove the '---' line or split the file"
            )
        raise YamlProblem(Problem(shown, line, "", f"invalid YAML: {reason}")) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(shown, None, "", f"invalid YAML: {exc}")) from exc
    finally:
        loader.dispose()
    lines = LineMap()
    if node is None:
        return YamlDocument(None, lines)
    builder = _Builder(loader, shown, lines)
    data = builder.build(node, ())
    return YamlDocument(data, lines)


class _Builder:
    def __init__(self, loader: _Loader, shown: str, lines: LineMap) -> None:
        self.loader = loader
        self.shown = shown
        self.lines = lines
        self.count = 0
        self.open: set[int] = set()
        """Ids of the mappings and lists being built: an alias to one of them is a loop."""
        self.explicit: set[Loc] = set()
        """Keys written in their mapping rather than merged into it with ``<<``."""

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if len(loc) > MAX_DEPTH:  # nested aliases: each anchor is bounded, their chain not
            raise self._problem(node, loc[:3], f"nested more than {MAX_DEPTH} levels deep")
        if self.count > MAX_VALUES:
            raise YamlProblem(
                Problem(
                    self.shown,
                    node.start_mark.line + 1,
                    dotted(loc),
                    f"document expands to more than {MAX_VALUES:,} values "
                    "(nested YAML aliases?); simplify it",
                )
            )
        self.lines.lines.setdefault(loc, node.start_mark.line + 1)
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            return self._scalar(node, loc)
        if id(node) in self.open:
            raise self._problem(node, loc, "an alias refers to the mapping or list it is in")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _problem(self, node: yaml.Node, loc: Loc, message: str) -> YamlProblem:
        return YamlProblem(Problem(self.shown, node.start_mark.line + 1, dotted(loc), message))

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        """A scalar's value; values Python cannot hold or print are located problems."""
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            # e.g. the date 2024-02-30, or an integer of more than 4,300 digits
            reason = getattr(exc, "problem", None) or str(exc).split(";")[0]
            raise self._problem(node, loc, f"invalid value: {reason}") from exc
        if isinstance(value, bytes):
            raise self._problem(node, loc, "binary data (!!binary) is not allowed; write text")
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            raise self._problem(
                node,
                loc,
                f"text of {len(value):,} characters is over the limit of {MAX_TEXT_CHARS:,}; "
                "shorten it or split it over several fields",
            )
        if isinstance(value, str) and (long := LONG_WORD.search(value)):
            raise self._problem(
                node,
                loc,
                f"a run of {len(long.group()):,} characters without a space is over the limit "
                f"of {MAX_WORD_CHARS:,}; break it with spaces, or shorten the address",
            )
        if isinstance(value, str) and (bad := NON_PRINTABLE.search(value)):
            raise self._problem(
                node,
                loc,
                f"contains U+{ord(bad.group()):04X}, a character that cannot be printed; "
                "remove the escape that makes it",
            )
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        try:
            self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        except yaml.YAMLError as exc:
            reason = getattr(exc, "problem", None) or str(exc)
            raise self._problem(node, loc, f"invalid YAML: {reason}") from exc
        merged = self.loader.merged.get(id(node), 0)
        out: dict[Any, Any] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._problem(key_node, loc, "a mapping key must be a plain word")
            key = self._scalar(key_node, loc)
            if not isinstance(key, str | int | bool | float) and key is not None:
                raise self._problem(key_node, loc, "a mapping key must be a plain word")
            child: Loc = (*loc, key if isinstance(key, str | int) else str(key))
            if key in out and (index < merged or child not in self.explicit):
                # A merged value gives way: PyYAML lists the mappings merged with `<<` in
                # reverse order of precedence, then the keys written in the mapping itself.
                out.pop(key)
            elif key in out:
                raise YamlProblem(
                    Problem(
                        self.shown,
                        key_node.start_mark.line + 1,
                        dotted(child),
                        f"duplicate key {key!r} (first on line {self.lines.lines.get(child)})",
                    )
                )
            if index >= merged:
                self.explicit.add(child)
            self.lines.lines[child] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, child)
        return out


def dotted(loc: Loc) -> str:
    """``("segments", 2, "minutes")`` -> ``segments[2].minutes``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
