"""Plants, foods and other organisms given as interventions: "the roles of Lupinus luteus in
the management of metabolic syndrome", "supplementation with Nigella sativa", "Lupid (Lupinus
luteus)", "cranberry juice", "lupin protein isolate".

A Latin binomial names an organism, which the entity stage leaves out (a pathogen is no drug and
no disease).  Nutrition and herbal trials give organisms, though, and name them by binomial;
what makes one an intervention is the grammar around it, as for an unknown drug:

- a giving phrase before it (:data:`litkg.extract.findings.GIVEN_BEFORE`: "administration of",
  "treated with", "receiving"; not "exposed to", which a pathogen is), a feeding phrase
  ("supplementation with", "a diet enriched with", "intake of") or "the role(s)/effect(s)
  of" it "in the management / treatment / prevention of" something;
- a product or dose noun after it ("Nigella sativa extract", "... supplementation", "... oil").

A capitalised product name right before the binomial in brackets ("Lupid (Lupinus luteus)") is
the same intervention.  Food products named by their form ("cranberry juice", "soy protein
isolate") are read by :mod:`litkg.extract.products` (the forms in :data:`FOOD_FORMS`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract.findings import GIVEN_BEFORE

#: forms of a food or plant product, read like drug product forms ("cranberry juice")
FOOD_FORMS = frozenset({"juice", "juices", "powder", "flour", "bran", "oil", "oils", "tea",
                        "teas"})
#: a protein product of a food ("lupin protein isolate", "whey protein concentrate")
PROTEIN_PRODUCTS = frozenset({"isolate", "concentrate", "hydrolysate", "hydrolyzate"})
#: a Latin species epithet: "luteus", "sativa", "officinale", "ginseng" is no epithet
_EPITHET = re.compile(r"^[a-z]{3,}(?:us|a|um|is|ii|ae|i|ensis|oides|ens|ans|ix|ax)$")
_GENUS = re.compile(r"^[A-Z][a-z]{3,}$")
#: nouns after a binomial that make it a product given
#: (not plant parts, "Nicotiana benthamiana leaves" are a laboratory host, nor "treatment":
#: "Candida albicans treatment" treats the infection)
_PRODUCT_AFTER = frozenset({"extract", "extracts", "supplementation", "supplement",
                            "supplements", "capsules", "tablets", "administration", "intake",
                            "consumption"}) | FOOD_FORMS
_ROLE_BEFORE = re.compile(r"\b(?:roles?|effects?|efficacy|benefits?|use)\s+of\s*$", re.I)
_ROLE_AFTER = re.compile(r"^\s*(?:and\s+[\w\s-]{1,40}?\s+)?(?:in|for)\s+(?:the\s+)?"
                         r"(?:management|treatment|prevention|therapy|control)\b", re.I)
#: how foods and supplements are given: "supplementation with", "fed", "a diet enriched with"
_FED = re.compile(r"\b(?:supplement(?:ation|ed|s)?|enriched|fortified|fed|feeding|diets?|"
                  r"intake|consumption)\s+(?:with|of)\s*$", re.I)
#: "the use of Milium effusum" as a material: a use is a giving only in a management frame
_USE_OF = re.compile(r"\buse\s+of\s*$", re.I)
_EXPOSURE = re.compile(r"\bexpos(?:ed|ure)\b[^.]*$", re.I)


def _binomials(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    out = []
    for i in range(len(doc) - 1):
        if i in taken or i + 1 in taken or not doc[i].whitespace_:
            continue
        if _GENUS.match(doc[i].text) and _EPITHET.match(doc[i + 1].text):
            out.append((i, i + 2))
    return out


def _given(doc: Doc, start: int, end: int) -> bool:
    sent = doc[start].sent
    before = doc.text[max(sent.start_char, doc[start].idx - 60):doc[start].idx]
    after = doc.text[doc[end - 1].idx + len(doc[end - 1].text):min(sent.end_char,
                                                                      doc[end - 1].idx + 120)]
    if end < len(doc) and doc[end].lower_ in _PRODUCT_AFTER:
        return True
    if _EXPOSURE.search(before):
        return False
    if (GIVEN_BEFORE.search(before) and not _USE_OF.search(before)) or _FED.search(before):
        return True
    return bool(_ROLE_BEFORE.search(before) and _ROLE_AFTER.match(after))


def organism_interventions(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with DRUG spans (id unknown) for organisms written as given and for the product
    name that stands before one in brackets.  An unknown name the NER made across the binomial
    ("Nigella sativa reduced") gives way to it; a known one (a grounded entity) is kept."""
    loose = [e for e in ents if e._.concept_id is None and e._.source == "ner"]
    taken = {i for e in ents if e not in loose for i in range(e.start, e.end)}
    names = {doc[start:end].text for start, end in _binomials(doc, taken)
             if _given(doc, start, end)}
    if not names:
        return ents
    added: list[Span] = []
    # the binomial wherever the text names it, and its product name "Lupid (Lupinus luteus)"
    for start, end in _binomials(doc, taken):
        if doc[start:end].text not in names:
            continue
        pieces = [(start, end)]
        if start >= 2 and doc[start - 1].text == "(" and start - 2 not in taken and \
                _GENUS.match(doc[start - 2].text):
            pieces.append((start - 2, start - 1))
        for a, b in pieces:
            span = Span(doc, a, b, label="DRUG")
            span._.source = "product"
            added.append(span)
            taken.update(range(a, b))
    kept = [e for e in ents if not any(a.start < e.end and e.start < a.end for a in added)]
    return kept + added
