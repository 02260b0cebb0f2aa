"""Mechanism clauses: an agent acts on a target or process, with a direction.

"X increases the sensitivity of the calcium-sensing receptor", "FGF-23 and PTH inhibit renal
phosphate reabsorption" (a verb from ``MECHANISM_VERB_STEMS`` with its subjects before and its
object after), and "suppression of PTH secretion" (a nominal mechanism on a process, attributed
to the sentence's intervention).  Split from :mod:`litkg.extract.claims`; class-name mechanisms
("the ALK inhibitor crizotinib") are in :mod:`litkg.extract.drug_classes`.
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract import drug_classes
from litkg.extract.claims_cues import noun_block
from litkg.extract.claims_relations import CONDITION_LABELS, DRUG_LABELS, class_apposition
from litkg.extract.claims_values import concept_of
from litkg.models import Concept

AGENT_LABELS = {"DRUG", "ANALYTE", "TARGET"}
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "of", "in", "to", "no", "any",
                "significant", "slight", "marked", "further", "its", "their", "his", "her"}
_PHRASE_STOP = {",", ".", ";", ":", "(", ")", "through", "via", "by", "in", "and", "or", "which",
                "that", "resulting", "with", "to", "when", "while", "but", "as", "from", "is",
                "are", "was", "were"}
# prepositions and adverbs after a verb: it is intransitive ("increases during", "rises again")
_NOT_A_PHRASE = {"during", "after", "before", "over", "within", "until", "at", "on", "for", "from",
                 "following", "despite", "again", "further", "thereafter", "up", "down", "back"}


#: a noun naming what a drug does, after the drug: "morphine antinociception", "digoxin toxicity"
_DRUG_EFFECT = re.compile(r"^(?:\w+(?:tion|sia|city)|actions?|effects?|responses?)$")


#: a phrase naming a time, not a thing acted on
_TIME_PHRASE = re.compile(r"\b(minutes?|hours?|days?|weeks?|months?|years?|period|phase|"
                          r"follow-?up|baseline)\b", re.I)


def phrase_after(doc: Doc, i: int, sent_end: int, ents: list[Span]) -> tuple[Concept, int] | None:
    """The entity or short noun phrase starting after token ``i`` (the object of a verb)."""
    j = i + 1
    while j < sent_end and doc[j].lower_ in _DETERMINERS:
        j += 1
    for e in ents:
        if e.start == j or (e.start > i and e.start <= j + 1):
            # extend over a following process word ("phosphate reabsorption")
            end = e.end
            if end < sent_end and (doc[end].lower_.startswith(lex.PROCESS_WORDS) or (
                    e.label_ == "DRUG" and _DRUG_EFFECT.search(doc[end].lower_))):
                # ("potentiates morphine antinociception", "digoxin toxicity": a drug's effect)
                # with a word before the entity that names where ("renal phosphate
                # reabsorption"): the process is the whole phrase
                words = doc[min(j, e.start):end + 1].text
                return Concept(label=words), e.start
            return concept_of(e), e.start
    if j < sent_end and (doc[j].lower_ in _NOT_A_PHRASE or doc[j].lower_.endswith("ly")):
        return None  # "Y increases during the first month", "... markedly": no object follows
    k = j
    starts = {e.start: e for e in ents}
    while k < sent_end and k - j < 5 and doc[k].lower_ not in _PHRASE_STOP and not doc[k].is_punct:
        if k > j and k in starts:
            # "the sensitivity of the calcium-sensing receptor": the phrase runs to the end of
            # the entity it names; a target's property is the target acted on
            e = starts[k]
            if e.label_ == "TARGET":
                return concept_of(e), e.start
            k = e.end
            break
        k += 1
    if k == j or _TIME_PHRASE.search(doc[j:k].text):
        return None  # "PTH decrease in the first month": when, not what was acted on
    return Concept(label=doc[j:k].text), j


def subjects_before(ents: list[Span], i: int, doc: Doc, labels: set[str]) -> list[Span]:
    """Entities ending right before token ``i`` with their coordinated siblings."""
    before = [e for e in ents if e.end <= i and e.label_ in labels]
    if not before:
        return []
    last = before[-1]
    between = {t.lower_ for t in doc[last.end:i]}
    if between - {"also", "directly", "both", "can", "may", "which", "that", "further"}:
        # "X, a calcimimetic agent that directly decreases": a relative clause about X
        if not ({"that", "which"} & between) or i - last.end > 10:
            return []
    chosen = [last]
    contrast = {t.lower_ for t in doc[before[-2].end:last.start]} if len(before) > 1 else set()
    if contrast and contrast <= {"but", "not", ","} and "not" in contrast:
        # "X but not Y inhibits Z": both are named, Y with the negation
        return before[-2:]
    for e in reversed(before[:-1]):
        gap = {t.lower_ for t in doc[e.end:chosen[-1].start]}
        if gap <= {"and", "or", ",", "both", "either"}:
            chosen.append(e)
        else:
            break
    return list(reversed(chosen))


def named_drug(span: Span, ents: list[Span]) -> Span:
    """The named drug a class noun restates ("cinacalcet, a calcimimetic agent that ...")."""
    drugs = [e for e in ents if e.label_ in DRUG_LABELS]
    if span.label_ in DRUG_LABELS and class_apposition(span.doc, span, drugs):
        return max((e for e in drugs if e.end <= span.start), key=lambda e: e.end, default=span)
    return span


_RATE_OF = frozenset({"risk", "incidence", "rate", "odds", "occurrence", "frequency", "number"})


def _named_at(ents: list[Span], start: int, labels) -> bool:
    """Is the phrase at token ``start`` an entity with one of ``labels``, or its risk or rate
    ("the risk of myocardial infarction")?"""
    if not ents:
        return False
    doc = ents[0].doc
    if start + 2 < len(doc) and doc[start].lower_ in _RATE_OF and doc[start + 1].lower_ == "of":
        start += 2
    return any(e.start == start and e.label_ in labels for e in ents)


def _clinical_outcome(ents: list[Span], start: int, direction: str) -> bool:
    """What a drug's effect on is an outcome, rather than a target or process: a clinical
    endpoint whichever way it moves ("reduces mortality", "increases cardiovascular events"),
    and a disease or finding the drug lowers ("may reduce stroke"; "X induces
    hypoparathyroidism" stays a mechanism: the way X acts)."""
    return _named_at(ents, start, {"ENDPOINT"}) or (
        direction == "decreased" and _named_at(ents, start, CONDITION_LABELS))


def verb_mechanisms(sent: Span, ents: list[Span], drug_at: Callable[[int], Span | None]) -> list[tuple]:
    """(subject span or concept, object concept, direction, token index) of mechanism clauses;
    ``drug_at(i)`` is the intervention a nominal mechanism at token ``i`` is attributed to."""
    doc, out = sent.doc, []
    text = sent.text.lower()
    # "X is an EGFR inhibitor that inhibits ...": the class name's clause is about X, not EGFR
    class_drugs = {(t.start, t.end): d for d, t, _, _ in drug_classes.class_mechanisms(sent, ents)
                   if isinstance(t, Span)}
    observed = any(w in text for w in (" observed", "we ", "resulted", " showed", " patients"))
    for tok in sent:
        low = tok.lower_
        prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
        verb = None
        for stem, direction in lex.MECHANISM_VERB_STEMS.items():
            base = stem[:-1] if stem.endswith("e") else stem
            if low in (stem, stem + "s", base + "es") and prev not in _DETERMINERS:
                verb = direction
                break
        if verb and noun_block(tok):
            continue  # "TAP block in transplant recipients": a procedure, not an inhibition
        if verb:
            subjects = [class_drugs.get((s.start, s.end)) or named_drug(s, ents)
                        for s in subjects_before(ents, tok.i, doc, AGENT_LABELS)
                        if (s.start, s.end) in class_drugs
                        or not drug_classes.inside_class_name(sent, ents, s)]
            obj = phrase_after(doc, tok.i, sent.end, ents)
            if obj and _clinical_outcome(ents, obj[1], verb) and any(
                    isinstance(s, Span) and s.label_ in DRUG_LABELS for s in subjects):
                continue  # the outcome rules read it
            if subjects and obj:
                out += [(s, obj[0], verb, tok.i) for s in subjects]
            continue
        if low in lex.NOMINAL_MECHANISM and tok.i + 1 < sent.end and \
                tok.nbor(1).lower_ in ("of", "in"):
            obj = phrase_after(doc, tok.i + 1, sent.end, ents)
            if not obj or observed:
                continue
            marker = any(m in text for m in lex.MECHANISM_MARKERS)
            process = any(w in obj[0].label.lower() for w in lex.PROCESS_WORDS)
            if marker and process:
                drug = drug_at(tok.i)
                if drug is not None:
                    out.append((drug, obj[0], lex.NOMINAL_MECHANISM[low], tok.i))
    return out
