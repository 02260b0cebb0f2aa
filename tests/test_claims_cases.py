"""More sentence claims (litkg.extract.claims): sections, comparisons, harms and benefits,
values across sentences.  Entities are set by hand unless a test runs the whole pipeline; every
sentence is new, not seed wording."""

import re

import spacy

from handmade import find_claim as _find
from handmade import hand_claims as _claims
from litkg.models import Document


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


def test_every_arm_listed_after_in_comparison_to_is_a_comparator():
    text = ("Zolmadine or ketorolac is associated with increased risk of stroke in comparison to "
            "aspirin or clopidogrel.")
    claims = _claims(text, [("Zolmadine", "DRUG"), ("ketorolac", "DRUG"), ("stroke", "CONDITION"),
                            ("aspirin", "DRUG"), ("clopidogrel", "DRUG")])
    harmed = {c.subject.label for c in claims if c.kind == "adverse_effect"}
    assert harmed == {"zolmadine", "ketorolac"}


def test_a_condition_whose_incidence_rose_with_the_drug_is_its_harm():
    text = "In the zolmadine group the incidence of gout was higher than in controls."
    claims = _claims(text, [("zolmadine", "DRUG"), ("gout", "CONDITION")])
    assert [c.kind for c in claims if c.object.label == "gout"] == ["adverse_effect"]


def test_a_drug_glued_to_an_attribute_word_is_not_the_intervention():
    # "thiazide-sensitive cotransporter", "LPS-stimulated cells": a property or a stimulus
    text = ("Rats received zolmadine. The abundance of thiazide-sensitive cotransporter fell. "
            "Renin was decreased in the cortex.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("thiazide", "DRUG"), ("Renin", "ANALYTE")])
    assert {c.subject.label for c in claims if c.kind == "outcome"} == {"zolmadine"}
    # nor is it the study's main intervention
    title = "Regulation of the thiazide-sensitive cotransporter in rats."
    text = title + " Renin was lower than in controls (p<0.01)."
    claims = _claims(text, [("thiazide", "DRUG"), ("Renin", "ANALYTE")], title=title)
    assert not [c for c in claims if c.kind == "outcome"]
    text = "Zolmadine suppressed TNF production by LPS-stimulated macrophages."
    claims = _claims(text, [("Zolmadine", "DRUG"), ("TNF", "TARGET"), ("LPS", "DRUG")])
    assert {c.subject.label for c in claims if c.kind == "outcome"} == {"zolmadine"}


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
    from litkg.extract import claims_interventions as interventions

    nlp = spacy.blank("en")
    text = "Placebo or lumitrane was given . Placebo tablets looked like lumitrane . Many stopped placebo ."
    doc = nlp(text)
    doc.ents = [doc.char_span(m.start(), m.end(), label="DRUG")
                for m in re.finditer(r"(?i)placebo tablets|placebo|lumitrane", text)]
    assert interventions.main_drug(doc, None, lambda e: e.text.lower()).text == "lumitrane"


def test_a_therapy_named_far_more_often_than_a_background_drug_is_the_main_intervention():
    from litkg.extract import claims_interventions as interventions
    from litkg.extract.extensions import register_extensions

    register_extensions()
    nlp = spacy.blank("en")
    text = ("Ketamine raises Y in depression . We tested mirror therapy in stroke . Mirror therapy "
            "was given daily . After mirror therapy , Y rose .")
    doc = nlp(text)
    spans = [doc.char_span(m.start(), m.end(), label="DRUG" if m.group(0) == "Ketamine" else "PROCEDURE")
             for m in re.finditer(r"Ketamine|[Mm]irror therapy", text)]
    doc.ents = spans
    key = lambda e: e.text.lower()  # noqa: E731
    assert interventions.main_drug(doc, "Mirror box rehabilitation", key).text.lower() == "mirror therapy"
    # named twice only, the therapy does not outrank the drug
    doc.ents = spans[:3]
    assert interventions.main_drug(doc, "Mirror box rehabilitation", key).text == "Ketamine"


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


def test_how_an_outcome_was_measured_or_defined_reports_no_outcome():
    ents = [("zolmadine", "DRUG"), ("viral load", "ANALYTE"), ("CD4 count", "ANALYTE")]
    for text in ("Patients received zolmadine. Response was assessed using changes in CD4 count "
                 "and viral load.",
                 "Patients received zolmadine. Efficacy was measured by the reduction in viral "
                 "load.",
                 "Patients received zolmadine. Remission was defined as a 50% fall in viral load.",
                 "Patients received zolmadine. CD4 count was used as a marker of the decrease in "
                 "viral load."):
        present = [(phrase, label) for phrase, label in ents if phrase in text]
        assert not [c for c in _claims(text, present) if c.kind == "outcome"], text
    # ... but a sentence that goes on to report the result is one
    text = ("Patients received zolmadine. Efficacy was measured by the reduction in viral load, "
            "which decreased by 40% (p<0.01).")
    assert _find(_claims(text, ents[:2]), "outcome", "viral load").direction == "decreased"


def test_a_procedure_that_examines_is_credited_with_no_finding_and_treats_nothing():
    text = ("Fifteen patients received zolmadine. Confusion increased as trough levels rose, "
            "and 5 patients had lumbar puncture.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("Confusion", "PHENOTYPE"),
                            ("lumbar puncture", "PROCEDURE")])
    assert {c.subject.label for c in claims if c.kind == "outcome"} == {"zolmadine"}
    text = "Renal biopsy was performed in patients with proteinuria."
    claims = _claims(text, [("Renal biopsy", "PROCEDURE"), ("proteinuria", "PHENOTYPE")])
    assert not [c for c in claims if c.kind == "treatment"]
    # a procedure that treats still does
    text = "Renal denervation was performed in patients with hypertension."
    claims = _claims(text, [("Renal denervation", "PROCEDURE"), ("hypertension", "CONDITION")])
    assert [c.subject.label for c in claims if c.kind == "treatment"] == ["renal denervation"]


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


def test_a_change_after_a_drug_was_added_to_one_already_taken_is_the_added_drug_s():
    from handmade import claims_of

    # drug A is the patient's long-term drug (and named most); drug B was just prescribed
    text = ("A 64-year-old woman on drug A for epilepsy was prescribed drug B for pneumonia. "
            "Four days later the drug A level had increased from 12 to 31 mg/L. Drug A was "
            "withheld.")
    claims = claims_of(text, [("drug A", "DRUG"), ("drug B", "DRUG"),
                              ("drug A level", "ANALYTE")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == [
        ("drug B", "increased")]
    # (drug A, named most, is the document's main drug)
    text = ("A man was given drug A for arrhythmia. On drug A he became tired. Hypothyroidism "
            "was diagnosed and drug B was started while drug A was continued. Six weeks later "
            "TSH had fallen to 4.1 mU/L.")
    claims = _claims(text, [("drug A", "DRUG", 0), ("drug A", "DRUG", 1), ("drug B", "DRUG"),
                            ("drug A", "DRUG", 2), ("TSH", "ANALYTE")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == [
        ("drug b", "decreased")]
    text = ("A transplant recipient maintained on drug A began taking drug B for low mood. "
            "Three weeks later serum creatinine had risen from 1.3 to 2.1 mg/dL.")
    claims = claims_of(text, [("drug A", "DRUG"), ("drug B", "DRUG"),
                              ("serum creatinine", "ANALYTE")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == [
        ("drug B", "increased")]


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


def test_a_rescue_drug_is_not_the_intervention_of_the_results():
    # the rescue drug is counted ("lower X consumption"), the block with the study drug is studied
    text = ("The study group received ropivacaine through the catheter. Oral tramadol (50 mg) "
            "was given as rescue analgesic when pain scores exceeded 4. Patients in the study "
            "group had lower pain scores and lower tramadol consumption.")
    ents = [("ropivacaine", "DRUG"), ("tramadol", "DRUG"), ("pain scores", "ENDPOINT"),
            ("pain scores", "ENDPOINT", 1), ("tramadol", "DRUG", 1)]
    got = {(c.subject.label, c.object.label, c.direction) for c in _claims(text, ents)
           if c.kind == "outcome"}
    assert ("ropivacaine", "pain scores", "decreased") in got
    assert not any(s == "tramadol" for s, _, _ in got)


def test_a_threshold_in_a_when_or_if_clause_is_a_protocol_rule_not_a_finding():
    text = ("Enoxaparin was withheld if the platelet count fell below 50. Oral tramadol was "
            "given when pain scores exceeded 4.")
    ents = [("Enoxaparin", "DRUG"), ("platelet count", "ANALYTE"), ("tramadol", "DRUG"),
            ("pain scores", "ENDPOINT")]
    assert [(c.kind, c.object.label) for c in _claims(text, ents)] == []
    # an observed change past a value still is one
    text = "Under enoxaparin, the platelet count fell below 50 within a week."
    got = [(c.kind, c.object.label, c.direction)
           for c in _claims(text, [("enoxaparin", "DRUG"), ("platelet count", "ANALYTE")])]
    assert ("outcome", "platelet count", "decreased") in got


def test_a_drug_named_as_a_cause_or_measured_in_reference_units_is_not_the_earlier_drug():
    text = ("Ten patients with levodopa-induced dyskinesias were selected. Their levodopa "
            "equivalent doses were analysed. Significant improvement in motor scores was seen.")
    ents = [("levodopa", "DRUG"), ("dyskinesias", "CONDITION"), ("levodopa", "DRUG", 1),
            ("motor scores", "ENDPOINT")]
    got = [(c.subject.label, c.object.label) for c in _claims(text, ents) if c.kind == "outcome"]
    assert ("levodopa", "motor scores") not in got
    # ... while a drug given in an earlier sentence still is
    text = "Ten patients received levodopa. Significant improvement in motor scores was seen."
    ents = [("levodopa", "DRUG"), ("motor scores", "ENDPOINT")]
    got = [(c.subject.label, c.object.label) for c in _claims(text, ents) if c.kind == "outcome"]
    assert ("levodopa", "motor scores") in got


def test_a_present_tense_lowering_verb_is_a_benefit_and_the_users_drug_names_a_population():
    text = "Zolmadine promotes sleep, normalizes sleep architecture, and decreases daytime " \
           "sleepiness in abstinent cocaine users."
    ents = [("Zolmadine", "DRUG"), ("daytime sleepiness", "CONDITION"), ("cocaine", "DRUG")]
    got = {(c.kind, c.subject.label, c.object.label, c.direction) for c in _claims(text, ents)}
    assert not any(kind == "adverse_effect" for kind, *_ in got)
    assert ("outcome", "zolmadine", "daytime sleepiness", "decreased") in got


def test_the_effect_of_a_drug_on_a_finding_asked_in_an_aim_is_no_harm():
    text = "The purpose of this study was to determine the effect of zolmadine on sleep and " \
           "daytime sleepiness."
    ents = [("zolmadine", "DRUG"), ("daytime sleepiness", "CONDITION")]
    assert [c for c in _claims(text, ents) if c.kind == "adverse_effect"] == []


def test_the_drug_a_finding_improved_with_is_its_remedy_unless_it_was_stopped():
    text = "One patient developed chorea after surgery, which partly improved within a month " \
           "with zolmadine 1000 mg/day."
    ents = [("chorea", "CONDITION"), ("zolmadine", "DRUG")]
    assert [c for c in _claims(text, ents) if c.kind == "adverse_effect"] == []
    text = "Hepatitis developed and resolved after zolmadine was stopped."
    ents = [("Hepatitis", "CONDITION"), ("zolmadine", "DRUG")]
    assert [(c.subject.label, c.object.label) for c in _claims(text, ents)
            if c.kind == "adverse_effect"] == [("zolmadine", "hepatitis")]


def test_a_condition_after_treating_or_prevent_is_the_indication():
    text = "The potential of treating fluctuating Parkinson disease by subcutaneous " \
           "administration of zolmadine has only recently become the subject of study."
    ents = [("Parkinson disease", "CONDITION"), ("zolmadine", "DRUG")]
    got = {(c.kind, c.subject.label, c.object.label) for c in _claims(text, ents)}
    assert ("treatment", "zolmadine", "parkinson disease") in got
    assert not any(kind == "adverse_effect" for kind, _, _ in got)


def test_a_drug_naming_a_toxicity_is_its_cause_and_another_drug_may_lessen_it():
    text = "Zolmadine ameliorates acute cisplatin nephrotoxicity in mice."
    ents = [("Zolmadine", "DRUG"), ("cisplatin", "DRUG"), ("nephrotoxicity", "CONDITION")]
    got = {(c.kind, c.subject.label, c.object.label, c.direction) for c in _claims(text, ents)}
    assert ("adverse_effect", "cisplatin", "nephrotoxicity", None) in got
    assert ("outcome", "zolmadine", "nephrotoxicity", "improved") in got
    assert not any(kind == "treatment" and subject == "cisplatin" for kind, subject, _, _ in got)
    # with the cause the only drug, the harm takes the finding
    text = "Cisplatin-induced nephrotoxicity developed in three patients."
    got = {(c.kind, c.subject.label) for c in _claims(text, [("Cisplatin", "DRUG"),
                                                             ("nephrotoxicity", "CONDITION")])}
    assert got == {("adverse_effect", "cisplatin")}


def test_a_harm_word_next_to_a_list_of_findings_speaks_of_every_member():
    text = "Zolmadine was given for 4 months. The adverse event (AE) profile was acceptable, " \
           "with rash, fatigue, diarrhea, and nausea the most common AEs."
    ents = [("Zolmadine", "DRUG"), ("rash", "CONDITION"), ("fatigue", "CONDITION"),
            ("diarrhea", "CONDITION"), ("nausea", "CONDITION")]
    got = {c.object.label for c in _claims(text, ents) if c.kind == "adverse_effect"}
    assert got == {"rash", "fatigue", "diarrhea", "nausea"}


def test_a_causal_verb_between_drug_and_finding_holds_whatever_the_sentence_is_about():
    text = "Both duration of use and propensity of atypical antipsychotics to cause " \
           "extrapyramidal symptoms can influence the speech performance of the patients."
    ents = [("duration of use", "ENDPOINT"), ("atypical antipsychotics", "DRUG"),
            ("extrapyramidal symptoms", "CONDITION")]
    assert [(c.subject.label, c.object.label) for c in _claims(text, ents)
            if c.kind == "adverse_effect"] == [("atypical antipsychotics", "extrapyramidal symptoms")]


def test_a_finding_despite_days_of_a_drug_is_a_treatment_failure_not_its_harm():
    text = "Pancreatitis developed despite receiving 10 days of zolmadine."
    ents = [("Pancreatitis", "CONDITION"), ("zolmadine", "DRUG")]
    assert [c for c in _claims(text, ents) if c.kind == "adverse_effect"] == []


def test_the_dissolution_of_a_finding_by_a_drug_is_no_harm():
    text = "Dissolution of gallstones by zolmadine."
    ents = [("gallstones", "CONDITION"), ("zolmadine", "DRUG")]
    assert [c for c in _claims(text, ents) if c.kind == "adverse_effect"] == []


def test_the_drug_a_title_adds_with_or_without_is_the_studys_intervention():
    title = "Dravoline with or without tralumab in advanced melanoma"
    text = (f"{title}. Patients were randomised to two arms. Response rate was higher in the "
            "combination arm than in the control arm (P = 0.01).")
    ents = [("Dravoline", "DRUG"), ("tralumab", "DRUG"), ("melanoma", "CONDITION"),
            ("Response rate", "ANALYTE")]
    claims = _claims(text, ents, title=title)
    assert _find(claims, "outcome", "response rate").subject.label == "tralumab"


def test_a_finding_of_a_genetic_variant_is_not_credited_to_the_studys_drug():
    title = "Tralumab in colorectal cancer"
    ents = [("Tralumab", "DRUG"), ("colorectal cancer", "CONDITION"), ("interleukin-6", "ANALYTE")]
    for finding in ("Homozygous carriers of the promoter SNP showed increased interleukin-6.",
                    "Patients with the TT genotype had higher interleukin-6 (P = 0.02)."):
        claims = _claims(f"{title}. {finding}", ents, title=title)
        assert not [c for c in claims if c.kind == "outcome"], finding
    # the drug named in the sentence still takes its change
    text = f"{title}. Carriers of the T allele given tralumab had higher interleukin-6."
    claims = _claims(text, ents + [("tralumab", "DRUG")], title=title)
    assert _find(claims, "outcome", "interleukin-6").subject.label == "tralumab"


def test_a_drug_acting_on_a_receptor_named_after_its_ligand_acts_on_the_receptor():
    from litkg.extract.pipeline import extract_document

    text = "Zolmadine blocks histamine H2-receptors in gastric mucosa."
    claims = extract_document(Document(id="t-h2", text=text)).claims
    mech = [c for c in claims if c.kind == "mechanism"]
    assert mech and {c.object.label for c in mech} == {"histamine H2-receptors"}
    assert all(c.subject.label.lower() != "histamine" for c in claims)


def test_a_process_on_an_entity_keeps_the_word_that_says_where():
    text = "Zolmadine inhibits renal sodium reabsorption."
    claims = _claims(text, [("Zolmadine", "DRUG"), ("sodium", "ANALYTE")])
    assert {c.object.label for c in claims if c.kind == "mechanism"} == \
        {"renal sodium reabsorption"}


def test_a_harm_the_treated_patients_did_not_develop_is_negated_pipeline():
    """"patients on X did not develop Y", "none of the patients receiving X developed Y":
    the harm is denied, whichever way the sentence says it (whole pipeline)."""
    from litkg.extract.pipeline import extract_document

    for i, text in enumerate(("Children on lisinopril did not develop angioedema.",
                              "None of the children given lisinopril developed angioedema.")):
        claims = extract_document(Document(id=f"t-neg{i}", text=text)).claims
        harms = [c for c in claims if c.kind == "adverse_effect"]
        assert harms and all(c.negated for c in harms), text


def test_a_difference_between_a_disease_group_and_controls_is_not_the_drugs():
    """"Patients with Y had higher Z than controls": with no drug in the sentence, a
    difference that goes with a disease is not the study drug's outcome."""
    title = "Tralumab in psoriasis"
    base = [("Tralumab", "DRUG"), ("psoriasis", "CONDITION")]
    cases = {"Patients with gout had higher interleukin-6 than healthy controls.":
             [("gout", "CONDITION"), ("interleukin-6", "ANALYTE")],
             "IL-6 was lower in gout patients than in those without gout.":
             [("IL-6", "ANALYTE"), ("gout", "CONDITION"), ("gout", "CONDITION", 1)]}
    for finding, ents in cases.items():
        claims = _claims(f"{title}. {finding}", base + ents, title=title)
        assert not [c for c in claims if c.kind == "outcome"], finding
    # the treated group compared with controls stays the drug's
    text = f"{title}. Treated patients had higher interleukin-6 than controls."
    claims = _claims(text, base + [("interleukin-6", "ANALYTE")], title=title)
    assert _find(claims, "outcome", "interleukin-6").subject.label == "tralumab"


def test_a_drug_whose_amount_was_measured_is_not_the_agent_of_an_interaction():
    # "the AUC of B", "the half-life of B": B is the drug measured; the change belongs to the
    # drug given with it, in the active and in the passive voice
    claims = _claims("Fluvoxamine increased the AUC of tizanidine 33-fold and prolonged its "
                     "half-life. The clearance of digoxin was reduced by verapamil.",
                     [("Fluvoxamine", "DRUG"), ("AUC", "ENDPOINT"), ("tizanidine", "DRUG"),
                      ("half-life", "ENDPOINT"), ("clearance", "ENDPOINT"), ("digoxin", "DRUG"),
                      ("verapamil", "DRUG")])
    outcomes = {(c.subject.label.lower(), c.object.label.lower(), c.direction)
                for c in claims if c.kind == "outcome"}
    assert ("fluvoxamine", "half-life", "increased") in outcomes
    assert ("verapamil", "clearance", "decreased") in outcomes
    assert not {s for s, _, _ in outcomes} & {"tizanidine", "digoxin"}


def test_the_drug_naming_a_population_of_users_is_not_the_cause_of_a_harm():
    # "in warfarin users": warfarin says who was studied; the harm is the other drug's
    claims = _claims("Fluconazole increased the risk of major bleeding in warfarin users.",
                     [("Fluconazole", "DRUG"), ("major bleeding", "CONDITION"), ("warfarin", "DRUG")])
    harms = {c.subject.label.lower() for c in claims if c.kind == "adverse_effect"}
    assert harms == {"fluconazole"}


def test_a_control_arm_keeps_only_a_change_told_of_it():
    # the control group named in a contrasting clause is not the agent of the change before it
    ents = [("T max", "ENDPOINT"), ("control group", "PROCEDURE")]
    text = ("The mean T max was longer after ablation (64 vs. 57 min, p=0.006), whereas there "
            "was no difference in the control group.")
    assert not [c for c in _claims(text, ents) if c.kind == "outcome"]
    text = "In the control group, T max was longer."
    assert [(c.subject.label.lower(), c.direction) for c in _claims(text, ents)
            if c.kind == "outcome"] == [("control group", "increased")]


def test_conditions_named_as_the_trials_adverse_events_are_the_study_drugs_harms():
    # each listed with its rate, the list before or after the harm word
    ents = [("zelorant", "DRUG"), ("Somnolence", "CONDITION"), ("dizziness", "CONDITION"),
            ("rash", "CONDITION")]
    for text in ("Patients received zelorant. Somnolence (14%), dizziness (9%) and rash (4%) were "
                 "the most frequent adverse events.",
                 "Patients received zelorant. The most frequent adverse events were Somnolence "
                 "(14%), dizziness (9%) and rash (4%)."):
        harms = {(c.subject.label.lower(), c.object.label.lower(), c.statistic.get("percent"))
                 for c in _claims(text, ents) if c.kind == "adverse_effect"}
        assert harms == {("zelorant", "somnolence", 14.0), ("zelorant", "dizziness", 9.0),
                         ("zelorant", "rash", 4.0)}, text


def test_a_drug_and_other_members_of_its_class():
    # "A and other Bs": the change is the named drug's (the class generalises it), and the
    # indication is both's
    ents = [("zelagliflozin", "DRUG"), ("SGLT2 inhibitors", "DRUG"), ("hospitalization", "ENDPOINT"),
            ("heart failure", "CONDITION")]
    claims = _claims("zelagliflozin and other SGLT2 inhibitors reduced hospitalization for "
                     "heart failure.", ents)
    assert {(c.subject.label.lower(), c.object.label.lower()) for c in claims
            if c.kind == "outcome"} == {("zelagliflozin", "hospitalization")}
    assert {c.subject.label.lower() for c in claims if c.kind == "treatment"} == \
        {"zelagliflozin", "sglt2 inhibitors"}
