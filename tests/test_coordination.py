"""Coordination ellipsis: names whose shared words are written once."""

import pytest
import spacy

from litkg.extract.coordination import find_coordinations
from litkg.extract.entities import entity_nlp
from litkg.extract.mentions import mentions_from_doc
from litkg.extract.lexicon import Entry, Lexicon, load_lexicon


def _lexicon(**names):
    """A hand-made lexicon: key -> (label, id)."""
    return Lexicon({k.replace("_", " "): Entry(label, cid, None, k.replace("_", " "), "test")
                    for k, (label, cid) in names.items()})


TOY = _lexicon(protein_c_deficiency=("CONDITION", "MONDO:1"), protein_s_deficiency=("CONDITION", "MONDO:2"),
               breast_cancer=("CONDITION", "MONDO:3"), ovarian_cancer=("CONDITION", "MONDO:4"),
               lung_cancer=("CONDITION", "MONDO:5"), hemodialysis=("PROCEDURE", "MESH:D1"),
               peritoneal_dialysis=("PROCEDURE", "MESH:D2"), dialysis=("PROCEDURE", "MESH:D3"),
               cardiac_disease=("CONDITION", "MONDO:6"), cardiac_arrhythmia=("CONDITION", "MONDO:7"),
               arrhythmia=("CONDITION", "MONDO:7"), diabetes=("CONDITION", "MONDO:8"),
               heart_failure=("CONDITION", "MONDO:9"))


def found(text, lexicon=TOY):
    doc = spacy.blank("en")(text)
    return [(doc[c.start:c.end].text, [e.id for e in c.entries], c.composite)
            for c in find_coordinations(doc, lexicon)]


def test_shared_head_and_shared_first_word():
    assert found("protein C and S deficiency was excluded") == \
        [("protein C and S deficiency", ["MONDO:1", "MONDO:2"], True)]
    assert found("risk of breast or ovarian cancer") == \
        [("breast or ovarian cancer", ["MONDO:3", "MONDO:4"], True)]


def test_lists_of_more_than_two_conjuncts():
    assert found("lung, breast, and ovarian cancer") == \
        [("lung, breast, and ovarian cancer", ["MONDO:5", "MONDO:3", "MONDO:4"], True)]


def test_plain_lists_are_not_merged():
    # "diabetes and heart failure": "diabetes failure" is no name
    assert found("patients with diabetes and heart failure") == []
    # "arrhythmia" names a condition by itself: the plain list reading stands
    assert found("cardiac disease or arrhythmia") == []


def test_a_procedure_conjunct_that_lost_its_head_is_its_own_mention():
    assert found("both hemo- and peritoneal dialysis") == [("hemo-", ["MESH:D1"], False)]


def test_a_head_narrowed_after_a_comma():
    assert found("Risk factors include dialysis, especially peritoneal, and obesity.") == \
        [("peritoneal", ["MESH:D2"], False)]
    assert found("dialysis, especially peritoneal dialysis") == []  # the name is written out


@pytest.mark.parametrize("text,names", [
    ("protein C and S deficiency", ("protein C deficiency", "protein S deficiency")),
    ("type 1 and 2 diabetes", ("type 1 diabetes", "type 2 diabetes"))])
def test_shipped_lexicon_composite_mentions_name_every_conjunct(text, names):
    nlp = entity_nlp(use_ner=False)
    mentions = [m for m in mentions_from_doc(nlp(f"Patients with {text} were excluded."))
                if m.text == text]
    lexicon = load_lexicon()
    assert [m.concept.id for m in mentions] == [lexicon.lookup(n).id for n in names]
    assert {m.label for m in mentions} == {"CONDITION"} and None not in {m.concept.id for m in mentions}
