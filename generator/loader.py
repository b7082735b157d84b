"""Load a program folder: read every file, validate it, cross-check, return a Program.

Data flows one way: files -> plain data (with line numbers) -> typed models -> checks.
All problems are collected and raised together as one ContentError.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from . import checks
from .error_text import problems_from
from .errors import ContentError, Problem, display_path
from .model import Case, Exercise, Module, PluginConfig, Program
from .yamlio import LineMap, YamlProblem, load_yaml, read_text

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "servefirst"
CASES_SUBDIR = "cases"

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Located(Generic[T]):
    """A validated item with where it came from, for cross-file messages."""

    item: T
    file: str
    lines: LineMap


def load_program(root: Path, config_file: Path | None = None) -> Program:
    """Load and validate the program in ``root``; raise ContentError listing every problem."""
    root = root.resolve()
    config_path = config_file or root / CONFIG_FILE
    problems: list[Problem] = []

    plugin = _load_plugin_config(root, config_path, problems)
    modules_dir = root / (plugin.item.modules_dir if plugin else "modules")
    exercises_dir = root / (plugin.item.exercises_dir if plugin else "exercises")

    modules = _load_folder(root, modules_dir, Module, problems)
    cases = _load_folder(root, modules_dir / CASES_SUBDIR, Case, problems)
    exercises = _load_folder(root, exercises_dir, Exercise, problems)
    # Files that exist but did not load already have their own problem; a reference to
    # them is not reported a second time as "unknown".
    broken = {
        path.stem
        for folder in (modules_dir, modules_dir / CASES_SUBDIR, exercises_dir)
        for path in _yaml_files(folder)
    } - {item.item.id for group in (modules, cases, exercises) for item in group}

    warnings: list[Problem] = []
    if plugin is not None:
        checks.check_program(plugin, modules, cases, exercises, broken, problems, warnings)
    if problems:
        raise ContentError(problems)
    assert plugin is not None
    config = plugin.item.program
    by_id = {m.item.id: m.item for m in modules}
    return Program(
        root=root,
        config=config,
        modules=[by_id[mid] for mid in config.module_ids],
        exercises={e.item.id: e.item for e in exercises},
        cases={c.item.id: c.item for c in cases},
        warnings=warnings,
    )


def _load_plugin_config(
    root: Path, path: Path, problems: list[Problem]
) -> Located[PluginConfig] | None:
    shown = display_path(path, root)
    try:
        doc = load_yaml(read_text(path, shown), shown)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    if not isinstance(doc.data, dict):
        problems.append(Problem(shown, 1, "", "expected a mapping of MkDocs settings"))
        return None
    plugins = doc.data.get("plugins")
    entries = plugins if isinstance(plugins, list) else []
    for index, entry in enumerate(entries):
        options = _plugin_options(entry)
        if options is None:
            continue
        prefix = ("plugins", index, PLUGIN_NAME)
        lines = doc.lines.sub(prefix)
        if not isinstance(options, dict):
            problems.append(
                Problem(
                    shown, doc.lines.line_of(prefix), PLUGIN_NAME, "expected the plugin's options"
                )
            )
            return None
        try:
            return Located(PluginConfig.model_validate(options), shown, lines)
        except ValidationError as exc:
            problems.extend(problems_from(exc, options, lines, shown, PluginConfig))
            return None
    problems.append(
        Problem(
            shown,
            doc.lines.line_of(("plugins",)),
            "plugins",
            f"the '{PLUGIN_NAME}' plugin is not configured; add it with a 'program:' option",
        )
    )
    return None


def _plugin_options(entry: Any) -> Any:
    """MkDocs allows `- name` and `- name: {options}` in the plugins list."""
    if entry == PLUGIN_NAME:
        return {}
    if isinstance(entry, dict) and PLUGIN_NAME in entry:
        return entry[PLUGIN_NAME] if entry[PLUGIN_NAME] is not None else {}
    return None


def _load_folder(
    root: Path, folder: Path, model: type[M], problems: list[Problem]
) -> list[Located[M]]:
    items: list[Located[M]] = []
    for path in _yaml_files(folder):
        loaded = load_item(root, path, model, problems)
        if loaded is not None:
            items.append(loaded)
    return items


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.iterdir()) if p.suffix in {".yml", ".yaml"} and p.is_file()]


def load_item(root: Path, path: Path, model: type[M], problems: list[Problem]) -> Located[M] | None:
    """Load one module, case or exercise file; append problems rather than raise."""
    shown = display_path(path, root)
    try:
        doc = load_yaml(read_text(path, shown), shown)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    kind = model.__name__.lower()
    article = "an" if kind[0] in "aeiou" else "a"
    if doc.data is None:
        problems.append(
            Problem(shown, 1, "", f"file is empty; expected {article} {kind} (id, title, ...)")
        )
        return None
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(
                shown,
                1,
                "",
                f"expected a mapping of {kind} fields, got a {type(doc.data).__name__}",
            )
        )
        return None
    try:
        item = model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, doc.data, doc.lines, shown, model))
        return None
    return Located(item, shown, doc.lines)
