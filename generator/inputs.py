"""What outputs are made from: the program as JSON and the files outside its YAML.

Cache keys (:mod:`generator.cache`) hash these, so an output is rebuilt exactly when
something it shows changed; ``servefirst personalize`` keys each person's files with them.
"""

from __future__ import annotations

from typing import Any

from .model import Program


def program_json(program: Program) -> dict[str, Any]:
    """The whole program, facilitator material included, as JSON-able data."""
    return {
        "config": program.config.model_dump(mode="json"),
        "modules": [m.model_dump(mode="json") for m in program.modules],
        "cases": {k: v.model_dump(mode="json") for k, v in program.cases.items()},
        "exercises": {k: v.model_dump(mode="json") for k, v in program.exercises.items()},
    }


def asset_paths(program: Program) -> list[str]:
    """Files outside the YAML that change outputs: the logo, a slides template, the
    images and files that prose refers to and the images segments put on screen."""
    from .assets_copy import prose_files

    config = program.config
    prose = prose_files([config, program.modules, program.cases, program.exercises], program.root)
    screens = {s.screen_image for m in program.modules for s in m.segments if s.screen_image}
    files = sorted(set(prose) | screens)
    return [p for p in (config.branding.logo, config.slides_template) if p] + files
