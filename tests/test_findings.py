"""Finding phrases as adverse-effect candidates (litkg.extract.findings): found from a generic
finding head and its modifiers, never across an entity, a function word or a harm cue."""

from handmade import doc_with_ents

from litkg.extract import findings


def _doc(text, ents=()):
    return doc_with_ents(text, ents, pipes=())


def _found(doc):
    return [s.text for s in findings.finding_spans(doc[:], list(doc.ents))]


def test_head_noun_takes_its_modifiers():
    doc = _doc("She developed generalized maculopapular eruptions and neurological signs.")
    assert _found(doc) == ["generalized maculopapular eruptions", "neurological signs"]


def test_modifier_run_stops_at_cues_function_words_and_names():
    doc = _doc("Zorbamide-induced skin lesions were seen in the Tokyo cohort with toxic effects.",
               [("Zorbamide", "DRUG")])
    assert _found(doc) == ["skin lesions", "toxic effects"]
    # a capitalised name inside the sentence is no modifier; at the start it may be
    assert _found(_doc("Cutaneous rashes followed Velbaxin reactions.")) == \
        ["Cutaneous rashes", "reactions"]


def test_recognised_entities_are_not_found_again():
    doc = _doc("Anaphylactic reaction after the first dose.",
               [("Anaphylactic reaction", "CONDITION")])
    assert _found(doc) == []
    # a modifier that belongs to an entity stays with it
    doc = _doc("Zorbex reactions worsened.", [("Zorbex", "DRUG")])
    assert _found(doc) == ["reactions"]


def test_of_two_heads_in_a_row_the_last_heads_the_phrase():
    assert _found(_doc("A drug reaction syndrome occurred.")) == ["drug reaction syndrome"]


def test_spans_are_typed_as_findings():
    spans = findings.finding_spans(_doc("Severe toxicity.")[:], [])
    assert [(s.label_, s._.source) for s in spans] == [(findings.FINDING_LABEL, "finding")]


def test_names_written_as_given_are_drug_candidates():
    doc = _doc("Rash followed treatment with Budefat and IL-2 therapy; surgery was given.")
    found = findings.given_names(doc[:], [])
    assert [(s.text, s.label_, s._.source) for s in found] == \
        [("Budefat", "DRUG", "given"), ("IL-2", "DRUG", "given")]
    # an everyday word after a giving phrase ("treated with surgery") is no drug name
    assert findings.given_names(_doc("She was treated with surgery.")[:], []) == []


def test_a_name_glued_to_a_cause_word_is_a_drug_candidate():
    found = findings.given_names(_doc("We saw Zorbex-induced hepatitis and stress-induced "
                                      "ulcers, medically induced hypoxia, KW-21 associated rash.")[:], [])
    # the name ends at the hyphen; an everyday word ("stress") is no drug name, and before a
    # spaced cause word only a coined name is
    assert [s.text for s in found] == ["Zorbex", "KW-21"]


def test_how_a_drug_was_given_is_skipped_to_reach_its_name():
    found = findings.given_names(_doc("Rash after the use of high-dose Velbaxin.")[:], [])
    assert [s.text for s in found] == ["Velbaxin"]


def test_a_unit_is_no_drug_name():
    doc = _doc("Neutropenia occurred at the 100 mg/m2 dose level.")
    assert findings.given_names(doc[:], []) == []


def test_a_head_right_after_a_condition_is_part_of_its_name():
    doc = _doc("A hypersensitivity reaction and skin reactions occurred.",
               [("hypersensitivity", "CONDITION")])
    assert _found(doc) == ["skin reactions"]


def test_a_drug_the_lexicon_only_grounds_is_a_candidate_after_a_cause_phrase():
    doc = _doc("Necrolysis associated with streptokinase, then fever after Velbaxin.")
    # "streptokinase" is a lexicon drug; an unknown name needs a giving phrase
    assert [s.text for s in findings.given_names(doc[:], [])] == ["streptokinase"]


def test_generic_heads_need_a_clinical_modifier_and_benefits_are_no_findings():
    doc = _doc("We saw changes, marked changes, skin changes, a 3-fold elevation, liver enzyme "
               "elevation, protective effects and toxic effects.")
    assert _found(doc) == ["skin changes", "liver enzyme elevation", "toxic effects"]


def test_a_change_word_names_a_finding_with_what_it_changes():
    doc = _doc("She had decreased visual acuity and an increase in pulmonary artery pressure.")
    assert _found(doc) == ["decreased visual acuity", "increase in pulmonary artery pressure"]
    assert _found(_doc("Deepening of the lid sulcus was seen.")) == ["Deepening of the lid sulcus"]


def test_a_change_of_a_level_reaches_over_the_specimen_to_the_analyte():
    """"lowered plasma zorbin": the specimen word says the level of the named analyte changed,
    so the finding takes the analyte in rather than stopping at "lowered plasma"."""
    doc = _doc("The dogs had lowered plasma zorbin and raised urinary oxalate.",
               [("zorbin", "ANALYTE"), ("oxalate", "ANALYTE")])
    assert _found(doc) == ["lowered plasma zorbin", "raised urinary oxalate"]
    # other modifiers before an entity are not a specimen: the run still stops there
    doc = _doc("The dogs had lowered hepatic zorbin.", [("zorbin", "ANALYTE")])
    assert _found(doc) == ["lowered hepatic"]
    # before a condition the change and its modifiers are the condition's: no fragment
    doc = _doc("The dogs had reduced hepatic necrosis.", [("necrosis", "CONDITION")])
    assert _found(doc) == []


def test_a_change_of_a_dose_a_risk_or_by_a_verb_names_no_finding():
    # a dose, a risk or a count changed is no harm; "was increased" is a verb, and a past form
    # ends the phrase
    assert _found(_doc("An increased dose led to reduced risk and an increase in the number.")) == []
    assert _found(_doc("The dose was gradually increased based on calcium.")) == []
    # what a recognised entity names stays with it
    doc = _doc("It caused increased toxicity.", [("toxicity", "CONDITION")])
    assert _found(doc) == []


def test_a_name_after_exposed_to_is_a_drug_candidate():
    doc = _doc("Two children had been exposed prenatally to VGB.")
    assert [s.text for s in findings.given_names(doc[:], [])] == ["VGB"]


def test_an_endpoint_named_as_a_finding_is_a_finding_and_a_counted_one_is_not():
    # the endpoint recogniser takes these for what a study measured; a case report names them
    # as what the patient had
    doc = _doc("Infectious complications and abnormal retinal function followed zorbamide.",
               [("Infectious complications", "ENDPOINT"), ("abnormal retinal function", "ENDPOINT"),
                ("zorbamide", "DRUG")])
    assert _found(doc) == ["Infectious complications", "abnormal retinal function"]
    assert all(s._.source == "finding" for s in findings.finding_spans(doc[:], list(doc.ents)))
    doc = _doc("The 28-day mortality and overall survival were recorded.",
               [("28-day mortality", "ENDPOINT"), ("overall survival", "ENDPOINT")])
    assert _found(doc) == []


def test_a_hyphenated_modifier_is_one_word_of_the_finding():
    assert _found(_doc("Long-term side effects of zorbamide.", [("zorbamide", "DRUG")])) == \
        ["Long-term side effects"]
    # a name glued to a cause word is no modifier
    doc = _doc("Zorbamide-induced skin lesions were seen.", [("Zorbamide", "DRUG")])
    assert _found(doc) == ["skin lesions"]


def test_a_drug_the_lexicon_only_grounds_is_given_by_its_whole_name_and_more_contexts():
    def given(text, ents=()):
        doc = _doc(text, ents)
        return [s.text for s in findings.given_names(doc[:], list(doc.ents))]
    # the whole name of several words, not its first word
    assert given("Fever followed a high dose of cytosine arabinoside.") == ["cytosine arabinoside"]
    # listed with a recognised drug, the object of an allergy or of a harm
    assert given("Anemia after therapy with zorbamide and interleukin-2.",
                 [("zorbamide", "DRUG")]) == ["interleukin-2"]
    assert given("A contact dermatitis to 8-methoxypsoralen was seen.") == ["8-methoxypsoralen"]
    assert given("The cardiac toxicity of cytosine arabinoside is rare.") == ["cytosine arabinoside"]
    # an organism the drug dictionary lists as an allergen extract is no drug given
    assert given("Peritonitis caused by Listeria monocytogenes.") == []
    assert given("Cases of dermatitis to the sun.") == []


def test_how_and_how_long_a_drug_was_given_and_a_word_before_its_name_are_no_drug():
    def given(text, ents=()):
        doc = _doc(text, ents)
        return [s.text for s in findings.given_names(doc[:], list(doc.ents))]
    assert given("Rash after receiving high cumulative doses of Velbaxin.") == ["Velbaxin"]
    assert given("Rash after 10-day treatment with Velbaxin.") == ["Velbaxin"]
    assert given("Rash after treatment with Velbaxin-plus zorbamide.", [("zorbamide", "DRUG")]) == []


def test_an_anti_word_a_size_or_a_kind_of_recording_makes_no_generic_head_a_harm():
    for text in ("A neurotensin analog could produce antiparkinsonian effects.",
                 "It blocked the electrophysiological effects of neurotensin.",
                 "Minor changes in iron were seen."):
        assert _found(_doc(text)) == [], text
    assert _found(_doc("Skin changes developed.")) == ["Skin changes"]


def test_a_device_or_procedure_glued_to_a_cause_word_is_no_drug_candidate():
    doc = _doc("A case of catheter-associated thrombosis and senna-induced colitis.")
    assert [s.text for s in findings.given_names(doc[:], list(doc.ents))] == ["senna"]



def test_a_harm_word_alone_or_with_a_word_of_kind_or_severity_names_only_harm():
    for text in ("Zorbamide may cause various adverse effects.",
                 "Patients can develop severe side effects.",
                 "Repeated injections may cause unwanted complications.",
                 "A complication was reported."):
        spans = findings.finding_spans(_doc(text)[:], [])
        assert spans and all(findings.names_only_harm(x) for x in spans), text
    for text in ("Extrapyramidal side effects developed.", "Renal complications developed.",
                 "Toxic effects developed."):
        spans = findings.finding_spans(_doc(text)[:], [])
        assert spans and not any(findings.names_only_harm(x) for x in spans), text


def test_a_fall_of_a_disease_or_symptom_names_no_finding_a_fall_of_a_function_does():
    assert _found(_doc("Patients reported a dramatic reduction in itching.")) == []
    assert _found(_doc("She had decreased visual acuity.")) == ["decreased visual acuity"]
    assert _found(_doc("An increase in itching was seen.")) == ["increase in itching"]
    # an abbreviation grounds too loosely to tell
    assert _found(_doc("He had a decreased MED.")) == ["decreased MED"]


def test_a_change_word_that_is_a_drugs_verb_names_no_finding():
    # "Allopurinol decreased serum urate": the drug's effect on a level, an outcome
    from litkg.extract.findings import change_spans

    doc = doc_with_ents("Velbaxin markedly decreased serum urate.",
                        [("Velbaxin", "DRUG"), ("urate", "ANALYTE")])
    assert change_spans(doc[:], list(doc.ents)) == []
    doc = doc_with_ents("The rats had decreased serum urate.", [("urate", "ANALYTE")])
    assert [s.text for s in change_spans(doc[:], list(doc.ents))] == ["decreased serum urate"]
