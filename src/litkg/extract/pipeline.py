"""The extraction pipeline: one spaCy ``Language`` plus the claim stages that run on its Docs.

Components, in order (see each factory for its ``requires``/``assigns``)::

    litkg_sentences      sentence boundaries: punctuation, blank lines, bullets, table rows
    litkg_entities       doc.ents: DRUG PROCEDURE CONDITION PHENOTYPE ANALYTE TARGET (+ ids)
    litkg_name_shapes    doc.ents: DRUG for compound codes ("ABT-199"), TARGET for enzyme names
    litkg_products       doc.ents: DRUG for product forms ("artificial tears", "nicotine patch")
    litkg_endpoints      doc.ents: ENDPOINT ("overall survival", "time to relapse") where free
    litkg_abbreviations  "tumor-induced osteomalacia (TIO)" -> TIO grounded document-wide
    litkg_arms           trial arm codes ("group BC") -> the arm's own drug, or the control
    litkg_context        negation / hedging cues with scope

Claims are then read from the Doc (:func:`litkg.extract.claims.extract_claims`) and from tables
(:mod:`litkg.extract.tables`).  spaCy runs on a *normalised* copy of the text (PDF line wraps
joined, ligatures split); every offset that leaves this module points into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from litkg.errors import ExtractionError, LitkgError
from litkg.extract.claims import extract_claims
from litkg.extract.analytes import make_analytes  # noqa: F401 (registers litkg_analytes)
from litkg.extract.arms import make_arms  # noqa: F401 (registers litkg_arms)
from litkg.extract.class_names import make_class_names  # noqa: F401 (registers it)
from litkg.extract.context import make_context  # noqa: F401 (registers litkg_context)
from litkg.extract.control_arms import make_control_arms  # noqa: F401 (registers it)
from litkg.extract.endpoint_entities import make_endpoints  # noqa: F401 (registers it)
from litkg.extract.name_shapes import make_name_shapes  # noqa: F401 (registers litkg_name_shapes)
from litkg.extract.primary_outcomes import make_primary_outcomes  # noqa: F401 (registers it)
from litkg.extract.products import make_products  # noqa: F401 (registers litkg_products)
from litkg.extract.entities import add_entity_pipes
from litkg.extract.mentions import mentions_from_doc
from litkg.extract.extensions import register_extensions
from litkg.extract.studytype import classify
from litkg.extract.tables import computed_outcomes, extract_table_claims
from litkg.ingest.normalise import NormalisedText, normalise_text
from litkg.models import Claim, Document, Mention, StudyDesign

_INITIAL = re.compile(r"^(?:[A-Z]|al)$")
# A sentence also ends at a blank line or before a bullet: lists, headings and table rows in
# web pages and PDF text carry no final punctuation.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=[ \t]*[•●▪◦*-]\s)")


# No annotations on factory arguments: spaCy validates them with pydantic, which cannot resolve
# the string annotations that `from __future__ import annotations` produces.
@Language.factory("litkg_sentences", assigns=["token.is_sent_start"])
def make_sentence_splitter(nlp, name):
    from spacy.pipeline import Sentencizer

    punct = Sentencizer(name=f"{name}_punct")

    def split(doc: Doc) -> Doc:
        doc = punct(doc)
        # Extra boundaries after paragraph breaks; spaCy keeps whitespace as tokens, so the
        # first non-space token after a break starts a sentence.
        for match in _PARAGRAPH_BREAK.finditer(doc.text):
            span = doc.char_span(match.end(), len(doc.text), alignment_mode="expand")
            if span is not None and span.start < len(doc):
                token = doc[span.start]
                while token.is_space and token.i + 1 < len(doc):
                    token = doc[token.i + 1]
                if token.i > 0:
                    token.is_sent_start = True
        # "TNF-a. Inhibition of": spaCy keeps "a." whole (a list letter), so the period of a
        # hyphenated name's last letter never ends a sentence without this
        for token in doc[2:]:
            prev = doc[token.i - 1]
            if len(prev.text) == 2 and prev.text[0].islower() and prev.text[1] == "." and \
                    doc[token.i - 2].text == "-" and not doc[token.i - 2].whitespace_ and \
                    prev.whitespace_ and token.text[:1].isupper():
                token.is_sent_start = True
        # "J. Smith wrote", "Smith et al. reported": a period after an initial or "et al" ends
        # no sentence when a lower-case word follows
        for token in doc[2:]:
            if token.is_sent_start and doc[token.i - 1].text == "." and token.text[:1].islower() \
                    and _INITIAL.match(doc[token.i - 2].text):
                token.is_sent_start = False
            # "associated with i.v. bisphosphonate", "chromosome no. 12", "Candida spp. while":
            # the period of a dotted or Latin abbreviation before a lower-case word or a number
            # ends no sentence
            elif token.is_sent_start and doc[token.i - 1].text == "." and \
                    not doc[token.i - 2].whitespace_ and (token.text[:1].islower()
                                                          or token.text[:1].isdigit()) and \
                    ("." in doc[token.i - 2].text or doc[token.i - 2].lower_ in _ABBREVIATIONS):
                token.is_sent_start = False
        return doc

    return split


#: abbreviations written with a period that rarely end a sentence
_ABBREVIATIONS = frozenset({"no", "nos", "sp", "spp", "ssp", "var", "vs", "approx", "ca", "cf",
                            "fig", "figs", "ref", "refs", "resp"})


# spaCy keeps a period after a capital letter on the word ("U.S."); a mixed-case abbreviation
# at the end of a sentence ("treatment of MetS.") then never matches its definition
_MIXED_CASE_PERIOD = (r"(?<=[a-z][A-Z])\.$", r"(?<=[a-z][A-Z][A-Z])\.$")
# nor after a unit's one-letter denominator: "0.8 mmol/L. Ibuprofen was started" would stay one
# sentence, "L." read as an initial
_UNIT_PERIOD = (r"(?<=/[A-Za-z])\.$",)
# nor after a capital letter ending a name at a sentence end: "vitamin D. Then", "in group B.
# Time to ..." (spaCy keeps "D." whole as an initial; initials are rare in clinical prose)
_LETTER_PERIOD = (r"(?<=^[A-Z])\.$",)
_UNIT_LETTERS = frozenset({"d.", "g.", "h.", "l.", "m.", "s."})


def build_nlp() -> Language:
    """A fresh pipeline (a blank English tokenizer plus litkg's components)."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.max_length = 20_000_000
    suffixes = list(nlp.Defaults.suffixes) + list(_MIXED_CASE_PERIOD) + list(_UNIT_PERIOD) + \
        list(_LETTER_PERIOD)
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    # spaCy keeps "l.", "g.", "h.", "d." whole (list items, initials); in clinical text they end
    # a sentence on a unit ("131 mmol/l. Then", "24 h. The", "2 g. She")
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in _UNIT_LETTERS}
    nlp.add_pipe("litkg_sentences")
    add_entity_pipes(nlp)
    # before the abbreviations: "progression-free survival (PFS)" makes PFS an endpoint too
    nlp.add_pipe("litkg_name_shapes", after="litkg_entities")
    nlp.add_pipe("litkg_products", after="litkg_name_shapes")
    nlp.add_pipe("litkg_endpoints", after="litkg_products")
    nlp.add_pipe("litkg_analytes", after="litkg_endpoints")
    # "the primary outcome" in a result stands for the outcome the methods defined
    nlp.add_pipe("litkg_primary_outcomes", after="litkg_analytes")
    # after the targets and drugs it may take in: "SGLT2 inhibitors", "dopamine agonists"
    nlp.add_pipe("litkg_class_names", after="litkg_primary_outcomes")
    nlp.add_pipe("litkg_arms", after="litkg_abbreviations")
    nlp.add_pipe("litkg_control_arms", after="litkg_arms")  # "the saline group"
    nlp.add_pipe("litkg_context")
    return nlp


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One pipeline per process: loading lexicons and models is the expensive part."""
    return build_nlp()


@dataclass(frozen=True)
class Extraction:
    document: Document
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    design: StudyDesign | None
    warnings: tuple[str, ...] = ()


def extract_document(document: Document, nlp: Language | None = None) -> Extraction:
    return next(iter(extract_documents([document], nlp)))


def extract_documents(documents: Iterable[Document], nlp: Language | None = None, *,
                      batch_size: int = 16) -> Iterator[Extraction | LitkgError]:
    """Extract each document; a failure on one yields an :class:`ExtractionError` and goes on."""
    nlp = nlp or shared_nlp()
    texts = ((norm.text, (d, norm)) for d in documents for norm in (_normalised(d),))
    for spacy_doc, (document, norm) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        try:
            yield _claims_for(spacy_doc, document, norm)
        except LitkgError as err:
            yield err
        except Exception as err:  # noqa: BLE001 - one broken document must not stop a build
            yield ExtractionError(f"extraction failed: {type(err).__name__}: {err}",
                                  where=document.source or document.id,
                                  hint="the document was skipped; please report this with the file")


def _normalised(document: Document) -> NormalisedText:
    return normalise_text(document.text)


def _claims_for(doc: Doc, document: Document, norm: NormalisedText) -> Extraction:
    doc._.litkg_document = document
    doc._.offset_map = None if norm.text == document.text else norm.to_original
    # mentions_from_doc maps offsets back to document.text itself (via doc._.offset_map).
    mentions = tuple(mentions_from_doc(doc))
    claims: list[Claim] = list(extract_claims(doc, document))
    table_claims = extract_table_claims(document)
    claims.extend(table_claims)
    claims.extend(computed_outcomes([c for c in table_claims if c.kind == "measurement"]))
    return Extraction(document=document, mentions=mentions, claims=tuple(_unique(claims)),
                      design=classify(document, doc))


def _unique(claims: Iterable[Claim]) -> Iterator[Claim]:
    """Drop exact duplicates (same IRI); the first, usually richer, reading wins."""
    seen: set[str] = set()
    for claim in claims:
        if claim.iri not in seen:
            seen.add(claim.iri)
            yield claim
