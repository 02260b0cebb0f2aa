"""Study type and evidence level (litkg.extract.studytype)."""

import json

import pytest

from litkg.extract.studytype import classify
from litkg.models import EVIDENCE_LEVELS, Document, DocumentMetadata
from litkg.paths import corpus_dir


def _doc(text="", **meta):
    return Document(id="x", text=text, metadata=DocumentMetadata(**meta))


def test_case_report_wins_over_clinical_trial_in_publication_types():
    d = classify(_doc(publication_types=("Case Reports", "Clinical Trial")))
    assert d.study_type == "case_report" and d.evidence_level == EVIDENCE_LEVELS["case_report"]
    assert d.cue == "publication type: Case Reports"


def test_rct_from_publication_type_and_highest_level_wins():
    d = classify(_doc(publication_types=("Randomized Controlled Trial", "Review")))
    assert d.study_type == "rct" and d.evidence_level == 2


def test_ai_generated_pending_review():
    d = classify(_doc(publication_types=("AI-generated answer",), review_status="pending human review"))
    assert d.study_type == "ai_generated" and d.pending_review and d.evidence_level == 6


@pytest.mark.parametrize("text,expected", [
    ("Patients were randomly assigned to drug or placebo in a double-blind trial.", "rct"),
    ("We performed a systematic review and meta-analysis of 12 trials.", "systematic_review"),
    ("A retrospective cohort study of 1,200 adults.", "cohort"),
    ("A cross-sectional study of metformin users and non-users.", "cross_sectional"),
    ("We report a 54-year-old man with hyperkalemia.", "case_report"),
    ("A 15-year-old boy received haloperidol and developed dystonia.", "case_report"),
    ("A 45-year-old kidney transplant recipient was started on rifampicin.", "case_report"),
    ("Children received melatonin or placebo for 4 weeks each in random order.", "rct"),
    ("Patients aged 45 years or older were started on rifampicin.", "unknown"),
    ("We describe three patients who developed rash.", "case_series"),
    ("Serum sodium is regulated by vasopressin.", "unknown"),
])
def test_text_cues_when_metadata_is_silent(text, expected):
    assert classify(_doc(text)).study_type == expected


def test_seed_corpus_designs():
    root = corpus_dir()
    expected = {"000": "case_report", "001": "case_report", "003": "ai_generated", "004": "case_report"}
    for meta_path in sorted(root.glob("*.meta.json")):
        meta = json.loads(meta_path.read_text())
        text = meta_path.with_name(meta_path.name.replace(".meta.json", ".txt")).read_text()
        doc = _doc(text, **{k: v for k, v in meta.items() if k in DocumentMetadata.__dataclass_fields__})
        assert classify(doc).study_type == expected[meta_path.name[:3]], meta_path.name


def test_allocation_to_arms_makes_a_randomised_trial():
    from litkg.extract.studytype import classify
    from litkg.models import Document

    doc = Document(id="x", text="Patients were randomly assigned (2:1) to drug X or placebo.")
    assert classify(doc, None).study_type == "rct"


def test_animal_and_cell_studies_are_preclinical_unless_people_are_studied_more():
    from litkg.models import Document
    from litkg.extract.studytype import classify
    text = ("Metformin attenuates hepatic steatosis in mice fed a high-fat diet. Male mice were "
            "treated with metformin or vehicle.")
    design = classify(Document(id="m", text=text))
    assert design.study_type == "preclinical" and design.evidence_level == 6
    text = ("In mice, metformin lowers hepatic fat. We studied 40 patients; patients with "
            "steatosis received metformin.")
    assert classify(Document(id="p", text=text)).study_type == "unknown"


def test_random_assignment_to_arms_makes_a_randomised_trial():
    from litkg.models import Document
    from litkg.extract.studytype import classify
    text = ("We randomly assigned 4744 patients with heart failure to receive either "
            "dapagliflozin (10 mg once daily) or placebo.")
    assert classify(Document(id="r", text=text)).study_type == "rct"


def test_a_cited_meta_analysis_does_not_make_the_citing_study_a_review():
    from litkg.models import Document
    from litkg.extract.studytype import classify
    text = ("Oral contraceptives and colorectal cancer\n\nA recent meta-analysis of 7 cohorts "
            "found a lower risk. In this large prospective study of 337 700 women, ...")
    assert classify(Document(id="c", text=text)).study_type == "cohort"
    text = "Statins and myopathy\n\nWe performed a systematic review of 40 trials."
    assert classify(Document(id="s", text=text)).study_type == "systematic_review"
