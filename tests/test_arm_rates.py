"""Event rates given per arm (litkg.extract.arm_rates) and the claims they decide."""

from handmade import annotated

from litkg.extract.arm_rates import arm_rates, no_difference_between_arms, rate_direction
from litkg.extract.claims import extract_claims
from litkg.models import Document

_ARMS = {"DRUG", "PROCEDURE"}
TEXT = ("Heart failure occurred in 237 patients (10.0%) in the dapagliflozin group and in 326 "
        "patients (13.7%) in the placebo group.")


def _doc(text, ents):
    return annotated(text, ents)[0]


def _ents(doc):
    return list(doc.ents)


def test_each_percentage_takes_the_arm_named_after_it():
    doc = _doc(TEXT, [("Heart failure", "CONDITION"), ("dapagliflozin", "DRUG"),
                      ("placebo", "PROCEDURE")])
    got = [(arm.text, rate) for arm, rate in arm_rates(doc[:], _ents(doc), _ARMS)]
    assert got == [("dapagliflozin", 10.0), ("placebo", 13.7)]
    drug = _ents(doc)[1]
    assert rate_direction(doc[:], _ents(doc), drug, _ARMS, lambda e: e.text.lower()) == \
        ("decreased", 10.0)


def test_counts_of_a_denominator_are_rates_and_a_count_with_its_percentage_one_rate():
    text = ("Wound infection occurred in 2 of 60 patients in the tranexamic acid group and 11/60 "
            "in the placebo group.")
    doc = _doc(text, [("Wound infection", "CONDITION"), ("tranexamic acid", "DRUG"),
                      ("placebo", "PROCEDURE")])
    got = [(arm.text, rate) for arm, rate in arm_rates(doc[:], _ents(doc), _ARMS)]
    assert got == [("tranexamic acid", 3.3), ("placebo", 18.3)]
    text = "Nausea occurred in 12 of 60 patients (20%) in the X group and 5 of 60 (8%) in the Y group."
    doc = _doc(text, [("Nausea", "CONDITION"), ("X", "DRUG"), ("Y", "DRUG")])
    assert [r for _, r in arm_rates(doc[:], _ents(doc), _ARMS)] == [20.0, 8.0]


def test_a_rate_after_an_arm_counted_after_its_drug():
    text = "Residual blockade occurred in 2% of patients after sugammadex and 21% after neostigmine."
    doc = _doc(text, [("Residual blockade", "CONDITION"), ("sugammadex", "DRUG"), ("neostigmine", "DRUG")])
    got = [(arm.text, rate) for arm, rate in arm_rates(doc[:], _ents(doc), _ARMS)]
    assert got == [("sugammadex", 2.0), ("neostigmine", 21.0)]


def test_one_rate_alone_gives_no_direction():
    text = "Interstitial lung disease occurred in 4% of patients receiving osimertinib."
    doc = _doc(text, [("Interstitial lung disease", "CONDITION"), ("osimertinib", "DRUG")])
    assert [r for _, r in arm_rates(doc[:], _ents(doc), _ARMS)] == [4.0]
    drug = _ents(doc)[1]
    assert rate_direction(doc[:], _ents(doc), drug, _ARMS, lambda e: e.text.lower()) is None


def test_fewer_events_than_placebo_is_a_benefit_not_a_harm():
    doc = _doc(TEXT, [("Heart failure", "CONDITION"), ("dapagliflozin", "DRUG"),
                      ("placebo", "PROCEDURE")])
    claims = extract_claims(doc, Document(id="t", text=TEXT))
    got = [(c.kind, c.subject.label, c.object.label, c.direction) for c in claims]
    assert got == [("outcome", "dapagliflozin", "Heart failure", "decreased")]


def test_more_events_of_the_studied_finding_are_the_arms_outcome_not_its_harm():
    from handmade import claims_of

    # (the helper annotates a phrase's first occurrence: the title writes the drugs capitalised)
    title = "Effect of Ondansetron versus Metoclopramide on postoperative nausea and vomiting"
    body = "Nausea occurred in 22% with ondansetron and 38% with metoclopramide (p = 0.013)."
    ents = [("ondansetron", "DRUG"), ("metoclopramide", "DRUG"),
            ("postoperative nausea and vomiting", "CONDITION"), ("Nausea", "CONDITION")]
    got = {(c.kind, c.subject.label, c.direction) for c in claims_of(f"{title}\n\n{body}", ents, title)
           if c.object.label == "Nausea"}
    assert got == {("outcome", "ondansetron", "decreased"), ("outcome", "metoclopramide", "increased")}
    # in a trial of something else, the arm with more nausea has it as a harm
    other = "Effect of Ondansetron versus Metoclopramide on recovery"
    ents[2] = ("recovery", "CONDITION")
    got = {(c.kind, c.subject.label) for c in claims_of(f"{other}\n\n{body}", ents, other)
           if c.object.label == "Nausea"}
    assert ("adverse_effect", "metoclopramide") in got
    # a cause glued to the studied finding names the finding, it does not make the study a harm's
    glued = "Ondansetron versus Metoclopramide for reversal of opioid-induced nausea"
    ents[2] = ("opioid-induced nausea", "CONDITION")
    got = {(c.kind, c.subject.label) for c in claims_of(f"{glued}\n\n{body}", ents, glued)
           if c.object.label == "Nausea"}
    assert ("outcome", "metoclopramide") in got
    # nor when the title studies the finding as a harm
    harm = "Association of Ondansetron versus Metoclopramide with postoperative nausea and vomiting"
    ents[2] = ("postoperative nausea and vomiting", "CONDITION")
    got = {(c.kind, c.subject.label) for c in claims_of(f"{harm}\n\n{body}", ents, harm)
           if c.object.label == "Nausea"}
    assert ("adverse_effect", "metoclopramide") in got


def test_a_harm_that_did_not_differ_between_arms_is_unchanged():
    text = ("The frequency of hypoglycemia with dapagliflozin did not differ between treatment "
            "groups.")
    doc = _doc(text, [("hypoglycemia", "CONDITION"), ("dapagliflozin", "DRUG")])
    assert no_difference_between_arms(doc[:], _ents(doc)[0])
    claims = extract_claims(doc, Document(id="t", text=text))
    assert [(c.kind, c.direction) for c in claims if c.object.label == "hypoglycemia"] == \
        [("outcome", "unchanged")]


def test_rates_given_respectively_pair_with_the_arms_in_order():
    text = ("Vomiting occurred in 12% and 4% of children in the ketamine and midazolam groups, "
            "respectively.")
    doc = _doc(text, [("Vomiting", "PHENOTYPE"), ("ketamine", "DRUG"), ("midazolam", "DRUG")])
    got = [(arm.text, rate) for arm, rate in arm_rates(doc[:], _ents(doc), _ARMS)]
    assert got == [("ketamine", 12.0), ("midazolam", 4.0)]
    claims = extract_claims(doc, Document(id="t", text=text))
    got = sorted((c.kind, c.subject.label, c.direction, dict(c.statistic_items).get("percent"))
                 for c in claims)
    assert got == [("adverse_effect", "ketamine", None, 12.0),
                   ("outcome", "midazolam", "decreased", 4.0)]


def test_a_harm_whose_ratio_interval_holds_one_is_unchanged_with_its_ratio():
    text = ("With tranexamic acid the incidence of thrombosis was not increased (risk ratio 1.12; "
            "95% CI 0.71 to 1.77).")
    doc = _doc(text, [("tranexamic acid", "DRUG"), ("thrombosis", "CONDITION")])
    claims = extract_claims(doc, Document(id="t", text=text))
    got = [(c.kind, c.direction, dict(c.statistic_items).get("rr")) for c in claims
           if c.object.label == "thrombosis"]
    assert got == [("outcome", "unchanged", 1.12)]


def test_a_finding_less_frequent_in_its_own_clause_is_a_fall():
    text = ("Hypotension was more frequent with sacubitril/valsartan (14.0% vs. 9.2%), whereas "
            "hyperkalemia and cough were less frequent.")
    doc = _doc(text, [("Hypotension", "CONDITION"), ("sacubitril", "DRUG"), ("valsartan", "DRUG"),
                      ("hyperkalemia", "CONDITION")])
    hypotension, hyperkalemia = _ents(doc)[0], _ents(doc)[3]
    from litkg.extract.arm_rates import less_frequent
    assert less_frequent(doc[:], hyperkalemia) and not less_frequent(doc[:], hypotension)


def test_a_combination_is_one_arm():
    text = ("Death occurred in 914 patients (21.8%) in the sacubitril/valsartan group and in 1117 "
            "patients (26.5%) in the enalapril group.")
    doc = _doc(text, [("Death", "CONDITION"), ("sacubitril", "DRUG"), ("valsartan", "DRUG"),
                      ("enalapril", "DRUG")])
    valsartan = _ents(doc)[2]
    assert rate_direction(doc[:], _ents(doc), valsartan, _ARMS, lambda e: e.text.lower()) == \
        ("decreased", 21.8)


def test_a_difference_between_sexes_is_no_drug_effect():
    text = "With PBDE, males had higher plasma T4 levels than females (p = 0.04)."
    claims = extract_claims(_doc(text, [("PBDE", "DRUG"), ("T4", "ANALYTE")]),
                            Document(id="t", text=text))
    assert [c for c in claims if c.kind == "outcome"] == []
    text = "With PBDE, plasma T4 levels were higher than with vehicle (p = 0.04)."
    claims = extract_claims(_doc(text, [("PBDE", "DRUG"), ("T4", "ANALYTE")]),
                            Document(id="t", text=text))
    assert [(c.object.label, c.direction) for c in claims if c.kind == "outcome"] == [("T4", "increased")]


def test_one_outcomes_rates_per_arm_give_its_direction_for_the_non_comparator_arm():
    text = ("The incidences of cough were 9.2% and 40.8% in Group A (propofol) and Group B "
            "(placebo) respectively (P = 0.04).")
    doc = _doc(text, [("cough", "CONDITION"), ("propofol", "DRUG"), ("placebo", "PROCEDURE")])
    claims = extract_claims(doc, Document(id="t", text=text))
    got = [(c.kind, c.subject.label, c.object.label, c.direction, dict(c.statistic_items).get("percent"))
           for c in claims]
    assert got == [("outcome", "propofol", "cough", "decreased", 9.2)]


def test_rates_without_a_test_give_no_direction_and_a_nonsignificant_test_gives_none_either():
    # (without a test the arm's rate is still its outcome, with no direction)
    for tail, expected in (("", [("cough", None)]), (" (P = 0.34)", [("cough", "unchanged")])):
        text = "The incidence of cough was 12% in the propofol group and 16% in the placebo group" + tail + "."
        doc = _doc(text, [("cough", "CONDITION"), ("propofol", "DRUG"), ("placebo", "PROCEDURE")])
        claims = extract_claims(doc, Document(id="t", text=text))
        assert [(c.object.label, c.direction) for c in claims if c.kind == "outcome"] == expected


def test_of_those_receiving_names_the_arm():
    text = ("A response was achieved by 38% of patients receiving dupilumab and 10% of those "
            "receiving placebo (P<0.001).")
    doc = _doc(text, [("dupilumab", "DRUG"), ("placebo", "PROCEDURE")])
    assert [(a.text, r) for a, r in arm_rates(doc[:], _ents(doc), _ARMS)] == \
        [("dupilumab", 38.0), ("placebo", 10.0)]


def test_the_size_of_a_change_per_arm_is_no_rate_of_events():
    text = "NT-proBNP decreased by 18% with empagliflozin and increased by 4% with placebo (P = 0.01)."
    doc = _doc(text, [("NT-proBNP", "ANALYTE"), ("empagliflozin", "DRUG"), ("placebo", "PROCEDURE")])
    assert arm_rates(doc[:], _ents(doc), _ARMS) == []
    claims = extract_claims(doc, Document(id="t", text=text))
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == \
        [("empagliflozin", "decreased")]


def test_people_grouped_by_a_trait_are_no_arms_but_treated_and_untreated_are():
    from litkg.extract.pipeline import extract_document
    from litkg.models import Document, DocumentMetadata

    title = "Fluid status in hemodialysis patients"

    def outcomes(sentence):
        text = f"{title}\n\nAll patients received hemodialysis. {sentence}"
        claims = extract_document(Document(id="t", text=text,
                                           metadata=DocumentMetadata(title=title))).claims
        return [(c.object.label, c.direction) for c in claims if c.kind == "outcome"]

    assert outcomes("Weight gain was not different between hypovolemic, normovolemic, and "
                    "hypervolemic patients.") == []
    assert outcomes("HbA1c did not differ between treated and untreated patients.") == [
        ("hba1c", "unchanged")]


def test_a_plain_value_per_arm_compares_as_a_rate_and_is_no_percent():
    from handmade import claims_of

    text = ("The mean change in the symptom score was -22.8 with drug A and -20.2 with "
            "placebo (P=0.007).")
    claims = claims_of(text, [("symptom score", "ENDPOINT"), ("drug A", "DRUG"),
                              ("placebo", "PROCEDURE")])
    assert [(c.subject.label, c.object.label, c.direction, dict(c.statistic_items))
            for c in claims if c.kind == "outcome"] == [
        ("drug A", "symptom score", "decreased", {"p": 0.007})]


def test_the_size_of_a_fall_per_arm_is_a_negative_value():
    from handmade import claims_of

    # the larger fall is with drug A: "decreased by 21.4 ... and by 17.0" are falls, not levels
    text = ("At week 4 the symptom score had decreased by 21.4 points with drug A and by 17.0 "
            "points with placebo (P = 0.02).")
    claims = claims_of(text, [("symptom score", "ENDPOINT"), ("drug A", "DRUG"),
                              ("placebo", "PROCEDURE")])
    assert [(c.subject.label, c.direction) for c in claims if c.kind == "outcome"] == [
        ("drug A", "decreased")]


def test_rates_given_respectively_with_no_arm_named_are_the_previous_sentence_s_arms():
    text = ("Patients were given drug A or placebo. Remission rates were 69% and 59%, "
            "respectively.")
    doc = _doc(text, [("drug A", "DRUG"), ("placebo", "PROCEDURE"), ("Remission rates", "ENDPOINT")])
    second = list(doc.sents)[1]
    got = arm_rates(second, [e for e in doc.ents if e.start >= second.start], {"DRUG", "PROCEDURE"})
    assert [(arm.text, rate) for arm, rate in got] == [("drug A", 69.0), ("placebo", 59.0)]


def test_rates_of_treated_people_versus_controls_compare_the_study_drug_with_its_control():
    from litkg.extract.pipeline import extract_document
    from litkg.models import Document, DocumentMetadata

    title = "Topical timolol for infantile hemangioma: a cohort study"
    text = (f"{title}\n\nSixty infants were treated with timolol and compared with 40 untreated "
            "infants. Complete clearance was seen in 23% of controls versus 78% of treated "
            "infants (P<0.001).")
    claims = extract_document(Document(id="t", text=text,
                                       metadata=DocumentMetadata(title=title))).claims
    assert [(c.subject.label, c.object.label, c.direction) for c in claims
            if c.kind == "outcome"] == [("timolol", "clearance", "increased")]


def test_a_value_per_arm_with_its_unit_word_compares_the_arms():
    text = "The mean duration of fever was 3.1 days with everolimus and 5.2 days with placebo " \
           "(p = 0.01)."
    doc = _doc(text, [("fever", "CONDITION"), ("everolimus", "DRUG"), ("placebo", "PROCEDURE")])
    claims = extract_claims(doc, Document(id="t", text=text))
    got = [(c.kind, c.subject.label, c.object.label, c.direction) for c in claims]
    assert got == [("outcome", "everolimus", "fever", "decreased")]


def test_a_value_per_arm_with_its_interval_compares_the_arms_and_is_also_measured():
    # the value's interval may stand between it and its arm, and the interval's "95%" is no
    # rate; the values measured do not keep the sentence from comparing the arms
    text = "Median (95% confidence interval) fever clearance time was 92 hours (84-114 hours) " \
           "with zelomycin and 138 hours (105-164 hours) with placebo (p < 0.001)."
    doc = _doc(text, [("fever clearance time", "ANALYTE"), ("zelomycin", "DRUG"),
                      ("placebo", "PROCEDURE")])
    claims = extract_claims(doc, Document(id="t", text=text))
    got = [(c.subject.label, c.object.label, c.direction) for c in claims if c.kind == "outcome"]
    assert got == [("zelomycin", "fever clearance time", "decreased")]


def test_a_p_value_written_as_one_token_is_no_entity():
    from spacy.tokens import Span

    from litkg.extract.span_filters import trim_edges

    doc = _doc("It was 24 weeks versus 22 weeks (p=0.41).", [])
    span = Span(doc, 8, 9, label="CONDITION")
    assert span.text == "p=0.41" and trim_edges(span) is None


def test_a_percentage_of_the_group_a_drug_names_is_that_arms_rate():
    # "4.7% of the X group": the people counted are the arm's
    text = "Stroke occurred in 4.7% of the ticagrelor group and 6.8% of the placebo group."
    doc = _doc(text, [("Stroke", "CONDITION"), ("ticagrelor", "DRUG"), ("placebo", "PROCEDURE")])
    got = [(arm.text, rate) for arm, rate in arm_rates(doc[:], _ents(doc), _ARMS)]
    assert got == [("ticagrelor", 4.7), ("placebo", 6.8)]
    claims = extract_claims(doc, Document(id="t", text=text))
    assert [(c.kind, c.direction) for c in claims if c.object.label.lower() == "stroke"] == \
        [("outcome", "decreased")]


def test_a_harm_the_drug_caused_less_of_is_a_fall_not_a_harm():
    for text in ("Compared with glimepiride, zelagliptin caused less hypoglycaemia.",
                 "Zelagliptin caused fewer episodes of hypoglycaemia than glimepiride."):
        doc = _doc(text, [("glimepiride", "DRUG"), ("zelagliptin", "DRUG"),
                          ("hypoglycaemia", "CONDITION")] if text.startswith("Compared") else
                   [("Zelagliptin", "DRUG"), ("hypoglycaemia", "CONDITION"), ("glimepiride", "DRUG")])
        claims = extract_claims(doc, Document(id="t", text=text))
        got = {(c.kind, c.subject.label.lower(), c.direction) for c in claims
               if c.object.label.lower() == "hypoglycaemia"}
        assert got == {("outcome", "zelagliptin", "decreased")}, text


def test_counts_with_thousands_and_a_ratio_holding_one_are_no_difference():
    from handmade import claims_of

    text = ("Fractures occurred in 769 of 12,927 participants in the drug X group and 782 of "
            "12,944 in the placebo group (hazard ratio 0.98; 95% CI 0.89 to 1.08).")
    claims = claims_of(text, [("Fractures", "CONDITION"), ("drug X", "DRUG"),
                              ("placebo", "PROCEDURE")])
    assert [(c.kind, c.subject.label, c.direction) for c in claims] == [
        ("outcome", "drug X", "unchanged")]


def test_rates_listed_respectively_reach_the_arms_of_the_sentence_before():
    """"Death occurred in 4.7% and 6.8%, respectively" after a sentence naming the arms: the
    first arm's rate is its outcome, without a direction when nothing tests the difference,
    with the direction of a ratio's interval when one follows."""
    arms = "Patients were randomly assigned to zolmadine or velbaxin. "
    ents = [("zolmadine", "DRUG"), ("velbaxin", "DRUG"), ("Stroke", "CONDITION")]
    for tail, direction in (("", None), (" (hazard ratio 0.68; 95% CI, 0.52 to 0.88)",
                                         "decreased")):
        text = arms + "Stroke occurred in 4.7% and 6.8%, respectively" + tail + "."
        claims = extract_claims(_doc(text, ents), Document(id="t", text=text))
        got = [(c.subject.label, c.object.label, c.direction, dict(c.statistic_items).get("percent"))
               for c in claims if c.kind == "outcome"]
        assert got == [("zolmadine", "Stroke", direction, 4.7)], tail


def test_a_single_arm_studys_rates_are_its_interventions_outcomes_without_direction():
    text = ("We conducted a single-arm phase II trial of zolmadine in 45 adults with melanoma. "
            "The overall response rate was 62% and a complete response rate of 31% was observed.")
    ents = [("zolmadine", "DRUG"), ("melanoma", "CONDITION"),
            ("overall response rate", "ENDPOINT"), ("complete response rate", "ENDPOINT")]
    claims = extract_claims(_doc(text, ents), Document(id="t", text=text))
    got = {(c.subject.label, c.object.label, c.direction, dict(c.statistic_items).get("percent"))
           for c in claims if c.kind == "outcome"}
    assert got == {("zolmadine", "overall response rate", None, 62.0),
                   ("zolmadine", "complete response rate", None, 31.0)}
    # a comparison named anywhere makes the rates no single arm's
    compared = text.replace("We conducted a single-arm phase II trial of zolmadine",
                            "We conducted a phase II trial of zolmadine versus placebo")
    claims = extract_claims(_doc(compared, ents), Document(id="t", text=compared))
    assert not [c for c in claims if c.kind == "outcome"]


def test_people_allocated_or_assigned_to_an_arm_name_it():
    text = ("Eclampsia occurred in 0.8% of women allocated zolmadine and 1.9% of those allocated "
            "placebo (P<0.001).")
    doc = _doc(text, [("Eclampsia", "CONDITION"), ("zolmadine", "DRUG"), ("placebo", "PROCEDURE")])
    assert [(a.text, r) for a, r in arm_rates(doc[:], _ents(doc), _ARMS)] == \
        [("zolmadine", 0.8), ("placebo", 1.9)]
    claims = extract_claims(doc, Document(id="t", text=text))
    assert [(c.kind, c.subject.label, c.direction) for c in claims] == \
        [("outcome", "zolmadine", "decreased")]
    text = "Stroke occurred in 2.1% of patients randomized to zolmadine and 3.5% of those randomized to velbaxin."
    doc = _doc(text, [("Stroke", "CONDITION"), ("zolmadine", "DRUG"), ("velbaxin", "DRUG")])
    assert [(a.text, r) for a, r in arm_rates(doc[:], _ents(doc), _ARMS)] == \
        [("zolmadine", 2.1), ("velbaxin", 3.5)]


def test_rates_of_a_findings_end_give_its_course_not_a_harm():
    """"Vomiting stopped in 86% of children given X and 65% of those given placebo": more
    stopping with X is an improvement of vomiting, not vomiting as X's harm."""
    text = ("Vomiting stopped in 86% of children given zolmadine and 65% of those given placebo "
            "(P<0.001).")
    doc = _doc(text, [("Vomiting", "PHENOTYPE"), ("zolmadine", "DRUG"), ("placebo", "PROCEDURE")])
    claims = extract_claims(doc, Document(id="t", text=text))
    assert [(c.kind, c.subject.label, c.direction) for c in claims] == \
        [("outcome", "zolmadine", "improved")]
