"""``servefirst print-lint``: a clean program passes, findings print one a line."""

from __future__ import annotations

from pathlib import Path

from generator.printlint import pdfs_in

from ..conftest import FIXTURES, copy_fixture, run_cli
from .broken import broken_workbook


def test_a_clean_program_has_no_findings_in_any_document(tmp_path: Path) -> None:
    """Guide, workbook, personalised workbooks and certificates (names in eight scripts)."""
    root = copy_fixture("print-clean", tmp_path)
    out = tmp_path / "out"
    built = run_cli("build", root, "--out", out, "--no-site", "--no-slides")
    assert built.code == 0, built.err
    roster = FIXTURES / "rosters" / "scripts.csv"
    personal = run_cli("personalize", root, "--roster", roster, "--out", out / "personalized")
    assert personal.code == 0, personal.err
    assert (out / "personalized" / "certificates" / "王芳.pdf").is_file()
    result = run_cli("print-lint", out)
    assert (result.code, result.out) == (0, "")
    assert result.err == "0 findings in 24 PDFs.\n"


def test_findings_print_one_a_line_and_exit_1(tmp_path: Path) -> None:
    root = copy_fixture("print-clean", tmp_path)
    pdf = broken_workbook(
        root, ".exercise > h3 { break-after: page !important }", tmp_path / "工作手册 ورشة.pdf"
    )
    result = run_cli("print-lint", pdf)
    assert result.code == 1
    assert result.out == (
        "工作手册 ورشة.pdf p. 5: PL101 heading 'Activity: Summary pairs' at the foot of the "
        "page; its content starts on p. 6\n"
    )
    assert result.err == "1 finding in 1 PDF.\n"
    figures = run_cli("print-lint", "--figures", pdf)
    assert figures.code == 1
    assert figures.out == (
        "| document | pages | PL101 | total |\n"
        "|---|---|---|---|\n"
        "| 工作手册 ورشة.pdf | 10 | 1 | 1 |\n"
        "\n"
        "| document | ruled lines | box | writing cell | tick box |\n"
        "|---|---|---|---|---|\n"
        "| 工作手册 ورشة.pdf | 8.6 x 170.0 | none | none | 5.0 |\n"
    )


def test_a_file_that_is_not_a_pdf_is_named(tmp_path: Path) -> None:
    fake = tmp_path / "Отчёт.pdf"
    fake.write_text("not a PDF", encoding="utf-8")
    result = run_cli("print-lint", fake)
    assert result.code == 1
    assert result.err == (
        f"{fake}: not a PDF that can be read (No /Root object! - Is this really a PDF?); "
        "build it again\n"
    )


def test_a_folder_without_pdfs_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("print-lint", tmp_path)
    assert result.code == 2
    assert "Invalid value for PATHS: no PDF there; give a build folder or PDF files" in result.err


def test_a_build_folder_stands_for_its_print_documents(tmp_path: Path) -> None:
    """The handbook's copy of the workbook and the slide deck's PDF are left out."""
    for name in (
        "pdf/participant-workbook.pdf",
        "pdf/facilitator-guide.pdf",
        "site/downloads/participant-workbook.pdf",
        "slides/serve-first.pdf",
        "personalized/workbooks/王芳.pdf",
        "personalized/certificates/王芳.pdf",
        "pdf/notes.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    single = tmp_path / "pdf" / "facilitator-guide.pdf"
    assert [name for _, name in pdfs_in([tmp_path, single])] == [
        "pdf/facilitator-guide.pdf",
        "pdf/participant-workbook.pdf",
        "personalized/certificates/王芳.pdf",
        "personalized/workbooks/王芳.pdf",
        "facilitator-guide.pdf",
    ]
    workbook, certificate = (
        tmp_path / "personalized" / kind / "王芳.pdf" for kind in ("workbooks", "certificates")
    )
    assert [name for _, name in pdfs_in([workbook, certificate])] == [
        workbook.as_posix(),
        certificate.as_posix(),
    ]


def test_an_untagged_pdf_is_named(tmp_path: Path) -> None:
    from weasyprint import HTML

    pdf = tmp_path / "नोट्स.pdf"
    HTML(string="<p>Hello</p>").write_pdf(pdf)
    result = run_cli("print-lint", pdf)
    assert result.code == 1
    assert result.err == (
        f"{pdf}: not a tagged PDF; the print lint reads the tags of the PDFs servefirst builds\n"
    )
