"""Scope rules of sentence claims (litkg.extract.claims_scope): who a change is credited to,
what is no finding.  Entities are set by hand; every sentence is new, not seed wording."""

from handmade import find_claim as _find
from handmade import hand_claims as _claims


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
    # a concession about how much was given keeps the harm the drug's
    low = _claims("Severe hepatitis occurred despite the low dosage of ribavirin.",
                  [("hepatitis", "CONDITION"), ("ribavirin", "DRUG")])
    assert _kinds(low, "adverse_effect")
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


def test_an_object_named_as_a_circumstance_is_no_outcome():
    text = ("Zorbamide attenuated the memory loss caused by trelodine but did not improve "
            "latency in the absence of hypotension.")
    claims = _claims(text, [("Zorbamide", "DRUG"), ("memory loss", "CONDITION"),
                            ("trelodine", "DRUG"), ("hypotension", "CONDITION")])
    assert "hypotension" not in {c.object.label for c in claims if c.kind == "outcome"}


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


def test_a_change_said_of_both_arms_by_name_or_as_the_subject_is_no_drugs():
    # the arms named inside "in both the X and Y groups", or "Both treatments" as the subject
    text = ("Migraine frequency was significantly decreased in both the tolvexin and "
            "zanoprim groups when compared to baseline.")
    claims = _claims(text, [("Migraine frequency", "ENDPOINT"), ("tolvexin", "DRUG"),
                            ("zanoprim", "DRUG")])
    assert not [c for c in claims if c.kind == "outcome"]
    text = "Both treatments with tolvexin significantly increased the ejection fraction."
    claims = _claims(text, [("tolvexin", "DRUG"), ("ejection fraction", "ENDPOINT")])
    assert not [c for c in claims if c.kind == "outcome"]
    # "both groups" of another clause does not reach the outcome
    text = ("Stroke occurred similarly in both groups, but infarction was less frequent with "
            "tolvexin (p = 0.004).")
    claims = _claims(text, [("Stroke", "CONDITION"), ("infarction", "CONDITION"),
                            ("tolvexin", "DRUG")])
    assert [(c.object.label, c.direction) for c in claims if c.kind == "outcome"
            and c.object.label == "infarction"] == [("infarction", "decreased")]


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


def test_a_predictor_of_the_change_is_not_the_drug():
    text = ("Patients received olanzapine for depression. Greater baseline vascular risk was "
            "significantly associated with less improvement in depression severity. "
            "Treatment was associated with a reduction in depression severity.")
    got = _claims(text, [("olanzapine", "DRUG"), ("depression", "CONDITION"),
                         ("depression severity", "ANALYTE", 0), ("depression severity", "ANALYTE", 1)])
    outcomes = [(c.subject.label, c.direction, c.evidence.sentence.startswith("Treatment"))
                for c in got if c.kind == "outcome"]
    # the treatment's own association stays the drug's; the predictor's is nobody's
    assert outcomes == [("olanzapine", "decreased", True)]


def test_a_level_aimed_at_is_not_an_outcome():
    text = "Tidal volume needed to maintain EtCO2 of 35-40 mmHg was lower with propofol."
    got = _claims(text, [("Tidal volume", "ANALYTE"), ("EtCO2", "ANALYTE"), ("propofol", "DRUG")])
    assert [(c.object.label, c.direction) for c in got if c.kind == "outcome"] == \
        [("tidal volume", "decreased")]


def test_a_combination_is_credited_by_its_first_drug():
    text = "The bupivacaine-fentanyl combination increased the duration of analgesia."
    got = _claims(text, [("bupivacaine", "DRUG"), ("fentanyl", "DRUG"),
                         ("duration of analgesia", "ENDPOINT")])
    assert [(c.subject.label, c.direction) for c in got if c.kind == "outcome"] == \
        [("bupivacaine", "increased")]


def test_drugs_whose_use_is_measured_are_not_the_studys_intervention():
    text = ("We compared persistent filling of statins and clopidogrel between academic and "
            "nonacademic hospitals. Persistence rates did not change significantly (p = 0.4).")
    got = _claims(text, [("statins", "DRUG"), ("clopidogrel", "DRUG"), ("Persistence rates", "ENDPOINT")])
    assert [c for c in got if c.kind == "outcome"] == []


def test_a_change_verb_after_to_is_a_purpose_unless_reported():
    text = "Verapamil activation to increase amyloid clearance could be a strategy."
    got = _claims(text, [("Verapamil", "DRUG"), ("amyloid clearance", "ANALYTE")])
    assert [c for c in got if c.kind == "outcome"] == []
    text = "Verapamil was shown to increase amyloid clearance."
    got = _claims(text, [("Verapamil", "DRUG"), ("amyloid clearance", "ANALYTE")])
    assert [(c.subject.label, c.direction) for c in got if c.kind == "outcome"] == \
        [("verapamil", "increased")]


def test_a_condition_the_patients_are_without_names_the_population_not_a_change():
    text = "Zelorant lowered PTH in patients without diabetes."
    claims = _claims(text, [("Zelorant", "DRUG"), ("PTH", "ANALYTE"), ("diabetes", "CONDITION")])
    assert _kinds(claims, "outcome") == {("zelorant", "pth")}


def test_a_condition_of_the_study_animals_names_the_population_not_a_change():
    text = "Proteinuria was reduced by zelorant in rats with nephrotic syndrome (NS)."
    claims = _claims(text, [("Proteinuria", "PHENOTYPE"), ("zelorant", "DRUG"),
                            ("nephrotic syndrome", "CONDITION"), ("NS", "CONDITION")])
    assert _kinds(claims, "outcome") == {("zelorant", "proteinuria")}


def test_a_negative_or_positive_test_reading_is_no_change_a_drug_made():
    # a change noun ("response") that a test's reading describes reports a finding, not an
    # improvement the drug made
    text = ("The receptor antibody titer and response to cholinesterase inhibitors were negative, "
            "and thyroid tests were normal.")
    ents = [("antibody titer", "ENDPOINT"), ("cholinesterase inhibitors", "DRUG")]
    assert _kinds(_claims(text, ents), "outcome") == set()
    # the verb of a change keeps its claim
    text2 = "The response to rituximab was complete, and the rash improved with rituximab."
    ents2 = [("rituximab", "DRUG"), ("rash", "PHENOTYPE"), ("rituximab", "DRUG", 1)]
    assert ("rituximab", "rash") in _kinds(_claims(text2, ents2), "outcome")


def test_what_stayed_changed_despite_a_drug_is_not_its_outcome():
    text = ("During oral calcium therapy, serum P stayed low despite phosphate supplementation, "
            "and serum PTH levels were still elevated.")
    ents = [("calcium", "DRUG"), ("P", "ANALYTE"), ("phosphate supplementation", "DRUG"),
            ("PTH", "ANALYTE")]
    assert ("phosphate supplementation", "pth") not in _kinds(_claims(text, ents), "outcome")
