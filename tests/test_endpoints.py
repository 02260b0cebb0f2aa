"""Clinical endpoints (litkg.extract.endpoints, litkg.extract.endpoint_entities): phrases
outcome claims are about that no chemical or disease vocabulary names."""

from handmade import doc_with_ents

from litkg.extract.endpoint_entities import make_endpoints  # noqa: F401 (registers)
from litkg.extract.endpoints import names_endpoint
from litkg.models import Claim, Concept, Evidence
from litkg.rdf.mapping import entity_type


def _endpoints(text, ents=()):
    """The ENDPOINT spans of ``text`` with ``ents`` (phrase, label) set beforehand."""
    doc = doc_with_ents(text, ents, pipes=("sentencizer", "litkg_endpoints"))
    return [e.text for e in doc.ents if e.label_ == "ENDPOINT"]


def test_survival_endpoints_without_their_time_window():
    text = ("The primary end point was 4-month progression-free survival rate; 1-year overall "
            "survival and all-cause mortality were secondary.")
    assert _endpoints(text) == ["progression-free survival rate", "overall survival",
                                "all-cause mortality"]


def test_complements_name_what_was_timed_or_needed():
    text = "Time of onset of sensory block was shorter, and the need for further intervention fell."
    assert _endpoints(text) == ["Time of onset of sensory block", "need for further intervention"]


def test_a_bare_generic_head_is_not_an_endpoint():
    assert _endpoints("The rate was high and the time was short; scores differed.") == []


def test_other_entities_are_kept_and_end_the_phrase():
    text = "The incidence of hypotension and ondansetron use were lower; sedation scores rose."
    got = _endpoints(text, [("hypotension", "CONDITION"), ("ondansetron", "DRUG")])
    assert got == ["sedation scores"]


def test_time_points_statistics_and_harm_cues_are_not_endpoints():
    text = ("Levels at the time of diagnosis predicted response; the hazard ratio was 0.35 and "
            "serious adverse events were rare.")
    assert _endpoints(text) == []


def test_outcome_objects_that_read_as_endpoints_are_typed_endpoint_in_rdf():
    ev = Evidence(sentence="OS was longer with X.", start=0, end=21)
    claim = Claim(doc="d", kind="outcome", subject=Concept("X"), object=Concept("overall survival"),
                  direction="increased", evidence=ev)
    assert entity_type(claim, "object") == "Endpoint"
    assert names_endpoint("time to relapse") and names_endpoint("sedation scores")
    assert not names_endpoint("score") and not names_endpoint("calcium")


def test_verbs_and_judgements_are_not_part_of_an_endpoint():
    text = "It was an efficient test while measuring functional output; walking distance rose."
    assert _endpoints(text) == ["functional output", "walking distance"]


def test_aims_modals_and_judgements_end_an_endpoint():
    text = ("We aimed to assess closure rate and the services they need; the rate of falls should "
            "drop, with limited success and high cost over time.")
    assert _endpoints(text) == ["closure rate", "rate of falls"]


def test_a_measured_gas_is_not_a_drug():
    text = "Heart rate and saturation of oxygen were similar; oxygen was given."
    assert _endpoints(text, [("oxygen", "DRUG")]) == ["Heart rate", "saturation of oxygen"]


def test_a_care_event_filed_as_a_procedure_is_an_endpoint():
    from handmade import doc_with_ents

    doc = doc_with_ents("Hospitalization for heart failure occurred in 6 patients.",
                        [("Hospitalization", "PROCEDURE"), ("heart failure", "CONDITION")],
                        pipes=("sentencizer", "litkg_endpoints"))
    assert [(e.text, e.label_) for e in doc.ents] == [("Hospitalization", "ENDPOINT"),
                                                      ("heart failure", "CONDITION")]


def test_a_rating_instrument_named_after_a_disease_is_one_endpoint():
    from litkg.extract.endpoint_entities import named_instruments
    text = "The Hamilton Depression Rating Scale score fell, as did the Glasgow Coma Scale."
    doc = doc_with_ents(text, [("Depression", "CONDITION"), ("Coma", "PHENOTYPE")])
    got = [doc[s:e].text for s, e in named_instruments(doc, list(doc.ents))]
    assert got == ["Hamilton Depression Rating Scale score", "Glasgow Coma Scale"]
    # a bare capitalised head, a determiner or a drug is no part of a name
    text = "The Index case took Sertraline Scale."
    doc = doc_with_ents(text, [("Sertraline", "DRUG")])
    assert named_instruments(doc, list(doc.ents)) == []


def test_a_finding_with_a_rating_word_is_a_measure_of_it():
    doc = doc_with_ents("Pain scores were lower; nausea severity fell; pain was severe.",
                        [("Pain", "PHENOTYPE"), ("nausea", "PHENOTYPE"), ("pain", "PHENOTYPE")],
                        pipes=("sentencizer", "litkg_endpoints"))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Pain scores", "ENDPOINT"), ("nausea severity", "ENDPOINT"), ("pain", "PHENOTYPE")]


def test_pharmacokinetic_measures_are_endpoints_with_the_drug_they_measure():
    text = "Rifampicin decreased the apixaban area under the curve and the elimination half-life."
    doc = doc_with_ents(text, [("Rifampicin", "DRUG"), ("apixaban", "DRUG")],
                        pipes=("sentencizer", "litkg_endpoints"))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Rifampicin", "DRUG"), ("apixaban area under the curve", "ENDPOINT"),
        ("elimination half-life", "ENDPOINT")]


def test_instrument_names_with_and_or_an_assessment_head():
    from litkg.extract.endpoint_entities import named_instruments
    text = "The Eczema Area and Severity Index and the Investigator's Global Assessment score fell."
    doc = doc_with_ents(text, [("Eczema", "CONDITION")])
    assert [doc[s:e].text for s, e in named_instruments(doc, list(doc.ents))] == [
        "Eczema Area and Severity Index", "Investigator's Global Assessment score"]


def test_adjacent_instrument_heads_make_one_name_and_never_overlapping_spans():
    from litkg.extract.endpoint_entities import named_instruments
    text = "Their Global Assessment Scale (GAS) score and the Hamilton Rating Scale Score Index rose."
    doc = doc_with_ents(text, pipes=("sentencizer", "litkg_endpoints"))
    spans = named_instruments(doc, [])
    assert [doc[s:e].text for s, e in spans][0] == "Global Assessment Scale"
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_a_drug_after_a_timed_head_says_whose_time_it_was():
    text = ("The onset time of rocuronium and the duration of action of rocuronium were longer; "
            "the incidence of hypotension and the consumption of morphine were lower.")
    ents = [("rocuronium", "DRUG"), ("rocuronium", "DRUG"), ("hypotension", "CONDITION"),
            ("morphine", "DRUG")]
    # the drug timed is no endpoint of its own; what was counted is the entity, and the amount
    # of a drug consumed is a measure (test_a_drug_amount_patients_needed_or_took_is_an_endpoint)
    assert _endpoints(text, ents) == ["onset time", "duration of action", "consumption of morphine"]


def test_a_timed_interval_of_a_recording_is_an_endpoint_and_a_confidence_interval_is_not():
    text = "The QT interval was longer (95% confidence interval 2 to 9 ms)."
    assert _endpoints(text) == ["QT interval"]


def test_a_speed_takes_its_complement():
    assert _endpoints("N2O enhances the speed of induction with sevoflurane.") == [
        "speed of induction"]


def test_fragments_of_hyphenated_words_quantifiers_and_verb_needs_are_not_endpoints():
    # "Long-term use": the phrase never starts inside a hyphenated word
    # ("falls" is the counted event: test_falls_counted_as_events_but_not_the_verb)
    assert _endpoints("Long-term use was associated with falls.") == ["falls"]
    assert _endpoints("Long-term survival was 40%.") == ["survival"]
    # "night-time sleep", "leisure-time activity": "-time" makes an adjective
    assert _endpoints("They reported shorter night-time sleep and less leisure-time walking.") == []
    # quantifiers count, they name no measure
    assert _endpoints("They walked multiple times a week; the incidence of most cancers was "
                      "similar.") == []
    # "the need to apply X" is a verb phrase; "the need for X" a measure
    assert _endpoints("This shows the need to apply biophysical methods.") == []
    assert _endpoints("The need for mechanical ventilation fell.") == ["need for mechanical ventilation"]


def test_the_use_of_a_named_agent_or_method_is_no_endpoint():
    assert _endpoints("The use of XR-17 lowered graft loss.") == ["graft loss"]
    assert _endpoints("The use of CD138 staining raised detection rates.") == ["detection rates"]
    # consumption of a class of care stays an endpoint
    assert _endpoints("The use of rescue medication was lower.") == ["use of rescue medication"]


def test_a_pressure_measured_in_a_body_space_is_an_endpoint():
    text = "Intraocular pressure fell, and central venous pressure and pulse pressure rose."
    assert _endpoints(text) == ["Intraocular pressure", "central venous pressure", "pulse pressure"]
    assert _endpoints("The pressure was high.") == []
    assert _endpoints("Antibiotic selective pressure favoured resistant strains.") == []


def test_a_response_element_is_dna_not_an_endpoint():
    assert _endpoints("Androgen response elements and early response genes were mutated.") == []
    assert _endpoints("The androgen response was blunted.") == ["androgen response"]


def test_a_drug_amount_patients_needed_or_took_is_an_endpoint():
    text = ("Morphine requirements fell with gabapentin, and fentanyl consumption and the "
            "consumption of propofol were lower with ketamine than with placebo.")
    ents = [("Morphine", "DRUG"), ("gabapentin", "DRUG"), ("fentanyl", "DRUG"),
            ("propofol", "DRUG"), ("ketamine", "DRUG")]
    assert _endpoints(text, ents) == ["Morphine requirements", "fentanyl consumption",
                                      "consumption of propofol"]


def test_the_consumption_of_a_drug_alone_in_its_sentence_is_an_exposure():
    text = "Alcohol consumption was associated with a higher risk of hypertension."
    assert _endpoints(text, [("Alcohol", "DRUG"), ("hypertension", "CONDITION")]) == []


def test_the_consumption_a_behavioural_intervention_reduced_is_an_endpoint():
    text = "Motivational interviewing reduced alcohol consumption among students."
    ents = [("Motivational interviewing", "PROCEDURE"), ("alcohol", "DRUG")]
    assert _endpoints(text, ents) == ["alcohol consumption"]


def test_vaccine_trial_endpoints():
    text = "Seroconversion and antibody titres were higher with the adjuvanted vaccine."
    assert _endpoints(text) == ["Seroconversion", "antibody titres"]


def test_falls_counted_as_events_but_not_the_verb():
    assert _endpoints("Falls were less frequent with zolpidem.", [("zolpidem", "DRUG")]) == \
        ["Falls"]
    assert _endpoints("The number of falls and fewer falls.") == ["falls", "falls"]
    assert _endpoints("Blood pressure falls with nifedipine; the risk falls to 2%.",
                      [("Blood pressure", "ANALYTE"), ("nifedipine", "DRUG")]) == []
