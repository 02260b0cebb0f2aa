"""Which direction word governs an outcome (litkg.extract.claims: cues and their objects).

Documents are built by hand with their entities, so these tests read the claim rules alone."""

from handmade import annotated, claims_of

from litkg.evaluate.claims import annotated_doc


def _outcomes(text, ents):
    return sorted((c.subject.label, c.object.label, c.direction)
                  for c in claims_of(text, ents) if c.kind == "outcome")


def test_a_verb_after_and_shares_the_subject_not_the_object_before_it():
    text = "Metformin increased AMPK phosphorylation and suppressed fatty acid synthase."
    got = _outcomes(text, [("Metformin", "DRUG"), ("AMPK", "TARGET"),
                           ("fatty acid synthase", "TARGET")])
    assert got == [("Metformin", "AMPK", "increased"),
                   ("Metformin", "fatty acid synthase", "decreased")]


def test_a_word_of_a_drug_name_is_no_direction():
    text = "Association of proton pump inhibitor use with incident chronic kidney disease."
    got = _outcomes(text, [("proton pump inhibitor", "DRUG"),
                           ("chronic kidney disease", "CONDITION")])
    assert got == []


def test_became_narrates_an_onset_after_a_drug_was_given():
    text = ("She was given intravenous linezolid for bacteremia. Within 24 hours she became "
            "agitated, with tremor and hyperreflexia.")
    claims = claims_of(text, (("linezolid", "DRUG"), ("bacteremia", "CONDITION"),
                          ("tremor", "PHENOTYPE"), ("hyperreflexia", "CONDITION")))
    assert sorted((c.subject.label, c.object.label) for c in claims if c.kind == "adverse_effect") \
        == [("linezolid", "hyperreflexia"), ("linezolid", "tremor")]


def test_reported_narrates_an_onset_only_with_the_patient_as_subject():
    for sentence, harms in (("Two days later he reported myalgia.", [("levetiracetam", "myalgia")]),
                            ("We reported myalgia in an earlier case.", [])):
        text = "He was started on levetiracetam for seizures. " + sentence
        claims = claims_of(text, (("levetiracetam", "DRUG"), ("seizures", "CONDITION"),
                              ("myalgia", "PHENOTYPE")))
        assert [(c.subject.label, c.object.label) for c in claims if c.kind == "adverse_effect"] \
            == harms, sentence


def test_a_word_of_a_finding_name_is_no_direction_and_a_title_compares_without_result():
    title = "Sacubitril versus enalapril in heart failure with reduced ejection fraction"
    text = title + "\n\nPatients were randomized."
    claims = claims_of(text, (("Sacubitril", "DRUG"), ("enalapril", "DRUG"),
                          ("heart failure", "CONDITION"), ("reduced ejection fraction", "PHENOTYPE")), title=title)
    assert [c for c in claims if c.kind == "outcome"] == []


def test_drugs_started_as_one_regimen_share_the_onset_harm():
    text = ("She was given ipilimumab plus nivolumab. Two weeks later she developed colitis.")
    claims = claims_of(text, (("ipilimumab", "DRUG"), ("nivolumab", "DRUG"), ("colitis", "CONDITION")))
    assert sorted(c.subject.label for c in claims if c.kind == "adverse_effect") == \
        ["ipilimumab", "nivolumab"]


def test_a_change_in_the_sentence_that_stops_the_drug_is_not_its_effect():
    text = "Oxcarbazepine was discontinued and fluid restriction was started; sodium rose to 131 mmol/L."
    claims = claims_of(text, [("Oxcarbazepine", "DRUG"), ("sodium", "ANALYTE")])
    assert [c for c in claims if c.kind == "outcome"] == []
    text = "Oxcarbazepine was continued; sodium rose to 131 mmol/L."
    claims = claims_of(text, [("Oxcarbazepine", "DRUG"), ("sodium", "ANALYTE")])
    assert [(c.object.label, c.direction) for c in claims if c.kind == "outcome"] == \
        [("sodium", "increased")]


def test_falls_in_a_list_of_findings_is_an_event_and_admitted_with_narrates_an_onset():
    text = ("She was treated with oxcarbazepine for neuralgia. After three weeks she was admitted "
            "with lethargy and falls.")
    claims = claims_of(text, [("oxcarbazepine", "DRUG"), ("neuralgia", "CONDITION"),
                               ("lethargy", "PHENOTYPE")])
    assert [(c.kind, c.object.label) for c in claims if c.object.label == "lethargy"] == \
        [("adverse_effect", "lethargy")]


def test_falls_after_a_coordination_is_no_direction_cue():
    from litkg.extract.claims_cues import direction_cues
    doc = annotated_doc("She had lethargy and falls. Calcium falls at night.",
                        [(8, 16, "PHENOTYPE", None), (28, 35, "ANALYTE", None)])
    first, second = doc.sents
    assert direction_cues(first) == []
    assert [d for _, d in direction_cues(second)] == ["decreased"]


def test_a_programme_named_in_the_title_is_the_study_intervention_and_a_nominal_title_finds_nothing():
    title = "Effect of a home exercise program on functional recovery"
    text = title + "\n\nResults: Physical performance scores improved more than in the control group."
    claims = claims_of(text, (("exercise program", "PROCEDURE"), ("functional recovery", "ENDPOINT"),
                          ("Physical performance scores", "ENDPOINT")), title=title)
    assert [(c.subject.label, c.object.label, c.direction) for c in claims if c.kind == "outcome"] \
        == [("exercise program", "Physical performance scores", "increased")]


def test_a_class_noun_is_no_direction_cue():
    text = "Regulators have not approved SGLT2 inhibitors for type 1 diabetes."
    claims = claims_of(text, [("type 1 diabetes", "CONDITION")])
    assert [c for c in claims if c.kind == "outcome"] == []


def test_a_significant_difference_is_never_read_as_no_change():
    text = ("Adherence scores were significantly different between the nurse-led follow-up and "
            "control groups.")
    claims = claims_of(text, [("Adherence scores", "ANALYTE"), ("nurse-led follow-up", "DRUG"),
                               ("control", "DRUG")])
    assert [c.direction for c in claims if c.kind == "outcome"] != ["unchanged"]


def test_superior_to_is_a_direction_and_the_superior_vena_cava_is_not():
    from litkg.extract.claims_cues import direction_cues
    doc = annotated("Symptom control with A was superior to placebo. The superior vena cava was patent.",
                    [("Symptom control", "ENDPOINT")])[0]
    first, second = doc.sents
    assert [d for _, d in direction_cues(first)] == ["improved"]
    assert direction_cues(second) == []


def test_a_rate_ratio_for_one_arm_versus_another_gives_the_direction_and_the_arm():
    text = ("The annual rate of severe exacerbations was 0.20 with terbutaline and 0.07 with "
            "budesonide; the rate ratio was 0.36 (95% CI, 0.27 to 0.49) for budesonide versus "
            "terbutaline.")
    claims = claims_of(text, [("annual rate of severe exacerbations", "ENDPOINT"),
                              ("terbutaline", "DRUG"), ("budesonide", "DRUG")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == \
        [("budesonide", "decreased")]


def test_a_hazard_ratio_below_one_is_a_longer_survival_and_a_cue_outranks_the_ratio():
    text = ("Overall survival was 9.4 months with A and 5.4 months with B; hazard ratio, 0.35 "
            "(95% CI, 0.13 to 0.92) for A versus B.")
    claims = claims_of(text, [("Overall survival", "ENDPOINT"), ("A", "DRUG"), ("B", "DRUG")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == \
        [("A", "increased")]


def test_an_onset_list_takes_findings_with_their_modifiers():
    from litkg.extract.onset import _list_glue
    assert _list_glue([",", "and", "a", "generalized"])
    assert not _list_glue(["and", "was", "admitted"])
    assert not _list_glue(["and", "then", "slowly", "improving"])


def test_the_groups_after_between_are_compared_not_outcomes():
    text = ("Patients on zelmacor were studied. Weight gain was not different between hypovolemic, "
            "normovolemic, and hypervolemic patients.")
    got = _outcomes(text, [("zelmacor", "DRUG"), ("Weight gain", "PHENOTYPE"),
                           ("hypovolemic", "CONDITION")])
    assert ("zelmacor", "hypovolemic", "unchanged") not in got
    # ... and the groups are people of one trait, not arms: the finding is no drug's either
    assert ("zelmacor", "Weight gain", "unchanged") not in got
    # a preposition after "between ... arms" hands the phrase on to the outcome it names
    text = "There was no difference between the zelmacor and placebo groups in weight gain."
    got = _outcomes(text, [("zelmacor", "DRUG"), ("weight gain", "PHENOTYPE")])
    assert got == [("zelmacor", "weight gain", "unchanged")]


def test_a_comparative_in_a_list_of_predictors_is_a_trait_not_an_effect():
    text = ("Patients received zelmacor. The best predictors of bleeding were shorter hospital "
            "stay and lower BMI.")
    ents = [("zelmacor", "DRUG"), ("bleeding", "CONDITION"), ("hospital stay", "ENDPOINT"),
            ("BMI", "ANALYTE")]
    assert [o for o in _outcomes(text, ents) if o[1] in ("hospital stay", "BMI")] == []
    # without the predictors the same words report a change
    text = "Patients received zelmacor. It led to shorter hospital stay and lower BMI in bleeding."
    assert ("zelmacor", "BMI", "decreased") in _outcomes(text, ents)


def test_a_change_noun_whose_arms_did_not_differ_is_no_change():
    ents = [("zelmacor", "DRUG"), ("placebo", "DRUG"), ("body weight", "PHENOTYPE")]
    text = ("Reduction in body weight in the zelmacor and placebo groups was not different.")
    assert ("zelmacor", "body weight", "unchanged") in _outcomes(text, ents)
    # a change noun whose own verb reports a difference keeps its sign
    text = "Reduction in body weight was greater with zelmacor than with placebo."
    assert ("zelmacor", "body weight", "unchanged") not in _outcomes(text, ents)


def test_a_nerve_block_is_a_procedure_not_an_inhibition():
    text = "The analgesic efficacy of continuous zelmacor block in renal transplant recipients."
    claims = claims_of(text, [("zelmacor", "DRUG")])
    assert [c for c in claims if c.kind == "mechanism"] == []
    text = "Postoperative pain free interval and block characteristics were the primary outcomes."
    got = _outcomes(text, [("Postoperative pain", "CONDITION")])
    assert got == []
    # the verb still reads as an inhibition
    text = "Zelmacor blocks the histamine receptor."
    claims = claims_of(text, [("Zelmacor", "DRUG"), ("histamine receptor", "TARGET")])
    assert [(c.object.label, c.direction) for c in claims if c.kind == "mechanism"] == \
        [("histamine receptor", "decreased")]


def test_what_a_predictor_foretells_is_not_what_changed():
    text = ("Patients received zelmacor. The pull sign was the strongest predictor of eosinophilic "
            "esophagitis and was less frequent after treatment.")
    got = _outcomes(text, [("zelmacor", "DRUG"), ("eosinophilic esophagitis", "CONDITION")])
    assert got == []


def test_the_members_of_a_coordinated_list_share_its_verb():
    ents = [("Zelmacor", "DRUG"), ("LDL", "ANALYTE"), ("triglycerides", "ANALYTE"),
            ("glucose", "ANALYTE")]
    for text in ("Zelmacor reduced LDL, triglycerides and glucose.",
                 "With Zelmacor LDL, triglycerides and glucose decreased."):
        assert _outcomes(text, ents) == [("Zelmacor", "LDL", "decreased"),
                                         ("Zelmacor", "glucose", "decreased"),
                                         ("Zelmacor", "triglycerides", "decreased")], text
    # a list whose own verb says no change did not share the verb before it
    text = "Zelmacor reduced LDL, triglycerides and glucose were unchanged."
    assert ("Zelmacor", "glucose", "decreased") not in _outcomes(text, ents)


def test_a_second_verb_after_and_governs_what_follows_it():
    text = ("Zelmacor exposure reduced levels of mRNA for TRB in both sexes and elevated TRA in "
            "females.")
    got = _outcomes(text, [("Zelmacor", "DRUG"), ("TRB", "TARGET"), ("TRA", "TARGET")])
    assert got == [("Zelmacor", "TRA", "increased"), ("Zelmacor", "TRB", "decreased")]


def test_a_comparative_before_in_is_the_predicate_of_the_object_before_it():
    text = "Triglyceride levels were lower in statin users."
    assert _outcomes(text, [("Triglyceride", "ANALYTE"), ("statin", "DRUG")]) == [
        ("statin", "Triglyceride", "decreased")]


def test_progression_on_an_earlier_drug_is_history_not_its_outcome():
    text = "Osimertinib was given for EGFR-mutant lung cancer after progression on gefitinib."
    got = _outcomes(text, [("Osimertinib", "DRUG"), ("EGFR", "TARGET"),
                           ("lung cancer", "CONDITION"), ("progression", "ENDPOINT"),
                           ("gefitinib", "DRUG")])
    assert not [o for o in got if o[0] == "gefitinib"]


def test_the_amount_of_a_rescue_drug_is_what_was_measured_of_the_arm():
    text = "Ketorolac resulted in lower pentazocine consumption than paracetamol (p = 0.01)."
    got = _outcomes(text, [("Ketorolac", "DRUG"), ("pentazocine", "DRUG"), ("paracetamol", "DRUG")])
    assert got == [("Ketorolac", "pentazocine", "decreased")]


def test_a_lowered_recurrence_of_a_disease_is_its_improvement():
    text = "Dienogest reduced the recurrence of endometrioma."
    got = _outcomes(text, [("Dienogest", "DRUG"), ("recurrence", "ENDPOINT"),
                           ("endometrioma", "CONDITION")])
    assert ("Dienogest", "endometrioma", "improved") in got


def test_a_one_word_finding_is_no_direction_word():
    # "depression" begins like "depressed" but names the disease whose recurrence rose
    text = "Stopping the drug was followed by recurrence of depression with lithium."
    got = _outcomes(text, [("recurrence", "ENDPOINT"), ("depression", "CONDITION"),
                           ("lithium", "DRUG")])
    assert ("lithium", "recurrence", "decreased") not in got


def test_every_member_of_a_list_of_subgroup_variables_is_no_outcome():
    text = ("The association between oral contraceptive use and cancer did not differ according "
            "to country, BMI or menopausal status.")
    got = _outcomes(text, [("oral contraceptive", "DRUG"), ("cancer", "CONDITION"),
                           ("BMI", "ANALYTE"), ("menopausal status", "ENDPOINT")])
    assert not [o for o in got if o[1] in ("BMI", "menopausal status")]


def test_what_did_not_differ_across_subgroups_is_the_effect_not_an_unchanged_outcome():
    text = ("Statin use lowered the risk of stroke. The risk of stroke did not differ according "
            "to region and baseline traits (age, BMI, hormone therapy and smoking status).")
    got = _outcomes(text, [("Statin", "DRUG"), ("stroke", "CONDITION"), ("stroke", "CONDITION"),
                           ("BMI", "ANALYTE"), ("hormone therapy", "DRUG"),
                           ("smoking status", "ENDPOINT")])
    assert got == [("Statin", "stroke", "decreased")]
    # differing by treatment arm is a finding between the arms
    text = "Patients took metformin or placebo. HbA1c did not differ by treatment arm."
    got = _outcomes(text, [("metformin", "DRUG"), ("placebo", "DRUG"), ("HbA1c", "ANALYTE")])
    assert ("metformin", "HbA1c", "unchanged") in got


def test_cases_compared_with_people_without_the_disease_are_no_arms():
    text = ("Oral contraceptives were studied. Compared with women without colorectal cancer, "
            "cases had higher BMI and drank more alcohol.")
    got = _outcomes(text, [("Oral contraceptives", "DRUG"), ("colorectal cancer", "CONDITION"),
                           ("BMI", "ANALYTE"), ("alcohol", "DRUG")])
    assert got == []


def test_a_difference_between_the_sexes_is_no_drug_s():
    text = "Mice were given PBDE. There was no difference in brain TRb levels between sexes."
    assert _outcomes(text, [("PBDE", "DRUG"), ("TRb", "TARGET")]) == []


def test_a_drug_named_as_the_cause_of_a_condition_is_not_credited_with_a_later_change():
    title = "Ondansetron dosing in chemotherapy"
    text = (f"{title}. Ondansetron was given. In patients with cisplatin-induced nausea, the "
            "higher dose gave significant improvements in quality of life.")
    claims = claims_of(text, [("Ondansetron", "DRUG"), ("cisplatin", "DRUG"),
                              ("nausea", "PHENOTYPE"), ("quality of life", "ENDPOINT")],
                       title=f"{title}.")
    got = {(c.subject.label, c.object.label) for c in claims if c.kind == "outcome"}
    assert ("cisplatin", "quality of life") not in got


def test_a_difference_at_baseline_is_no_outcome():
    text = ("Patients received sertraline. RESULTS: At baseline, patients had significantly lower "
            "serum BDNF than controls.")
    assert _outcomes(text, [("sertraline", "DRUG"), ("BDNF", "TARGET")]) == []
    text = ("Patients received sertraline. RESULTS: After 10 weeks, serum BDNF was significantly "
            "lower.")
    assert _outcomes(text, [("sertraline", "DRUG"), ("BDNF", "TARGET")]) == [
        ("sertraline", "BDNF", "decreased")]


def test_a_word_of_speed_on_a_time_gives_the_time_the_opposite_sign():
    # "slower onset" is a longer onset time; the parenthesised values are skipped to reach it,
    # and the second member of "onset of A and B" is a time too
    text = ("The mean onset of sensory block (6 min vs. 3 min; P < 0.001) and motor block "
            "(13 min vs. 9 min; P < 0.05) was significantly slower in the Zelmacor group "
            "than in the Trivacaine group.")
    got = _outcomes(text, [("onset of sensory block", "ENDPOINT"), ("motor block", "ENDPOINT"),
                           ("Zelmacor", "DRUG"), ("Trivacaine", "DRUG")])
    assert got == [("Zelmacor", "motor block", "increased"),
                   ("Zelmacor", "onset of sensory block", "increased")]


def test_a_faster_onset_is_shorter_and_a_prolonged_duration_beside_it_stays_longer():
    text = ("We conclude that Zelmacor has a faster onset of sensory block and prolonged "
            "duration of analgesia compared to hyperbaric Trivacaine.")
    got = _outcomes(text, [("Zelmacor", "DRUG"), ("onset of sensory block", "ENDPOINT"),
                           ("duration of analgesia", "ENDPOINT"), ("Trivacaine", "DRUG")])
    # the arm after "compared to hyperbaric" is the comparator, not the one credited
    assert got == [("Zelmacor", "duration of analgesia", "increased"),
                   ("Zelmacor", "onset of sensory block", "decreased")]


def test_quicker_before_in_is_the_predicate_and_a_speed_keeps_its_sign():
    text = "Onset of motor block was also quicker in the Zelmacor group."
    assert _outcomes(text, [("Onset of motor block", "ENDPOINT"), ("Zelmacor", "DRUG")]) == [
        ("Zelmacor", "Onset of motor block", "decreased")]
    text = "The speed of recovery was faster in the Zelmacor group."
    assert _outcomes(text, [("speed of recovery", "ENDPOINT"), ("Zelmacor", "DRUG")]) == [
        ("Zelmacor", "speed of recovery", "increased")]


def test_a_relative_clause_after_a_comma_is_the_predicate_of_the_object_before_it():
    text = ("Heart rate values did not differ between the two groups except for the SpO2, "
            "which was higher in the Zelmacor group (P < 0.001).")
    got = _outcomes(text, [("Heart rate", "ANALYTE"), ("SpO2", "ANALYTE"), ("Zelmacor", "DRUG")])
    assert ("Zelmacor", "SpO2", "increased") in got
    assert ("Zelmacor", "Heart rate", "unchanged") in got


def test_a_gas_named_with_its_measuring_site_is_a_reading_not_a_drug():
    text = "EtCO2 and tidal volume were consistently lower in the Zelmacor group (P = 0.001)."
    got = _outcomes(text, [("EtCO2", "DRUG"), ("tidal volume", "ENDPOINT"), ("Zelmacor", "DRUG")])
    assert got == [("Zelmacor", "EtCO2", "decreased"), ("Zelmacor", "tidal volume", "decreased")]


def test_comparable_in_the_two_groups_is_no_change():
    text = "Quality of anesthesia was comparable in two groups after Zelmacor or Trivacaine."
    got = _outcomes(text, [("Quality of anesthesia", "ENDPOINT"), ("Zelmacor", "DRUG"),
                           ("Trivacaine", "DRUG")])
    assert got and all(d == "unchanged" for _, _, d in got)


def test_without_significant_side_effects_is_no_null_of_the_change_before_it():
    text = ("We conclude that the addition of Zelmacor prolongs the sensory block while "
            "increasing the duration of postoperative analgesia without significant side-effects.")
    got = _outcomes(text, [("Zelmacor", "DRUG"),
                           ("duration of postoperative analgesia", "ENDPOINT")])
    assert got == [("Zelmacor", "duration of postoperative analgesia", "increased")]
    # ... while a null said of a change still is one
    text = "Zelmacor increased the duration of analgesia, without significant difference."
    got = _outcomes(text, [("Zelmacor", "DRUG"), ("duration of analgesia", "ENDPOINT")])
    assert got == [("Zelmacor", "duration of analgesia", "unchanged")]


def test_no_difference_between_a_and_b_is_credited_to_the_first_arm():
    text = ("Overall there was no difference in the mean total daily costs between Zelpenem "
            "(SAR 4784.46) and Trimipenem (SAR 4390.14; p = 0.37).")
    got = _outcomes(text, [("total daily costs", "ENDPOINT"), ("Zelpenem", "DRUG"),
                           ("Trimipenem", "DRUG")])
    assert got == [("Zelpenem", "total daily costs", "unchanged")]


def test_the_most_common_events_in_both_groups_are_a_listing_not_no_change():
    ents = [("Zelmacor", "DRUG"), ("placebo", "DRUG"), ("headache", "PHENOTYPE"),
            ("insomnia", "PHENOTYPE")]
    text = ("Zelmacor was compared with placebo. Tolerability was good, with headache and "
            "insomnia the most frequent complaints in both groups.")
    got = _outcomes(text, ents)
    assert not any(d == "unchanged" for _, _, d in got)
    # a rate said to be alike in both groups is still no change
    text = "Headache was similar in the zelmacor and placebo groups."
    ents = [("Headache", "PHENOTYPE"), ("zelmacor", "DRUG"), ("placebo", "DRUG")]
    assert ("Headache", "unchanged") in {(o, d) for _, o, d in _outcomes(text, ents)}


def test_what_patients_undergo_is_no_change():
    text = "Ovarian response in women undergoing repeated stimulation with follitropin alfa."
    got = _outcomes(text, [("Ovarian response", "ENDPOINT"), ("follitropin alfa", "DRUG")])
    assert got == []


def test_a_change_in_both_arms_that_is_larger_in_one_is_a_difference():
    text = "HbA1c decreased in both groups, but more decrease was seen in the selenium group (P<0.05)."
    assert _outcomes(text, [("HbA1c", "ANALYTE"), ("selenium", "DRUG")]) == \
        [("selenium", "HbA1c", "decreased")]
    # without a larger change in one arm, the arms did not differ
    text = "Patients received selenium or placebo. HbA1c decreased in both groups."
    assert _outcomes(text, [("selenium", "DRUG"), ("placebo", "DRUG"), ("HbA1c", "ANALYTE")]) == \
        [("selenium", "HbA1c", "unchanged")]


def test_a_null_word_naming_a_kind_of_person_or_dose_is_no_finding_of_no_change():
    # "unaffected siblings", "stable doses": attributes of a noun, not "Y stayed the same"
    text = "During deferasirox therapy, serum ferritin was measured in the children and in " \
           "their unaffected siblings."
    assert _outcomes(text, [("deferasirox", "DRUG"), ("ferritin", "ANALYTE")]) == []
    # ... while the predicate use still is one
    text = "During deferasirox therapy, serum ferritin was unaffected."
    assert _outcomes(text, [("deferasirox", "DRUG"), ("ferritin", "ANALYTE")]) == [
        ("deferasirox", "ferritin", "unchanged")]


def test_a_comparative_right_before_the_object_is_its_own_and_longer_is_a_rise():
    text = "Zolmadine was associated with longer total sleep time and shorter sleep latency."
    got = _outcomes(text, [("Zolmadine", "DRUG"), ("total sleep time", "ENDPOINT"),
                           ("sleep latency", "ENDPOINT")])
    assert got == [("Zolmadine", "sleep latency", "decreased"),
                   ("Zolmadine", "total sleep time", "increased")]
    # "no longer" is no rise
    text = "After zolmadine, the antibodies were no longer detectable."
    assert _outcomes(text, [("zolmadine", "DRUG"), ("antibodies", "ANALYTE")]) == []


def test_a_comparative_before_a_measure_noun_of_the_object_is_its_own():
    # "higher levels of A and lower levels of B": each member has its own comparative; the one
    # after "and" is not A's verb
    text = "Patients given zolmadine had higher serum levels of interleukin-2 and lower levels " \
           "of cortisol than controls."
    got = _outcomes(text, [("zolmadine", "DRUG"), ("interleukin-2", "ANALYTE"),
                           ("cortisol", "ANALYTE")])
    assert got == [("zolmadine", "cortisol", "decreased"),
                   ("zolmadine", "interleukin-2", "increased")]


def test_a_verb_countering_a_change_noun_turns_its_sign_over():
    ents = [("Zolmadine", "DRUG"), ("interleukin-6", "ANALYTE")]
    text = "Zolmadine decreased the elevations of interleukin-6."
    assert _outcomes(text, ents) == [("Zolmadine", "interleukin-6", "decreased")]
    text = "Zolmadine prevented the rise in interleukin-6."
    assert _outcomes(text, ents) == [("Zolmadine", "interleukin-6", "decreased")]
    text = "Zolmadine attenuated the reduction of interleukin-6."
    assert _outcomes(text, ents) == [("Zolmadine", "interleukin-6", "increased")]


def test_a_change_slowed_or_sized_smaller_after_a_copula_turns_its_sign_over():
    # "slowed the decline in Y" and "the decline in Y was slower with X" leave Y higher with X
    ents = [("Zolmadine", "DRUG"), ("interleukin-6", "ANALYTE")]
    for text in ("Zolmadine slowed the decline in interleukin-6.",
                 "The decline in interleukin-6 was significantly slower with Zolmadine.",
                 "The fall in interleukin-6 was smaller with Zolmadine."):
        assert _outcomes(text, ents) == [("Zolmadine", "interleukin-6", "increased")], text
    text = "The rise in interleukin-6 was greater with Zolmadine."
    assert _outcomes(text, ents) == [("Zolmadine", "interleukin-6", "increased")]


def test_a_null_told_of_the_other_arm_in_a_contrast_leaves_the_change():
    # the classifier may turn a rule's fall into "unchanged" only on a null said of the
    # outcome's own clause, not of the control arm after "whereas" / "but"
    ents = [("Heart rate", "ANALYTE"), ("zolmadine", "DRUG"), ("control group", "PROCEDURE")]
    for text in ("Heart rate fell with zolmadine, whereas it did not change in the control group.",
                 "Heart rate fell with zolmadine but did not change in the control group."):
        assert _outcomes(text, ents) == [("zolmadine", "Heart rate", "decreased")], text
    text = "Heart rate normalized with zolmadine, whereas the control group showed no change."
    assert [d for _, _, d in _outcomes(text, ents)] not in ([], ["unchanged"])


def test_a_null_predicate_comparing_the_arms_is_no_change():
    ents = [("Heart rate", "ANALYTE"), ("zolmadine", "DRUG"), ("placebo", "DRUG")]
    text = "Heart rate was comparable between the zolmadine and placebo groups."
    assert _outcomes(text, ents) == [("zolmadine", "Heart rate", "unchanged")]
    # "similar to" describes, it compares no arms
    text = "Heart rate was similar to that seen in adults given zolmadine."
    assert _outcomes(text, ents[:2]) == []


def test_a_larger_change_in_one_arm_after_p_values_and_a_comma_with():
    # the p-value's decimal point inside the sentence, ", with greater ...", "(P = 0.001)"
    text = ("Stool frequency increased in both groups (P < 0.001), with greater increase in "
            "the selenium group (P = 0.001).")
    assert _outcomes(text, [("Stool frequency", "ANALYTE"), ("selenium", "DRUG")]) == \
        [("selenium", "Stool frequency", "increased")]


def test_p_equal_to_005_is_significant_when_the_authors_call_it_so():
    from litkg.extract import claims_lexicon as lex

    assert lex.first_p_nonsignificant("significant declines in Y (-3.3 mmHg, p = 0.05)") is False
    assert lex.first_p_nonsignificant("(p = 0.05)", "Y fell significantly (p = 0.05)") is False
    assert lex.first_p_nonsignificant("Y fell by 3 mmHg (p = 0.05)") is True
    assert lex.first_p_nonsignificant("Y did not differ significantly (p = 0.05)") is True
    assert lex.first_p_nonsignificant("a significant fall (p = 0.051)") is True
    ents = [("Resting heart rate", "ANALYTE"), ("tolvexin", "DRUG")]
    text = "Resting heart rate was significantly lower with tolvexin than with placebo (p = 0.05)."
    assert _outcomes(text, ents) == [("tolvexin", "Resting heart rate", "decreased")]
    text = "Resting heart rate was lower with tolvexin than with placebo (p = 0.05)."
    assert _outcomes(text, ents) == [("tolvexin", "Resting heart rate", "unchanged")]


def test_a_trend_with_a_p_bound_above_005_is_no_change():
    from litkg.extract import claims_lexicon as lex

    assert lex.first_p_nonsignificant("(p < 0.10)") is True
    assert lex.first_p_nonsignificant("(p < 0.05)") is False
    assert lex.first_p_nonsignificant("(P = 0.21)") is True
    text = "A trend was detected for less torque fatigue with tolvexin (p < 0.10)."
    assert _outcomes(text, [("torque fatigue", "ANALYTE"), ("tolvexin", "DRUG")]) == \
        [("tolvexin", "torque fatigue", "unchanged")]


def test_a_participle_after_a_preposition_modifies_the_noun_after_it():
    # "associated with increased risk of Y2": the cue is Y2's attribute, not Y1's predicate
    text = "Treatment of gout with zolmadine was associated with increased risk of stroke."
    got = _outcomes(text, [("gout", "CONDITION"), ("zolmadine", "DRUG"), ("stroke", "CONDITION")])
    assert not [g for g in got if g[1] == "gout"]
    text = "Zolmadine use in gout was associated with improved survival."
    got = _outcomes(text, [("Zolmadine", "DRUG"), ("gout", "CONDITION"), ("survival", "ENDPOINT")])
    assert ("Zolmadine", "survival", "improved") in got and not [g for g in got if g[1] == "gout"]


def test_a_cue_with_a_subject_of_its_own_is_not_an_earlier_objects():
    # "After resection of the adenoma the PTH concentration decreased": the adenoma did not
    text = ("Zolmadine was started. After resection of the adenoma the PTH concentration "
            "decreased to 40 pg/ml.")
    got = _outcomes(text, [("Zolmadine", "DRUG"), ("adenoma", "CONDITION"), ("PTH", "ANALYTE")])
    assert [g[1] for g in got] == ["PTH"]
    # ... but an entity inside the object's own phrase is no subject of the cue
    text = "Survival rates for patients with sepsis have increased with zolmadine."
    got = _outcomes(text, [("Survival rates", "ENDPOINT"), ("sepsis", "CONDITION"),
                           ("zolmadine", "DRUG")])
    assert ("zolmadine", "Survival rates", "increased") in got


def test_an_arm_negated_by_but_not_does_not_make_the_change_null():
    # "but not Y," negates the arm only; the classifier may not read it as a null result
    text = ("Tolvexin, but not saline solution, significantly reduced the pain intensity in "
            "almost all the patients at both doses.")
    assert _outcomes(text, [("Tolvexin", "DRUG"), ("pain intensity", "ENDPOINT")]) == \
        [("Tolvexin", "pain intensity", "decreased")]


def test_a_drug_another_drug_acted_on_is_not_the_agent_of_the_next_verb():
    text = "Tolvexin depleted dopamine, caused gliosis, and increased body temperature in mice."
    got = _outcomes(text, [("Tolvexin", "DRUG"), ("dopamine", "DRUG"),
                           ("body temperature", "ANALYTE")])
    assert got == [("Tolvexin", "body temperature", "increased")]


def test_but_not_negates_the_arm_after_it_only():
    # "X but not Y reduced Z": Z fell with X; Y's claim is the negated one
    text = "Tolvexin but not placebo reduced pain intensity."
    assert _outcomes(text, [("Tolvexin", "DRUG"), ("placebo", "DRUG"),
                            ("pain intensity", "ENDPOINT")]) == \
        [("Tolvexin", "pain intensity", "decreased")]
    claims = claims_of("Tolvexin but not zorbamide inhibits the enzyme kinase Q.",
                       [("Tolvexin", "DRUG"), ("zorbamide", "DRUG"), ("kinase Q", "TARGET")])
    got = {(c.subject.label, c.negated) for c in claims if c.kind == "mechanism"}
    assert got == {("Tolvexin", False), ("zorbamide", True)}


def test_a_signed_adverb_gives_affected_its_direction_and_a_do_negation_ends_at_a_new_verb():
    text = ("Zelorant did not change glucose (P = 0.35) and negatively affected bone density "
            "(P < 0.001).")
    got = _outcomes(text, [("Zelorant", "DRUG"), ("glucose", "ANALYTE"),
                           ("bone density", "ANALYTE")])
    assert got == [("Zelorant", "bone density", "decreased"), ("Zelorant", "glucose", "unchanged")]
    text = "Zelorant positively influenced HDL cholesterol."
    assert _outcomes(text, [("Zelorant", "DRUG"), ("HDL cholesterol", "ANALYTE")]) == [
        ("Zelorant", "HDL cholesterol", "increased")]


def test_ns_marks_a_result_not_significant_unless_it_abbreviates_the_words_before():
    from litkg.extract import claims_lexicon as lex

    assert lex.first_p_nonsignificant("24% with placebo (p = NS).") is True
    assert lex.first_p_nonsignificant("(r = 0.22, NS)") is True
    assert lex.first_p_nonsignificant(" (NS).", "24% in the placebo group (NS).") is True
    assert lex.first_p_nonsignificant(" (NS).", "rats with nephrotic syndrome (NS).") is None
    assert lex.first_p_nonsignificant("given normal saline (NS) or (p < 0.01)") is False
    ents = [("rate of relapse", "ENDPOINT"), ("tolvexin", "DRUG"), ("placebo", "PROCEDURE")]
    text = "The rate of relapse was 21% in the tolvexin group and 24% in the placebo group (NS)."
    assert _outcomes(text, ents) == [("tolvexin", "rate of relapse", "unchanged")]


def test_a_denied_change_verb_holds_the_outcome_after_it():
    # "X lowered Y without affecting Z": the fall is Y's; Z is said not to have changed
    ents = [("Zelorant", "DRUG"), ("NT-proBNP", "ANALYTE"), ("exercise capacity", "ENDPOINT"),
            ("blood pressure", "ANALYTE")]
    text = ("Zelorant lowered NT-proBNP and improved exercise capacity without affecting "
            "blood pressure.")
    assert _outcomes(text, ents) == [("Zelorant", "NT-proBNP", "decreased"),
                                     ("Zelorant", "blood pressure", "unchanged"),
                                     ("Zelorant", "exercise capacity", "improved")]
    text = "Zelorant lowered NT-proBNP, but did not alter blood pressure."
    assert ("Zelorant", "blood pressure", "unchanged") in _outcomes(text, ents[:2] + ents[3:])


def test_a_ratio_named_for_its_event_or_set_off_by_a_comma_keeps_its_value():
    from litkg.extract import claims_lexicon as lex

    assert lex.statistics("(hazard ratio for death, 0.49; 95% CI, 0.38 to 0.64)") == {"hr": 0.49}
    assert lex.statistics("(hazard ratio, 0.52; 95% CI, 0.43 to 0.64)") == {"hr": 0.52}
    assert lex.statistics("the relative risk for major bleeding was 1.8") == {"rr": 1.8}
    assert lex.statistics("OR = 1.5 in patients or controls") == {"or": 1.5}


def test_a_countering_verb_reaches_over_the_modifiers_of_the_change_it_counters():
    ents = [("Zelorant", "DRUG"), ("right ventricular systolic pressure", "ENDPOINT")]
    text = "Zelorant attenuated the hypoxia-induced increase in right ventricular systolic pressure."
    assert _outcomes(text, ents) == [("Zelorant", "right ventricular systolic pressure",
                                      "decreased")]
    # a drug class noun in the modifiers names the rise's cause; it counters nothing
    from litkg.extract import claims_lexicon as lex
    from litkg.extract.pipeline import shared_nlp

    doc = shared_nlp().make_doc("the ACE inhibitor-induced increase in potassium")
    assert lex._countering_verb(doc, 5) is None


def test_a_drug_that_is_the_verbs_subject_changed_the_outcome_in_both_groups():
    # "in both groups" nulls a change told of the arms ("Y fell in both groups"), not one a
    # drug made in each group
    ents = [("Zelorant", "DRUG"), ("blood pressure", "ANALYTE")]
    text = "Zelorant significantly lowered blood pressure in both groups."
    assert _outcomes(text, ents) == [("Zelorant", "blood pressure", "decreased")]
    text = "Zelorant and placebo lowered blood pressure in both groups."
    assert ("Zelorant", "blood pressure", "decreased") not in _outcomes(
        text, ents[:1] + [("placebo", "PROCEDURE")] + ents[1:])


def test_a_list_with_bracketed_abbreviations_shares_its_verb():
    # "A, B (BB), C (CC) and D (DD) were decreased": the brackets restate members, the list
    # and its verb are one
    names = ["body weight", "total cholesterol", "TC", "triacylglycerol", "TAG", "uric acid",
             "UA", "alanine transaminase", "ALT"]
    text = ("The body weight, total cholesterol (TC), triacylglycerol (TAG), uric acid (UA) and "
            "alanine transaminase (ALT) were markedly decreased after zelorant.")
    got = _outcomes(text, [(n, "ANALYTE") for n in names] + [("zelorant", "DRUG")])
    assert {o for _, o, d in got if d == "decreased"} >= {
        "body weight", "total cholesterol", "triacylglycerol", "uric acid", "alanine transaminase"}


def test_a_chemical_the_body_loses_is_measured_and_a_prevented_loss_is_a_rise():
    # "GSH depletion": glutathione is what changed, and "prevented" turns the fall over; the
    # cue after the object governs it when "in" opens a place, not another measured thing
    text = "In rats, melatonin prevented GSH depletion in the hippocampus."
    assert _outcomes(text, [("melatonin", "DRUG"), ("GSH", "DRUG")]) == [
        ("melatonin", "GSH", "increased")]
    text = "In mice, the toxin depleted the release of dopamine in the striatum."
    assert _outcomes(text, [("toxin", "DRUG"), ("dopamine", "DRUG")]) == [
        ("toxin", "dopamine", "decreased")]


def test_a_time_after_a_change_noun_is_not_what_was_acted_on():
    text = "Serum osteocalcin decrease in the first month was followed by a rise."
    got = [(c.kind, c.object.label) for c in claims_of(text, [("Serum osteocalcin", "ANALYTE")])]
    assert ("mechanism", "first month") not in got


def test_a_gapped_clause_may_give_only_the_value_reached():
    text = "After the fourth dose of X, ALT rose from 32 to 845 U/L and bilirubin to 4.2 mg/dL."
    assert _outcomes(text, [("X", "DRUG"), ("ALT", "ANALYTE"), ("bilirubin", "ANALYTE")]) == [
        ("X", "ALT", "increased"), ("X", "bilirubin", "increased")]


def test_every_finding_of_a_list_more_frequent_with_a_drug_is_its_harm():
    text = "Nausea and diarrhoea were more frequent with drug X than with placebo."
    got = sorted((c.kind, c.object.label) for c in claims_of(
        text, [("Nausea", "PHENOTYPE"), ("diarrhoea", "PHENOTYPE"), ("drug X", "DRUG"),
               ("placebo", "PROCEDURE")]))
    assert got == [("adverse_effect", "Nausea"), ("adverse_effect", "diarrhoea")]


def test_a_sentence_giving_the_arms_as_received_reports_no_finding():
    # "without Y" describes who took part; "30 or more" is an entry criterion
    text = ("Adults with a BMI of 30 or more without diabetes received weekly drug X 2.4 mg or "
            "placebo, plus lifestyle intervention.")
    claims = claims_of(text, [("diabetes", "CONDITION"), ("drug X", "DRUG"), ("placebo", "PROCEDURE"),
                              ("lifestyle intervention", "PROCEDURE")])
    assert [c for c in claims if c.kind == "outcome"] == []


def test_an_inhibited_activation_is_a_fall_and_a_renal_chemical_is_measured():
    text = "Drug X inhibited NF-kB activation and decreased renal glutathione in rats."
    assert _outcomes(text, [("Drug X", "DRUG"), ("NF-kB", "TARGET"), ("glutathione", "DRUG")]) == [
        ("Drug X", "NF-kB", "decreased"), ("Drug X", "glutathione", "decreased")]


def test_a_change_a_knockdown_made_is_not_the_drug_s_named_after_it():
    text = "Knockdown of AMPK abolished the antiproliferative effect of drug X."
    assert _outcomes(text, [("AMPK", "TARGET"), ("drug X", "DRUG")]) == []


def test_a_drug_that_protects_against_a_harm_is_not_its_cause():
    text = "These results suggest that drug X protects against cisplatin nephrotoxicity."
    claims = claims_of(text, [("drug X", "DRUG"), ("cisplatin", "DRUG"), ("nephrotoxicity", "CONDITION")])
    assert [(c.subject.label, c.object.label) for c in claims if c.kind == "adverse_effect"] == [
        ("cisplatin", "nephrotoxicity")]


def test_a_title_naming_a_drug_and_the_risk_or_course_of_a_disease_reports_no_finding():
    for title in ("Drug X and progression of chronic kidney disease",
                  "Drug X and the risk of chronic kidney disease"):
        text = title + "\n\nPatients were given drug X."
        claims = claims_of(text, [("Drug X", "DRUG"), ("chronic kidney disease", "CONDITION")],
                           title=title)
        assert [c for c in claims if c.kind == "outcome"] == [], title
