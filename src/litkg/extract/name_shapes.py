"""Names whose shape tells their type: development codes of compounds, enzymes filed as drugs.

- A compound in development is named by its sponsor's code: "ABT-199", "LY2835219", "BMS-986016",
  "MK-3475", "AZD9291", "Ro15-1788".  No vocabulary lists most of them and the NER misses many;
  yet in a pharmacology abstract the code *is* the drug every claim is about.  The shape is
  distinctive: two to five capital letters (and at most one small one: "EPs-7630"), an optional
  hyphen, three to seven digits, at most one capital letter after them; or a short prefix, a
  series number and a hyphenated compound number ("Ro15-1788").  Gene and cell-marker symbols
  of that shape ("CD133", "ZNF217"), trial registry numbers ("NCT01234567") and cooperative-group
  trial numbers ("ECOG3402") are left out by their prefixes, cell lines ("HEK293 cells") by the
  word after them.
- Drug vocabularies (DrugBank) list enzymes given as biologics, so an enzyme named as a
  target ("soluble epoxide hydrolase", "fatty acid synthase") comes out of the lexicon as a DRUG.
  A name of two or more words ending in "-ase" is the enzyme (TARGET); one-word enzyme drugs
  ("alteplase", "asparaginase") and names that say they are a product ("recombinant ...") stay
  drugs.

- A fixed combination written with a hyphen or slash ("piperacillin-tazobactam",
  "amoxicillin/clavulanate") names two drugs; when only one was found, a partner the drug
  vocabulary knows (even as a name it only grounds) is the second drug.

- A combination regimen's acronym ("CHOP", "R-CHOP", "FOLFOX4", or one the text defines by its
  drugs) is the DRUG given (:mod:`litkg.extract.regimens`).

- A drug written with its grade glued by a hyphen ("dextran-40") is that drug.

- Literature databases a review searched ("MEDLINE", "Embase") are no entities; the NER takes
  some for diseases.

The ``litkg_name_shapes`` component runs after ``litkg_entities``; codes get no identifier (unknown
stays unknown).
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from litkg.extract.extensions import register_extensions
from litkg.extract.lexicon import lookup
from litkg.extract.regimens import add_regimens

_CODE = re.compile(r"^([A-Z]{2,5}[a-z]?)-?\d{3,7}[A-Z]?$")
#: a sponsor's code with a short prefix and a series number written as one word ("Ro15-1788");
#: the hyphenated number keeps it apart from words with digits
_SERIES_CODE = re.compile(r"^[A-Z][a-z]?\d{1,3}-\d{3,6}$")
#: prefixes of gene, marker, RNA and registry symbols with the shape of a compound code
_NOT_A_SPONSOR = frozenset({"CD", "ZNF", "KIAA", "LINC", "MIR", "TMEM", "SNORD", "FAM", "CCDC",
                            "LOC", "ORF", "NCT", "ISRCTN", "ACTRN", "UMIN", "DRKS", "CTRI", "IRCT",
                            "CHICTR", "ISO", "ICD", "HLA", "OR", "SLC", "KRT", "PMID", "PMC",
                            "DOI", "RS", "GSE", "GSM", "SRR", "ATCC", "CRL", "HB",
                            # cooperative-group trial numbers ("ECOG3402", "RTOG 0617", "AALL0232")
                            "ECOG", "SWOG", "RTOG", "GOG", "CALGB", "NSABP", "EORTC", "JCOG",
                            "ACTG", "COG", "NRG", "ACOSOG", "NCCTG", "AALL", "ANBL", "AHOD",
                            "AREN", "ACNS", "AOST", "AAML", "WJOG", "TROG", "NCIC"})
_ENZYME_END = re.compile(r"[a-z]{3,}ases?$")
_PRODUCT_WORDS = frozenset({"recombinant", "pegylated", "human", "rh", "bovine", "porcine"})
#: enzymes given as drugs, also under a source's name ("Erwinia asparaginase")
_ENZYME_DRUGS = frozenset({
    "asparaginase", "collagenase", "hyaluronidase", "urokinase", "streptokinase", "lactase",
    "pancrelipase", "rasburicase", "pegloticase", "glucarpidase", "alteplase", "reteplase",
    "tenecteplase", "imiglucerase", "agalsidase", "alglucosidase", "idursulfase", "galsulfase",
    "laronidase", "sebelipase", "velaglucerase", "taliglucerase", "dornase", "nattokinase",
    "serrapeptase", "chondroitinase", "pegaspargase", "crisantaspase"})


#: "HEK293 cells", "the HCT116 cell line", "PC12-derived neurons": a cell line has the shape of a
#: compound code
_CELL_WORDS = frozenset({"cell", "cells", "line", "lines", "clone", "clones", "xenograft",
                         "xenografts", "cultures", "monolayers", "transfectants"})


def _names_cells(doc: Doc, end: int) -> bool:
    """Does the code ending at token ``end`` name a cell line ("HEK293 cells")?"""
    return end < len(doc) and doc[end].lower_ in _CELL_WORDS


def code_spans(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token spans of compound development codes on free tokens ("ABT-199" may be one token or
    three: "ABT", "-", "199")."""
    out = []
    i = 0
    while i < len(doc):
        # "ABT - 199" split by the tokenizer, or "LY2835219" (not "LDH 450" with a space: a lab
        # value)
        for width in (3, 1):
            end = i + width
            if end > len(doc) or taken.intersection(range(i, end)):
                continue
            span = doc[i:end]
            if width == 3 and (doc[i].whitespace_ or doc[i + 1].whitespace_):
                continue  # "ABT - 199" with spaces is not one name
            m = _CODE.match(span.text)
            if (m and m.group(1).upper() not in _NOT_A_SPONSOR or _SERIES_CODE.match(span.text)) \
                    and not _names_cells(doc, end):
                out.append((i, end))
                i = end - 1
                break
        i += 1
    return out


def enzyme_named(span: Span) -> bool:
    """A vocabulary drug name that names an enzyme: two or more words ending in "-ase"."""
    words = span.text.lower().split()
    return len(words) >= 2 and bool(_ENZYME_END.search(words[-1])) and \
        words[-1].rstrip("s") not in _ENZYME_DRUGS and not _PRODUCT_WORDS.intersection(words)


#: literature databases a review searched: the NER takes "MEDLINE" for a disease
_DATABASES = frozenset({"medline", "embase", "pubmed", "cochrane library", "cochrane", "scopus",
                        "cinahl", "psycinfo", "web of science", "lilacs", "cochrane central",
                        "google scholar", "clinicaltrials.gov", "central"})


_JOINS = ("-", "/", "\u2013")


def combination_partners(doc: Doc, ents: list[Span], taken: set[int]) -> list[Span]:
    """The drug on the other side of a hyphen or slash from a found drug, when the vocabulary
    knows the word as a drug ("piperacillin-tazobactam" with only "piperacillin" found)."""
    out = []
    for e in ents:
        if e.label_ != "DRUG":
            continue
        for join, word in ((e.end, e.end + 1), (e.start - 1, e.start - 2)):
            if not (0 <= word < len(doc) and 0 <= join < len(doc)) or doc[join].text not in _JOINS \
                    or word in taken or not doc[word].is_alpha or len(doc[word]) < 4:
                continue
            entry = lookup(doc[word].text)
            if entry is not None and entry.label == "DRUG":
                span = Span(doc, word, word + 1, label="DRUG")
                span._.concept_id, span._.concept_label = entry.id or None, entry.name
                span._.source = "lexicon"
                out.append(span)
                taken.add(word)
    return out


#: "dextran-40" as one token
_GRADED = re.compile(r"^([A-Za-z]{4,})[-\u2013](\d{1,5})$")
_GRADE = re.compile(r"^\d{1,5}$")


def _graded_at(doc: Doc, i: int) -> tuple[int, str, str] | None:
    """(end, word, grade) of a word glued by a hyphen to a number at token ``i``."""
    m = _GRADED.match(doc[i].text)
    if m:
        return i + 1, m.group(1), m.group(2)
    if i + 2 < len(doc) and doc[i + 1].text in ("-", "\u2013") and not doc[i].whitespace_ and \
            not doc[i + 1].whitespace_ and doc[i].is_alpha and len(doc[i]) >= 4 and \
            _GRADE.match(doc[i + 2].text):
        return i + 3, doc[i].text, doc[i + 2].text
    return None


def graded_drugs(doc: Doc, taken: set[int]) -> list[Span]:
    """A drug written with its grade or molecular weight glued by a hyphen ("dextran-40",
    "starch-130"): the drug the vocabulary knows, under its id; the word alone must be a drug
    name of the vocabulary ("dextran"), so "day-3" or "COVID-19" are left alone."""
    out = []
    for i in range(len(doc)):
        found = _graded_at(doc, i)
        if found is None or taken.intersection(range(i, found[0])):
            continue
        end, word, grade = found
        entry = lookup(f"{word} {grade}") or lookup(word)
        if entry is not None and entry.label == "DRUG":
            span = Span(doc, i, end, label="DRUG")
            span._.concept_id, span._.concept_label = entry.id or None, entry.name
            span._.source = "lexicon"
            out.append(span)
            taken.update(range(i, end))
    return out


def add_name_shapes(doc: Doc) -> Doc:
    ents = []
    changed = False
    for e in doc.ents:
        if e.text.lower() in _DATABASES:
            changed = True  # no entity at all
        elif e.label_ == "DRUG" and enzyme_named(e):
            target = Span(doc, e.start, e.end, label="TARGET")
            target._.concept_id, target._.concept_label = None, e._.concept_label
            target._.source = e._.source
            ents.append(target)
            changed = True
        else:
            ents.append(e)
    ents, regimens = add_regimens(doc, ents)
    changed = changed or regimens
    taken = {i for e in ents for i in range(e.start, e.end)}
    partners = combination_partners(doc, ents, taken)
    if partners:
        ents += partners
        changed = True
    graded = graded_drugs(doc, taken)
    if graded:
        ents += graded
        changed = True
    for start, end in code_spans(doc, taken):
        span = Span(doc, start, end, label="DRUG")
        span._.source = "code"
        ents.append(span)
        changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda s: s.start)
    return doc


@Language.factory("litkg_name_shapes", requires=["doc.ents"], assigns=["doc.ents"])
def make_name_shapes(nlp: Language, name: str):
    register_extensions()
    return add_name_shapes
