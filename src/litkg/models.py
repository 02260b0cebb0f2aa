"""Frozen value objects that flow through the pipeline.

ingest -> :class:`Document`; extract -> :class:`Mention`; claims -> :class:`Claim`.
They are immutable so they can be hashed, cached and compared; every object that leaves the
library has an ``as_dict`` and a ``from_dict`` so JSON round-trips are lossless.

The claim's JSON form is the *claims contract* (one object per line in ``claims.jsonl``):
see :meth:`Claim.as_dict`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterable, Mapping

#: The claim kinds of the contract.
CLAIM_KINDS = ("treatment", "outcome", "mechanism", "adverse_effect", "measurement")
#: Directions of change.  ``unchanged`` is first-class: "no significant change" is a finding.
DIRECTIONS = ("increased", "decreased", "unchanged", "improved", "worsened")
#: Curation status of a claim (``machine`` until a curator acts on it).
STATUSES = ("machine", "accepted", "edited", "rejected", "added")
#: Entity labels used on spaCy spans (``doc.ents``) and on :class:`Mention`.
ENTITY_LABELS = ("DRUG", "PROCEDURE", "CONDITION", "PHENOTYPE", "ANALYTE", "TARGET", "ENDPOINT")

#: Base IRI of litkg instance data; the ontology lives under ``ONTOLOGY_IRI``.
DATA_IRI = "https://w3id.org/litkg/id/"
ONTOLOGY_IRI = "https://w3id.org/litkg/ontology#"

_CURIE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*:(?!//)[^\s:][^\s]*$")


def is_curie(value: str | None) -> bool:
    """True for a CURIE-shaped identifier such as ``CHEBI:48390`` or ``LOINC:2731-8``."""
    return bool(value) and bool(_CURIE.match(value))


def normalise_key(text: str) -> str:
    """Case- and whitespace-insensitive key used inside content hashes."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def content_hash(*parts: object, length: int = 16) -> str:
    """Stable hex digest of ``parts`` (order matters); used for content-derived IRIs."""
    payload = json.dumps([p if p is None or isinstance(p, (int, float, str)) else str(p) for p in parts],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


# --------------------------------------------------------------------------------------------
# Documents


@dataclass(frozen=True)
class DocumentMetadata:
    """Bibliographic metadata, from the source (PubMed XML, JATS) or a corpus sidecar."""

    title: str | None = None
    journal: str | None = None
    year: int | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    publication_types: tuple[str, ...] = ()
    language: str | None = "en"
    #: e.g. "pending human review" for AI-generated texts; free text from the sidecar.
    review_status: str | None = None
    source_kind: str | None = None  # "pubmed-abstract", "case-report-pdf-text", "ai-answer", ...
    url: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["publication_types"] = list(self.publication_types)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DocumentMetadata":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "publication_types" in values:
            values["publication_types"] = tuple(values["publication_types"] or ())
        if values.get("year") is not None:
            values["year"] = int(values["year"])
        return cls(**values)


@dataclass(frozen=True)
class Section:
    """A labelled region of a document's text (``BACKGROUND``, ``Results``, a table...)."""

    label: str
    start: int
    end: int
    kind: str = "section"  # "title" | "abstract" | "section" | "table" | "caption"


@dataclass(frozen=True)
class TableCell:
    row: int
    column: int
    text: str
    start: int | None = None  # offsets into Document.text when the cell text is found there
    end: int | None = None


@dataclass(frozen=True)
class Table:
    """A table as rows of cells (JATS tables, or tables recovered from PDF text)."""

    label: str
    caption: str
    rows: tuple[tuple[TableCell, ...], ...]
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Document:
    """A document exactly as read: offsets everywhere point into ``text``."""

    id: str
    text: str
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    source: str | None = None  # path or path#index of the file it came from
    format: str = "text"  # "text" | "pubmed-xml" | "jats" | "pubtator"

    @property
    def iri(self) -> str:
        return document_iri(self.id)

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def document_iri(doc_id: str) -> str:
    # Document ids are file stems, PMIDs or PMCIDs; keep them readable in the IRI.
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id)
    return f"{DATA_IRI}doc/{safe}"


# --------------------------------------------------------------------------------------------
# Entities and mentions


@dataclass(frozen=True)
class Concept:
    """An entity as it appears in a claim: a label and a CURIE (or ``None`` when unknown).

    ``text`` is the surface form as written when it differs from the preferred label.
    """

    label: str
    id: str | None = None
    text: str | None = None

    def __post_init__(self):
        if self.id is not None and not is_curie(self.id):
            raise ValueError(f"concept id {self.id!r} is not a CURIE (e.g. CHEBI:48390)")

    @property
    def key(self) -> str:
        """Identity inside IRIs: the surface text when known, else the label."""
        return normalise_key(self.text or self.label)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label, "id": self.id}
        if self.text and self.text != self.label:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Concept | None":
        if not data:
            return None
        return cls(label=str(data["label"]), id=data.get("id"), text=data.get("text"))


@dataclass(frozen=True)
class Mention:
    """An entity mention: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    label: str  # one of ENTITY_LABELS
    concept: Concept
    source: str = "lexicon"  # which recogniser found it: lexicon | ner | abbreviation

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "concept": self.concept.as_dict(), "source": self.source}


# --------------------------------------------------------------------------------------------
# Claims


@dataclass(frozen=True)
class Evidence:
    """Where a claim was read: the sentence and its character span in the document text."""

    sentence: str
    start: int
    end: int
    section: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sentence": self.sentence, "start": self.start, "end": self.end}
        if self.section:
            data["section"] = self.section
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Evidence":
        return cls(sentence=data["sentence"], start=int(data["start"]), end=int(data["end"]),
                   section=data.get("section"))


@dataclass(frozen=True)
class Curation:
    """The curation state folded into a claim at build time."""

    status: str = "machine"
    curator: str | None = None
    curated_at: str | None = None  # ISO 8601
    reason: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Claim:
    """One extracted (or curated) claim; see the claims contract in the README."""

    doc: str
    kind: str
    subject: Concept
    object: Concept
    evidence: Evidence
    condition: Concept | None = None
    direction: str | None = None
    negated: bool = False
    hedged: bool = False
    value: float | None = None
    before: float | None = None
    after: float | None = None
    unit: str | None = None
    #: statistic as sorted (name, value) pairs so the object stays hashable; see ``statistic``.
    statistic_items: tuple[tuple[str, float], ...] = ()
    patient: str | None = None
    arm: str | None = None
    timepoint: str | None = None
    #: position of the time point in its series (table row order, 1-based), for time ordering;
    #: not part of the claim's identity.
    time_order: int | None = None
    #: regimen/dose context as written (e.g. "Cinacalcet: 0.25 mg/kg/day"), for measurements.
    regimen: str | None = None
    #: True when derived by litkg (e.g. a direction computed from a table series).
    computed: bool = False
    #: for computed claims: the rule that produced it, e.g. "relative change <= -10%".
    rule: str | None = None
    curation: Curation = field(default_factory=Curation)
    extractor: str = "litkg"
    #: Set when a curator's edit changed an identity field: the claim keeps the IRI the curator
    #: acted on, so later log records and links still find it (see litkg.curate.apply).
    pinned_iri: str | None = None

    def __post_init__(self):
        if self.kind not in CLAIM_KINDS:
            raise ValueError(f"claim kind {self.kind!r} is not one of {', '.join(CLAIM_KINDS)}")
        if self.direction is not None and self.direction not in DIRECTIONS:
            raise ValueError(f"direction {self.direction!r} is not one of {', '.join(DIRECTIONS)}")
        if self.curation.status not in STATUSES:
            raise ValueError(f"status {self.curation.status!r} is not one of {', '.join(STATUSES)}")

    # The IRI is derived from the document, the evidence span and the claim's identity
    # (kind, subject, object, patient/arm, time point), not from its *values*: re-extraction
    # with a better direction or unit keeps the IRI, so curations still find their claim.
    @property
    def identity(self) -> tuple:
        return (self.doc, self.kind, self.evidence.start, self.evidence.end, self.subject.key,
                self.object.key, normalise_key(self.patient or self.arm or ""),
                normalise_key(self.timepoint or ""))

    @property
    def iri(self) -> str:
        return self.pinned_iri or self.content_iri

    @property
    def content_iri(self) -> str:
        """The IRI the claim's identity fields hash to (differs from ``iri`` only when pinned)."""
        return f"{DATA_IRI}claim/{content_hash(*self.identity)}"

    @property
    def statistic(self) -> dict[str, float] | None:
        return dict(self.statistic_items) or None

    def with_changes(self, **changes: Any) -> "Claim":
        if "statistic" in changes:
            changes["statistic_items"] = _stat_items(changes.pop("statistic"))
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """The claims contract: one JSON object per claim."""
        return {
            "claim": self.iri,
            "doc": self.doc,
            "kind": self.kind,
            "subject": self.subject.as_dict(),
            "object": self.object.as_dict(),
            "condition": self.condition.as_dict() if self.condition else None,
            "direction": self.direction,
            "negated": self.negated,
            "hedged": self.hedged,
            "value": self.value,
            "before": self.before,
            "after": self.after,
            "unit": self.unit,
            "statistic": self.statistic,
            "patient": self.patient,
            "arm": self.arm,
            "timepoint": self.timepoint,
            "time_order": self.time_order,
            "regimen": self.regimen,
            "computed": self.computed,
            "rule": self.rule,
            "evidence": self.evidence.as_dict(),
            "status": self.curation.status,
            "curator": self.curation.curator,
            "curated_at": self.curation.curated_at,
            "reason": self.curation.reason,
            "note": self.curation.note,
            "extractor": self.extractor,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Claim":
        curation = Curation(status=data.get("status") or "machine", curator=data.get("curator"),
                            curated_at=data.get("curated_at"), reason=data.get("reason"),
                            note=data.get("note"))
        claim = cls(
            doc=str(data["doc"]), kind=data["kind"],
            subject=Concept.from_dict(data["subject"]), object=Concept.from_dict(data["object"]),
            evidence=Evidence.from_dict(data["evidence"]),
            condition=Concept.from_dict(data.get("condition")),
            direction=data.get("direction"), negated=bool(data.get("negated", False)),
            hedged=bool(data.get("hedged", False)),
            value=_num(data.get("value")), before=_num(data.get("before")), after=_num(data.get("after")),
            unit=data.get("unit"), statistic_items=_stat_items(data.get("statistic")),
            patient=data.get("patient"), arm=data.get("arm"), timepoint=data.get("timepoint"),
            time_order=int(data["time_order"]) if data.get("time_order") is not None else None,
            regimen=data.get("regimen"), computed=bool(data.get("computed", False)),
            rule=data.get("rule"), curation=curation, extractor=data.get("extractor") or "litkg",
        )
        stated = data.get("claim")
        return claim.with_changes(pinned_iri=stated) if stated and stated != claim.iri else claim


def _num(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def _stat_items(stat: Mapping[str, Any] | Iterable | None) -> tuple[tuple[str, float], ...]:
    if not stat:
        return ()
    items = stat.items() if isinstance(stat, Mapping) else stat
    return tuple(sorted((str(k), float(v)) for k, v in items))


# --------------------------------------------------------------------------------------------
# Study design


#: Evidence levels, highest first.  Ordinal so queries can filter "at least level N".
EVIDENCE_LEVELS = {
    "systematic_review": 1, "rct": 2, "clinical_trial": 3, "cohort": 3, "case_control": 4,
    "cross_sectional": 4,
    "case_series": 4, "case_report": 5, "review": 5, "guideline": 5, "letter": 5,
    "preclinical": 6, "ai_generated": 6, "unknown": 6,
}


@dataclass(frozen=True)
class StudyDesign:
    """The study type and evidence level of a document, with the cue that decided it."""

    study_type: str  # a key of EVIDENCE_LEVELS
    evidence_level: int
    cue: str | None = None  # e.g. "publication type: Case Reports" or "text: 'randomized'"
    pending_review: bool = False
