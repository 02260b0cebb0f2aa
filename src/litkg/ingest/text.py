"""Plain-text documents: decode robustly, keep the text exactly as read, attach sidecar metadata."""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path

from litkg.errors import IngestError, MetadataError
from litkg.ingest.detect import looks_binary, open_binary
from litkg.ingest.metadata import Sidecar, document_stem, read_sidecar
from litkg.models import Document, DocumentMetadata, Section

__all__ = ["DecodedText", "decode_text", "read_text_file", "text_document", "text_sections"]

log = logging.getLogger(__name__)

# Bytes 0x80-0x9F that CP1252 leaves undefined; in Latin-1 they are C1 control characters.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as CP1252 (Latin-1 for the five undefined ones)."""
    chunk = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("latin-1" if b in _CP1252_UNDEFINED else "cp1252")
                   for b in chunk), error.end


codecs.register_error("litkg-cp1252", _cp1252_fallback)


@dataclass(frozen=True)
class DecodedText:
    text: str
    #: "utf-8", "utf-8-sig" (BOM stripped), "utf-16", "cp1252", "latin-1", or "utf-8+cp1252"
    #: (mostly UTF-8 with a few stray CP1252 bytes, e.g. concatenated extractions).
    encoding: str


def decode_text(data: bytes, where: str = "<input>") -> DecodedText:
    """Decode document bytes: UTF-8 (BOM stripped), UTF-16 with BOM, else CP1252 / Latin-1.

    Not-UTF-8 text from Western sources is nearly always CP1252 (smart quotes, en dashes at
    0x91-0x97) or Latin-1; the two agree on 0xA0-0xFF, so CP1252 is tried first and Latin-1
    is the name used when no 0x80-0x9F byte occurs.  Bytes that are undefined in CP1252 and
    also control characters in Latin-1 mean some other encoding: that is an error, not a guess.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, data = "utf-8-sig", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"invalid UTF-16 at byte {exc.start}", where=where,
                              hint="re-save the file as UTF-8") from exc
    else:
        encoding = "utf-8"
    try:
        return DecodedText(data.decode("utf-8"), encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8-sig":  # a BOM promises UTF-8: do not guess further
            raise IngestError(f"the file starts with a UTF-8 BOM but byte {exc.start} is not UTF-8",
                              where=where, hint="re-save the file as UTF-8") from exc
    # Valid multi-byte UTF-8 sequences are very unlikely in CP1252 text; when the file has
    # them, it is UTF-8 with a few stray bytes, and decoding it all as CP1252 would garble
    # every "µ" and "α" in it.
    if _UTF8_MULTIBYTE.search(data):
        return DecodedText(data.decode("utf-8", errors="litkg-cp1252"), "utf-8+cp1252")
    if any(byte in _CP1252_UNDEFINED for byte in data):
        raise IngestError("the text is neither UTF-8 nor CP1252/Latin-1", where=where,
                          hint="convert it to UTF-8, e.g. `iconv -f <encoding> -t UTF-8`")
    if any(0x80 <= byte <= 0x9F for byte in data):
        return DecodedText(data.decode("cp1252"), "cp1252")
    return DecodedText(data.decode("latin-1"), "latin-1")


def read_text_file(path: str | Path, *, max_bytes: int = 10_000_000) -> DecodedText:
    """Read and decode a (possibly gzipped) text file, refusing binary or oversized content."""
    path = Path(path)
    try:
        with open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        raise IngestError(f"cannot read the file: {exc}", where=str(path),
                          hint="check that the file exists and is readable") from exc
    if len(data) > max_bytes:
        raise IngestError(f"the text is larger than the limit of {max_bytes:,} bytes", where=str(path),
                          hint="split the document, or raise max_bytes if it is genuine")
    if not data.strip():
        raise IngestError("the file is empty", where=str(path),
                          hint="remove it or replace it with the document text")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and looks_binary(data[:65536]):
        raise IngestError("the file is binary (NUL bytes or control characters)", where=str(path),
                          hint="ingest plain text (UTF-8), PubMed XML, JATS or PubTator")
    decoded = decode_text(data, str(path))
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        log.debug("%s: decoded as %s", path, decoded.encoding)
    return decoded


# Headings of scientific articles and structured abstracts (IMRaD and common variants).  A
# closed vocabulary, because in plain text any short line could otherwise look like a heading.
_HEADINGS = {
    "abstract", "summary", "background", "introduction", "objective", "objectives", "aim", "aims",
    "purpose", "context", "rationale", "hypothesis", "methods", "method", "methodology",
    "materials and methods", "material and methods", "patients and methods", "subjects and methods",
    "study design", "design", "setting", "design and setting", "participants", "patients",
    "interventions", "intervention", "main outcome measures", "outcome measures", "measurements",
    "statistical analysis", "results", "findings", "discussion", "results and discussion",
    "conclusion", "conclusions", "conclusions and relevance", "interpretation", "significance",
    "case report", "case reports", "case presentation", "case description", "case history",
    "case series", "limitations", "strengths and limitations", "implications", "recommendations",
    "trial registration", "references", "acknowledgements", "acknowledgments", "funding",
    "keywords", "key words", "evidence", "clinical significance", "level of evidence",
}
_NUMBERING = r"(?:(?:\d+(?:\.\d+)*|[IVX]+)[.)]?\s+)?"
_HEADING_LINE = re.compile(r"^[ \t]*" + _NUMBERING + r"(?:ABSTRACT\.)?([A-Za-z][A-Za-z ,&/-]{1,48}?|case \d+)"
                           r"[ \t]*:?[ \t]*\r?$", re.I | re.M)
# "Results: Neither treatment..." - a run-in heading at the start of a paragraph.
_RUN_IN = re.compile(r"(?:^|\n)[ \t]*([A-Za-z][A-Za-z ]{2,40}?):[ \t]+(?=\S)")


def _is_heading(label: str) -> bool:
    key = " ".join(label.lower().replace("&", "and").split())
    return key in _HEADINGS or bool(re.fullmatch(r"case \d+", key))


def text_sections(text: str) -> tuple[Section, ...]:
    """Sections of a plain text from its headings ("Results", "2. Methods", "ABSTRACT.METHODS:",
    run-in "Results: ...").  Each section runs from its heading to the next one.
    """
    starts: list[tuple[int, str]] = []
    for match in _HEADING_LINE.finditer(text):
        if _is_heading(match.group(1)):
            starts.append((match.start() + len(match.group()) - len(match.group().lstrip()),
                           match.group(1).strip()))
    for match in _RUN_IN.finditer(text):
        if _is_heading(match.group(1)):
            starts.append((match.start(1), match.group(1).strip()))
    starts.sort()
    sections = []
    for index, (start, label) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        end = start + len(text[start:end].rstrip())
        if end > start:
            sections.append(Section(label, start, end, kind="section"))
    return tuple(sections)


_TITLE_LINE = re.compile(r"\A\s*([^\n]{10,250})\n[ \t]*\n")


def heading_title(text: str) -> str | None:
    """The first line of a text when it stands alone above a blank line, as a title does
    ("Tolvaptan for severe hyponatremia: a case report\n\nA 67-year-old man ...")."""
    m = _TITLE_LINE.match(text)
    return m.group(1).strip() if m else None


def text_document(path: str | Path, *, max_bytes: int = 10_000_000,
                  sidecar: Sidecar | None = None, use_sidecar: bool = True) -> Document:
    """A :class:`Document` from a plain-text file.

    The id is the sidecar's ``id``, else its PMID/PMCID, else the file stem; the title is the
    sidecar's, else a first line standing alone above a blank line (:func:`heading_title`).
    ``sidecar`` may be passed in when the caller already read it (``iter_documents`` does, to
    report a bad sidecar without losing the document); otherwise it is read here and a bad one
    raises :class:`MetadataError`.
    """
    path = Path(path)
    decoded = read_text_file(path, max_bytes=max_bytes)
    if sidecar is None and use_sidecar:
        sidecar = read_sidecar(path)
    metadata = sidecar.metadata if sidecar else DocumentMetadata()
    if metadata.title is None and (title := heading_title(decoded.text)) is not None:
        metadata = replace(metadata, title=title)
    doc_id = (sidecar.document_id if sidecar else None) or document_stem(path)
    return Document(id=doc_id, text=decoded.text, metadata=metadata,
                    sections=text_sections(decoded.text), source=str(path), format="text")


def safe_sidecar(path: Path) -> tuple[Sidecar | None, MetadataError | None]:
    """Read the sidecar of ``path``, returning the error instead of raising it."""
    try:
        return read_sidecar(path), None
    except MetadataError as exc:
        return None, exc
