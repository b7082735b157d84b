"""The command line's edge: paths that cannot be used, flags that contradict each other,
and what `init` and `new` make, each refused or reported in a sentence (never a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cache import user_cache_dir
from generator.file_names import file_stem
from generator.plugin import ServeFirstPlugin
from generator.render.slides.deck import slug

from ..conftest import REPO, run_cli


def usage(command: str, args: str, error: str) -> str:
    """Click's usage error, as `python -m generator` prints it (the installed command
    prints `servefirst` for `python -m generator`)."""
    return (
        f"Usage: python -m generator {command} [OPTIONS] {args}\n"
        f"Try 'python -m generator {command} -h' for help.\n\nError: {error}\n"
    )


def test_output_folders_that_cannot_be_made_are_named_with_the_reason(
    basic: Path, tmp_path: Path
) -> None:
    a_file = tmp_path / "заметки.txt"
    a_file.write_text("notes", encoding="utf-8")
    cases: list[tuple[tuple[str | Path, ...], int, str]] = [
        (
            ("build", basic, "--out", "/dev/null", "--no-pdf"),
            2,
            usage(
                "build",
                "[PATH]",
                "Invalid value for '--out': /dev/null is not a folder; "
                "choose a folder to write into",
            ),
        ),
        (
            ("build", basic, "--out", a_file / "sub", "--no-pdf"),
            2,
            usage(
                "build",
                "[PATH]",
                f"Invalid value for '--out': {a_file} is not a folder, so {a_file / 'sub'} "
                "cannot be made; choose a folder to write into",
            ),
        ),
        (
            ("build", basic, "--out", "/proc/x", "--no-pdf"),
            1,
            "/proc/x: No such file or directory; check the path and that you may read and "
            "write there\n",
        ),
        (
            ("schema", "/proc"),
            1,
            "/proc/schema: No such file or directory; check the path and that you may read "
            "and write there\n",
        ),
        (
            ("init", "/proc/x"),
            1,
            "/proc/x: No such file or directory; check the path and that you may read and "
            "write there\n",
        ),
    ]
    for args, code, message in cases:
        result = run_cli(*args, cwd=tmp_path)
        assert (result.code, result.err) == (code, message), args


def test_a_folder_without_mkdocs_yml_is_refused_with_a_hint(basic: Path) -> None:
    modules = basic / "modules"
    result = run_cli("validate", cwd=modules)
    assert result.code == 2
    assert result.err == usage(
        "validate",
        "[PATH]",
        f"Invalid value for '[PATH]': no mkdocs.yml in {modules}; run from the program "
        "folder or give its path",
    )
    result = run_cli("build", "/dev/null")
    assert result.err == usage(
        "build",
        "[PATH]",
        "Invalid value for '[PATH]': /dev/null is not a folder; give the program folder "
        "(the one with mkdocs.yml)",
    )


def test_new_finds_the_program_folder_upwards_like_git(basic: Path) -> None:
    result = run_cli("new", "module", "слушать", cwd=basic / "modules")
    assert result.code == 1  # not an id: checked after the program folder is found
    result = run_cli("new", "module", "listen-more", cwd=basic / "modules")
    assert result.code == 0, result.err
    assert (basic / "modules/listen-more.yml").is_file()
    assert not (basic / "modules/modules").exists()
    assert run_cli("validate", basic).code == 0


def test_new_outside_a_program_is_refused_with_a_hint(tmp_path: Path) -> None:
    folder = tmp_path / "不是程序"
    folder.mkdir()
    result = run_cli("new", "exercise", "my-exercise", cwd=folder)
    assert result.code == 1
    assert result.err == (
        f"no mkdocs.yml in {folder} or any folder above it; run from the program folder "
        "or give its path with --path (start one with 'servefirst init FOLDER')\n"
    )
    assert list(folder.iterdir()) == []


def test_windows_device_names_are_refused_as_ids(basic: Path) -> None:
    result = run_cli("new", "module", "con", "--path", basic)
    assert (result.code, result.err) == (
        1,
        "'con' is a name Windows keeps for a device and cannot use for a file; "
        "choose another id, such as 'con-module'\n",
    )
    source = (basic / "modules/serve-first.yml").read_text(encoding="utf-8")
    (basic / "modules/serve-first.yml").unlink()
    (basic / "modules/lpt1.yml").write_text(
        source.replace("id: serve-first", "id: lpt1"), encoding="utf-8"
    )
    result = run_cli("validate", basic)
    assert result.code == 1
    line = next(
        n for n, text in enumerate(source.splitlines(), 1) if text.startswith("id: serve-first")
    )
    assert (
        f"modules/lpt1.yml:{line}: id: 'lpt1' is a name Windows keeps for a device and "
        "cannot use for a file; choose another id, such as 'lpt1-module'"
    ) in result.err


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Serve First", "serve-first"),
        ("CON", "con-name"),
        ("服务第一 培训", "服务第一-培训"),
        ("Лидерство: день 1", "лидерство-день-1"),
        ("Zoë's Café", "zoes-cafe"),
    ],
)
def test_the_deck_is_named_as_portably_as_a_participant_file(title: str, name: str) -> None:
    assert slug(title) == name == file_stem(title)


def test_contradictory_or_empty_flag_sets_are_usage_errors(basic: Path) -> None:
    cases = [
        (
            ("--no-pdf", "--no-site"),
            "nothing to build: --no-pdf and --no-site leave no output; drop one",
        ),
        (
            ("--slides", "--no-pdf"),
            "--slides needs the PDFs (the deck quotes workbook pages); drop --no-pdf or --slides",
        ),
        (("--jobs", "0"), "Invalid value for '--jobs': 0 is not in the range x>=1."),
        (("--jobs", "-1"), "Invalid value for '--jobs': -1 is not in the range x>=1."),
    ]
    for flags, error in cases:
        result = run_cli("build", basic, "--out", basic / "out", *flags)
        assert (result.code, result.err) == (2, usage("build", "[PATH]", error)), flags
    assert not (basic / "out").exists()


def test_init_takes_the_title_from_the_folder_and_keeps_build_out_of_git(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "Nurses: 培训 #1"
    result = run_cli("init", folder)
    assert result.code == 0, result.err
    assert (folder / ".gitignore").read_text(encoding="utf-8") == (
        "# Built outputs: the facilitator guide holds notes participants should not see.\nbuild/\n"
    )
    assert 'site_name: "Nurses: 培训 #1"' in (folder / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_cli("validate", folder)
    assert result.code == 0, result.err
    assert result.out.startswith("OK: Nurses: 培训 #1: ")


def test_serve_keeps_its_fonts_in_the_user_cache() -> None:
    plugin = ServeFirstPlugin()
    plugin.on_startup(command="serve", dirty=False)
    plugin.root = REPO
    assert plugin._cache_dir(None) == user_cache_dir()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "detail"),
    [("en", "1 hour of teaching in 1 module"), ("es", "1 hora de formación en 1 módulo")],
)
def test_one_person_one_module_is_worded_in_the_singular(
    basic: Path, tmp_path: Path, language: str, detail: str
) -> None:
    config = basic / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        title: Basic fixture\n",
            f"        title: Basic fixture\n        language: {language}\n",
        ),
        encoding="utf-8",
    )
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nОльга Петрова\n", encoding="utf-8")
    out = tmp_path / "personal"
    result = run_cli("personalize", basic, "--roster", roster, "--out", out)
    assert result.code == 0, result.err
    assert result.out == f"Wrote 1 workbook and 1 certificate to {out}\n"
    assert result.err == ""
    (certificate,) = (out / "certificates").glob("*.pdf")
    text = " ".join(PdfReader(certificate).pages[0].extract_text().split())
    assert detail in text


def test_a_roster_that_is_a_device_is_refused_at_the_command_line(basic: Path) -> None:
    result = run_cli("personalize", basic, "--roster", "/dev/zero", "--out", basic / "out")
    assert (result.code, result.err) == (
        2,
        usage(
            "personalize",
            "[PATH]",
            "Invalid value for '--roster': /dev/zero is not a regular file; give a saved CSV file",
        ),
    )
