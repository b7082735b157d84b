"""A canary program: every text of the basic fixture gets a unique marker.

Text under a ``facilitator:`` key gets ``zzfacN``; every other text gets ``zzpubN``. After a
build, no participant output may contain a ``zzfac`` marker, and every ``zzpub`` marker
must show up. :func:`facilitator_fields` lets a test check that the fixture fills every
facilitator field the model has, so a new field cannot slip past the canary.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.yamlio import load_yaml

# Values that are ids, enumerations, times or addresses rather than prose.
NOT_PROSE = {
    "id",
    "kind",
    "format",
    "method",
    "height",
    "row_height",
    "start",
    "finish_by",
    "url",
    "group_size",
    "colour",
    "paper",
    "language",
    "exercise",
    "case",
    "logo",
    "modules_dir",
    "exercises_dir",
    "name",
    "site_name",
    "docs_dir",
    "scheme",
    "primary",
    "icon",
    "theme",
    "item",
    "per",
    "horizon",
}
ID_LISTS = {"cases", "exercises", "plan"}
CATALOGUE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class Canary:
    root: Path
    public: set[str] = field(default_factory=set)
    facilitator: set[str] = field(default_factory=set)
    by_field: dict[str, set[str]] = field(default_factory=dict)
    """Markers by the name of the field that holds them."""
    data: dict[str, Any] = field(default_factory=dict)


def make_canary(source: Path, target: Path) -> Canary:
    canary = Canary(target)
    counter = itertools.count(1)
    for path in sorted(source.rglob("*.yml")):
        relative = path.relative_to(source)
        data = load_yaml(path.read_text(encoding="utf-8"), str(relative)).data
        if relative.name == "mkdocs.yml":
            for entry in data["plugins"]:
                if isinstance(entry, dict) and "servefirst" in entry:
                    entry["servefirst"]["program"] = _mark(
                        entry["servefirst"]["program"], (), canary, counter
                    )
                    _mark_catalogue(entry["servefirst"].get("catalogue", {}), canary, counter)
        else:
            data = _mark(data, (), canary, counter)
        canary.data[str(relative)] = data
        out = target / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (target / "docs").mkdir(exist_ok=True)
    return canary


def _mark(value: Any, path: tuple[str, ...], canary: Canary, counter: Any) -> Any:
    if isinstance(value, dict):
        return {k: _mark(v, (*path, str(k)), canary, counter) for k, v in value.items()}
    if isinstance(value, list):
        if path and path[-1] in ID_LISTS:
            return value
        return [_mark(v, path, canary, counter) for v in value]
    if isinstance(value, str) and path and path[-1] == "materials" and CATALOGUE_ID.match(value):
        return value  # a catalogue id as shorthand for {item: id}
    if isinstance(value, str) and not (path and path[-1] in NOT_PROSE):
        # Segment materials are the facilitator's kit list: the participant view omits them.
        private = "facilitator" in path or path[-2:] == ("segments", "materials")
        marker = f"zz{'fac' if private else 'pub'}{next(counter)}"
        (canary.facilitator if private else canary.public).add(marker)
        canary.by_field.setdefault(path[-1], set()).add(marker)
        return f"{marker} {value}"
    return value


def _mark_catalogue(catalogue: dict[str, Any], canary: Canary, counter: Any) -> None:
    """A catalogue item's name is facilitator text unless participants hold the item."""
    for item in catalogue.values():
        private = not item.get("participant", False)
        marker = f"zz{'fac' if private else 'pub'}{next(counter)}"
        (canary.facilitator if private else canary.public).add(marker)
        canary.by_field.setdefault("catalogue", set()).add(marker)
        item["name"] = f"{marker} {item['name']}"


def facilitator_blocks(canary: Canary) -> dict[str, list[dict[str, Any]]]:
    """The ``facilitator:`` mappings of the canary data, by the model that reads them."""
    blocks: dict[str, list[dict[str, Any]]] = {}

    def add(kind: str, owner: dict[str, Any]) -> None:
        if isinstance(owner.get("facilitator"), dict):
            blocks.setdefault(kind, []).append(owner["facilitator"])

    for relative, data in canary.data.items():
        if relative.startswith("modules/cases/"):
            add("CaseFacilitator", data)
        elif relative.startswith("modules/"):
            add("ModuleFacilitator", data)
            for segment in data.get("segments", []):
                add("SegmentFacilitator", segment)
            for principle in data.get("principles", []):
                add("PrincipleFacilitator", principle)
        elif relative.startswith("exercises/"):
            add("ExerciseFacilitator", data)
    return blocks


def facilitator_models(model: type[BaseModel]) -> set[type[BaseModel]]:
    """Every model reachable from ``model`` through a field called ``facilitator``."""
    found: set[type[BaseModel]] = set()
    for name, info in model.model_fields.items():
        for sub in _models_in(info.annotation):
            if name == "facilitator":
                found.add(sub)
            found |= facilitator_models(sub)
    return found


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in getattr(annotation, "__args__", ()):
        out += _models_in(arg)
    return out
