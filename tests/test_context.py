"""Negation and hedging cues with scope (litkg.extract.context)."""

import spacy

from litkg.extract.context import covering, make_context  # noqa: F401 (registers litkg_context)
from litkg.extract.extensions import register_extensions


def _doc(text, ents=()):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("litkg_context")
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("sentencizer")(doc)
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    return nlp.get_pipe("litkg_context")(doc)


def _ent(doc, text):
    return next(e for e in doc.ents if e.text == text)


def test_without_negates_the_following_entity_only():
    doc = _doc("Cinacalcet lowered PTH without causing hyperphosphatemia.",
               [("Cinacalcet", "DRUG"), ("PTH", "ANALYTE"), ("hyperphosphatemia", "CONDITION")])
    assert _ent(doc, "hyperphosphatemia")._.negated
    assert not _ent(doc, "PTH")._.negated
    assert not _ent(doc, "Cinacalcet")._.negated


def test_with_and_without_names_both_arms_and_denies_nothing():
    doc = _doc("A trial of metformin with and without sitagliptin in patients with obesity.",
               [("metformin", "DRUG"), ("sitagliptin", "DRUG"), ("obesity", "CONDITION")])
    assert not any(e._.negated for e in doc.ents)
    doc = _doc("Patients with or without diabetes were enrolled.", [("diabetes", "CONDITION")])
    assert not _ent(doc, "diabetes")._.negated


def test_neither_nor_scope_covers_both_drugs():
    doc = _doc("Neither phosphorus nor calcitriol had an effect on FGF-23.",
               [("phosphorus", "DRUG"), ("calcitriol", "DRUG")])
    assert _ent(doc, "phosphorus")._.negated and _ent(doc, "calcitriol")._.negated


def test_scope_stops_at_termination_word():
    doc = _doc("No fever was seen but hypocalcemia developed.",
               [("fever", "PHENOTYPE"), ("hypocalcemia", "CONDITION")])
    assert _ent(doc, "fever")._.negated
    assert not _ent(doc, "hypocalcemia")._.negated


def test_post_cue_negates_backwards():
    doc = _doc("Hypercalciuria was not observed.", [("Hypercalciuria", "CONDITION")])
    assert _ent(doc, "Hypercalciuria")._.negated


def test_hedge_cues_may_and_potential():
    doc = _doc("Cinacalcet may cause hypercalciuria. It caused nausea.",
               [("hypercalciuria", "CONDITION"), ("nausea", "PHENOTYPE")])
    assert _ent(doc, "hypercalciuria")._.hedged
    assert not _ent(doc, "nausea")._.hedged  # scope ends with the sentence


def test_pseudo_negation_is_not_a_cue():
    doc = _doc("Not only PTH but also ALP decreased.", [("PTH", "ANALYTE"), ("ALP", "ANALYTE")])
    assert not _ent(doc, "PTH")._.negated


def test_no_significant_change_is_marked_negated_at_token_level():
    # the claim extractor turns this into direction "unchanged" (see test_claims)
    doc = _doc("No significant change in calcium was observed.", [("calcium", "ANALYTE")])
    assert _ent(doc, "calcium")._.negated
    assert doc[3]._.negated and covering(doc, 3, "negation").text == "no"


def test_elliptical_but_not_negates_only_up_to_the_comma():
    doc = _doc("Telmisartan, but not valsartan, reduced fasting insulin.",
               [("Telmisartan", "DRUG"), ("valsartan", "DRUG"), ("fasting insulin", "ANALYTE")])
    assert _ent(doc, "valsartan")._.negated
    assert not _ent(doc, "fasting insulin")._.negated
    assert not _ent(doc, "Telmisartan")._.negated


def test_a_finding_that_did_not_worsen_or_was_not_reported_is_negated_backwards():
    doc = _doc("Psychotic symptoms did not worsen after withdrawal.",
               [("Psychotic symptoms", "PHENOTYPE")])
    assert _ent(doc, "Psychotic symptoms")._.negated
    doc = _doc("Rash was not reported, but nausea occurred.", [("Rash", "PHENOTYPE"),
                                                              ("nausea", "PHENOTYPE")])
    assert _ent(doc, "Rash")._.negated and not _ent(doc, "nausea")._.negated


def test_consistent_with_ends_a_negation_scope():
    doc = _doc("Ultrasound showed no hypervascularity, consistent with thyrotoxicosis.",
               [("hypervascularity", "PHENOTYPE"), ("thyrotoxicosis", "CONDITION")])
    assert _ent(doc, "hypervascularity")._.negated
    assert not _ent(doc, "thyrotoxicosis")._.negated


def test_a_risk_some_change_word_moved_is_a_result_not_a_possibility():
    doc = _doc("Dapagliflozin reduced the risk of stroke. Dapagliflozin carries a risk of gangrene.",
               [("stroke", "CONDITION"), ("gangrene", "CONDITION")])
    assert not _ent(doc, "stroke")._.hedged  # a measured lower risk
    assert _ent(doc, "gangrene")._.hedged  # a possible harm
    doc = _doc("The risk of stroke was significantly lower with dapagliflozin.",
               [("stroke", "CONDITION")])
    assert not _ent(doc, "stroke")._.hedged


def test_a_denied_history_covers_what_it_names_not_the_clause_after_it():
    doc = _doc("A woman with no history of epilepsy presented a probable status epilepticus.",
               [("epilepsy", "CONDITION"), ("status epilepticus", "CONDITION")])
    assert _ent(doc, "epilepsy")._.negated
    assert not _ent(doc, "status epilepticus")._.negated
    doc = _doc("A man without any prior history of psychosis developed schizophrenia.",
               [("psychosis", "CONDITION"), ("schizophrenia", "CONDITION")])
    assert _ent(doc, "psychosis")._.negated and not _ent(doc, "schizophrenia")._.negated
    # a list after "history of" is denied as a whole; other negations keep their scope
    doc = _doc("He had no history of diabetes, asthma or gout and no rash.",
               [("diabetes", "CONDITION"), ("asthma", "CONDITION"), ("gout", "CONDITION"),
                ("rash", "CONDITION")])
    assert all(e._.negated for e in doc.ents)
    doc = _doc("No fever or rash developed.", [("fever", "CONDITION"), ("rash", "CONDITION")])
    assert all(e._.negated for e in doc.ents)


def test_negation_stops_at_a_coordinated_clause_with_its_own_verb():
    # "none achieved Y1, and all progressed to Y2": the second clause has its own subject and
    # verb, the denial is the first clause's
    doc = _doc("None of them achieved cytogenetic remission, and all progressed to blast crisis.",
               [("cytogenetic remission", "CONDITION"), ("blast crisis", "CONDITION")])
    assert _ent(doc, "cytogenetic remission")._.negated
    assert not _ent(doc, "blast crisis")._.negated
    # a list that ends in the verb the members share is one clause: every member is denied
    doc = _doc("No rash, fever, and arthralgia occurred.",
               [("rash", "CONDITION"), ("fever", "PHENOTYPE"), ("arthralgia", "CONDITION")])
    assert all(e._.negated for e in doc.ents)


def test_a_past_verb_after_and_is_not_under_a_do_negation():
    # "did" takes a bare verb: "... and lowered Y" after a p-value, "... and significantly
    # raised Y", "... and fell" open a predicate of their own
    for text in ("Zelorant did not change glucose (P = 0.35) and lowered body weight.",
                 "Zelorant did not change glucose and significantly lowered body weight.",
                 "Zelorant did not change glucose and had no effect on body weight."):
        doc = _doc(text, [("glucose", "ANALYTE"), ("body weight", "ANALYTE")])
        assert _ent(doc, "glucose")._.negated, text
        assert not _ent(doc, "body weight")._.negated or "no effect" in text, text
    # a bare "-ed" word may modify the denied list: both findings stay denied
    doc = _doc("The patients did not have fever and elevated CRP.",
               [("fever", "CONDITION"), ("CRP", "ANALYTE")])
    assert _ent(doc, "fever")._.negated and _ent(doc, "CRP")._.negated


def test_a_negated_verb_with_an_object_negates_the_object_not_the_subject():
    """"patients on X did not develop Y": the object after the verb is what is denied."""
    doc = _doc("Dogs on zorbamide did not develop hepatic necrosis.",
               [("zorbamide", "DRUG"), ("hepatic necrosis", "CONDITION")])
    assert _ent(doc, "hepatic necrosis")._.negated
    assert not _ent(doc, "zorbamide")._.negated
    # without an object the finding before the verb is what is denied
    doc = _doc("Hepatic necrosis did not develop in dogs on zorbamide.",
               [("Hepatic necrosis", "CONDITION"), ("zorbamide", "DRUG")])
    assert _ent(doc, "Hepatic necrosis")._.negated


def test_a_negation_ends_at_the_population_the_result_was_found_in():
    # "did not reduce Z in patients with Y": Z is denied, Y describes the people
    doc = _doc("Velbaxin did not reduce proteinuria in patients with membranous nephropathy.",
               [("Velbaxin", "DRUG"), ("proteinuria", "CONDITION"),
                ("membranous nephropathy", "CONDITION")])
    assert _ent(doc, "proteinuria")._.negated
    assert not _ent(doc, "membranous nephropathy")._.negated
    doc = _doc("Zorbex did not improve mood among older adults who had dementia.",
               [("Zorbex", "DRUG"), ("mood", "PHENOTYPE"), ("dementia", "CONDITION")])
    assert not _ent(doc, "dementia")._.negated
    # a negation right before the people still denies what they developed
    doc = _doc("No patients with diabetes developed hypoglycaemia.",
               [("diabetes", "CONDITION"), ("hypoglycaemia", "CONDITION")])
    assert _ent(doc, "hypoglycaemia")._.negated
