"""Claims of invented abstracts from fields far from the seeds (oncology, psychiatry,
cardiology, infectious disease, vaccines, anaesthesia, dermatology, nephrology), read by the
whole pipeline.  Every sentence is written for these tests; the drug names are real so the
recogniser finds them, the figures are made up."""

from handmade import doc_with_ents

from litkg.extract import claims_causes
from litkg.extract.pipeline import extract_document
from litkg.models import Document


def _claims(text):
    return extract_document(Document(id="t-fields", text=text)).claims


def _harms(text):
    return {(c.subject.label.lower(), c.object.label.lower(), c.hedged, c.negated)
            for c in _claims(text) if c.kind == "adverse_effect"}


def test_a_raised_risk_of_a_modified_condition_is_a_harm_and_a_hedged_one_stays_hedged():
    # the modifiers of the condition ("immune-mediated", "genital") stand between the risk
    # phrase and its name; the drug is still the verb's subject
    assert ("pembrolizumab", "nephritis", True, False) in \
        _harms("Pembrolizumab might increase the risk of immune-mediated nephritis.")
    found = _harms("Dapagliflozin increased the risk of genital mycotic infections.")
    assert any(d == "dapagliflozin" and not hedged for d, _, hedged, _ in found)


def test_a_direct_cause_takes_modifiers_only_when_the_phrase_ends_at_the_condition():
    ents = [("Velbaxin", "DRUG"), ("nephritis", "CONDITION")]
    doc = doc_with_ents("Velbaxin may significantly increase the risk of immune-mediated "
                        "nephritis.", ents)
    assert claims_causes._direct_cause(doc, doc.ents[0], doc.ents[1])
    # "complete Y remission": the remission is what was induced; "death in Y": another phrase
    for text, ents in (("Velbaxin induced complete lymphoma remission.",
                        [("Velbaxin", "DRUG"), ("lymphoma", "CONDITION")]),
                       ("Velbaxin increased the risk of death in heart failure.",
                        [("Velbaxin", "DRUG"), ("heart failure", "CONDITION")])):
        doc = doc_with_ents(text, ents)
        assert not claims_causes._direct_cause(doc, doc.ents[0], doc.ents[1]), text


def _treatments(text):
    return {(c.subject.label.lower(), c.object.label.lower()) for c in _claims(text)
            if c.kind == "treatment"}


def test_people_described_by_their_condition_and_given_a_drug_are_treated_for_it():
    # the subject names the patients by their condition, the verb gives them the drug
    assert ("vortioxetine", "major depressive disorder") in \
        _treatments("Sixty adults with major depressive disorder received vortioxetine 20 mg "
                    "daily for eight weeks.")
    found = _treatments("Treatment-naive adults with HIV-1 infection were randomised to "
                        "dolutegravir or efavirenz.")
    assert {d for d, _ in found} == {"dolutegravir", "efavirenz"}
    assert ("secukinumab", "psoriasis") in \
        _treatments("Adults with moderate-to-severe plaque psoriasis received secukinumab.")
    # a relative clause ends the description: the sepsis came later, it is no indication
    assert not _treatments("Patients with severe burns who developed sepsis were given "
                           "meropenem.")
    # a definite group ("all 24 patients with Y") is counted by what happened to it
    assert not _treatments("All 24 patients with seizures received high doses of tranexamic "
                           "acid.")


def _outcomes(text):
    return {(c.subject.label.lower(), c.object.label.lower(), c.direction) for c in _claims(text)
            if c.kind == "outcome"}


def test_a_slowed_decline_leaves_the_measure_higher():
    # nephrology: "slowed the decline in eGFR" counters a fall, as "attenuated the fall" does
    assert ("dapagliflozin", "egfr", "increased") in \
        _outcomes("Dapagliflozin slowed the decline in eGFR.")


def test_a_negated_verb_after_and_shares_the_subject_and_leaves_the_first_object_alone():
    # anaesthesia: the first object fell; only the second is the null result
    found = _outcomes("Ketamine reduced pain scores and did not increase the incidence of "
                      "hallucinations.")
    assert ("ketamine", "pain scores", "decreased") in found
    assert ("ketamine", "hallucinations", "unchanged") in found
    found = _outcomes("Losartan reduced proteinuria and did not increase the incidence of "
                      "hyperkalaemia.")
    assert ("losartan", "proteinuria", "decreased") in found


def test_a_drug_that_failed_in_a_population_was_still_given_for_its_condition():
    # nephrology: the null result is the proteinuria's; the patients had the nephropathy
    text = "Rituximab did not reduce proteinuria in patients with membranous nephropathy."
    assert ("rituximab", "membranous nephropathy") in _treatments(text)
    assert ("rituximab", "proteinuria", "unchanged") in _outcomes(text)


def _values(text, obj):
    return [(c.direction, c.before, c.after, c.unit) for c in _claims(text)
            if c.kind == "outcome" and c.object.label.lower() == obj]


def test_a_urinary_rate_keeps_its_mass_per_day_values():
    # nephrology: g/day is proteinuria's own unit, not a dose
    assert _values("Proteinuria decreased from 3.2 to 1.1 g/day with losartan.", "proteinuria") \
        == [("decreased", 3.2, 1.1, "g/day")]


def test_a_condition_the_drug_raised_or_worsened_is_its_harm_also_after_and_or_but():
    # anaesthesia: the benefit first, then the harm, with one subject
    found = _harms("Intrathecal morphine reduced opioid consumption but increased pruritus.")
    assert {(d, c) for d, c, _, _ in found} == {("morphine", "pruritus")}
    assert {(d, c) for d, c, _, _ in _harms("Zelotinib improved pain and worsened fatigue.")} \
        == {("zelotinib", "fatigue")}
    # the raised thing is the noun after the condition: no harm
    ents = [("Valproate", "DRUG"), ("seizure", "CONDITION")]
    doc = doc_with_ents("Valproate increased seizure threshold.", ents)
    assert not claims_causes._direct_cause(doc, doc.ents[0], doc.ents[1])


def _stats(text):
    return {c.object.label.lower(): (c.direction, dict(c.statistic or {})) for c in _claims(text)
            if c.kind == "outcome"}


def test_each_outcome_keeps_its_own_change_size_and_a_gapped_one_shares_the_verb():
    # cardiology / diabetes: "reduced A by 20% and B by 35%": B's verb is left out
    found = _stats("Zelotinib reduced LDL cholesterol by 20% and triglycerides by 35%.")
    assert found["ldl cholesterol"] == ("decreased", {"percent": 20.0})
    assert found["triglycerides"] == ("decreased", {"percent": 35.0})
    # a percentage written after another outcome is that one's
    found = _stats("Semaglutide lowered HbA1c by 1.5% and body weight by 4.5 kg.")
    assert found["body weight"] == ("decreased", {})
    found = _stats("Dapagliflozin slowed the decline in eGFR and reduced albuminuria by 35%.")
    assert "percent" not in found["egfr"][1] and found["albuminuria"][1] == {"percent": 35.0}
    # a list sharing one predicate shares its size
    found = _stats("Zelotinib reduced LDL cholesterol and triglycerides by 35%.")
    assert found["ldl cholesterol"][1] == found["triglycerides"][1] == {"percent": 35.0}


def test_a_threshold_named_by_a_condition_is_not_the_condition_changing():
    # psychiatry: a lowered seizure threshold makes seizures likelier; it is no fall of them
    assert not _outcomes("Bupropion lowered the seizure threshold.")
    assert ("zelotinib", "seizures", "decreased") in {
        (d, c.replace("seizure frequency", "seizures"), x)
        for d, c, x in _outcomes("Zelotinib reduced seizure frequency.")}


def test_an_overdose_and_a_pronoun_negation_give_no_treatment():
    # "took an overdose of X": the drug was taken, not given for the depression
    assert not _treatments("A 40-year-old woman with major depression took an overdose of "
                           "venlafaxine.")
    # "none occurred in patients with Y": the NegEx scope of "none" still covers Y
    assert not _treatments("Three fractures occurred after risperidone was started, and none "
                           "occurred in patients with hyperprolactinemia.")
