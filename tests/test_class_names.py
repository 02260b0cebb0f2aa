"""Drugs named by their class (litkg.extract.class_names)."""

from handmade import doc_with_ents

from litkg.extract.class_names import make_class_names  # noqa: F401 (registers it)


def _ents(text, ents=()):
    doc = doc_with_ents(text, ents, pipes=("sentencizer", "litkg_class_names"))
    return [(e.text, e.label_) for e in doc.ents]


def test_a_class_named_after_its_target_is_a_drug():
    assert _ents("SGLT2 inhibitors reduced HbA1c.", [("SGLT2", "TARGET"), ("HbA1c", "ANALYTE")]) \
        == [("SGLT2 inhibitors", "DRUG"), ("HbA1c", "ANALYTE")]
    assert _ents("Patients on GLP-1 receptor agonists lost weight.") == \
        [("GLP-1 receptor agonists", "DRUG")]
    assert _ents("Beta-blockers were continued.") == [("Beta-blockers", "DRUG")]


def test_a_drug_inside_a_class_name_is_a_word_of_the_name():
    # dopamine agonists are not dopamine
    assert _ents("Dopamine agonists caused nausea.", [("Dopamine", "DRUG"), ("nausea", "CONDITION")]) \
        == [("Dopamine agonists", "DRUG"), ("nausea", "CONDITION")]


def test_anti_words_name_classes():
    got = _ents("Antiemetics and atypical antipsychotics were given; antibodies were measured.")
    assert got == [("Antiemetics", "DRUG"), ("atypical antipsychotics", "DRUG")]


def test_a_class_in_apposition_to_a_drug_stays_its_mechanism():
    text = "The ALK inhibitor crizotinib was given."
    assert _ents(text, [("ALK", "TARGET"), ("crizotinib", "DRUG")]) == \
        [("ALK", "TARGET"), ("crizotinib", "DRUG")]
    text = "Sitagliptin, a DPP-4 inhibitor, was given."
    assert _ents(text, [("Sitagliptin", "DRUG"), ("DPP-4", "TARGET")]) == \
        [("Sitagliptin", "DRUG"), ("DPP-4", "TARGET")]


def test_proteins_named_like_classes_and_bare_class_nouns_are_not_drugs():
    assert _ents("Plasminogen activator inhibitor-1 rose.") == []
    assert _ents("Tissue inhibitor of metalloproteinases fell.") == []
    assert _ents("It is a potent inhibitor.") == []
    assert _ents("Treatment with inhibitors failed.") == []


def test_a_hyphenated_modifier_and_a_list_around_the_class():
    text = "Use of angiotensin-converting enzyme inhibitors and/or angiotensin receptor blockers, clopidogrel, and statins."
    got = _ents(text, [("angiotensin", "DRUG"), ("angiotensin receptor blockers", "DRUG"),
                       ("clopidogrel", "DRUG"), ("statins", "DRUG")])
    assert got[0] == ("angiotensin-converting enzyme inhibitors", "DRUG")


def test_a_target_with_its_number_and_abbreviation_names_one_grounded_class():
    # "sodium-glucose cotransporter 2 (SGLT2) inhibitors": the whole class, not "Sodium-glucose"
    doc = doc_with_ents("Sodium-glucose cotransporter 2 (SGLT2) inhibitors reduced HbA1c.",
                        [("Sodium-glucose", "DRUG"), ("HbA1c", "ANALYTE")],
                        pipes=("sentencizer", "litkg_class_names"))
    assert [(e.text, e.label_, e._.concept_id) for e in doc.ents] == [
        ("Sodium-glucose cotransporter 2 (SGLT2) inhibitors", "DRUG", "MESH:D000077203"),
        ("HbA1c", "ANALYTE", None)]
    doc = doc_with_ents("Dipeptidyl peptidase-4 (DPP-4) inhibitors were stopped.",
                        pipes=("sentencizer", "litkg_class_names"))
    assert [(e.text, e._.concept_id) for e in doc.ents] == [
        ("Dipeptidyl peptidase-4 (DPP-4) inhibitors", "MESH:D054873")]
    doc = doc_with_ents("Glucagon-like peptide-1 (GLP-1) receptor agonists were started.",
                        [("peptide-1", "DRUG")], pipes=("sentencizer", "litkg_class_names"))
    assert [(e.text, e._.concept_id) for e in doc.ents] == [
        ("Glucagon-like peptide-1 (GLP-1) receptor agonists", "MESH:D000097789")]
    # a class the lexicon knows by its full name is grounded too
    doc = doc_with_ents("Angiotensin II receptor blockers were given.",
                        pipes=("sentencizer", "litkg_class_names"))
    assert [(e.text, e._.concept_id) for e in doc.ents] == [
        ("Angiotensin II receptor blockers", "MESH:D057911")]
    # a participle inside a name the lexicon knows: the whole name, not "enzyme inhibitors"
    doc = doc_with_ents("Adults treated with angiotensin converting enzyme inhibitors fainted.",
                        pipes=("sentencizer", "litkg_class_names"))
    assert [(e.text, e._.concept_id) for e in doc.ents] == [
        ("angiotensin converting enzyme inhibitors", "MESH:D000806")]
    # a count of inhibitors is no number of a name
    assert _ents("The 2 inhibitors were compared.") == []
