"""Is a name written as something given to a patient, whatever the recogniser typed it?

Split from :mod:`litkg.extract.claims_relations`.  The recogniser types some drugs by their
other readings (a protein or gene: "insulin", "G-CSF", "thrombin"; an analyte; an unknown
abbreviation typed as a disease: "DCF"; a vaccination typed as a procedure): the grammar of
giving ("X therapy", "treated with 2 cc of X", "receiving X", "side effects of X", "X-induced Y")
shows the role whatever the type, so the harm relation takes such a name as a drug candidate
without retyping it for every other use (the NER benchmarks type it as written).
"""

import re

from spacy.tokens import Doc, Span

from litkg.extract.findings import GIVEN_AFTER, GIVEN_BEFORE
from litkg.extract.induced import CAUSE_WORDS


#: joined to a drug named before: "insulin together with metformin"
_GIVEN_WITH = re.compile(r"\b(combined|combination|together|along|coadministered) with\s*$", re.I)
#: a name followed by these is the target of the drug, not the drug ("TNF-alpha inhibitor")
_TARGET_OF = ("inhibitor", "antagonist", "agonist", "blocker", "antibod", "analog", "receptor")


#: subtype words written after a protein's name: "IFN beta", "interferon alfa-2b"
_SUBTYPE = frozenset({"alpha", "alfa", "beta", "gamma", "lambda", "kappa", "omega"})


def _word_after_name(doc: Doc, e: Span) -> str:
    """The word after ``e`` and the subtype glued to it or written after it ("IFN-beta therapy",
    "IFN beta therapy": "therapy"): the recogniser often types only the stem of such a name."""
    j = e.end
    while j < len(doc):
        subtype = doc[j].lower_.split("-")[0] in _SUBTYPE  # "beta", "alfa-2b"
        glued = not doc[j - 1].whitespace_ and (doc[j].text in ("-", "\u2013")
                                                or doc[j].text.isalnum())  # "-2b"
        if not (subtype or glued) or doc[j].lower_ in CAUSE_WORDS:
            break  # ("thrombin-induced": the cause word is the word after the name)
        j += 1
    # "granulocyte colony-stimulating factor (G-CSF) therapy": the abbreviation the name
    # defines stands between it and the giving noun
    if j < len(doc) and doc[j].text == "(":
        j = next((k + 1 for k in range(j + 1, min(len(doc), j + 5)) if doc[k].text == ")"), j)
    elif j < len(doc) and doc[j].text == ")" and e.start > 0 and doc[e.start - 1].text == "(":
        j += 1
    return doc[j].lower_ if j < len(doc) else ""


#: a harm of the name that follows: "the side effects of insulin", "the ocular toxicity of DCF"
#: (only a drug has side effects or a toxicity of its own)
_HARM_OF = re.compile(r"\b((side|adverse|toxic|untoward) effects?|toxicit(y|ies)) of( the)?\s*$",
                      re.I)


def _dose_start(doc: Doc, i: int) -> int:
    """Start of an amount written right before token ``i`` ("treated with 1 to 2 cc of
    thrombin", "given 3 courses of X": the giving words stand before it), else ``i``."""
    if i < 3 or doc[i - 1].lower_ != "of" or not doc[i - 2].is_alpha:
        return i
    k, number = i - 3, False
    while k >= 0 and i - k <= 7 and (doc[k].like_num or doc[k].lower_ in ("to", "-", "\u2013")):
        number = number or doc[k].like_num
        k -= 1
    return k + 1 if number else i


def _coined(e: Span) -> bool:
    """Written as an abbreviation or code ("DCF", "AZ", "5-FU"), not as a word."""
    return any(ch.isupper() or ch.isdigit() for ch in e.text[1:])


def administered(doc: Doc, e: Span) -> bool:
    """Is a name outside the drug labels written as something given to a patient?  The
    recogniser types some drugs by their other readings (a protein or gene: "insulin",
    "G-CSF"; an analyte; an unknown abbreviation typed as a disease): the grammar of giving
    ("X therapy", "treated with X", "receiving X") shows the role whatever the type.  A
    disease-typed name counts only after a giving verb or noun ("diabetes treatment" is an
    indication, "numbness combined with Y" a second finding)."""
    nxt = doc[e.end].lower_ if e.end < len(doc) else ""
    if nxt.startswith(_TARGET_OF):
        return False
    start = _dose_start(doc, e.start)  # past an amount: "treated with 2 cc of thrombin"
    before = doc[max(0, start - 3):start].text
    if GIVEN_BEFORE.search(before):
        return True
    # a harm of it ("side effects of insulin"); a disease-typed name only when coined ("toxicity
    # of DCF"), as "toxic effects of hyperglycaemia" names a disease's harm
    if _HARM_OF.search(doc[max(0, e.start - 4):e.start].text) and (
            e.label_ != "CONDITION" or _coined(e)):
        return True
    after = _word_after_name(doc, e)
    # a protein or analyte as the cause of a harm ("IFN beta induced hepatitis") is given, as
    # is one before a giving noun ("insulin therapy")
    return e.label_ in ("TARGET", "ANALYTE") and (
        nxt in GIVEN_AFTER or after in GIVEN_AFTER or after in CAUSE_WORDS
        or bool(_GIVEN_WITH.search(before)))


def vaccine(e: Span) -> bool:
    """"hepatitis B vaccination": a vaccine is a biological drug, whatever the vocabulary
    calls its giving (a procedure)."""
    return e.label_ == "PROCEDURE" and e[-1].lower_.startswith(("vaccin", "immuniz", "immunis"))
