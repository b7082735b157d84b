"""Safe YAML loading that remembers where every value came from.

PyYAML's safe loader is used to compose a node tree; we then build plain Python data
ourselves so that we can (a) record the line of every mapping key and list item, for
``file:line: field.path`` messages, (b) reject duplicate keys, which PyYAML silently
overwrites, and (c) bound alias expansion, so a "billion laughs" file fails cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Loc = tuple[str | int, ...]

# A generous ceiling: the largest real module is a few thousand values.
MAX_VALUES = 200_000
MAX_FILE_BYTES = 5_000_000


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

    Their values are kept as plain strings: Serve First never executes them.
    """


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
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(Problem(shown, None, "", f"cannot read file: {exc.strerror}")) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(
            Problem(shown, None, "", f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
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


def load_yaml(text: str, shown: str) -> YamlDocument:
    """Parse one YAML document; raise YamlProblem with file and line on any error."""
    if "\x00" in text:
        raise YamlProblem(Problem(shown, None, "", "file contains NUL bytes; expected YAML text"))
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "invalid YAML"
        raise YamlProblem(Problem(shown, line, "", f"invalid YAML: {what}")) from exc
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

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
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
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise YamlProblem(
                Problem(self.shown, node.start_mark.line + 1, dotted(loc), f"invalid value: {exc}")
            ) from exc

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool | float) and key is not None:
                raise YamlProblem(
                    Problem(
                        self.shown,
                        key_node.start_mark.line + 1,
                        dotted(loc),
                        "a mapping key must be a plain word",
                    )
                )
            child: Loc = (*loc, key if isinstance(key, str | int) else str(key))
            if key in out:
                raise YamlProblem(
                    Problem(
                        self.shown,
                        key_node.start_mark.line + 1,
                        dotted(child),
                        f"duplicate key {key!r} (first on line {self.lines.lines.get(child)})",
                    )
                )
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
