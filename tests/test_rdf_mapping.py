"""Claims -> quads -> Oxigraph: the RDF shape of docs/rdf-model.md, queried with SPARQL.

The fixture world is hand-written from two seed texts (corpus/004: the calciphylaxis letter,
corpus/001: the HVDRR siblings); offsets are found in the real text, so the spans are true.
Other rdf test modules import :func:`world` and :func:`loaded_store` from here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pytest

from litkg.errors import LitkgError
from litkg.models import (Claim, Concept, Curation, Document, DocumentMetadata, Evidence,
                          StudyDesign)
from litkg.rdf.mapping import (decimal_lexical, document_quads, entity_iri, load_ontology,
                               ontology_quads, replace_document)
from litkg.rdf.namespaces import (GRAPH_ONTOLOGY, assertions_graph, provenance_graph,
                                  sparql_prefixes)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

CINACALCET = Concept("cinacalcet", "CHEBI:48390", text="cinacalcet")
PTH = Concept("parathyroid hormone", "LOINC:2731-8", text="PTH")
CALCIUM = Concept("calcium", "LOINC:17861-6", text="calcium")
PHOSPHATE = Concept("phosphate", "LOINC:2777-1", text="P")
CALCIPHYLAXIS = Concept("calciphylaxis", "MONDO:0017215")
SHPT = Concept("secondary hyperparathyroidism", "MONDO:0006964")
CASR = Concept("calcium-sensing receptor", "UniProt:P41180", text="calcium receptor")
HYPOCALCEMIA = Concept("hypocalcemia", "HP:0002901")
CALCIDIOL = Concept("calcidiol", "CHEBI:17933", text="25(OH)D3")


def _evidence(text: str, first: str, last: str, section: str | None = None) -> Evidence:
    start = text.index(first)
    end = text.index(last, start) + len(last)
    return Evidence(sentence=text[start:end], start=start, end=end, section=section)


def _document(stem: str, meta: DocumentMetadata) -> Document:
    path = next(CORPUS.glob(f"{stem}_*.txt"))
    return Document(id=path.stem, text=path.read_text(encoding="utf-8"), metadata=meta,
                    source=str(path))


@lru_cache(maxsize=1)
def world() -> tuple:
    """((document, claims, design), ...) for seeds 004 and 001."""
    d4 = _document("004", DocumentMetadata(
        title="Cinacalcet as first-line treatment of calciphylaxis in a haemodialysis patient",
        publication_types=("Letter", "Case Reports"), source_kind="letter-text"))
    t4 = d4.text
    woman = "68-year-old woman"
    claims4 = [
        Claim(doc=d4.id, kind="outcome", subject=CINACALCET, object=PTH, direction="decreased",
              before=269, after=225, unit="pg/ml", patient=woman, timepoint="2 months",
              regimen="cinacalcet 30 mg/day",
              evidence=_evidence(t4, "This procedure", "pg/ml.", "CASE REPORT")),
        Claim(doc=d4.id, kind="outcome", subject=CINACALCET, object=CALCIUM, direction="unchanged",
              before=2.03, unit="mmol/l", patient=woman, timepoint="2 months",
              regimen="cinacalcet 30 mg/day",
              evidence=_evidence(t4, "Conversely, no", "observed.", "CASE REPORT")),
        Claim(doc=d4.id, kind="mechanism", subject=CINACALCET, object=CASR,
              evidence=_evidence(t4, "Cinacalcet, a \n", "hyperparathyroidism.")),
        Claim(doc=d4.id, kind="treatment", subject=CINACALCET, object=CALCIPHYLAXIS,
              condition=SHPT, hedged=True,
              evidence=_evidence(t4, "Overall, this", "hyperparathyroidism."),
              curation=Curation(status="accepted", curator="A. Curator",
                                curated_at="2026-11-20T10:00:00Z", reason="matches the letter")),
    ]
    d1 = _document("001", DocumentMetadata(
        title="The Effectiveness of Cinacalcet as an Adjunctive Therapy for Hereditary 1,25 "
              "Dihydroxyvitamin D3-Resistant Rickets", journal="J Clin Res Pediatr Endocrinol",
        year=2017, doi="10.4274/jcrpe.3486", publication_types=("Case Reports",)))
    t1 = d1.text
    claims1 = [
        Claim(doc=d1.id, kind="measurement", subject=CALCIDIOL, object=PHOSPHATE, value=2.8,
              unit="mg/dL", patient="case 2", timepoint="2 months", regimen="25(OH)D3 400 IU daily",
              evidence=_evidence(t1, "In her next visit", "(Table 2).")),
        Claim(doc=d1.id, kind="adverse_effect", subject=CINACALCET, object=HYPOCALCEMIA,
              patient="case 1", statistic_items=(("p", 0.04),),
              evidence=_evidence(t1, "We observed a temporary", "therapy.")),
    ]
    return ((d4, tuple(claims4), StudyDesign("letter", 5, cue="publication type: Letter")),
            (d1, tuple(claims1), StudyDesign("case_report", 5, cue="publication type: Case Reports")))


def all_quads(version: str = "0.1.0") -> list[ox.Quad]:
    quads = []
    for document, claims, design in world():
        quads += document_quads(document, claims, design, extractor_version=version)
    return quads


def loaded_store(with_ontology: bool = True) -> ox.Store:
    store = ox.Store()
    store.extend(all_quads())
    if with_ontology:
        load_ontology(store)
    return store


def select(store: ox.Store, query: str) -> list[dict]:
    rows = store.query(sparql_prefixes() + query, use_default_graph_as_union=True)
    names = [v.value for v in rows.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in rows]


# --------------------------------------------------------------------------------------------


def test_pth_decreased_and_calcium_unchanged_for_the_same_patient():
    store = loaded_store(with_ontology=False)
    rows = select(store, """
        SELECT ?patient ?label ?before ?after ?cal WHERE {
          ?a a litkg:OutcomeClaim ; litkg:object/litkg:curie "LOINC:2731-8" ;
             litkg:direction litkg:Decreased ; litkg:patient ?patient ;
             litkg:valueBefore ?before ; litkg:valueAfter ?after .
          ?b a litkg:OutcomeClaim ; litkg:object/litkg:curie "LOINC:17861-6" ;
             litkg:direction litkg:Unchanged ; litkg:patient ?patient ; litkg:valueBefore ?cal .
          ?patient a litkg:Patient ; rdfs:label ?label .
        }""")
    assert rows == [{"patient": rows[0]["patient"], "label": "68-year-old woman",
                     "before": "269", "after": "225", "cal": "2.03"}]
    assert rows[0]["patient"].endswith("/subject/68-year-old-woman")


def test_claim_iri_graphs_and_provenance():
    (d4, claims4, _), (d1, claims1, _) = world()
    quads = all_quads()
    claim = claims4[0]
    graphs = {q.graph_name.value for q in quads if q.subject.value == claim.iri}
    assert graphs == {assertions_graph(d4.id), provenance_graph(d4.id)}
    store = ox.Store()
    store.extend(quads)
    rows = select(store, f"""
        SELECT ?start ?end ?exact ?eco ?version ?len ?level ?stype WHERE {{
          <{claim.iri}> litkg:evidence ?e ; litkg:evidenceCode ?eco ;
              prov:wasGeneratedBy/litkg:extractorVersion ?version ; litkg:inDocument ?d .
          ?e oa:hasSource ?d ; oa:hasSelector ?p , ?q .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact .
          ?d litkg:textLength ?len ; litkg:evidenceLevel ?level ; litkg:studyType ?stype .
        }}""")
    assert len(rows) == 1
    row = rows[0]
    assert (int(row["start"]), int(row["end"])) == (claim.evidence.start, claim.evidence.end)
    assert d4.text[int(row["start"]):int(row["end"])] == row["exact"]
    assert row["eco"].endswith("ECO_0007225") and row["version"] == "0.1.0"
    assert int(row["len"]) == len(d4.text) and row["level"] == "5"
    assert row["stype"].endswith("#Letter")
    # the curated claim is a manual assertion, attributed to its curator, with a time
    curated = claims4[3]
    rows = select(store, f"""
        SELECT ?eco ?who ?at ?status WHERE {{
          <{curated.iri}> litkg:evidenceCode ?eco ; prov:wasAttributedTo/rdfs:label ?who ;
              litkg:curatedAt ?at ; litkg:curationStatus ?status . }}""")
    assert rows == [{"eco": "http://purl.obolibrary.org/obo/ECO_0007121", "who": "A. Curator",
                     "at": "2026-11-20T10:00:00Z",
                     "status": "https://w3id.org/litkg/ontology#Accepted"}]


def test_entities_types_and_normalised_values():
    store = loaded_store(with_ontology=False)
    types = {r["t"].rsplit("#", 1)[1] for r in select(store, f"""
        SELECT ?t WHERE {{ <{entity_iri(CINACALCET)}> a ?t }}""")}
    assert types == {"Drug", "Entity"}
    assert entity_iri(CINACALCET) == "http://purl.obolibrary.org/obo/CHEBI_48390"
    kinds = {r["c"]: r["t"] for r in select(store, """
        SELECT ?c ?t WHERE { ?x litkg:object ?o . ?o litkg:curie ?c ; a ?t .
                             FILTER(?t != litkg:Entity) }""")}
    assert kinds == {"LOINC:2731-8": "https://w3id.org/litkg/ontology#Analyte",
                     "LOINC:17861-6": "https://w3id.org/litkg/ontology#Analyte",
                     "LOINC:2777-1": "https://w3id.org/litkg/ontology#Analyte",
                     "UniProt:P41180": "https://w3id.org/litkg/ontology#Target",
                     "MONDO:0017215": "https://w3id.org/litkg/ontology#Condition",
                     "HP:0002901": "https://w3id.org/litkg/ontology#Phenotype"}
    # calcium 2.03 mmol/L = 8.14 mg/dL; the UO term of the written unit
    rows = select(store, """
        SELECT ?n ?u ?uo WHERE { ?c litkg:object/litkg:curie "LOINC:17861-6" ;
            litkg:normalizedValueBefore ?n ; litkg:normalizedUnitText ?u ; litkg:unit ?uo }""")
    assert rows == [{"n": "8.14", "u": "mg/dL", "uo": "http://purl.obolibrary.org/obo/UO_0000063"}]
    # a measurement with patient, time point and a treatment episode carrying the regimen
    rows = select(store, """
        SELECT ?v ?tp ?who ?reg ?drug WHERE { ?c a litkg:MeasurementClaim ; litkg:value ?v ;
            litkg:timepoint ?tp ; litkg:treatmentEpisode ?ep .
            ?ep litkg:recipient/rdfs:label ?who ; litkg:regimen ?reg ; litkg:intervention/rdfs:label ?drug }""")
    assert rows == [{"v": "2.8", "tp": "2 months", "who": "case 2", "reg": "25(OH)D3 400 IU daily",
                     "drug": "calcidiol"}]
    rows = select(store, "SELECT ?n ?v WHERE { ?c litkg:statistic [ litkg:statisticType ?n ; litkg:statisticValue ?v ] }")
    assert rows == [{"n": "p", "v": "0.04"}]
    rows = select(store, """SELECT ?k ?h ?n WHERE { ?c a litkg:Claim ; litkg:hedged ?h ; litkg:negated ?n ;
                              a ?k . FILTER(STRSTARTS(STR(?k), STR(litkg:)) && ?k != litkg:Claim && ?h) }""")
    assert rows == [{"k": "https://w3id.org/litkg/ontology#TreatmentClaim", "h": "true", "n": "false"}]


def test_mapping_is_deterministic_and_documents_replace_as_a_unit():
    assert sorted(map(str, all_quads())) == sorted(map(str, all_quads()))
    (d4, claims4, design4), (d1, _, _) = world()
    store = loaded_store(with_ontology=False)
    before = len(store)
    # re-extraction of document 004 with only one claim left
    replace_document(store, d4.id, document_quads(d4, claims4[:1], design4, extractor_version="0.2.0"))
    assert len(select(store, "SELECT ?c WHERE { ?c a litkg:Claim }")) == 3
    assert select(store, "SELECT DISTINCT ?v WHERE { ?a litkg:extractorVersion ?v }") \
        and len(store) < before
    replace_document(store, d4.id, [])  # retraction
    docs = {r["d"] for r in select(store, "SELECT ?d WHERE { ?d a litkg:Document }")}
    assert docs == {d1.iri}


def test_rejects_claims_of_another_document_and_non_finite_values():
    (d4, claims4, design4), (d1, claims1, _) = world()
    with pytest.raises(LitkgError, match="belongs to document"):
        document_quads(d4, claims1, design4, extractor_version="x")
    with pytest.raises(LitkgError, match="not a finite number"):
        decimal_lexical(float("nan"))
    assert decimal_lexical(225.0) == "225" and decimal_lexical(1e-5) == "0.00001"


def test_pending_review_and_ai_study_type():
    doc = Document(id="003_x", text="Cinacalcet can be used. It lowers PTH.",
                   metadata=DocumentMetadata(review_status="pending human review"))
    claim = Claim(doc=doc.id, kind="outcome", subject=CINACALCET, object=PTH,
                  direction="decreased", evidence=Evidence("It lowers PTH.", 24, 38))
    store = ox.Store()
    store.extend(document_quads(doc, [claim], StudyDesign("ai_generated", 6),
                                extractor_version="1"))
    rows = select(store, "SELECT ?p ?t ?l WHERE { ?d litkg:pendingReview ?p ; litkg:studyType ?t ; litkg:evidenceLevel ?l }")
    assert rows == [{"p": "true", "t": "https://w3id.org/litkg/ontology#AIGeneratedText", "l": "6"}]


def test_ontology_quads_land_in_the_ontology_graph():
    quads = ontology_quads()
    assert len(quads) > 300 and {q.graph_name.value for q in quads} == {str(GRAPH_ONTOLOGY)}
    store = ox.Store()
    load_ontology(store)
    load_ontology(store)  # reloading replaces, does not duplicate blank-node axioms
    assert len(store) == len(quads)


def test_model_md_examples_match_the_mapping():
    import re

    import rdflib

    text = (Path(__file__).resolve().parents[1] / "docs" / "model.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```trig\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 3
    produced = rdflib.Dataset()
    produced.parse(data=ox.serialize(all_quads(), format=ox.RdfFormat.N_QUADS).decode("utf-8"),
                   format="nquads")
    for block in blocks:
        shown = rdflib.Dataset()
        shown.parse(data=block, format="trig")
        graphs = [g for g in shown.graphs() if len(g)]
        assert len(graphs) == 3  # assertions + provenance of one document, and the shared nodes
        for g in graphs:
            missing = {_canon(t) for t in g} - {_canon(t) for t in produced.graph(g.identifier)}
            assert not missing, f"docs/model.md shows triples the mapping no longer makes: {missing}"


def _canon(triple):
    """Compare decimals by value: rdflib's Turtle writer prints "225"^^xsd:decimal as 225.0."""
    import rdflib
    from decimal import Decimal

    return tuple(Decimal(str(t)).normalize()
                 if isinstance(t, rdflib.Literal) and t.datatype == rdflib.XSD.decimal else t
                 for t in triple)


@pytest.mark.parametrize("curie,iri", [
    ("CHEBI:48390", "http://purl.obolibrary.org/obo/CHEBI_48390"),
    ("MONDO:0017215", "http://purl.obolibrary.org/obo/MONDO_0017215"),
    ("UO:0000063", "http://purl.obolibrary.org/obo/UO_0000063"),
    ("PR:P01270", "http://purl.obolibrary.org/obo/PR_P01270"),
    ("MESH:D002118", "http://id.nlm.nih.gov/mesh/D002118"),
    ("LOINC:2731-8", "https://loinc.org/2731-8"),
    ("LOINC:LP15257-6", "https://loinc.org/LP15257-6"),
    ("HGNC:1514", "http://identifiers.org/hgnc/1514"),
    ("UniProt:P41180", "http://purl.uniprot.org/uniprot/P41180"),
    ("Orphanet:280062", "http://www.orpha.net/ORDO/Orphanet_280062"),
    ("OMIM:277440", "https://omim.org/entry/277440"),
    ("UNII:1K860WSG25", "http://identifiers.org/unii/1K860WSG25"),
    ("FOO:123", "http://identifiers.org/foo/123"),
])
def test_curies_round_trip(curie, iri):
    from litkg.rdf.curies import curie_to_iri, iri_to_curie

    assert curie_to_iri(curie) == iri
    assert iri_to_curie(iri) == curie


def test_curie_spellings_and_errors():
    from litkg.rdf.curies import curie_to_iri, iri_to_curie

    assert curie_to_iri("MeSH:D002118") == curie_to_iri("MESH:D002118")
    assert curie_to_iri("UniProtKB:P41180") == "http://purl.uniprot.org/uniprot/P41180"
    assert iri_to_curie("https://example.org/x") is None
    assert iri_to_curie("http://purl.obolibrary.org/obo/NOTANONTOLOGY_1") is None
    for bad in ("cinacalcet", "http://purl.obolibrary.org/obo/CHEBI_1", ""):
        with pytest.raises(LitkgError, match="not a CURIE"):
            curie_to_iri(bad)


def test_normalisation_through_the_unit_lexicon():
    from litkg.rdf import mapping

    unknown_id = Concept("serum calcium", "LOINC:99999-9")
    assert mapping.normalise(2.03, "mmol/l", unknown_id) == (8.14, "mg/dL")  # label decides
    assert mapping.normalise(1.0, "mmol/L", PHOSPHATE) == (3.1, "mg/dL")
    assert mapping.normalise(2.40, "mmol/l", Concept("phosphates")) == (7.43, "mg/dL")  # seed 004
    assert mapping.normalise(30, "ng/L", Concept("FGF-23")) == (30, "pg/mL")  # unit-level only
    assert mapping.normalise(2.03, "mmol/l", CALCIUM) == (8.14, "mg/dL")
    assert mapping.normalise(7.5, "mg/dL", CALCIUM) == (7.5, "mg/dL")
    assert mapping.unit_uo("mmol/l") == "UO:0000063" and mapping.unit_uo("furlongs") is None
