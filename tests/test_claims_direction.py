"""The masked direction classifier (litkg.extract.claims_direction) and the Evidence Inference
matching it is measured with (litkg.evaluate.evidence_inference).  Texts are new sentences
written for these tests, not benchmark wording; Docs are built by hand."""

import pytest
import spacy

from litkg.evaluate import evidence_inference as ei
from litkg.extract import claims_direction as cd
from litkg.extract.claims import extract_claims
from litkg.extract.context import make_context  # noqa: F401 (registers litkg_context)
from litkg.extract.extensions import register_extensions
from litkg.models import Document

needs_model = pytest.mark.skipif(cd.load_model() is None,
                                 reason="direction model not installed (scripts/train_direction_model.py)")


def _claims(text, ents):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("litkg_context")
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    doc.ents = [doc.char_span(text.index(p), text.index(p) + len(p), label=lab) for p, lab in ents]
    for e in doc.ents:
        e._.concept_label = e.text.lower()
    doc = nlp.get_pipe("litkg_context")(doc)
    return extract_claims(doc, Document(id="d", text=text))


def _direction(claims, obj, subject):
    found = [c.direction for c in claims if c.kind == "outcome" and c.object.label == obj
             and c.subject.label == subject]
    assert found, [(c.kind, c.subject.label, c.object.label, c.direction) for c in claims]
    return found[0]


def test_mask_replaces_arms_and_outcome_and_generic_comparators():
    text = "Itch was milder with lotion A than with vehicle."
    at = text.index("lotion A")
    masked = cd.mask(text, [(0, 4, cd.OUT), (at, at + 8, cd.INT)])
    # (itch is an adverse outcome: its polarity token follows the placeholder)
    assert masked.split() == ["zzout", cd.ADV, "was", "milder", "with", "zzint", "than", "with",
                              "zzcmp", "."]
    # the longer span wins an overlap ("non-ARB" over its "ARB"), the outcome wins any; a
    # named comparator keeps generic words as they are
    text = "ACR fell with non-ARB drugs and placebo"
    at = text.index("non-ARB")
    masked = cd.mask(text, [(at + 4, at + 7, cd.INT), (at, at + 7, cd.CMP), (0, 3, cd.OUT)])
    assert masked.split() == ["zzout", "fell", "with", "zzcmp", "drugs", "and", "placebo"]
    masked = cd.mask("rash rate", [(0, 9, cd.INT), (0, 4, cd.OUT)])
    assert masked.split() == ["zzout", cd.ADV, "rate"]


def test_skeleton_keeps_the_order_of_the_arms():
    a = cd.features("zzout was lower in zzint than in zzcmp")
    b = cd.features("zzout was lower in zzcmp than in zzint")
    assert "sk:down_int_than_cmp" in a and "sk:down_int_than_cmp" not in b
    assert "sk:down_cmp_than_int" in b


def test_p_value_classes():
    assert cd.p_classes("p < 0.001") == {"p_sig"}
    assert cd.p_classes("(p = 0.21)") == {"p_ns"}
    assert cd.p_classes("P=0.05") == {"p_ns"}
    assert cd.p_classes("p = 0.03 and p > 0.5") == {"p_sig", "p_ns"}
    assert cd.p_classes("no p-value here") == set()


def test_number_pair_read_in_the_order_the_arms_are_named():
    assert "numpair:int_lower" in cd.features("zzout was 12 in zzint vs 20 in zzcmp")
    assert "numpair:int_higher" in cd.features("zzout was 12 in zzcmp vs 20 in zzint")
    assert not [f for f in cd.features("zzout was 12 vs 20 in zzint") if f.startswith("numpair")]


@needs_model
def test_classifier_reads_the_sign_from_the_order_of_the_arms():
    text = "Wheeze scores were significantly lower in the {} group than in the {} group (p < 0.01)."
    first = text.format("montelukast", "placebo")
    second = text.format("placebo", "montelukast")
    out = (0, len("Wheeze scores"), cd.OUT)
    drug = lambda t: (t.index("montelukast"), t.index("montelukast") + 11, cd.INT)  # noqa: E731
    assert cd.predict(first, [out, drug(first)])[0] == "decreased"
    assert cd.predict(second, [out, drug(second)])[0] == "increased"
    same = "Wheeze scores did not differ between montelukast and placebo (p = 0.48)."
    assert cd.predict(same, [out, drug(same)])[0] == "unchanged"


@needs_model
def test_classified_direction_is_not_flipped_twice_by_arm_order():
    # the masked classifier already reads "lower in placebo than in X" for X
    text = ("Nausea scores were significantly lower in the placebo group than in the "
            "ondansetron group (p < 0.01).")
    claims = _claims(text, [("Nausea scores", "ANALYTE"), ("placebo", "DRUG"),
                            ("ondansetron", "DRUG")])
    assert _direction(claims, "nausea scores", "ondansetron") == "increased"
    text = "Ondansetron significantly lowered nausea scores compared with placebo (p < 0.01)."
    claims = _claims(text, [("Ondansetron", "DRUG"), ("nausea scores", "ANALYTE"),
                            ("placebo", "DRUG")])
    assert _direction(claims, "nausea scores", "ondansetron") == "decreased"


@needs_model
def test_a_drug_listed_with_the_credited_one_is_its_arm_not_its_comparator():
    # "A or B" added to a base drug share the change; neither is read as the other's comparator
    text = ("Adding ketamine or clonidine to caudal levobupivacaine significantly prolonged the "
            "duration of analgesia in children.")
    claims = _claims(text, [("ketamine", "DRUG"), ("clonidine", "DRUG"),
                            ("duration of analgesia", "ANALYTE")])
    assert _direction(claims, "duration of analgesia", "ketamine") == "increased"


def test_listed_with_leaves_out_arms_that_are_compared():
    register_extensions()
    nlp = spacy.blank("en")
    doc = nlp("Y did not differ between A and B , while C or D lowered Z .")
    doc.ents = [spacy.tokens.Span(doc, i, i + 1, label="DRUG") for i in (5, 7, 10, 12)]
    ents = list(doc.ents)
    assert cd.listed_with(doc[:], ents[0], ents, {"DRUG"}) == []
    assert cd.listed_with(doc[:], ents[2], ents, {"DRUG"}) == [ents[3]]


def test_arm_order_defers_to_a_recorded_orientation():
    nlp = spacy.blank("en")
    doc = nlp("Y was lower with placebo than with X .")
    sent, drug = doc[:], doc[7:8]
    # no record: the comparator is named first, so X's sign flips
    assert cd.arm_order("decreased", sent, 0, drug, [doc[4:5], drug]) == "increased"
    cd.oriented(doc)[(0, 7, "decreased")] = "int"
    assert cd.arm_order("decreased", sent, 0, drug, [doc[4:5], drug]) == "decreased"


def test_arm_order_finds_than_after_a_long_outcome_name():
    # the outcome's name puts "than" more than 20 tokens after the clause start; the first arm
    # ("for the placebo group (58.1%)") is short, so X is still the second arm and its sign flips
    nlp = spacy.blank("en")
    doc = nlp("The retention rate over the 52-week open-label safety extension period of the "
              "trial was lower for the placebo group (58.1%) than for the X groups (71.0%).")
    x = next(i for i, t in enumerate(doc) if t.text == "X")
    placebo = next(i for i, t in enumerate(doc) if t.text == "placebo")
    drug = doc[x:x + 1]
    assert cd.arm_order("decreased", doc[:], 0, drug, [doc[placebo:placebo + 1], drug]) == "increased"
    # "than" far from the comparative belongs to another comparison: no flip
    doc = nlp("Y was lower for the placebo group at week twelve of the study in the patients "
              "who had been enrolled at the first site, though more often than X in others.")
    x = next(i for i, t in enumerate(doc) if t.text == "X")
    placebo = next(i for i, t in enumerate(doc) if t.text == "placebo")
    drug = doc[x:x + 1]
    assert cd.arm_order("decreased", doc[:], 0, drug, [doc[placebo:placebo + 1], drug]) == "decreased"


def test_locate_tells_arms_apart_and_finds_letter_labels():
    text = "Ileus was shorter after double dose MTX than single dose MTX, and in group B than group A."
    found = [text[s:e] for s, e in ei._locate(text, "double dose of MTX", "single dose of MTX")]
    assert found == ["double dose MTX"]
    found = [text[s:e] for s, e in ei._locate(text, "Group B: early feeding", "Group A: late feeding")]
    assert found == ["group B"]


def test_locate_finds_an_arm_by_its_own_word_beside_an_exact_match():
    # the arm is given in full once, then called "the heparin-alone group": "alone" is the
    # comparator's own word, so that run names it, though it is no drug name
    text = ("Patients received heparin plus a fibrinolytic or heparin alone. Right ventricular "
            "pressure was higher in the heparin-alone group than in the fibrinolytic group.")
    arm, other = "heparin alone", "heparin plus a fibrinolytic"
    found = [text[s:e] for s, e in ei._locate(text, arm, other)]
    assert found == ["heparin alone", "heparin-alone"]
    # a run whose only own word is a number does not name an arm
    text = "Patients received lidocaine 10 mg or lidocaine 20 mg; lidocaine 20 was stopped."
    found = [text[s:e] for s, e in ei._locate(text, "lidocaine 20 mg", "lidocaine 10 mg")]
    assert found == ["lidocaine 20 mg"]


def _prompt(intervention, comparator, outcome):
    return ei.Prompt("p", "1", outcome, intervention, comparator, "decreased")


def test_subject_naming_only_the_comparator_is_not_the_intervention():
    p = _prompt("health check plus lifestyle coaching", "health check only", "weight")
    assert ei._about_intervention("health check plus coaching", p)
    assert not ei._about_intervention("health check only", p)
    assert ei._about_intervention("nebivolol", _prompt("nebivolol 5 mg", "placebo", "heart rate"))


def test_select_direction_prefers_the_claim_on_the_prompt_outcome():
    from litkg.models import Claim, Concept, Evidence

    def claim(obj, direction):
        sentence = "Diastolic and systolic blood pressure differed between groups (p < 0.05)."
        return Claim(doc="d", kind="outcome", subject=Concept(label="nebivolol"),
                     object=Concept(label=obj), direction=direction,
                     evidence=Evidence(sentence=sentence, start=0, end=len(sentence)))

    hits = [claim("systolic blood pressure", "increased"), claim("heart rate", "increased"),
            claim("diastolic blood pressure", "decreased")]
    p = _prompt("nebivolol", "placebo", "diastolic blood pressure")
    assert ei.select_direction(hits, p) == "decreased"


@needs_model
def test_improved_between_arms_gets_a_sign_but_narration_keeps_improved():
    ents = [("Walking distance", "ANALYTE"), ("cilostazol", "DRUG"), ("placebo", "DRUG")]
    text = "Walking distance improved significantly more with cilostazol than with placebo (p < 0.01)."
    assert _direction(_claims(text, ents), "walking distance", "cilostazol") == "increased"
    text = "After cilostazol her walking distance improved."
    claims = _claims(text, [("cilostazol", "DRUG"), ("walking distance", "ANALYTE")])
    assert _direction(claims, "walking distance", "cilostazol") == "improved"


def test_softmax_gives_probabilities_and_survives_large_scores():
    from litkg.extract.logistic import softmax

    probs = softmax([1000.0, 999.0, -5.0])
    assert abs(sum(probs) - 1.0) < 1e-12 and probs[0] > probs[1] > probs[2]
    assert softmax([0.0, 0.0]) == [0.5, 0.5]


def test_confidence_intervals_are_read_against_their_null_value():
    assert cd.ci_classes("or 0.51 (95% ci 0.36-0.74)") == ["ci:ratio_below"]
    assert cd.ci_classes("hazard ratio 1.10 (95% ci 0.90 to 1.34)") == ["ci:ratio_ns"]
    assert cd.ci_classes("mean difference -3.1 (95% confidence interval; −5.2, −1.0)") == ["ci:diff_below"]
    assert cd.ci_classes("difference 2 (95% ci -0.3 to 0.8)") == ["ci:diff_ns"]


def test_each_arm_value_is_compared():
    feats = cd.features("zzout was 36 % in zzint vs 20 % in zzcmp")
    assert "armval:int_higher" in feats
    feats = cd.features("zzout : zzcmp ( 14.2 ± 3 ) and zzint ( 9.8 ± 2 )")
    assert "armval:int_lower" in feats


def test_an_arm_value_before_the_arm_is_the_value_not_its_spread():
    # "41.2 (9.8) in zzint": the spread in brackets follows the value it belongs to
    feats = cd.features("zzout was 41.2 ( 9.8 ) in zzint and 37.5 ( 12.6 ) in zzcmp")
    assert "armval:int_higher" in feats
    assert "armval:int_lower" not in feats


def test_respectively_pairs_values_with_arms_in_the_order_written():
    feats = cd.features("zzout was 4.1 ± 0.9 and 6.3 ± 1.2 in the zzint and zzcmp groups, "
                        "respectively")
    assert "resp:int_lower" in feats
    feats = cd.features("for zzcmp and zzint, zzout was 18.5 (4.2) and 24.0 (3.9), respectively")
    assert "resp:int_higher" in feats
    assert cd._respective_values("zzout was 1,350 and 980 in zzint and zzcmp, respectively") \
        == ["resp:int_higher"]


def test_of_two_respectively_lists_the_outcome_reads_its_own():
    # the arms are named with the first list; the outcome's values are the second list's
    text = ("relapse was 12% and 30% in zzint and zzcmp, respectively (p < 0.05), and zzout "
            "was 80% and 55%, respectively (p < 0.05)")
    assert cd._respective_values(text) == ["resp:int_higher"]
    text = ("zzout was 12% and 30% in zzint and zzcmp, respectively (p < 0.05), and survival "
            "was 80% and 55%, respectively (p < 0.05)")
    assert cd._respective_values(text) == ["resp:int_lower"]


def test_respectively_with_more_values_than_arms_is_left_alone():
    # three values for two masked arms: which value is whose cannot be told
    assert cd._respective_values("zzout was 8, 11 and 14 in zzint, zzcmp and the third arm, "
                                 "respectively") == []
    assert cd._respective_values("zzout was 8 and 11 in zzint, respectively") == []


def test_a_double_dummy_arm_is_not_a_generic_comparator():
    from litkg.extract import claims_interventions as interventions

    nlp = spacy.blank("en")
    doc = nlp("Patients got valomistat plus placebo tablets or placebo tablets alone .")
    assert not interventions.generic_comparator(doc[2:6])
    assert interventions.generic_comparator(doc[7:9])


def _claim(subject, obj, direction, sentence="Y differed between the groups (p < 0.05)."):
    from litkg.models import Claim, Concept, Evidence

    return Claim(doc="d", kind="outcome", subject=Concept(label=subject), object=Concept(label=obj),
                 direction=direction, evidence=Evidence(sentence=sentence, start=0, end=len(sentence)))


def test_prompt_hits_take_a_null_difference_credited_to_the_comparator():
    p = _prompt("nebivolol", "atenolol", "heart rate")
    # no difference between the arms holds whichever arm it is credited to ...
    assert [c.direction for c in ei.prompt_hits([_claim("atenolol", "heart rate", "unchanged")], p)] \
        == ["unchanged"]
    # ... but the comparator's own change may be from baseline: it answers nothing
    assert ei.prompt_hits([_claim("atenolol", "heart rate", "decreased")], p) == []
    # "improved" matches (select_direction reads it with the outcome's polarity)
    assert [c.direction for c in ei.prompt_hits([_claim("nebivolol", "heart rate", "improved")], p)] \
        == ["improved"]
    own = _claim("nebivolol", "heart rate", "decreased")
    assert ei.prompt_hits([own, _claim("atenolol", "heart rate", "unchanged")], p) == [own]


def test_an_arm_named_by_its_letter_label_is_the_intervention():
    # "lower in the Group D": the label is too short a word to share with the prompt's arm
    p = _prompt("Group D received tolvexin 0.04 mg/kg", "Group S received saline", "nausea")
    own = _claim("Group D", "nausea", "decreased")
    assert ei.prompt_hits([own], p) == [own]
    # the comparator's label, or a label the prompt does not give, is not the intervention
    assert ei.prompt_hits([_claim("Group S", "nausea", "decreased")], p) == []
    assert ei.prompt_hits([_claim("Group B", "nausea", "decreased")], p) == []


def test_the_intervention_group_by_its_generic_name_answers_a_prompt_against_a_control():
    text = ("ABSTRACT.RESULTS:\nThe amount of saturated fat purchased by the intervention group "
            "was 0.7% lower than in the control group (p < 0.001).\n")
    p = _prompt("fully automated tailored shopping advice", "control received general advice",
                "amount of saturated fat")
    claims = [c for c in ei.prompt_entity_claims(text, [p], Document(id="d", text=text))
              if c.kind == "outcome" and c.direction]
    assert [c.direction for c in ei.prompt_hits(claims, p)] == ["decreased"]
    # against another active arm "the treatment group" does not say which arm is meant
    other = _prompt("tailored advice", "general advice", "amount of saturated fat")
    assert not ei.generic_arm("the intervention group", other)
    assert ei.generic_arm("the intervention group", p)


def test_an_outcome_is_also_found_by_its_abbreviation_alone():
    text = ("Left ventricular ejection fraction (LVEF) was measured at day 30. The mean LVEF was "
            "43.7% with tolvexin and 42.4% with placebo (P = 0.12).")
    phrase = "mean left ventricular ejection fraction (LVEF)"
    found = [text[s:e] for s, e in ei._locate(text, phrase, abbreviated=True)]
    assert found == ["Left ventricular ejection fraction (LVEF", "LVEF"]
    # without it, the longest run of the phrase's words sets the length every match needs
    assert [text[s:e] for s, e in ei._locate(text, phrase)] == \
        ["Left ventricular ejection fraction (LVEF"]
    p = _prompt("tolvexin", "placebo", phrase)
    claims = [c for c in ei.prompt_entity_claims(text, [p], Document(id="d", text=text))
              if c.kind == "outcome" and c.direction]
    assert [c.direction for c in ei.prompt_hits(claims, p)] == ["unchanged"]


def test_an_outcome_is_found_by_the_initials_of_its_words():
    assert {"QOL", "MST"} <= ei._initials("overall quality of life") | ei._initials(
        "the median survival time")
    text = "The MST was lower with tolvexin than with placebo (P = 0.016)."
    found = [text[s:e] for s, e in ei._locate(text, "median survival time", abbreviated=True)]
    assert found == ["MST"]
    # a capitalised word that is not the outcome's initials is not it
    assert ei._locate("The MRI was normal.", "median survival time", abbreviated=True) == []


def test_the_outcome_is_the_quantity_without_its_change_word():
    assert ei.measured_outcome("reduction in nocturnal cramps") == "nocturnal cramps"
    assert ei.measured_outcome("the mean decrease of serum urate") == "serum urate"
    assert ei.measured_outcome("improved grip strength") == "grip strength"
    # a change that is the quantity itself stays, and so does a phrase with nothing after it
    assert ei.measured_outcome("change in grip strength") == "change in grip strength"
    assert ei.measured_outcome("weight gain") == "weight gain"
    assert ei.measured_outcome("improvement") == "improvement"


def test_an_arm_is_found_by_the_drug_it_is_later_called_by():
    text = ("Tolvexin plus rest versus rest alone. Cramps were fewer with tolvexin, "
            "and 3 days of rest gave none.")
    found = [text[s:e] for s, e in ei._locate(text, "tolvexin plus rest", "rest alone")]
    assert found == ["Tolvexin plus rest", "tolvexin"]
    # dosing, schedule and participle words do not name an arm on their own
    text = "Kelmarin 20 mg given once daily was compared; those given saline daily fared worse."
    found = [text[s:e] for s, e in ei._locate(text, "Kelmarin 20 mg given once daily",
                                                "saline given once daily")]
    assert found == ["Kelmarin 20 mg given once daily"]
    assert ei._name_words("ointment prescribed twice daily", "placebo") == {"ointment"}


def test_select_direction_prefers_a_signed_claim_and_splits_ties_to_unchanged():
    p = _prompt("nebivolol", "placebo", "heart rate")
    hits = [_claim("nebivolol", "heart rate", d) for d in ("improved", "decreased")]
    assert ei.select_direction(hits, p) == "decreased"
    hits = [_claim("nebivolol", "heart rate", d) for d in ("decreased", "unchanged")]
    assert ei.select_direction(hits, p) == "unchanged"
    hits.append(_claim("nebivolol", "heart rate", "decreased"))
    assert ei.select_direction(hits, p) == "decreased"


def test_an_adverse_outcome_keeps_its_polarity_through_the_mask():
    text = "Joint pain improved more with balm than with vehicle."
    masked = cd.mask(text, [(0, 10, cd.OUT)])
    assert masked.split()[:2] == [cd.OUT, cd.ADV]
    feats = cd.features(masked)
    assert cd.ADV not in feats and "adverse|sk:out_good" in feats
    # a plain outcome gets the same wording under the other polarity
    feats = cd.features(cd.mask("Grip strength improved more with balm.", [(0, 13, cd.OUT)]))
    assert "plain|sk:out_good" in feats and not any(f.startswith("adverse|") for f in feats)


def test_valence_and_time_words_have_their_own_skeleton_classes():
    feats = cd.features("zzout was better with zzint")
    assert "sk:out_good_int" in feats
    feats = cd.features("zzout came earlier with zzint than with zzcmp")
    assert "sk:down_int_than_cmp" in feats


def test_an_arm_value_is_read_across_the_article():
    feats = cd.features("zzout occurred in 27 % in the zzint group vs 1 % in the zzcmp group")
    assert "armval:int_higher" in feats


def test_the_classifier_turns_no_rise_or_fall_into_no_change_without_a_word_for_it():
    from litkg.extract.claims_direction import null_evidence

    assert not null_evidence("Dapagliflozin reduced the risk of heart failure compared with placebo.")
    assert null_evidence("Pain was similar in both groups.")
    assert null_evidence("Pain did not differ (p = 0.41).")
    assert null_evidence("Mortality was lower with X (HR 0.91, 95% CI 0.80-1.04).")
    assert not null_evidence("Knowledge of the annotation improved.")  # "no" inside words
    # a null word inside another word or naming a kind of patient or dose is no null
    assert not null_evidence("In unstable angina, enoxaparin reduced ischaemia versus heparin.")
    assert not null_evidence("On stable doses of methotrexate, CRP fell with tocilizumab.")
    assert null_evidence("CRP remained stable with tocilizumab.")


@needs_model
def test_improvement_between_arms_is_signed_by_the_outcome_polarity():
    ents = [("joint pain", "ANALYTE"), ("balmorin", "DRUG"), ("placebo", "DRUG")]
    text = "On balmorin, significantly greater improvement in joint pain than placebo was seen."
    assert _direction(_claims(text, ents), "joint pain", "balmorin") == "decreased"
    ents = [("grip strength", "ANALYTE"), ("balmorin", "DRUG"), ("placebo", "DRUG")]
    text = "On balmorin, significantly greater improvement in grip strength than placebo was seen."
    assert _direction(_claims(text, ents), "grip strength", "balmorin") == "increased"
    assert cd.valence_sign("worsened", "pain score") == "increased"
    assert cd.valence_sign("worsened", "walking distance") == "decreased"


def test_the_time_until_a_harm_or_the_share_free_of_it_improves_when_it_rises():
    assert cd.valence_sign("improved", "time to recurrence within 48 h") == "increased"
    assert cd.valence_sign("improved", "relapse-free survival") == "increased"
    assert cd.valence_sign("worsened", "pain-free days") == "decreased"
    assert cd.valence_sign("improved", "recurrence within 48 h") == "decreased"


def test_a_harm_qualifying_the_outcome_head_does_not_set_its_polarity():
    # "fatigue-disrupted quality of life" is a quality of life: it improves when it rises
    assert cd.valence_sign("improved", "fatigue-disrupted quality of life") == "increased"
    assert cd.valence_sign("worsened", "pain-related physical function") == "decreased"
    # the head itself is still the harm
    assert cd.valence_sign("improved", "treatment-related adverse events") == "decreased"
    assert cd.valence_sign("improved", "pain-related disability") == "decreased"


def test_a_stand_in_model_replaces_the_shipped_one_inside_the_block_only():
    model = {"features": ["zzint"], "weights": [[0.0], [0.0], [5.0]], "bias": [0.0, 0.0, 0.0]}
    with cd.using_model(model):
        assert cd.predict("zzint was given")[0] == "unchanged"
        assert cd.predict("nothing known")[1] == pytest.approx(1 / 3)
    assert cd._STAND_INS == []


def test_a_null_before_a_contrast_is_not_said_of_the_outcome_after_it():
    # "no difference in A, although X significantly delayed B": the null is A's, not B's
    text = ("There was no difference between the two drugs in preventing wound dehiscence, "
            "although tolvexin significantly delayed the onset of fever (p = 0.02).")
    claims = _claims(text, [("wound dehiscence", "CONDITION"), ("tolvexin", "DRUG"),
                            ("onset of fever", "ANALYTE")])
    assert [c.direction for c in claims if c.kind == "outcome"
            and c.object.label == "onset of fever"] != ["unchanged"]
    # without the contrast the list's null still reaches every outcome it names
    text = ("There was no significant difference between tolvexin and placebo in wound "
            "dehiscence or onset of fever.")
    claims = _claims(text, [("tolvexin", "DRUG"), ("placebo", "DRUG"),
                            ("wound dehiscence", "CONDITION"), ("onset of fever", "ANALYTE")])
    assert _direction(claims, "onset of fever", "tolvexin") == "unchanged"


def test_own_clause_stops_at_a_contrast():
    nlp = spacy.blank("en")
    doc = nlp("There were no group differences in gait, except for a significant difference "
              "in stride length; cadence was similar.")
    stride = next(i for i, t in enumerate(doc) if t.text == "stride")
    own = cd.own_clause(doc[:], doc[stride:stride + 2])
    assert own.strip() == "for a significant difference in stride length"
    assert cd.own_clause(doc[:], doc[4:6]).startswith("There were no group differences")


@needs_model
def test_a_null_in_another_clause_does_not_make_a_significant_difference_null():
    # the classifier reads the whole sentence, whose first clause is a null: the outcome's own
    # clause says its difference was significant, so "unchanged" is not given to it
    text = ("There were no group differences in the gait variables, except for a significant "
            "group difference in stride length with tolvexin (p = 0.01).")
    claims = _claims(text, [("gait variables", "ANALYTE"), ("stride length", "ANALYTE"),
                            ("tolvexin", "DRUG")])
    assert "unchanged" not in [c.direction for c in claims if c.kind == "outcome"
                               and c.object.label == "stride length"]


def test_a_comparative_whose_first_arm_is_the_comparator_turns_with_versus_too():
    ents = [("ferritin", "ANALYTE"), ("placebo", "DRUG"), ("zolmadine", "DRUG")]
    for join in ("versus", "compared with"):
        text = f"Serum ferritin was higher in the placebo arm {join} the zolmadine arm."
        assert _direction(_claims(text, ents), "ferritin", "zolmadine") == "decreased"


@needs_model
def test_the_classifier_reads_no_null_where_neither_words_nor_figures_say_one():
    # the classifier reads "a difference in Y between the groups" as the frequent "no
    # difference"; with no null word and no figures in the sentence that reading is dropped
    text = "Zelorant resulted in a three-fold difference in HbA1c between the groups."
    claims = _claims(text, [("Zelorant", "DRUG"), ("HbA1c", "ANALYTE")])
    assert not [c for c in claims if c.kind == "outcome" and c.direction == "unchanged"]
    assert cd._NUMBER.search("HbA1c was 7.1% vs 7.3%") and not cd._NUMBER.search("HbA1c, IL-6, CD4")
