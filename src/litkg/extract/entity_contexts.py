"""Is a lab symbol or chemical name measured or given, by the words around it?

Split from :mod:`litkg.extract.entities`: the entity stage asks :func:`lab_context` before it
lets a lab symbol ("Ca", "P") stand for an analyte, :func:`dosing_context` before it types a
chemical analyte ("phosphate") as the drug given ("oral phosphate"), and
:func:`measured_vocabulary_chemical` before it lets a ground-only chemical name a measured
amount ("zinc levels").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from litkg.extract.lexicon import Entry, Lexicon, common_words, norm_token
from litkg.extract.units import is_dose_unit

# Context words (normalised) that make a chemical analyte an administered DRUG.
_DOSING_AFTER = {"supplementation", "supplement", "therapy", "treatment", "infusion",
                 "administration", "binder", "tablet", "salt", "replacement", "dose", "injection",
                 "repletion", "intake", "preparation", "solution", "enema"}
_DOSING_BEFORE = {"oral", "intravenous", "iv", "dose", "supplemental", "supplementary", "receiving",
                  "received", "administered", "given", "infused", "injected", "prescribed",
                  "mg", "g", "mmol", "meq", "iu", "µg", "mcg"}
_TREATED_WITH = {"treatment", "therapy", "treated", "supplemented", "supplementation"}
_SPECIMEN = {"serum", "plasma", "blood", "urine", "urinary", "ionized", "total", "circulating", "fasting"}
_LAB_BEFORE = {"elevated", "increased", "decreased", "raised", "low", "high", "normal", "abnormal",
               "reduced", "measured", "baseline"}
_LAB_AFTER = {"level", "concentration", "measurement", "assay"}  # not "value": "P value"
_NUMBER = re.compile(r"^[<>≤≥~]?\d+([.,]\d+)?$")
_UNIT = re.compile(r"^(m|µ|μ|u|n|p|d|k)?(mol|g|eq|iu|u|l)(/[a-z0-9.²]+)*$|^%$|^mg/dl$", re.I)


def lab_context(doc: Doc, start: int, end: int, lexicon: Lexicon | None = None) -> bool:
    """A lab symbol is a lab analyte when followed by a number and a unit ("Ca 2.1 mmol/L"),
    preceded by a specimen word ("serum Ca"), or defined in a legend ("Ca: calcium")."""
    if start > 0 and norm_token(doc[start - 1].text) in _SPECIMEN | _LAB_BEFORE:
        return True
    if end < len(doc) and norm_token(doc[end].text) in _LAB_AFTER:
        return True
    j = end
    if j < len(doc) and doc[j].text in (":", "=", ","):
        # legend: "Ca: calcium" -- the next words name the same concept
        if lexicon is not None and j + 1 < len(doc):
            entry = lexicon.entries.get(norm_token(doc[j + 1].text))
            here = lexicon.entries.get(norm_token(doc[start:end].text)) or lexicon.entries.get("=" + doc[start:end].text)
            if entry is not None and here is not None and entry.id and entry.id == here.id:
                return True
        if doc[j].text == ",":
            return False
        j += 1
    if j < len(doc) and _NUMBER.match(doc[j].text):
        k = j + 1
        while k < len(doc) and (doc[k].text in ("±", "+/-", "-", "–") or _NUMBER.match(doc[k].text)):
            k += 1
        return k < len(doc) and bool(_UNIT.match(doc[k].text))
    return False


def dosing_context(doc: Doc, start: int, end: int) -> bool:
    """Is a chemical analyte given rather than measured ("oral phosphate", "calcium
    supplementation", "treatment with phosphorus and calcitriol")?"""
    if end < len(doc) and norm_token(doc[end].text) in _DOSING_AFTER:
        return True
    # "phosphate (1 g/day)", "Ca oral: 2 g/day": an amount with a dose unit follows
    window = [t.text for t in doc[end:end + 6]]
    for i, tok in enumerate(window[:4]):
        if i + 1 < len(window) and _NUMBER.match(tok) and is_dose_unit(window[i + 1]) and all(
                w in ("(", ":", "oral", "i.v.", "iv", "=") for w in window[:i]):
            rest = "".join(window[i + 2:i + 4]).lower()
            return not re.match(r"^/(d?l|ml)\b", rest)  # "7.5 mg/dL" is a concentration
    before = [norm_token(t.text) for t in doc[max(0, start - 3):start]]
    if before and before[-1] in _DOSING_BEFORE:
        return True
    if len(before) >= 2 and before[-1] in ("with", "of") and before[-2] in _TREATED_WITH | {"dose", "doses"}:
        return True
    return False


def dosed_vocabulary_chemical(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    """Is a one-word chemical that only a whole vocabulary lists (MeSH: "arginine", "lysine",
    ground-only because such words also name residues, nutrients, reagents) given here: a
    rare word in a dosing context ("oral lysine", "arginine supplementation")?  Only a
    substance's own name: the vocabulary's entry terms of a class ("hormone" of Hormones,
    "antiviral" of Antiviral Agents, "anticonvulsants") name what a therapy is, not a drug."""
    word = doc[start].text
    return end - start == 1 and entry.source in ("mesh", "drugs") and word.isalpha() and \
        len(word) >= 5 and word.lower() == entry.name.lower() and not word.lower().endswith("s") \
        and word.lower() not in common_words() and dosing_context(doc, start, end)


#: words after a substance that name its measured amount ("zinc levels", "lead concentration")
_LEVEL_WORDS = frozenset({"level", "levels", "concentration", "concentrations"})


def measured_vocabulary_chemical(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    """Is a one-word chemical that a vocabulary lists only to ground (MeSH "zinc", "copper")
    named here as a measured amount, a level word after it ("Zinc levels were lower")?  Only a
    rare word: the entity stage gives every repeat of a name its reading, and an everyday word
    ("lead" in "blood lead levels") would carry it to the verb ("may lead to")."""
    word = doc[start].text
    # a substance's own name, not an entry term of a class ("cytokine" of Cytokines, "mRNA" of
    # "RNA, Messenger")
    return end - start == 1 and entry.label == "DRUG" and entry.source in ("mesh", "drugs") \
        and word.isalpha() and len(word) >= 4 and word.lower() == entry.name.lower() \
        and end < len(doc) and norm_token(doc[end].text) in _LEVEL_WORDS \
        and word.lower() not in common_words()
