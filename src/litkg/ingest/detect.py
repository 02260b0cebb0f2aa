"""Choose a reader by *content*, not by file name.

File names lie (``.txt`` files holding PubTator, ``.xml`` files holding JATS, gzip without
``.gz``), so :func:`detect_format` sniffs the first bytes after transparent gzip decompression.
Unreadable inputs (empty, binary, PDF, zip, unsupported XML) raise :class:`IngestError` naming
the file and what to do.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import BinaryIO

from litkg.errors import IngestError

__all__ = ["FORMATS", "detect_format", "sniff_format", "open_binary", "is_gzip"]

#: Formats returned by :func:`detect_format` (also the values of ``Document.format``).
FORMATS = ("pubmed-xml", "jats", "pubtator", "text")

GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 64 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Signatures of formats that are documents but need converting first.
_FOREIGN = {
    b"%PDF": "a PDF: extract its text first (e.g. `pdftotext -layout file.pdf`) and ingest the .txt",
    b"PK\x03\x04": "a zip archive (or .docx/.xlsx): unpack it or export the text first",
    b"\xd0\xcf\x11\xe0": "an old Office document: export it as plain text first",
    b"{\\rtf": "an RTF document: export it as plain text first",
    b"BZh": "a bzip2 archive: decompress it first (only gzip is read directly)",
    b"\xfd7zXZ": "an xz archive: decompress it first (only gzip is read directly)",
}
_PUBTATOR_LINE = re.compile(rb"^\d+\|[ta]\|")
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_JATS_DOCTYPE = re.compile(rb"<!DOCTYPE\s+article\b|JATS|Journal (?:Archiving|Publishing)|"
                           rb"Article Authoring", re.I)
_PUBMED_ROOTS = {b"MedlineCitationSet", b"PubmedArticleSet", b"PubmedArticle", b"MedlineCitation"}


def is_gzip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def open_binary(path: str | Path) -> BinaryIO:
    """Open ``path`` for reading bytes, decompressing gzip transparently (by magic number)."""
    path = Path(path)
    if is_gzip(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_head(path: str | Path, size: int = _SNIFF_BYTES) -> bytes:
    """The first ``size`` bytes of the (decompressed) content."""
    try:
        with open_binary(path) as handle:
            return handle.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        # gzip.BadGzipFile is an OSError: a truncated or corrupt archive lands here.
        raise IngestError(f"cannot read the file: {exc}", where=str(path),
                          hint="check that the file exists and, if gzipped, is not truncated") from exc


_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)", re.S | re.I)


def _strip_prolog(head: bytes) -> bytes:
    """Drop BOM, XML declaration, comments and DOCTYPE before the root element."""
    head = head.lstrip(b"\xef\xbb\xbf")
    pos = 0
    while match := _PROLOG_ITEM.match(head, pos):
        pos = match.end()
    return head[pos:].lstrip()


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not a text document."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(head) > 0.05


def sniff_format(head: bytes, where: str = "<input>") -> str:
    """Format of content starting with ``head`` (already decompressed); see :data:`FORMATS`."""
    if not head.strip():
        raise IngestError("the file is empty", where=where,
                          hint="remove it or replace it with the document text")
    for magic, what in _FOREIGN.items():
        if head.startswith(magic):
            raise IngestError(f"the file is {what.split(':')[0]}", where=where,
                              hint=what.split(": ", 1)[1])
    if head.startswith(_UTF16_BOMS):
        return "text"  # UTF-16 text has NUL bytes but is decodable: text.py handles it
    if looks_binary(head):
        raise IngestError("the file is binary (NUL bytes or control characters), not text or XML",
                          where=where, hint="ingest plain text (UTF-8), PubMed XML, JATS or PubTator")
    body = _strip_prolog(head)
    root_match = _ROOT_TAG.match(body)
    looks_xml = head.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"<") and (
        root_match is not None or body != head.lstrip(b"\xef\xbb\xbf").lstrip())
    # "<5% of patients ..." is text; "<?xml ...", "<!DOCTYPE ...", "<article ..." are markup.
    if looks_xml:
        root = root_match.group(1).split(b":")[-1] if root_match else b""
        if root in _PUBMED_ROOTS:
            return "pubmed-xml"
        if root == b"article" or (root == b"" and _JATS_DOCTYPE.search(head[:2000])):
            return "jats"
        if root.lower() in (b"html", b"body"):
            raise IngestError("the file is HTML", where=where,
                              hint="save the page as plain text (or JATS XML) and ingest that")
        raise IngestError(f"XML with root element <{root.decode('ascii', 'replace')}> is not a "
                          "supported format", where=where,
                          hint="supported XML: PubMed (MedlineCitationSet / PubmedArticleSet) "
                               "and PMC JATS (<article>)")
    first_line = head.lstrip(b"\xef\xbb\xbf").lstrip(b"\r\n \t").split(b"\n", 1)[0]
    if _PUBTATOR_LINE.match(first_line):
        return "pubtator"
    return "text"


def detect_format(path: str | Path) -> str:
    """Sniff the format of the file at ``path``: one of :data:`FORMATS`.

    Raises :class:`IngestError` for missing, empty, binary or unsupported files.
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError("no such file", where=str(path), hint="check the path")
    return sniff_format(read_head(path), where=str(path))
