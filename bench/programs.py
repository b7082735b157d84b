"""The programs the benchmark builds: the default one, a synthetic one and rosters."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def copy_default(target: Path) -> Path:
    """The default program, self-contained (``library: false``) like the repository's."""
    for name in ("modules", "exercises", "docs", "checks"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config, found = re.subn(
        r"^(\s*)- servefirst:\n", r"\g<0>\g<1>    library: false\n", config, count=1, flags=re.M
    )
    if not found:
        raise SystemExit("mkdocs.yml: no '- servefirst:' plugin entry to mark library: false")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def make_synthetic(default: Path, target: Path, count: int) -> Path:
    """``count`` modules from the default ones, cycled with new ids, packed into days."""
    import yaml

    from generator.yamlio import load_yaml

    shutil.copytree(default, target)
    sources = sorted((target / "modules").glob("*.yml"))
    for path in sources:
        path.unlink()
    shutil.rmtree(target / "checks", ignore_errors=True)
    modules: list[tuple[str, int]] = []
    for number in range(count):
        source = sources[number % len(sources)]
        data = yaml.safe_load((default / "modules" / source.name).read_text(encoding="utf-8"))
        new_id = f"{data['id']}-{number + 1:02d}"
        data["id"] = new_id
        data["title"] = f"{data['title']} ({number + 1})"
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        (target / "modules" / f"{new_id}.yml").write_text(text, encoding="utf-8")
        modules.append((new_id, int(data["duration"])))

    days: list[dict[str, Any]] = []
    plan: list[Any] = []
    used = 0
    for module_id, minutes in modules:
        if plan and used + minutes > 8 * 60:
            days.append({"start": "09:00", "finish_by": "17:00", "plan": plan})
            plan, used = [], 0
        plan.append(module_id)
        used += minutes
    days.append({"start": "09:00", "finish_by": "17:00", "plan": plan})

    config_path = target / "mkdocs.yml"
    config = load_yaml(config_path.read_text(encoding="utf-8"), "mkdocs.yml").data
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "servefirst" in entry:
            program = entry["servefirst"]["program"]
            program["days"] = days
            program["title"] = f"{program['title']} ({count} modules)"
            program.pop("customise", None)
            entry["servefirst"].pop("assessment", None)  # checks belong to the old ids
            if program.get("glossary"):  # the glossary modules, under their new ids
                chosen = program["glossary"]
                program["glossary"] = [m for m, _ in modules if m.rsplit("-", 1)[0] in chosen]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def write_roster(path: Path, people: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["name", "cohort", "dates"])
        for number in range(people):
            writer.writerow([f"Participant Nº {number + 1:03d}", "Cohort A", "1-2 June"])
    return path
