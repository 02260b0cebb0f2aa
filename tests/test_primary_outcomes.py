"""A trial's outcome named by its role ("the primary end point") resolves to its definition
(litkg.extract.primary_outcomes)."""

import spacy

from litkg.extract.extensions import register_extensions
from litkg.extract.primary_outcomes import definitions, resolve_roles
from litkg.models import Document


def _doc(text, ents=()):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    return resolve_roles(doc)


def _roles(doc):
    return [(e.text, e._.concept_label, e._.concept_id) for e in doc.ents
            if e._.source == "primary_outcome"]


def test_a_role_mention_after_the_definition_takes_the_defined_outcome():
    doc = _doc("The primary end point was the rate of stent thrombosis at one year, assessed by "
               "angiography. The primary end point occurred in 3% with drug A and 6% with drug B.")
    assert _roles(doc) == [("primary end point", "rate of stent thrombosis at one year", None)]


def test_a_definition_that_is_one_entity_lends_its_concept():
    doc = _doc("Overall survival was the primary endpoint. The primary endpoint was longer with A.",
               [("Overall survival", "ENDPOINT")])
    assert [r[:2] for r in _roles(doc)] == [("primary endpoint", "Overall survival")]


def test_plural_qualified_and_undefined_roles_are_left_alone():
    doc = _doc("The secondary outcomes were pain and sleep. The secondary outcomes did not differ. "
               "Primary outcome data were complete. The main outcome of the trial improved.")
    assert definitions(doc) == {} and _roles(doc) == []
    twice = _doc("The primary outcome was pain. In trial 2 the primary outcome was sleep. "
                 "The primary outcome improved.")
    assert _roles(twice) == []  # two definitions: which one is meant is not said


def test_a_trial_abstract_credits_the_defined_outcome_to_the_better_arm():
    from litkg.extract.pipeline import extract_document

    text = ("Rivaroxaban versus aspirin after hip replacement: a randomized trial\n\n"
            "Methods: We randomly assigned 900 patients to rivaroxaban or aspirin. The primary "
            "outcome was symptomatic venous thromboembolism within 90 days. Results: The primary "
            "outcome occurred in 1.2% of patients receiving rivaroxaban and in 4.1% of those "
            "receiving aspirin (P=0.01).")
    claims = extract_document(Document(id="t", text=text)).claims
    found = {(c.subject.label.lower(), c.object.label.lower(), c.direction) for c in claims
             if c.kind == "outcome" and c.evidence.sentence.startswith("Results")}
    assert ("rivaroxaban", "symptomatic venous thromboembolism within 90 days",
            "decreased") in found


def test_a_role_defined_where_it_is_reported_is_one_endpoint_of_its_definition():
    doc = _doc("The primary outcome of death or stroke occurred in 5% with A and 8% with placebo. "
               "The primary outcome did not differ in women.",
               [("death", "CONDITION"), ("stroke", "CONDITION")])
    got = _roles(doc)
    # the composite replaces its parts, and a later mention of the role resolves to it
    assert [r[:2] for r in got] == [("primary outcome of death or stroke", "death or stroke"),
                                    ("primary outcome", "death or stroke")]
    assert [e.text for e in doc.ents if e.label_ == "CONDITION"] == []
    doc = _doc("The primary end point, a composite of death, infarction, or stroke, occurred in "
               "6.8% with A.")
    assert [r[1] for r in _roles(doc)] == ["composite of death, infarction, or stroke"]
    # "the primary outcome of the trial was X" defines, it does not report
    assert _roles(_doc("The primary outcome of the trial was pain.")) == []


def test_a_role_never_defined_names_itself():
    """"The primary outcome occurred in 9.2% ..." with no word of what it was: the role is the
    outcome's only name, so the result still has an object."""
    doc = _doc("Adults were assigned to drug A or placebo. The primary outcome occurred in 9.2% "
               "of the A group and 12.1% of the placebo group.")
    assert _roles(doc) == [("primary outcome", "primary outcome", None)]
    # a role the abstract tries to define but the definition is unreadable stays unresolved
    doc = _doc("The primary outcome was assessed at 12 weeks. The primary outcome occurred in "
               "9.2% with A.")
    assert _roles(doc) == []


def test_an_undefined_primary_outcome_gets_its_direction_from_the_ratio_pipeline():
    from litkg.extract.pipeline import extract_document

    text = ("Patients with heart failure were randomly assigned to zolmadine or placebo. The "
            "primary outcome occurred in 9.2% of the zolmadine group and 12.1% of the placebo "
            "group (hazard ratio 0.74; 95% CI, 0.65 to 0.85).")
    claims = extract_document(Document(id="t-po", text=text)).claims
    got = [(c.object.label, c.direction) for c in claims if c.kind == "outcome"]
    assert got == [("primary outcome", "decreased")]
