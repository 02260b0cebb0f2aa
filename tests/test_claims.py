"""Sentence claims (litkg.extract.claims) on hand-built Docs: entities are set by hand so these
tests do not depend on the entity recogniser; the texts are new sentences, not seed wording."""

from handmade import find_claim as _find
from handmade import hand_claims as _claims
from litkg.extract.claims import EXTRACTOR


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


def test_a_drug_acting_on_a_clinical_endpoint_is_an_outcome_not_a_mechanism():
    # a mechanism is what a drug acts on (a target or process); what it does to mortality or
    # to events is its outcome, in the present tense and hedged too
    claims = _claims("Pravastatin may reduce deaths in older adults, and ribavirol increases "
                     "hospital admissions.",
                     [("Pravastatin", "DRUG"), ("deaths", "ENDPOINT"), ("ribavirol", "DRUG"),
                      ("hospital admissions", "ENDPOINT")])
    assert not [c for c in claims if c.kind == "mechanism"]
    fell = _find(claims, "outcome", "deaths", "pravastatin")
    assert fell.direction == "decreased" and fell.hedged
    assert _find(claims, "outcome", "hospital admissions", "ribavirol").direction == "increased"


def test_an_intervention_withheld_is_not_the_agent_of_a_change():
    # "recovered without dialysis": the procedure was not done, so the recovery is not its
    # (the sentence before names the drug that was given)
    claims = _claims("She was given fomepizole. Renal function recovered without the need for "
                     "dialysis.",
                     [("fomepizole", "DRUG"), ("Renal function", "ENDPOINT"), ("dialysis", "PROCEDURE")])
    outcomes = [c for c in claims if c.kind == "outcome"]
    assert outcomes and all(c.subject.label.lower() == "fomepizole" for c in outcomes)


def test_an_interaction_verb_and_a_targets_property_are_mechanisms():
    # "potentiates morphine antinociception": one drug raising another's effect, the object
    # running over the effect noun; "the sensitivity of the receptor": the target acted on
    claims = _claims("Ketorolin potentiates morphine antinociception. Zelorant increases the "
                     "sensitivity of the vasopressin receptor.",
                     [("Ketorolin", "DRUG"), ("morphine", "DRUG"), ("Zelorant", "DRUG"),
                      ("vasopressin receptor", "TARGET")])
    mech = {(c.subject.label.lower(), c.object.label, c.direction)
            for c in claims if c.kind == "mechanism"}
    assert ("ketorolin", "morphine antinociception", "increased") in mech
    assert ("zelorant", "vasopressin receptor", "increased") in mech


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
