"""Load ``checks/<module-id>.yml`` from the program folder and the built-in library.

A program's file replaces the library's file of the same name, whole. Only the checks of
planned modules reach the program. Problems are appended, located at file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..error_text import problems_from
from ..errors import Problem, display_path
from ..library import LIBRARY_LABEL
from ..located import Located
from ..model.knowledge import MAX_CHOICES, Check, CheckFile
from ..model.program import PluginConfig
from ..yamlio import YamlProblem, load_yaml, read_text

CHECKS_DIR = "checks"


@dataclass(frozen=True)
class Checks:
    """The checks of the planned modules, by module id, in plan order."""

    by_module: dict[str, list[Check]]
    assessment: list[str]
    """Check ids asked before the day (pre-check) and again after it (post-check)."""


def load_checks(
    root: Path,
    library: Path | None,
    modules: list[str],
    known: set[str],
    assessment: list[tuple[str, int | None]],
    config_file: str,
    problems: list[Problem],
) -> Checks:
    """Read the program's and the library's ``checks/`` folders.

    ``modules`` are the planned module ids in order, ``known`` every module id loaded
    (planned or not), ``assessment`` the configured pre/post-check ids with their line
    in ``config_file``. Appends a located Problem for each bad file or check."""
    files: dict[str, Located[CheckFile]] = {}
    if library is not None and library.resolve() != root.resolve():
        files.update(_folder(library, library / CHECKS_DIR, True, known, problems))
    files.update(_folder(root, root / CHECKS_DIR, False, known, problems))
    by_module: dict[str, list[Check]] = {}
    seen: dict[str, str] = {}
    for module_id in modules:
        located = files.get(module_id)
        if located is None:
            continue
        for index, check in enumerate(located.item.checks):
            line = located.lines.line_of(("checks", index, "id"))
            where = f"{located.file}:{line}"
            if check.id in seen:
                problems.append(
                    Problem(
                        located.file,
                        line,
                        f"checks[{index}].id",
                        f"'{check.id}' is already the id of a check ({seen[check.id]}); "
                        "give each check its own id",
                    )
                )
            seen.setdefault(check.id, where)
            _check_answer(located, index, check, problems)
        by_module[module_id] = list(located.item.checks)
    asked: set[str] = set()
    for index, (check_id, line) in enumerate(assessment):
        if check_id in asked:
            problems.append(
                Problem(
                    config_file,
                    line,
                    f"assessment[{index}]",
                    f"'{check_id}' is listed twice; list each check once",
                )
            )
        asked.add(check_id)
        if check_id not in seen:
            choices = ", ".join(sorted(seen)) or "none: add checks/<module-id>.yml first"
            problems.append(
                Problem(
                    config_file,
                    line,
                    f"assessment[{index}]",
                    f"no check '{check_id}' in a planned module; the checks are: {choices}",
                )
            )
    return Checks(by_module, [check_id for check_id, _ in assessment])


def _folder(
    root: Path, folder: Path, library: bool, known: set[str], problems: list[Problem]
) -> dict[str, Located[CheckFile]]:
    found: dict[str, Located[CheckFile]] = {}
    twins: dict[str, str] = {}  # module id -> the file read for it, even a broken one
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.suffix not in {".yml", ".yaml"}:
            continue
        shown = display_path(path, root)
        shown = f"{LIBRARY_LABEL}/{shown}" if library else shown
        if path.stem not in known:
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    f"no module '{path.stem}'; name a checks file after the module it "
                    "checks (checks/<module-id>.yml)",
                )
            )
            continue
        if path.stem in twins:
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    f"a second checks file for module '{path.stem}' (the other is "
                    f"{twins[path.stem]}); keep one",
                )
            )
            continue
        twins[path.stem] = shown
        try:
            doc = load_yaml(read_text(path, shown), shown, "a checks file")
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        if not isinstance(doc.data, dict):
            problems.append(
                Problem(shown, 1, "", "expected a mapping with 'checks:', a list of checks")
            )
            continue
        try:
            item = CheckFile.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(problems_from(exc, doc.data, doc.lines, shown, CheckFile))
            continue
        found[path.stem] = Located(item, shown, doc.lines, "library" if library else "program")
    return found


def _check_answer(
    located: Located[CheckFile], index: int, check: Check, problems: list[Problem]
) -> None:
    """The answer fits the kind and the choices; a scenario's choices have feedback."""

    def report(field: tuple[str | int, ...], message: str) -> None:
        path: tuple[str | int, ...] = ("checks", index, *field)
        line = located.lines.line_of(path) or located.lines.line_of(("checks", index))
        name = f"checks[{index}]" + "".join(
            f"[{p}]" if isinstance(p, int) else f".{p}" for p in field
        )
        problems.append(Problem(located.file, line, name, message))

    count = len(check.choices)
    answer = check.answer
    if check.kind == "true_false":
        if count:
            report(("choices",), "a true_false check has no choices; leave 'choices' out")
        if not isinstance(answer, bool):
            report(("answer",), "no correct answer; write answer: true or answer: false")
        return
    if count < 2:
        report(("choices",), f"{count} choice(s); give at least 2")
        return
    if count > MAX_CHOICES:
        report(
            ("choices",),
            f"{count} choices; give at most {MAX_CHOICES} (the workbook letters them A to H): "
            "split the question in two or drop the weakest choices",
        )
        return
    texts = [" ".join(choice.text.split()).casefold() for choice in check.options()]
    for number, text in enumerate(texts):
        if text in texts[:number]:
            report(
                ("choices", number),
                f"the same text as choice {texts.index(text) + 1}; participants could not "
                "tell them apart: reword one or remove it",
            )
    if check.kind == "scenario" and check.situation is None:
        report(("situation",), "a scenario sets the scene first; add situation: with a few lines")
    if check.kind == "ordering":
        if answer is not None:
            report(
                ("answer",),
                "an ordering check has no answer; write its choices in the right order "
                "(participants see them shuffled)",
            )
        return
    if check.kind == "scenario":
        for number, choice in enumerate(check.options()):
            if choice.feedback is None:
                report(
                    ("choices", number),
                    "a scenario gives each choice its own feedback; "
                    "write {text: ..., feedback: ...}",
                )
    if answer is None or answer == [] or isinstance(answer, bool):
        example = "answer: [1, 3]" if check.kind == "multiple" else "answer: 2"
        report(
            ("answer",), f"no correct answer; give the number of the right choice, e.g. {example}"
        )
        return
    if check.kind != "multiple" and isinstance(answer, list):
        report(("answer",), f"a {check.kind} check has one right choice; give one number")
        return
    numbers = answer if isinstance(answer, list) else [answer]
    for number in numbers:
        if isinstance(number, int) and not 1 <= number <= count:
            report(
                ("answer",),
                f"there is no choice {number}: the check has {count} choices; "
                f"give a number from 1 to {count}",
            )
    if len(set(numbers)) != len(numbers):
        report(("answer",), "a choice is listed twice; list each right choice once")


def load_for(
    root: Path,
    library: Path | None,
    plugin: Located[PluginConfig] | None,
    modules: list[str],
    problems: list[Problem],
) -> Checks:
    """:func:`load_checks` for a loaded plugin configuration (None: nothing is planned)."""
    if plugin is None:
        return Checks({}, [])
    options = plugin.item
    assessment = [
        (check_id, plugin.lines.line_of(("assessment", i)))
        for i, check_id in enumerate(options.assessment)
    ]
    return load_checks(
        root,
        library if options.library else None,
        options.program.module_ids,
        set(modules),
        assessment,
        plugin.file,
        problems,
    )
