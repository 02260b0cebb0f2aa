"""Control arms named by what they got instead of the drug (litkg.extract.control_arms)."""

import spacy

from litkg.extract.control_arms import add_control_arms
from litkg.extract.extensions import register_extensions
from litkg.models import Document


def _arms(text, ents=()):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(p), text.index(p) + len(p), label=label)
                for p, label in ents]
    doc = add_control_arms(doc)
    return [(e.text, e._.concept_label) for e in doc.ents if e._.source == "control_arm"]


def test_a_group_named_for_its_control_treatment_is_a_control_arm():
    assert _arms("Nausea was rarer in the sham group and the usual-care arm.") == \
        [("sham group", "control"), ("usual-care arm", "control")]


def test_a_bare_control_word_is_an_arm_only_when_compared_with_an_intervention():
    assert _arms("Patients received ondansetron or normal saline.", [("ondansetron", "DRUG")]) == \
        [("normal saline", "control")]
    assert _arms("Relapse was rarer with lithium than in untreated controls.",
                 [("lithium", "DRUG")]) == [("untreated controls", "control")]
    # saline as the treatment ("hypertonic saline or saline infusion") and with no drug named
    assert _arms("Patients received mannitol or saline infusion.", [("mannitol", "DRUG")]) == []
    assert _arms("Wounds were irrigated with saline.") == []


def test_a_control_word_after_the_value_measured_with_it_is_an_arm():
    assert _arms("Agitation occurred in 12% with clonidine and 42% with saline.",
                 [("clonidine", "DRUG")]) == [("saline", "control")]
    # ... not a saline infusion given after a value
    assert _arms("Clonidine 2 µg/kg with saline infusion was given.", [("Clonidine", "DRUG")]) == []


def test_rates_against_a_saline_group_give_the_drugs_outcome_not_its_harm():
    from litkg.extract.pipeline import extract_document

    text = ("Droperidol for postoperative nausea: a randomized trial\n\nResults: Nausea during the "
            "first 24 h occurred in 18% in the droperidol group and 41% in the saline group "
            "(P=0.002).")
    claims = extract_document(Document(id="t", text=text)).claims
    found = {(c.kind, c.subject.label.lower(), c.object.label.lower(), c.direction)
             for c in claims if c.evidence.sentence.startswith("Results")}
    assert ("outcome", "droperidol", "nausea", "decreased") in found
    assert not [f for f in found if f[0] == "adverse_effect"]


def test_people_named_by_the_control_they_were_given_are_a_control_arm():
    """"38% of those given saline", "children allocated sham": the allocation names the arm."""
    assert _arms("Delirium occurred in 12% of children given zolmadine and 38% of those given "
                 "saline.", [("zolmadine", "DRUG")]) == [("saline", "control")]
    assert _arms("Pain fell in those assigned to zolmadine but not in those randomized to sham.",
                 [("zolmadine", "DRUG")]) == [("sham", "control")]
    # (hypertonic saline given as the treatment stays unnamed)
    assert _arms("Children given hypertonic saline improved.", []) == []
