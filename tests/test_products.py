"""Interventions named by product form, and operations named after a condition
(litkg.extract.products)."""

from handmade import doc_with_ents

from litkg.extract.products import make_products  # noqa: F401 (registers litkg_products)


def _ents(text, ents=()):
    doc = doc_with_ents(text, ents, pipes=("sentencizer", "litkg_products"))
    return [(e.text, e.label_, e._.concept_id) for e in doc.ents]


def test_product_forms_are_interventions():
    assert _ents("Patients used artificial tears four times a day.") == \
        [("artificial tears", "DRUG", None)]
    assert _ents("Drops were instilled.") == []  # the form alone names nothing


def test_a_drug_in_its_form_keeps_its_id():
    got = _ents("A nicotine patch was applied.", [("nicotine", "DRUG", "MESH:D009538")])
    assert got == [("nicotine patch", "DRUG", "MESH:D009538")]


def test_a_drug_before_its_route_and_form_keeps_its_id():
    got = _ents("She used desmopressin nasal spray at bedtime.", [("desmopressin", "DRUG", "MESH:D003894")])
    assert got == [("desmopressin nasal spray", "DRUG", "MESH:D003894")]
    # a word that is no route stays outside: the drug is not widened over it
    got = _ents("She used desmopressin and a cooling spray.", [("desmopressin", "DRUG", "MESH:D003894")])
    assert ("desmopressin", "DRUG", "MESH:D003894") in got


def test_an_operation_named_after_a_condition_is_a_procedure():
    got = _ents("Tears were used after cataract surgery.", [("cataract", "CONDITION", "MONDO:0005129")])
    assert got == [("cataract surgery", "PROCEDURE", None)]


def test_behavioural_and_physical_interventions_are_procedures():
    got = _ents("A mindfulness based stress reduction program and hydrotherapy were compared.")
    assert got == [("mindfulness based stress reduction program", "PROCEDURE", None),
                   ("hydrotherapy", "PROCEDURE", None)]


def test_roles_comparisons_and_judgements_are_not_named_interventions():
    text = "Standard therapy, a good intervention and therapy with calcium were used."
    assert _ents(text, [("calcium", "DRUG", "CHEBI:22984")]) == [("calcium", "DRUG", "CHEBI:22984")]


def test_a_phrase_never_starts_inside_a_hyphenated_word():
    got = _ents("A home-based HIIT program and a 12-month lifestyle intervention over the long-term "
                "interventions.")
    assert got == [("HIIT program", "PROCEDURE", None), ("lifestyle intervention", "PROCEDURE", None)]


def test_the_end_of_an_institutions_name_is_no_intervention():
    got = _ents("MS was defined by the National Cholesterol Education Program criteria.",
                [("Cholesterol", "ANALYTE", "LOINC:2093-3")])
    assert got == [("Cholesterol", "ANALYTE", "LOINC:2093-3")]
    assert _ents("Patients received Cognitive Behavioural Therapy weekly.") == \
        [("Cognitive Behavioural Therapy", "PROCEDURE", None)]


def test_a_tear_of_a_tissue_and_a_preposition_make_no_product():
    # "tears" is a product form only as a lubricant; otherwise an injury of a tissue
    assert _ents("Radial tears of the meniscus were repaired.") == []
    assert _ents("Lubricant tears were used hourly.") == [("Lubricant tears", "DRUG", None)]
    # a preposition before a therapy word ends the phrase: no therapy is named
    assert _ents("Creatinine stayed normal throughout therapy.") == []


def test_foods_named_by_their_form_are_interventions():
    assert _ents("Pomegranate juice lowered systolic pressure.") == \
        [("Pomegranate juice", "DRUG", None)]
    assert _ents("Chickpea protein isolate was fed for 8 weeks.") == \
        [("Chickpea protein isolate", "DRUG", None)]
    # a body fluid, a form word modifying a noun, and bacterial isolates are no food
    assert _ents("Duodenal juice was aspirated.") == []
    assert _ents("The oil palm estates were surveyed.") == []
    assert _ents("Clinical isolates were typed.") == []
    # the NER's drug that is the form alone is widened to the food, keeping its id
    assert _ents("Rooibos tea was drunk daily.", [("tea", "DRUG")]) == \
        [("Rooibos tea", "DRUG", None)]


def test_an_organism_written_as_given_is_an_intervention():
    text = ("The role of Vaccinium myrtillus in the management of dyslipidaemia. Bilberin "
            "(Vaccinium myrtillus) was taken for 3 months.")
    assert [(t, label) for t, label, _ in _ents(text)] == \
        [("Vaccinium myrtillus", "DRUG"), ("Bilberin", "DRUG"), ("Vaccinium myrtillus", "DRUG")]
    assert _ents("Rats were fed a diet supplemented with Moringa oleifera.") == \
        [("Moringa oleifera", "DRUG", None)]
    # a pathogen, an exposure and a laboratory host are no intervention
    assert _ents("Staphylococcus aureus was isolated from wounds.") == []
    assert _ents("Farmers exposed to Aspergillus fumigatus were studied.") == []
    assert _ents("The pathway was expressed in Nicotiana benthamiana leaves.") == []


def test_a_participle_after_a_determiner_or_hyphen_describes_the_product():
    text = "The adjuvanted vaccine and enteric-coated tablets were given; patients received vaccine."
    assert _ents(text) == [("adjuvanted vaccine", "DRUG", None),
                           ("enteric-coated tablets", "DRUG", None)]


def test_devices_put_into_a_patient_are_interventions():
    text = "A ventricular assist device was implanted; stents and a wearable device were used."
    assert [(t, label) for t, label, _ in _ents(text)] == [
        ("ventricular assist device", "PROCEDURE"), ("stents", "PROCEDURE"),
        ("wearable device", "PROCEDURE")]
    # a device word modifying a noun, or the heart's own pacemakers, are no device given
    text = ("Stent apposition was incomplete; the sinoatrial and atrioventricular nodal "
            "pacemakers slowed.")
    assert _ents(text) == []


def test_talking_interventions_are_named_by_their_head():
    assert [(t, label) for t, label, _ in _ents("Motivational interviewing helped.")] == [
        ("Motivational interviewing", "PROCEDURE")]
