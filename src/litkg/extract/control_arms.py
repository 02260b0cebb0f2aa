"""Control arms named by what they got instead of the drug: "the saline group", "usual care",
"52% of controls".

A trial compares its drug with something, and reports results per arm: "PONV occurred in 23% in
the dexamethasone group and 52% in the saline group".  Placebo is in the vocabularies, but a
saline, sham, vehicle, usual-care, wait-list or untreated control is not a drug or procedure
any vocabulary names as such, so the result had one arm only: no comparison, and the drug's arm
alone looked like the cause of the event.  The ``litkg_control_arms`` component (after
``litkg_arms``) marks such arms as ``PROCEDURE`` entities named "control" (as litkg_arms does for
an arm code whose agent is a placebo or vehicle), so the claim stages treat them as the
comparator:

- "<control word> group/arm/cohort" ("the saline group", "the sham arm", "usual-care group");
- a bare control word right after a comparison word when the sentence also names an
  intervention ("dexamethasone or normal saline", "versus usual care", "than with sham"), or
  after a value it was measured with ("12% with X and 42% with saline");
- untreated people as the comparator: "of controls", "in untreated controls".

"Saline" alone stays unnamed elsewhere: hypertonic saline *is* the treatment of some trials.
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from litkg.extract.extensions import register_extensions

_CONTROL = (r"(?:(?:normal|physiologic(?:al)?|isotonic)\s+)?saline|sham|vehicle|usual[- ]care|"
            r"standard[- ](?:of[- ])?care|no[- ](?:treatment|intervention)|"
            r"wait(?:ing)?[- ]list|control")
#: "the saline group", "usual-care arm", "control cohort", "untreated group"
_NAMED_GROUP = re.compile(rf"\b(?:{_CONTROL}|untreated)\s+(?:group|arm|cohort|condition)s?\b",
                          re.I)
#: "dexamethasone or normal saline", "versus usual care", "than with sham"; also the people
#: of the arm named by what they were given ("38% of those given saline", "allocated sham")
_AFTER_COMPARISON = re.compile(rf"\b(?:versus|vs\.?|or|than(?:\s+(?:with|in))?|compared\s+"
                               rf"(?:with|to)|instead\s+of|given|receiving|allocated(?:\s+to)?|"
                               rf"(?:assigned|randomi[sz]ed)\s+to)\s+(?:the\s+|a\s+)?"
                               rf"(?P<arm>{_CONTROL})"
                               rf"\b(?!\s*[-\w]*(?:solution\s+)?(?:infusion|bolus|load|loading|"
                               rf"hydration|flush|lavage|irrigation)\b)", re.I)
#: "12% with dexmedetomidine and 42% with saline", "31 min in sham": a value of the arm
_VALUE_WITH = re.compile(rf"\d\s*(?:%|[a-zµμ/]+)?\s*\)?\s*(?:with|in|for|after)\s+(?:the\s+)?"
                         rf"(?P<arm>{_CONTROL})\b(?!\s*[-\w]*(?:solution\s+)?(?:infusion|bolus|"
                         rf"load|loading|hydration|flush|lavage|irrigation)\b)", re.I)
#: "78% of treated infants versus 23% of controls", "than in untreated controls"
_CONTROL_PEOPLE = re.compile(r"\b(?:of|in|among|than|versus|vs\.?)\s+(?:the\s+)?(?:"
                             r"healthy\s+|matched\s+)?(?P<arm>(?:untreated\s+)?controls)\b", re.I)
_INTERVENTIONS = {"DRUG", "PROCEDURE"}
#: the intervention's arm named by its people: "treated infants", "the treatment group"
TREATED_PEOPLE = re.compile(r"\b(?:treated|treatment|intervention|active[- ]treatment)\s+"
                            r"(?:patients|participants|subjects|infants|children|adults|women|"
                            r"men|group|arm|cohort)\b", re.I)


def _arm_spans(sent: Span) -> list[tuple[int, int]]:
    """Character spans of the control arms named in ``sent``."""
    text, base = sent.text, sent.start_char
    out = [(base + m.start(), base + m.end()) for m in _NAMED_GROUP.finditer(text)]
    if any(e.label_ in _INTERVENTIONS for e in sent.ents):
        # a bare control word names an arm only beside an intervention it is compared with
        out += [(base + m.start("arm"), base + m.end("arm"))
                for pattern in (_AFTER_COMPARISON, _CONTROL_PEOPLE, _VALUE_WITH)
                for m in pattern.finditer(text)]
    elif TREATED_PEOPLE.search(text):
        # ... or beside the treated people ("78% of treated infants versus 23% of controls")
        out += [(base + m.start("arm"), base + m.end("arm")) for m in _CONTROL_PEOPLE.finditer(text)]
    return out


def add_control_arms(doc: Doc) -> Doc:
    """Add a ``PROCEDURE`` entity named "control" for each control arm on free tokens."""
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    new = []
    for sent in doc.sents:
        for start, end in _arm_spans(sent):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            arm = Span(doc, span.start, span.end, label="PROCEDURE")
            arm._.concept_label = "control"
            arm._.source = "control_arm"
            new.append(arm)
            taken.update(range(span.start, span.end))
    if new:
        doc.ents = sorted(filter_spans(list(doc.ents) + new), key=lambda s: s.start)
    return doc


@Language.factory("litkg_control_arms", requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.ents"])
def make_control_arms(nlp: Language, name: str):
    register_extensions()
    return add_control_arms
