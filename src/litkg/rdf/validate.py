"""SHACL validation (ontology/shapes.ttl, pyshacl) with curator-readable violations.

pyshacl reports a focus node (a claim, an evidence node, a selector, an entity or a document);
each result is traced back to the claim(s) it concerns so the report names the claim, its
document and the sentence it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import pyoxigraph as ox
import rdflib
from rdflib import URIRef

from litkg.errors import ValidationError
from litkg.paths import ontology_dir
from litkg.rdf.namespaces import GRAPH_INFERRED, GRAPH_ONTOLOGY, LITKG, OA, SH


@dataclass(frozen=True)
class Violation:
    claim: str | None  # claim IRI, when the problem concerns a claim
    document: str | None  # document IRI
    sentence: str | None  # the evidence sentence, for a curator to find the spot
    message: str
    path: str | None = None  # the offending property IRI
    focus: str | None = None  # the node pyshacl reported (claim, evidence, entity, document)

    def __str__(self) -> str:
        where = self.claim or self.focus or self.document or "graph"
        text = f"{where}: {self.message}"
        if self.path:
            text += f" [{self.path}]"
        if self.document and self.document != where:
            text += f" in {self.document}"
        if self.sentence:
            short = self.sentence if len(self.sentence) <= 120 else self.sentence[:117] + "..."
            text += f' -- sentence: "{short}"'
        return text


@lru_cache(maxsize=1)
def _shapes() -> rdflib.Graph:
    path = ontology_dir() / "shapes.ttl"
    if not path.exists():
        raise ValidationError("SHACL shapes not found", where=str(path),
                              hint="run from a litkg checkout or set LITKG_HOME")
    return rdflib.Graph().parse(path, format="turtle")


@dataclass(frozen=True)
class _SparqlConstraint:
    targets: tuple[str, ...]
    query: str  # runs in Oxigraph with ?this bound to every target node at once
    message: str


@lru_cache(maxsize=1)
def _split_shapes() -> tuple[rdflib.Graph, tuple[_SparqlConstraint, ...]]:
    """The core shapes (for pyshacl) and the SHACL-SPARQL constraints (for Oxigraph).

    pyshacl evaluates a SPARQL constraint once per focus node with rdflib's SPARQL engine:
    ~30 s CPU (90 s wall on the shared machine) for 600 claims.  SHACL-SPARQL semantics are "pre-bind $this to
    each focus node"; for our plain SELECT queries that equals one query with ``?this`` joined
    to the target classes, which Oxigraph answers in milliseconds.  The shapes file stays the
    single declarative source; :func:`validate_graph` still runs everything in pyshacl.
    """
    full = _shapes()
    core = rdflib.Graph()
    for triple in full:
        core.add(triple)
    constraints = []
    for shape, constraint in list(full.subject_objects(SH.sparql)):
        core.remove((shape, SH.sparql, constraint))
        targets = tuple(sorted(str(t) for t in full.objects(shape, SH.targetClass)))
        select = str(full.value(constraint, SH.select)).replace("$this", "?this")
        prefixes = "".join(f"PREFIX {full.value(d, SH.prefix)}: <{full.value(d, SH.namespace)}>\n"
                           for decl in full.objects(constraint, SH.prefixes)
                           for d in full.objects(decl, SH.declare))
        values = " ".join(f"<{t}>" for t in targets)
        query = (f"{prefixes}SELECT DISTINCT * WHERE {{ VALUES ?__target {{ {values} }} "
                 f"?this a ?__target . {{ {select} }} }}")
        constraints.append(_SparqlConstraint(targets, query,
                                             str(full.value(constraint, SH.message))))
    return core, tuple(constraints)


@lru_cache(maxsize=1)
def _relevant_predicates() -> frozenset[ox.NamedNode]:
    """Predicates the shapes look at, plus those used to trace a violation back to its claim."""
    shapes = _shapes()
    paths = {str(p) for p in shapes.objects(None, SH.path) if isinstance(p, URIRef)}
    paths |= {str(rdflib.RDF.type), str(OA.exact), str(OA.hasSource), str(OA.hasSelector),
              str(OA.start), str(OA.end), str(LITKG.evidence), str(LITKG.inDocument),
              str(LITKG.subject), str(LITKG.object), str(LITKG.condition), str(LITKG.textLength),
              str(LITKG.unitText), str(LITKG.value), str(LITKG.valueBefore), str(LITKG.valueAfter)}
    return frozenset(ox.NamedNode(p) for p in paths)


def _to_rdflib(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """The part of the data the shapes see, as an rdflib graph for pyshacl.

    Loading into rdflib costs ~100 us a triple, so only the predicates the shapes (and the
    violation report) use are copied: no full texts, labels keys, surface forms, PROV detail.
    N-Triples is the cheapest exchange between the two libraries.
    """
    skip = (ox.NamedNode(GRAPH_ONTOLOGY), ox.NamedNode(GRAPH_INFERRED))
    keep = _relevant_predicates()
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads
               if q.predicate in keep and q.graph_name not in skip)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def validate(store: ox.Store) -> list[Violation]:
    """Validate all data graphs of the store (the ontology and inferred graphs are skipped)."""
    core, constraints = _split_shapes()
    data = _to_rdflib(store.quads_for_pattern(None, None, None, None))
    results = _run_pyshacl(data, core)
    for constraint in constraints:
        # The union default graph, not a list of the data graphs: with thousands of documents
        # Oxigraph evaluates a graph list pattern by pattern per graph (seconds, not ms).
        # The ontology and inferred graphs hold no claims' evidence, spans or units.
        rows = store.query(constraint.query, use_default_graph_as_union=True)
        for row in rows:
            values = {v.value: row[v] for v in rows.variables if row[v] is not None}
            message = re.sub(r"\{[?$](\w+)\}",
                             lambda m: _text(values.get(m.group(1), "?")), constraint.message)
            path = values.get("path")
            results.append((rdflib.URIRef(values["this"].value), _text(path) if path else None,
                            message))
    return _violations(data, results)


def validate_quads(quads: Iterable[ox.Quad]) -> list[Violation]:
    """Validate quads before they are published (e.g. the output of ``document_quads``)."""
    store = ox.Store()
    store.extend(list(quads))
    return validate(store)


def validate_graph(data: rdflib.Graph) -> list[Violation]:
    """Everything in pyshacl, SPARQL constraints included: the slow reference path."""
    return _violations(data, _run_pyshacl(data, _shapes()))


def _run_pyshacl(data: rdflib.Graph, shapes: rdflib.Graph) -> list[tuple]:
    import pyshacl

    # inplace: no inference runs, so pyshacl need not clone the data graph first
    conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                                advanced=True, allow_warnings=True, inplace=True)
    if conforms:
        return []
    if not isinstance(results, rdflib.Graph):  # pyshacl could not even run the shapes
        raise ValidationError(f"SHACL shapes could not be applied: {results}",
                              where=str(ontology_dir() / "shapes.ttl"), hint="fix shapes.ttl")
    out = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        out.append((results.value(result, SH.focusNode), _str(results.value(result, SH.resultPath)),
                    str(results.value(result, SH.resultMessage) or "violates a shape")))
    return out


def _violations(data: rdflib.Graph, results: list[tuple]) -> list[Violation]:
    out: list[Violation] = []
    for focus, path, message in results:
        claims = _claims_for(data, focus)
        if not claims:
            out.append(Violation(None, _document_for(data, None, focus), None, message,
                                 path, _str(focus)))
        for claim in claims:
            out.append(Violation(str(claim), _document_for(data, claim, focus),
                                 _sentence_for(data, claim), message, path, _str(focus)))
    return sorted(set(out), key=lambda v: (v.document or "", v.claim or "", v.message, v.path or "",
                                          v.focus or ""))


def _text(term) -> str:
    return term.value if hasattr(term, "value") else str(term)


def check(store: ox.Store) -> None:
    """Raise :class:`ValidationError` listing the violations, if any."""
    violations = validate(store)
    if violations:
        lines = "\n".join(f"  - {v}" for v in violations[:20])
        more = f"\n  ... and {len(violations) - 20} more" if len(violations) > 20 else ""
        raise ValidationError(f"{len(violations)} SHACL violation(s):\n{lines}{more}",
                              where=violations[0].claim or violations[0].document,
                              hint="fix the claims (span, unit, direction, ids) and rebuild")


def _str(term) -> str | None:
    return None if term is None else str(term)


def _claims_for(data: rdflib.Graph, focus) -> list[URIRef]:
    if focus is None:
        return []
    if (focus, LITKG.inDocument, None) in data or (focus, LITKG.evidence, None) in data:
        return [focus]
    claims = set(data.subjects(LITKG.evidence, focus))  # an evidence node
    for evidence in data.subjects(OA.hasSelector, focus):  # a selector
        claims.update(data.subjects(LITKG.evidence, evidence))
    for prop in (LITKG.subject, LITKG.object, LITKG.condition):  # an entity
        claims.update(data.subjects(prop, focus))
    return sorted(claims)


def _document_for(data: rdflib.Graph, claim, focus) -> str | None:
    if claim is not None:
        doc = data.value(claim, LITKG.inDocument)
        if doc is None:
            doc = data.value(data.value(claim, LITKG.evidence), OA.hasSource)
        return _str(doc)
    if focus is None:
        return None
    if (focus, rdflib.RDF.type, LITKG.Document) in data or (focus, LITKG.textLength, None) in data:
        return str(focus)
    return _str(data.value(focus, OA.hasSource))


def _sentence_for(data: rdflib.Graph, claim) -> str | None:
    evidence = data.value(claim, LITKG.evidence)
    if evidence is None:
        return None
    for selector in data.objects(evidence, OA.hasSelector):
        exact = data.value(selector, OA.exact)
        if exact is not None:
            return str(exact)
    return None
