"""The audience's own words (``terminology: {customer: patient}``), applied with judgement.

The map rewords instructional text (what participants read and facilitators say) and the
program's ``audience`` and ``subtitle``. It never rewords:

- ids, enumerations, addresses and citations (``sources``);
- a case's story, people, organisation and year: they are history, told as it happened;
- quotations: block quotes (lines starting ``>``), quoted spans, “…”, "...", ‘…’ or
  '...' (a single-quoted span opens after a space or the start and closes before a space
  or punctuation, so an apostrophe is never taken for a quotation mark), and the
  ``quote`` of a principle or case;
- proper nouns: a capitalised term in mid-sentence ("the Customer Service Week");
- inline code, links (their text and their target) and web addresses;
- fields the program lists in ``terminology_keep``: an item id (``sas-moments-of-truth``),
  an item id and a field path (``serve-first.summary``,
  ``serve-first.segments.facilitator.say``: list positions are left out and cover every
  entry), or ``program.audience`` / ``program.subtitle``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection
from typing import Any

from .errors import Problem
from .located import Located
from .materials.catalogue import used_ids
from .model import PluginConfig, Program
from .model.program import Term

# Keys whose values are ids, enumerations, addresses, citations or history: never reworded.
_KEEP = {
    "id",
    "kind",
    "format",
    "method",
    "url",
    "group_size",
    "height",
    "row_height",
    "exercise",
    "case",
    "cases",
    "exercises",
    "practises",
    "outcomes",  # outcome ids -> objective numbers
    "sources",
    "materials",  # catalogue ids (and free text a catalogue id may stand for)
    "horizon",
    "per",
    "prepare",
    "quote",  # a principle's or case's quotation: the words as they were said
    "screen_image",
}
_CASE_KEEP = {"story", "people", "organisation", "year"}
_METADATA = ("audience", "subtitle")
# Inline code, links (text and target), addresses, quoted spans and block quotes are left
# alone. A single-quoted span (‘…’ or '...') opens after a space, a bracket, a dash or the
# start, and closes before a space, punctuation or the end, within its paragraph: an
# apostrophe (the team’s, the customers' needs, ’90s) neither opens nor closes one.
_SINGLE = (
    r"(?<![^\s(\[{—–-])[‘'](?=\S)"
    r"(?:[^\n]|\n(?![ \t]*\n)){0,2000}?"
    r"(?<=\S)[’'](?![^\s.,;:!?)\]}—–-])"
)
_PROTECTED = re.compile(
    r"(`[^`]*`|(?<!!)\[[^\]\n]*\]\([^)]*\)|(?<!!)\[[^\]\n]*\]\[[^\]\n]*\]|\]\([^)]*\)"
    r"|<https?://[^>]*>|https?://\S+"
    r"|“[^”]{0,2000}”|" + _SINGLE + r"|\"[^\"]{0,2000}\""
    r"|(?m:^[ \t]*>[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*))"
)
_SENTENCE_START = re.compile(r"(^|[.!?:;]\s+|\n\s*|[-*+]\s+|#+\s+|[(\[]\s*)$")


def apply_terminology(
    program: Program,
    plugin: Located[PluginConfig] | None,
    warnings: list[Problem],
    problems: list[Problem] | None = None,
) -> Program:
    """Replace the program's terms where they are instruction, keeping capitals and plurals.

    A term that never matched is a warning; a ``terminology_keep`` entry that names no
    item or field of the program is a problem (appended to ``problems`` when given)."""
    config = program.config
    terms = config.terminology
    if not terms:
        return program
    counts = {term: 0 for term in terms}
    replace = _replacer(terms, counts)
    keep = _keep_paths(program, plugin, problems)

    def reword(item: Any, extra: Collection[str] = ()) -> Any:
        skip = keep.get(item.id, set())
        if "" in skip:
            return item
        return _reword(item, replace, skip, extra)

    modules = [reword(m) for m in program.modules]
    exercises = {k: reword(v) for k, v in program.exercises.items()}
    cases = {k: reword(v, _CASE_KEEP) for k, v in program.cases.items()}
    used = used_ids(program)  # the names of the materials the program prints
    catalogue = {
        k: _reword(v, replace, set(), ()) if k in used else v for k, v in program.catalogue.items()
    }
    metadata = {
        key: replace(value)
        for key in _METADATA
        if (value := getattr(config, key)) and key not in keep.get("program", set())
    }
    for term, count in counts.items():
        if count == 0 and plugin is not None:
            warnings.append(
                Problem(
                    plugin.file,
                    plugin.lines.line_of(("program", "terminology", term)),
                    f"program.terminology.{term}",
                    "never matched any text; check the spelling, or remove it",
                )
            )
    changes = dataclasses.replace(program.changes, terminology=counts)
    return dataclasses.replace(
        program,
        config=config.model_copy(update=metadata),
        modules=modules,
        exercises=exercises,
        cases=cases,
        catalogue=catalogue,
        changes=changes,
    )


def _keep_paths(
    program: Program, plugin: Located[PluginConfig] | None, problems: list[Problem] | None
) -> dict[str, set[str]]:
    """``terminology_keep`` as item id -> dotted field paths ('' for the whole item)."""
    items: dict[str, Any] = {m.id: m for m in program.modules}
    items |= program.exercises | program.cases
    out: dict[str, set[str]] = {}
    for i, entry in enumerate(program.config.terminology_keep):
        item_id, _, path = entry.partition(".")
        if item_id == "program":
            known = path in _METADATA
        else:
            known = item_id in items and (not path or _has_path(items[item_id], path))
        if known:
            out.setdefault(item_id, set()).add(path)
        elif problems is not None and plugin is not None:
            problems.append(
                Problem(
                    plugin.file,
                    plugin.lines.line_of(("program", "terminology_keep", i)),
                    f"program.terminology_keep[{i}]",
                    f"'{entry}' names no module, case or exercise of the program, or no field "
                    "of it; write an id, or an id and a field such as serve-first.summary",
                )
            )
    return out


def _has_path(item: Any, path: str) -> bool:
    value: Any = item.model_dump(by_alias=True)
    for key in path.split("."):
        while isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, dict) or key not in value:
            return False
        value = value[key]
    return True


def _replacer(terms: dict[str, str | Term], counts: dict[str, int]) -> Callable[[str], str]:
    table: dict[str, tuple[str, str]] = {}  # lower-case form -> (term, replacement)
    for term, target in terms.items():
        singular = target.singular if isinstance(target, Term) else target
        plural = target.plural if isinstance(target, Term) else _plural(target)
        table[term.lower()] = (term, singular)
        table[_plural(term).lower()] = (term, plural)
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)

    def one(match: re.Match[str]) -> str:
        found = match.group(0)
        before = match.string[: match.start()]
        if found[0].isupper() and not found.isupper() and not _SENTENCE_START.search(before):
            return found  # a proper noun: "the Customer Service Week"
        term, replacement = table[found.lower()]
        counts[term] += 1
        if found.isupper() and len(found) > 1:
            return replacement.upper()
        if found[0].isupper():
            return replacement[0].upper() + replacement[1:]
        return replacement

    def replace(text: str) -> str:
        parts = _PROTECTED.split(text)
        return "".join(p if i % 2 else pattern.sub(one, p) for i, p in enumerate(parts))

    return replace


def _plural(word: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def _reword(
    item: Any, replace: Callable[[str], str], skip: set[str], extra: Collection[str]
) -> Any:
    """``item`` with every text reworded except under the ``_KEEP`` and ``extra`` keys and
    the dotted ``skip`` paths (list positions left out)."""

    def walk(value: Any, key: str | None, path: str) -> Any:
        if key in _KEEP or key in extra or path in skip:
            return value
        if isinstance(value, str):
            return replace(value)
        if isinstance(value, list):
            return [walk(v, key, path) for v in value]
        if isinstance(value, dict):
            return {k: walk(v, k, f"{path}.{k}" if path else k) for k, v in value.items()}
        return value

    return type(item).model_validate(walk(item.model_dump(by_alias=True), None, ""))
