"""Analytes named by specimen or by value (litkg.extract.analytes)."""

from handmade import doc_with_ents

from litkg.extract.analytes import lab_unit, make_analytes  # noqa: F401 (registers litkg_analytes)


def _ents(text, ents=()):
    doc = doc_with_ents(text, ents, pipes=("sentencizer", "litkg_analytes"))
    return [(e.text, e.label_) for e in doc.ents]


def test_a_specimen_word_names_an_analyte():
    assert _ents("Urine osmolality was high.") == [("Urine osmolality", "ANALYTE")]
    assert _ents("Plasma renin activity fell.") == [("Plasma renin activity", "ANALYTE")]
    # "hs" is glued to the CRP after it: not an analyte "serum hs"
    assert _ents("Serum hs-CRP fell.", [("CRP", "ANALYTE")]) == [("CRP", "ANALYTE")]


def test_a_lab_value_names_its_analyte():
    assert _ents("Liver enzymes were 310 U/L on day 3.") == [("Liver enzymes", "ANALYTE")]
    assert _ents("Anion gap decreased from 24 to 12 mmol/L.") == [("Anion gap", "ANALYTE")]


def test_doses_times_samples_and_known_analytes_are_left_alone():
    assert _ents("Tolvaptan 15 mg was started; the dose was 7.5 mg.") == []
    assert _ents("The duration was 3 days.") == []
    assert _ents("Her height was 83 cm and the normal range: 10-55 pg/ml.") == []
    assert _ents("Blood samples were drawn and urine cultures were negative.") == []
    # the entity stage already named it: "serum" is its specimen, not a new analyte
    assert _ents("Serum sodium was 131 mmol/L.", [("sodium", "ANALYTE")]) == [("sodium", "ANALYTE")]


def test_lab_units_exclude_doses_and_times():
    assert lab_unit("mOsm/kg") and lab_unit("x10^9/L") and lab_unit("U/L")
    assert not lab_unit("mg") and not lab_unit("days") and not lab_unit(None)
    assert not lab_unit("cm") and not lab_unit("kg") and not lab_unit("mg/kg/mg/day")


def test_a_chemical_the_document_only_measures_is_an_analyte():
    got = _ents("Serum lactate was 18 mmol/L and pyruvate rose to 0.3 mmol/L.",
                [("lactate", "DRUG"), ("pyruvate", "DRUG")])
    assert got == [("lactate", "ANALYTE"), ("pyruvate", "ANALYTE")]


def test_a_chemical_also_given_stays_a_drug_whose_level_is_measured():
    text = "She was on lithium for bipolar disorder. Her lithium level was 2.8 mmol/L."
    got = _ents(text, [("lithium", "DRUG", "MESH:D008094"), ("lithium", "DRUG", "MESH:D008094")])
    assert [label for _, label in got] == ["DRUG", "DRUG"]
    text = "Vancomycin 1 g was given twice daily; vancomycin 38 mg/L was the trough."
    got = _ents(text, [("Vancomycin", "DRUG"), ("vancomycin", "DRUG")])
    assert [label for _, label in got] == ["DRUG", "DRUG"]


def test_a_unitless_lab_value_names_its_analyte_only_for_ph_and_inr():
    assert _ents("Arterial pH was 6.85 on arrival.") == [("Arterial pH", "ANALYTE")]
    assert _ents("The grade was 3 on arrival.") == []


def test_a_protein_written_as_given_is_a_drug_and_stays_a_target_otherwise():
    text = ("He was treated with intravenous insulin. G-CSF was administered. Serum insulin "
            "levels were high and TNF inhibitors were stopped.")
    got = _ents(text, [("insulin", "TARGET"), ("G-CSF", "TARGET"), ("insulin", "TARGET"),
                       ("TNF", "TARGET")])
    assert got == [("insulin", "DRUG"), ("G-CSF", "DRUG"), ("insulin", "TARGET"),
                   ("TNF", "TARGET")]


def test_an_analyte_naming_a_trial_arm_is_what_the_arm_was_given():
    text = "Levels rose in the vitamin D group; serum vitamin D was 30 ng/mL."
    got = _ents(text, [("vitamin D", "ANALYTE"), ("vitamin D", "ANALYTE")])
    assert got == [("vitamin D", "DRUG"), ("vitamin D", "ANALYTE")]


def test_an_analyte_written_as_given_is_a_drug_under_its_chemical_id():
    text = "Calcium 1 g daily was given; serum calcium was 2.1 mmol/L."
    doc = doc_with_ents(text, [("Calcium", "ANALYTE", "LOINC:17861-6"), ("calcium", "ANALYTE")],
                        pipes=("sentencizer", "litkg_analytes"))
    first, second = doc.ents
    assert (first.label_, second.label_) == ("DRUG", "ANALYTE")
    assert first._.concept_id is None or not first._.concept_id.startswith("LOINC")


def test_the_regimen_a_drug_is_added_to_is_given():
    text = "Adding dapagliflozin to insulin reduced HbA1c."
    got = _ents(text, [("dapagliflozin", "DRUG"), ("insulin", "TARGET"), ("HbA1c", "ANALYTE")])
    assert got == [("dapagliflozin", "DRUG"), ("insulin", "DRUG"), ("HbA1c", "ANALYTE")]


def test_a_chemical_named_only_as_a_measure_is_an_analyte():
    from handmade import annotated

    from litkg.extract.analytes import _measured_chemicals

    text = "Patients took metformin. Homocysteine levels were higher in metformin users."
    doc = annotated(text, [("metformin", "DRUG"), ("Homocysteine", "DRUG")])[0]
    assert [doc.ents[i].text for i in _measured_chemicals(doc, list(doc.ents))] == ["Homocysteine"]
    # a drug also named otherwise ("metformin users") keeps its type, though it is measured too
    text = "Metformin levels were higher in metformin users."
    doc = annotated(text, [("Metformin", "DRUG"), ("metformin", "DRUG")])[0]
    assert not _measured_chemicals(doc, list(doc.ents))


def test_a_chemical_followed_by_its_short_form_and_a_change_to_a_value_is_measured():
    from handmade import annotated

    from litkg.extract.analytes import _measured_chemicals

    text = "Carcinoembryonic antigen (CEA) fell from a median of 48 ng/mL to 6 ng/mL."
    doc = annotated(text, [("Carcinoembryonic antigen", "DRUG")])[0]
    assert _measured_chemicals(doc, list(doc.ents)) == {0}


def test_a_time_unit_before_a_value_is_no_analyte():
    # "during the first 24 h was 23%": the time point of a rate, not a lab test called "h"
    assert _ents("The incidence of rash during the first 24 h was 23%.") == []
    assert _ents("Mortality at 6 months was 12%.") == []


def test_the_body_temperature_and_a_blood_pressure_abbreviation_are_named_by_their_reading():
    doc = doc_with_ents("Temperature was 38.9 °C and BP fell from 160/95 to 135/85 mmHg.",
                        pipes=("sentencizer", "litkg_analytes"))
    assert [(e.text, e.label_, e._.concept_id) for e in doc.ents] == [
        ("Temperature", "ANALYTE", "LOINC:8310-5"), ("BP", "ANALYTE", "LOINC:85354-9")]
    # a room or a freezer has a temperature too, and "BP" alone is no blood pressure
    assert _ents("Samples were stored at room temperature of 22 °C.") == []
    assert _ents("The BP group was larger.") == []


def test_a_chemical_compared_between_groups_of_people_is_measured():
    from handmade import annotated

    from litkg.extract.analytes import _measured_chemicals

    text = "Homocysteine was higher in metformin users than in non-users."
    doc = annotated(text, [("Homocysteine", "DRUG"), ("metformin", "DRUG")])[0]
    assert [doc.ents[i].text for i in _measured_chemicals(doc, list(doc.ents))] == ["Homocysteine"]


def test_the_parts_of_a_mixed_solution_and_a_drug_s_strength_are_given_not_measured():
    text = ("Ropivacaine 0.025% mixed with fentanyl 3.0 μg/ml and epinephrine 0.5 μg/ml was "
            "infused.")
    got = _ents(text, [("Ropivacaine", "DRUG"), ("fentanyl", "DRUG"), ("epinephrine", "DRUG")])
    assert got == [("Ropivacaine", "DRUG"), ("fentanyl", "DRUG"), ("epinephrine", "DRUG")]
    # a chemical only measured is still the patient's analyte
    assert _ents("Lactate was 18 mmol/L.", [("Lactate", "DRUG")]) == [("Lactate", "ANALYTE")]


def test_the_definite_mention_of_a_given_substance_is_the_drug():
    text = ("Patients received oral phosphate and calcitriol, but the phosphate caused diarrhea. "
            "The phosphate level was 0.5 mmol/L; the phosphate and calcium concentrations fell.")
    got = _ents(text, [("oral phosphate", "DRUG"), ("calcitriol", "DRUG"),
                       ("phosphate", "ANALYTE"), ("diarrhea", "CONDITION"),
                       ("phosphate", "ANALYTE"), ("phosphate", "ANALYTE"),
                       ("calcium", "ANALYTE")])
    assert [label for _, label in got] == ["DRUG", "DRUG", "DRUG", "CONDITION", "ANALYTE",
                                           "ANALYTE", "ANALYTE"]
    # without a given substance of that name, "the phosphate" is what was measured
    got = _ents("Calcitriol was given, but the phosphate rose.",
                [("Calcitriol", "DRUG"), ("phosphate", "ANALYTE")])
    assert got == [("Calcitriol", "DRUG"), ("phosphate", "ANALYTE")]


def test_a_substance_named_by_its_stores_or_status_is_measured():
    from handmade import annotated

    from litkg.extract.analytes import _measured_chemicals

    text = "Infection was associated with low iron stores. Vitamin D status improved."
    doc = annotated(text, [("iron", "DRUG"), ("Vitamin D", "DRUG")])[0]
    assert [doc.ents[i].text for i in _measured_chemicals(doc, list(doc.ents))] == ["iron",
                                                                                     "Vitamin D"]


def test_a_statistic_symbol_is_no_analyte():
    assert _ents("It rose with LE (8.7% [n = 55/629] vs. n = 3.7% [154/4065]).") == []
    assert _ents("K was 3.1 mmol/L.") == [("K", "ANALYTE")]  # potassium, written by its symbol


def test_a_substance_after_a_specimen_and_a_fraction_word_or_circulating_is_measured():
    from handmade import annotated

    from litkg.extract.analytes import _measured_chemicals

    text = "Minor changes in serum total iron were seen. Circulating heregulin was high."
    doc = annotated(text, [("iron", "DRUG"), ("heregulin", "DRUG")])[0]
    assert [doc.ents[i].text for i in _measured_chemicals(doc, list(doc.ents))] == ["iron",
                                                                                     "heregulin"]


def test_a_percentage_after_a_noun_of_a_share_or_quality_is_no_lab_value():
    assert _ents("The assay reached an accuracy of 91.2% and a specificity of 88%.") == []
    assert _ents("A contribution of 12.5% was estimated for smoking.") == []
    # lab and vital measures written in percent stay analytes
    assert _ents("Hematocrit was 31% on admission.") == [("Hematocrit", "ANALYTE")]
    assert _ents("Protein C activity was 14% of normal.") == [("Protein C activity", "ANALYTE")]
    # a share reported with "was" is the measured outcome of the sentence: kept
    assert _ents("Need for rescue treatment was 3.1% after the drug.") == \
        [("rescue treatment", "ANALYTE")]


def test_a_mean_arterial_pressure_abbreviation_is_named_by_its_reading():
    doc = doc_with_ents("Esmolol reduced MAP from 95 to 80 mmHg and SBP to 120 mm Hg.",
                        [("Esmolol", "DRUG")], pipes=("sentencizer", "litkg_analytes"))
    assert [(e.text, e._.concept_label) for e in doc.ents if e.label_ == "ANALYTE"] == [
        ("MAP", "mean arterial pressure"), ("SBP", "systolic blood pressure")]
    # without a reading "MAP" is a kinase, a drug or a map
    assert _ents("MAP kinase activity increased 2-fold.") == []


def test_a_vascular_resistance_abbreviation_is_named_by_its_reading():
    doc = doc_with_ents("Milrinone reduced SVR from 1450 to 1100 dyn·s/cm5 and PVR to 2.8 Wood units.",
                        [("Milrinone", "DRUG")], pipes=("sentencizer", "litkg_analytes"))
    assert [(e.text, e._.concept_label) for e in doc.ents if e.label_ == "ANALYTE"] == [
        ("SVR", "systemic vascular resistance"), ("PVR", "pulmonary vascular resistance")]
    # without a resistance's unit "SVR" is a sustained virological response, "PVR" a residual
    assert _ents("SVR was achieved in 95% of patients; PVR was 120 mL.") == []


def test_a_viruss_nucleic_acid_is_its_measured_load_not_the_infection():
    assert _ents("HIV-1 RNA decreased with dolutegravir.", [("HIV-1", "CONDITION")]) == \
        [("HIV-1 RNA", "ANALYTE")]
    # a threshold after it is no word of its name
    assert _ents("Plasma HCV RNA below 15 IU/mL was reached.") == [("Plasma HCV RNA", "ANALYTE")]
    assert _ents("Patients with HIV were enrolled.", [("HIV", "CONDITION")]) == \
        [("HIV", "CONDITION")]


def test_a_nutrient_allocated_against_placebo_is_given_and_its_bare_mentions_too():
    text = ("Women were randomly assigned to receive vitamin D or placebo. Vitamin D levels were "
            "measured. Vitamin D reduced falls.")
    got = _ents(text, [("vitamin D", "ANALYTE"), ("Vitamin D", "ANALYTE"), ("Vitamin D", "ANALYTE")])
    assert got == [("vitamin D", "DRUG"), ("Vitamin D", "ANALYTE"), ("Vitamin D", "DRUG")]


def test_the_subject_of_a_giving_verb_with_its_own_object_was_not_given():
    text = "Patients with low vitamin D were given cholecalciferol."
    got = _ents(text, [("vitamin D", "ANALYTE"), ("cholecalciferol", "DRUG")])
    assert got == [("vitamin D", "ANALYTE"), ("cholecalciferol", "DRUG")]


def test_a_hormone_level_read_before_the_hormone_is_given_is_the_patient_s():
    text = "Testosterone levels were low in 40 men. Testosterone replacement improved libido."
    got = _ents(text, [("Testosterone", "DRUG"), ("Testosterone", "DRUG")])
    assert got == [("Testosterone", "ANALYTE"), ("Testosterone", "DRUG")]
    # the giving noun may stand inside the entity of the substance given
    text = "Iron levels were low in 30 women. Oral iron supplementation raised hemoglobin."
    got = _ents(text, [("Iron", "DRUG", "MESH:D007501"),
                       ("iron supplementation", "DRUG", "MESH:D007501")])
    assert got == [("Iron", "ANALYTE"), ("iron supplementation", "DRUG")]


def test_how_often_an_event_occurred_is_no_analyte():
    text = "Major bleeding occurred at a rate of 2.13% per year, and heart rate was 88 beats/min."
    assert [t for t, _ in _ents(text)] == ["heart rate"]
