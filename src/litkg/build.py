"""``litkg build``: files in, evidence graph out.

ingest -> extract -> apply curations -> RDF quads -> Oxigraph (a new build folder)
-> reasoning -> SHACL validation -> atomic publish.  Bad documents become warnings; the build
fails (and leaves the previous store live) only when nothing usable was built or the graph
violates the shapes (unless ``keep_going``).
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from litkg import __version__
from litkg.curate.apply import apply_curations
from litkg.curate.log import read_log
from litkg.errors import LitkgError, StoreError, ValidationError
from litkg.extract.pipeline import extract_documents
from litkg.ingest import iter_documents
from litkg.models import Claim, Document
from litkg.rdf.mapping import document_quads, ontology_quads
from litkg.rdf.reason import materialise
from litkg.rdf.validate import validate as shacl_validate
from litkg.store import StoreWriter

#: Signature of a progress callback: called once per document with its id.
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Orphan:
    """A curation whose claim the new extraction no longer produces."""

    claim: str
    doc: str | None
    action: str
    text: str | None
    span: tuple[int, int] | None

    @classmethod
    def from_record(cls, record) -> "Orphan":
        """The orphan of a curation record whose claim is no longer extracted."""
        evidence = record.evidence or {}
        span = (evidence["start"], evidence["end"]) if "start" in evidence and "end" in evidence else None
        return cls(claim=record.claim, doc=record.doc, action=record.action,
                   text=evidence.get("sentence"), span=span)

    def describe(self) -> str:
        """One line for the curator: what was curated, where, the sentence, what to do."""
        where = f"{self.doc}[{self.span[0]}:{self.span[1]}]" if self.span else str(self.doc)
        return (f"orphaned curation: {self.action} {self.claim} at {where}: {self.text or ''!r} "
                f"(re-attach or retire it: litkg curate orphans)")


@dataclass(frozen=True)
class BuildReport:
    documents: int
    claims_by_kind: dict[str, int]
    triples: int
    warnings: tuple[str, ...]
    seconds: float
    words: int = 0
    store: str | None = None
    orphans: tuple[Orphan, ...] = ()
    violations: tuple[str, ...] = ()
    inferred: int = 0
    published: bool = False

    @property
    def claims(self) -> int:
        return sum(self.claims_by_kind.values())

    def as_dict(self) -> dict:
        return {
            "documents": self.documents, "claims": self.claims,
            "claims_by_kind": dict(sorted(self.claims_by_kind.items())), "triples": self.triples,
            "inferred_triples": self.inferred, "words": self.words,
            "warnings": list(self.warnings), "violations": list(self.violations),
            "orphans": [o.__dict__ | {"span": list(o.span) if o.span else None} for o in self.orphans],
            "seconds": round(self.seconds, 3), "store": self.store, "litkg_version": __version__,
        }

    def summary_text(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.claims_by_kind.items())) or "none"
        lines = [
            f"documents  {self.documents}",
            f"claims     {self.claims} ({kinds})",
            f"triples    {self.triples} (+{self.inferred} inferred)",
            f"warnings   {len(self.warnings)}",
            f"seconds    {self.seconds:.1f}",
        ]
        if self.orphans:
            lines.append(f"orphaned curations {len(self.orphans)} (see `litkg curate orphans`)")
        if self.violations:
            lines.append(f"SHACL violations {len(self.violations)}")
        if self.store:
            lines.append(f"store      {self.store}")
        return "\n".join(lines)


@dataclass
class _Tally:
    documents: int = 0
    words: int = 0
    triples: int = 0
    kinds: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)


def build(paths: Sequence[Path | str], store_dir: Path | str, *,
          curation_log: Path | None = None, validate: bool = True, keep_going: bool = False,
          reason: bool = True, progress: Progress | None = None) -> BuildReport:
    """Build the store from ``paths`` and publish it; see the module docstring."""
    started = time.perf_counter()
    tally = _Tally()
    records_by_doc, log_warnings = _load_curations(curation_log)
    tally.warnings.extend(log_warnings)
    seen_docs: set[str] = set()

    with StoreWriter(store_dir) as writer:
        writer.store.bulk_extend(ontology_quads())
        claim_lines: list[str] = []

        documents = _documents_only(iter_documents([Path(p) for p in paths]), tally)
        for result in extract_documents(documents):
            if isinstance(result, LitkgError):
                tally.warnings.append(str(result))
                continue
            document = result.document
            if document.id in seen_docs:
                tally.warnings.append(f"{document.source}: duplicate document id {document.id!r} "
                                      "(skipped; give one of them another id in its sidecar)")
                continue
            seen_docs.add(document.id)
            claims = _curate(result.claims,
                             records_by_doc.get(None, []) + records_by_doc.pop(document.id, []), tally)
            quads = document_quads(document, claims, result.design,
                                   extractor="litkg", extractor_version=__version__)
            writer.store.bulk_extend(quads)
            tally.triples += len(quads)
            tally.documents += 1
            tally.words += len(document.text.split())
            tally.kinds.update(c.kind for c in claims if c.curation.status != "rejected")
            claim_lines.extend(json.dumps(c.as_dict(), ensure_ascii=False, sort_keys=True)
                               for c in claims)
            if progress:
                progress(document.id)

        for doc_id, records in records_by_doc.items():
            if doc_id is None:  # corpus-wide records (relinks) were applied to every document
                continue
            tally.warnings.append(f"{len(records)} curation record(s) for document {doc_id!r}, "
                                  "which is not in this build (kept in the log, not applied)")
        if tally.documents == 0:
            raise StoreError("nothing usable was built: no document could be read",
                             where=", ".join(str(p) for p in paths),
                             hint="see the warnings above; the previous store is unchanged")

        inferred = materialise(writer.store) if reason else 0
        violations = _validate(writer.store) if validate else []
        if violations and not keep_going:
            shown = "\n  ".join(violations[:20])
            raise ValidationError(f"{len(violations)} SHACL violation(s); the store was not "
                                  f"published:\n  {shown}",
                                  hint="fix the extraction or curation, or pass --keep-going")
        writer.write_claims(claim_lines)
        report = BuildReport(
            documents=tally.documents, claims_by_kind=dict(tally.kinds), triples=tally.triples,
            warnings=tuple(tally.warnings), seconds=time.perf_counter() - started,
            words=tally.words, orphans=tuple(tally.orphans), violations=tuple(violations),
            inferred=inferred, store=str(Path(store_dir)), published=True)
        writer.publish(report.as_dict())
    return report


def _documents_only(items: Iterable, tally: _Tally) -> Iterable[Document]:
    for item in items:
        if isinstance(item, LitkgError):
            tally.warnings.append(str(item))
        else:
            yield item


def _load_curations(path: Path | None) -> tuple[dict[str | None, list], list[str]]:
    """Curation records grouped by document (``None``: corpus-wide, e.g. a relink).

    Malformed log lines become warnings naming the line; every other record still applies.
    """
    if path is None or not Path(path).exists():
        return {}, []
    records, errors = read_log(Path(path))
    grouped: dict[str | None, list] = defaultdict(list)
    for record in records:
        grouped[record.doc].append(record)
    return dict(grouped), [str(e) for e in errors]


def _curate(claims: Sequence[Claim], records: list, tally: _Tally) -> tuple[Claim, ...]:
    if not records:
        return tuple(claims)
    result = apply_curations(claims, records)
    tally.warnings.extend(result.warnings)
    tally.orphans.extend(Orphan.from_record(record) for record in result.orphans)
    return tuple(result.claims)


def _validate(store) -> list[str]:
    return [str(v) for v in shacl_validate(store)]
