"""SHACL validation: the fixture world conforms; broken claims are reported with claim, document
and sentence."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from litkg.errors import ValidationError
from litkg.models import Claim, Evidence
from litkg.rdf.mapping import document_quads
from litkg.rdf.namespaces import LITKG, OA
from litkg.rdf.validate import Violation, check, validate, validate_quads
from test_rdf_mapping import CINACALCET, PTH, all_quads, loaded_store, world


def test_fixture_world_conforms():
    assert validate(loaded_store()) == []


def test_span_past_the_end_of_the_text_is_reported_with_claim_document_and_sentence():
    (d4, claims4, design4), _ = world()
    n = len(d4.text)
    bad = Claim(doc=d4.id, kind="outcome", subject=CINACALCET, object=PTH, direction="decreased",
                evidence=Evidence("PTH decreased.", n - 5, n + 10))
    violations = validate_quads(document_quads(d4, [claims4[0], bad], design4, extractor_version="1"))
    assert len(violations) == 1
    v = violations[0]
    assert (v.claim, v.document, v.sentence) == (bad.iri, d4.iri, "PTH decreased.")
    assert f"{n - 5}..{n + 10}" in v.message and f"length {n}" in v.message
    assert "0 <= start < end <= length" in str(v) and bad.iri in str(v)


def test_value_without_unit_and_empty_span():
    (d4, claims4, design4), _ = world()
    ok = claims4[0]
    no_unit = ok.with_changes(unit=None, timepoint="3 months")  # new identity -> new IRI
    empty = ok.with_changes(evidence=Evidence("x", 10, 10))
    violations = validate_quads(document_quads(d4, [ok, no_unit, empty], design4,
                                               extractor_version="1"))
    by_claim = {v.claim: v for v in violations}
    assert set(by_claim) == {no_unit.iri, empty.iri}
    assert "without a unit" in by_claim[no_unit.iri].message
    assert by_claim[no_unit.iri].path in (str(LITKG.valueBefore), str(LITKG.valueAfter))
    assert by_claim[no_unit.iri].sentence == ok.evidence.sentence
    assert "10..10" in by_claim[empty.iri].message


def test_bad_direction_and_non_curie_ids_in_raw_quads():
    store = loaded_store()
    (d4, claims4, _), _ = world()
    c = ox.NamedNode(claims4[1].iri)
    direction = ox.NamedNode(str(LITKG.direction))
    graph = next(store.quads_for_pattern(c, direction, None)).graph_name
    store.remove(next(store.quads_for_pattern(c, direction, None)))
    store.add(ox.Quad(c, direction, ox.NamedNode(str(LITKG.Sideways)), graph))
    entity = ox.NamedNode("http://purl.obolibrary.org/obo/CHEBI_48390")
    store.add(ox.Quad(entity, ox.NamedNode(str(LITKG.curie)), ox.Literal("cinacalcet 30 mg"), graph))
    violations = validate(store)
    messages = {(v.claim, v.message.split(" (")[0]) for v in violations}
    assert (claims4[1].iri, "direction must be one of increased, decreased, unchanged, improved, worsened") in messages
    curie = [v for v in violations if "CURIE" in v.message]
    # the bad id is reported once per claim that uses the entity, with their sentences
    assert {v.claim for v in curie} >= {claims4[0].iri, claims4[1].iri}
    assert all(v.focus == entity.value and v.sentence for v in curie)
    with pytest.raises(ValidationError, match="SHACL violation"):
        check(store)


def test_missing_text_length_is_a_document_violation():
    store = ox.Store()
    store.extend(q for q in all_quads() if q.predicate.value != str(LITKG.textLength))
    violations = validate(store)
    docs = {v.document for v in violations if "textLength" in v.message}
    assert docs == {d.iri for d, _, _ in world()}
    assert all(isinstance(v, Violation) for v in violations)


def test_missing_quote_selector():
    quads = [q for q in all_quads() if q.object != ox.NamedNode(str(OA.TextQuoteSelector))]
    violations = validate_quads(quads)
    assert violations and all("TextQuoteSelector" in v.message for v in violations)
    assert len({v.claim for v in violations}) == 6


def test_oxigraph_sparql_constraints_agree_with_pure_pyshacl():
    """validate() runs the shapes' SPARQL constraints in Oxigraph; the reference is pyshacl."""
    from litkg.rdf.validate import _to_rdflib, validate_graph

    (d4, claims4, design4), _ = world()
    n = len(d4.text)
    ok = claims4[0]
    broken = [ok, ok.with_changes(unit=None, timepoint="t2"),
              ok.with_changes(evidence=Evidence("x", n, n + 1)),
              ok.with_changes(evidence=Evidence("x", -1, 5))]
    quads = document_quads(d4, broken, design4, extractor_version="1")
    fast = validate_quads(quads)
    slow = validate_graph(_to_rdflib(quads))
    assert len(fast) == 4  # no unit: valueBefore and valueAfter; two bad spans
    assert fast == slow
