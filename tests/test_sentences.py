"""The sentence component splits at punctuation, blank lines and bullets."""

import spacy

import litkg.extract.pipeline  # noqa: F401  (registers the litkg_sentences factory)


def _sents(text):
    nlp = spacy.blank("en")
    nlp.add_pipe("litkg_sentences")
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_punctuation_and_paragraphs():
    text = "Cinacalcet was started. PTH fell.\n\nTreatment Efficacy Data\n\nCalcium was unchanged."
    assert _sents(text) == ["Cinacalcet was started.", "PTH fell.", "Treatment Efficacy Data",
                            "Calcium was unchanged."]


def test_bullets_start_sentences():
    text = "Safety:\n  • Nausea RR 2.05 was common\n  • Hypocalcemia risk is significant (RR 7.38)"
    sents = _sents(text)
    assert any(s.startswith("• Nausea") for s in sents)
    assert any(s.startswith("• Hypocalcemia") for s in sents)


def test_single_newline_inside_a_sentence_does_not_split():
    assert _sents("PTH concentration slightly\ndecreased to 225 pg/ml.") == [
        "PTH concentration slightly\ndecreased to 225 pg/ml."]


def test_a_mixed_case_abbreviation_ends_before_the_final_period():
    from litkg.extract.pipeline import build_nlp

    nlp = build_nlp()
    assert [t.text for t in nlp.make_doc("The treatment of MetS.")][-2:] == ["MetS", "."]
    assert "U.S." in [t.text for t in nlp.make_doc("We used U.S. data.")]


def test_a_unit_with_a_one_letter_denominator_ends_a_sentence():
    from litkg.extract.pipeline import build_nlp

    doc = build_nlp().make_doc("It was 0.8 mmol/L. Ibuprofen was started. Sodium was 131 mmol/l. It fell after 24 h. Then.")
    doc = build_nlp().get_pipe("litkg_sentences")(doc)
    assert [s.text for s in doc.sents] == ["It was 0.8 mmol/L.", "Ibuprofen was started.",
                                           "Sodium was 131 mmol/l.", "It fell after 24 h.", "Then."]


def test_a_capital_letter_ending_a_sentence_ends_it_but_an_initial_before_lower_case_does_not():
    from litkg.extract.pipeline import build_nlp

    nlp = build_nlp()
    doc = nlp.get_pipe("litkg_sentences")(nlp.make_doc(
        "She took vitamin D. Then it was 3 in group B. Smith et al. reported it."))
    assert [s.text for s in doc.sents] == ["She took vitamin D.", "Then it was 3 in group B.",
                                           "Smith et al. reported it."]


def test_a_dotted_or_latin_abbreviation_before_lower_case_or_a_number_ends_no_sentence():
    for text in ["Hypocalcaemia followed i.v. zorbamide treatment.",
                 "A deletion of chromosome no. 12 was found.",
                 "She developed Candida spp. fungaemia after surgery."]:
        assert _sents(text) == [text]
    # before a capital it still ends the sentence
    assert _sents("She got 3 mg/kg i.v. The rash faded.") == ["She got 3 mg/kg i.v.",
                                                             "The rash faded."]


def test_the_last_letter_of_a_hyphenated_name_ends_a_sentence_before_a_capital():
    # spaCy keeps "a." whole after the hyphen, as it does a list letter
    assert _sents("PRMT5 rose with IL-1b and TNF-a. Inhibition of PRMT5 lowered IL-6.") == [
        "PRMT5 rose with IL-1b and TNF-a.", "Inhibition of PRMT5 lowered IL-6."]
    assert _sents("Levels of interleukin-b. were low.") == ["Levels of interleukin-b. were low."]
