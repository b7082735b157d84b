"""Every fixed label comes from the catalogue; a second language changes the outputs."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from pypdf import PdfReader

from generator import plugin
from generator.i18n import catalogue
from generator.materials import totals
from generator.model.exercise import Exercise
from generator.model.module import Segment
from generator.render import logistics, pdf, site, site_config

from .conftest import copy_fixture, run_cli

TEMPLATES = Path(str(files("generator") / "templates"))
STRING = r'"((?:[^"\\]|\\.)*)"'
MSGID = re.compile(rf"(?<![\w.])_\(\s*{STRING}\s*[,)]")
PLURAL = re.compile(rf"(?<![\w.])ngettext\(\s*{STRING}\s*,\s*{STRING}\s*,")
# What must survive translation: placeholders, and the targets of Markdown links.
KEEP = re.compile(r"%\(\w+\)s|\{\w+\}|\]\([^)]*\)")


def labels_in(folder: str) -> set[str]:
    """Every ``_("...")`` and both forms of every ``ngettext("...", "...", n)``."""
    found: set[str] = set()
    for path in (TEMPLATES / folder).rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        found |= set(MSGID.findall(text))
        found |= {form for pair in PLURAL.findall(text) for form in pair}
    return {label.replace("\\'", "'") for label in found}


def template_labels() -> set[str]:
    return labels_in("pdf") | labels_in("site")


def formats() -> set[str]:
    return set(Exercise.model_fields["format"].annotation.__args__)  # type: ignore[union-attr]


def site_labels() -> set[str]:
    """Labels of the handbook: its templates, its navigation and the plugin's own."""
    labels = labels_in("site") | set(site.NAV_LABELS) | formats()
    labels |= {plugin.PROBLEMS_LABEL, site_config.PERMALINK_TITLE}
    labels |= {str(palette["toggle"]["name"]) for palette in site_config.PALETTE}
    return labels


def python_labels() -> set[str]:
    labels = set(logistics.HORIZONS.values())
    labels |= {task for tasks in logistics.STANDARD_TASKS.values() for task in tasks}
    labels.add(logistics.NO_MATERIALS_TASK)
    labels |= set(totals.KIND_LABELS.values()) | set(totals.PER_LABELS.values())
    labels |= set(pdf.REACTION_ITEMS) | set(pdf.OPEN_QUESTIONS)
    labels |= formats()
    labels |= set(Segment.model_fields["method"].annotation.__args__)  # type: ignore[union-attr]
    labels |= {"Participant workbook", "Facilitator guide", "Preparation checklist", "Materials"}
    labels |= {"Room set-up", "Appendix: end-of-day evaluation", "Sources", "The day at a glance"}
    return labels | site_labels()


def test_templates_write_no_label_outside_the_catalogue() -> None:
    assert len(labels_in("pdf")) > 60
    assert len(labels_in("site")) > 50
    assert {"Key ideas", "In the room", "%(num)s pages", "Module %(number)s of %(total)s"} <= (
        labels_in("site")
    )
    assert {"Home", "Case library", "Switch to dark mode", "Permanent link"} <= site_labels()
    missing = (template_labels() | python_labels()) - set(catalogue("es"))
    assert missing == set()


def test_translations_keep_placeholders_and_link_targets() -> None:
    broken = {
        english: spanish
        for english, spanish in catalogue("es").items()
        if sorted(KEEP.findall(english)) != sorted(KEEP.findall(spanish))
    }
    assert broken == {}


def test_site_labels_fit_where_they_are_used() -> None:
    """Admonition titles and tab labels are quoted in Markdown: no double quotes."""
    spanish = catalogue("es")
    assert [label for label in site_labels() if '"' in spanish[label]] == []


def test_spanish_changes_labels_and_dates(tmp_path: Path) -> None:
    root = copy_fixture("basic", tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        audience: Team leaders\n",
            "        audience: Team leaders\n        language: es\n",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_cli("build", root, "--out", out, "--no-site", "--no-slides").code == 0
    workbook = " ".join(
        p.extract_text() for p in PdfReader(out / "pdf/participant-workbook.pdf").pages
    )
    guide = " ".join(p.extract_text() for p in PdfReader(out / "pdf/facilitator-guide.pdf").pages)
    assert "Ideas clave" in workbook and "Key ideas" not in workbook
    assert "Cuaderno del participante".upper() in workbook.upper()
    assert re.search(r"\d+ de [a-z]+ de \d{4}", workbook)
    assert "Cuaderno p." in guide and "Workbook p." not in guide
    assert "Guion de la sesión" in guide and "9:10" in guide
