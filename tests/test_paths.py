"""No network, no escape: remote images and files outside the program are refused.

Validation names the file, line and field; the URL fetcher refuses whatever would
slip through, and the build reports it as a message rather than a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import BuildError, ContentError
from generator.loader import load_program
from generator.model.participant import participant_view
from generator.render.pdf import layout, render_workbook

from .conftest import FIXTURES, run_cli
from .images import SVG, png

MODULE = (FIXTURES / "basic/modules/serve-first.yml").read_text(encoding="utf-8")
EXERCISE = (FIXTURES / "basic/exercises/listening-pairs.yml").read_text(encoding="utf-8")
CASE = (FIXTURES / "basic/modules/cases/southwest-airlines.yml").read_text(encoding="utf-8")
CONFIG = (FIXTURES / "basic/mkdocs.yml").read_text(encoding="utf-8")

Write = Callable[[dict[str, str | bytes]], Path]


def _summary(markdown: str) -> dict[str, str | bytes]:
    """The module's summary (line 4) with ``markdown`` as its first line."""
    return {
        "modules/serve-first.yml": MODULE.replace("summary: >-\n", f"summary: |-\n  {markdown}\n")
    }


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_program(root)
    return [str(p) for p in caught.value.problems]


REFUSED = {
    "remote image": (
        "![Chart](https://example.com/chart.png)",
        "image 'https://example.com/chart.png' is on the web, and builds never use the "
        "network; save the image in the program folder and refer to it with a path relative "
        "to the folder",
    ),
    "protocol-relative image": (
        "![Chart](//example.com/chart.png)",
        "image '//example.com/chart.png' is on the web, and builds never use the network; save "
        "the image in the program folder and refer to it with a path relative to the folder",
    ),
    "remote image by reference": (
        "![Chart][chart]\n\n  [chart]: http://example.com/chart.png",
        "image 'http://example.com/chart.png' is on the web, and builds never use the network; "
        "save the image in the program folder and refer to it with a path relative to the folder",
    ),
    "image out of the folder": (
        "![Secrets](../../etc/passwd)",
        "image '../../etc/passwd' leads outside the program folder; refer only to files inside it",
    ),
    "encoded climb out": (
        "![Secrets](images/%2e%2e/%2e%2e/%2e%2e/etc/passwd)",
        "image 'images/%2e%2e/%2e%2e/%2e%2e/etc/passwd' leads outside the program folder; "
        "refer only to files inside it",
    ),
    "absolute path": (
        "![Noise](/dev/urandom)",
        "image '/dev/urandom' is an absolute path; use a path relative to the program folder",
    ),
    "file address": (
        "![Secrets](file:///etc/passwd)",
        "image 'file:///etc/passwd' is a file: address; use a path relative to the program folder",
    ),
    "missing image": (
        "![Chart](images/chart.png)",
        "image 'images/chart.png' names no file; check the name, and that paths are relative "
        "to the folder of mkdocs.yml",
    ),
    "link out of the folder": (
        "[passwords](../../etc/passwd)",
        "link '../../etc/passwd' leads outside the program folder; refer only to files inside it",
    ),
    "link to a file address": (
        "[passwords](file:///etc/passwd)",
        "link 'file:///etc/passwd' is a file: address; use a path relative to the program folder",
    ),
    "embedded PNG": (
        "![Dot](data:image/png;base64,iVBORw0KGgo=)",
        "image 'data:image/png;base64,iVBORw0KGgo=' is embedded in the text; save the image "
        "as a file in the program folder and refer to it with a path relative to the folder",
    ),
    "embedded SVG": (
        "![Box](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=)",
        "image 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmc...' "
        "is embedded in the text; save the image as a file in the program folder and refer to "
        "it with a path relative to the folder",
    ),
    "missing file link": (
        "[Handout](handouts/missing.pdf)",
        "link 'handouts/missing.pdf' names no file; check the name, and that paths are "
        "relative to the folder of mkdocs.yml",
    ),
    "link to a module file": (
        "[the module](modules/serve-first.yml)",
        "link 'modules/serve-first.yml' is a YAML file of the program, which the handbook "
        "never publishes; link to a page or a document instead",
    ),
    "link to a hidden file": (
        "[settings](.git/config)",
        "link '.git/config' is hidden (a name starting with '.'); the handbook publishes no "
        "hidden file",
    ),
    "link to a folder": (
        "[the exercises](exercises)",
        "link 'exercises' is not a regular file",
    ),
    "file autolink": (
        "see <file:///etc/passwd>",
        "link 'file:///etc/passwd' is a file: address; use a path relative to the program folder",
    ),
    "null byte": (
        "![x](images/map.png%00.txt)",
        "image 'images/map.png%00.txt' holds a control character (such as %00); remove it "
        "from the path",
    ),
    "backslashes": (
        "![Map](images\\\\map.png)",
        "image 'images\\map.png' names no file; use / in paths (images/map.png)",
    ),
    "script link": (
        "[click](javascript:alert(1))",
        "link 'javascript:alert(1)' uses 'javascript:'; a link is a web address (https://), "
        "mailto: or tel:",
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_references_are_located(write_files: Write, name: str) -> None:
    markdown, message = REFUSED[name]
    root = write_files(_summary(markdown))
    assert _problems(root) == [f"modules/serve-first.yml:4: summary: {message}"]


def test_every_field_of_every_kind_is_checked(write_files: Write) -> None:
    module = MODULE.replace(
        "      discover that leading", "      discover ![x](https://e.com/x.png) that leading", 1
    )
    exercise = EXERCISE.replace(
        '  - "Speaker: talk', '  - "![Secrets](../../../etc/shadow) Speaker: talk', 1
    )
    case = CASE.replace("story: >-\n", "story: >-\n  ![Noise](/dev/urandom)\n", 1)
    config = CONFIG.replace(
        "        days:",
        "        outcomes:\n          - id: first\n"
        "            statement: serve ![logo](https://e.com/l.png) first\n        days:",
    )
    root = write_files(
        {
            "modules/serve-first.yml": module,
            "exercises/listening-pairs.yml": exercise,
            "modules/cases/southwest-airlines.yml": case,
            "mkdocs.yml": config,
        }
    )
    web = (
        "is on the web, and builds never use the network; save the image in the program "
        "folder and refer to it with a path relative to the folder"
    )
    assert _problems(root) == [
        "exercises/listening-pairs.yml:11: instructions[0]: image '../../../etc/shadow' leads "
        "outside the program folder; refer only to files inside it",
        f"mkdocs.yml:21: program.outcomes[0].statement: image 'https://e.com/l.png' {web}",
        "modules/cases/southwest-airlines.yml:9: story: image '/dev/urandom' is an absolute "
        "path; use a path relative to the program folder",
        f"modules/serve-first.yml:19: principles[0].explanation: image 'https://e.com/x.png' {web}",
    ]


def test_a_symbolic_link_out_is_refused(write_files: Write, tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG")
    root = write_files(_summary("![Photo](images/photo.png)"))
    (root / "images").mkdir()
    (root / "images/photo.png").symlink_to(outside)
    assert _problems(root) == [
        "modules/serve-first.yml:4: summary: image 'images/photo.png' is a symbolic link to a "
        "file outside the program folder; copy the file in instead"
    ]


def test_a_device_in_the_folder_is_refused(write_files: Write) -> None:
    root = write_files(_summary("![Pipe](images/pipe.png)"))
    (root / "images").mkdir()
    os.mkfifo(root / "images/pipe.png")
    assert _problems(root) == [
        "modules/serve-first.yml:4: summary: image 'images/pipe.png' is not a regular file"
    ]


ALLOWED = [
    "[Greenleaf Center](https://www.greenleaf.org) and <https://example.com/a?b=1&c=2>",
    "Write to <someone@example.com> or [call](tel:+441234567890), see [below](#sources)",
    "Code: `![chart](https://example.com/chart.png)` is an example, not an image",
    'Raw HTML is text: <img src="https://example.com/x.png">',
    "![Local](images/ok.png) and ![Drawn](<images/a drawing.svg>)",
    "[Handout](docs/handout.pdf), a file in the folder",
]


@pytest.mark.parametrize("markdown", ALLOWED)
def test_citations_and_local_files_are_allowed(write_files: Write, markdown: str) -> None:
    root = write_files(
        {
            **_summary(markdown),
            "images/ok.png": png(),
            "images/a drawing.svg": SVG,
            "docs/handout.pdf": b"%PDF-1.4",
        }
    )
    load_program(root)


def test_the_command_line_reports_a_refusal_without_a_traceback(write_files: Write) -> None:
    root = write_files(_summary("![Noise](/dev/urandom)"))
    result = run_cli("validate", root)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.splitlines() == [
        "modules/serve-first.yml:4: summary: image '/dev/urandom' is an absolute path; use a "
        "path relative to the program folder",
        "1 problem in 1 file.",
    ]


# ---- the fetcher: what validation would never let through ----------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "https://example.com/x.png",
            "refused to fetch https://example.com/x.png: builds never use the network",
        ),
        ("file:///etc/passwd", "refused to read /etc/passwd: it is outside the program folder"),
        (
            "../../../../../../../etc/passwd",
            "refused to read /etc/passwd: it is outside the program folder",
        ),
        ("file:///dev/urandom", "refused to read /dev/urandom: it is outside the program folder"),
    ],
)
def test_the_fetcher_refuses_and_the_build_says_so(basic: Path, source: str, message: str) -> None:
    config = load_program(basic).config
    html = f'<html lang="en"><title>t</title><body><img src="{source}"></body></html>'
    with pytest.raises(BuildError) as caught:
        layout(html, "workbook", config, basic)
    assert str(caught.value) == f"the workbook PDF was not made: {message}"


def test_a_pipe_in_the_folder_is_refused_by_the_fetcher(basic: Path) -> None:
    os.mkfifo(basic / "pipe.png")
    config = load_program(basic).config
    html = '<html lang="en"><title>t</title><body><img src="pipe.png"></body></html>'
    with pytest.raises(BuildError) as caught:
        layout(html, "workbook", config, basic)
    assert str(caught.value) == (
        f"the workbook PDF was not made: refused to read {basic.resolve()}/pipe.png: "
        "not a regular file"
    )


def test_content_that_slipped_past_validation_stops_the_render_cleanly(
    basic: Path, tmp_path: Path
) -> None:
    view = participant_view(load_program(basic))
    module = view.modules[0]
    sneaky = module.model_copy(update={"summary": "![x](https://example.com/x.png)"})
    view = view.model_copy(update={"modules": [sneaky]})
    with pytest.raises(BuildError) as caught:
        render_workbook(view, tmp_path / "workbook.pdf", basic)
    assert str(caught.value) == (
        "the workbook PDF was not made: refused to fetch https://example.com/x.png: "
        "builds never use the network"
    )
    assert not (tmp_path / "workbook.pdf").exists()


@pytest.mark.parametrize(
    ("output", "marker"),
    [("build", None), ("handouts/пакет", ".servefirst-cache.json"), ("out", ".servefirst.lock")],
)
def test_a_reference_into_an_output_folder_is_refused(
    write_files: Write, output: str, marker: str | None
) -> None:
    root = write_files(_summary(f"[the guide](<{output}/pdf/facilitator-guide.pdf>)"))
    (root / output / "pdf").mkdir(parents=True)
    (root / output / "pdf/facilitator-guide.pdf").write_bytes(b"%PDF-1.4\n")
    if marker:
        (root / output / marker).write_text("{}")
    assert _problems(root) == [
        f"modules/serve-first.yml:4: summary: link '{output}/pdf/facilitator-guide.pdf' is in "
        f"{output}, a folder of Serve First's outputs, which each build replaces; refer to a "
        "file among the program's own files instead"
    ]


def test_plain_text_fields_are_printed_not_read_for_links(write_files: Write) -> None:
    """Titles, names and labels are plain text (typed ``Plain``): their brackets print as
    written, so validate reads no link in them and the site copies no file for them."""
    link = "[l](x.txt) [图](图表.png) ![a](https://e.com/a.png)"
    module = MODULE.replace(
        'title: "Serve first: what servant leadership is"', f'title: "服务 {link}"', 1
    )
    case = CASE.replace(
        "organisation: Southwest Airlines\n", f"organisation: '{link} Southwest Airlines'\n", 1
    )
    config = CONFIG.replace("audience: Team leaders", f"audience: 'Команда {link}'").replace(
        "break: Coffee", f"break: 'قهوة {link}'"
    )
    root = write_files(
        {
            "modules/serve-first.yml": module,
            "modules/cases/southwest-airlines.yml": case,
            "mkdocs.yml": config,
            "x.txt": "not for the site",
        }
    )
    program = load_program(root)  # no problem: nothing here is a link
    assert program.modules[0].title == f"服务 {link}"
    from generator.assets_copy import prose_files

    view = participant_view(program)
    assert prose_files(view, root) == {}
    assert prose_files([program.config, program.modules, program.cases], root) == {}
    # The same link in prose is read: a missing file is a located problem.
    root = write_files(_summary("[图](图表.png)"))
    assert _problems(root) == [
        "modules/serve-first.yml:4: summary: link '图表.png' names no file; check the name, "
        "and that paths are relative to the folder of mkdocs.yml"
    ]
