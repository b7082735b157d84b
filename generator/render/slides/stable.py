"""Make the deck's files byte-for-byte reproducible when ``SOURCE_DATE_EPOCH`` is set.

python-pptx stamps every zip entry with the time of writing, and LibreOffice writes the
clock into the PDF's dates and its /ID. Both are rewritten from the fixed moment.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path


def fixed_moment() -> datetime | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else None


def stable_zip(path: Path) -> None:
    """Rewrite a .pptx with every entry dated at the fixed moment, in the same order."""
    moment = fixed_moment()
    if moment is None:
        return
    stamp = (
        max(moment.year, 1980),
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
    )
    temporary = path.with_name(f".{path.name}.stable")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    temporary.replace(path)


def stable_pdf(path: Path) -> None:
    """Set the PDF's dates to the fixed moment and its /ID to a hash of its pages."""
    moment = fixed_moment()
    if moment is None:
        return
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    reader = PdfReader(path)
    writer = PdfWriter(clone_from=reader)
    stamp = moment.strftime("D:%Y%m%d%H%M%SZ")
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp})
    contents = [page.get_contents() for page in reader.pages]
    pages = b"".join(c.get_data() for c in contents if c is not None)
    digest = hashlib.md5(pages, usedforsecurity=False).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])
    writer.xmp_metadata = None  # LibreOffice's XMP repeats the clock
    temporary = path.with_name(f".{path.name}.stable")
    with temporary.open("wb") as handle:
        writer.write(handle)
    temporary.replace(path)
