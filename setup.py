"""Packaging hook: ship the default program's modules, exercises and checks in the wheel.

Everything else is declared in pyproject.toml. In a wheel the library lives at
``generator/library/``; a source checkout and an editable install read the repository's
own ``modules/`` and ``exercises/`` (see ``generator/library.py``).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithLibrary(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "generator" / "library"
        for folder in ("modules", "exercises", "checks"):
            shutil.copytree(folder, target / folder, dirs_exist_ok=True)
        shutil.copy2("mkdocs.yml", target / "mkdocs.yml")  # the default plan, for `init`


setup(cmdclass={"build_py": BuildWithLibrary})
