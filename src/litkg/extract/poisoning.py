"""Poisoning cases: whose doing is the course of a patient who took too much of a drug?

A case of overdose, ingestion or intoxication ("ingested 30 g of X", "an overdose of X", "X
poisoning", "X toxicity") names the poison, then the antidote or the care given for it ("Y was
given", "Z was started").  The narration rule of :mod:`litkg.extract.claims_attribution` (a
change belongs to the drug named just before) would credit the lab course that follows to the
antidote.  Here instead:

- a change away from where it was going (a new rise or fall of a lab, a worsening) belongs to
  the poison: it is the poisoning's course;
- a recovery (an improvement, or the reversal of a change already credited to the poison)
  belongs to the antidote only when the text says so, i.e. names the antidote in the change's
  own clause or before it in the sentence ("Y was given and ALT fell"); otherwise it is no
  drug's;
- a drug given before the poisoning was named, or named in the change's own clause, keeps the
  change (the text ties them);
- a harm the story tells after the antidote was given ("Fab fragments were given. ... she
  developed Y") is the poison's too (:func:`onset_agent`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from litkg.extract.claims_cues import same_clause
from litkg.extract.claims_relations import DRUG_LABELS
from litkg.extract.claims_values import concept_of

#: words that, before the drug, say it was taken in poisoning amounts ("an overdose of X",
#: "intoxication with X", "deliberate self-poisoning with X")
_BEFORE = ("overdos", "poison", "self-poison", "intoxicat")
#: ... and words of taking it that do so only with an amount or an intent ("ingested 30 g of
#: X", "accidental ingestion of X"; "after ingesting oral X" is a dose taken)
_TAKEN = ("ingest", "swallow")
_INTENT = frozenset({"accidental", "accidentally", "intentional", "intentionally", "deliberate",
                     "deliberately", "suicidal", "massive", "excessive", "large"})
#: heads that, right after the drug, name the poisoning ("X overdose", "X toxicity")
_AFTER = frozenset({"overdose", "overdoses", "overdosage", "poisoning", "intoxication",
                    "toxicity", "ingestion"})
#: how far before the drug a poisoning word may stand ("ingested 30 g of X tablets")
_REACH = 6
_CLAUSE_END = frozenset({".", ";", ":", "but", "and", "whereas"})
_REVERSED = {"increased": "decreased", "decreased": "increased"}
_COURSE_KEY = "litkg_poison_course"


def poison_mentions(doc: Doc) -> list[Span]:
    """The drugs ``doc`` names as taken in poisoning amounts, in text order (cached)."""
    cached = doc.user_data.get("litkg_poisons")
    if cached is not None:
        return cached
    drugs = [e for e in doc.ents if e.label_ in DRUG_LABELS]
    found = []
    for d in drugs:
        if d._.negated or (d.end < len(doc) and doc[d.end]._.negated):
            continue  # "no lithium toxicity was seen": no poisoning
        after = doc[d.end:min(len(doc), d.end + 2)]
        if after and (after[0].lower_ in _AFTER or after[0].text == "-" and len(after) > 1
                      and after[1].lower_ in _AFTER):
            found.append(d)
            continue
        i = d.start - 1
        while i >= 0 and d.start - i <= _REACH and not doc[i].is_sent_end and \
                doc[i].lower_ not in _CLAUSE_END and \
                not any(o.start <= i < o.end for o in drugs):
            word = doc[i].lower_
            if word.startswith(_BEFORE) or word.startswith(_TAKEN) and (
                    any(t.like_num for t in doc[i + 1:d.start]) or
                    i > 0 and doc[i - 1].lower_ in _INTENT):
                found.append(d)
                break
            i -= 1
    doc.user_data["litkg_poisons"] = found
    return found


def course_agent(doc: Doc, sent: Span, drug: Span | None, cue_i: int, key: str,
                 direction: str | None) -> tuple[bool, Span | None]:
    """``(changed, agent)``: whether the change of ``key`` at token ``cue_i`` is re-credited in
    a poisoning case, and to whom (the poison, or ``None`` for a recovery the text credits to
    no drug); see the module docstring.  ``drug`` is the narration rule's choice."""
    if drug is None or direction is None:
        return False, drug
    poisons = [p for p in poison_mentions(doc) if p.start < cue_i]
    if not poisons:
        return False, drug
    poison = poisons[-1]
    course = doc.user_data.setdefault(_COURSE_KEY, {})
    mine = concept_of(drug).key
    in_sentence = sent.start <= drug.start < sent.end
    recovery = direction == "improved" or (
        direction in _REVERSED and course.get(key) == _REVERSED[direction])
    if mine == concept_of(poison).key:
        if recovery and not in_sentence:
            return True, None  # the poison named sentences before did not bring the recovery
        course.setdefault(key, direction)
        return False, drug
    if drug.start < poison.start:
        return False, drug  # the patient's drug before the poisoning: not given for it
    if in_sentence and same_clause(doc, drug.start, cue_i):
        return False, drug  # "ALT fell with Y": the text ties them
    if recovery:
        # a recovery: the antidote's when the sentence gives it first ("Y was given and ALT
        # fell"), else no drug's
        return (False, drug) if in_sentence and drug.end <= cue_i else (True, None)
    course.setdefault(key, direction)
    return True, poison


def onset_agent(doc: Doc, sent: Span, drug: Span, cond: Span) -> Span:
    """The drug a harm told after ``drug`` was given belongs to: the poison in a poisoning case
    when ``drug`` was given after it (the antidote), else ``drug``."""
    changed, agent = course_agent(doc, sent, drug, cond.start, concept_of(cond).key, "worsened")
    return agent if changed and agent is not None else drug


def level_agent(doc: Doc, sent: Span, drug: Span | None, i: int) -> Span | None:
    """The drug a level measured at token ``i`` was taken under: the poison in a poisoning case
    when the narration rule chose the antidote given after it (and the sentence does not tie
    the level to the antidote's clause), else ``drug``."""
    if drug is None:
        return None
    poisons = [p for p in poison_mentions(doc) if p.start < i]
    if not poisons or concept_of(drug).key == concept_of(poisons[-1]).key or \
            drug.start < poisons[-1].start or \
            (sent.start <= drug.start < sent.end and same_clause(doc, drug.start, i)):
        return drug
    return poisons[-1]
