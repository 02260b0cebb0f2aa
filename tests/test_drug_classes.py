"""Mechanisms stated by a drug's class name (litkg.extract.drug_classes)."""

from litkg.evaluate.claims import annotated_doc
from litkg.extract.drug_classes import class_mechanisms


def _mechanisms(text, ents, abbreviations=None):
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append((start, start + len(phrase), label, None))
    doc = annotated_doc(text, spans)
    if abbreviations:
        doc._.abbreviations = abbreviations
    sent = doc[:]
    return [(d.text, getattr(t, "text", None) or t.label, direction)
            for d, t, direction, _ in class_mechanisms(sent, list(doc.ents))]


def test_class_before_the_drug_with_a_target_entity_and_a_parenthesis():
    text = "The ALK tyrosine-kinase inhibitor (TKI) crizotinib prolonged survival."
    got = _mechanisms(text, [("ALK", "TARGET"), ("crizotinib", "DRUG")])
    assert got == [("crizotinib", "ALK", "decreased")]


def test_class_after_the_drug_names_its_target_in_words():
    text = "Amlodipine, a long-acting calcium channel blocker, lowered blood pressure."
    got = _mechanisms(text, [("Amlodipine", "DRUG"), ("blood pressure", "ANALYTE")])
    assert got == [("Amlodipine", "calcium channel", "decreased")]
    text = "The PPAR-gamma agonist pioglitazone was added."
    assert _mechanisms(text, [("pioglitazone", "DRUG")]) == [("pioglitazone", "PPAR-gamma", "increased")]


def test_a_copula_states_the_class_too():
    text = "Semaglutide is a GLP-1 receptor agonist that slows gastric emptying."
    assert _mechanisms(text, [("Semaglutide", "DRUG")]) == [("Semaglutide", "GLP-1 receptor", "increased")]


def test_an_abbreviated_class_takes_its_definition():
    text = "The trial tested the isoform selective HDACi, entinostat."
    got = _mechanisms(text, [("entinostat", "DRUG")],
                      {"HDACis": ("histone deacetylase inhibitors", None, "DRUG")})
    assert got == [("entinostat", "histone deacetylase", "decreased")]


def test_no_apposition_no_mechanism():
    text = "Inhibitors of the pump were avoided, and omeprazole was stopped."
    assert _mechanisms(text, [("omeprazole", "DRUG")]) == []
    text = "Metoprolol, a beta-blocker, was given."  # "beta" names no target
    assert _mechanisms(text, [("Metoprolol", "DRUG")]) == []


def test_a_class_after_a_copula_and_comma_separated_qualifiers():
    text = "Osimertinib is a third-generation, irreversible EGFR tyrosine kinase inhibitor."
    got = _mechanisms(text, [("Osimertinib", "DRUG"), ("EGFR", "TARGET")])
    assert got == [("Osimertinib", "EGFR", "decreased")]


def test_a_target_inside_a_class_name_is_a_word_of_the_name():
    from litkg.extract.drug_classes import inside_class_name
    text = "Osimertinib versus standard EGFR-TKIs and EGFR expression in tumours."
    spans = [(text.index("EGFR"), text.index("EGFR") + 4, "TARGET", None),
             (text.rindex("EGFR"), text.rindex("EGFR") + 4, "TARGET", None)]
    doc = annotated_doc(text, spans)
    first, second = doc.ents
    assert inside_class_name(doc[:], list(doc.ents), first)
    assert not inside_class_name(doc[:], list(doc.ents), second)


def test_a_class_noun_with_its_target_after_of():
    text = "Linezolid is a weak, reversible inhibitor of monoamine oxidase."
    assert _mechanisms(text, [("Linezolid", "DRUG")]) == [
        ("Linezolid", "monoamine oxidase", "decreased")]


def test_an_enzyme_inducer_raises_its_target():
    text = "Carbamazepine is a potent inducer of CYP3A4 and lowers quetiapine levels."
    got = _mechanisms(text, [("Carbamazepine", "DRUG"), ("CYP3A4", "TARGET")])
    assert got == [("Carbamazepine", "CYP3A4", "increased")]


def test_a_list_of_classes_is_no_apposition():
    text = "Patients on mTOR inhibitors, calcineurin inhibitors or steroids were excluded."
    got = _mechanisms(text, [("mTOR", "TARGET"), ("calcineurin inhibitors", "DRUG"), ("steroids", "DRUG")])
    assert got == []
