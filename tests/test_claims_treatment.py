"""Treatment (indication) claims: drug given for, or studied in, a condition.

Documents are built by hand with their entities (``annotated_doc``), so these tests read the
claim rules alone, not the entity recogniser.
"""

from litkg.evaluate.claims import annotated_doc
from litkg.extract.claims import extract_claims
from litkg.models import Document


def _claims(text, ents, kind="treatment"):
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append((start, start + len(phrase), label, None))
    doc = annotated_doc(text, spans)
    return sorted((c.subject.label, c.object.label) for c in extract_claims(doc, Document(id="t", text=text))
                  if c.kind == kind and not c.negated)


def test_drugs_studied_in_patients_with_a_condition():
    text = "Randomized trial of metformin with and without sitagliptin in patients with obesity."
    got = _claims(text, [("metformin", "DRUG"), ("sitagliptin", "DRUG"), ("obesity", "CONDITION")])
    assert got == [("metformin", "obesity"), ("sitagliptin", "obesity")]


def test_coordinated_drugs_share_the_indication():
    text = "Guidelines recommend lisinopril and amlodipine for hypertension."
    got = _claims(text, [("lisinopril", "DRUG"), ("amlodipine", "DRUG"), ("hypertension", "CONDITION")])
    assert got == [("amlodipine", "hypertension"), ("lisinopril", "hypertension")]


def test_a_drug_compared_with_one_given_for_a_condition_shares_it():
    # "oral iron for": the cue names the nearer drug's use; the drug it is compared with (across
    # a route word) is given for the same condition
    text = "Ferric carboxymaltose versus oral iron for iron deficiency anemia in pregnancy."
    got = _claims(text, [("Ferric carboxymaltose", "DRUG"), ("iron", "DRUG"),
                         ("iron deficiency anemia", "CONDITION")])
    assert got == [("Ferric carboxymaltose", "iron deficiency anemia"), ("iron", "iron deficiency anemia")]
    # ... and across the length of the other's course
    text = "A single dose of fosfomycin versus five days of nitrofurantoin for cystitis."
    got = _claims(text, [("fosfomycin", "DRUG"), ("nitrofurantoin", "DRUG"), ("cystitis", "CONDITION")])
    assert got == [("fosfomycin", "cystitis"), ("nitrofurantoin", "cystitis")]


def test_the_cause_named_in_a_condition_is_not_its_treatment():
    text = "Glycopyrrolate for olanzapine-induced drooling in patients treated with olanzapine."
    ents = [("Glycopyrrolate", "DRUG"), ("olanzapine", "DRUG"), ("drooling", "PHENOTYPE")]
    assert _claims(text, ents) == [("Glycopyrrolate", "drooling")]
    assert ("olanzapine", "drooling") in _claims(text, ents, kind="adverse_effect")


def test_a_procedure_describing_the_patients_is_not_given_for_the_condition():
    text = "Sevelamer was started in a pre-dialysis patient with hyperphosphatemia."
    got = _claims(text, [("Sevelamer", "DRUG"), ("dialysis", "PROCEDURE"),
                         ("hyperphosphatemia", "CONDITION")])
    assert got == [("Sevelamer", "hyperphosphatemia")]


def test_patients_with_or_without_a_condition_is_a_subgroup():
    text = "Iron infusions corrected anemia in patients with or without heart failure."
    got = _claims(text, [("Iron", "DRUG"), ("anemia", "CONDITION"), ("heart failure", "CONDITION")])
    assert ("Iron", "heart failure") not in got


def test_the_patients_condition_in_a_harms_story_is_no_indication():
    text = "Lithium toxicity after initiation of ibuprofen in a patient with bipolar disorder."
    got = _claims(text, [("Lithium", "DRUG"), ("ibuprofen", "DRUG"), ("bipolar disorder", "CONDITION")])
    assert got == []


def test_a_condition_that_responded_to_a_drug_was_treated_with_it():
    text = "Her chronic psychosis responded well to haloperidol."
    got = _claims(text, [("chronic psychosis", "CONDITION"), ("haloperidol", "DRUG")])
    assert got == [("haloperidol", "chronic psychosis")]


def test_commonly_used_ranks_a_drug_and_names_no_use():
    text = "Propofol, the most commonly used anesthetic agent, is associated with hypotension."
    assert _claims(text, [("Propofol", "DRUG"), ("hypotension", "CONDITION")]) == []
    text = "Propofol is widely used in sedation of patients with delirium."
    assert _claims(text, [("Propofol", "DRUG"), ("delirium", "CONDITION")]) == [("Propofol", "delirium")]


def test_for_after_a_statistic_or_a_test_names_no_indication():
    text = "Placebo-chemotherapy: hazard ratio for death 0.9; all were tested for hepatitis."
    got = _claims(text, [("chemotherapy", "PROCEDURE"), ("death", "CONDITION"),
                         ("hepatitis", "CONDITION")])
    assert got == []


def test_a_title_names_the_condition_its_drugs_were_studied_in():
    from litkg.models import DocumentMetadata

    for title in ("Pembrolizumab versus placebo in metastatic breast cancer",
                  "Pembrolizumab versus placebo in untreated HER2-negative metastatic breast cancer",
                  "Pembrolizumab versus placebo in pregnancy-related breast cancer"):
        text = title + "\n\nPatients were randomly assigned."
        spans = [(text.index(w), text.index(w) + len(w), label, None) for w, label in
                 (("Pembrolizumab", "DRUG"), ("placebo", "DRUG"), ("breast cancer", "CONDITION"))]
        doc = annotated_doc(text, spans)
        document = Document(id="t", text=text, metadata=DocumentMetadata(title=title))
        claims = extract_claims(doc, document)
        got = sorted((c.subject.label, c.object.label) for c in claims if c.kind == "treatment")
        assert got == [("Pembrolizumab", "breast cancer")], title


def test_for_joins_the_condition_to_the_drug_before_it():
    text = ("A woman on warfarin for atrial fibrillation was prescribed fluconazole for oral "
            "candidiasis.")
    got = _claims(text, [("warfarin", "DRUG"), ("atrial fibrillation", "CONDITION"),
                         ("fluconazole", "DRUG"), ("oral candidiasis", "CONDITION")])
    assert got == [("fluconazole", "oral candidiasis"), ("warfarin", "atrial fibrillation")]


def test_findings_induced_by_something_are_no_indication_of_a_later_treatment():
    text = ("A case of ventricular tachycardia and arrhythmic storm induced by pacing during "
            "cardiac resynchronization therapy.")
    got = _claims(text, [("ventricular tachycardia", "CONDITION"), ("arrhythmic", "CONDITION"),
                         ("cardiac resynchronization therapy", "PROCEDURE")])
    assert got == []


def test_a_finding_after_a_drug_in_a_patient_with_y_gives_no_indication():
    text = "Hypocalcemia after denosumab in a patient with chronic kidney disease."
    got = _claims(text, [("Hypocalcemia", "CONDITION"), ("denosumab", "DRUG"),
                         ("chronic kidney disease", "CONDITION")])
    assert got == []


def test_a_condition_associated_with_a_drug_is_no_indication():
    text = "Ketamine provided more effective sedation than midazolam but was associated with more vomiting."
    got = _claims(text, [("Ketamine", "DRUG"), ("midazolam", "DRUG"), ("vomiting", "PHENOTYPE")])
    assert got == []


def test_a_condition_that_excluded_patients_is_no_indication():
    text = ("Women undergoing intracytoplasmic sperm injection were included, and patients with "
            "polycystic ovarian syndrome were excluded.")
    ents = [("intracytoplasmic sperm injection", "PROCEDURE"),
            ("polycystic ovarian syndrome", "CONDITION")]
    assert _claims(text, ents) == []
    text = ("We treated women with intracytoplasmic sperm injection and excluded those with "
            "endometriosis.")
    assert _claims(text, [("intracytoplasmic sperm injection", "PROCEDURE"),
                          ("endometriosis", "CONDITION")]) == []


def test_the_arm_more_effective_in_preventing_y_is_credited_with_less_y():
    from handmade import claims_of

    text = "Drug A was more effective than drug B in preventing stroke."
    claims = claims_of(text, [("Drug A", "DRUG"), ("drug B", "DRUG"), ("stroke", "CONDITION")])
    assert [(c.subject.label, c.object.label, c.direction) for c in claims
            if c.kind == "outcome"] == [("Drug A", "stroke", "decreased")]
    text = "Drug A was superior to drug B in improving mobility."
    claims = claims_of(text, [("Drug A", "DRUG"), ("drug B", "DRUG"), ("mobility", "ENDPOINT")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == [
        ("Drug A", "improved")]


def test_drugs_coordinated_with_their_short_forms_share_the_indication():
    text = ("The aim was to compare the costs of management of severe infections in patients "
            "treated with zelpenem (ZP) and trimipenem (TM).")
    got = _claims(text, [("severe infections", "CONDITION"), ("zelpenem", "DRUG"),
                         ("ZP", "DRUG"), ("trimipenem", "DRUG"), ("TM", "DRUG")])
    assert ("trimipenem", "severe infections") in got and ("zelpenem", "severe infections") in got


def test_the_effect_of_a_drug_on_a_condition_is_a_study_of_it_in_that_condition():
    text = ("We studied the effect of zelatonin premedication on postoperative pain and "
            "preoperative anxiety in patients undergoing tooth extraction.")
    got = _claims(text, [("zelatonin", "DRUG"), ("premedication", "PROCEDURE"),
                         ("postoperative pain", "CONDITION"), ("preoperative anxiety", "CONDITION")])
    # the procedure right after the drug names how it was given: the drug is the treatment
    assert got == [("zelatonin", "postoperative pain"), ("zelatonin", "preoperative anxiety")]


def test_each_drug_a_response_cue_names_was_given_for_the_condition():
    # the failed drug and the one that worked were both given for the psychosis
    text = "A case of psychosis, resistant to haloperidol, which successfully responded to carbamazepine."
    got = _claims(text, [("psychosis", "CONDITION"), ("haloperidol", "DRUG"), ("carbamazepine", "DRUG")])
    assert got == [("carbamazepine", "psychosis"), ("haloperidol", "psychosis")]


def test_a_raising_verb_after_the_treatment_cue_reports_a_harm_not_an_indication():
    text = "Ritonavir treatment increases atherosclerosis in male mice."
    assert _claims(text, [("Ritonavir", "DRUG"), ("atherosclerosis", "CONDITION")]) == []
    # improving the condition is consistent with treating it; a hyphenated cause names it
    text = "A combination therapy with sitagliptin significantly improves diabetes control."
    assert _claims(text, [("sitagliptin", "DRUG"), ("diabetes", "CONDITION")]) == \
        [("sitagliptin", "diabetes")]
    text = "Amisulpride for clozapine-induced sialorrhea."
    assert _claims(text, [("Amisulpride", "DRUG"), ("clozapine", "DRUG"), ("sialorrhea", "CONDITION")]) \
        == [("Amisulpride", "sialorrhea")]


def test_what_a_condition_bears_on_or_a_colon_closes_is_no_indication():
    ents = [("zolmadine", "DRUG"), ("autism", "CONDITION")]
    text = "Behavioural changes after neonatal zolmadine treatment in rats: implications for autism."
    assert _claims(text, ents) == []
    text = "Use of zolmadine has been associated with increased concordance for autism in twins."
    assert _claims(text, ents) == []
    text = "Zolmadine: a treatment for autism."
    assert _claims(text, [("Zolmadine", "DRUG"), ("autism", "CONDITION")]) == [
        ("Zolmadine", "autism")]


def test_reversed_is_an_improvement():
    text = "Infusions of zolmadine reversed haloperidol-induced catalepsy in rats."
    ents = [("zolmadine", "DRUG"), ("haloperidol", "DRUG"), ("catalepsy", "CONDITION")]
    assert ("zolmadine", "catalepsy") in _claims(text, ents, kind="outcome")


def test_started_on_treats_the_condition_of_the_patient_not_an_earlier_event():
    ents = [("rheumatoid arthritis", "CONDITION"), ("methotrexate", "DRUG")]
    text = "A woman with rheumatoid arthritis was started on methotrexate."
    assert _claims(text, ents) == [("methotrexate", "rheumatoid arthritis")]
    text = "After the rheumatoid arthritis resolved, she was started on methotrexate."
    assert _claims(text, ents) == []
    assert _claims(text, ents, kind="outcome") == []


def test_a_new_phrase_after_the_drug_ends_the_treatment_cue():
    # "treated with X and the frequency of Y": Y is what was counted in the treated patients,
    # not what X was given for
    ents = [("psoriasis", "CONDITION"), ("zolmadine", "DRUG"), ("lymphoma", "CONDITION")]
    text = "Patients with psoriasis treated with zolmadine and the frequency of lymphoma were studied."
    assert _claims(text, ents) == [("zolmadine", "psoriasis")]
    # a condition the cue reached first keeps a coordinated one ("for A and the related B")
    text = "Zolmadine is used for psoriasis and the related lymphoma."
    ents = [("Zolmadine", "DRUG"), ("psoriasis", "CONDITION"), ("lymphoma", "CONDITION")]
    assert ("Zolmadine", "psoriasis") in _claims(text, ents)


def test_a_warning_or_a_harm_watched_for_is_no_indication():
    ents = [("zolmadine", "DRUG"), ("infection", "CONDITION")]
    text = "Zolmadine was given. Zolmadine should be used with caution if an infection is present."
    assert _claims(text.split(". ")[1], [("Zolmadine", "DRUG"), ("infection", "CONDITION")]) == []
    text = "Continued vigilance for infection after zolmadine injections is important."
    assert _claims(text, ents) == []
    text = "Patients were monitored for infection after zolmadine."
    assert _claims(text, ents) == []


def test_a_condition_that_rose_is_not_what_the_drug_was_given_for():
    text = ("Significant increases in drowsiness were reported in patients treated with tolvexin "
            "in both groups.")
    assert _claims(text, [("drowsiness", "PHENOTYPE"), ("tolvexin", "DRUG")]) == []
    text = "Tolvexin was given for exacerbations of asthma."
    assert _claims(text, [("Tolvexin", "DRUG"), ("asthma", "CONDITION")]) == \
        [("Tolvexin", "asthma")]


def test_a_drug_induced_condition_is_not_the_indication_of_the_drugs_before_it():
    """"admitted for the start of X, ... cases with drug-induced Y": the drugs named before the
    compound caused Y; "Z for drug-induced Y" still gives Z for it."""
    text = ("METHODS: Among the patients seen for initiation of zorbamide, we found eight "
            "cases who developed drug-induced neuropathy.")
    assert _claims(text, [("zorbamide", "DRUG"), ("neuropathy", "CONDITION")]) == []
    text = "Velbaxin was prescribed for drug-induced neuropathy."
    assert _claims(text, [("Velbaxin", "DRUG"), ("neuropathy", "CONDITION")]) == \
        [("Velbaxin", "neuropathy")]


def test_patients_with_a_condition_who_received_a_drug():
    # the trial's population is what its drug was studied in: "received", "were randomized
    # to", "receiving" hand the drug to the patients the condition describes
    for text in ("Overall, 210 adults with chronic gout received febuxostat or placebo.",
                 "We randomly assigned 210 older adults with chronic gout to febuxostat or placebo.",
                 "Adults with chronic gout were randomized to febuxostat or placebo.",
                 "Adults with chronic gout receiving febuxostat were followed for a year."):
        ents = [("chronic gout", "CONDITION"), ("febuxostat", "DRUG"), ("placebo", "PROCEDURE")]
        got = _claims(text, [e for e in ents if e[0] in text])
        assert got == [("febuxostat", "chronic gout")], text


def test_a_drug_received_after_a_condition_is_not_its_treatment():
    # "received" names no use of its own: an earlier event or a later harm is no indication
    # nor is a condition whose description another drug or finding closes before the verb
    for text in ("After the pneumonia resolved, she received apixaban.",
                 "She received cisplatin and developed acute kidney injury.",
                 "A man with gout who developed a rash after taking apixaban.",
                 "Patients with gout on colchicine while receiving apixaban."):
        ents = [(w, lab) for w, lab in (("pneumonia", "CONDITION"), ("apixaban", "DRUG"),
                                        ("cisplatin", "DRUG"), ("acute kidney injury", "CONDITION"),
                                        ("gout", "CONDITION"), ("rash", "CONDITION"),
                                        ("colchicine", "DRUG"))
                if w in text]
        assert [p for p in _claims(text, ents) if p[0] in ("apixaban", "cisplatin")] == [], text


def test_drugs_listed_with_their_arm_sizes_share_the_indication():
    text = "Adults with chronic gout were randomized to febuxostat (n = 41), allopurinol (n = 40) or placebo."
    got = _claims(text, [("chronic gout", "CONDITION"), ("febuxostat", "DRUG"), ("allopurinol", "DRUG")])
    assert got == [("allopurinol", "chronic gout"), ("febuxostat", "chronic gout")]


def test_a_condition_the_drug_lowered_is_its_outcome_not_its_indication():
    # "adjunctive X reduced Y": the cue word names X's use, but the verb between makes Y what
    # X changed (an outcome claim reads it)
    text = "Adjunctive brivaracetam reduced seizures in adults with focal epilepsy."
    got = _claims(text, [("brivaracetam", "DRUG"), ("seizures", "CONDITION"),
                         ("focal epilepsy", "CONDITION")])
    assert got == [("brivaracetam", "focal epilepsy")]


def test_eyes_with_a_condition_are_a_trial_population():
    text = "Sixty eyes with ocular hypertension were randomized to brimonidine 0.2% twice daily or travoprost 0.004% once daily."
    got = _claims(text, [("ocular hypertension", "CONDITION"), ("brimonidine", "DRUG"),
                         ("travoprost", "DRUG")])
    assert got == [("brimonidine", "ocular hypertension"), ("travoprost", "ocular hypertension")]


def test_people_described_by_age_or_setting_or_study_animals_given_a_drug_name_its_indication():
    from handmade import claims_of

    cases = [("Forty dogs with demodicosis received oral drug X daily.", "demodicosis"),
             ("We randomly assigned 212 children aged 6 to 14 years with asthma to drug X or "
              "placebo.", "asthma"),
             ("Drug X in patients hospitalized with pneumonia.", "pneumonia")]
    for text, condition in cases:
        drug = "Drug X" if text.startswith("Drug X") else "drug X"
        claims = claims_of(text, [(drug, "DRUG"), (condition, "CONDITION")])
        assert [(c.kind, c.object.label) for c in claims] == [("treatment", condition)], text


def test_an_added_drug_shares_the_indication_and_a_drug_a_finding_arose_after_does_not_treat_it():
    from handmade import claims_of

    title = "Drug A added to inhaled drug B in children with asthma"
    claims = claims_of(title + "\n\nChildren were studied.",
                       [("Drug A", "DRUG"), ("drug B", "DRUG"), ("asthma", "CONDITION")], title=title)
    assert sorted(c.subject.label for c in claims if c.kind == "treatment") == ["Drug A", "drug B"]
    title = "Drug A for prevention of emergence agitation after drug B anaesthesia in children"
    claims = claims_of(title + "\n\nChildren were studied.",
                       [("Drug A", "DRUG"), ("emergence agitation", "CONDITION"), ("drug B", "DRUG")],
                       title=title)
    assert [c.subject.label for c in claims if c.kind == "treatment"] == ["Drug A"]
