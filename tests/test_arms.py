"""Trial arm codes (litkg.extract.arms): "(group BC)" defined once, used in results."""

from handmade import doc_with_ents

from litkg.extract.arms import make_arms  # noqa: F401 (registers litkg_arms)


def _arms(text, drugs):
    """Entities after ``litkg_arms`` on ``text`` whose ``drugs`` (phrases) are DRUG entities."""
    doc = doc_with_ents(text, [(d, "DRUG") for d in drugs], pipes=("sentencizer", "litkg_arms"),
                        concept_labels=True)
    return [(e.text, e.label_, e._.concept_label) for e in doc.ents if e._.source == "arm"]


TRIAL = ("Patients were allocated to receive bupivacaine plus saline (group BS), bupivacaine and "
         "clonidine (group BC), or bupivacaine, clonidine and fentanyl (BCF group). "
         "Sedation was higher in group BC and BCF than in BS.")


def test_codes_take_the_drugs_their_arm_does_not_share():
    got = _arms(TRIAL, ["bupivacaine", "saline", "bupivacaine", "clonidine", "bupivacaine",
                        "clonidine", "fentanyl"])
    assert got == [("BC", "DRUG", "clonidine"), ("BCF", "DRUG", "clonidine + fentanyl"),
                   ("BS", "PROCEDURE", "control")]


def test_one_code_is_an_abbreviation_not_an_arm_list():
    text = "Methotrexate (MTX) was given weekly. MTX was stopped."
    assert _arms(text, ["Methotrexate"]) == []


def test_a_count_in_parentheses_is_not_a_code():
    text = "Drug A (n = 20) or drug B (n = 22) was given. Both (n) arms improved."
    assert _arms(text, ["Drug A", "drug B"]) == []


def test_a_one_letter_code_needs_its_group_word():
    text = ("Patients received ropivacaine (Group R) or bupivacaine (Group B). Block lasted longer "
            "in Group B; hepatitis B status was recorded.")
    got = _arms(text, ["ropivacaine", "bupivacaine"])
    assert got == [("B", "DRUG", "bupivacaine")]


def test_arms_named_by_role():
    text = ("Patients received artificial tears and a steroid (study group) or a steroid alone "
            "(control group). TBUT was higher in the study group than in the control group.")
    got = _arms(text, ["artificial tears", "steroid", "steroid"])
    assert got == [("study group", "DRUG", "artificial tears"), ("control group", "PROCEDURE", "control")]


def test_arms_written_code_first():
    text = ("Cough occurred in 9% and 41% in Group A (propofol) and Group B (placebo), "
            "respectively. Cough was rarer in Group A than in Group B.")
    got = _arms(text, ["propofol", "placebo"])
    assert got == [("A", "DRUG", "propofol"), ("B.", "PROCEDURE", "control")]  # "B." one token
