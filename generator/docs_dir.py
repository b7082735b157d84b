"""A program folder without its ``docs_dir`` still builds.

Git keeps no empty folder, so a program whose ``docs/`` holds nothing loses it in a
clone, and MkDocs refuses to start ("isn't an existing directory"). Hand-written pages
are optional, so Serve First hands MkDocs an empty folder of its own instead: never one
created in the program folder.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT = "docs"


def configured(config_file: Path) -> Path | None:
    """The ``docs_dir`` of ``config_file`` as MkDocs reads it (``!ENV`` included), as an
    absolute path; None when the file cannot be read (MkDocs will then say why)."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as stream:
            data = yaml_load(stream)
    except Exception:  # MkDocs reports an unreadable configuration itself
        return None
    value = data.get("docs_dir", DEFAULT) if isinstance(data, dict) else DEFAULT
    if not isinstance(value, str):
        return None
    return config_file.parent / value


def stand_in(config_file: Path, empty: Path) -> dict[str, str]:
    """MkDocs overrides: ``{"docs_dir": str(empty)}`` when the configured ``docs_dir`` is
    missing, else nothing. ``empty`` must be an empty folder outside the program folder."""
    docs = configured(config_file)
    if docs is None or docs.exists():
        return {}
    empty.mkdir(parents=True, exist_ok=True)
    return {"docs_dir": str(empty)}
