"""Layout in chunks: the assembled workbook and guide are the single-pass files, page for
page, with the same outline, links and tags; an edited module is the only chunk laid
out again. Read back with pypdf and pikepdf."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from generator.loader import load_program
from generator.model import Program
from generator.model.participant import participant_view
from generator.pipeline import WORKBOOK
from generator.render import chunked, chunks_ahead, pdf
from generator.render.chunks import Chunking, chunk_names, lay_out_document
from generator.worker import Worker

from ..conftest import REPO, copy_fixture, run_cli
from . import test_revisits as revisits

AGAIN = revisits.AGAIN.replace(
    'title: "Southwest again: правила"', 'title: "Southwest again: правила, 规则, नियम 🙂"'
)


def two_modules(base: Path) -> Path:
    """The basic fixture with a second module that revisits the first one's case, so a
    page reference crosses from one chunk into another."""
    root = copy_fixture("basic", base)
    (root / "modules" / "again.yml").write_text(AGAIN, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("- serve-first", "- serve-first\n              - again"))
    return root


@pytest.fixture
def chunking(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "chunk-cache"
    monkeypatch.setenv("SERVEFIRST_CHUNKS", str(folder))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    yield folder


def both(program: Program, folder: Path, chunks: bool) -> tuple[Path, Path]:
    """The workbook and the guide, chunked or in one pass, written into ``folder``."""
    old = pdf.CHUNKED
    pdf.CHUNKED = chunks
    try:
        view = participant_view(program)
        book = pdf.render_workbook(view, folder / "workbook.pdf", program.root)
        guide = pdf.render_facilitator(program, book.anchors, folder / "guide.pdf")
    finally:
        pdf.CHUNKED = old
    return book.path, guide.path


def texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 0-based page) of every outline item."""
    items: list[tuple[int, str, int]] = []
    with pikepdf.open(path) as document, document.open_outline() as tree:

        def walk(children: list[pikepdf.OutlineItem], depth: int) -> None:
            for item in children:
                destination = item.destination
                assert isinstance(destination, pikepdf.Array)
                page = pikepdf.Page(destination[0]).index
                items.append((depth, item.title, page))
                walk(item.children, depth + 1)

        walk(tree.root, 0)
    return items


def links(path: Path) -> list[tuple[int, str, int]]:
    """(page, anchor, target page) of every internal link, all 0-based."""
    found = []
    with pikepdf.open(path) as document:
        dests = dict(pikepdf.NameTree(document.Root.Names.Dests).items())
        for number, page in enumerate(document.pages):
            for annot in page.obj.get("/Annots", []):
                assert "/A" not in annot, f"a link left external: {annot.A}"
                target = dests[str(annot.Dest)]
                found.append((number, str(annot.Dest), pikepdf.Page(target[0]).index))
    return found


def tag_problems(path: Path) -> tuple[int, list[str]]:
    """(marked-content sequences, what is wrong): every MCID on every page must be owned
    through the ParentTree by a structure element whose /Pg is that page and whose /K
    holds the MCID; every annotation's StructParent must be in the ParentTree; every
    element's /P must be its parent."""
    problems: list[str] = []
    count = 0
    with pikepdf.open(path) as document:
        root = document.Root.StructTreeRoot
        tree = {int(k): v for k, v in pikepdf.NumberTree(root.ParentTree).items()}
        index = {page.obj.objgen: n for n, page in enumerate(document.pages)}
        for number, page in enumerate(document.pages):
            owners = tree.get(int(page.obj.StructParents))
            if owners is None:
                problems.append(f"page {number + 1}: no ParentTree entry")
                continue
            for mcid, element in enumerate(owners):
                count += 1
                kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
                if index.get(element.Pg.objgen) != number or mcid not in [
                    int(k) for k in kids if not isinstance(k, pikepdf.Dictionary)
                ]:
                    problems.append(f"page {number + 1}: MCID {mcid} owned elsewhere")
            for annot in page.obj.get("/Annots", []):
                if int(annot.StructParent) not in tree:
                    problems.append(f"page {number + 1}: a link outside the ParentTree")

        def walk(element: Any) -> None:
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.P.objgen != element.objgen:
                        problems.append(f"{kid.S} has the wrong parent")
                    walk(kid)

        walk(root.K[0] if isinstance(root.K, pikepdf.Array) else root.K)
        assert str(document.Root.Lang) and "/Metadata" in document.Root
        assert bool(document.Root.MarkInfo.Marked)
    return count, problems


def page_number_artifacts(path: Path) -> int:
    """Pages whose content ends with a stamped page number marked as a pagination artifact."""
    found = 0
    with pikepdf.open(path) as document:
        for page in document.pages:
            operators = [str(i.operator) for i in pikepdf.parse_content_stream(page)]
            tail = operators[-5:]
            found += tail == ["BDC", "q", "Do", "Q", "EMC"]
    return found


def test_chunked_documents_match_the_single_pass_files(tmp_path: Path, chunking: Path) -> None:
    program = load_program(two_modules(tmp_path), slide_checks=False)
    single = both(program, tmp_path / "single", chunks=False)
    chunks = both(program, tmp_path / "chunked", chunks=True)
    for one, other in zip(single, chunks, strict=True):
        assert texts(other) == texts(one)
        assert outline(other) == outline(one)
        assert links(other) == links(one)
        marked, problems = tag_problems(other)
        assert problems == []
        # Page numbers: marked content in the one-pass file, a pagination artifact in the
        # chunked one (every page but the cover has one).
        assert marked == tag_problems(one)[0] - (len(texts(one)) - 1) > 0
        assert page_number_artifacts(other) == len(texts(one)) - 1
    assert chunked.LAST["workbook"].laid_out == [
        "front",
        "module-serve-first",
        "module-again",
        "back",
    ]


def test_page_numbers_and_references_cross_chunks(tmp_path: Path, chunking: Path) -> None:
    program = load_program(two_modules(tmp_path), slide_checks=False)
    book, guide = both(program, tmp_path, chunks=True)
    pages = texts(book)
    start = next(n for n, text in enumerate(pages) if text.startswith("MODULE 2"))
    assert pages[start].endswith(f"🙂 {start + 1}")  # the footer carries on from module 1
    contents = " ".join(next(t for t in pages if t.startswith("Contents")).replace(".", "").split())
    assert f"Southwest again: правила, 规则, नियम 🙂 {start + 1}" in contents
    case = "Case: Employees first at Southwest Airlines"
    told = next(n for n, text in enumerate(pages) if case in text)
    assert f"The story is on page {told + 1}." in pages[start]
    sheets = texts(guide)
    story = next(n for n, text in enumerate(sheets) if case in text)
    assert any(f"Story: see guide p. {story + 1}" in text for text in sheets[story + 1 :])


def test_editing_one_module_lays_out_only_that_chunk(
    tmp_path: Path, chunking: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chunked, "KEEP_SECONDS", 0)  # no other build may be using them
    root = two_modules(tmp_path)
    both(load_program(root, slide_checks=False), tmp_path / "first", chunks=True)
    module = root / "modules" / "again.yml"
    module.write_text(AGAIN.replace("a different question", "a sharper question"), "utf-8")
    book, _guide = both(load_program(root, slide_checks=False), tmp_path / "again", chunks=True)
    for kind in ("workbook", "facilitator"):
        assert chunked.LAST[kind].laid_out == ["module-again"]
        assert chunked.LAST[kind].reused == ["front", "module-serve-first", "back"]
    assert any("a sharper question" in text for text in texts(book))
    kept = {p.name for p in chunking.rglob("*.pdf") if not p.name.startswith("stamp-")}
    assert len(kept) == 8  # four chunks per document: the old module-again chunks are gone


def test_chunks_laid_out_two_at_a_time_make_the_same_file(tmp_path: Path, chunking: Path) -> None:
    root = two_modules(tmp_path)
    program = load_program(root, slide_checks=False)
    book, guide = both(program, tmp_path / "ordered", chunks=True)
    for chunk in chunking.rglob("*.pdf"):  # as after an upgrade: numbers known, no chunks
        chunk.unlink()
    again = both(program, tmp_path / "parallel", chunks=True)
    assert chunked.LAST["workbook"].reused == []
    assert set(chunked.LAST["workbook"].laid_out) == {
        "front",
        "module-serve-first",
        "module-again",
        "back",
    }
    assert again[0].read_bytes() == book.read_bytes()
    assert again[1].read_bytes() == guide.read_bytes()


def test_a_later_build_reuses_modules_whatever_the_time(
    tmp_path: Path, chunking: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # the time of the build is in every chunk's HTML
    program = load_program(two_modules(tmp_path), slide_checks=False)
    view = participant_view(program)
    pdf.render_workbook(view, tmp_path / "one.pdf", program.root)
    monkeypatch.setattr(pdf, "_moment", lambda: datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC))
    pdf.render_workbook(view, tmp_path / "two.pdf", program.root)
    assert chunked.LAST["workbook"].laid_out == ["front"]  # the cover prints the date
    assert chunked.LAST["workbook"].reused == ["module-serve-first", "module-again", "back"]
    assert "3 February 2031" in texts(tmp_path / "two.pdf")[0]
    # Later the same day: nothing printed changed, so nothing is laid out; the file is
    # dated with the new build's time all the same (PDF/UA: information and XMP agree).
    monkeypatch.setattr(pdf, "_moment", lambda: datetime(2031, 2, 3, 17, 0, 9, tzinfo=UTC))
    pdf.render_workbook(view, tmp_path / "three.pdf", program.root)
    assert chunked.LAST["workbook"].laid_out == []
    with pikepdf.open(tmp_path / "three.pdf") as three:
        assert str(three.docinfo["/CreationDate"]) == "D:20310203170009Z"
        assert str(three.docinfo["/ModDate"]) == "D:20310203170009Z"
        with three.open_metadata() as xmp:
            assert xmp["xmp:CreateDate"] == xmp["xmp:ModifyDate"] == "2031-02-03T17:00:09Z"


def test_a_module_that_grows_moves_the_chunks_after_it_without_laying_them_out(
    tmp_path: Path, chunking: Path
) -> None:
    # Page numbers are stamped on the assembled file, so a chunk's layout does not depend
    # on where it starts: pages added to the guide's first module (facilitator-only
    # lines) move the chunks after it, numbered anew.
    root = two_modules(tmp_path)
    first = both(load_program(root, slide_checks=False), tmp_path / "first", chunks=True)[1]
    module = root / "modules" / "serve-first.yml"
    point = "say: [Ask each person for one word that sums up the module for them."
    more = "".join(
        f'"Extra point {n}: ask the room, wait ten seconds, then name what you heard. '
        'Задайте вопрос; 先听后说; पहले सुनें 🙂", '
        for n in range(60)
    )
    text = module.read_text(encoding="utf-8")
    assert point in text  # the closing segment, after the case module 2 refers back to
    module.write_text(text.replace(point, f"{point}, {more[:-2]}"), "utf-8")
    guide = both(load_program(root, slide_checks=False), tmp_path / "again", chunks=True)[1]
    assert chunked.LAST["workbook"].laid_out == []  # nothing a participant sees changed
    # Module 2 refers back to the case's page in module 1, which moved; the back matter
    # (evaluation, sources) does not refer to a page: it moves, reused as it was.
    assert chunked.LAST["facilitator"].reused == ["back"]
    assert chunked.LAST["facilitator"].laid_out == ["module-serve-first", "module-again", "front"]
    before, after = texts(first), texts(guide)
    assert len(after) > len(before)
    appendix = "Appendix: end-of-day evaluation"
    start = next(n for n, text in enumerate(after) if text.startswith(appendix))
    assert start - next(n for n, text in enumerate(before) if text.startswith(appendix)) == len(
        after
    ) - len(before)
    for number in range(start, len(after)):  # every page after the growth numbered anew
        assert after[number].endswith(str(number + 1)), (number, after[number][-60:])
    contents = " ".join(next(t for t in after if t.startswith("Contents")).replace(".", "").split())
    assert f"Appendix: end-of-day evaluation {start + 1}" in contents
    marked, problems = tag_problems(guide)
    assert problems == [] and marked > 0
    assert outline(guide)[-1][2] == outline(first)[-1][2] + len(after) - len(before)


def test_jobs_1_starts_no_second_process(
    tmp_path: Path, chunking: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import pipeline
    from generator.render import chunks

    class NoSecondProcess:
        def __init__(self) -> None:
            raise AssertionError("--jobs 1 started a second process")

    monkeypatch.setattr(chunks, "Worker", NoSecondProcess)
    monkeypatch.setattr(pipeline, "Worker", NoSecondProcess)
    root = two_modules(tmp_path)
    for out in ("one", "two"):  # the second build knows the last layout: work to share
        (root / "modules" / "again.yml").write_text(AGAIN.replace("правила", out), "utf-8")
        pipeline.build(root, tmp_path / out, site=False, slides=False, jobs=1)
    assert chunked.LAST["workbook"].laid_out
    assert "two" in " ".join(texts(tmp_path / "two" / "pdf" / pipeline.WORKBOOK))


def test_a_damaged_chunk_is_laid_out_again(tmp_path: Path, chunking: Path) -> None:
    program = load_program(two_modules(tmp_path), slide_checks=False)
    book = both(program, tmp_path / "first", chunks=True)[0]
    # A module's chunk: the front matter has two (the first layout, with unknown page
    # numbers, gives only its length and is not used again).
    meta = next(
        p
        for p in chunking.rglob("workbook/*.json")
        if p.name != "anchors.json"
        and "module-again" in json.loads(p.read_text(encoding="utf-8")).get("anchors", {})
    )
    chunk = meta.with_suffix(".pdf")
    chunk.write_bytes(chunk.read_bytes()[:1000])  # a full disk, a hand edit
    again = both(program, tmp_path / "again", chunks=True)[0]
    assert len(chunked.LAST["workbook"].laid_out) == 1
    assert texts(again) == texts(book)


def test_an_unusable_chunk_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture("basic", tmp_path)
    blocker = tmp_path / "файл 文件"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("SERVEFIRST_CHUNKS", str(blocker / "chunks"))
    result = run_cli("build", root, "--out", tmp_path / "out", "--no-site", "--no-slides")
    assert result.code == 1
    assert result.err == (
        f"{blocker / 'chunks'}: cannot keep laid-out chunks there (Not a directory); set "
        "SERVEFIRST_CHUNKS (or SERVEFIRST_CACHE) to a folder you may write to\n"
    )
    assert not (tmp_path / "out" / "pdf").exists()


def test_two_builds_of_one_program_at_once_share_the_chunks(tmp_path: Path, chunking: Path) -> None:
    root = tmp_path / "программа"
    for part in ("modules", "exercises", "docs", "checks"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    builds = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "build",
                root,
                "--out",
                tmp_path / out,
                "--no-site",
                "--no-slides",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out in ("一", "二")
    ]
    for build in builds:
        _out, err = build.communicate(timeout=600)
        assert build.returncode == 0, err
    assert texts(tmp_path / "一" / "pdf" / WORKBOOK) == texts(tmp_path / "二" / "pdf" / WORKBOOK)


def test_a_first_build_lays_out_revisiting_modules_in_a_second_wave(
    tmp_path: Path, chunking: Path
) -> None:
    program = load_program(two_modules(tmp_path), slide_checks=False)
    view = participant_view(program)
    cache = chunked._cache("workbook", program.root)

    def html(name: str, spare: bool) -> str:
        return pdf.workbook_html(view, {name[7:]: 2} if spare else None, chunk=name)

    doc = Chunking("workbook", program.config, program.root, cache, html, True)
    names = chunk_names([m.id for m in view.modules])
    first = chunks_ahead.ready(names, doc, {})
    # "again" revisits the first module's case, and the back matter lists every
    # exercise: their pages are not known yet.
    assert [job[2] for job in first] == ["front", "module-serve-first"]
    scratch = cache.folder / "chunk.pdf"
    for key, page, name in first:
        cache.put(key, scratch, doc.lay_out(page, name, scratch))
    second = chunks_ahead.ready(names, doc, {})
    assert [job[2] for job in second] == ["module-again", "back"]
    for key, page, name in second:
        assert 'data-page="?"' not in page
        cache.put(key, scratch, doc.lay_out(page, name, scratch))
    assert not chunks_ahead.ready(names, doc, {})
    # The ordered pass finds every module in the cache: only the front matter, now
    # with its real page numbers, is laid out again.
    laid = lay_out_document(names, doc, parallel=False)
    assert cache.laid_out == ["front"]
    assert [c.name for c in laid] == names


def test_a_stamp_laid_out_by_the_second_process_numbers_the_same_pages(
    tmp_path: Path, chunking: Path
) -> None:
    program = load_program(two_modules(tmp_path), slide_checks=False)
    view = participant_view(program)
    chunked.chunked_workbook(view, tmp_path / "here.pdf", program.root, parallel=False)
    (stamp,) = chunking.rglob("stamp-*.pdf")
    stamp.unlink()
    worker = Worker()
    try:
        chunked.chunked_workbook(view, tmp_path / "there.pdf", program.root, worker)
        assert worker.sent == 1 and worker.pending == 0  # the stamp, and nothing else
    finally:
        worker.close()
    assert (tmp_path / "there.pdf").read_bytes() == (tmp_path / "here.pdf").read_bytes()
    assert stamp.is_file()
    assert not [p.name for p in stamp.parent.iterdir() if p.name.startswith(".")]
