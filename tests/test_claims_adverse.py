"""Adverse-effect pairs: the pair classifier's features and decision (litkg.extract.
claims_adverse_model, claims_relations.adverse_pairs) and the ADE benchmark scorer
(litkg.evaluate.ade).  Docs are built by hand with new sentences, so nothing here depends on
the entity recogniser or on benchmark wording."""

from handmade import doc_with_ents

from litkg.evaluate import ade
from litkg.extract import claims_adverse_model as model_mod
from litkg.extract import claims_benefit
from litkg.extract import claims_relations as rel
from litkg.extract.context import make_context  # noqa: F401 (registers litkg_context)


def _doc(text, ents):
    """A one-sentence Doc with ``ents`` ((phrase, label) in order of appearance) and context."""
    return doc_with_ents(text, ents, pipes=("litkg_context",))


def _pairs(doc):
    found = rel.adverse_pairs(doc[:], list(doc.ents), lambda c: None)
    return {(d.text, c.text) for d, c in found}


def _with_model(monkeypatch, weights, thresholds=None):
    model = {"version": model_mod.FEATURES_VERSION, "weights": weights,
             "thresholds": thresholds or {"with_rule": 0.5, "alone": 0.5}}
    monkeypatch.setattr(model_mod, "load_model", lambda: model)


# -- features -------------------------------------------------------------------------------

def test_words_between_are_masked_so_patterns_generalise():
    doc = _doc("Rash and fever appeared after starting lamotrigine.",
               [("Rash", "CONDITION"), ("fever", "CONDITION"), ("lamotrigine", "DRUG")])
    drug, rash, fever = doc.ents[2], doc.ents[0], doc.ents[1]
    feats = model_mod.pair_features(doc[:], drug, fever, list(doc.ents))
    assert "BS:C>D_appeared_after_starting" in feats
    # the rash pair sees the other condition as <COND>, not as the word "fever"
    rash_feats = model_mod.pair_features(doc[:], drug, rash, list(doc.ents))
    assert "BS:C>D_and_<COND>_appeared_after_starting" in rash_feats
    assert not any(f.startswith("B:") and "fever" in f for f in rash_feats)


def test_list_member_inherits_the_link_of_the_list_head():
    doc = _doc("Ticlopidine caused neutropenia, jaundice and pruritus.",
               [("Ticlopidine", "DRUG"), ("neutropenia", "CONDITION"), ("jaundice", "CONDITION"),
                ("pruritus", "CONDITION")])
    drug, head, last = doc.ents[0], doc.ents[1], doc.ents[3]
    assert model_mod._list_head(doc, last, drug, list(doc.ents), "<COND>") == head
    feats = model_mod.pair_features(doc[:], drug, last, list(doc.ents))
    assert "CHAIN" in feats and "HBS:D>C_caused" in feats
    assert "CHAIN" not in model_mod.pair_features(doc[:], drug, head, list(doc.ents))


def test_drug_list_member_inherits_the_link_of_the_drug_nearest_the_condition():
    doc = _doc("Hepatitis followed zorbex, velbaxin and quintamide.",
               [("Hepatitis", "CONDITION"), ("zorbex", "DRUG"), ("velbaxin", "DRUG"),
                ("quintamide", "DRUG")])
    cond, head, last = doc.ents[0], doc.ents[1], doc.ents[3]
    assert model_mod._list_head(doc, last, cond, list(doc.ents), "<DRUG>") == head
    feats = model_mod.pair_features(doc[:], last, cond, list(doc.ents))
    assert "DCHAIN" in feats and "GBS:C>D_followed" in feats
    assert "DCHAIN" not in model_mod.pair_features(doc[:], head, cond, list(doc.ents))


def test_cue_classes_are_crossed_with_the_distance():
    doc = _doc("Zorbex caused hepatitis.", [("Zorbex", "DRUG"), ("hepatitis", "CONDITION")])
    feats = model_mod.pair_features(doc[:], doc.ents[0], doc.ents[1], list(doc.ents))
    assert "X:CUE:D>C_causal_1-2" in feats and "XSRC:D>C_1-2_E" in feats


def test_drug_shape_tells_a_class_noun_from_a_name():
    doc = _doc("NSAIDs, antibiotics, beta blockers, ibuprofen, amoxicillin and Clinoril.",
               [("NSAIDs", "DRUG"), ("antibiotics", "DRUG"), ("beta blockers", "DRUG"),
                ("ibuprofen", "DRUG"), ("amoxicillin", "DRUG"), ("Clinoril", "DRUG")])
    shapes = [model_mod._drug_shape(e) for e in doc.ents]
    assert shapes == ["upper", "class", "class", "name", "name", "name"]


def test_model_of_other_features_is_not_used(monkeypatch):
    model_mod.load_model.cache_clear()
    monkeypatch.setattr(model_mod, "read_data_json", lambda name: {"weights": {"BIAS": 9.0}})
    try:
        assert model_mod.load_model() is None  # no version: trained on older features
    finally:
        model_mod.load_model.cache_clear()


# -- decision -------------------------------------------------------------------------------

def test_classifier_decides_pairs_without_a_rule_cue(monkeypatch):
    doc = _doc("Ototoxicity in a child given amikacin.",
               [("Ototoxicity", "CONDITION"), ("amikacin", "DRUG")])
    _with_model(monkeypatch, {"BIAS": -5.0})
    assert _pairs(doc) == set()
    _with_model(monkeypatch, {"BIAS": -5.0, "BS:C>D_in_a_child_given": 8.0})
    assert _pairs(doc) == {("amikacin", "Ototoxicity")}


def test_rule_cue_lowers_the_threshold(monkeypatch):
    doc = _doc("Hyponatraemia developed after oxcarbazepine.",
               [("Hyponatraemia", "CONDITION"), ("oxcarbazepine", "DRUG")])
    # p = 0.5 exactly: enough with a rule cue ("Y ... after X"), not alone
    _with_model(monkeypatch, {"BIAS": 0.0}, {"with_rule": 0.4, "alone": 0.6})
    assert _pairs(doc) == {("oxcarbazepine", "Hyponatraemia")}
    _with_model(monkeypatch, {"BIAS": 0.0}, {"with_rule": 0.6, "alone": 0.6})
    assert _pairs(doc) == set()


def test_indication_and_healing_stay_out_whatever_the_model_says(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Bosentan was given for pulmonary hypertension.",
               [("Bosentan", "DRUG"), ("pulmonary hypertension", "CONDITION")])
    assert _pairs(doc) == set()
    doc = _doc("Complete healing of the ulcer followed topical timolol.",
               [("ulcer", "CONDITION"), ("timolol", "DRUG")])
    assert _pairs(doc) == set()
    # ... while "X-induced Y" always holds
    doc = _doc("Lithium-induced tremor was seen.", [("Lithium", "DRUG"), ("tremor", "CONDITION")])
    _with_model(monkeypatch, {"BIAS": -10.0})
    assert _pairs(doc) == {("Lithium", "tremor")}


def test_shipped_model_reads_a_list_of_effects_and_skips_the_indication():
    model_mod.load_model.cache_clear()
    if model_mod.load_model() is None:
        import pytest
        pytest.skip("no adverse_model.json.gz of the current feature version")
    doc = _doc("Two weeks after starting minocycline for acne, she developed fever, "
               "eosinophilia and hepatitis.",
               [("minocycline", "DRUG"), ("acne", "CONDITION"), ("fever", "CONDITION"),
                ("eosinophilia", "CONDITION"), ("hepatitis", "CONDITION")])
    pairs = _pairs(doc)
    assert {("minocycline", c) for c in ("fever", "eosinophilia", "hepatitis")} <= pairs
    assert ("minocycline", "acne") not in pairs


# -- scorer ---------------------------------------------------------------------------------

def test_scorer_containment_is_on_word_boundaries_and_ignores_case_and_edges():
    assert ade._same("Acute renal failure", "renal failure")
    assert ade._same("lopinavir/ritonavir", "lopinavir")
    assert ade._same("rash.", "RASH")
    assert not ade._same("ria", "bacteria")
    assert not ade._same("hepatitis", "hepatotoxicity")


def test_scorer_groups_gold_mentions_of_one_fact():
    sentence = "Methotrexate (MTX) caused pneumonitis; MTX pneumonitis resolved."
    truth = {("Methotrexate", "pneumonitis"), ("MTX", "pneumonitis"), ("MTX", "MTX pneumonitis")}
    assert len(ade.gold_facts(truth, sentence)) == 1
    assert len(ade.gold_facts(truth)) == 2  # without the sentence, MTX is not methotrexate
    tp, fp, fn, wrong = ade.match_pairs({("MTX", "pneumonitis"), ("methotrexate", "pneumonitis")},
                                        truth, sentence)
    assert (tp, fp, fn) == (1, 0, 0)  # the second correct reading is no error


def test_scorer_gives_each_prediction_a_free_fact_and_counts_wrong_ones():
    truth = {("cisplatin", "renal failure"), ("cisplatin", "anuria"), ("cisplatin", "ototoxicity")}
    # the long effect contains both gold effects: it must take the one "anuria" leaves free
    tp, fp, fn, wrong = ade.match_pairs(
        {("cisplatin", "acute renal failure with anuria"), ("cisplatin", "anuria"),
         ("cisplatin", "nausea")}, truth)
    assert (tp, fp, fn) == (2, 1, 1) and wrong == [("cisplatin", "nausea")]


def test_limit_interleaving_keeps_every_negative_sentence():
    positives = {("10", "a"): {("x", "y")}, ("20", "b"): {("x", "z")}}
    negatives = [(str(n * 5), f"n{n}") for n in range(1, 8)]  # 7 negatives, ratio 3
    items = ade._items(positives, negatives, ade._is_test, None)
    assert len(items) == 9 and sum(1 for _, t in items if not t) == 7
    assert items[0][1] and items[4][1]  # the mix starts with a positive, then 3 negatives


def test_model_squashes_with_the_shared_clipped_logistic(monkeypatch):
    from litkg.extract.logistic import sigmoid

    assert sigmoid(0.0) == 0.5 and sigmoid(1e6) == sigmoid(30.0) < 1.0  # no overflow
    doc = _doc("Rash after amoxicillin.", [("Rash", "CONDITION"), ("amoxicillin", "DRUG")])
    _with_model(monkeypatch, {"BIAS": 1e6})
    assert model_mod.probability(doc[:], doc.ents[1], doc.ents[0], list(doc.ents)) == sigmoid(30.0)


def test_dev_part_keeps_its_residue_out_of_the_lexicon():
    evaluated, lexicon = ade.split("dev")
    assert evaluated(str(10 + ade.DEV_RESIDUE)) and not lexicon(str(10 + ade.DEV_RESIDUE))
    assert all(lexicon(str(10 + r)) for r in ade.TRAIN_RESIDUES if r != ade.DEV_RESIDUE)
    assert not evaluated("10") and not lexicon("10")  # the test part feeds neither


# -- candidates -----------------------------------------------------------------------------

def test_a_name_written_as_given_is_a_drug_whatever_its_type():
    doc = _doc("Oedema developed soon after velorin therapy in a patient treated with KZT.",
               [("Oedema", "PHENOTYPE"), ("velorin", "TARGET"), ("KZT", "CONDITION")])
    cands = {(d.text, c.text) for d, c in rel.adverse_candidates(doc[:], list(doc.ents))}
    assert {("velorin", "Oedema"), ("KZT", "Oedema")} <= cands
    # a disease-typed name counts only after a giving word; the target of an inhibitor is no drug
    doc = _doc("Hepatitis treatment and velorin inhibitor use preceded the rash.",
               [("Hepatitis", "CONDITION"), ("velorin", "TARGET"), ("rash", "CONDITION")])
    assert not any(rel.administered(doc, e) for e in doc.ents)


def test_a_name_is_given_past_a_dose_a_harm_of_it_a_cause_word_or_its_abbreviation():
    for text, phrase, label in [
            ("Seizures followed treatment with 1 to 2 cc of velorin.", "velorin", "TARGET"),
            ("Uveitis followed repeated injections of velorin.", "velorin", "TARGET"),
            ("The side effects of velorin include uveitis.", "velorin", "TARGET"),
            ("The ocular toxicity of KZT is uveitis.", "KZT", "CONDITION"),
            ("Three cases of velorin beta induced uveitis are reported.", "velorin", "TARGET"),
            ("Uveitis with velorin factor (VLF) therapy.", "velorin factor", "TARGET"),
            ("Uveitis with velorin factor (VLF) therapy.", "VLF", "TARGET")]:
        doc = _doc(text, [(phrase, label)])
        assert rel.administered(doc, doc.ents[0]), (text, phrase)
    # a disease written out has no toxicity of its own: "toxic effects of X" names X's harm
    doc = _doc("The toxic effects of hyperglycaemia on islets.", [("hyperglycaemia", "CONDITION")])
    assert not rel.administered(doc, doc.ents[0])
    # a count of something other than a dose is no amount given
    doc = _doc("Uveitis was seen in 3 cases of velorin.", [("velorin", "TARGET")])
    assert not rel.administered(doc, doc.ents[0])


def test_a_vaccine_is_a_drug_and_the_disease_named_before_it_no_harm():
    doc = _doc("Transverse myelitis following hepatitis B vaccination.",
               [("Transverse myelitis", "CONDITION"), ("hepatitis B", "CONDITION"),
                ("vaccination", "PROCEDURE")])
    cands = {(d.text, c.text) for d, c in rel.adverse_candidates(doc[:], list(doc.ents))}
    assert cands == {("vaccination", "Transverse myelitis")}


def test_only_a_recognised_drug_makes_x_induced_y_a_harm_whatever_the_classifier_says(monkeypatch):
    _with_model(monkeypatch, {"BIAS": -8.0})
    ents = [("velorin", "DRUG"), ("uveitis", "CONDITION")]
    assert _pairs(_doc("We saw velorin-induced uveitis.", ents)) == {("velorin", "uveitis")}
    # a protein given as the cause is a candidate, the classifier's to judge
    ents = [("velorin", "TARGET"), ("uveitis", "CONDITION")]
    assert _pairs(_doc("We saw velorin-induced uveitis.", ents)) == set()
    _with_model(monkeypatch, {"BIAS": 8.0})
    assert _pairs(_doc("We saw velorin-induced uveitis.", ents)) == {("velorin", "uveitis")}


def test_a_chemical_naming_a_body_state_or_what_an_agent_acts_on_is_no_drug():
    for text, ents in [
            ("Zorvate led to lipid abnormalities.",
             [("Zorvate", "DRUG"), ("lipid", "DRUG"), ("abnormalities", "CONDITION")]),
            ("Myopathy caused by zorvate, a natural lipid-lowering agent.",
             [("Myopathy", "CONDITION"), ("zorvate", "DRUG"), ("lipid", "DRUG")])]:
        doc = _doc(text, ents)
        conds, drugs = rel._ae_entities(doc[:], list(doc.ents))
        assert [d.text for d in drugs] == ["zorvate" if "natural" in text else "Zorvate"], text


def test_finding_phrases_are_candidates_and_flagged_for_the_classifier():
    doc = _doc("Cutaneous eruptions appeared after zorbamide.", [("zorbamide", "DRUG")])
    cands = rel.adverse_candidates(doc[:], list(doc.ents))
    assert [(d.text, c.text) for d, c in cands] == [("zorbamide", "Cutaneous eruptions")]
    feats = model_mod.pair_features(doc[:], cands[0][0], cands[0][1], list(doc.ents))
    assert "FINDING:eruptions" in feats
    doc = _doc("Rash after zorbamide.", [("Rash", "CONDITION"), ("zorbamide", "DRUG")])
    feats = model_mod.pair_features(doc[:], doc.ents[1], doc.ents[0], list(doc.ents))
    assert not any(f.startswith("FINDING") for f in feats)


def test_a_cause_after_the_condition_overrides_the_patients_with_frame(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("We saw two patients with pancreatitis induced by zorbamide.",
               [("pancreatitis", "CONDITION"), ("zorbamide", "DRUG")])
    assert _pairs(doc) == {("zorbamide", "pancreatitis")}
    doc = _doc("We saw two patients with pancreatitis receiving zorbamide.",
               [("pancreatitis", "CONDITION"), ("zorbamide", "DRUG")])
    assert _pairs(doc) == set()  # a temporal word does not name a cause: still the indication
    # a cue glued to the condition modifies the next one: "treatment of Y-related Z with X"
    doc = _doc("Treatment of patients with uraemia-related pruritus with zorbamide.",
               [("uraemia", "CONDITION"), ("pruritus", "CONDITION"), ("zorbamide", "DRUG")])
    assert not rel._cause_follows(doc, doc.ents[0], [doc.ents[2]])


def test_without_a_model_the_rules_keep_to_recognised_entities(monkeypatch):
    doc = _doc("Zorbamide caused cutaneous eruptions.", [("Zorbamide", "DRUG")])
    monkeypatch.setattr(model_mod, "load_model", lambda: None)
    assert _pairs(doc) == set()
    _with_model(monkeypatch, {"BIAS": 10.0})
    assert _pairs(doc) == {("Zorbamide", "cutaneous eruptions")}


def test_list_members_share_a_confident_link(monkeypatch):
    doc = _doc("Zorbamide was followed by rash and fever.",
               [("Zorbamide", "DRUG"), ("rash", "CONDITION"), ("fever", "CONDITION")])
    thresholds = {"with_rule": 0.3, "alone": 0.3}
    # rash: p = sigmoid(3) > SHARE_MIN, fever: p = sigmoid(-2): fever joins through "and"
    _with_model(monkeypatch, {"BIAS": -2.0, "C:rash": 5.0}, thresholds)
    assert _pairs(doc) == {("Zorbamide", "rash"), ("Zorbamide", "fever")}
    # rash: p = sigmoid(-0.2), enough for rash itself but too unsure to pass on
    _with_model(monkeypatch, {"BIAS": -2.0, "C:rash": 1.8}, thresholds)
    assert _pairs(doc) == {("Zorbamide", "rash")}


def test_drugs_of_one_list_share_a_confident_link(monkeypatch):
    doc = _doc("Zorbamide and quinotil may cause rash.",
               [("Zorbamide", "DRUG"), ("quinotil", "DRUG"), ("rash", "CONDITION")])
    thresholds = {"with_rule": 0.3, "alone": 0.3}
    # only the first drug (another drug between it and the condition) is linked by the model;
    # its partner in the list joins
    _with_model(monkeypatch, {"BIAS": -2.0, "DRUGSBETWEEN:D>C_1": 5.0}, thresholds)
    assert _pairs(doc) == {("Zorbamide", "rash"), ("quinotil", "rash")}
    doc = _doc("Zorbamide, unlike quinotil, may cause rash.",
               [("Zorbamide", "DRUG"), ("quinotil", "DRUG"), ("rash", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "rash")}  # no list between them



def test_an_onset_after_a_drug_overrides_the_patients_with_frame(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("A child with pancreatitis following zorbamide therapy is described.",
               [("pancreatitis", "CONDITION"), ("zorbamide", "DRUG")])
    assert _pairs(doc) == {("zorbamide", "pancreatitis")}
    # the drug must follow the temporal word closely: here it is the indication's treatment
    doc = _doc("Patients with pancreatitis after the first week of the long trial were "
               "given zorbamide.", [("pancreatitis", "CONDITION"), ("zorbamide", "DRUG")])
    assert not rel._cause_follows(doc, doc.ents[0], [doc.ents[1]])


def test_a_lowering_word_counts_only_as_the_findings_predicate_or_modifier(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    # "lower" belongs to "lower limbs", not to the numbness
    doc = _doc("Zorbamide caused numbness of the lower limbs.",
               [("Zorbamide", "DRUG"), ("numbness", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "numbness")}
    went_down = [("Proteinuria was markedly lower with zorbamide.", "Proteinuria", "zorbamide"),
                 ("Proteinuria levels decreased with zorbamide.", "Proteinuria", "zorbamide"),
                 ("Zorbamide gave less proteinuria.", "proteinuria", "Zorbamide")]
    for text, cond, drug in went_down:
        ents = sorted([(cond, "CONDITION"), (drug, "DRUG")], key=lambda e: text.index(e[0]))
        assert _pairs(_doc(text, ents)) == set(), text


def test_a_protein_typed_by_its_stem_is_given_through_its_subtype():
    doc = _doc("Arthritis followed velorin-beta therapy.",
               [("Arthritis", "CONDITION"), ("velorin", "TARGET")])
    assert rel.administered(doc, doc.ents[1])
    doc = _doc("Arthritis followed velorin beta-1a therapy.",
               [("Arthritis", "CONDITION"), ("velorin", "TARGET")])
    assert rel.administered(doc, doc.ents[1])
    doc = _doc("Arthritis followed velorin alfa treatment.",
               [("Arthritis", "CONDITION"), ("velorin", "TARGET")])
    assert rel.administered(doc, doc.ents[1])
    doc = _doc("Arthritis raised velorin-beta levels.",
               [("Arthritis", "CONDITION"), ("velorin", "TARGET")])
    assert not rel.administered(doc, doc.ents[1])


def test_a_cue_inside_a_condition_name_says_nothing_of_the_next_condition(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Zorbamide toxicity includes bone marrow suppression and stomatitis.",
               [("Zorbamide", "DRUG"), ("bone marrow suppression", "CONDITION"),
                ("stomatitis", "CONDITION")])
    assert ("Zorbamide", "stomatitis") in _pairs(doc)
    # a free-standing "suppression of" still makes the condition a benefit
    doc = _doc("Zorbamide gave suppression of stomatitis.",
               [("Zorbamide", "DRUG"), ("stomatitis", "CONDITION")])
    assert _pairs(doc) == set()


def test_a_condition_caused_by_a_drug_is_its_harm_whatever_improved_it(monkeypatch):
    _with_model(monkeypatch, {"BIAS": -10.0})
    # "X induced Y" without the hyphen still names the cause, model or not
    doc = _doc("She showed recovery of zorbamide induced neuropathy.",
               [("zorbamide", "DRUG"), ("neuropathy", "CONDITION")])
    assert _pairs(doc) == {("zorbamide", "neuropathy")}
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Velbaxin ameliorated an akathisia case induced by zorbamide.",
               [("Velbaxin", "DRUG"), ("akathisia", "CONDITION"), ("zorbamide", "DRUG")])
    assert ("zorbamide", "akathisia") in _pairs(doc)


def test_a_sentence_opening_on_a_condition_sets_the_population_not_a_harm():
    from handmade import claims_of
    text = "In type 1 diabetes, adding dapagliflozin to insulin reduced HbA1c by 0.4%."
    claims = claims_of(text, [("type 1 diabetes", "CONDITION"), ("dapagliflozin", "DRUG"),
                              ("insulin", "DRUG"), ("HbA1c", "ANALYTE")])
    assert [c for c in claims if c.kind == "adverse_effect"] == []


def test_a_finding_that_resolved_when_the_drug_was_stopped_is_its_harm(monkeypatch):
    """Positive dechallenge: the improvement filter is lifted for a stopped drug only."""
    _with_model(monkeypatch, {"BIAS": 10.0})
    stopped = [("After cessation of velbaxin, the neutropenia resolved.", "velbaxin",
                "neutropenia"),
               ("Velbaxin was withheld and the neutropenia resolved.", "Velbaxin",
                "neutropenia")]
    for text, drug, cond in stopped:
        ents = sorted([(cond, "CONDITION"), (drug, "DRUG")], key=lambda e: text.index(e[0]))
        assert _pairs(_doc(text, ents)) == {(drug, cond)}, text
    # a drug under which the finding resolved is its cure, not its cause
    doc = _doc("After starting velbaxin, the neutropenia resolved.",
               [("velbaxin", "DRUG"), ("neutropenia", "CONDITION")])
    assert _pairs(doc) == set()
    # healed under the drug, back after it was stopped: the drug's benefit, no dechallenge
    doc = _doc("The ulcer healed on velbaxin and recurred after velbaxin was stopped.",
               [("ulcer", "CONDITION"), ("velbaxin", "DRUG"), ("velbaxin", "DRUG")])
    assert _pairs(doc) == set()
    # two drugs: only the stopped one is judged
    doc = _doc("Zorbamide was stopped and the rash resolved on velbaxin.",
               [("Zorbamide", "DRUG"), ("rash", "CONDITION"), ("velbaxin", "DRUG")])
    assert _pairs(doc) == {("Zorbamide", "rash")}


def test_a_harm_noun_without_a_drug_in_the_sentence_asks_the_fallback(monkeypatch):
    _with_model(monkeypatch, {"BIAS": -10.0})
    doc = _doc("Side effects such as nausea were common.", [("nausea", "CONDITION")])
    drug = doc[0:1]  # whatever span the caller's fallback (the study drug) returns
    found = rel.adverse_pairs(doc[:], list(doc.ents), lambda c: drug)
    assert ("Side", "nausea") in {(d.text, c.text) for d, c in found}


def test_a_drug_that_reduced_a_finding_did_not_cause_it():
    from litkg.extract.pipeline import shared_nlp

    doc = shared_nlp()("Intravenous TXA reduced blood loss and transfusion without increasing "
                       "thromboembolic complications.")
    assert not [(d.text, c.text) for d, c in rel.adverse_pairs(doc[:], list(doc.ents), lambda c: None)
                if c.text == "blood loss"]


def test_a_condition_that_raises_the_risk_of_a_harm_is_a_risk_factor_not_a_harm():
    doc = _doc("Renal impairment increases the risk of linezolid-induced thrombocytopenia.",
               [("Renal impairment", "CONDITION"), ("linezolid", "DRUG"),
                ("thrombocytopenia", "CONDITION")])
    assert _pairs(doc) == {("linezolid", "thrombocytopenia")}
    doc = _doc("Hypertension and obesity were risk factors for lithium-induced nephropathy.",
               [("Hypertension", "CONDITION"), ("obesity", "PHENOTYPE"), ("lithium", "DRUG"),
                ("nephropathy", "CONDITION")])
    assert _pairs(doc) == {("lithium", "nephropathy")}


def test_a_drug_the_disease_progressed_on_caused_nothing_in_the_sentence():
    doc = _doc("Lung cancer after progression on gefitinib was treated with osimertinib.",
               [("Lung cancer", "CONDITION"), ("gefitinib", "DRUG"), ("osimertinib", "DRUG")])
    assert not {p for p in _pairs(doc) if p[0] == "gefitinib"}


def test_a_finding_glued_by_hyphens_to_a_word_of_control_is_improved_not_caused():
    text = ("In patients with mild asthma, as-needed formoterol provided superior asthma-symptom "
            "control to as-needed terbutaline, assessed according to recorded weeks with "
            "well-controlled asthma, but was inferior to budesonide maintenance therapy.")
    doc = _doc(text, [("asthma", "CONDITION"), ("formoterol", "DRUG"), ("asthma", "CONDITION"),
                      ("terbutaline", "DRUG"), ("asthma", "CONDITION"), ("budesonide", "DRUG")])
    assert _pairs(doc) == set()


def test_both_partners_of_a_hyphenated_or_slashed_combination_carry_its_harm():
    from handmade import claims_of

    for text, ents in [
            ("Acute kidney injury developed after piperacillin-tazobactam was started.",
             [("Acute kidney injury", "CONDITION"), ("piperacillin", "DRUG"),
              ("tazobactam", "DRUG")]),
            ("He developed a rash while on trimethoprim/sulfamethoxazole.",
             [("rash", "CONDITION"), ("trimethoprim", "DRUG"), ("sulfamethoxazole", "DRUG")])]:
        harms = {c.subject.label for c in claims_of(text, ents) if c.kind == "adverse_effect"}
        assert harms == {ents[1][0], ents[2][0]}


def test_a_condition_listed_with_an_indication_is_one_too():
    from litkg.extract.claims_relations import _is_indication
    from handmade import annotated

    text = "Etelcalcetide has been used in adults with primary HPT or secondary HPT due to CKD."
    doc = annotated(text, [("Etelcalcetide", "DRUG"), ("primary HPT", "CONDITION"),
                           ("secondary HPT", "CONDITION"), ("CKD", "CONDITION")])[0]
    sent = doc[:]
    conds = [e for e in doc.ents if e.label_ == "CONDITION"]
    assert [_is_indication(doc, sent, c) for c in conds] == [True, True, False]


def test_a_condition_that_led_to_a_treatment_is_its_indication(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})  # whatever the model says
    doc = _doc("She had atrial fibrillation and a stroke, leading to long-term treatment with "
               "apixaban.", [("atrial fibrillation", "CONDITION"), ("stroke", "CONDITION"),
                             ("apixaban", "DRUG")])
    assert _pairs(doc) == set()  # the whole list led to the treatment
    doc = _doc("Sepsis requiring vasopressor therapy with norepinephrine developed.",
               [("Sepsis", "CONDITION"), ("norepinephrine", "DRUG")])
    assert _pairs(doc) == set()
    # the drug leading to the condition is the harm
    doc = _doc("Apixaban led to a stroke.", [("Apixaban", "DRUG"), ("stroke", "CONDITION")])
    assert _pairs(doc) == {("Apixaban", "stroke")}


def test_conditions_in_parenthesis_after_an_arm_share_its_harm_link():
    # a list in parentheses after "the X group" names that arm's harms, however far the cue
    doc = _doc("Adverse events were recorded more frequently among participants allocated to the "
               "velbaxin group (rash, nausea, somnolence and tinnitus) than in controls.",
               [("velbaxin", "DRUG"), ("rash", "CONDITION"), ("nausea", "CONDITION"),
                ("somnolence", "CONDITION"), ("tinnitus", "CONDITION")])
    pairs = _pairs(doc)
    assert {("velbaxin", c) for c in ("rash", "nausea", "somnolence", "tinnitus")} <= pairs


def test_parenthesis_after_an_arm_without_harm_is_no_harm():
    doc = _doc("Participants in the velbaxin group (n = 40) had asthma.",
               [("velbaxin", "DRUG"), ("asthma", "CONDITION")])
    assert ("velbaxin", "asthma") not in _pairs(doc)


def test_blockade_of_a_finding_is_a_benefit_but_a_channel_blockade_may_cause_one():
    doc = _doc("Significant blockade of cocaine toxicity was observed with the higher dose of "
               "zorbex.", [("cocaine", "DRUG"), ("toxicity", "CONDITION"), ("zorbex", "DRUG")])
    assert _pairs(doc) == {("cocaine", "toxicity")}  # the poisoning's cause stays named
    doc = _doc("Because zorbex also exhibits sodium channel blockade, cardiac toxicity is possible.",
               [("zorbex", "DRUG"), ("cardiac toxicity", "CONDITION")])
    assert _pairs(doc) == {("zorbex", "cardiac toxicity")}


def test_a_drug_coordinated_with_the_cause_of_a_compound_shares_it(monkeypatch):
    _with_model(monkeypatch, {"BIAS": -10.0})
    doc = _doc("Calcium channel blockers relieve zorbamide or quinotil-induced migraine.",
               [("zorbamide", "DRUG"), ("quinotil", "DRUG"), ("migraine", "CONDITION")])
    assert _pairs(doc) == {("zorbamide", "migraine"), ("quinotil", "migraine")}
    # a condition before the "and" is no partner of the cause
    doc = _doc("Fever and quinotil-induced migraine were seen.",
               [("Fever", "CONDITION"), ("quinotil", "DRUG"), ("migraine", "CONDITION")])
    assert _pairs(doc) == {("quinotil", "migraine")}


def test_a_hedged_cause_after_the_condition_overrides_the_admitted_for_frame(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("A man was admitted for severe hepatic necrosis thought to be due to zorbamide.",
               [("hepatic necrosis", "CONDITION"), ("zorbamide", "DRUG")])
    assert rel._cause_follows(doc, doc.ents[0], [doc.ents[1]])
    assert _pairs(doc) == {("zorbamide", "hepatic necrosis")}


def test_patients_with_an_associated_condition_are_no_indication(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Zorbamide infusions in children with associated cardiac arrest.",
               [("Zorbamide", "DRUG"), ("cardiac arrest", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "cardiac arrest")}
    doc = _doc("Zorbamide given to children with cardiac arrest.",
               [("Zorbamide", "DRUG"), ("cardiac arrest", "CONDITION")])
    assert _pairs(doc) == set()


def test_a_response_of_another_condition_is_no_remedy_of_the_first(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("A case of purpura occurring as an allergic response to zorbamide therapy.",
               [("purpura", "CONDITION"), ("allergic", "CONDITION"), ("zorbamide", "DRUG")])
    assert ("zorbamide", "purpura") in _pairs(doc)
    # the change word said of the condition itself still names its remedy
    doc = _doc("A case of purpura with a good response to zorbamide therapy.",
               [("purpura", "CONDITION"), ("zorbamide", "DRUG")])
    assert _pairs(doc) == set()


def test_a_cause_phrase_names_the_drug_of_its_condition_and_no_other(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("A child given velbaxin plus quinotil developed hepatitis caused by zorbamide.",
               [("velbaxin", "DRUG"), ("quinotil", "DRUG"), ("hepatitis", "CONDITION"),
                ("zorbamide", "DRUG")])
    assert _pairs(doc) == {("zorbamide", "hepatitis")}
    # the drug that names the condition stays: an interaction ("W toxicity due to X")
    doc = _doc("Velbaxin toxicity due to zorbamide and quinotil.",
               [("Velbaxin", "DRUG"), ("toxicity", "CONDITION"), ("zorbamide", "DRUG"),
                ("quinotil", "DRUG")])
    assert _pairs(doc) == {("Velbaxin", "toxicity"), ("zorbamide", "toxicity"),
                           ("quinotil", "toxicity")}
    # a combination glued by a hyphen is named as a whole
    doc = _doc("Velbaxin was given; hepatitis caused by zorbamide-quinotil followed.",
               [("Velbaxin", "DRUG"), ("hepatitis", "CONDITION"), ("zorbamide", "DRUG"),
                ("quinotil", "DRUG")])
    assert rel._named_causes(doc, doc.ents[1], [doc.ents[0], doc.ents[2], doc.ents[3]]) == \
        [doc.ents[2], doc.ents[3]]


def test_an_x_induced_compound_ends_at_a_preposition_or_another_condition(monkeypatch):
    _with_model(monkeypatch, {"BIAS": -10.0})
    doc = _doc("Zorbamide-induced lupus in Crohn's disease.",
               [("Zorbamide", "DRUG"), ("lupus", "CONDITION"), ("Crohn's disease", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "lupus")}
    doc = _doc("Zorbamide-induced severe acute hepatitis.",
               [("Zorbamide", "DRUG"), ("hepatitis", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "hepatitis")}
    # a list after the compound shares its cause
    doc = _doc("Zorbamide-induced neutropenia and sepsis.",
               [("Zorbamide", "DRUG"), ("neutropenia", "CONDITION"), ("sepsis", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "neutropenia"), ("Zorbamide", "sepsis")}


def test_an_overdose_is_how_a_drug_was_taken_not_its_harm(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Zorbamide overdose in children with associated cardiac arrest.",
               [("Zorbamide", "DRUG"), ("overdose", "CONDITION"), ("cardiac arrest", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "cardiac arrest")}


def test_a_class_noun_after_a_demonstrative_restates_the_named_drug(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Rash with zorbamide resembles the rash reported with this tricyclic antidepressant.",
               [("Rash", "CONDITION"), ("zorbamide", "DRUG"), ("rash", "CONDITION"),
                ("antidepressant", "DRUG")])
    assert {d for d, _ in _pairs(doc)} == {"zorbamide"}
    doc = _doc("Rash was reported with this antidepressant.",
               [("Rash", "CONDITION"), ("antidepressant", "DRUG")])
    assert _pairs(doc) == {("antidepressant", "Rash")}  # no named drug to restate


def test_a_finding_that_names_only_harm_is_no_effect_of_its_own(monkeypatch):
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Zorbamide may cause severe side effects.", [("Zorbamide", "DRUG")])
    assert _pairs(doc) == set()
    doc = _doc("Zorbamide may cause severe skin effects.", [("Zorbamide", "DRUG")])
    assert _pairs(doc) == {("Zorbamide", "severe skin effects")}


def test_an_x_induced_compound_does_not_reach_past_a_verb_after_its_own_effect(monkeypatch):
    _with_model(monkeypatch, {"BIAS": -10.0})
    doc = _doc("Zorbamide-induced nephropathy suggests an allergy.",
               [("Zorbamide", "DRUG"), ("nephropathy", "CONDITION"), ("allergy", "CONDITION")])
    assert _pairs(doc) == {("Zorbamide", "nephropathy")}


def test_a_condition_on_a_drug_is_linked_by_a_rule_cue(monkeypatch):
    # "Y on X (and Z)": "on" right after the condition names what it came on, for the whole
    # list of drugs; p = 0.5 exactly passes only with a rule cue
    _with_model(monkeypatch, {"BIAS": 0.0}, {"with_rule": 0.4, "alone": 0.6})
    doc = _doc("A woman with severe hepatotoxicity on isoniazid and rifampicin was seen.",
               [("hepatotoxicity", "CONDITION"), ("isoniazid", "DRUG"), ("rifampicin", "DRUG")])
    assert _pairs(doc) == {("isoniazid", "hepatotoxicity"), ("rifampicin", "hepatotoxicity")}
    # "on" far from the condition links nothing by itself
    doc = _doc("Hyperuricemia was discussed with the patients on isoniazid.",
               [("Hyperuricemia", "CONDITION"), ("isoniazid", "DRUG")])
    assert _pairs(doc) == set()


def test_conditions_describing_the_patient_are_no_harm_however_long_the_phrase(monkeypatch):
    # "a woman with severe chronic plaque Y1 with Y2": the description of the patient (its
    # noun phrase, and a condition joined to it by "with"), not what the drug did
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("A 45-year-old woman with severe chronic plaque psoriasis with arthritis developed "
               "hepatitis three weeks after starting leflunomide.",
               [("psoriasis", "CONDITION"), ("arthritis", "CONDITION"), ("hepatitis", "CONDITION"),
                ("leflunomide", "DRUG")])
    assert _pairs(doc) == {("leflunomide", "hepatitis")}
    # a verb ends the description: what the patient experienced may be the harm
    doc = _doc("A woman with psoriasis who experienced hepatitis after leflunomide was seen.",
               [("psoriasis", "CONDITION"), ("hepatitis", "CONDITION"), ("leflunomide", "DRUG")])
    assert _pairs(doc) == {("leflunomide", "hepatitis")}


def test_conditions_before_a_treatment_title_colon_are_its_indication(monkeypatch):
    # "Y1 and Y2 in Z: treatment with X": the colon introduces how the conditions were treated
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Refractory vasculitis and uveitis in children: treatment with infliximab.",
               [("vasculitis", "CONDITION"), ("uveitis", "CONDITION"), ("infliximab", "DRUG")])
    assert _pairs(doc) == set()
    # ... while the drug named as the cause in the title stays the cause
    doc = _doc("Ciprofloxacin-induced vasculitis: treatment with prednisolone.",
               [("Ciprofloxacin", "DRUG"), ("vasculitis", "CONDITION"), ("prednisolone", "DRUG")])
    assert _pairs(doc) == {("Ciprofloxacin", "vasculitis")}


def test_a_condition_ending_the_object_of_a_remedy_verb_is_no_harm(monkeypatch):
    # "X abolished the persistent digitalis-toxic Y": Y ends the noun phrase the verb takes
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("An infusion of velbax abolished the persistent digitalis-toxic tachycardia.",
               [("velbax", "DRUG"), ("tachycardia", "CONDITION")])
    assert _pairs(doc) == set()
    # a preposition ends the phrase: "abolished the pain of Y" says nothing of Y
    doc = _doc("Velbax abolished the pain but caused severe nocturnal tachycardia.",
               [("Velbax", "DRUG"), ("tachycardia", "CONDITION")])
    assert _pairs(doc) == {("Velbax", "tachycardia")}


def test_a_drug_that_raised_the_risk_of_a_condition_caused_it_whatever_the_model_says(monkeypatch):
    # a model that believes no pair: the grammar of "X increased the risk of Y" still holds
    _with_model(monkeypatch, {}, {"with_rule": 0.99, "alone": 0.99})
    ents = [("Zelorant", "DRUG"), ("nephritis", "CONDITION")]
    assert _pairs(_doc("Zelorant increased the risk of nephritis.", ents)) == {
        ("Zelorant", "nephritis")}
    assert _pairs(_doc("Zelorant significantly raised the odds of nephritis.", ents)) == {
        ("Zelorant", "nephritis")}
    assert _pairs(_doc("Zelorant reduced the risk of nephritis.", ents)) == set()


def test_a_drug_inside_the_patients_description_ends_it_as_an_indication(monkeypatch):
    """"patients with severe zorbamide reactions": what follows a drug in the description is
    that drug's reaction, not a condition the patients were treated for."""
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Velbaxin was given to frail patients with severe acute zorbamide neuropathy.",
               [("Velbaxin", "DRUG"), ("zorbamide", "DRUG"), ("neuropathy", "CONDITION")])
    assert ("zorbamide", "neuropathy") in _pairs(doc)
    # without a drug in it, the description still names the indication
    doc = _doc("Velbaxin was given to frail patients with severe acute neuropathy.",
               [("Velbaxin", "DRUG"), ("neuropathy", "CONDITION")])
    assert _pairs(doc) == set()


def test_a_finding_a_drugs_second_verb_lowered_is_improved_not_caused(monkeypatch):
    """"X improved Y1 and diminished cell Y2": the object of a lowering verb, past the
    modifiers of its noun phrase and in a verb coordinated with the drug's first verb, went
    down under the drug; it is no harm of it, whatever the classifier says."""
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Velbaxin restored barrier integrity and attenuated neuronal apoptosis.",
               [("Velbaxin", "DRUG"), ("apoptosis", "CONDITION")])
    assert _pairs(doc) == set()
    doc = _doc("Velbaxin markedly reduced hepatic necrosis.",
               [("Velbaxin", "DRUG"), ("necrosis", "CONDITION")])
    assert _pairs(doc) == set()
    # a participle in a list of findings still names one ("nausea and decreased appetite")
    doc = _doc("Velbaxin caused nausea and decreased renal clearance.",
               [("Velbaxin", "DRUG"), ("nausea", "CONDITION")])
    assert ("Velbaxin", "decreased renal clearance") in _pairs(doc) or \
        ("Velbaxin", "nausea") in _pairs(doc)


def test_a_drug_named_inside_a_changed_level_is_no_cause_of_it(monkeypatch):
    """"depressed plasma zorbin": a drug's name inside the finding is the level that changed;
    the exposure before it is the candidate cause."""
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Rats exposed to velbaxin had depressed plasma zorbin.",
               [("velbaxin", "DRUG"), ("zorbin", "DRUG")])
    assert _pairs(doc) == {("velbaxin", "depressed plasma zorbin")}


def test_a_comparative_after_and_is_no_verb_shared_with_the_drug(monkeypatch):
    # "X caused massive Y in A and less extensive Y in B": "less" sizes Y, it lowers nothing
    _with_model(monkeypatch, {"BIAS": 10.0})
    doc = _doc("Velbaxin caused massive calcinosis in old rats and less extensive calcinosis "
               "in young rats.", [("Velbaxin", "DRUG"), ("calcinosis", "CONDITION"),
                                  ("calcinosis", "CONDITION")])
    assert ("Velbaxin", "calcinosis") in _pairs(doc)
    assert not claims_benefit._conjunct_verb(doc, 8)


def test_a_drug_the_finding_was_treated_with_is_its_remedy_not_its_cause():
    from handmade import claims_of

    for text in ("She developed shingles, which was treated with drug X.",
                 "She developed shingles, for which drug X was started."):
        claims = claims_of(text, [("shingles", "CONDITION"), ("drug X", "DRUG")])
        assert not [c for c in claims if c.kind == "adverse_effect"], text


def test_a_drug_class_associated_with_an_increased_risk_is_a_harm():
    from handmade import claims_of

    # a class noun ("... inhibitors") is a harm's subject as often as a drug name is
    for text in ("Xanthine oxidase inhibitors were associated with an increased risk of gout.",
                 "Xanthine oxidase inhibitor use was associated with an increased risk of gout."):
        drug = text.split(" use")[0] if " use " in text else text.split(" were")[0]
        claims = claims_of(text, [(drug, "DRUG"), ("gout", "CONDITION")])
        assert [(c.kind, c.object.label) for c in claims] == [("adverse_effect", "gout")], text


def test_a_verb_of_onset_ends_the_indications_list():
    """"received X for Y1 and developed Y2": Y2 came on the drug; it is no second indication
    listed with Y1."""
    doc = _doc("A woman received zolmadine for preterm labor and developed pulmonary edema.",
               [("zolmadine", "DRUG"), ("preterm labor", "CONDITION"),
                ("pulmonary edema", "CONDITION")])
    assert ("zolmadine", "pulmonary edema") in _pairs(doc)
    assert ("zolmadine", "preterm labor") not in _pairs(doc)


def test_a_condition_counted_in_episodes_that_decreased_is_no_harm():
    doc = _doc("Apnea episodes decreased from 12 to 3 per day with zolmadine.",
               [("Apnea", "CONDITION"), ("zolmadine", "DRUG")])
    assert _pairs(doc) == set()
    doc = _doc("Seizure frequency fell with zolmadine.", [("Seizure", "CONDITION"), ("zolmadine", "DRUG")])
    assert _pairs(doc) == set()
