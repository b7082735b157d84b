"""Write ``<program>-scorm12.zip`` and ``<program>-scorm2004.zip`` from a built handbook.

Each zip holds ``imsmanifest.xml``, the launcher (``launch.html`` and ``launch.js``, which
talk to the LMS) and the participant handbook under ``handbook/``. Entries are sorted and
carry one fixed time and mode, so the same handbook gives the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import zipfile
from importlib.resources import files as package_files
from pathlib import Path

from ..file_names import file_stem
from ..model.participant import ParticipantProgram
from .manifest import LAUNCH, Version, manifest_xml

HANDBOOK = "handbook"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time inside
LEFT_OUT = {"sitemap.xml", "sitemap.xml.gz"}  # carry the build date; an LMS needs neither
LEFT_OUT_SUFFIXES = {".map"}  # source maps of the theme's scripts: for developers only
VERSIONS: dict[Version, str] = {"1.2": "scorm12", "2004": "scorm2004"}


def package_names(view: ParticipantProgram) -> dict[Version, str]:
    """The zip names by SCORM version: ``serve-first-scorm12.zip`` for "Serve First"."""
    stem = file_stem(view.config.title)
    return {version: f"{stem}-{suffix}.zip" for version, suffix in VERSIONS.items()}


def write_packages(view: ParticipantProgram, site: Path, target: Path) -> list[Path]:
    """Write both packages into folder ``target`` (created) from the built site folder
    ``site``; returns their paths. ``view`` gives the title, the module pages whose
    visits complete the course and the checks that make the score."""
    target.mkdir(parents=True, exist_ok=True)
    handbook = sorted(
        p
        for p in site.rglob("*")
        if p.is_file()
        and p.relative_to(site).as_posix() not in LEFT_OUT
        and p.suffix not in LEFT_OUT_SUFFIXES
    )
    paths = [f"{HANDBOOK}/{p.relative_to(site).as_posix()}" for p in handbook]
    written = []
    for version, name in package_names(view).items():
        launcher = _launcher(view, version)
        members: dict[str, bytes | Path] = {
            LAUNCH: launcher,
            "launch.js": _asset("launch.js"),
            **dict(zip(paths, handbook, strict=True)),
        }
        identifier = manifest_identifier(view.config.title)
        members["imsmanifest.xml"] = manifest_xml(
            version,
            identifier,
            view.config.title,
            sorted(k for k in members if k != "imsmanifest.xml"),
        )
        path = target / name
        _zip(path, members)
        written.append(path)
    return written


def manifest_identifier(title: str) -> str:
    """The manifest's identifier: ``servefirst-`` and the title's file name, e.g.
    ``servefirst-serve-first``. Letters outside A-Z cannot be in it, so a title that has
    any gets the first 8 hex digits of its SHA-256 added (``servefirst-8d3c...``):
    two programs with titles in Chinese must not look like one course to the LMS."""
    stem = file_stem(title)
    kept = re.sub(r"[^A-Za-z0-9.-]+", "-", stem).strip("-")
    if kept != stem:
        digest = hashlib.sha256(title.encode()).hexdigest()[:8]
        kept = f"{kept}-{digest}" if kept else digest
    return f"servefirst-{kept}"


def course_settings(view: ParticipantProgram, version: Version) -> dict[str, object]:
    """What ``launch.js`` needs: the SCORM version, the handbook's first page, the module
    pages to visit and the checks that count towards the score (``scope:id``)."""
    return {
        "version": version,
        "start": f"{HANDBOOK}/index.html",
        "pages": [f"modules/{m.id}.html" for m in view.modules],
        "scored": [f"check:{c.id}" for m in view.modules for c in m.checks],
    }


def _launcher(view: ParticipantProgram, version: Version) -> bytes:
    settings = json.dumps(course_settings(view, version), ensure_ascii=True)
    settings = settings.replace("<", "\\u003c")  # never closes the script element
    title = html.escape(view.config.title)
    language = view.config.language
    return f"""<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>html, body, iframe {{ margin: 0; border: 0; width: 100%; height: 100%; }}</style>
</head>
<body>
<iframe id="handbook" title="{title}"></iframe>
<script>window.SERVEFIRST_COURSE = {settings};</script>
<script src="launch.js"></script>
</body>
</html>
""".encode()


def _asset(name: str) -> bytes:
    return (package_files("generator") / "assets" / "lms" / name).read_bytes()


def _zip(path: Path, members: dict[str, bytes | Path]) -> None:
    partial = path.with_name(f".{path.name}.partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in sorted(members):
            content = members[name]
            data = content.read_bytes() if isinstance(content, Path) else content
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    partial.replace(path)
