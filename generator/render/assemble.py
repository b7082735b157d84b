"""Assemble chunk PDFs (render/chunks.py) into one tagged PDF/UA document with pikepdf.

The first chunk (the front matter) gives the catalogue: language, MarkInfo, XMP metadata,
viewer preferences. Every later chunk adds its pages and, renumbered, what belongs to
them: its structure elements go under the first chunk's top element; its ``/StructParents``
and ``/StructParent`` keys are shifted past the numbers already used, and its parent-tree
entries with them; its named destinations, IDTree, RoleMap and ClassMap entries are merged
and its outline items appended. Last, every ``sf-chunk:<anchor>`` link becomes an internal
link to the named destination ``<anchor>``, as WeasyPrint writes links within one file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pikepdf

from ..errors import BuildError
from .chunks import SCHEME
from .font_widths import Widths
from .page_numbers import apply_stamp


def assemble(
    chunks: list[Path],
    target: Path,
    drop_last: bool = False,
    stamp: tuple[Callable[[], Path], list[str]] | None = None,
    created: datetime | None = None,
) -> None:
    """Write ``target`` from the chunk PDFs in order, without the last page when
    ``drop_last`` (a blank verso that only separated the last chunk from a next one),
    with the page numbers of ``stamp`` (a function giving its PDF, called once the chunks
    are merged, and each page's CSS page name, see render/page_numbers.py), dated
    ``created`` (the front matter's chunk may have been laid out by an earlier build).
    Raises BuildError when a chunk cannot be read or the file cannot be written; never
    leaves a half-written file."""
    try:
        out = pikepdf.open(chunks[0])
    except (OSError, pikepdf.PdfError) as exc:
        raise BuildError(_unreadable(chunks[0], exc)) from exc
    merger = _Merger(out)
    for path in chunks[1:]:
        try:
            source = pikepdf.open(path)
        except (OSError, pikepdf.PdfError) as exc:
            raise BuildError(_unreadable(path, exc)) from exc
        with source:
            merger.add(source)
    if drop_last:
        merger.drop_last_page()
    merger.finish()
    if created is not None:
        _date(out, created)
    if stamp is not None:
        with pikepdf.open(stamp[0]()) as numbers:
            _retag_fonts(numbers, len(chunks))  # its digits are a subset of their own
            apply_stamp(out, numbers, stamp[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        out.save(temporary, deterministic_id=True)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BuildError(f"cannot write {target}: {exc.strerror}") from exc
    finally:
        out.close()


def _date(out: pikepdf.Pdf, moment: datetime) -> None:
    """Creation and modification dates, in the document information dictionary and in
    the XMP metadata (PDF/UA-1 asks for both to agree), set to ``moment`` (UTC)."""
    info = pikepdf.String(moment.strftime("D:%Y%m%d%H%M%SZ"))
    out.docinfo[pikepdf.Name.CreationDate] = info
    out.docinfo[pikepdf.Name.ModDate] = info
    if "/Metadata" not in out.Root:
        return
    iso = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    xmp = _XMP_DATE.sub(
        lambda m: b"<xmp:%s>%s</xmp:%s>" % (m[1], iso, m[1]), out.Root.Metadata.read_bytes()
    )
    out.Root.Metadata.write(xmp)


_XMP_DATE = re.compile(rb"<xmp:(CreateDate|ModifyDate)>[^<]*</xmp:\1>")


def _unreadable(chunk: Path, exc: Exception) -> str:
    return (
        f"cannot read the laid-out chunk {chunk} ({exc}); delete the folder "
        f"{chunk.parent} and build again"
    )


def _numbers(tree: Any) -> dict[int, Any]:
    return {int(k): v for k, v in pikepdf.NumberTree(tree).items()}


def _names(tree: Any) -> dict[str, Any]:
    return {str(k): v for k, v in pikepdf.NameTree(tree).items()}


class _Merger:
    def __init__(self, out: pikepdf.Pdf) -> None:
        self.out = out
        root = out.Root.StructTreeRoot
        self.top = _top_element(root)
        self.parents = _numbers(root.ParentTree) if "/ParentTree" in root else {}
        self.ids = _names(root.IDTree) if "/IDTree" in root else {}
        names = out.Root.get("/Names")
        self.dests = _names(names.Dests) if names is not None and "/Dests" in names else {}
        self.outline: list[Any] = list(_outline_items(out.Root.get("/Outlines")))
        self.chunks = 0
        self.widths = Widths()
        self.widths.harmonise(out)

    def add(self, source: pikepdf.Pdf) -> None:
        self.chunks += 1
        self.widths.harmonise(source)
        _retag_fonts(source, self.chunks)
        shift = max(self.parents, default=-1) + 1
        for page in source.pages:
            obj = page.obj
            if "/StructParents" in obj:
                obj.StructParents = int(obj.StructParents) + shift
            for annot in obj.get("/Annots", []):
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + shift
        self.out.pages.extend(source.pages)

        def copy(value: Any) -> Any:
            return _copy(self.out, value)

        root = source.Root.StructTreeRoot
        for element in _children(_top_element(root)):
            element = copy(element)
            element.P = self.top
            self.top.K.append(element)
        if "/ParentTree" in root:
            for number, value in _numbers(root.ParentTree).items():
                self.parents[number + shift] = copy(value)
        if "/IDTree" in root:
            self.ids.update({k: copy(v) for k, v in _names(root.IDTree).items()})
        for entry in ("/RoleMap", "/ClassMap"):
            if entry in root:
                mine = self.out.Root.StructTreeRoot.get(entry)
                if mine is None:
                    mine = self.out.Root.StructTreeRoot[entry] = pikepdf.Dictionary()
                for name, value in root[entry].items():
                    if name not in mine:
                        mine[name] = copy(value)
        names = source.Root.get("/Names")
        if names is not None and "/Dests" in names:
            for name, dest in _names(names.Dests).items():
                self.dests.setdefault(name, copy(dest))
        self.outline += [copy(item) for item in _outline_items(source.Root.get("/Outlines"))]

    def drop_last_page(self) -> None:
        """Remove the last page (a blank one: no links, no marked content)."""
        page = self.out.pages[-1].obj
        if "/StructParents" in page:
            self.parents.pop(int(page.StructParents), None)
        del self.out.pages[-1]

    def finish(self) -> None:
        out = self.out
        root = out.Root.StructTreeRoot
        root.ParentTree = _number_tree(out, self.parents)
        if self.ids:
            root.IDTree = _name_tree(out, self.ids)
        if self.dests:
            if "/Names" not in out.Root:
                out.Root.Names = pikepdf.Dictionary()
            out.Root.Names.Dests = _name_tree(out, self.dests)
        _relink(out, set(self.dests))
        _chain_outline(out, self.outline)


def _copy(out: pikepdf.Pdf, value: Any) -> Any:
    """``value`` of another PDF made an object of ``out``: indirect objects through
    qpdf's copier (so pages already copied are referred to, not copied again), direct
    arrays and dictionaries item by item."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, pikepdf.Array):
        return pikepdf.Array([_copy(out, item) for item in value])
    if isinstance(value, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(out, item) for key, item in value.items()})
    return value


_SUBSET = re.compile(r"^/?([A-Z]{6})\+")


def _retag_fonts(source: pikepdf.Pdf, chunk: int) -> None:
    """Give the font subsets of chunk number ``chunk`` tags of their own. Each chunk
    embeds its own subset of a font under the tag WeasyPrint derives from the font
    alone; two different subsets under one name make text extraction (and assistive
    technology) read one subset's widths for the other's glyphs."""
    seen: set[tuple[int, int]] = set()

    def rename(name: Any) -> Any:
        match = _SUBSET.match(str(name))
        if match is None:
            return name
        digest = hashlib.sha256(f"{match.group(1)}{chunk}".encode()).digest()
        tag = "".join(chr(65 + byte % 26) for byte in digest[:6])
        return pikepdf.Name(f"/{tag}+" + str(name)[len(match.group(0)) :])

    def visit(font: Any) -> None:
        if not isinstance(font, pikepdf.Dictionary) or font.objgen in seen:
            return
        if font.is_indirect:
            seen.add(font.objgen)
        if "/BaseFont" in font:
            font.BaseFont = rename(font.BaseFont)
        descriptor = font.get("/FontDescriptor")
        if (
            isinstance(descriptor, pikepdf.Dictionary)
            and "/FontName" in descriptor
            and descriptor.objgen not in seen
        ):
            seen.add(descriptor.objgen)
            descriptor.FontName = rename(descriptor.FontName)
        for descendant in font.get("/DescendantFonts", []):
            visit(descendant)

    def resources(holder: Any, depth: int = 0) -> None:
        found = holder.get("/Resources")
        if not isinstance(found, pikepdf.Dictionary) or depth > 4:
            return
        for font in found.get("/Font", {}).values():
            visit(font)
        for xobject in found.get("/XObject", {}).values():
            resources(xobject, depth + 1)

    for page in source.pages:
        resources(page.obj)


def _top_element(root: Any) -> Any:
    """The structure tree's single top element (WeasyPrint's ``Document``)."""
    kids = root.K
    if isinstance(kids, pikepdf.Array):
        kids = kids[0]
    if not isinstance(kids.get("/K"), pikepdf.Array):
        kids.K = pikepdf.Array([kids.K] if "/K" in kids else [])
    return kids


def _children(element: Any) -> list[Any]:
    kids = element.get("/K")
    if kids is None:
        return []
    if isinstance(kids, pikepdf.Array):
        return list(kids)
    return [kids]


def _number_tree(out: pikepdf.Pdf, entries: dict[int, Any]) -> Any:
    nums = pikepdf.Array()
    for number in sorted(entries):
        nums.append(number)
        nums.append(entries[number])
    return out.make_indirect(pikepdf.Dictionary(Nums=nums))


def _name_tree(out: pikepdf.Pdf, entries: dict[str, Any]) -> Any:
    names = pikepdf.Array()
    for name in sorted(entries):
        names.append(pikepdf.String(name))
        names.append(entries[name])
    return out.make_indirect(pikepdf.Dictionary(Names=names))


def _relink(out: pikepdf.Pdf, anchors: set[str]) -> None:
    """Turn ``sf-chunk:`` links into internal links to named destinations."""
    for page in out.pages:
        for annot in page.obj.get("/Annots", []):
            action = annot.get("/A")
            if action is None or action.get("/S") != "/URI":
                continue
            uri = str(action.URI)
            if not uri.startswith(SCHEME):
                continue
            anchor = uri[len(SCHEME) :]
            del annot["/A"]
            if anchor in anchors:
                annot.Dest = pikepdf.String(anchor)
            annot.Contents = pikepdf.String(anchor)


def _outline_items(outlines: Any) -> list[Any]:
    items = []
    item = outlines.get("/First") if outlines is not None else None
    while item is not None:
        items.append(item)
        item = item.get("/Next")
    return items


def _chain_outline(out: pikepdf.Pdf, items: list[Any]) -> None:
    """The top-level outline items in order, under one /Outlines dictionary."""
    if not items:
        return
    outlines = out.Root.get("/Outlines")
    if outlines is None:
        outlines = out.Root.Outlines = out.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.Outlines)
        )
    count = 0
    for index, item in enumerate(items):
        item.Parent = outlines
        if index:
            item.Prev = items[index - 1]
        elif "/Prev" in item:
            del item["/Prev"]
        if index + 1 < len(items):
            item.Next = items[index + 1]
        elif "/Next" in item:
            del item["/Next"]
        count += 1 + max(int(item.get("/Count", 0)), 0)
    outlines.First = items[0]
    outlines.Last = items[-1]
    outlines.Count = count
