"""Names whose shape tells their type (litkg.extract.name_shapes)."""

from handmade import doc_with_ents

from litkg.extract.name_shapes import make_name_shapes  # noqa: F401 (registers litkg_name_shapes)


def _ents(text, ents=()):
    doc = doc_with_ents(text, ents, pipes=("sentencizer", "litkg_name_shapes"))
    return [(e.text, e.label_) for e in doc.ents]


def test_compound_codes_are_drugs():
    got = _ents("Mice received ABT-199 or LY2835219, and BMS-986016 was tolerated.")
    assert got == [("ABT-199", "DRUG"), ("LY2835219", "DRUG"), ("BMS-986016", "DRUG")]
    # a sponsor's prefix may end on one small letter ("EPs-7630", a plant extract)
    assert _ents("Children received EPs-7630 daily.") == [("EPs-7630", "DRUG")]
    # a short prefix with a series and a compound number ("Ro15-1788", Roche's flumazenil)
    assert _ents("Sedation was reversed by Ro15-1788 in 20 patients.") == [("Ro15-1788", "DRUG")]


def test_gene_marker_registry_and_disease_names_of_that_shape_are_not():
    assert _ents("CD133 cells, trial NCT01234567, COVID-19 and HIV-1 were studied.") == []
    assert _ents("The trials ECOG3402 and RTOG0617 enrolled patients.") == []
    # a cell line has the shape of a code; the word after it says what it is
    assert _ents("JNK fell in HEK293 cells and in the HCT116 cell line after LY2835219.") == [
        ("LY2835219", "DRUG")]
    # a code the entity stage already typed keeps its type
    assert _ents("SLC22A12 and KRT5 and ZNF217.", [("ZNF217", "TARGET")]) == [("ZNF217", "TARGET")]


def test_an_enzyme_the_drug_vocabulary_lists_is_a_target_unless_given_as_a_drug():
    text = "Soluble epoxide hydrolase fell; Erwinia asparaginase and recombinant urate oxidase were given."
    got = _ents(text, [("Soluble epoxide hydrolase", "DRUG"), ("Erwinia asparaginase", "DRUG")])
    assert got == [("Soluble epoxide hydrolase", "TARGET"), ("Erwinia asparaginase", "DRUG")]


def test_literature_databases_are_no_entities():
    got = _ents("We searched MEDLINE and Embase for trials of aspirin.",
                [("MEDLINE", "CONDITION"), ("Embase", "DRUG"), ("aspirin", "DRUG")])
    assert got == [("aspirin", "DRUG")]


def test_the_partner_of_a_hyphenated_combination_is_a_drug():
    from litkg.extract.pipeline import shared_nlp

    doc = shared_nlp()("He received piperacillin-tazobactam and vancomycin.")
    assert [e.text for e in doc.ents if e.label_ == "DRUG"] == ["piperacillin", "tazobactam", "vancomycin"]


def test_a_drug_with_its_grade_glued_by_a_hyphen_is_the_drug():
    doc = doc_with_ents("Flaps were perfused with dextran-40 and starch-130 after day-3.", (),
                        pipes=("sentencizer", "litkg_name_shapes"))
    got = [(e.text, e.label_, e._.concept_id) for e in doc.ents]
    assert ("dextran-40", "DRUG", "MESH:D003911") in got
    assert not any(t == "day-3" for t, _, _ in got)


def test_standard_regimens_are_drugs_with_prefix_and_schedule():
    text = ("R-CHOP improved survival compared with CHOP; mFOLFOX6, FOLFIRINOX, XELOX and ABVD "
            "chemotherapy were given.")
    assert _ents(text, [("CHOP", "TARGET")]) == [
        ("R-CHOP", "DRUG"), ("CHOP", "DRUG"), ("mFOLFOX6", "DRUG"), ("FOLFIRINOX", "DRUG"),
        ("XELOX", "DRUG"), ("ABVD", "DRUG")]


def test_a_regimen_acronym_that_names_a_gene_or_a_measure_needs_a_regimen_context():
    # "CHOP" the gene, "CVP" central venous pressure, a device the text defines
    text = ("CHOP expression rose after tunicamycin; the CVP was 12 mmHg; ventricular assist "
            "devices (VAD) were used.")
    assert _ents(text, [("CHOP", "TARGET")]) == [("CHOP", "TARGET")]
    # "EC50" is a potency (half-maximal effective concentration), not a schedule of EC
    assert _ents("The EC50 of the agonist rose 22-fold.") == []
    # in a regimen context every mention of the document is the regimen
    text = "Six cycles of CHOP were given. Ten patients relapsed after CHOP."
    assert _ents(text) == [("CHOP", "DRUG"), ("CHOP", "DRUG")]


def test_an_acronym_defined_by_a_list_of_drugs_is_a_regimen():
    text = ("Patients received docetaxel, cisplatin and 5-FU (TCF) or gemcitabine with oxaliplatin "
            "(GO). GO was better.")
    ents = [(d, "DRUG") for d in ("docetaxel", "cisplatin", "5-FU")] + [("TCF", "TARGET")] + [
        (d, "DRUG") for d in ("gemcitabine", "oxaliplatin")]
    got = _ents(text, ents)
    assert ("TCF", "DRUG") in got and got.count(("GO", "DRUG")) == 2
    # the last drug's own abbreviation is no regimen
    drugs = [("cisplatin", "DRUG"), ("methotrexate", "DRUG")]
    assert _ents("They took cisplatin and methotrexate (MTX).", drugs) == drugs
