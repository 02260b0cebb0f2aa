"""Claim evaluation against gold (litkg.evaluate.claims) and the benchmark evaluations."""

import json
from pathlib import Path

import pytest

from litkg.errors import EvaluationError
from litkg.evaluate.claims import annotated_doc, concepts_match, evaluate_claims, read_gold
from litkg.extract.claims import extract_claims
from litkg.models import Claim, Concept, Document, Evidence
from litkg.paths import benchmarks_dir, corpus_dir

GOLD = corpus_dir() / "gold" / "claims.jsonl"


def _claim(kind, subj, obj, direction=None, start=0, end=10, doc="d1", value=None):
    return Claim(doc=doc, kind=kind, subject=Concept(subj), object=Concept(obj),
                 evidence=Evidence("x" * (end - start), start, end), direction=direction, value=value)


def _gold(tmp_path, rows):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def _row(kind, subj, obj, direction=None, start=0, end=10, **kw):
    return {"doc": "d1", "kind": kind, "subject": {"label": subj, **kw.pop("s", {})},
            "object": {"label": obj, **kw.pop("o", {})}, "direction": direction,
            "evidence": {"sentence": "x", "start": start, "end": end}, **kw}


def test_concepts_match_aliases_ids_and_containment():
    assert concepts_match({"label": "parathyroid hormone", "aliases": ["PTH"]}, {"label": "PTH"})
    assert concepts_match({"label": "x", "id": "CHEBI:1"}, {"label": "y", "id": "CHEBI:1"})
    assert concepts_match({"label": "phosphate reabsorption"}, {"label": "renal phosphate reabsorption"})
    assert not concepts_match({"label": "P"}, {"label": "PTH"})  # short names must be equal
    assert not concepts_match({"label": "calcium"}, {"label": "calcitriol"})


def test_per_kind_scores_and_direction_accuracy(tmp_path):
    gold = _gold(tmp_path, [
        _row("outcome", "cinacalcet", "parathyroid hormone", "decreased", o={"aliases": ["PTH"]}),
        _row("outcome", "cinacalcet", "calcium", "unchanged", start=20, end=30),
        _row("adverse_effect", "cinacalcet", "nausea"),
    ])
    predicted = [
        _claim("outcome", "cinacalcet", "PTH", "decreased"),
        _claim("outcome", "cinacalcet", "calcium", "decreased", start=20, end=30),  # wrong direction
        _claim("outcome", "cinacalcet", "calcium", "unchanged", start=50, end=60),  # elsewhere
        _claim("treatment", "cinacalcet", "calciphylaxis"),  # not in gold
    ]
    report = evaluate_claims(gold, predicted)
    out = report.per_kind["outcome"]
    assert (out.gold, out.gold_matched, out.predicted, out.predicted_matched) == (2, 2, 2, 2)
    # the calcium claim judged is the one whose evidence overlaps the gold sentence
    assert (out.direction_correct, out.direction_total) == (1, 2)
    assert report.per_kind["adverse_effect"].recall == 0.0
    assert report.per_kind["treatment"].precision == 0.0
    assert report.overall.gold == 3
    data = report.as_dict()
    assert data["per_kind"]["outcome"]["direction_accuracy"] == 0.5
    assert "outcome" in report.as_table()


def test_measurements_match_on_object_and_value(tmp_path):
    gold = _gold(tmp_path, [_row("measurement", "regimen not stated", "calcium", value=7.5)])
    good = evaluate_claims(gold, [_claim("measurement", "anything", "calcium", value=7.5)])
    bad = evaluate_claims(gold, [_claim("measurement", "anything", "calcium", value=7.9)])
    assert good.per_kind["measurement"].recall == 1.0 and bad.per_kind["measurement"].recall == 0.0


def test_bad_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "d", "kind": "outcome", "subject": {"label": "a"}, "object": {"label": "b"}}\n'
                    '{"doc": "d", "kind": "opinion"}\n')
    with pytest.raises(EvaluationError) as err:
        read_gold(path)
    assert "gold.jsonl:2" in str(err.value)
    with pytest.raises(EvaluationError):
        read_gold(tmp_path / "missing.jsonl")


def test_seed_gold_file_is_well_formed_and_points_into_the_texts():
    rows = read_gold(GOLD)
    assert len(rows) >= 50
    kinds = {r["kind"] for r in rows}
    assert kinds == {"treatment", "outcome", "mechanism", "adverse_effect", "measurement"}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus_dir().glob("*.txt")}
    for r in rows:
        ev = r["evidence"]
        assert texts[r["doc"]][ev["start"]:ev["end"]] == ev["sentence"]
    unchanged = [r for r in rows if r.get("direction") == "unchanged"]
    assert len(unchanged) >= 6  # "what did NOT change" is annotated


def test_annotated_doc_sets_entities_and_context():
    text = "Lisinopril-induced angioedema occurred. No cough was seen."
    doc = annotated_doc(text, [(0, 10, "DRUG", "MESH:D017706"), (19, 29, "CONDITION", None),
                               (43, 48, "PHENOTYPE", None)])
    assert [e.label_ for e in doc.ents] == ["DRUG", "CONDITION", "PHENOTYPE"]
    assert doc.ents[2]._.negated and not doc.ents[1]._.negated
    claims = extract_claims(doc, Document(id="a", text=text))
    ae = [c for c in claims if c.kind == "adverse_effect"]
    assert [(c.subject.id, c.object.label) for c in ae] == [("MESH:D017706", "angioedema")]


def test_seed_corpus_end_to_end_recall():
    """The whole pipeline on the seeds against the gold (needs litkg's entity recogniser)."""
    pytest.importorskip("litkg.extract.entities", reason="entity recogniser not installed")
    report = evaluate_claims(GOLD)
    overall = report.overall
    # measured 2026-11-22: P 0.94, R 0.91, direction accuracy 0.97 (README table)
    assert overall.recall >= 0.85 and overall.precision >= 0.85
    assert overall.direction_accuracy is not None and overall.direction_accuracy >= 0.9


def _bench(name):
    path = benchmarks_dir() / name
    if not path.exists():
        pytest.skip(f"benchmark folder {path} is absent (see benchmarks/README)")
    return path


def test_cdr_sample_with_gold_entities():
    from litkg.evaluate.cdr import evaluate_cdr

    report = evaluate_cdr(_bench("cdr") / "CDR_DevelopmentSet.PubTator.txt", limit=60)
    assert report.documents == 60
    assert report.pairs.tp > 0 and 0.25 <= report.pairs.precision <= 1.0
    assert "CID pairs" in report.as_table()


def test_ade_sample_with_train_lexicon():
    from litkg.evaluate.ade import evaluate_ade

    report = evaluate_ade(_bench("ade"), limit=300)
    assert report.sentences == 300 and report.negative_sentences > 0
    assert report.pairs.precision >= 0.5 and report.pairs.tp > 0
    assert report.caveat is None and "note:" not in report.as_table()
    # the dev part is training data of the shipped model: the report says so
    dev = evaluate_ade(_bench("ade"), limit=300, part="dev")
    assert "trained on the dev part" in dev.as_table() and dev.as_dict()["caveat"]


def test_ade_sentences_are_read_with_the_definitions_their_abstract_gives(tmp_path):
    # the corpus gives an abstract's sentences one by one; "FDE" is defined in another one
    from litkg.evaluate.ade import defined_elsewhere, evaluate_ade

    first = "A fixed drug eruption (FDE) is uncommon in children."
    second = "Two weeks after carbamazepine was started she developed FDE."
    assert defined_elsewhere(second, [first, second]) == "\n\nfixed drug eruption (FDE)."
    assert defined_elsewhere(first, [first, second]) == ""  # defined in the sentence itself
    (tmp_path / "DRUG-AE.rel").write_text(
        f"10|{second}|FDE|56|59|carbamazepine|17|30\n")
    (tmp_path / "ADE-NEG.txt").write_text(f"10 NEG {first}\n")
    report = evaluate_ade(tmp_path, entities="pipeline")
    assert (report.pairs.tp, report.pairs.fp, report.pairs.fn) == (1, 0, 0)


def test_evidence_inference_sample():
    from litkg.evaluate.evidence_inference import evaluate_evidence_inference

    report = evaluate_evidence_inference(_bench("evidence-inference"), limit=40)
    assert report.prompts > 0 and report.matched > 0
    assert 0.0 <= report.direction_accuracy <= 1.0
    assert report.as_dict()["articles"] == 40 and report.as_dict()["min_confidence"] == 0.6
    # without the ranker's gate every prompt a claim matches is answered
    ungated = evaluate_evidence_inference(_bench("evidence-inference"), limit=40, min_confidence=0)
    assert ungated.matched >= report.matched and ungated.prompts == report.prompts


def test_evidence_inference_prompts_are_read_without_html_entities(tmp_path):
    # the released prompts keep entities ("48&nbsp;h", "&lt; 5") that the abstracts spell out;
    # left in, the outcome is located without its last words
    from litkg.evaluate.evidence_inference import read_prompts

    (tmp_path / "prompts_merged.csv").write_text(
        "PromptID,PMCID,Outcome,Intervention,Comparator\n"
        "7,100,Time to relapse within 48&nbsp;h,dose &lt; 5 mg,placebo &amp; diet\n")
    (tmp_path / "v2_annotations.csv").write_text(
        "UserID,PromptID,PMCID,Valid Label,Valid Reasoning,Label,Annotations,Label Code,"
        "In Abstract,Evidence Start,Evidence End\n"
        "0,7,100,True,True,significantly increased,x,1,UNK,0,1\n")
    (prompt,) = read_prompts(tmp_path)
    assert prompt.outcome == "Time to relapse within 48\xa0h"
    assert (prompt.intervention, prompt.comparator) == ("dose < 5 mg", "placebo & diet")
    assert prompt.label == "increased"


def test_evidence_inference_scores_prompts_by_where_their_evidence_is(tmp_path):
    # annotators marked evidence in the full text; the report scores prompts whose evidence
    # the abstract holds apart from the rest, and says how often two annotators agree
    from litkg.evaluate.evidence_inference import evaluate_evidence_inference

    (tmp_path / "abstracts").mkdir()
    (tmp_path / "abstracts" / "PMC100.abst").write_text(
        "TITLE: Zelorant for pain\n\nABSTRACT.RESULTS:\nZelorant significantly reduced pain "
        "scores compared with placebo (p < 0.01). Nausea was reported by 3 patients.\n")
    (tmp_path / "prompts_merged.csv").write_text(
        "PromptID,PMCID,Outcome,Intervention,Comparator\n"
        "1,100,pain scores,Zelorant,placebo\n2,100,sleep quality,Zelorant,placebo\n")
    header = ("UserID,PromptID,PMCID,Valid Label,Valid Reasoning,Label,Annotations,Label Code,"
              "In Abstract,Evidence Start,Evidence End\n")
    (tmp_path / "v2_annotations.csv").write_text(
        header + "0,1,100,True,True,significantly decreased,Zelorant significantly reduced pain "
        "scores compared with placebo,1,UNK,0,1\n"
        "1,1,100,True,True,significantly decreased,\"reduced  pain scores, compared\",1,UNK,0,1\n"
        "0,2,100,True,True,no significant difference,Sleep quality did not differ (Table 3),1,UNK,0,1\n"
        "1,2,100,True,True,significantly increased,Sleep improved,1,UNK,0,1\n")
    report = evaluate_evidence_inference(tmp_path, min_confidence=0)
    assert (report.in_abstract.prompts, report.elsewhere.prompts) == (1, 1)
    assert report.in_abstract.matched == report.in_abstract.correct == 1
    assert report.elsewhere.matched == 0
    assert report.annotator_pairs == (1, 2)
    d = report.as_dict()
    assert d["evidence_in_abstract"]["direction_accuracy"] == 1.0 and d["annotator_agreement"] == 0.5
    assert "evidence elsewhere only" in report.as_table()


def test_evidence_inference_outcomes_are_not_alike_by_their_time_point():
    # of the claims on a prompt's outcome, the nearest count; a shared "one-year" does not
    # make another outcome nearer than one on the same measure
    from litkg.evaluate.evidence_inference import _similarity

    prompt = "the one-year survival rates"
    assert _similarity("one-year recurrence", prompt) == 0.0
    assert _similarity("mean survival time", prompt) > _similarity("one-year recurrence", prompt)
    assert _similarity("survival at one year", prompt) == 1.0
    assert _similarity("at 6 months", "at 6 months") == 1.0  # nothing but a time: all of it


def test_containment_takes_acronyms_but_not_hyphenated_modifiers():
    # a 3-letter acronym inside a longer name is the same analyte ("TSH release")
    assert concepts_match({"label": "thyrotropin", "aliases": ["TSH"]}, {"label": "TSH release"})
    # "sodium" is a modifier of the transporter, not the analyte itself
    assert not concepts_match({"label": "sodium"}, {"label": "sodium-glucose cotransporter 2"})
    assert concepts_match({"label": "sodium glucose cotransporter"},
                          {"label": "sodium-glucose cotransporter"})  # equal up to hyphens



PUBMED_GOLD = Path(__file__).parent / "gold" / "pubmed_claims.jsonl"


def test_pubmed_gold_points_into_the_medline_sample():
    """The second gold: PubMed abstracts outside the seeds' field (see tests/gold/README.md)."""
    from litkg.ingest import iter_documents

    medline = _bench("pubmed-samples") / "medline16n0902.xml.gz"
    rows = read_gold(PUBMED_GOLD)
    assert len(rows) >= 40
    texts = {d.id: d.text for d in iter_documents([medline]) if not isinstance(d, Exception)}
    for r in rows:
        ev = r["evidence"]
        assert texts[r["doc"]][ev["start"]:ev["end"]] == ev["sentence"]


PUBMED_GOLD_2 = Path(__file__).parent / "gold" / "pubmed_claims_2.jsonl"


def test_second_pubmed_gold_parses_points_into_the_sample_and_scores():
    """The third gold: ten more abstracts, written before litkg's output on them was read
    (tests/gold/README.md).  Its figure is the held-out one; the floor only catches a collapse
    (measured 2026-11-23: P 0.50, R 0.47 before the fixes it prompted)."""
    from litkg.ingest import iter_documents

    medline = _bench("pubmed-samples") / "medline16n0902.xml.gz"
    rows = read_gold(PUBMED_GOLD_2)
    assert len(rows) >= 40 and len({r["doc"] for r in rows}) == 10
    first = {json.loads(line)["doc"] for line in PUBMED_GOLD.read_text().splitlines() if line}
    assert not first & {r["doc"] for r in rows}  # no abstract of the first gold
    texts = {d.id: d.text for d in iter_documents([medline]) if not isinstance(d, Exception)}
    for r in rows:
        ev = r["evidence"]
        assert texts[r["doc"]][ev["start"]:ev["end"]] == ev["sentence"]
    pytest.importorskip("litkg.extract.entities", reason="entity recogniser not installed")
    overall = evaluate_claims(PUBMED_GOLD_2, corpus=medline).overall
    assert overall.gold == len({(r["doc"], r["kind"], r["subject"]["label"].lower(),
                                 r["object"]["label"].lower()) for r in rows})
    assert overall.recall >= 0.4 and overall.precision >= 0.4


def test_corpus_may_be_one_input_file(tmp_path):
    """``--corpus medline16n0902.xml.gz``: the gold's documents come out of one PubMed XML."""
    medline = _bench("pubmed-samples") / "medline16n0902.xml.gz"
    row = next(json.loads(line) for line in PUBMED_GOLD.read_text().splitlines()
               if '"26702342"' in line and '"creatinine"' in line)
    gold = tmp_path / "one.jsonl"
    gold.write_text(json.dumps(row) + "\n")
    report = evaluate_claims(gold, corpus=medline)
    assert report.overall.gold == 1
    assert report.per_kind["outcome"].predicted >= 1  # the pipeline ran on that abstract


def test_missing_corpus_is_named(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc": "x", "kind": "treatment", "subject": {"label": "a"},
                                "object": {"label": "b"}}) + "\n")
    with pytest.raises(EvaluationError) as err:
        evaluate_claims(gold, corpus=tmp_path / "nowhere")
    assert "nowhere" in str(err.value)
