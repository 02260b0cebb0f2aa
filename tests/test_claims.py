"""Sentence claims (litkg.extract.claims) on hand-built Docs: entities are set by hand so these
tests do not depend on the entity recogniser; the texts are new sentences, not seed wording."""

import re

import spacy

from litkg.extract.claims import EXTRACTOR, extract_claims
from litkg.extract.context import make_context  # noqa: F401 (registers litkg_context)
from litkg.extract.extensions import register_extensions
from litkg.models import Document, DocumentMetadata


def _claims(text, ents, doc_id="t1", offset_map=None, original=None, title=None):
    """Run extract_claims on ``text`` with ``ents``: (phrase, label[, occurrence]) tuples."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("litkg_context")
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    spans = []
    for phrase, label, *nth in ents:
        start = -1
        for _ in range((nth[0] if nth else 0) + 1):
            start = text.index(phrase, start + 1)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    for e in doc.ents:
        e._.concept_label = e.text.lower()
    doc = nlp.get_pipe("litkg_context")(doc)
    doc._.offset_map = offset_map
    return extract_claims(doc, Document(id=doc_id, text=original or text,
                                        metadata=DocumentMetadata(title=title)))


def _find(claims, kind, obj, subject=None):
    found = [c for c in claims if c.kind == kind and c.object.label == obj
             and (subject is None or c.subject.label == subject)]
    assert found, f"no {kind} claim on {obj!r} in {[(c.kind, c.subject.label, c.object.label) for c in claims]}"
    return found[0]


def test_coordinated_no_significant_change_gives_two_unchanged_outcomes():
    text = ("Etelcalcetide was started at 5 mg. No significant change in magnesium "
            "or potassium concentration was noted.")
    claims = _claims(text, [("Etelcalcetide", "DRUG"), ("magnesium", "ANALYTE"), ("potassium", "ANALYTE")])
    mg = _find(claims, "outcome", "magnesium")
    k = _find(claims, "outcome", "potassium")
    assert mg.direction == k.direction == "unchanged"
    assert not mg.negated  # a finding, not a dropped negated claim
    assert mg.subject.label == "etelcalcetide"  # attributed to the drug of the previous sentence


def test_decreased_but_not_significantly_is_unchanged():
    claims = _claims("Ferritin decreased, but not significantly, with deferasirox.",
                     [("Ferritin", "ANALYTE"), ("deferasirox", "DRUG")])
    assert _find(claims, "outcome", "ferritin").direction == "unchanged"


def test_plain_decrease_and_increase():
    claims = _claims("After metformin, HbA1c decreased and lactate increased.",
                     [("metformin", "DRUG"), ("HbA1c", "ANALYTE"), ("lactate", "ANALYTE")])
    assert _find(claims, "outcome", "hba1c").direction == "decreased"
    assert _find(claims, "outcome", "lactate").direction == "increased"


def test_before_value_from_earlier_measurement_of_same_patient():
    text = ("Case 1 had a ferritin of 2400 ng/ml at presentation. Case 2 had a ferritin of 900 ng/ml. "
            "In case 1, deferasirox was started and ferritin slightly decreased to 1800 ng/ml.")
    claims = _claims(text, [("ferritin", "ANALYTE", 0), ("ferritin", "ANALYTE", 1),
                            ("deferasirox", "DRUG"), ("ferritin", "ANALYTE", 2)])
    out = _find(claims, "outcome", "ferritin")
    assert (out.direction, out.before, out.after, out.patient) == ("decreased", 2400.0, 1800.0, "case 1")
    assert out.unit and out.unit.lower() == "ng/ml"
    m = [c for c in claims if c.kind == "measurement" and c.value == 2400.0][0]
    assert m.patient == "case 1" and m.timepoint == "at presentation"


def test_no_recovery_is_unchanged_not_improved():
    claims = _claims("Despite levothyroxine, there was no recovery in hair loss.",
                     [("levothyroxine", "DRUG"), ("hair loss", "PHENOTYPE")])
    assert _find(claims, "outcome", "hair loss").direction == "unchanged"


def test_neither_nor_had_an_effect_is_unchanged():
    claims = _claims("Neither treatment with zinc nor treatment with copper had an effect on serum albumin.",
                     [("zinc", "DRUG"), ("copper", "DRUG"), ("serum albumin", "ANALYTE")])
    assert _find(claims, "outcome", "serum albumin").direction == "unchanged"


def test_remained_within_normal_limits_is_unchanged():
    claims = _claims("During lithium therapy, TSH remained within normal limits.",
                     [("lithium", "DRUG"), ("TSH", "ANALYTE")])
    assert _find(claims, "outcome", "tsh").direction == "unchanged"


def test_hedged_adverse_effect_and_negated_one():
    claims = _claims("Amiodarone may cause hypothyroidism. Sotalol lowered heart rate without causing bradycardia.",
                     [("Amiodarone", "DRUG"), ("hypothyroidism", "CONDITION"), ("Sotalol", "DRUG"),
                      ("heart rate", "ANALYTE"), ("bradycardia", "CONDITION")])
    hypo = _find(claims, "adverse_effect", "hypothyroidism")
    assert hypo.hedged and not hypo.negated and hypo.subject.label == "amiodarone"
    brady = [c for c in claims if c.object.label == "bradycardia"]
    assert all(c.negated for c in brady if c.kind == "adverse_effect")


def test_adverse_effect_statistic_per_condition():
    claims = _claims("Adverse effects of exenatide (nausea RR 3.10, diarrhea RR 1.40) were frequent.",
                     [("exenatide", "DRUG"), ("nausea", "PHENOTYPE"), ("diarrhea", "PHENOTYPE")])
    assert _find(claims, "adverse_effect", "nausea").statistic == {"rr": 3.1}
    assert _find(claims, "adverse_effect", "diarrhea").statistic == {"rr": 1.4}


def test_drug_induced_condition_and_indication_are_told_apart():
    claims = _claims("We report valproate-induced pancreatitis in a patient treated for epilepsy.",
                     [("valproate", "DRUG"), ("pancreatitis", "CONDITION"), ("epilepsy", "CONDITION")])
    _find(claims, "adverse_effect", "pancreatitis", "valproate")
    assert not [c for c in claims if c.kind == "adverse_effect" and c.object.label == "epilepsy"]


def test_treatment_claim():
    claims = _claims("Denosumab in the management of giant cell tumour of bone.",
                     [("Denosumab", "DRUG"), ("giant cell tumour of bone", "CONDITION")])
    t = _find(claims, "treatment", "giant cell tumour of bone", "denosumab")
    assert t.extractor == EXTRACTOR and not t.negated


def test_mechanism_with_coordinated_hormone_subjects():
    claims = _claims("Both insulin and IGF-1 inhibit hepatic glucose production.",
                     [("insulin", "ANALYTE"), ("IGF-1", "ANALYTE")])
    mech = [c for c in claims if c.kind == "mechanism"]
    assert {c.subject.label for c in mech} == {"insulin", "igf-1"}
    assert all(c.direction == "decreased" and "glucose production" in c.object.label for c in mech)


def test_nominal_mechanism_suppression_of_secretion():
    claims = _claims("Octreotide enables the suppression of growth hormone secretion through activation "
                     "of somatostatin receptors.",
                     [("Octreotide", "DRUG"), ("somatostatin receptors", "TARGET")])
    mech = {c.object.label: c.direction for c in claims if c.kind == "mechanism"}
    assert mech.get("growth hormone secretion") == "decreased"
    assert mech.get("somatostatin receptors") == "increased"


def test_percent_statistic_on_outcome():
    claims = _claims("With rituximab, 64.5% of patients reached remission of vasculitis.",
                     [("rituximab", "DRUG"), ("vasculitis", "CONDITION")])
    out = _find(claims, "outcome", "vasculitis")
    assert out.direction == "improved" and out.statistic == {"percent": 64.5}


def test_patient_attribution_keeps_cases_apart():
    text = ("Case 1 received prednisone. Her CRP decreased. "
            "Case 2 received tocilizumab. Her CRP increased.")
    claims = _claims(text, [("prednisone", "DRUG"), ("CRP", "ANALYTE", 0), ("tocilizumab", "DRUG"),
                            ("CRP", "ANALYTE", 1)])
    outs = {(c.patient, c.subject.label): c.direction for c in claims if c.kind == "outcome"}
    assert outs == {("case 1", "prednisone"): "decreased", ("case 2", "tocilizumab"): "increased"}


def test_measurement_with_reference_range_and_evidence_offsets_map_to_original():
    original = "Labs:  serum sodium (Na): 128 mmol/L (135-145)."
    text = "Labs: serum sodium (Na): 128 mmol/L (135-145)."  # one space removed by 'normalisation'
    claims = _claims(text, [("serum sodium", "ANALYTE"), ("Na", "ANALYTE")],
                     offset_map=lambda i: i + 1 if i >= 6 else i, original=original)
    ms = [c for c in claims if c.kind == "measurement"]
    assert len(ms) == 1 and ms[0].value == 128.0 and ms[0].unit == "mmol/L"
    ev = ms[0].evidence
    assert original[ev.start:ev.end] == ev.sentence and ev.sentence.startswith("Labs:")


def test_dose_increase_is_not_an_outcome():
    claims = _claims("Methotrexate was increased to 15 mg/week.", [("Methotrexate", "DRUG")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_direction_classifier_reads_arm_comparisons():
    from litkg.extract import claims_direction

    if claims_direction.load_model() is None:
        import pytest

        pytest.skip("direction model not installed (scripts/train_direction_model.py)")
    up = claims_direction.predict("Mean FEV1 was significantly higher in the budesonide group than "
                                  "in the placebo group (p < 0.001).")
    same = claims_direction.predict("There was no significant difference in FEV1 between the groups "
                                    "(p = 0.62).")
    assert up[0] == "increased" and same[0] == "unchanged"


def test_comparison_without_rule_cue_gets_a_classified_direction():
    text = ("Patients were randomised to zoledronate or placebo. Bone mineral density was "
            "significantly higher with zoledronate than with placebo (p < 0.001).")
    claims = _claims(text, [("zoledronate", "DRUG", 0), ("placebo", "DRUG", 0),
                            ("Bone mineral density", "ANALYTE"), ("zoledronate", "DRUG", 1),
                            ("placebo", "DRUG", 1)])
    out = _find(claims, "outcome", "bone mineral density")
    assert out.direction == "increased" and out.subject.label == "zoledronate"


def _none(claims, kind, obj, subject=None):
    found = [c for c in claims if c.kind == kind and c.object.label == obj and not c.negated
             and (subject is None or c.subject.label == subject)]
    assert not found, f"unexpected {kind} claim on {obj!r}: {[(c.subject.label, c.direction) for c in found]}"


def test_aim_sentence_gives_no_outcome():
    text = ("We gave rituximab to three patients with myasthenia. Our aim was to assess the "
            "efficacy of rituximab in the reduction of antibody titres.")
    claims = _claims(text, [("rituximab", "DRUG"), ("myasthenia", "CONDITION"),
                            ("rituximab", "DRUG", 1), ("antibody titres", "ANALYTE")])
    _none(claims, "outcome", "antibody titres")


def test_generic_present_tense_statement_is_not_credited_to_an_earlier_drug():
    text = ("Patients received lanthanum carbonate for six months. "
            "Fibroblast growth factor 23 is usually elevated in advanced kidney disease.")
    claims = _claims(text, [("lanthanum carbonate", "DRUG"), ("Fibroblast growth factor 23", "ANALYTE"),
                            ("kidney disease", "CONDITION")])
    _none(claims, "outcome", "fibroblast growth factor 23")


def test_medical_history_gives_no_treatment_claim():
    text = "Her medical history included gout, treated with allopurinol for many years."
    claims = _claims(text, [("gout", "CONDITION"), ("allopurinol", "DRUG")])
    _none(claims, "treatment", "gout")


def test_condition_named_as_risk_or_cause_is_not_an_indication():
    text = "Dapagliflozin is used for diabetes-related nephropathy despite a risk of ketoacidosis."
    claims = _claims(text, [("Dapagliflozin", "DRUG"), ("diabetes", "CONDITION"),
                            ("nephropathy", "CONDITION"), ("ketoacidosis", "CONDITION")])
    _none(claims, "treatment", "diabetes")
    _none(claims, "treatment", "ketoacidosis")
    _find(claims, "treatment", "nephropathy", "dapagliflozin")


def test_compound_cause_inside_an_indication_is_an_adverse_effect():
    text = "Argatroban was given for heparin-induced thrombocytopenia."
    claims = _claims(text, [("Argatroban", "DRUG"), ("heparin", "DRUG"),
                            ("thrombocytopenia", "CONDITION")])
    _find(claims, "adverse_effect", "thrombocytopenia", "heparin")
    _none(claims, "adverse_effect", "thrombocytopenia", "argatroban")


def test_comparator_named_first_flips_the_sign_for_the_intervention():
    for text, expected in (("Pain scores were significantly lower in the placebo group than in "
                            "the ketorolac group (p<0.01).", "increased"),
                           ("Pain scores were significantly lower in the ketorolac group than in "
                            "the placebo group (p<0.01).", "decreased")):
        claims = _claims(text, [("placebo", "DRUG"), ("ketorolac", "DRUG"), ("Pain scores", "ANALYTE")])
        assert _find(claims, "outcome", "pain scores", "ketorolac").direction == expected


def test_condition_naming_the_population_is_not_an_outcome():
    text = "Sevelamer improved phosphate control in dialysis patients with calciphylaxis patients."
    claims = _claims(text, [("Sevelamer", "DRUG"), ("calciphylaxis", "CONDITION")])
    _none(claims, "outcome", "calciphylaxis")


def test_nonsignificant_p_value_or_difference_makes_the_change_unchanged():
    for text in ("Ferritin was higher with deferiprone than with placebo in week 4 (p = 0.21).",
                 "Ferritin was higher with deferiprone than with placebo, but the difference "
                 "was not statistically significant."):
        claims = _claims(text, [("Ferritin", "ANALYTE"), ("deferiprone", "DRUG"), ("placebo", "DRUG")])
        assert _find(claims, "outcome", "ferritin", "deferiprone").direction == "unchanged"
    claims = _claims("Ferritin was higher with deferiprone than with placebo (p < 0.01).",
                     [("Ferritin", "ANALYTE"), ("deferiprone", "DRUG"), ("placebo", "DRUG")])
    assert _find(claims, "outcome", "ferritin", "deferiprone").direction == "increased"


# --- scope rules (litkg.extract.claims_scope); every sentence is new, not seed wording


def _kinds(claims, kind):
    return {(c.subject.label, c.object.label) for c in claims if c.kind == kind and not c.negated}


def test_title_drug_is_credited_for_a_combination_and_a_regimen_names_its_head():
    text = ("Prednisone was tapered. Prednisone was stopped. Prednisone was restarted. "
            "The patient received prednisone, mycophenolate and belimumab. Proteinuria decreased.")
    ents = [("Prednisone", "DRUG", 0), ("Prednisone", "DRUG", 1), ("Prednisone", "DRUG", 2),
            ("prednisone", "DRUG"), ("mycophenolate", "DRUG"), ("belimumab", "DRUG"),
            ("Proteinuria", "PHENOTYPE")]
    with_title = _claims(text, ents, title="Belimumab as add-on therapy in lupus nephritis")
    assert _kinds(with_title, "outcome") == {("belimumab", "proteinuria")}
    # without a title naming it, the list's first drug heads the regimen (not its last)
    text2 = "Belimumab was delayed. Oral prednisone and azathioprine were restarted. CRP increased."
    ents2 = [("Belimumab", "DRUG"), ("prednisone", "DRUG"), ("azathioprine", "DRUG"), ("CRP", "ANALYTE")]
    assert _kinds(_claims(text2, ents2, title="Belimumab in lupus"), "outcome") == {("prednisone", "crp")}
    # in the same sentence: the drug listed with the title drug is its background regimen
    text3 = "A regimen of belimumab, prednisone and mycophenolate lowered her proteinuria."
    ents3 = [("prednisone", "DRUG"), ("mycophenolate", "DRUG"), ("belimumab", "DRUG"),
             ("proteinuria", "PHENOTYPE")]
    assert _kinds(_claims(text3, ents3, title="Belimumab in lupus"), "outcome") == \
        {("belimumab", "proteinuria")}


def test_same_substance_given_and_measured_is_not_its_own_outcome():
    from litkg.extract.claims_scope import same_concept
    from litkg.models import Concept

    assert same_concept(Concept(label="magnesium", text="oral magnesium"),
                        Concept(label="magnesium", text="Mg"))
    assert same_concept(Concept(label="a", id="CHEBI:1"), Concept(label="b", id="CHEBI:1"))
    assert not same_concept(Concept(label="magnesium"), Concept(label="potassium"))


def test_reference_list_gives_no_claims():
    text = ("Dapagliflozin is used for the treatment of heart failure.\n\nReferences\n\n"
            "Empagliflozin for the treatment of chronic kidney disease.")
    claims = _claims(text, [("Dapagliflozin", "DRUG"), ("heart failure", "CONDITION"),
                            ("Empagliflozin", "DRUG"), ("chronic kidney disease", "CONDITION")])
    assert _kinds(claims, "treatment") == {("dapagliflozin", "heart failure")}


def test_population_and_cause_entities_are_not_outcomes():
    text = ("Two brothers who had a mutation in the CFTR gene were successfully treated with "
            "ivacaftor. After tolvaptan, hyponatremia secondary to heart failure improved.")
    claims = _claims(text, [("CFTR", "TARGET"), ("ivacaftor", "DRUG"), ("tolvaptan", "DRUG"),
                            ("hyponatremia", "PHENOTYPE"), ("heart failure", "CONDITION")])
    assert _kinds(claims, "outcome") == {("tolvaptan", "hyponatremia")}


def test_agent_of_a_transitive_change_verb_is_not_an_outcome():
    text = "The patient received methotrexate. Persistent synovitis prolongs the recovery of function."
    claims = _claims(text, [("methotrexate", "DRUG"), ("synovitis", "CONDITION")])
    assert not _kinds(claims, "outcome")


def test_bare_state_needs_a_link_to_the_drug():
    ents = [("sitagliptin", "DRUG"), ("ferritin", "ANALYTE")]
    bare = _claims("Patients were given sitagliptin. Serum ferritin levels were within normal limits.", ents)
    assert not _kinds(bare, "outcome")
    linked = _claims("Patients were given sitagliptin. After 6 months, serum ferritin levels remained "
                     "within normal limits.", ents)
    assert _find(linked, "outcome", "ferritin", "sitagliptin").direction == "unchanged"


def test_intervention_ruled_out_is_credited_with_no_change():
    claims = _claims("Nephrectomy was ruled out because of the mild increase in creatinine.",
                     [("Nephrectomy", "PROCEDURE"), ("creatinine", "ANALYTE")])
    assert not _kinds(claims, "outcome")


def test_neither_nor_credits_every_arm():
    text = "Neither metformin nor combined metformin and pioglitazone had an effect on serum adiponectin."
    claims = _claims(text, [("metformin", "DRUG", 0), ("metformin", "DRUG", 1), ("pioglitazone", "DRUG"),
                            ("adiponectin", "ANALYTE")])
    outs = {(c.subject.label, c.direction) for c in claims if c.kind == "outcome"}
    assert outs == {("metformin", "unchanged"), ("pioglitazone", "unchanged")}


def test_class_apposition_states_a_mechanism():
    claims = _claims("We gave the GLP-1 receptor agonist, liraglutide, to all patients.",
                     [("GLP-1 receptor", "TARGET"), ("liraglutide", "DRUG")])
    assert _find(claims, "mechanism", "glp-1 receptor", "liraglutide").direction == "increased"
    claims = _claims("Losartan, an angiotensin receptor antagonist, was continued.",
                     [("Losartan", "DRUG"), ("angiotensin receptor", "TARGET")])
    assert _find(claims, "mechanism", "angiotensin receptor", "losartan").direction == "decreased"


def test_counted_procedure_is_an_outcome():
    claims = _claims("Finerenone lowered the rate of dialysis (HR 0.80).",
                     [("Finerenone", "DRUG"), ("dialysis", "PROCEDURE")])
    assert _find(claims, "outcome", "dialysis", "finerenone").direction == "decreased"


def test_failure_despite_a_drug_and_relapse_after_stopping_are_not_harms():
    despite = _claims("Hepatitis occurred during follow-up despite ribavirin.",
                      [("Hepatitis", "CONDITION"), ("ribavirin", "DRUG")])
    assert not _kinds(despite, "adverse_effect")
    relapse = _claims("Colitis recurred after infliximab was discontinued.",
                      [("Colitis", "CONDITION"), ("infliximab", "DRUG")])
    assert not _kinds(relapse, "adverse_effect")
    # the cues alone still read a harm: "during X" without the concession
    assert _kinds(_claims("Hepatitis occurred during ribavirin therapy.",
                          [("Hepatitis", "CONDITION"), ("ribavirin", "DRUG")]), "adverse_effect")


def test_treatment_cue_owned_by_another_entity():
    # "therapy" belongs to prednisone, not to the transplantation that followed
    claims = _claims("Myocarditis progressed despite prednisone therapy, eventually requiring "
                     "transplantation.", [("Myocarditis", "CONDITION"), ("prednisone", "DRUG"),
                                          ("transplantation", "PROCEDURE")])
    assert ("transplantation", "myocarditis") not in _kinds(claims, "treatment")
    # "recommended for" is the indication of vasculitis only, lupus is named for another reason
    claims = _claims("While rituximab is recommended for vasculitis, its role in routine lupus "
                     "management is limited.", [("rituximab", "DRUG"), ("vasculitis", "CONDITION"),
                                                ("lupus", "CONDITION")])
    assert _kinds(claims, "treatment") == {("rituximab", "vasculitis")}


def test_treatment_of_a_cause_modified_condition_and_anaphoric_subject():
    claims = _claims("This supports first-line treatment of diabetes-related gastroparesis with "
                     "domperidone.", [("diabetes", "CONDITION"), ("gastroparesis", "CONDITION"),
                                      ("domperidone", "DRUG")])
    assert _kinds(claims, "treatment") == {("domperidone", "gastroparesis")}
    claims = _claims("Rituximab depletes B cells. Additionally, it was used successfully as a "
                     "first-line treatment in two patients with pemphigus.",
                     [("Rituximab", "DRUG"), ("pemphigus", "CONDITION")])
    assert ("rituximab", "pemphigus") in _kinds(claims, "treatment")
    generic = _claims("Plasmapheresis may be considered as a first-line treatment of extensive disease.",
                      [("Plasmapheresis", "PROCEDURE"), ("extensive disease", "CONDITION")])
    assert not _kinds(generic, "treatment")


def test_dose_is_not_a_measurement_and_risk_rise_is_a_harm():
    dose = _claims("Her daily magnesium (400 mg) was continued.", [("magnesium", "ANALYTE")])
    assert not [c for c in dose if c.kind == "measurement"]
    risk = _claims("Watch for hyperkalemia (3-fold increased risk with spironolactone).",
                   [("hyperkalemia", "PHENOTYPE"), ("spironolactone", "DRUG")])
    assert _kinds(risk, "adverse_effect") == {("spironolactone", "hyperkalemia")}
    assert not _kinds(risk, "outcome")


def test_aims_possibility_and_normal_states_give_no_outcome():
    ents = [("insulin", "DRUG"), ("HbA1c", "ANALYTE")]
    assert not _kinds(_claims("Standard therapy with insulin aims to lower HbA1c.", ents), "outcome")
    assert not _kinds(_claims("It is possible to lower HbA1c with insulin.", ents), "outcome")
    normal = _claims("After levothyroxine, euthyroidism was achieved and TSH decreased.",
                     [("levothyroxine", "DRUG"), ("euthyroidism", "CONDITION"), ("TSH", "ANALYTE")])
    assert _kinds(normal, "outcome") == {("levothyroxine", "tsh")}


def test_concomitant_care_and_other_means_are_not_credited():
    text = ("Omalizumab was started at 300 mg. This treatment, associated with local care using "
            "emollient creams, was followed by a decrease in pruritus.")
    claims = _claims(text, [("Omalizumab", "DRUG"), ("emollient", "DRUG"), ("pruritus", "PHENOTYPE")])
    assert _kinds(claims, "outcome") == {("omalizumab", "pruritus")}
    means = _claims("Octreotide was started. In these patients surgical cure of acromegaly was not "
                    "considered a valid option.", [("Octreotide", "DRUG"), ("acromegaly", "CONDITION")])
    assert not _kinds(means, "outcome")


def test_dose_change_and_purpose_are_not_outcomes_and_generic_therapy_is_no_subject():
    dose = _claims("We started lithium and the lithium dose was gradually increased based on serum "
                   "sodium levels.", [("lithium", "DRUG", 0), ("lithium", "DRUG", 1), ("sodium", "ANALYTE")])
    assert not _kinds(dose, "outcome")
    purpose = _claims("Bisoprolol was given. Other approaches have been tried to lower heart rate.",
                      [("Bisoprolol", "DRUG"), ("heart rate", "PHENOTYPE")])
    assert not _kinds(purpose, "outcome")
    finding = _claims("Bisoprolol was shown to lower heart rate.",
                      [("Bisoprolol", "DRUG"), ("heart rate", "PHENOTYPE")])
    assert _kinds(finding, "outcome") == {("bisoprolol", "heart rate")}
    generic = _claims("Dupilumab is a therapeutic option for atopic dermatitis.",
                      [("Dupilumab", "DRUG"), ("therapeutic", "PROCEDURE"),
                       ("atopic dermatitis", "CONDITION")])
    assert _kinds(generic, "treatment") == {("dupilumab", "atopic dermatitis")}


def test_population_clause_ends_at_a_verb():
    claims = _claims("Patients with diabetes had a decrease in HbA1c after metformin.",
                     [("diabetes", "CONDITION"), ("HbA1c", "ANALYTE"), ("metformin", "DRUG")])
    assert _kinds(claims, "outcome") == {("metformin", "hba1c")}


def test_scope_rules_keep_their_limits():
    # "dose-dependent" qualifies a finding; only a dose as the subject of the verb is a regimen
    dd = _claims("Atorvastatin produced a dose-dependent decrease in LDL.",
                 [("Atorvastatin", "DRUG"), ("LDL", "ANALYTE")])
    assert _kinds(dd, "outcome") == {("atorvastatin", "ldl")}
    # a comparison names arms, not one regimen: the title drug is not credited for the other arm
    arms = _claims("Compared with metformin, sitagliptin lowered HbA1c.",
                   [("metformin", "DRUG"), ("sitagliptin", "DRUG"), ("HbA1c", "ANALYTE")], title="Metformin")
    assert ("metformin", "hba1c") not in _kinds(arms, "outcome")
    # a recurrence on rechallenge is the proof of a harm, not a relapse
    re_ = _claims("Colitis recurred after infliximab was discontinued and reintroduced.",
                  [("Colitis", "CONDITION"), ("infliximab", "DRUG")])
    assert _kinds(re_, "adverse_effect")
    # "It" of a disease is no drug anaphor
    dis = _claims("Etanercept was started. It is a rare disorder for which few options exist.",
                  [("Etanercept", "DRUG"), ("disorder", "CONDITION")])
    assert not _kinds(dis, "treatment")


def test_risk_of_another_condition_makes_a_risk_factor_not_a_harm():
    claims = _claims("Obesity was associated with an increased risk of gout with thiazides.",
                     [("Obesity", "CONDITION"), ("gout", "CONDITION"), ("thiazides", "DRUG")])
    assert ("thiazides", "obesity") not in _kinds(claims, "adverse_effect")


def test_keyword_lines_state_nothing():
    text = "Keywords: warfarin, skin necrosis, heparin. Warfarin caused skin necrosis in one patient."
    claims = _claims(text, [("warfarin", "DRUG"), ("skin necrosis", "CONDITION"), ("heparin", "DRUG"),
                            ("Warfarin", "DRUG"), ("skin necrosis", "CONDITION", 1)])
    sentences = {c.evidence.sentence for c in claims}
    assert sentences and all(not s.startswith("Keywords") for s in sentences)


def test_a_drug_first_named_late_in_a_full_text_is_not_the_study_intervention():
    # no drug in the title or the opening: nothing to attribute a later change to
    opening = "Socio-demographic factors and stage at diagnosis. " + "We studied registry data. " * 120
    text = opening + "Stage at diagnosis decreased in older women. The work was funded by an award to GL."
    claims = _claims(text, [("Stage at diagnosis", "PHENOTYPE"), ("GL", "DRUG")])
    assert not any(c.subject.label == "gl" for c in claims)


def test_a_drug_named_only_among_covariates_is_not_the_study_intervention():
    # a covariate is not what the study gave: nothing to credit the risk to
    text = ("Sleep duration and hypertension. We adjusted for age, caffeine and obesity. "
            "The risk of hypertension was significantly increased in short sleepers.")
    claims = _claims(text, [("hypertension", "CONDITION"), ("caffeine", "DRUG"),
                            ("hypertension", "CONDITION", 1)], title="Sleep duration and hypertension.")
    assert not any(c.subject.label == "caffeine" for c in claims)


def test_a_title_or_an_aim_credits_a_harm_to_no_drug_it_does_not_name():
    title = "Early-life factors and endometriosis risk."
    text = (title + " OBJECTIVE: To study early-life factors in relation to endometriosis risk. "
            "RESULTS: Exposure to DES was common. DES use was reported by 20 mothers.")
    claims = _claims(text, [("endometriosis", "CONDITION"), ("endometriosis", "CONDITION", 1),
                            ("DES", "DRUG"), ("DES", "DRUG", 1)], title=title)
    assert not [c for c in claims if c.kind == "adverse_effect"]


def test_a_study_that_examined_an_association_reports_no_harm_in_that_sentence():
    text = ("Women took oral contraceptives. We examined the association of hormonal factors "
            "with risk of colorectal cancer among 3000 women. We evaluated the effect of metformin "
            "on glucose and found that metformin lowered glucose.")
    claims = _claims(text, [("oral contraceptives", "DRUG"), ("colorectal cancer", "CONDITION"),
                            ("metformin", "DRUG"), ("glucose", "ANALYTE"),
                            ("metformin", "DRUG", 1), ("glucose", "ANALYTE", 1)])
    assert not [c for c in claims if c.kind == "adverse_effect"]
    # an aim and its finding in one sentence: the finding stands
    assert _find(claims, "outcome", "glucose", "metformin").direction == "decreased"


def test_a_drug_glued_to_a_condition_modifier_treats_nothing():
    text = "Antagonists may be useful in the treatment of steroid-dependent diseases and metastatic cancers."
    claims = _claims(text, [("steroid", "DRUG"), ("cancers", "CONDITION")])
    assert not [c for c in claims if c.kind == "treatment"]


def test_a_methods_section_lists_harms_it_measured_and_asserts_none():
    text = ("METHODS: Nausea and headache after ropivacaine were recorded.\n"
            "RESULTS: Ropivacaine caused nausea in four patients.")
    claims = _claims(text, [("Nausea", "CONDITION"), ("headache", "CONDITION"),
                            ("ropivacaine", "DRUG"), ("Ropivacaine", "DRUG"), ("nausea", "CONDITION")])
    harms = [c for c in claims if c.kind == "adverse_effect"]
    assert harms and all(c.evidence.sentence.startswith("RESULTS") for c in harms)


def test_an_experimental_manipulation_is_the_agent_of_the_change_it_names():
    text = ("Deletion sensitized cells to vemurafenib-induced apoptosis. "
            "In mice Sesn2 knockdown suppressed tumor growth.")
    claims = _claims(text, [("vemurafenib", "DRUG"), ("tumor growth", "PHENOTYPE")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_the_variable_an_effect_was_compared_across_is_no_outcome():
    text = "The association of oral contraceptive use with cancer risk did not differ by BMI."
    claims = _claims(text, [("oral contraceptive", "DRUG"), ("cancer", "CONDITION"), ("BMI", "ANALYTE")])
    assert not [c for c in claims if c.object.label == "bmi"]


def test_a_change_from_one_value_to_another_gives_both():
    text = "After starting tolvaptan, urine osmolality decreased from 610 to 180 mOsm/kg."
    claims = _claims(text, [("tolvaptan", "DRUG"), ("urine osmolality", "ANALYTE")])
    out = [c for c in claims if c.kind == "outcome"]
    assert [(c.direction, c.before, c.after, c.unit) for c in out] == [("decreased", 610.0, 180.0, "mOsm/kg")]


def test_a_normalised_value_keeps_its_from_and_to():
    text = "Levothyroxine normalized TSH (from 12.4 to 2.1 mIU/L) after 8 weeks."
    claims = _claims(text, [("Levothyroxine", "DRUG"), ("TSH", "ANALYTE")])
    assert [(c.direction, c.before, c.after, c.unit) for c in claims if c.kind == "outcome"] == \
        [("improved", 12.4, 2.1, "mIU/L")]


def test_a_difference_between_arms_is_an_outcome_statistic_not_a_level():
    text = ("Tolvaptan increased serum sodium compared with placebo "
            "(mean difference 4.0 mmol/L; 95% CI 3.1-4.9).")
    claims = _claims(text, [("Tolvaptan", "DRUG"), ("sodium", "ANALYTE")])
    assert not [c for c in claims if c.kind == "measurement"]
    out = [c for c in claims if c.kind == "outcome"]
    assert [(c.direction, c.statistic) for c in out] == [("increased", {"md": 4.0})]


def test_a_condition_more_frequent_under_a_drug_is_its_harm():
    text = ("Genital mycotic infections were more frequent with empagliflozin than with placebo "
            "(4.0% vs 0.7%).")
    claims = _claims(text, [("Genital mycotic infections", "CONDITION"), ("empagliflozin", "DRUG"),
                            ("placebo", "DRUG")])
    assert [(c.kind, c.subject.label) for c in claims] == [("adverse_effect", "empagliflozin")]


def test_an_object_named_as_a_reason_is_no_outcome():
    text = "Intravenous calcium is difficult in infants because of prolonged hospitalization."
    claims = _claims(text, [("calcium", "DRUG"), ("hospitalization", "ENDPOINT")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_a_drugs_own_level_is_a_measurement_and_the_before_value_of_its_rise():
    text = ("She took lithium carbonate daily; her serum lithium level was 0.8 mmol/L at baseline. "
            "After ibuprofen was started, serum lithium increased to 2.1 mmol/L.")
    claims = _claims(text, [("lithium carbonate", "DRUG"), ("lithium", "DRUG", 1), ("ibuprofen", "DRUG"),
                            ("lithium", "DRUG", 2)])
    assert [(c.subject.label, c.object.label, c.value) for c in claims if c.kind == "measurement"] == \
        [("lithium carbonate", "lithium", 0.8)]
    rise = [c for c in claims if c.kind == "outcome"]
    assert [(c.subject.label, c.direction, c.before, c.after) for c in rise] == \
        [("ibuprofen", "increased", 0.8, 2.1)]


def test_a_lowered_risk_of_a_condition_is_a_benefit_not_a_harm():
    text = "Compared with placebo, dapagliflozin reduced the risk of worsening heart failure (HR 0.74)."
    claims = _claims(text, [("placebo", "DRUG"), ("dapagliflozin", "DRUG"), ("heart failure", "CONDITION")])
    assert not [c for c in claims if c.kind == "adverse_effect"]
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == \
        [("dapagliflozin", "decreased")]


def test_findings_narrated_after_a_drug_was_started_are_its_harms():
    text = ("Ibuprofen was started for knee pain. Her lithium level was high. "
            "Ten days later she presented with tremor, ataxia and confusion. "
            "Ibuprofen was withheld. She did not develop arrhythmia.")
    claims = _claims(text, [("Ibuprofen", "DRUG"), ("knee pain", "CONDITION"), ("lithium", "DRUG"),
                            ("tremor", "CONDITION"), ("ataxia", "CONDITION"), ("confusion", "CONDITION"),
                            ("Ibuprofen", "DRUG", 1), ("arrhythmia", "CONDITION")])
    harms = [(c.subject.label, c.object.label, c.negated) for c in claims if c.kind == "adverse_effect"]
    assert harms == [("ibuprofen", "tremor", False), ("ibuprofen", "ataxia", False),
                     ("ibuprofen", "confusion", False)]


def test_a_finding_before_any_drug_was_started_is_no_harm():
    text = "She presented with fever and cough. Amoxicillin was started for pneumonia."
    claims = _claims(text, [("fever", "CONDITION"), ("cough", "CONDITION"), ("Amoxicillin", "DRUG"),
                            ("pneumonia", "CONDITION")])
    assert not [c for c in claims if c.kind == "adverse_effect"]


def test_no_named_benefit_is_no_change_in_that_measure():
    text = "Cinacalcet showed no mortality benefit in general CKD populations (RR 0.97)."
    claims = _claims(text, [("Cinacalcet", "DRUG"), ("mortality", "ENDPOINT"), ("CKD", "CONDITION")])
    assert [(c.object.label, c.direction) for c in claims if c.kind == "outcome"] == [("mortality", "unchanged")]


def test_a_ratio_for_an_event_gives_its_direction_by_its_confidence_interval():
    text = ("Median survival was longer with pembrolizumab than placebo (hazard ratio for "
            "progression or death, 0.65; 95% CI, 0.49 to 0.86). Stroke was not reduced (odds "
            "ratio for stroke, 0.91; 95% CI 0.70-1.18) with pembrolizumab.")
    claims = _claims(text, [("pembrolizumab", "DRUG"), ("placebo", "DRUG"),
                            ("progression", "CONDITION"), ("death", "CONDITION"),
                            ("Stroke", "CONDITION"), ("stroke", "CONDITION"),
                            ("pembrolizumab", "DRUG", 1)])
    got = {(c.object.label, c.direction) for c in claims if c.kind == "outcome"}
    assert {("progression", "decreased"), ("death", "decreased"), ("stroke", "unchanged")} <= got


def test_a_past_verb_before_in_is_the_change_of_the_object_before_it():
    text = "Semaglutide was given. Glucose decreased in patients with type 2 diabetes."
    claims = _claims(text, [("Semaglutide", "DRUG"), ("Glucose", "ANALYTE"),
                            ("type 2 diabetes", "CONDITION")])
    got = [(c.subject.label, c.object.label, c.direction) for c in claims if c.kind == "outcome"]
    assert got == [("semaglutide", "glucose", "decreased")]


def test_a_change_that_names_its_own_means_is_not_an_earlier_drugs():
    text = "She was on warfarin. Earlier ulcers had resolved in months with local care."
    claims = _claims(text, [("warfarin", "DRUG"), ("ulcers", "CONDITION")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_a_change_in_every_arm_is_no_drugs():
    text = "With metformin or placebo, activity scores declined in all groups from the first visit."
    claims = _claims(text, [("metformin", "DRUG"), ("placebo", "DRUG"),
                            ("activity scores", "ENDPOINT")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_a_condition_more_frequent_with_a_drug_is_an_outcome_rise():
    text = "Gallbladder events were more frequent with semaglutide than placebo."
    claims = _claims(text, [("Gallbladder events", "ENDPOINT"), ("semaglutide", "DRUG"),
                            ("placebo", "DRUG")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == \
        [("semaglutide", "increased")]


def test_a_drug_in_both_the_combination_and_the_monotherapy_is_not_the_cause():
    text = ("Complete healing occurs more frequently with combination therapy including cinacalcet "
            "(62.1%) compared to monotherapy alone (41.7%).")
    claims = _claims(text, [("Complete healing", "ENDPOINT"), ("cinacalcet", "DRUG")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_a_value_that_stayed_is_a_level_and_a_finding_and_a_baseline_is_no_regimens():
    text = ("Before treatment, serum creatinine was 1.3 mg/dL on trimethoprim. After two weeks "
            "on trimethoprim, creatinine remained stable at 1.4 mg/dL throughout. Hyperkalemia "
            "did not recur after switching to atovaquone.")
    claims = _claims(text, [("creatinine", "ANALYTE"), ("trimethoprim", "DRUG"),
                            ("trimethoprim", "DRUG", 1), ("creatinine", "ANALYTE", 1),
                            ("Hyperkalemia", "CONDITION"), ("atovaquone", "DRUG")])
    got = sorted((c.kind, c.subject.label, c.value, c.direction) for c in claims
                 if c.kind in ("measurement", "outcome"))
    assert got == [("measurement", "regimen not stated", 1.3, None),
                   ("measurement", "trimethoprim", 1.4, None),
                   ("outcome", "trimethoprim", None, "unchanged")]
    assert all(c.negated for c in claims if c.kind == "adverse_effect")


def test_disclosure_and_funding_sections_state_no_findings():
    text = ("RESULTS: Warfarin caused skin necrosis in one patient.\n"
            "FINANCIAL DISCLOSURE: Dr. Lee was paid by the makers of heparin for thrombosis trials.")
    claims = _claims(text, [("Warfarin", "DRUG"), ("skin necrosis", "CONDITION"),
                            ("heparin", "DRUG"), ("thrombosis", "CONDITION")])
    assert {c.object.label for c in claims} == {"skin necrosis"}


def test_the_second_arm_of_a_comparison_is_not_the_intervention():
    text = "Pain scores were lower with ketorolac than with morphine at 24 hours (p = 0.01)."
    claims = _claims(text, [("ketorolac", "DRUG"), ("morphine", "DRUG"), ("Pain scores", "PHENOTYPE")])
    pain = [c for c in claims if c.kind == "outcome" and c.object.label == "pain scores"]
    assert pain and all(c.subject.label == "ketorolac" for c in pain)
    text = "Compared with placebo-treated patients, those given losartan had lower proteinuria."
    claims = _claims(text, [("losartan", "DRUG"), ("proteinuria", "PHENOTYPE")])
    assert all(c.subject.label == "losartan" for c in claims if c.kind == "outcome")


def test_a_finding_that_went_down_under_the_drug_is_a_benefit_not_a_harm():
    for text, ents in (("While receiving enalapril, her proteinuria decreased.",
                        [("enalapril", "DRUG"), ("proteinuria", "PHENOTYPE")]),
                       ("Those given losartan had lower proteinuria than before.",
                        [("losartan", "DRUG"), ("proteinuria", "PHENOTYPE")])):
        claims = _claims(text, ents)
        assert not [c for c in claims if c.kind == "adverse_effect"]
        assert _find(claims, "outcome", "proteinuria").direction == "decreased"
    # a finding named with the participle ("decreased appetite") is still a harm
    claims = _claims("She developed decreased appetite and nausea on metformin.",
                     [("metformin", "DRUG"), ("appetite", "PHENOTYPE"), ("nausea", "PHENOTYPE")])
    assert "appetite" in {c.object.label for c in claims if c.kind == "adverse_effect"}
    # ... and the participle names that finding only: the nausea beside it did not go down
    assert not [c for c in claims if c.kind == "outcome" and c.object.label == "nausea"
                and c.direction == "decreased"]


def test_a_relative_clause_adds_a_further_indication_of_the_same_patients():
    text = ("Some authors recommend parathyroidectomy in patients with rickets who have "
            "unsuppressed secondary hyperparathyroidism.")
    claims = _claims(text, [("parathyroidectomy", "PROCEDURE"), ("rickets", "CONDITION"),
                            ("secondary hyperparathyroidism", "CONDITION")])
    _find(claims, "treatment", "secondary hyperparathyroidism", "parathyroidectomy")
    # without the relative clause the nearer condition keeps the cue to itself
    text = "Metformin is used in patients with obesity, whereas insulin resistance was not studied."
    claims = _claims(text, [("Metformin", "DRUG"), ("obesity", "CONDITION"), ("insulin resistance", "CONDITION")])
    assert {c.object.label for c in claims if c.kind == "treatment"} == {"obesity"}


def test_a_parenthesised_restatement_makes_no_claims_of_its_own():
    text = ("Two patients with Crohn's disease (CD) developed lymphoma after treatment with "
            "infliximab.")
    claims = _claims(text, [("Crohn's disease", "CONDITION"), ("CD", "CONDITION"),
                            ("lymphoma", "CONDITION"), ("infliximab", "DRUG")])
    assert not any(c.object.label == "cd" for c in claims)


def test_placebo_is_no_treatment_of_the_condition():
    text = "Adults with asthma received azithromycin or placebo for the treatment of asthma."
    claims = _claims(text, [("asthma", "CONDITION"), ("azithromycin", "DRUG"), ("placebo", "DRUG"),
                            ("asthma", "CONDITION", 1)])
    assert {c.subject.label for c in claims if c.kind == "treatment"} == {"azithromycin"}


def test_a_parenthesis_saying_non_significant_makes_the_change_unchanged():
    text = "There was a slight (although non-significant) increase in the delivery rate with follitropin."
    claims = _claims(text, [("delivery rate", "PHENOTYPE"), ("follitropin", "DRUG")])
    assert _find(claims, "outcome", "delivery rate").direction == "unchanged"


def test_any_comparator_arm_is_no_treatment_of_the_condition():
    # one list of comparator words for attribution and for indications: usual care, sham, ...
    for arm in ("usual care", "sham stimulation"):
        text = f"Adults with migraine received erenumab or {arm} for the prevention of migraine."
        claims = _claims(text, [("migraine", "CONDITION"), ("erenumab", "DRUG"), (arm, "PROCEDURE"),
                                ("migraine", "CONDITION", 1)])
        assert {c.subject.label for c in claims if c.kind == "treatment"} == {"erenumab"}, arm


def test_a_mimetic_drug_class_marks_a_mechanism_statement():
    # "calcimimetic", "sympathomimetic": a class named for what it mimics states a mechanism
    text = "Midodrine is a sympathomimetic agent with stimulation of vascular receptor activity."
    claims = _claims(text, [("Midodrine", "DRUG")])
    mech = _find(claims, "mechanism", "vascular receptor activity", "midodrine")
    assert mech.direction == "increased"


def test_a_condition_acting_on_a_bare_process_noun_phrase_is_the_agent():
    # "Y impairs fracture healing": Y acts on healing; it is not what changed
    text = "Patients received burosumab. Persistent hypophosphatemia impairs fracture healing."
    claims = _claims(text, [("burosumab", "DRUG"), ("hypophosphatemia", "CONDITION")])
    assert not [c for c in claims if c.object.label == "hypophosphatemia"]


def test_an_intransitive_change_verb_has_no_mechanism_object():
    # "Y increases during ...", "Y increases markedly ...": an outcome, not a mechanism on a phrase
    for tail in ("during the first month.", "markedly thereafter."):
        text = f"Patients received burosumab. Serum phosphate increases {tail}"
        claims = _claims(text, [("burosumab", "DRUG"), ("Serum phosphate", "ANALYTE")])
        assert not [c for c in claims if c.kind == "mechanism"], tail
        assert _find(claims, "outcome", "serum phosphate", "burosumab").direction == "increased"


def test_background_and_methods_sections_report_no_finding_of_the_study():
    ents = [("Tafenolide", "DRUG"), ("serum urate", "ANALYTE")]
    sentence = "Tafenolide lowered serum urate in a pilot study."
    for heading, reported in (("BACKGROUND:", False), ("Materials and methods", False),
                              ("RESULTS:", True), ("Methods and results:", True)):
        claims = _claims(f"{heading}\n{sentence}", ents)
        outcomes = [c for c in claims if c.kind == "outcome"]
        assert bool(outcomes) == reported, heading
    # a heading with other words is a topic title, not a methods section
    claims = _claims(f"Clinical context: a note\n{sentence}", ents)
    assert [c for c in claims if c.kind == "outcome"]
    # a case report's "Methods" that tells one patient's story reports what happened
    claims = _claims("METHODS:\nA 68-year-old man was given tafenolide, and serum urate fell.",
                     [("tafenolide", "DRUG"), ("serum urate", "ANALYTE")])
    assert [c for c in claims if c.kind == "outcome"]
    # a structured abstract run into one paragraph: the headings after a sentence's end count
    for heading, reported in (("Methods:", False), ("Results:", True)):
        claims = _claims(f"Background: Tafenolide is new. {heading} {sentence}", ents)
        assert bool([c for c in claims if c.kind == "outcome"]) == reported, heading


def test_a_comparative_sizing_a_change_noun_takes_the_noun_sign():
    claims = _claims("After orlistrel there was a greater reduction in serum urate.",
                     [("orlistrel", "DRUG"), ("serum urate", "ANALYTE")])
    assert _find(claims, "outcome", "serum urate").direction == "decreased"
    claims = _claims("After orlistrel there was less reduction in serum urate.",
                     [("orlistrel", "DRUG"), ("serum urate", "ANALYTE")])
    assert _find(claims, "outcome", "serum urate").direction == "increased"


def test_a_cue_inside_an_aside_is_not_the_verb_of_the_object():
    claims = _claims("Itch intensity (rated where it was higher) decreased after bexoderm.",
                     [("Itch intensity", "ANALYTE"), ("bexoderm", "DRUG")])
    assert _find(claims, "outcome", "itch intensity").direction == "decreased"


def test_a_change_against_the_comparator_belongs_to_the_other_arm():
    text = ("Adults received valomistat or placebo for twelve weeks. "
            "Fasting glucose was significantly lower than with placebo (p < 0.01).")
    claims = _claims(text, [("valomistat", "DRUG"), ("placebo", "DRUG"), ("Fasting glucose", "ANALYTE"),
                            ("placebo", "DRUG", 1)])
    outcome = _find(claims, "outcome", "fasting glucose")
    assert outcome.subject.label == "valomistat"


def test_the_main_intervention_is_not_the_comparator():
    from litkg.extract import claims_scope as scope

    nlp = spacy.blank("en")
    text = "Placebo or lumitrane was given . Placebo tablets looked like lumitrane . Many stopped placebo ."
    doc = nlp(text)
    doc.ents = [doc.char_span(m.start(), m.end(), label="DRUG")
                for m in re.finditer(r"(?i)placebo tablets|placebo|lumitrane", text)]
    assert scope.main_drug(doc, None, lambda e: e.text.lower()).text == "lumitrane"


def test_section_headings_are_told_apart():
    from litkg.extract import sections

    assert sections._heading_class("Main outcome measures") == "methods"
    assert sections._heading_class("Patients and methods") == "methods"
    assert sections._heading_class("Background and aims") == "design"
    assert sections._heading_class("Financial disclosure") == "declaration"
    assert sections._heading_class("Methods and findings") == "results"
    assert sections._heading_class("Case presentation") == "results"
    assert sections._heading_class("Increase") is None  # no "case" inside a word
    nlp = spacy.blank("en")
    # a wrapped line of prose ("and methods") is no heading; "ABSTRACT.RESULTS:" is one
    doc = nlp("Title\nBACKGROUND:\nPrior work.\nwe compared two\nand methods\nABSTRACT.RESULTS:\nY fell.")
    assert [kind for _, kind in sections._section_marks(doc)] == ["design", "results"]


def test_the_drug_added_is_credited_not_the_one_it_was_added_to():
    for text, ents in (
            ("The addition of clonidine to low-dose bupivacaine prolongs the sensory block.",
             [("clonidine", "DRUG"), ("bupivacaine", "DRUG"), ("sensory block", "ENDPOINT")]),
            ("Dexmedetomidine added to ropivacaine prolonged analgesia.",
             [("Dexmedetomidine", "DRUG"), ("ropivacaine", "DRUG"), ("analgesia", "ENDPOINT")])):
        claims = _claims(text, ents)
        assert {c.subject.label.lower() for c in claims if c.kind == "outcome"} == {ents[0][0].lower()}


def test_a_time_after_a_preposition_is_a_timepoint_not_a_measured_value():
    from litkg.extract.claims_values import timepoint_gap

    assert timepoint_gap(" and at ", "h")
    assert timepoint_gap(" measured after ", "weeks")
    assert not timepoint_gap(" was ", "min")  # "onset time was 5 min": the value itself
    assert not timepoint_gap(" at ", "mg/dL")


def test_a_finding_stated_before_the_values_that_back_it_is_an_outcome():
    text = ("There were no differences between the arms in the size of troponin release: peak "
            "troponin was 240 ng/L with zelmacor and 249 ng/L with saline.")
    claims = _claims(text, [("troponin", "ANALYTE"), ("troponin", "ANALYTE", 1),
                            ("zelmacor", "DRUG"), ("saline", "DRUG")])
    assert _find(claims, "outcome", "troponin").direction == "unchanged"
    # the mention the value follows stays a measurement, not a change
    assert _find(claims, "measurement", "troponin").value == 240
    # one mention with its value is a state, not a change
    claims = _claims("Raised ferritin (900 ng/mL) was seen after zelmacor.",
                     [("ferritin", "ANALYTE"), ("zelmacor", "DRUG")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_no_difference_without_significant_governs_a_list_of_outcomes():
    text = ("Zelmacor and saline showed no differences between the two groups in the time course "
            "or the magnitude of troponin release.")
    claims = _claims(text, [("Zelmacor", "DRUG"), ("saline", "DRUG"), ("troponin", "ANALYTE")])
    assert _find(claims, "outcome", "troponin").direction == "unchanged"


def test_a_single_arm_studys_results_are_its_interventions():
    from handmade import claims_of

    title = "Tralumab for atopic dermatitis: an open-label extension"
    for first, credited in (("Methods: Adolescents received the antibody.", True),
                            ("Background: Eczema is common in adolescents.", False)):
        # the finding is too far from the title for the drug to be "introduced before"
        text = (f"{title}\n\n{first} Results: Most completed the study. Few withdrew. "
                "Adherence was high. Visits were on time. Serum IgE levels declined.")
        claims = claims_of(text, [("Tralumab", "DRUG"), ("atopic dermatitis", "CONDITION"),
                                  ("IgE", "ANALYTE")], title=title)
        outcomes = [c for c in claims if c.kind == "outcome" and c.direction == "decreased"
                    and c.subject.label.lower() == "tralumab"]
        # under a results heading after a methods one: the study's drug; without a methods
        # section (a case narrative, a commentary) nothing says the drug was given
        assert bool(outcomes) == credited, first


def test_a_single_arm_studys_rated_events_are_its_harms():
    from handmade import claims_of

    title = "Tralumab for atopic dermatitis: an open-label extension"
    text = (f"{title}\n\nMethods: Adolescents received the antibody. Results: Most completed the "
            "study. Few withdrew. Adherence was high. Conjunctivitis occurred in 18% of patients and "
            "atopic dermatitis flares in 9%.")
    claims = claims_of(text, [("Tralumab", "DRUG"), ("atopic dermatitis", "CONDITION"),
                              ("Conjunctivitis", "CONDITION"), ("atopic dermatitis flares", "CONDITION")],
                       title=title)
    harms = {(c.subject.label, c.object.label, dict(c.statistic_items).get("percent"))
             for c in claims if c.kind == "adverse_effect"}
    # the finding the study treats is no harm of its drug
    assert harms == {("Tralumab", "Conjunctivitis", 18.0)}


def test_the_drug_a_superior_one_is_compared_to_is_not_credited():
    claims = _claims("Oral semaglutide was superior to sitagliptin in reducing HbA1c.",
                     [("semaglutide", "DRUG"), ("sitagliptin", "DRUG"), ("HbA1c", "ANALYTE")])
    assert _find(claims, "outcome", "hba1c").subject.label == "semaglutide"


def test_the_drug_a_harm_is_compared_against_did_not_cause_it():
    from litkg.extract.pipeline import extract_document

    text = ("Children were randomized to ketamine or midazolam. Conclusion: Ketamine provided more "
            "effective sedation than midazolam but was associated with more vomiting.")
    claims = extract_document(Document(id="t", text=text)).claims
    harms = {c.subject.label.lower() for c in claims if c.kind == "adverse_effect"}
    assert "midazolam" not in harms


def test_a_drug_lowering_a_disease_is_an_outcome_not_a_mechanism_nor_a_harm():
    claims = _claims("These findings suggest that dapagliflozin may reduce stroke in this population.",
                     [("dapagliflozin", "DRUG"), ("stroke", "CONDITION")])
    kinds = {(c.kind, c.direction, c.hedged) for c in claims if c.object.label == "stroke"}
    # a disease is a clinical outcome (hedged by "may"); "may" between the drug and its verb
    # does not turn "reduce" into part of a harm's name
    assert kinds == {("outcome", "decreased", True)}


def test_a_drug_lowering_the_risk_of_a_disease_is_an_outcome_too():
    claims = _claims("Febuxostat may reduce the risk of gout flares.",
                     [("Febuxostat", "DRUG"), ("gout flares", "CONDITION")])
    assert {(c.kind, c.object.label, c.direction) for c in claims} == \
        {("outcome", "gout flares", "decreased")}


def test_a_drug_acting_on_a_target_is_still_a_mechanism():
    claims = _claims("Dapagliflozin inhibits the sodium-glucose cotransporter 2.",
                     [("Dapagliflozin", "DRUG"), ("sodium-glucose cotransporter 2", "TARGET")])
    assert _find(claims, "mechanism", "sodium-glucose cotransporter 2").direction == "decreased"


def test_what_follows_a_switch_of_drugs_is_the_new_drugs_doing():
    text = ("A woman on lithium developed hypothyroidism. Lithium was discontinued and "
            "levothyroxine was started. After 8 weeks, TSH decreased to 3.1 mIU/L.")
    claims = _claims(text, [("lithium", "DRUG"), ("hypothyroidism", "CONDITION"),
                            ("Lithium", "DRUG"), ("levothyroxine", "DRUG"), ("TSH", "ANALYTE")],
                     title="Lithium-induced hypothyroidism")
    assert _find(claims, "outcome", "tsh").subject.label == "levothyroxine"


def test_a_level_stated_against_its_baseline_gives_a_computed_change():
    text = ("He was treated with carbamazepine. His sodium was 124 mmol/L, compared with "
            "139 mmol/L at baseline. Potassium was 4.1 mmol/L versus 3.9 mmol/L in the controls.")
    claims = _claims(text, [("carbamazepine", "DRUG"), ("sodium", "ANALYTE"),
                            ("Potassium", "ANALYTE")])
    sodium = _find(claims, "outcome", "sodium")
    assert (sodium.direction, sodium.before, sodium.after, sodium.computed) == \
        ("decreased", 139.0, 124.0, True)
    assert "relative change" in sodium.rule
    # other people's level is no earlier level of this patient
    assert not [c for c in claims if c.kind == "outcome" and c.object.label == "potassium"]


def test_a_gerund_after_without_is_not_the_verb_of_the_object_before_it():
    claims = _claims("Intravenous bivalirudin reduced bleeding without increasing stent thrombosis.",
                     [("bivalirudin", "DRUG"), ("bleeding", "CONDITION"),
                      ("stent thrombosis", "CONDITION")])
    assert _find(claims, "outcome", "bleeding").direction == "decreased"
    assert _find(claims, "outcome", "stent thrombosis").direction == "unchanged"


def test_the_sentences_one_test_is_the_statistic_of_each_arms_rate():
    claims = _claims("The incidence of rash in the first week was 12% with A-drug and 30% with "
                     "B-drug (p = 0.02).", [("rash", "CONDITION"), ("A-drug", "DRUG"),
                                            ("B-drug", "DRUG")])
    stats = [dict(c.statistic_items) for c in claims if c.object.label == "rash"]
    assert stats and all(s.get("p") == 0.02 for s in stats)


def test_a_disease_after_the_verbs_own_object_is_the_population_not_the_outcome():
    claims = _claims("Supervised exercise improved walking distance in intermittent claudication.",
                     [("Supervised exercise", "PROCEDURE"), ("walking distance", "ENDPOINT"),
                      ("intermittent claudication", "CONDITION")])
    assert _find(claims, "outcome", "walking distance").direction == "improved"
    assert not [c for c in claims if c.kind == "outcome"
                and c.object.label == "intermittent claudication"]


def test_rates_of_two_arms_in_a_results_section_are_no_single_arms_harm():
    from handmade import claims_of

    title = "Tralumab versus placebo for atopic dermatitis: a randomized trial"
    text = (f"{title}\n\nMethods: Adults received the antibody or placebo. Results: Most completed "
            "the study. Few withdrew. Conjunctivitis occurred in 5% and 4% of patients, "
            "respectively (P=0.62).")
    claims = claims_of(text, [("Tralumab", "DRUG"), ("placebo", "PROCEDURE"),
                              ("atopic dermatitis", "CONDITION"), ("Conjunctivitis", "CONDITION")],
                       title=title)
    about = {(c.kind, c.direction) for c in claims if c.object.label == "Conjunctivitis"}
    assert about == {("outcome", "unchanged")}


def test_an_allocation_sentence_reports_no_outcome():
    text = ("Adults hospitalized with influenza and evidence of lower respiratory tract infection "
            "were randomly assigned to receive oseltamivir or placebo for 5 days.")
    claims = _claims(text, [("influenza", "CONDITION"), ("lower respiratory tract infection",
                                                           "CONDITION"),
                            ("oseltamivir", "DRUG"), ("placebo", "PROCEDURE")])
    assert not [c for c in claims if c.kind == "outcome"]
    # ... but one that says how the arms fared is a result
    text = "Patients who were randomized to oseltamivir had fewer hospitalizations than placebo."
    claims = _claims(text, [("oseltamivir", "DRUG"), ("hospitalizations", "ENDPOINT"),
                            ("placebo", "PROCEDURE")])
    assert _find(claims, "outcome", "hospitalizations").direction == "decreased"


def test_an_arm_named_by_its_route_is_the_drug_given_by_that_route():
    from handmade import claims_of

    title = "Intravenous drug A versus oral drug B in anemia."
    text = (title + " Hemoglobin increased with drug A and with drug B. Serum ferritin rose more "
            "in the oral group.")
    claims = claims_of(text, [("drug A", "DRUG"), ("drug B", "DRUG"), ("anemia", "CONDITION"),
                              ("ferritin", "ANALYTE")], title=title)
    assert [(c.subject.label, c.direction) for c in claims
            if c.kind == "outcome" and c.object.label == "ferritin"] == [("drug B", "increased")]


def test_a_change_told_after_the_patient_s_medication_was_stopped_is_no_drug_s_effect():
    from handmade import claims_of

    text = ("A woman treated with drug A was admitted for surgery, and her medication was "
            "stopped. Two days later she was confused. Creatine kinase rose to 9,000 U/L.")
    claims = claims_of(text, [("drug A", "DRUG"), ("Creatine kinase", "ANALYTE")])
    assert not [c for c in claims if c.kind == "outcome"]
    # ... but a drug started after the stop is credited
    text = ("Drug A was stopped and drug B was started. Two days later she was better. "
            "Creatine kinase fell to 300 U/L.")
    claims = claims_of(text, [("Drug A", "DRUG"), ("drug B", "DRUG"), ("Creatine kinase", "ANALYTE")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == [
        ("drug B", "decreased")]


def test_a_finding_that_recurred_despite_a_drug_is_not_that_drug_s_worsening():
    from handmade import claims_of

    ents = [("drug A", "DRUG"), ("hypoglycemia", "CONDITION")]
    for text in ("She received drug A, but hypoglycemia recurred twice.",
                 "Despite drug A, hypoglycemia persisted."):
        assert not [c for c in claims_of(text, ents) if c.kind == "outcome"], text
    # a recurrence after the drug with no contrast is still read
    claims = claims_of("After drug A was started, hypoglycemia recurred.", ents)
    assert [(c.kind, c.direction) for c in claims if c.kind == "outcome"] == [("outcome", "worsened")]



def test_a_change_credited_to_no_drug_still_gives_the_next_change_its_before():
    # sodium's rise after the stop is no drug's outcome, but its value is where the next
    # drug's change starts from
    text = ("A 60-year-old man with hyponatremia was treated with tolvaptan. "
            "Tolvaptan was discontinued and serum sodium rose to 138 mmol/L within two days. "
            "Furosemide was then started and serum sodium fell to 130 mmol/L.")
    claims = _claims(text, [("hyponatremia", "CONDITION"), ("tolvaptan", "DRUG"),
                            ("Tolvaptan", "DRUG"), ("sodium", "ANALYTE"),
                            ("sodium", "ANALYTE", 1), ("Furosemide", "DRUG")])
    assert not [c for c in claims if c.kind == "outcome" and c.subject.label == "tolvaptan"]
    fell = _find(claims, "outcome", "sodium", "furosemide")
    assert (fell.direction, fell.before, fell.after, fell.unit) == ("decreased", 138.0, 130.0,
                                                                     "mmol/L")
