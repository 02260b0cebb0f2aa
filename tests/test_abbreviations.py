"""Schwartz-Hearst abbreviation definitions and their document-wide use."""

import spacy
from spacy.tokens import Span

from litkg.extract.abbreviations import best_long_form, find_abbreviations
from litkg.extract.extensions import register_extensions


def test_finds_long_and_short_forms_with_offsets():
    text = "Tumor-induced osteomalacia (TIO) is rare. Secondary hyperparathyroidism (sHPT) is common."
    found = {a.short: a for a in find_abbreviations(text)}
    assert found["TIO"].long == "Tumor-induced osteomalacia"
    assert text[found["TIO"].long_start:found["TIO"].long_end] == "Tumor-induced osteomalacia"
    assert text[found["TIO"].short_start:found["TIO"].short_end] == "TIO"
    assert found["sHPT"].long == "Secondary hyperparathyroidism"


def test_shortest_long_form_is_chosen():
    text = "Patients with severe chronic kidney disease (CKD) were included."
    (abbr,) = find_abbreviations(text)
    assert abbr.long == "chronic kidney disease"


def test_parentheses_that_are_not_definitions():
    assert find_abbreviations("Twelve patients (n = 12) were seen (see Table 1).") == []
    assert find_abbreviations("The level was high (p < 0.05).") == []
    assert best_long_form("XYZ", "alpha beta") is None


def _nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("litkg_abbreviations")
    return nlp


def test_short_forms_take_the_long_forms_concept_everywhere():
    nlp = _nlp()
    text = "Zorblax wasting syndrome (ZWS) is new. ZWS responds to drugs. Untreated ZWS recurs."
    doc = nlp.make_doc(text)
    # Hand-made entity over the long form with an id that no lexicon knows.
    ent = Span(doc, 0, 3, label="CONDITION")
    ent._.concept_id = "MONDO:9999999"
    ent._.concept_label = "zorblax wasting syndrome"
    ent._.source = "ner"
    doc.ents = [ent]
    doc = nlp.get_pipe("litkg_abbreviations")(doc)
    assert doc._.abbreviations["ZWS"] == ("Zorblax wasting syndrome", "MONDO:9999999", "CONDITION")
    shorts = [e for e in doc.ents if e.text == "ZWS"]
    assert len(shorts) == 3
    assert all(e.label_ == "CONDITION" and e._.concept_id == "MONDO:9999999" for e in shorts)
    assert all(e._.source == "abbreviation" for e in shorts)


def test_long_form_grounded_by_the_lexicon_when_no_entity():
    nlp = _nlp()
    doc = nlp("Tumor-induced osteomalacia (TIO) was treated. TIO relapsed.")
    long_id = doc._.abbreviations["TIO"][1]
    assert long_id == "MONDO:0018124"
    assert [e.text for e in doc.ents] == ["Tumor-induced osteomalacia", "TIO", "TIO"]
    assert all(e._.concept_id == long_id for e in doc.ents)


def test_single_letter_lab_abbreviation_skips_p_values():
    nlp = _nlp()
    doc = nlp("Serum phosphorus (P) was low. P fell further (P < 0.01).")
    assert doc._.abbreviations["P"][0] == "phosphorus"
    ps = [e for e in doc.ents if e.text == "P"]
    assert len(ps) == 2  # the definition and "P fell", not the p-value
    assert all(e.label_ == "ANALYTE" for e in ps)


def test_a_trial_arm_code_is_no_abbreviation():
    text = ("either 3 ml 0.5% isobaric ropivacaine and 25 mcg fentanyl (Group R) or 3 ml 0.5% "
            "isobaric bupivacaine and 25 mcg fentanyl (Group B).")
    assert find_abbreviations(text) == []


def test_unknown_long_form_gives_no_spans():
    nlp = _nlp()
    doc = nlp("The quibbly wobble test (QWT) was used. QWT was fast.")
    assert doc._.abbreviations["QWT"] == ("quibbly wobble test", None, None)
    assert list(doc.ents) == []


def test_a_known_name_inside_an_unknown_short_form_is_no_entity():
    from litkg.extract.pipeline import shared_nlp

    nlp = shared_nlp()  # the entity stage finds "ATP" (adenosine triphosphate) on its own
    assert [e.text for e in nlp("ATP levels fell.").ents] == ["ATP"]
    doc = nlp("It was defined by the Adult Treatment Panel III (ATP-III). ATP-III criteria were met.")
    assert not [e for e in doc.ents if e.text == "ATP"]


def test_defined_chemical_symbol_is_a_drug_when_dosed():
    nlp = _nlp()
    doc = nlp("Serum calcium (Ca) was 7.5 mg/dL. Elemental Ca oral: 2 g/day was given. Ca rose.")
    readings = [(e.label_, e._.concept_id) for e in doc.ents if e.text == "Ca"]
    assert readings[1] == ("DRUG", "MESH:D002118")
    assert readings[0][0] == readings[2][0] == "ANALYTE"


def test_induced_disease_long_form_takes_its_head_id():
    from litkg.extract.entities import entity_nlp

    nlp = entity_nlp(use_ner=False)
    doc = nlp("Ribavirin-induced hemolytic anemia (RIHA) was costly. RIHA recurred.")
    anemia = [e for e in doc.ents if e.text == "hemolytic anemia"]
    assert anemia and anemia[0]._.concept_id
    shorts = [e for e in doc.ents if e.text == "RIHA"]
    assert len(shorts) == 2
    assert all(e.label_ == "CONDITION" and e._.concept_id == anemia[0]._.concept_id for e in shorts)


def test_short_form_known_itself_keeps_its_id_when_long_form_unknown():
    nlp = _nlp()
    text = "Azidoflumothymidine (AZT) was given. AZT was toxic."
    doc = nlp.make_doc(text)
    ent = Span(doc, 0, 1, label="DRUG")  # an NER-found long form with no id
    ent._.concept_id, ent._.concept_label, ent._.source = None, "Azidoflumothymidine", "ner"
    doc.ents = [ent]
    doc = nlp.get_pipe("litkg_abbreviations")(doc)
    ids = {e._.concept_id for e in doc.ents if e.text == "AZT"}
    assert ids == {"MESH:D015215"}


def test_ner_guess_on_a_short_form_of_a_non_entity_is_dropped():
    nlp = _nlp()
    text = "A visual analogue scale (VAS) was used. VAS fell."
    doc = nlp.make_doc(text)
    ents = []
    for i, tok in enumerate(doc):
        if tok.text == "VAS":
            ent = Span(doc, i, i + 1, label="CONDITION")  # the NER's guess
            ent._.concept_id, ent._.concept_label, ent._.source = None, "VAS", "ner"
            ents.append(ent)
    doc.ents = ents
    doc = nlp.get_pipe("litkg_abbreviations")(doc)
    assert doc._.abbreviations["VAS"] == ("visual analogue scale", None, None)
    assert list(doc.ents) == []


def test_word_initials_win_over_letters_inside_a_word():
    # both P's of "PPIs" fit the two p's of "pump"; the author meant the initials
    (abbr,) = find_abbreviations("Proton pump inhibitors (PPIs) are common.")
    assert abbr.long == "Proton pump inhibitors"
    (abbr,) = find_abbreviations("patients with deep brain stimulation (DBS) improved")
    assert abbr.long == "deep brain stimulation"


def test_a_plural_short_form_names_the_singular_and_undoes_an_endpoint_built_on_it():
    nlp = _nlp()
    text = "Zorblax blockers (ZBs) are new. ZB use rose."
    doc = nlp.make_doc(text)
    drug = Span(doc, 0, 2, label="DRUG")
    drug._.concept_id, drug._.concept_label, drug._.source = "MESH:D999999", "zorblax blockers", "ner"
    use = Span(doc, 8, 10, label="ENDPOINT")  # "ZB use", built before ZB was known
    use._.source = "endpoint"
    doc.ents = [drug, use]
    doc = nlp.get_pipe("litkg_abbreviations")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Zorblax blockers", "DRUG"),
                                                       ("ZBs", "DRUG"), ("ZB", "DRUG")]


def test_an_everyday_word_with_a_chemical_ending_is_no_chemical_long_form():
    # "medium" and "atrium" end like "sodium", but name a growth medium and a heart chamber:
    # the NER's guesses on their short forms go; a chemical's short form stays
    nlp = _nlp()
    for text, short, label, kept in (
            ("Bacteria grew in Davis minimal medium (DM). DM was used.", "DM", "CONDITION", 0),
            ("A catheter sat in the left atrium (LA). LA size grew.", "LA", "DRUG", 0),
            ("We gave 2-mercaptoethane sulphonate (MESNA). MESNA was used.", "MESNA", "DRUG", 2)):
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, t.i, t.i + 1, label=label) for t in doc if t.text == short]
        for e in doc.ents:
            e._.source = "ner"
        doc = nlp.get_pipe("litkg_abbreviations")(doc)
        assert [e.text for e in doc.ents] == [short] * kept, text

def test_an_endpoint_whose_modifiers_precede_the_spelled_words_gives_its_label():
    nlp = _nlp()
    text = "Atrial electrogram fractionation intervals (FIs) were measured. The mean FI decreased."
    doc = nlp.make_doc(text)
    endpoint = Span(doc, 0, 4, label="ENDPOINT")  # the short form spells only its last two words
    endpoint._.source = "endpoint"
    doc.ents = [endpoint]
    doc = nlp.get_pipe("litkg_abbreviations")(doc)
    assert doc._.abbreviations["FIs"][2] == "ENDPOINT"
    assert ("FI", "ENDPOINT") in [(e.text, e.label_) for e in doc.ents]


def test_a_letter_before_a_word_of_genetics_is_a_nucleotide_not_the_abbreviated_name():
    from litkg.extract.entities import entity_nlp
    from litkg.extract.mentions import mentions_from_doc

    nlp = entity_nlp(use_ner=False)
    text = ("Codon 54 changes alanine (A) to threonine. The A allele and the AA genotype were rarer "
            "in cases; A was replaced.")
    found = [(m.text, m.start) for m in mentions_from_doc(nlp(text)) if m.text == "A"]
    # only the definition and the last use are alanine
    assert [text[s:s + 9] for _, s in found] == ["A) to thr", "A was rep"]
