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
