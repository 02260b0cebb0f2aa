"""Values listed "respectively" pair with the outcomes by order (litkg.extract.respectively)."""

from litkg.evaluate.claims import annotated_doc
from litkg.extract.claims import extract_claims
from litkg.models import Document


def _stats(text, ents):
    spans = [(text.index(p), text.index(p) + len(p), label, None) for p, label in ents]
    doc = annotated_doc(text, spans)
    return {c.object.label: c.statistic for c in extract_claims(doc, Document(id="r", text=text))
            if c.kind == "outcome"}


def test_percentages_pair_with_the_listed_outcomes_in_order():
    text = ("With simvastatin, total cholesterol (TC) and triglycerides fell by 31.5% and 12%, "
            "respectively.")
    got = _stats(text, [("simvastatin", "DRUG"), ("total cholesterol", "ANALYTE"), ("TC", "ANALYTE"),
                        ("triglycerides", "ANALYTE")])
    assert got == {"total cholesterol": {"percent": 31.5}, "triglycerides": {"percent": 12.0}}


def test_counts_that_differ_give_no_pairing():
    text = "With simvastatin, total cholesterol and triglycerides fell by 31.5%, respectively."
    got = _stats(text, [("simvastatin", "DRUG"), ("total cholesterol", "ANALYTE"),
                        ("triglycerides", "ANALYTE")])
    assert got.get("triglycerides") != {"percent": 12.0}
    assert all(v in (None, {"percent": 31.5}) for v in got.values())
