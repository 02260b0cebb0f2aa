"""Results of a study of one arm (litkg.extract.claims with arm_rates.single_arm_study): rates
and harms that name no drug are the study intervention's.  Entities are set by hand; every
sentence is new."""

from handmade import hand_claims as _claims

DESIGN = "A phase II study of zolmadine in adults with gout. Thirty-four patients were treated. "


def test_an_objective_response_rate_is_a_result_not_an_aim():
    text = DESIGN + "The objective response rate was 41%."
    claims = _claims(text, [("zolmadine", "DRUG"), ("gout", "CONDITION"),
                            ("objective response rate", "ENDPOINT")])
    assert [(c.subject.label, c.object.label, c.direction, dict(c.statistic_items))
            for c in claims if c.kind == "outcome"] == \
        [("zolmadine", "objective response rate", None, {"percent": 41.0})]
    # the aim itself stays no finding
    text = DESIGN + "The objective was a response rate of 41%."
    claims = _claims(text, [("zolmadine", "DRUG"), ("gout", "CONDITION"),
                            ("response rate", "ENDPOINT")])
    assert not [c for c in claims if c.kind == "outcome"]


def test_a_condition_named_as_the_most_common_graded_adverse_event_is_a_harm():
    text = DESIGN + "Anemia was the most common grade 3 adverse event (18%)."
    claims = _claims(text, [("zolmadine", "DRUG"), ("gout", "CONDITION"), ("Anemia", "CONDITION")])
    assert [(c.subject.label, c.object.label) for c in claims if c.kind == "adverse_effect"] == \
        [("zolmadine", "anemia")]
