"""Words before a condition that belong to its name, and the statistics they are judged by."""

import pytest
import spacy
from spacy.tokens import Span

from litkg.extract.entities import entity_nlp
from litkg.extract.mentions import mentions_from_doc
from litkg.extract.extensions import register_extensions
from litkg.extract.lexicon import load_lexicon
from litkg.extract.modifiers import modified_vocabulary_names, modifier_statistics, name_start


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    return spacy.blank("en")


def start_of(nlp, text, first, end, label="CONDITION", source="ner"):
    """Where the name of the span ``first:end`` of ``text`` starts after name_start."""
    doc = nlp(text)
    span = Span(doc, first, end, label=label)
    span._.source = source
    return doc[name_start(doc, span, set()):end].text


def test_statistics_are_shipped():
    stats = modifier_statistics()
    assert stats["necrotizing"][0] >= 3  # vocabularies start condition names with it
    vocab, first, before = stats["recurrent"]  # corpora mostly leave "recurrent" outside
    assert before > first


def test_participle_joins_a_one_word_finding_found_by_the_vocabulary(nlp):
    assert start_of(nlp, "a rapidly extensive necrotizing livedo", 4, 5, "PHENOTYPE", "lexicon") == \
        "necrotizing livedo"
    # the NER's own boundary is kept: it has learnt where annotators end names
    assert start_of(nlp, "a rapidly extensive necrotizing livedo", 4, 5, "PHENOTYPE", "ner") == "livedo"


def test_rarer_adjective_names_the_type_of_an_organ_disease(nlp):
    assert start_of(nlp, "the risk of adynamic bone disease", 4, 6) == "adynamic bone disease"
    # everyday words, qualifiers, eponyms and corpus-outside words stay out
    assert start_of(nlp, "the risk of severe bone disease", 4, 6) == "bone disease"
    assert start_of(nlp, "with preexisting renal disease", 2, 4) == "renal disease"
    assert start_of(nlp, "in fluctuating Parkinson 's disease", 2, 5) == "Parkinson 's disease"
    assert start_of(nlp, "with recurrent bone disease", 2, 4) == "bone disease"
    # drugs are never widened
    assert start_of(nlp, "adynamic warfarin", 1, 2, "DRUG") == "warfarin"


def test_ground_only_condition_word_after_a_name_starting_adjective(nlp):
    lexicon = load_lexicon()
    doc = nlp("Alopecia and dermal cysts occur; the cysts and retinal ganglion were normal.")
    found = [(doc[s:e].text, entry.name) for s, e, entry in
             modified_vocabulary_names(doc, lexicon, set(), {"ganglion"})]
    assert found == [("dermal cysts", "Cysts")]


def test_in_the_entity_component():
    found = [(m.text, m.concept.id) for m in mentions_from_doc(
        entity_nlp(use_ner=False)("It led to a necrotizing livedo and dermal cysts."))]
    assert ("necrotizing livedo", "HP:0033832") in found  # the broader finding's id
    assert any(text == "dermal cysts" for text, _ in found)


def test_the_course_of_a_condition_is_not_a_condition():
    from litkg.extract.entities import entity_nlp
    from litkg.extract.mentions import mentions_from_doc

    doc = entity_nlp()("Postoperative recurrence was rare; dermal cysts were seen.")
    assert [m.text for m in mentions_from_doc(doc)] == ["dermal cysts"]


def test_a_phrase_with_its_own_name_takes_that_name():
    from litkg.extract.entities import entity_nlp
    from litkg.extract.mentions import mentions_from_doc

    doc = entity_nlp()("Adults with ureteric colic were enrolled.")
    assert [(m.text, m.concept.id) for m in mentions_from_doc(doc)] == [("ureteric colic", "MESH:D056844")]
