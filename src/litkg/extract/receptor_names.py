"""Targets and systems named after their ligand: "histamine H2-receptors", "the GABA-A
receptor", "serotonin 5-HT2 receptor", "adenosine A2A receptor", "the renin-angiotensin system",
"the mevalonate pathway".

Receptors and transporters are named productively after the substance they bind,
often with a subtype code ("H2", "5-HT2", "A2A", "type 1"); hormone cascades are named by the
hyphenated chain of their members ending in "system" or "axis".  Vocabularies list the common
ones ("estrogen receptor", "vitamin D receptor"), but a name the lexicon lacks would leave only
the ligand, a DRUG, and "cimetidine blocks histamine H2-receptors" would then read as a drug
acting on histamine.  The name around the ligand is a TARGET: the protein or system, not the
substance (a mechanism claim then names the receptor, and a class noun after it,
"H2-receptor antagonists", still takes the whole in, see :mod:`litkg.extract.class_names`).

The shape read here: a chemical entity (DRUG or ANALYTE), then at most three subtype tokens
(codes with a capital letter or a digit, roman numerals, "type", "subtype", hyphens), then a
head noun (:data:`HEADS`); or, for "system"/"axis", a hyphen-glued chain of names holding a
chemical entity.  Words the subtype slot does not accept ("intrauterine" in "levonorgestrel
intrauterine system") leave the drug alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

#: head nouns of a binding protein named after its ligand.  Not "channel": an ion channel is
#: named after the ion that passes ("calcium channels"), which the corpora annotate as the
#: chemical, and whose blockers the lexicon knows whole ("calcium channel blockers")
HEADS = frozenset({"receptor", "receptors", "transporter", "transporters",
                   "autoreceptor", "autoreceptors",
                   # a metabolic or signalling route named after its intermediate ("the
                   # mevalonate pathway", "the urea cycle"): a process, not the substance given
                   "pathway", "pathways", "cycle"})
#: head nouns of a hormone or transmitter system named by its members
SYSTEM_HEADS = frozenset({"system", "systems", "axis"})
#: subtype codes: "H2", "5", "HT2", "A2A", "D1", "AT1", "A", "1a", "II", "B"
_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{0,2}[A-Za-z]?|\d{1,2}[A-Za-z]?|[IV]{1,3}|[α-ω]\d?[A-Za-z]?)$")
_SUBTYPE_WORDS = frozenset({"type", "subtype", "-", "–"})
_LIGAND_LABELS = ("DRUG", "ANALYTE")
MAX_SUBTYPE_TOKENS = 3


def _glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written inside a word ("renin-angiotensin")."""
    return doc[i].text in ("-", "–") and i > 0 and not doc[i - 1].whitespace_ and \
        not doc[i].whitespace_


def _receptor_end(doc: Doc, end: int) -> int | None:
    """End (exclusive) of "<subtype codes> receptor" starting at token ``end``, or None."""
    k = end
    while k < len(doc) and k - end < MAX_SUBTYPE_TOKENS and doc[k].lower_ not in HEADS and (
            doc[k].text in _SUBTYPE_WORDS or _CODE.match(doc[k].text)):
        if doc[k].text in ("-", "–") and doc[k - 1].whitespace_:
            return None  # "dopamine - receptor": a dash between words, not a glued name
        k += 1
    if k < len(doc) and doc[k].lower_ in HEADS:
        return k + 1
    return None


def _system_span(doc: Doc, ent: Span) -> tuple[int, int] | None:
    """(start, end) of a hyphen chain around ``ent`` ending in "system"/"axis", or None."""
    start, end = ent.start, ent.end
    while start >= 2 and _glued(doc, start - 1) and doc[start - 2].is_alpha:
        start -= 2
    while end + 1 < len(doc) and _glued(doc, end) and doc[end + 1].is_alpha:
        end += 2
    if (start, end) == (ent.start, ent.end):
        return None  # "the dopamine system": one member is no chain
    if end < len(doc) and doc[end].lower_ in SYSTEM_HEADS:
        return start, end + 1
    return None


def ligand_named_targets(doc: Doc, spans: list[Span]) -> list[tuple[int, int, Span]]:
    """(start, end, ligand span) of target and system names around a chemical entity, left to
    right, never overlapping; see the module doc."""
    out: list[tuple[int, int, Span]] = []
    last_end = -1
    for ent in sorted(spans, key=lambda s: s.start):
        if ent.label_ not in _LIGAND_LABELS or ent.start < last_end:
            continue
        found = None
        end = _receptor_end(doc, ent.end)
        if end is not None:
            found = (ent.start, end)
        else:
            found = _system_span(doc, ent)
        if found is None:
            continue
        start, end = found
        if any(s is not ent and s.start < end and start < s.end and
               not (start <= s.start and s.end <= end) for s in spans):
            continue  # a name crossing its edge ("... receptor antagonists" known whole)
        out.append((start, end, ent))
        last_end = end
    return out
