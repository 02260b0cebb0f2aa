"""A harm the text denies ("X did not cause Y", "no evidence that X induced Y", "X was not
associated with (an increased risk of) Y", "Y was not caused by X") is one negated
adverse-effect claim X -> Y, whatever the wording, as "without causing Y" is; the ADE scorer
leaves negated claims out.  Entities are set by hand; every sentence is new."""

from handmade import hand_claims as _claims

ENTS = [("Zolmadine", "DRUG"), ("hypothyroidism", "CONDITION")]


def _harms(text, ents=ENTS):
    claims = _claims(text, ents)
    return claims, [c for c in claims if c.kind == "adverse_effect"]


def test_a_denied_causal_or_associative_link_is_a_negated_harm():
    for text in ("Zolmadine did not cause hypothyroidism.",
                 "There was no evidence that Zolmadine caused hypothyroidism.",
                 "Zolmadine was not associated with hypothyroidism.",
                 "Zolmadine was not associated with an increased risk of hypothyroidism.",
                 "Zolmadine did not induce hypothyroidism in these patients.",
                 "There was no association between Zolmadine use and hypothyroidism.",
                 "No case of hypothyroidism was attributed to Zolmadine."):
        claims, harms = _harms(text)
        assert [(c.subject.label, c.object.label, c.negated) for c in harms] == \
            [("zolmadine", "hypothyroidism", True)], text
        # the denial is not also an unchanged outcome of the same pair
        assert not [c for c in claims if c.kind == "outcome"], text


def test_a_negation_between_the_harm_and_its_drug_negates_the_pair():
    ents = [("Hypothyroidism", "CONDITION"), ("zolmadine", "DRUG")]
    for text in ("Hypothyroidism was not caused by zolmadine.",
                 "Hypothyroidism was not associated with zolmadine use."):
        _, harms = _harms(text, ents)
        assert harms and all(c.negated for c in harms), text


def test_an_affirmed_link_and_a_described_population_stay_as_they_were():
    _, harms = _harms("Zolmadine caused hypothyroidism.")
    assert [c.negated for c in harms] == [False]
    # a time word is no denied link: these patients are described, not harmed
    _, harms = _harms("Patients without hypothyroidism receiving Zolmadine were enrolled.",
                      [("hypothyroidism", "CONDITION"), ("Zolmadine", "DRUG")])
    assert not harms


def test_a_denial_after_the_verb_and_litotes():
    _, harms = _harms("Zolmadine caused no hypothyroidism.")
    assert [c.negated for c in harms] == [True]
    # "not an infrequent complication" affirms the harm
    _, harms = _harms("Hypothyroidism is not an infrequent complication in patients receiving "
                      "zolmadine.", [("Hypothyroidism", "CONDITION"), ("zolmadine", "DRUG")])
    assert [c.negated for c in harms] == [False]


def test_a_denial_in_another_clause_denies_no_link():
    # the causal verb is the first clause's; the denial is of something else
    _, harms = _harms("Zolmadine can induce hepatitis and suggests that there is no cross "
                      "hypothyroidism.", [("Zolmadine", "DRUG"), ("hepatitis", "CONDITION"),
                                          ("hypothyroidism", "CONDITION")])
    assert not [c for c in harms if c.object.label == "hypothyroidism" and c.negated]


def test_a_novelty_or_a_rarity_is_no_denial():
    """"X has not previously been reported to cause Y" is how a case report affirms its harm;
    "not frequently associated with Y" says it is rare."""
    for text in ("Zolmadine has not previously been reported to cause hypothyroidism.",
                 "Zolmadine, a drug not frequently associated with hypothyroidism, was given."):
        _, harms = _harms(text)
        assert [c.negated for c in harms] == [False], text


def test_a_negation_of_something_else_between_harm_and_drug_negates_nothing():
    ents = [("hypothyroidism", "CONDITION"), ("fever", "CONDITION"), ("zolmadine", "DRUG")]
    _, harms = _harms("She developed hypothyroidism without fever 7 months after zolmadine was "
                      "started.", ents)
    assert [(c.object.label, c.negated) for c in harms if c.object.label == "hypothyroidism"] == \
        [("hypothyroidism", False)]


def test_a_harm_a_single_arm_study_did_not_see_is_its_interventions_negated_harm():
    text = ("We conducted a single-arm phase II trial of zolmadine in adults with gout. "
            "No patient developed pneumonitis. Hypothyroidism was not observed.")
    claims = _claims(text, [("zolmadine", "DRUG"), ("gout", "CONDITION"),
                            ("pneumonitis", "CONDITION"), ("Hypothyroidism", "CONDITION")])
    harms = {(c.subject.label, c.object.label, c.negated) for c in claims
             if c.kind == "adverse_effect"}
    assert harms == {("zolmadine", "pneumonitis", True), ("zolmadine", "hypothyroidism", True)}


def test_a_participle_after_a_comma_denies_no_link_of_the_drug_before_it():
    ents = [("velbaxin", "DRUG"), ("gout", "CONDITION"), ("hypothyroidism", "CONDITION")]
    _, harms = _harms("The procedure treated post-velbaxin gout, causing no hypothyroidism.", ents)
    assert not [c for c in harms if c.subject.label == "velbaxin" and c.negated]
