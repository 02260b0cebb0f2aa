"""Poisoning cases (litkg.extract.poisoning): the lab course after an overdose or ingestion
is the poison's, not the antidote's given after it; a recovery is the antidote's only when the
text says so.  Entities are set by hand; every sentence is new."""

from handmade import doc_with_ents
from handmade import hand_claims as _claims
from litkg.extract.context import make_context  # noqa: F401 (registers litkg_context)
from litkg.extract.poisoning import poison_mentions


def _outcomes(claims):
    return {(c.subject.label, c.object.label, c.direction) for c in claims if c.kind == "outcome"}


def test_the_poison_is_named_by_ingestion_overdose_or_toxicity_words():
    for text, poisoned in (("She ingested 40 tablets of zolmadine at home.", True),
                           ("He was admitted with zolmadine toxicity.", True),
                           ("A zolmadine overdose was suspected.", True),
                           ("An intentional overdose of zolmadine was reported.", True),
                           ("She had taken zolmadine for ten years.", False),
                           ("After ingesting oral zolmadine she felt dizzy.", False),
                           ("No zolmadine toxicity was seen.", False)):
        doc = doc_with_ents(text, [("zolmadine", "DRUG")], pipes=("sentencizer", "litkg_context"))
        assert bool(poison_mentions(doc)) is poisoned, text


def test_the_lab_course_after_an_antidote_is_given_is_the_poisons():
    text = ("A 19-year-old woman ingested 30 g of zolmadine. Velbaxin was started on admission. "
            "Creatinine rose to 4.2 mg/dL and ammonia increased to 180 umol/L on day 3.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("Velbaxin", "DRUG"),
                            ("Creatinine", "ANALYTE"), ("ammonia", "ANALYTE")])
    assert _outcomes(claims) == {("zolmadine", "creatinine", "increased"),
                                 ("zolmadine", "ammonia", "increased")}
    # the antidote named after the change, in a later clause, came after it
    text = ("A man ingested 30 g of zolmadine. Creatinine rose to 4.2 mg/dL; velbaxin was given "
            "and he recovered.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("Creatinine", "ANALYTE"),
                            ("velbaxin", "DRUG")])
    assert _outcomes(claims) == {("zolmadine", "creatinine", "increased")}


def test_a_recovery_is_the_antidotes_only_when_the_text_says_so():
    ents = [("zolmadine", "DRUG"), ("Creatinine", "ANALYTE"), ("Velbaxin", "DRUG"),
            ("creatinine", "ANALYTE")]
    said = ("A man ingested 30 g of zolmadine. Creatinine rose to 4.2 mg/dL on day 2. "
            "Velbaxin was given and creatinine decreased to 1.1 mg/dL.")
    assert ("velbaxin", "creatinine", "decreased") in _outcomes(_claims(said, ents))
    unsaid = ("A man ingested 30 g of zolmadine. Creatinine rose to 4.2 mg/dL on day 2. "
              "Velbaxin was given. Two days later creatinine decreased to 1.1 mg/dL.")
    assert _outcomes(_claims(unsaid, ents)) == {("zolmadine", "creatinine", "increased")}


def test_a_drug_outside_a_poisoning_keeps_the_narrated_course():
    text = "Velbaxin was started on admission. Creatinine rose to 4.2 mg/dL on day 3."
    claims = _claims(text, [("Velbaxin", "DRUG"), ("Creatinine", "ANALYTE")])
    assert _outcomes(claims) == {("velbaxin", "creatinine", "increased")}


def test_a_recovery_is_not_the_poisons_either():
    text = ("A man took an overdose of zolmadine. Lactate rose to 18 mmol/L on day 1. "
            "Hemodialysis was started. Lactate decreased to 2 mmol/L within 24 hours.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("Lactate", "ANALYTE"),
                            ("Hemodialysis", "PROCEDURE"), ("Lactate", "ANALYTE", 1)])
    assert _outcomes(claims) == {("zolmadine", "lactate", "increased")}


def test_a_harm_told_after_the_antidote_is_the_poisons():
    text = ("A woman was admitted with zolmadine toxicity. Velbaxin was given. "
            "She then developed complete heart block.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("Velbaxin", "DRUG"),
                            ("complete heart block", "CONDITION")])
    harms = {(c.subject.label, c.object.label) for c in claims if c.kind == "adverse_effect"}
    assert ("zolmadine", "complete heart block") in harms
    assert ("velbaxin", "complete heart block") not in harms


def test_a_level_measured_after_the_antidote_was_given_is_under_the_poison():
    text = ("A woman ingested 30 g of zolmadine. Velbaxin was started on admission. "
            "Her creatinine was 4.2 mg/dL on day 3.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("Velbaxin", "DRUG"), ("creatinine", "ANALYTE")])
    levels = [(c.subject.label, c.object.label) for c in claims if c.kind == "measurement"]
    assert levels == [("zolmadine", "creatinine")]


def test_a_widened_interval_is_the_poisons_and_its_narrowing_the_antidote_the_sentence_names():
    text = ("A girl ingested 40 tablets of zolmadine. Her QRS duration widened to 160 ms on "
            "arrival. Velbaxin was administered and the QRS duration narrowed to 100 ms.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("QRS duration", "ENDPOINT"),
                            ("Velbaxin", "DRUG"), ("QRS duration", "ENDPOINT", 1)])
    assert _outcomes(claims) == {("zolmadine", "qrs duration", "increased"),
                                 ("velbaxin", "qrs duration", "decreased")}
