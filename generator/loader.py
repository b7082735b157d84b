"""Load a program folder: read every file, validate it, cross-check, return a Program.

Data flows one way: files -> plain data (with line numbers) -> typed models -> checks.
A program builds on the built-in library: an item in the program folder with the id of
a library item replaces it; everything else keeps coming from the library, so a program
receives every improvement to the items it did not override. All problems are
collected and raised together as one ContentError.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import (
    boundary,
    checks,
    checks_docs,
    checks_files,
    checks_markdown,
    checks_paths,
    checks_screens,
    checks_size,
    collisions,
    customise,
    docs_dir,
    lint,
    salvage,
)
from .error_text import problems_from
from .errors import ContentError, Problem, display_path
from .knowledge.load import load_for
from .library import LIBRARY_LABEL, library_root
from .located import Located, Origin
from .materials.catalogue import catalogue_of, check_materials, shipped
from .model import Case, Exercise, Module, PluginConfig, Program, ProgramConfig
from .model.resolved import Changes
from .yamlio import YamlDocument, YamlProblem, load_yaml, read_text

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "servefirst"
CASES_SUBDIR = "cases"

M = TypeVar("M", bound=BaseModel)
Item = TypeVar("Item", Module, Case, Exercise)


@dataclass
class Tree:
    """The items of one folder tree (the library or the program)."""

    modules: list[Located[Module]] = field(default_factory=list)
    cases: list[Located[Case]] = field(default_factory=list)
    exercises: list[Located[Exercise]] = field(default_factory=list)
    stems: set[str] = field(default_factory=set)
    """Names of every item file found, loaded or not."""


def load_program(
    root: Path, config_file: Path | None = None, *, slide_checks: bool = True
) -> Program:
    """Load and validate the program in ``root``; raise ContentError listing every problem.

    ``slide_checks=False`` skips the slide-overflow warnings (the build fits text itself)."""
    root = root.resolve()
    config_path = config_file or root / CONFIG_FILE
    problems: list[Problem] = []

    plugin, settings = _load_plugin_config(root, config_path, problems)
    options = plugin.item if plugin else None
    refused = boundary.check_configured_paths(root, settings, plugin, problems, config_path)
    if refused & {"modules_dir", "exercises_dir"}:
        raise ContentError(problems)  # the items cannot be read: the rest would be noise
    if plugin is not None and "program.branding.logo" not in refused:
        _check_logo(root, plugin, problems)
        checks_files.check_logo_file(root, plugin, problems)
    if plugin is not None and "program.slides_template" not in refused:
        checks_files.check_slides_template(root, plugin, problems)
    program = _load_tree(
        root,
        root / (options.modules_dir if options else "modules"),
        root / (options.exercises_dir if options else "exercises"),
        "program",
        problems,
    )
    items: list[Located[Any]] = [*program.modules, *program.cases, *program.exercises]
    checks_paths.check_references(root, plugin, items, problems)
    checks_screens.check_screen_images(root, program.modules, problems)
    library = Tree()
    source = library_root()
    if options and options.library and source is not None and source.resolve() != root:
        library = _load_tree(source, source / "modules", source / "exercises", "library", problems)

    modules, replaced_modules = _merge(library.modules, program.modules)
    cases, replaced_cases = _merge(library.cases, program.cases)
    exercises, replaced_exercises = _merge(library.exercises, program.exercises)
    loaded = {x.item.id for group in (modules, cases, exercises) for x in group}
    broken = (program.stems | library.stems) - loaded

    warnings: list[Problem] = []
    checks_markdown.check_markdown(settings, items, warnings)
    originals = {m.item.id: m for m in modules}
    lint.check_config(plugin, modules, problems)
    if plugin is not None:
        modules = customise.apply(plugin, modules, problems)
        checks.check_program(
            plugin, modules, cases, exercises, broken, problems, warnings, slide_checks
        )
        if "catalogue" not in plugin.partial:  # references wait for a catalogue that loads
            check_materials(plugin, modules, exercises, problems, warnings)
    else:
        checks.check_modules(modules, cases, exercises, broken, problems)
    knowledge = load_for(root, source, plugin, [m.item.id for m in modules], problems)
    if problems:
        raise ContentError(problems)
    assert plugin is not None
    config = plugin.item.program
    by_id = {m.item.id: m.item for m in modules}
    planned = [by_id[mid] for mid in config.module_ids]
    located = {m.item.id: m for m in modules}
    context = lint.LintContext(
        plugin,
        [located[mid] for mid in config.module_ids],
        originals,
        {c.item.id: c for c in cases},
        {e.item.id: e for e in exercises},
    )
    warnings += lint.run(context)
    used_cases = {c for m in planned for c in m.cases}
    used_exercises = {e for m in planned for e in m.exercises}
    changes = Changes(
        replaced={
            "module": replaced_modules,
            "case": replaced_cases,
            "exercise": replaced_exercises,
            "material": {
                k: (shipped()[k], v) for k, v in plugin.item.catalogue.items() if k in shipped()
            },
        },
        added={
            "module": _added(program.modules, library.modules),
            "case": _added(program.cases, library.cases),
            "exercise": _added(program.exercises, library.exercises),
            "material": sorted(k for k in plugin.item.catalogue if k not in shipped()),
        },
        unplanned=sorted(m.item.id for m in library.modules if m.item.id not in config.module_ids),
    )
    result = Program(
        root=root,
        config=config,
        modules=planned,
        exercises={e.item.id: e.item for e in exercises if e.item.id in used_exercises},
        cases={c.item.id: c.item for c in cases if c.item.id in used_cases},
        warnings=warnings,
        changes=changes,
        catalogue=catalogue_of(plugin.item),
        kit=list(plugin.item.materials),
        checks=knowledge.by_module,
        assessment=knowledge.assessment,
    )
    checks_size.check_total_text(
        plugin, [*result.modules, *result.cases.values(), *result.exercises.values()], warnings
    )
    result = customise.apply_terminology(result, plugin, warnings, problems)
    pages = collisions.check_collisions(result, settings, plugin, problems, warnings)
    docs = docs_dir.configured(config_path)
    if docs is not None and docs.is_dir() and not problems:
        checks_docs.check_docs_pages(root, docs, collisions.generated_pages(result), problems)
    if problems:
        raise ContentError(problems)
    return dataclasses.replace(result, changes=dataclasses.replace(result.changes, pages=pages))


def _check_logo(root: Path, plugin: Located[PluginConfig], problems: list[Problem]) -> None:
    logo = plugin.item.program.branding.logo
    if logo is None:
        return
    path = (root / logo).resolve()
    where = ("program", "branding", "logo")
    line = plugin.lines.line_of(where)
    if path.suffix.lower() not in {".svg", ".png"}:
        message = f"expected an SVG or PNG file, got '{path.suffix or logo}'"
    elif not path.is_file():
        hint = "; use / in paths" if "\\" in logo else ""
        message = f"no file at {logo} (relative to mkdocs.yml){hint}"
    else:
        return
    problems.append(Problem(plugin.file, line, "program.branding.logo", message))


def _merge(
    library: list[Located[Item]], program: list[Located[Item]]
) -> tuple[list[Located[Item]], dict[str, tuple[Item, Item]]]:
    """Program items replace library items with the same id."""
    merged: dict[str, Located[Item]] = {x.item.id: x for x in library}
    replaced: dict[str, tuple[Item, Item]] = {}
    for item in program:
        if item.item.id in merged and merged[item.item.id].origin == "library":
            replaced[item.item.id] = (merged[item.item.id].item, item.item)
        merged[item.item.id] = item
    duplicates: list[Located[Item]] = [x for x in program if merged.get(x.item.id) is not x]
    return list(merged.values()) + duplicates, replaced


def _added(program: list[Located[Item]], library: list[Located[Item]]) -> list[str]:
    known = {x.item.id for x in library}
    return sorted(x.item.id for x in program if x.item.id not in known)


def _load_tree(
    root: Path, modules_dir: Path, exercises_dir: Path, origin: Origin, problems: list[Problem]
) -> Tree:
    tree = Tree(
        modules=_load_folder(root, modules_dir, Module, origin, problems),
        cases=_load_folder(root, modules_dir / CASES_SUBDIR, Case, origin, problems),
        exercises=_load_folder(root, exercises_dir, Exercise, origin, problems),
    )
    for folder in (modules_dir, modules_dir / CASES_SUBDIR, exercises_dir):
        tree.stems |= {path.stem for path in _yaml_files(folder)}
    for group in (tree.modules, tree.cases, tree.exercises):
        checks.check_ids(group, problems)
    return tree


def _load_plugin_config(
    root: Path, path: Path, problems: list[Problem]
) -> tuple[Located[PluginConfig] | None, Located[dict[str, Any]] | None]:
    """The plugin's options, and the whole of mkdocs.yml (None when it is not a mapping)."""
    shown = display_path(path, root)
    try:
        doc = load_yaml(read_text(path, shown), shown, shown)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None, None
    if not isinstance(doc.data, dict):
        problems.append(Problem(shown, 1, "", "expected a mapping of MkDocs settings"))
        return None, None
    return _plugin_entry(doc, shown, problems), Located(doc.data, shown, doc.lines)


def _plugin_entry(
    doc: YamlDocument, shown: str, problems: list[Problem]
) -> Located[PluginConfig] | None:
    plugins = doc.data.get("plugins")
    entries = plugins if isinstance(plugins, list) else []
    listed = [i for i, entry in enumerate(entries) if _plugin_options(entry) is not None]
    if len(listed) > 1:  # MkDocs would run it twice, and its second start fails
        at = [doc.lines.line_of(("plugins", i, PLUGIN_NAME)) for i in listed]
        problems.append(
            Problem(
                shown,
                at[1],
                PLUGIN_NAME,
                f"the plugin is listed {len(listed)} times under 'plugins' (lines "
                f"{', '.join(map(str, at))}); keep one entry with all its options",
            )
        )
        return None
    for index, entry in enumerate(entries):
        options = _plugin_options(entry)
        if options is None:
            continue
        prefix = ("plugins", index, PLUGIN_NAME)
        lines = doc.lines.sub(prefix)
        if entry == PLUGIN_NAME:  # a bare `- servefirst`: no options at all
            problems.append(
                Problem(
                    shown,
                    doc.lines.line_of(prefix),
                    PLUGIN_NAME,
                    "the plugin has no options; give it 'program:' with the title, "
                    "organisation, audience and days (servefirst init writes an example)",
                )
            )
            return None
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
            found = salvage.salvage_plugin(PluginConfig, ProgramConfig, options, exc)
            return None if found is None else Located(found[0], shown, lines, partial=found[1])
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
    root: Path, folder: Path, model: type[M], origin: Origin, problems: list[Problem]
) -> list[Located[M]]:
    items: list[Located[M]] = []
    kind = model.__name__.lower()
    inside = "the built-in library" if origin == "library" else "the program folder"
    for path in _yaml_files(folder):
        refusal = boundary.item_file_refusal(path, root, kind, inside)
        if refusal is not None:
            shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            shown = f"{LIBRARY_LABEL}/{shown}" if origin == "library" else shown
            problems.append(Problem(shown, None, "", refusal))
            continue
        loaded = load_item(root, path, model, problems, origin)
        if loaded is not None:
            items.append(loaded)
    return items


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.iterdir()) if p.suffix in {".yml", ".yaml"}]


def load_item(
    root: Path, path: Path, model: type[M], problems: list[Problem], origin: Origin = "program"
) -> Located[M] | None:
    """Load one module, case or exercise file; append problems rather than raise."""
    shown = display_path(path, root)
    if origin == "library":
        shown = f"{LIBRARY_LABEL}/{shown}"
    kind = model.__name__.lower()
    article = "an" if kind[0] in "aeiou" else "a"
    try:
        doc = load_yaml(read_text(path, shown), shown, f"{article} {kind} file")
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
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
        found = salvage.salvage(model, doc.data, exc)
        if found is None:
            return None
        return Located(found[0], shown, doc.lines, origin, partial=found[1])
    return Located(item, shown, doc.lines, origin)
