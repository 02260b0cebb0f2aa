"""A trial's named outcome: "the primary end point" stands for what the methods defined.

Trial abstracts define their outcomes once ("The primary outcome was the composite of deep vein
thrombosis, pulmonary embolism and death"; "Overall survival was the primary end point") and
then report them by role alone ("The primary outcome occurred in 9.0% of patients receiving A
and 14.2% of those receiving B").  Read literally, the result names no outcome, so no claim
says *what* A lowered.  The ``litkg_primary_outcomes`` component (after the entity stages) finds
each definition and marks every later role mention ("primary outcome", "main end point",
"secondary efficacy endpoint") as an ``ENDPOINT`` entity whose concept is the defined outcome:
the entity the definition names when it is a single one (so the claim is grounded like any
other mention of it), else the definition phrase itself.

Only singular roles are resolved: "the secondary outcomes were A, B and C" defines a list, and
"the secondary outcomes did not differ" cannot say which.  A role defined twice (the abstract
changed its mind, or two trials are reported) is left alone.
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from litkg.extract.extensions import register_extensions

_ROLE = (r"(?P<rank>primary|main|principal|secondary)\s+(?:efficacy\s+|safety\s+)?"
         r"(?:outcome|end[\s-]?point|endpoint)(?:\s+(?:measure|variable))?")
#: "The primary outcome was X", "The primary end point of the trial is defined as X"
_DEFINED_AFTER = re.compile(r"\b" + _ROLE + r"(?:\s+(?:of|in)\s+(?:the|this)\s+(?:study|trial))?"
                            r"\s+(?:was|is)\s+(?:defined\s+as\s+)?(?P<definition>[^;:]+)", re.I)
#: "Overall survival was the primary end point" (a short subject that opens the sentence)
_DEFINED_BEFORE = re.compile(r"^(?:[A-Z][A-Za-z ]{0,30}:\s*)?(?P<definition>[A-Za-z][^,;:()]{2,60}?)"
                             r"\s+(?:was|is)\s+(?:the|our)\s+" + _ROLE + r"\b", re.I)
#: defined where it is reported: "The primary outcome of death or hospitalization occurred in
#: 21.8% ...", "The primary end point, a composite of A, B, or C, occurred in 6.8% ..."
_DEFINED_INLINE = re.compile(r"\b" + _ROLE + r"(?:\s+of\s+(?!(?:the|this|our)\s+(?:study|trial)\b)|"
                             r",\s+(?=(?:a|the)\s))(?P<definition>[^;:]{3,200}?),?\s+(?="
                             r"(?:was|were|occurred|did|decreased|increased|improved|declined|"
                             r"differed|fell|rose|developed|favou?red|showed)\b)", re.I)
#: a later mention by role alone; "outcomes" (a list) and "outcome of X" (qualified) excluded
#: or a noun that makes the role a modifier ("primary outcome data", "... analysis")
_MENTION = re.compile(r"\b" + _ROLE + r"\b(?!s\b|-|\s+(?:of|for|in|data|analys[ie]s|results?|"
                      r"assessments?|information|measurements?|evaluations?)\b)", re.I)
#: where a definition stops: how or when it was measured, what else was defined
_DEFINITION_END = re.compile(r",?\s+(?:measured|assessed|evaluated|estimated|determined|defined|"
                             r"analy[sz]ed|as\s+assessed|as\s+measured|using|by\s+means|"
                             r"according|on\s+the\s+basis|when|and\s+the\s+secondary|while|"
                             r"whereas|which|that\s+was)\b|[,.]\s*$|\.\s", re.I)
_OPENING = re.compile(r"^(?:(?:measured|assessed|defined)\s+as\s+)?(?:the|a|an)\s+", re.I)
MAX_DEFINITION_WORDS = 16
_DANGLING = frozenset({"on", "in", "of", "at", "for", "to", "with", "by", "from", "and", "or",
                       "the", "a", "an"})


def _rank(m: re.Match) -> str:
    """The role a match names: "primary" (also written "main", "principal") or "secondary"."""
    rank = m.group("rank").lower()
    return "primary" if rank in ("main", "principal") else rank


def _clean(definition: str) -> str | None:
    """The outcome a definition names, without its measuring clause and opening article."""
    m = _DEFINITION_END.search(definition)
    text = _OPENING.sub("", (definition[:m.start()] if m else definition).strip(" .,"))
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")].strip(" ,")  # "pain (patient-reported, on a scale"
    words = text.split()
    if words and words[-1].lower() in _DANGLING:
        return None  # cut inside a relative clause ("percentage of days on [which ...]")
    if not words or len(words) > MAX_DEFINITION_WORDS or text.lower().startswith(
            ("to ", "whether ", "not ", "assessed", "analy", "examined", "compared")):
        return None
    return text


def definitions(doc: Doc) -> dict[str, tuple[str, Span, int, int]]:
    """Role rank ("primary", "secondary", ...) -> (definition, its sentence, start and end char
    of the definition in the doc); a rank defined twice is dropped."""
    found: dict[str, list] = {}
    for sent in doc.sents:
        for pattern in (_DEFINED_AFTER, _DEFINED_BEFORE):
            for m in pattern.finditer(sent.text):
                text = _clean(m.group("definition"))
                if text is None:
                    continue
                rank = _rank(m)
                start = sent.start_char + m.start("definition") + \
                    m.group("definition").find(text)
                found.setdefault(rank, []).append((text, sent, start, start + len(text)))
    return {rank: hits[0] for rank, hits in found.items()
            if len({h[0].lower() for h in hits}) == 1}


def _named_entity(doc: Doc, start: int, end: int) -> Span | None:
    """The one entity a definition consists of ("overall survival"), if it is just that."""
    inside = [e for e in doc.ents if e.start_char >= start and e.end_char <= end]
    if len(inside) == 1 and len(doc.text[start:end]) - len(inside[0].text) <= 12:
        return inside[0]
    return None


def _inline_roles(doc: Doc) -> tuple[list[Span], dict]:
    """ENDPOINT spans over roles defined where they are reported ("the primary outcome of death
    or hospitalization", "the primary end point, a composite of A, B, or C"), which replace
    the entities inside them: the result is about the composite, not each of its parts; and
    the definitions they give (rank -> as :func:`definitions`)."""
    spans, defined = [], {}
    for sent in doc.sents:
        for m in _DEFINED_INLINE.finditer(sent.text):
            text = _clean(m.group("definition"))
            if text is None:
                continue
            start = sent.start_char + m.start()
            end = sent.start_char + m.start("definition") + len(m.group("definition").rstrip(" ,"))
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            named = _named_entity(doc, sent.start_char + m.start("definition"), end)
            role = Span(doc, span.start, span.end, label="ENDPOINT")
            role._.source = "primary_outcome"
            role._.concept_label = (named._.concept_label or named.text) if named else text
            role._.concept_id = named._.concept_id if named else None
            spans.append(role)
            rank = _rank(m)
            defined.setdefault(rank, (text, sent, start, end))
    return spans, defined


def _never_defined(doc: Doc, rank: str) -> bool:
    """Does no sentence of ``doc`` try to define the role ``rank`` (well or not)?"""
    return not any(_rank(m) == rank for pattern in (_DEFINED_AFTER, _DEFINED_BEFORE,
                                                    _DEFINED_INLINE)
                   for m in pattern.finditer(doc.text))


def _undefined_roles(doc: Doc) -> dict[str, tuple[str, Span, int, int]]:
    """Roles mentioned but never defined ("The primary outcome occurred in 9.2% of the X group
    and 12.1% of the placebo group", and no word of what it was): the role is the outcome's
    only name, so it stands for itself (rank -> as :func:`definitions`, from the start)."""
    out = {}
    for m in _MENTION.finditer(doc.text):
        rank = _rank(m)
        if rank not in out and _never_defined(doc, rank):
            out[rank] = (f"{rank} outcome", doc[0:0], 0, 0)
    return out


def resolve_roles(doc: Doc) -> Doc:
    """Mark role mentions after a definition as ENDPOINT entities of the defined outcome (a
    role never defined names itself)."""
    inline, inline_defined = _inline_roles(doc)
    defined = {**inline_defined, **definitions(doc)}
    defined = {**_undefined_roles(doc), **defined}
    if not defined:
        return doc
    if inline:
        covered = {i for r in inline for i in range(r.start, r.end)}
        doc.ents = sorted([e for e in doc.ents if not covered.intersection(range(e.start, e.end))]
                          + inline, key=lambda s: s.start)
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    new = []
    for rank, (text, def_sent, start, end) in defined.items():
        named = _named_entity(doc, start, end)
        for m in _MENTION.finditer(doc.text, def_sent.end_char):
            if _rank(m) != rank:
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            mention = Span(doc, span.start, span.end, label="ENDPOINT")
            mention._.source = "primary_outcome"
            if named is not None:
                mention._.concept_label = named._.concept_label or named.text
                mention._.concept_id = named._.concept_id
            else:
                mention._.concept_label = text
            new.append(mention)
            taken.update(range(span.start, span.end))
    if new:
        doc.ents = sorted(filter_spans(list(doc.ents) + new), key=lambda s: s.start)
    return doc


@Language.factory("litkg_primary_outcomes", requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.ents"])
def make_primary_outcomes(nlp: Language, name: str):
    register_extensions()
    return resolve_roles
