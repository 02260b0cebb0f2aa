"""Document + Claims -> pyoxigraph quads, in the shape of docs/rdf-model.md.

This is the fast path into the store, so it builds ``pyoxigraph`` terms directly (no rdflib).
Every node gets an IRI (claims from ``Claim.iri``, the rest derived from the claim or document
IRI): no blank nodes, so re-mapping a document yields the same quads and a dump round-trips
byte-for-byte comparable sets.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Sequence

import pyoxigraph as ox

from litkg.errors import LitkgError, StoreError
from litkg.models import (DATA_IRI, EVIDENCE_LEVELS, Claim, Concept, Document, StudyDesign,
                          content_hash, normalise_key)
from litkg.paths import ontology_dir
from litkg.rdf.curies import curie_to_iri
from litkg.extract.endpoints import names_endpoint
from litkg.extract.units import analyte_key, normalise_value, parse_unit
from litkg.rdf.namespaces import (DCTERMS, GRAPH_ONTOLOGY, GRAPH_SHARED, LITKG, OA, OBO, PROV, RDF, RDFS, XSD,
                                  assertions_graph, provenance_graph)

# --------------------------------------------------------------------------------------------
# Terms


@lru_cache(maxsize=4096)
def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


A = _n(RDF.type)
LABEL = _n(RDFS.label)
_XSD_DECIMAL, _XSD_INTEGER, _XSD_BOOLEAN = _n(XSD.decimal), _n(XSD.integer), _n(XSD.boolean)
_XSD_DATETIME, _XSD_DATE, _XSD_GYEAR = _n(XSD.dateTime), _n(XSD.date), _n(XSD.gYear)


@lru_cache(maxsize=1024)
def _q(namespace: str, local: str) -> ox.NamedNode:
    # plain concatenation: rdflib's Namespace.__getitem__ costs ~5 us a call on this hot path
    return ox.NamedNode(str(namespace) + local)


def _L(local: str) -> ox.NamedNode:
    return _q(LITKG, local)


def _str(value: str) -> ox.Literal:
    return ox.Literal(str(value))


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD_INTEGER)


def _bool(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=_XSD_BOOLEAN)


def decimal_lexical(value: float) -> str:
    """Canonical xsd:decimal form, the one Oxigraph stores (``225.0`` -> ``"225"``)."""
    if not math.isfinite(float(value)):  # nan / inf have no xsd:decimal form
        raise LitkgError(f"value {value!r} is not a finite number", where="litkg.rdf.mapping",
                         hint="drop or fix the value in the claim")
    dec = Decimal(repr(float(value))).normalize()
    text = format(dec, "f")
    return "0" if text in ("-0", "") else text


def _dec(value: float) -> ox.Literal:
    return ox.Literal(decimal_lexical(value), datatype=_XSD_DECIMAL)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise_key(text)).strip("-") or content_hash(text, length=8)


DIRECTION_IRIS = {d: _L(d.capitalize()) for d in ("increased", "decreased", "unchanged",
                                                    "improved", "worsened")}
STATUS_IRIS = {s: _L(s.capitalize()) for s in ("machine", "accepted", "edited", "rejected", "added")}
CLAIM_CLASSES = {"treatment": _L("TreatmentClaim"), "outcome": _L("OutcomeClaim"),
                 "mechanism": _L("MechanismClaim"), "adverse_effect": _L("AdverseEffectClaim"),
                 "measurement": _L("MeasurementClaim")}
#: Study type key -> SEPIO study type where one fits, else a litkg class (see ontology).
STUDY_TYPE_IRIS = {
    "case_report": _q(OBO, "SEPIO_0000143"), "clinical_trial": _q(OBO, "SEPIO_0000069"),
    "rct": _L("RandomizedControlledTrial"), "systematic_review": _L("SystematicReview"),
    "review": _L("Review"), "guideline": _L("Guideline"), "cohort": _L("CohortStudy"),
    "case_control": _L("CaseControlStudy"), "cross_sectional": _L("CrossSectionalStudy"),
    "case_series": _L("CaseSeries"),
    "letter": _L("Letter"), "ai_generated": _L("AIGeneratedText"),
    "preclinical": _L("PreclinicalStudy"),
    "unknown": _L("UnknownStudyType"),
}
ECO_AUTOMATIC = _q(OBO, "ECO_0007225")
ECO_MANUAL = _q(OBO, "ECO_0007121")
#: Statuses whose claim content a human asserted (a rejected claim stays an automatic assertion).
MANUAL_STATUSES = ("accepted", "edited", "added")

# --------------------------------------------------------------------------------------------
# Units and normalisation: one unit lexicon for the whole project (litkg.extract.units).


def unit_uo(unit: str) -> str | None:
    """UO CURIE of a written unit, when known."""
    parsed = parse_unit(unit)
    return parsed.uo_id if parsed is not None else None


def normalise(value: float, unit: str, analyte: Concept) -> tuple[float, str] | None:
    """``value`` in the analyte's canonical unit (calcium 2.03 mmol/L -> 8.14 mg/dL).

    The analyte is recognised by id, label or surface form (an unknown LOINC id must not hide
    a known label); an unknown analyte gets only unit-level equivalences (ng/L -> pg/mL).
    """
    keys = [k for k in (analyte.id, analyte.label, analyte.text) if k]
    known = next((k for k in keys if analyte_key(k) is not None), None)
    return normalise_value(value, unit, known)


# --------------------------------------------------------------------------------------------
# Entities

_PROCEDURE_WORDS = re.compile(r"(ectomy|otomy|surgery|surgical|dialysis|transplant|resection|"
                              r"radiotherapy|dressing|\bcare\b)", re.I)


def entity_iri(concept: Concept) -> str:
    """IRI of an entity node: from the CURIE when there is one, else from the label."""
    if concept.id:
        return curie_to_iri(concept.id)
    return f"{DATA_IRI}entity/{content_hash(normalise_key(concept.label))}"


def _prefix(concept: Concept) -> str:
    return concept.id.split(":", 1)[0].upper() if concept.id else ""


def _has_quantity(claim: Claim) -> bool:
    return any(v is not None for v in (claim.value, claim.before, claim.after)) or bool(claim.unit)


def entity_type(claim: Claim, role: str) -> str:
    """The entity class (local name) of ``claim.subject``/``object``/``condition``.

    The claim kind implies it (the Mention label categories); ids refine it where the kind
    allows two readings (an outcome on an HP phenotype vs on a lab analyte).
    """
    if role == "condition":
        return "Condition"
    if role == "subject":
        concept = claim.subject
        if _prefix(concept) == "MAXO" or _PROCEDURE_WORDS.search(concept.label):
            return "Procedure"
        return "Drug"
    concept, kind = claim.object, claim.kind
    if kind == "treatment":
        return "Condition"
    if kind == "mechanism":
        return "Target"
    if kind == "adverse_effect":
        return "Phenotype"
    if kind == "measurement":
        return "Analyte"
    prefix = _prefix(concept)  # outcome: analyte or clinical endpoint
    if prefix in ("LOINC", "CHEBI", "PR"):
        return "Analyte"
    if prefix == "HP":
        return "Phenotype"
    if prefix in ("MONDO", "ORPHANET", "OMIM", "NCIT"):
        return "Condition"
    if not prefix and names_endpoint(concept.label):
        return "Endpoint"  # "overall survival", "sedation scores": no vocabulary grounds these
    return "Analyte" if _has_quantity(claim) else "Phenotype"


# --------------------------------------------------------------------------------------------
# Documents


def _iso_literal(text: str) -> ox.Literal:
    try:
        if "T" in text:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
            return ox.Literal(text, datatype=_XSD_DATETIME)
        date.fromisoformat(text)
        return ox.Literal(text, datatype=_XSD_DATE)
    except ValueError:
        return _str(text)  # kept as written rather than dropped


def _document_triples(document: Document, design: StudyDesign | None) -> list[tuple]:
    doc = _n(document.iri)
    md = document.metadata
    out = [(doc, A, _L("Document")), (doc, A, _q(PROV, "Entity")),
           (doc, _q(DCTERMS, "identifier"), _str(document.id)),
           (doc, _L("text"), _str(document.text)),
           (doc, _L("textLength"), _int(len(document.text))),
           (doc, _L("checksum"), _str(document.checksum))]
    optional = [(DCTERMS.title, md.title), (LITKG.journal, md.journal), (LITKG.pmid, md.pmid),
                (LITKG.pmcid, md.pmcid), (LITKG.doi, md.doi), (DCTERMS.language, md.language),
                (LITKG.sourceKind, md.source_kind), (LITKG.reviewStatus, md.review_status),
                (DCTERMS.source, md.url or document.source)]
    out += [(doc, _n(str(p)), _str(v)) for p, v in optional if v]
    if md.year is not None:
        out.append((doc, _q(DCTERMS, "date"), ox.Literal(f"{md.year:04d}", datatype=_XSD_GYEAR)))
    out += [(doc, _L("publicationType"), _str(t)) for t in md.publication_types]
    key = design.study_type if design else "unknown"
    level = design.evidence_level if design else EVIDENCE_LEVELS.get(key, 6)
    pending = bool(design and design.pending_review) or "pending" in (md.review_status or "").lower()
    out += [(doc, _L("studyType"), STUDY_TYPE_IRIS.get(key, STUDY_TYPE_IRIS["unknown"])),
            (doc, _L("studyTypeKey"), _str(key)),
            (doc, _L("evidenceLevel"), _int(level)),
            (doc, _L("pendingReview"), _bool(pending))]
    if design and design.cue:
        out.append((doc, _L("studyDesignCue"), _str(design.cue)))
    return out


# --------------------------------------------------------------------------------------------
# Claims


def _entity_triples(concept: Concept, etype: str) -> tuple[ox.NamedNode, list[tuple]]:
    node = _n(entity_iri(concept))
    out = [(node, A, _L(etype)), (node, A, _L("Entity")), (node, LABEL, _str(concept.label)),
           (node, _L("labelKey"), _str(normalise_key(concept.label)))]
    if concept.id:
        out.append((node, _L("curie"), _str(concept.id)))
    if concept.text and normalise_key(concept.text) != normalise_key(concept.label):
        # surface forms help the same rules fire on brand names ("Mimpara")
        out.append((node, _L("labelKey"), _str(normalise_key(concept.text))))
    return node, out


def _claim_triples(claim: Claim, iri: str, document: Document,
                   shared: list[tuple]) -> list[tuple]:
    """The claim's own triples; triples about shared entity nodes are appended to ``shared``."""
    c = _n(iri)
    doc = _n(document.iri)
    out: list[tuple] = [(c, A, CLAIM_CLASSES[claim.kind]), (c, A, _L("Claim")),
                        (c, _L("inDocument"), doc), (c, _L("evidence"), _n(f"{iri}/evidence")),
                        (c, _L("curationStatus"), STATUS_IRIS[claim.curation.status]),
                        (c, _L("negated"), _bool(claim.negated)),
                        (c, _L("hedged"), _bool(claim.hedged)),
                        (c, _L("computed"), _bool(claim.computed))]
    nodes = {}
    for role in ("subject", "object", "condition"):
        concept = getattr(claim, role)
        if concept is None:
            continue
        etype = entity_type(claim, role)
        node, triples = _entity_triples(concept, etype)
        nodes[role] = (node, etype)
        shared += triples
        out.append((c, _L(role), node))
        if role != "condition":
            out.append((c, _L(f"{role}Text"), _str(concept.text or concept.label)))
    if claim.direction:
        out.append((c, _L("direction"), DIRECTION_IRIS[claim.direction]))
    quantities = [("value", "normalizedValue", claim.value),
                  ("valueBefore", "normalizedValueBefore", claim.before),
                  ("valueAfter", "normalizedValueAfter", claim.after)]
    canonical = None
    for prop, norm_prop, value in quantities:
        if value is None:
            continue
        out.append((c, _L(prop), _dec(value)))
        if claim.unit and nodes["object"][1] == "Analyte":
            result = normalise(value, claim.unit, claim.object)
            if result is not None:
                out.append((c, _L(norm_prop), _dec(result[0])))
                canonical = result[1]
    if canonical:
        out.append((c, _L("normalizedUnitText"), _str(canonical)))
    if claim.unit:
        out.append((c, _L("unitText"), _str(claim.unit)))
        uo = unit_uo(claim.unit)
        if uo:
            out.append((c, _L("unit"), _n(curie_to_iri(uo))))
    for name, value in claim.statistic_items:
        stat = _n(f"{iri}/statistic/{_slug(name)}")
        out += [(c, _L("statistic"), stat), (stat, A, _L("Statistic")),
                (stat, _L("statisticType"), _str(name)), (stat, _L("statisticValue"), _dec(value))]
    recipients = []
    for who, cls in ((claim.patient, "Patient"), (claim.arm, "StudyArm")):
        if who:
            node = _n(f"{document.iri}/subject/{_slug(who)}")
            recipients.append(node)
            out += [(c, _L("patient"), node), (node, A, _L(cls)), (node, A, _L("StudySubject")),
                    (node, LABEL, _str(who))]
    if claim.timepoint:
        out.append((c, _L("timepoint"), _str(claim.timepoint)))
    if claim.time_order is not None:
        out.append((c, _L("timeOrder"), _int(claim.time_order)))
    if claim.regimen:
        out.append((c, _L("regimen"), _str(claim.regimen)))
    if claim.rule:
        out.append((c, _L("computationRule"), _str(claim.rule)))
    # Treatment episode: who received which intervention, at which regimen (as written).
    if recipients and nodes["subject"][1] in ("Drug", "Procedure"):
        subject_node = nodes["subject"][0]
        episode = _n(f"{document.iri}/episode/"
                     f"{content_hash(subject_node.value, recipients[0].value, claim.regimen or '')}")
        out += [(c, _L("treatmentEpisode"), episode), (episode, A, _L("TreatmentEpisode")),
                (episode, _L("recipient"), recipients[0]), (episode, _L("intervention"), subject_node)]
        if claim.regimen:
            out.append((episode, _L("regimen"), _str(claim.regimen)))
    return out


def _provenance_triples(claim: Claim, iri: str, document: Document, extractor: str,
                        extractor_version: str, shared: list[tuple]) -> list[tuple]:
    c = _n(iri)
    doc = _n(document.iri)
    ev = claim.evidence
    e = _n(f"{iri}/evidence")
    pos, quote = _n(f"{iri}/evidence/position"), _n(f"{iri}/evidence/quote")
    out = [(e, A, _L("TextEvidence")), (e, A, _q(OA, "SpecificResource")), (e, _q(OA, "hasSource"), doc),
           (e, _q(OA, "hasSelector"), pos), (pos, A, _q(OA, "TextPositionSelector")),
           (pos, _q(OA, "start"), _int(ev.start)), (pos, _q(OA, "end"), _int(ev.end)),
           (e, _q(OA, "hasSelector"), quote), (quote, A, _q(OA, "TextQuoteSelector")),
           (quote, _q(OA, "exact"), _str(ev.sentence))]
    if ev.section:
        out.append((e, _L("section"), _str(ev.section)))
    name = claim.extractor or extractor
    activity = _n(f"{document.iri}/activity/{_slug(name)}/{_slug(extractor_version)}")
    agent = _n(f"{DATA_IRI}agent/software/{_slug(name)}")
    out += [(c, A, _q(PROV, "Entity")), (c, _q(PROV, "wasGeneratedBy"), activity),
            (c, _q(PROV, "wasDerivedFrom"), doc),
            (activity, A, _q(PROV, "Activity")), (activity, _q(PROV, "used"), doc),
            (activity, _q(PROV, "wasAssociatedWith"), agent),
            (activity, _L("extractorName"), _str(name)),
            (activity, _L("extractorVersion"), _str(extractor_version))]
    shared += [(agent, A, _q(PROV, "SoftwareAgent")), (agent, LABEL, _str(name))]
    cur = claim.curation
    out.append((c, _L("evidenceCode"), ECO_MANUAL if cur.status in MANUAL_STATUSES else ECO_AUTOMATIC))
    if cur.curator:
        person = _n(f"{DATA_IRI}agent/curator/{_slug(cur.curator)}")
        out.append((c, _q(PROV, "wasAttributedTo"), person))
        shared += [(person, A, _q(PROV, "Person")), (person, LABEL, _str(cur.curator))]
    if cur.curated_at:
        out.append((c, _L("curatedAt"), _iso_literal(cur.curated_at)))
    if cur.reason:
        out.append((c, _L("curationReason"), _str(cur.reason)))
    if cur.note:
        out.append((c, _L("curationNote"), _str(cur.note)))
    return out


def document_quads(document: Document, claims: Sequence[Claim], design: StudyDesign | None, *,
                   extractor: str = "litkg", extractor_version: str) -> list[ox.Quad]:
    """All quads of one document: claims in its assertions graph, evidence, activity and curation
    in its provenance graph, and the entity/agent nodes they use in the shared graph.

    Claims of other documents are an error (they would land in the wrong named graph).
    Duplicate triples (an entity used by several claims) are emitted once.
    """
    agraph, pgraph = _n(assertions_graph(document.id)), _n(provenance_graph(document.id))
    sgraph = _n(GRAPH_SHARED)
    seen: set[ox.Quad] = set()
    quads: list[ox.Quad] = []

    def emit(triples: Iterable[tuple], graph: ox.NamedNode) -> None:
        for s, p, o in triples:
            q = ox.Quad(s, p, o, graph)
            if q not in seen:
                seen.add(q)
                quads.append(q)

    emit(_document_triples(document, design), pgraph)
    for claim in claims:
        if claim.doc != document.id:
            raise LitkgError(f"claim {claim.iri} belongs to document {claim.doc!r}, not {document.id!r}",
                             where=claim.iri, hint="map each document with its own claims")
        iri = claim.iri  # a content hash: compute once
        shared: list[tuple] = []
        emit(_claim_triples(claim, iri, document, shared), agraph)
        emit(_provenance_triples(claim, iri, document, extractor, extractor_version, shared), pgraph)
        emit(shared, sgraph)
    return quads


def replace_document(store: ox.Store, doc_id: str, quads: Iterable[ox.Quad]) -> None:
    """Replace (or, with no quads, retract) one document's two named graphs as a unit."""
    for graph in (assertions_graph(doc_id), provenance_graph(doc_id)):
        node = _n(graph)
        if store.contains_named_graph(node):
            store.remove_graph(node)
    store.extend(list(quads))


# --------------------------------------------------------------------------------------------
# Ontology


def ontology_path():
    return ontology_dir() / "litkg.ttl"


def ontology_quads() -> list[ox.Quad]:
    """ontology/litkg.ttl as quads in GRAPH_ONTOLOGY.

    The ontology's restrictions are blank nodes: clear GRAPH_ONTOLOGY before adding these again
    (see :func:`load_ontology`), or the axioms are duplicated under fresh blank nodes.
    """
    path = ontology_path()
    if not path.exists():
        raise StoreError("ontology file not found", where=str(path),
                         hint="run from a litkg checkout or set LITKG_HOME")
    graph = _n(GRAPH_ONTOLOGY)
    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise StoreError(f"ontology does not parse: {exc}", where=str(path),
                         hint="fix the Turtle syntax") from exc
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]


def load_ontology(store: ox.Store) -> int:
    """(Re)load the ontology graph; returns the number of quads."""
    quads = ontology_quads()
    node = _n(GRAPH_ONTOLOGY)
    if store.contains_named_graph(node):
        store.remove_graph(node)
    store.extend(quads)
    return len(quads)
