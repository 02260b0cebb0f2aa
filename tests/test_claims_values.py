"""Values of outcome and measurement claims: before -> after, units, and what has no unit.

Documents are built by hand with their entities, so these tests read the claim rules alone."""

from handmade import claims_of

from litkg.evaluate.claims import annotated_doc
from litkg.extract.claims import extract_claims
from litkg.models import Document


def _claims(text, ents):
    return [c for c in claims_of(text, ents) if c.kind in ("outcome", "measurement")]


def test_a_unitless_ratio_keeps_its_values_with_the_annotated_unit():
    text = "Five days after fluconazole was started, her INR rose from 2.4 to 8.9."
    (claim,) = _claims(text, [("fluconazole", "DRUG"), ("INR", "ANALYTE")])
    assert (claim.direction, claim.before, claim.after, claim.unit) == ("increased", 2.4, 8.9, "{INR}")
    (level,) = _claims("Her INR was 1.3 on admission.", [("INR", "ANALYTE")])
    assert (level.kind, level.value, level.unit) == ("measurement", 1.3, "{INR}")


def test_clotting_times_and_intervals_are_values_in_seconds_and_milliseconds():
    (level,) = _claims("The activated partial thromboplastin time was 58 seconds.",
                       [("activated partial thromboplastin time", "ANALYTE")])
    assert (level.kind, level.value) == ("measurement", 58.0)
    (level,) = _claims("Her QTc interval was 520 ms.", [("QTc interval", "ANALYTE")])
    assert (level.kind, level.value) == ("measurement", 520.0)


def test_a_value_with_no_unit_of_an_analyte_that_has_one_is_dropped():
    text = "After metformin was started, her creatinine rose from 0.9 to 3.2."
    (claim,) = _claims(text, [("metformin", "DRUG"), ("creatinine", "ANALYTE")])
    assert claim.direction == "increased" and claim.before is None and claim.after is None


def test_the_to_of_a_from_after_a_time_point_is_the_value_after():
    text = ("On vancomycin, his serum creatinine increased from 0.9 mg/dL at baseline to 3.2 "
            "mg/dL on day 9.")
    (claim,) = _claims(text, [("vancomycin", "DRUG"), ("serum creatinine", "ANALYTE")])
    assert (claim.before, claim.after, claim.unit) == (0.9, 3.2, "mg/dL")


def test_a_gene_in_a_drug_class_or_a_disease_subtype_is_no_outcome():
    text = ("Osimertinib versus standard EGFR tyrosine kinase inhibitors in EGFR-mutated lung "
            "cancer increased survival.")
    spans = [(0, 11, "DRUG", None), (text.index("EGFR"), text.index("EGFR") + 4, "TARGET", None),
             (text.rindex("EGFR"), text.rindex("EGFR") + 4, "TARGET", None)]
    doc = annotated_doc(text, spans)
    claims = extract_claims(doc, Document(id="t", text=text))
    assert [c.object.label for c in claims if c.kind == "outcome"] == []


def test_each_gene_of_a_slash_list_of_mutants_marks_a_subtype():
    text = ("Explants with a BRAF/KRAS/NRAS mutant genotype demonstrated increased sensitivity "
            "to Zelmacor.")
    spans = [(text.index(g), text.index(g) + 4, "TARGET", None) for g in ("BRAF", "KRAS", "NRAS")]
    spans.append((text.index("Zelmacor"), text.index("Zelmacor") + 8, "DRUG", None))
    doc = annotated_doc(text, spans)
    claims = extract_claims(doc, Document(id="t", text=text))
    assert [c.object.label for c in claims if c.kind == "outcome"] == []


def test_a_threshold_is_no_measured_value():
    text = "Thrombocytopenia was defined as a platelet count below 100 x 10^9/L."
    assert not [c for c in _claims(text, [("platelet count", "ANALYTE")]) if c.kind == "measurement"]
    # with a verb, the comparison word reports a value ("below the assay's limit")
    (level,) = _claims("Her CRP was below 5 mg/L.", [("CRP", "ANALYTE")])
    assert (level.kind, level.value) == ("measurement", 5.0)


def test_values_after_a_median_or_mean_are_the_values_before_and_after():
    text = "After osimertinib, CEA fell from a median of 48 ng/mL to a median of 6 ng/mL."
    (claim,) = _claims(text, [("osimertinib", "DRUG"), ("CEA", "ANALYTE")])
    assert (claim.direction, claim.before, claim.after, claim.unit) == ("decreased", 48.0, 6.0, "ng/mL")


def test_a_blood_pressure_reading_is_two_measurements():
    got = [(c.kind, c.object.label, c.value, c.unit)
           for c in _claims("Her blood pressure was 178/104 mmHg.", [("blood pressure", "ANALYTE")])]
    assert got == [("measurement", "systolic blood pressure", 178.0, "mmHg"),
                   ("measurement", "diastolic blood pressure", 104.0, "mmHg")]


def test_a_temperature_or_a_fever_with_its_reading_is_a_body_temperature_measurement():
    text = "On vancomycin she developed a fever of 39.2°C. Her temperature was 37.1 °C."
    got = [(c.object.label, c.object.id, c.value, c.unit) for c in _claims(text, [
        ("vancomycin", "DRUG"), ("fever", "PHENOTYPE"), ("temperature", "ANALYTE")])
        if c.kind == "measurement"]
    assert got == [("body temperature", "LOINC:8310-5", 39.2, "°C"),
                   ("body temperature", "LOINC:8310-5", 37.1, "°C")]
    # an incubator's 37 °C is no reading of a body
    assert not _claims("Cells were kept at a temperature of 4 °C.", [("temperature", "ENDPOINT")])


def test_a_change_between_two_blood_pressure_readings_gives_both_pressures_their_values():
    text = "After amlodipine, blood pressure fell from 160/95 to 135/85 mmHg."
    got = [(c.object.label, c.direction, c.before, c.after, c.unit)
           for c in _claims(text, [("amlodipine", "DRUG"), ("blood pressure", "ANALYTE")])]
    assert got == [("systolic blood pressure", "decreased", 160.0, 135.0, "mmHg"),
                   ("diastolic blood pressure", "decreased", 95.0, 85.0, "mmHg")]


def test_a_threshold_after_the_analyte_s_levels_is_no_measured_value():
    text = "Patients with total cholesterol levels below 200 mg/dl had more pneumonia."
    got = _claims(text, [("total cholesterol", "ANALYTE")])
    assert not [c for c in got if c.kind == "measurement"]
    text = "Serum ferritin concentrations lower than 30 µg/L defined iron deficiency."
    assert not [c for c in _claims(text, [("ferritin", "ANALYTE")]) if c.kind == "measurement"]


def test_a_cut_off_that_defines_a_condition_is_no_measured_value():
    text = "The incidence of 25(OH)D deficiency (< 30 ng/ml) was established."
    assert not _claims(text, [("25(OH)D", "ANALYTE")])
    text = "Vitamin D deficiency (25(OH)D < 20 ng/ml) was common."
    assert not _claims(text, [("Vitamin D deficiency", "CONDITION"), ("25(OH)D", "ANALYTE")])
    (level,) = _claims("Serum 25(OH)D was 12 ng/ml.", [("25(OH)D", "ANALYTE")])
    assert level.value == 12.0


def test_a_heart_rate_change_in_beats_per_minute_keeps_its_values():
    text = "After prednisolone, heart rate fell from 118 to 76 beats per minute."
    (claim,) = _claims(text, [("prednisolone", "DRUG"), ("heart rate", "ANALYTE")])
    assert (claim.direction, claim.before, claim.after) == ("decreased", 118.0, 76.0)
    (level,) = _claims("Her respiratory rate was 28 breaths/min.", [("respiratory rate", "ANALYTE")])
    assert (level.kind, level.value) == ("measurement", 28.0)


def test_a_gapped_second_clause_takes_the_verb_of_the_first_and_its_own_values():
    text = ("After lisinopril, serum sodium had fallen from 139 mmol/L to 128 mmol/L, and "
            "albumin from 41 to 33 g/L.")
    got = [(c.object.label, c.direction, c.before, c.after, c.unit) for c in _claims(
        text, [("lisinopril", "DRUG"), ("serum sodium", "ANALYTE"), ("albumin", "ANALYTE")])]
    assert got == [("serum sodium", "decreased", 139.0, 128.0, "mmol/L"),
                   ("albumin", "decreased", 41.0, 33.0, "g/L")]


def test_one_verb_with_a_change_per_arm_gives_each_arm_its_own_values():
    text = ("Albumin increased from 2.9 to 3.8 g/dL with drug A and from 3.0 to 2.7 g/dL with "
            "drug B (P<0.001).")
    got = [(c.subject.label, c.direction, c.before, c.after, c.unit) for c in _claims(
        text, [("Albumin", "ANALYTE"), ("drug A", "DRUG"), ("drug B", "DRUG")])]
    assert got == [("drug A", "increased", 2.9, 3.8, "g/dL"),
                   ("drug B", "decreased", 3.0, 2.7, "g/dL")]


def test_a_ratio_for_the_event_gives_the_time_to_it_the_opposite_direction():
    text = ("Patients given drug A had a median healing time of 12 days, as compared with 20 days "
            "with placebo (rate ratio for healing, 1.40; 95% CI, 1.15 to 1.70).")
    got = [(c.object.label, c.direction) for c in _claims(
        text, [("drug A", "DRUG"), ("healing time", "ENDPOINT"), ("placebo", "PROCEDURE")])]
    assert got == [("healing time", "decreased")]


def test_each_arm_keeps_its_own_change_written_with_spreads_and_a_test():
    # "from A ± sd to B ± sd with X and from ... with Y": every arm's before and after, also
    # with the p-value comparing them (the after-values are no per-arm comparison of their own)
    from handmade import hand_claims

    ents = [("intraocular pressure", "ENDPOINT"), ("brimonidine", "DRUG"), ("travoprost", "DRUG")]
    for text in ("Mean intraocular pressure decreased from 25.1 ± 2.3 to 17.2 ± 2.0 mmHg with "
                 "brimonidine and from 24.8 ± 2.1 to 18.9 ± 2.4 mmHg with travoprost.",
                 "Mean intraocular pressure decreased from 25.1 to 17.2 mmHg with brimonidine and "
                 "from 24.8 to 18.9 mmHg with travoprost (P = 0.002)."):
        got = sorted((c.subject.label.lower(), c.before, c.after, c.unit, c.direction)
                     for c in hand_claims(text, ents) if c.kind == "outcome")
        assert got == [("brimonidine", 25.1, 17.2, "mmHg", "decreased"),
                       ("travoprost", 24.8, 18.9, "mmHg", "decreased")], text


def test_a_percentage_value_of_a_change_is_not_also_its_rate():
    from handmade import hand_claims

    text = "After zelorant was started, oxygen saturation improved from 88% to 96%."
    got = [c for c in hand_claims(text, [("zelorant", "DRUG"), ("oxygen saturation", "ANALYTE")])
           if c.kind == "outcome"]
    assert [(c.before, c.after, c.unit, c.statistic) for c in got] == [(88.0, 96.0, "%", None)]


def test_a_level_given_arm_by_arm_is_each_arm_s_measurement():
    text = "Haemoglobin on day 3 was 11.2 g/dL with drug X and 9.8 g/dL with placebo."
    got = sorted((c.subject.label, c.value, c.unit) for c in
                 _claims(text, [("Haemoglobin", "ANALYTE"), ("drug X", "DRUG"),
                                ("placebo", "DRUG")]) if c.kind == "measurement")
    assert got == [("drug X", 11.2, "g/dL"), ("placebo", 9.8, "g/dL")]


def test_a_contrast_clause_keeps_its_statistics_from_the_outcome_before_it():
    """"GFR was higher with A (P<0.001), but rejection was more frequent with A (22% vs 7%)":
    the rates after "but" are another finding's, named or not."""
    text = ("The GFR was higher with zolmadine than with velbaxin (P<0.001), but rejection was "
            "more frequent with zolmadine (22% vs 7%).")
    claims = _claims(text, [("GFR", "ANALYTE"), ("zolmadine", "DRUG"), ("velbaxin", "DRUG")])
    gfr = [c for c in claims if c.kind == "outcome" and c.object.label.lower() == "gfr"]
    assert gfr and all(dict(c.statistic_items) == {"p": 0.001} for c in gfr)
    # a semicolon inside the parenthesis of statistics ends no clause
    text = ("Survival was longer with zolmadine than with velbaxin (9.4 v 5.4 months; hazard "
            "ratio, 0.35; P = 0.03).")
    claims = _claims(text, [("Survival", "ENDPOINT"), ("zolmadine", "DRUG"), ("velbaxin", "DRUG")])
    assert [dict(c.statistic_items).get("hr") for c in claims if c.kind == "outcome"] == [0.35]
