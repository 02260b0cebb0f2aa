"""Combination regimens: "CHOP", "R-CHOP", "FOLFOX4", "ABVD", "XELOX" name the drugs given.

Oncology abstracts name the treatment by its regimen's acronym, and every claim of such a trial
is about it ("R-CHOP improved overall survival compared with CHOP").  No vocabulary of the
lexicon lists regimens (MeSH files them under one descriptor, "Antineoplastic Combined
Chemotherapy Protocols"), and the NER, trained on chemicals, misses them; some acronyms are
also gene symbols ("CHOP", "TCF") or clinical abbreviations ("CVP", "VAD", "ECF").  Three cues
make an acronym a regimen (DRUG, no identifier: none is invented):

- the text defines it by its drugs: an acronym in parentheses right after two or more drugs
  joined by commas, "and", "plus", "with", "+" or "/" ("docetaxel, cisplatin, 5-FU (TCF)"): the
  letters need not spell the drugs' names (brand names: H of CHOP is hydroxydaunorubicin, T of
  TCF Taxotere), the list is the definition; an acronym that abbreviates the last drug alone
  ("cisplatin and methotrexate (MTX)") is that drug's, not a regimen;
- it is a standard regimen of :data:`REGIMENS`, a small hand-curated table (written from
  standard oncology usage, the curator's knowledge, with each regimen's component drugs; CMF,
  CHOP, TCF, ECF, DCF, CVP, ABVD, MOPP, ESHAP, VAD are written so in the shared benchmark
  texts).  An acronym that is also something else (:data:`AMBIGUOUS`: a gene, a pressure, a
  device) is a regimen only in a regimen context: a prefix ("R-CHOP"), a cycle number
  ("CHOP-14"), a regimen word next to it ("CHOP chemotherapy", "six cycles of CHOP",
  "CHOP-based"); once so, its other mentions in the document are the regimen too (one name,
  one reading per document).  A text that defines the acronym as something that is no drug
  ("venous access devices (VAD)") keeps that reading;
- a known or defined regimen with a drug prefix: "R-" (rituximab), "DA-" (dose-adjusted),
  "m" (modified: "mFOLFOX6"), "hyper-" ("hyper-CVAD"), and a schedule number after it
  ("FOLFOX4", "CHOP-21").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract.abbreviations import best_long_form, find_abbreviations

#: standard regimens -> component drugs (the curator's knowledge of oncology usage; see the
#: module doc).  Only the component list documents what the acronym means: the regimen entity
#: has no identifier of its own.
REGIMENS: dict[str, tuple[str, ...]] = {
    # lymphoma, myeloma
    "CHOP": ("cyclophosphamide", "doxorubicin", "vincristine", "prednisone"),
    "CVP": ("cyclophosphamide", "vincristine", "prednisone"),
    "EPOCH": ("etoposide", "prednisone", "vincristine", "cyclophosphamide", "doxorubicin"),
    "ABVD": ("doxorubicin", "bleomycin", "vinblastine", "dacarbazine"),
    "BEACOPP": ("bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine",
                "procarbazine", "prednisone"),
    "MOPP": ("mechlorethamine", "vincristine", "procarbazine", "prednisone"),
    "ICE": ("ifosfamide", "carboplatin", "etoposide"),
    "DHAP": ("dexamethasone", "cytarabine", "cisplatin"),
    "ESHAP": ("etoposide", "methylprednisolone", "cytarabine", "cisplatin"),
    "GemOx": ("gemcitabine", "oxaliplatin"),
    "GEMOX": ("gemcitabine", "oxaliplatin"),
    "CVAD": ("cyclophosphamide", "vincristine", "doxorubicin", "dexamethasone"),
    "VAD": ("vincristine", "doxorubicin", "dexamethasone"),
    "VMP": ("bortezomib", "melphalan", "prednisone"),
    "CyBorD": ("cyclophosphamide", "bortezomib", "dexamethasone"),
    "VRd": ("bortezomib", "lenalidomide", "dexamethasone"),
    # gastrointestinal
    "FOLFOX": ("folinic acid", "fluorouracil", "oxaliplatin"),
    "FOLFIRI": ("folinic acid", "fluorouracil", "irinotecan"),
    "FOLFIRINOX": ("folinic acid", "fluorouracil", "irinotecan", "oxaliplatin"),
    "FOLFOXIRI": ("folinic acid", "fluorouracil", "oxaliplatin", "irinotecan"),
    "XELOX": ("capecitabine", "oxaliplatin"),
    "CAPOX": ("capecitabine", "oxaliplatin"),
    "XELIRI": ("capecitabine", "irinotecan"),
    "FLOT": ("fluorouracil", "leucovorin", "oxaliplatin", "docetaxel"),
    "ECF": ("epirubicin", "cisplatin", "fluorouracil"),
    "ECX": ("epirubicin", "cisplatin", "capecitabine"),
    "EOX": ("epirubicin", "oxaliplatin", "capecitabine"),
    "DCF": ("docetaxel", "cisplatin", "fluorouracil"),
    "TCF": ("docetaxel", "cisplatin", "fluorouracil"),
    "TPF": ("docetaxel", "cisplatin", "fluorouracil"),
    # breast, germ cell, sarcoma, bladder, brain
    "CMF": ("cyclophosphamide", "methotrexate", "fluorouracil"),
    "FEC": ("fluorouracil", "epirubicin", "cyclophosphamide"),
    "CAF": ("cyclophosphamide", "doxorubicin", "fluorouracil"),
    "FAC": ("fluorouracil", "doxorubicin", "cyclophosphamide"),
    "TAC": ("docetaxel", "doxorubicin", "cyclophosphamide"),
    "AC": ("doxorubicin", "cyclophosphamide"),
    "EC": ("epirubicin", "cyclophosphamide"),
    "BEP": ("bleomycin", "etoposide", "cisplatin"),
    "VAC": ("vincristine", "dactinomycin", "cyclophosphamide"),
    "MVAC": ("methotrexate", "vinblastine", "doxorubicin", "cisplatin"),
    "M-VAC": ("methotrexate", "vinblastine", "doxorubicin", "cisplatin"),
    "PCV": ("procarbazine", "lomustine", "vincristine"),
}
#: acronyms that also name a gene, a measure, a device or a cell type ("CHOP" the gene DDIT3,
#: "CVP" central venous pressure, "VAD" ventricular assist device, "TAC" tacrolimus, "EC"
#: endothelial cells): a regimen only in a regimen context
AMBIGUOUS = frozenset({"CHOP", "CVP", "EPOCH", "ICE", "DHAP", "VAD", "ECF", "DCF", "TCF", "TPF",
                       "CAF", "FAC", "TAC", "AC", "EC", "BEP", "VAC", "PCV", "FEC", "VMP",
                       "CVAD", "ECX", "EOX"})
#: words next to an acronym that say it is given as a regimen
_REGIMEN_WORDS = frozenset({"regimen", "regimens", "chemotherapy", "chemotherapies", "chemo",
                            "immunochemotherapy", "chemoimmunotherapy", "protocol", "based",
                            "like", "containing", "cycles", "courses", "cycle", "course"})
#: "six cycles of CHOP": the words two before an acronym
_DOSED_OF = frozenset({"cycles", "courses", "cycle", "course", "regimen", "doses"})
_NAMES = "|".join(sorted(map(re.escape, REGIMENS), key=len, reverse=True))
_REGIMEN = re.compile(rf"(?<![\w-])(?P<prefix>DA-R-|DA-|R-|hyper-|m)?(?P<name>{_NAMES})"
                      rf"(?P<suffix>-?\d{{1,2}})?(?!\w)(?!-\d)")
#: what joins the drugs of a defining list
_LIST_JOINS = frozenset({",", "and", "plus", "+", "/", "with"})
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9-]{2,12}$")


def defined_regimens(doc: Doc, drugs: list[Span]) -> set[str]:
    """Acronyms the text defines by a list of two or more drugs: "cyclophosphamide,
    doxorubicin, vincristine and prednisone (CHOP)"."""
    ends = {d.end: d for d in drugs}
    out = set()
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        short = doc[tok.i + 1].text
        last = ends.get(tok.i)
        if not _ACRONYM.match(short) or last is None or \
                best_long_form(short, last.text) is not None:
            continue  # "cisplatin and methotrexate (MTX)": the last drug's abbreviation
        count, i = 1, last.start
        while True:  # back over "X, Y and" to the first drug of the list
            j = i - 1
            while j >= 0 and doc[j].lower_ in _LIST_JOINS:
                j -= 1
            prev = ends.get(j + 1)
            if j == i - 1 or prev is None:
                break
            count, i = count + 1, prev.start
        if count >= 2:
            out.add(short)
    return out


def _in_regimen_context(doc: Doc, start: int, end: int, prefixed: bool) -> bool:
    """Is the acronym at tokens [start, end) given as a regimen: a drug prefix or cycle number,
    a regimen word next to it, or "cycles of" before it?"""
    if prefixed:
        return True
    k = end
    if k < len(doc) and doc[k].text in ("-", "\u2013") and not doc[k - 1].whitespace_:
        k += 1  # "CHOP-based", "CHOP-like"
    if k < len(doc) and doc[k].lower_ in _REGIMEN_WORDS:
        return True
    if start >= 1 and doc[start - 1].lower_ in ("chemotherapy", "regimen", "regimens"):
        return True  # "the chemotherapy CHOP", "regimens ABVD or BEACOPP"
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _DOSED_OF


def regimen_spans(doc: Doc, ents: list[Span]) -> list[tuple[int, int, str]]:
    """(start, end, name) of the regimen mentions of ``doc`` (see the module doc)."""
    drugs = [e for e in ents if e.label_ == "DRUG"]
    defined = defined_regimens(doc, drugs)
    names = "|".join(map(re.escape, sorted(defined - set(REGIMENS), key=len, reverse=True)))
    pattern = _REGIMEN if not names else re.compile(
        _REGIMEN.pattern.replace(f"(?P<name>{_NAMES})", f"(?P<name>{_NAMES}|{names})"))
    found = []
    for m in pattern.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if m.group("prefix") == "m" and len(m.group("name")) < 5:
            continue  # "mAC": the "modified" prefix is written before the long acronyms
        if span is None:
            continue  # not on token boundaries ("CHOPs")
        # (a number after an ambiguous acronym is no schedule by itself: "EC50", "AC50" are
        # potencies, the half-maximal effective concentration)
        prefixed = bool(m.group("prefix") and m.group("prefix") != "m") or bool(
            m.group("suffix") and m.group("suffix").lstrip("-") != "50")
        found.append((span.start, span.end, m.group("name"), prefixed))
    if not found:
        return []
    others = {a.short: a.long for a in find_abbreviations(doc.text)}
    confirmed = set(defined)
    for start, end, name, prefixed in found:
        if name in AMBIGUOUS and name not in confirmed and \
                _in_regimen_context(doc, start, end, prefixed):
            confirmed.add(name)
    out = []
    for start, end, name, prefixed in found:
        if name not in defined and name in others:
            continue  # "venous access devices (VAD)": the text says what it means
        if name in AMBIGUOUS and name not in confirmed:
            continue
        out.append((start, end, doc[start:end].text))
    return out


def add_regimens(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
    """``ents`` with regimen mentions as DRUGs, replacing what an earlier stage made of the
    acronym ("CHOP" the gene)."""
    spans = regimen_spans(doc, ents)
    if not spans:
        return ents, False
    held = {i for start, end, _ in spans for i in range(start, end)}
    out = [e for e in ents if not held.intersection(range(e.start, e.end))]
    for start, end, name in spans:
        span = Span(doc, start, end, label="DRUG")
        span._.concept_id, span._.concept_label, span._.source = None, name, "regimen"
        out.append(span)
    return sorted(out, key=lambda s: s.start), True
