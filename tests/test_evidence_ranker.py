"""The evidence ranker (litkg.evaluate.evidence_ranker): which claim matching an Evidence
Inference prompt reports the prompt's result, and the evaluator's reading of
"improved"/"worsened".  Texts are new sentences written for these tests."""

import pytest

from litkg.evaluate import evidence_inference as ei
from litkg.evaluate import evidence_ranker as rk
from litkg.models import Claim, Concept, Evidence

ABSTRACT = ("TITLE:\nTolvexin for night cramps\n\nABSTRACT.BACKGROUND:\nWe compared tolvexin "
            "with placebo.\n\nABSTRACT.RESULTS:\nCramp frequency was lower with tolvexin than "
            "with placebo (p = 0.01).\n\nABSTRACT.CONCLUSIONS:\nTolvexin may help.\n")


def _claim(sentence, direction="decreased", obj="cramp frequency", subject="tolvexin"):
    start = ABSTRACT.index(sentence)
    return Claim(doc="d", kind="outcome", subject=Concept(label=subject), object=Concept(label=obj),
                 direction=direction,
                 evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)))


def test_section_is_the_last_heading_before_the_sentence():
    assert rk.section_at(ABSTRACT, ABSTRACT.index("Tolvexin for")) == "title"
    assert rk.section_at(ABSTRACT, ABSTRACT.index("We compared")) == "background"
    assert rk.section_at(ABSTRACT, ABSTRACT.index("Cramp frequency")) == "results"
    assert rk.section_at(ABSTRACT, ABSTRACT.index("may help")) == "conclusion"
    assert rk.section_kind("Materials and methods") == "methods"
    assert rk.section_kind("Keywords") == "other"


def test_features_describe_a_between_arm_result():
    c = rk.candidates([_claim("Cramp frequency was lower with tolvexin than with placebo "
                              "(p = 0.01).")], ABSTRACT)[0]
    f = rk.features(c, "cramp frequency", "tolvexin 5 mg", "placebo", [c])
    assert {"sec=results", "pvalue", "between", "arms=11", "sim=1.00", "cover_obj=1.00",
            "dir=decreased", "sim_top"} <= set(f)
    assert "aim" not in f and "obj_extra" not in f


def test_features_of_an_aim_on_part_of_the_outcome():
    c = rk.Candidate("decreased", "tolvexin", "frequency", "We aimed to compare tolvexin with "
                     "placebo on cramp frequency and sleep.", "background")
    f = rk.features(c, "cramp frequency", "tolvexin", "placebo", [c])
    assert {"aim", "sec=background", "cover_obj=0.50", "cover_sent=1.00"} <= set(f)
    assert "pvalue" not in f and "sim=1.00" not in f


def test_claims_of_one_sentence_on_one_outcome_are_one_candidate():
    sentence = "Cramp frequency was lower with tolvexin than with placebo (p = 0.01)."
    assert len(rk.candidates([_claim(sentence), _claim(sentence)], ABSTRACT)) == 1


def test_the_gate_takes_the_best_candidate_and_answers_everything_without_a_model():
    results = _claim("Cramp frequency was lower with tolvexin than with placebo (p = 0.01).")
    aim = _claim("We compared tolvexin with placebo.", direction="unchanged")
    model = {"bias": -1.0, "weights": {"sec=results": 3.0, "sec=background": -2.0}}
    args = ("cramp frequency", "tolvexin", "placebo")
    assert rk.best_confidence([aim], ABSTRACT, *args, model=model) < 0.1
    assert rk.best_confidence([aim, results], ABSTRACT, *args, model=model) == \
        pytest.approx(1 / (1 + 2.718281828 ** -2.0))
    assert rk.best_confidence([], ABSTRACT, *args, model=model) == 1.0


@pytest.mark.skipif(rk.load_model() is None, reason="ranker not trained")
def test_the_shipped_model_prefers_the_reported_result_to_the_aim():
    results = _claim("Cramp frequency was lower with tolvexin than with placebo (p = 0.01).")
    aim = _claim("We compared tolvexin with placebo.", direction="unchanged")
    args = ("cramp frequency", "tolvexin", "placebo")
    assert rk.best_confidence([results], ABSTRACT, *args) > \
        rk.best_confidence([aim], ABSTRACT, *args)


def test_improved_is_read_with_the_polarity_of_the_outcome():
    assert ei.signed("improved", "night cramp pain") == "decreased"
    assert ei.signed("improved", "grip strength") == "increased"
    assert ei.signed("worsened", "mortality at 30 days") == "increased"
    assert ei.signed("unchanged", "pain") == "unchanged"


def test_the_ranker_chooses_among_equally_matching_claims():
    # two claims on the whole outcome in sentences the evaluator weighs alike (both name a
    # comparison): the majority splits them (to "unchanged"); the ranker's confidence decides
    within = _claim("Cramp frequency was lower with tolvexin than with placebo (p = 0.01).")
    null = _claim("We compared tolvexin with placebo.", direction="unchanged")
    p = ei.Prompt("1", "1", "cramp frequency", "tolvexin", "placebo", "decreased")
    assert ei.select_direction([within, null], p) == "unchanged"
    assert ei.select_direction([within, null], p, [0.8, 0.4]) == "decreased"
    assert ei.select_direction([within, null], p, [0.3, 0.4]) == "unchanged"


def test_matching_sentences_vote_with_the_rankers_confidence():
    # a result stated in the results and again in the conclusion outweighs one stray sentence
    # the ranker holds a little more likely than either
    results = _claim("Cramp frequency was lower with tolvexin than with placebo (p = 0.01).")
    conclusion = _claim("Tolvexin may help.")
    stray = _claim("We compared tolvexin with placebo.", direction="increased")
    p = ei.Prompt("1", "1", "cramp frequency", "tolvexin", "placebo", "decreased")
    assert ei.select_direction([results, conclusion, stray], p, [0.5, 0.45, 0.6]) == "decreased"
    # ... but two claims of one sentence are one reading of it, one vote
    again = _claim("Cramp frequency was lower with tolvexin than with placebo (p = 0.01).",
                   subject="tolvexin 10 mg")
    assert ei.select_direction([results, again, stray], p, [0.5, 0.5, 0.6]) == "increased"
    # ... and only the claims on what is most like the prompt's outcome vote
    other = _claim("Tolvexin may help.", obj="cramp")
    assert ei.select_direction([other, other, stray], p, [0.9, 0.9, 0.3]) == "increased"


def test_claim_confidences_follow_the_claims_and_their_candidates():
    results = _claim("Cramp frequency was lower with tolvexin than with placebo (p = 0.01).")
    aim = _claim("We compared tolvexin with placebo.", direction="unchanged")
    model = {"bias": -1.0, "weights": {"sec=results": 3.0, "sec=background": -2.0}}
    args = ("cramp frequency", "tolvexin", "placebo")
    got = rk.claim_confidences([aim, results, results], ABSTRACT, *args, model=model)
    assert got[1] == got[2] == pytest.approx(1 / (1 + 2.718281828 ** -2.0))
    assert got[0] < 0.1
    assert rk.claim_confidences([], ABSTRACT, *args, model=model) is None


def test_an_abstract_without_headings_is_not_its_title():
    # the body of an unstructured abstract follows the title after a blank line
    text = ("TITLE: \nTolvexin for night cramps\n\n\n\nWe compared tolvexin with placebo. "
            "Cramp frequency was lower with tolvexin.\n")
    assert rk.section_at(text, text.index("Tolvexin for")) == "title"
    assert rk.section_at(text, text.index("Cramp frequency")) == "other"
    # a heading written with a space after "ABSTRACT."
    text = "ABSTRACT. METHODS:\nWe compared.\n\nABSTRACT. RESULTS:\nCramps fell.\n"
    assert rk.section_at(text, text.index("We compared")) == "methods"
    assert rk.section_at(text, text.index("Cramps fell")) == "results"
