"""PubTator files (BioCreative CDR, NCBI disease, BioRED, PubTator Central exports).

A record is a title line, an abstract line, then annotation lines; records are separated by
blank lines (a new title line also starts a new record, so a missing blank line is tolerated)::

    227508|t|Naloxone reverses the antihypertensive effect of clonidine.
    227508|a|In unanesthetized, spontaneously hypertensive rats ...
    227508<TAB>0<TAB>8<TAB>Naloxone<TAB>Chemical<TAB>D009270
    227508<TAB>CID<TAB>D008750<TAB>D007022

Offsets index ``title + " " + abstract`` (:attr:`PubTatorRecord.text`).

Quirks handled (all seen in the public corpora):

- **mention ids** (6th column): CDR writes ``-1`` for "no id" -> ``ids == ()``; composite
  mentions list several ids separated by ``|`` (CDR, NCBI ``CompositeMention``), ``,``
  (BioRED) or ``+`` (NCBI ``DiseaseClass`` conjunctions): they are split into ``ids``.
  A ``|`` is only a separator when every part looks like an id, because BioRED variant ids
  are themselves ``|``-structured (``c|SUB|C|1858|T``) and must stay whole.  The column as
  written is kept in :attr:`PubTatorMention.raw_id`.
- **extra mention columns**: CDR composite mentions carry a 7th column with the individual
  mention texts (``cardiovascular depression|respiratory depression``) -> ``extra``.
- **mention lines without an id column** (5 columns, PubTator Central) -> ``ids == ()``.
- **relations**: CDR ``PMID CID chemical disease`` (4 columns); BioRED
  ``PMID type id1 id2 Novel|No`` (5 columns): columns after the two arguments -> ``extra``.
- a leading blank line (NCBI), Windows line ends, a UTF-8 BOM, gzip.

:func:`read_pubtator` raises :class:`~litkg.errors.IngestError` with ``file:line`` on the
first malformed line (evaluation must not silently score a half-read corpus);
:func:`pubtator_documents` reports bad records and goes on (for ``iter_documents``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from litkg.errors import IngestError
from litkg.ingest.detect import open_binary
from litkg.models import Document, DocumentMetadata, Section

__all__ = ["PubTatorMention", "PubTatorRelation", "PubTatorRecord", "read_pubtator",
           "pubtator_documents", "split_ids"]

_TEXT_LINE = re.compile(r"^(\d+)\|([ta])\|(.*)$")
# What one concept id looks like: MeSH D009270 / C012345, OMIM:217000, NCBI Gene 3175,
# rs74805019, CHEBI:1234, CVCL_0030 - a short prefix and a number.
_ID_LIKE = re.compile(r"^(?:[A-Za-z][\w.-]*:)?[A-Za-z_]{0,6}\d[\w.-]*$")
_NO_ID = {"", "-1", "-", "None", "none", "NULL"}


@dataclass(frozen=True)
class PubTatorMention:
    """An annotated span: ``record.text[start:end] == text`` (checked when reading)."""

    start: int
    end: int
    text: str
    type: str  # as written: "Chemical", "Disease", "GeneOrGeneProduct", "SpecificDisease" ...
    ids: tuple[str, ...] = ()  # concept ids, composite ids split; () when the corpus has none
    raw_id: str = ""  # the id column exactly as written
    extra: tuple[str, ...] = ()  # columns after the id (CDR: individual texts of a composite)


@dataclass(frozen=True)
class PubTatorRelation:
    """A document-level relation line: ``type`` between concept ids ``arg1`` and ``arg2``."""

    type: str  # "CID" (CDR), "Positive_Correlation", "Association", ... (BioRED)
    arg1: str
    arg2: str
    extra: tuple[str, ...] = ()  # BioRED: ("Novel",) or ("No",)

    @property
    def novel(self) -> bool | None:
        """BioRED novelty flag; ``None`` when the corpus has none."""
        if not self.extra:
            return None
        return self.extra[0].strip().lower() == "novel"


@dataclass(frozen=True)
class PubTatorRecord:
    pmid: str
    title: str
    abstract: str
    mentions: tuple[PubTatorMention, ...] = ()
    relations: tuple[PubTatorRelation, ...] = ()
    line: int = 0  # line of the title in the file, for error messages
    text: str = field(init=False)

    def __post_init__(self) -> None:
        # Offsets in PubTator index title + one space + abstract.
        object.__setattr__(self, "text", f"{self.title} {self.abstract}" if self.abstract
                           else self.title)


def split_ids(raw: str) -> tuple[str, ...]:
    """Concept ids of a mention's id column; see the module docstring for the quirks."""
    raw = raw.strip()
    if raw in _NO_ID:
        return ()
    parts = [p.strip() for p in raw.split(",")]
    out: list[str] = []
    for part in parts:
        for separator in ("|", "+"):
            pieces = [p.strip() for p in part.split(separator)]
            if len(pieces) > 1 and all(_ID_LIKE.match(p) or p in _NO_ID for p in pieces):
                part_ids = [p for p in pieces if p not in _NO_ID]
                break
        else:
            part_ids = [part] if part not in _NO_ID else []
        out.extend(part_ids)
    return tuple(dict.fromkeys(out))  # unique, order kept


class _RecordBuilder:
    def __init__(self, pmid: str, line: int):
        self.pmid = pmid
        self.line = line
        self.title: str | None = None
        self.abstract: str | None = None
        self.mentions: list[PubTatorMention] = []
        self.relations: list[PubTatorRelation] = []

    def build(self, where: str) -> PubTatorRecord:
        if self.title is None:
            raise IngestError(f"record {self.pmid} has no title line ({self.pmid}|t|...)",
                              where=f"{where}:{self.line}", hint="add the title line")
        record = PubTatorRecord(self.pmid, self.title, self.abstract or "", line=self.line)
        # Offsets are checked against the assembled text, so a wrong offset base is caught.
        mentions = []
        for mention in self.mentions:
            span = record.text[mention.start:mention.end]
            if span != mention.text:
                if span != mention.text.strip():
                    raise IngestError(
                        f"mention {mention.text!r} at {mention.start}-{mention.end} does not match "
                        f"the text there ({span!r})", where=f"{where}:{self.line}",
                        hint="check the offsets of this record")
                # NCBI disease: a few mention texts carry stray spaces; the span is right.
                mention = replace(mention, text=span)
            mentions.append(mention)
        self.mentions = mentions
        return PubTatorRecord(self.pmid, self.title, self.abstract or "", tuple(self.mentions),
                              tuple(self.relations), self.line)


def _parse(path: Path) -> Iterator[PubTatorRecord | IngestError]:
    """Records, or an IngestError for each bad record (the rest of that record is skipped)."""
    where = str(path)
    current: _RecordBuilder | None = None
    broken = False  # skip the remaining lines of a record after an error

    def finish() -> Iterator[PubTatorRecord | IngestError]:
        if current is not None and not broken:
            try:
                yield current.build(where)
            except IngestError as exc:
                yield exc

    try:
        stream = io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", newline=None)
        with stream:
            for number, raw_line in enumerate(stream, start=1):
                line = raw_line.rstrip("\n")
                if not line.strip():
                    yield from finish()
                    current, broken = None, False
                    continue
                text_match = _TEXT_LINE.match(line)
                if text_match:
                    pmid, kind, content = text_match.groups()
                    if current is None or current.pmid != pmid or (kind == "t" and current.title is not None):
                        yield from finish()
                        current, broken = _RecordBuilder(pmid, number), False
                    if kind == "t":
                        current.title = content
                    else:
                        current.abstract = content
                    continue
                if broken:
                    continue
                try:
                    _annotation(line, current, f"{where}:{number}")
                except IngestError as exc:
                    broken = True
                    yield exc
            yield from finish()
    except UnicodeDecodeError as exc:
        yield IngestError(f"not UTF-8 ({exc.reason})", where=where, hint="convert the file to UTF-8")
    except (OSError, EOFError) as exc:
        yield IngestError(f"cannot read the file: {exc}", where=where,
                          hint="check the file exists and, if gzipped, is complete")


def _annotation(line: str, current: _RecordBuilder | None, where: str) -> None:
    columns = line.split("\t")
    if current is None:
        raise IngestError("annotation line outside a record (no title line before it)", where=where,
                          hint="every record starts with PMID|t|title")
    if columns[0] != current.pmid:
        raise IngestError(f"annotation for PMID {columns[0]!r} inside record {current.pmid}",
                          where=where, hint="separate records with a blank line")
    if len(columns) >= 5 and columns[1].isdigit() and columns[2].isdigit():
        start, end = int(columns[1]), int(columns[2])
        if end < start:
            raise IngestError(f"mention end {end} is before its start {start}", where=where,
                              hint="fix the offsets")
        raw_id = columns[5] if len(columns) > 5 else ""
        current.mentions.append(PubTatorMention(
            start, end, columns[3], columns[4], split_ids(raw_id), raw_id, tuple(columns[6:])))
    elif len(columns) >= 4 and not columns[1].isdigit():
        current.relations.append(PubTatorRelation(columns[1], columns[2], columns[3],
                                                  tuple(columns[4:])))
    else:
        raise IngestError(f"unrecognised annotation line with {len(columns)} tab-separated columns",
                          where=where,
                          hint="mentions: PMID, start, end, text, type[, ids]; "
                               "relations: PMID, type, arg1, arg2[, ...]")


def read_pubtator(path: str | Path) -> Iterator[PubTatorRecord]:
    """Stream the records of a PubTator file (gzipped or not).

    Every mention is checked: ``record.text[m.start:m.end] == m.text``.  Raises
    :class:`IngestError` (``where`` = ``file:line``) at the first malformed record, after
    yielding the records before it.
    """
    for item in _parse(Path(path)):
        if isinstance(item, IngestError):
            raise item
        yield item


def pubtator_documents(path: str | Path) -> Iterator[Document | IngestError]:
    """One :class:`Document` per PubTator record (id = PMID); bad records yield an error."""
    path = Path(path)
    for index, item in enumerate(_parse(path)):
        if isinstance(item, IngestError):
            yield item
            continue
        sections = [Section("Title", 0, len(item.title), kind="title")]
        if item.abstract:
            start = len(item.title) + 1
            sections.append(Section("Abstract", start, start + len(item.abstract), kind="abstract"))
        metadata = DocumentMetadata(title=item.title or None, pmid=item.pmid, source_kind="pubtator",
                                    url=f"https://pubmed.ncbi.nlm.nih.gov/{item.pmid}/")
        yield Document(id=item.pmid, text=item.text, metadata=metadata, sections=tuple(sections),
                       source=f"{path}#{index}", format="pubtator")
