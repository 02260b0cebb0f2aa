"""What the study is about, where that decides a claim: the findings its title studies
(:func:`title_findings`: "Effect of A versus B on postoperative nausea"; a higher rate of such a
finding in one arm is that arm's outcome, not its harm) and the events a single-arm study counts
among its patients (:func:`rated_events`: "Conjunctivitis occurred in 18% of patients").

Split from :mod:`litkg.extract.claims`.
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Span

from litkg.extract.claims_relations import CONDITION_LABELS


def title_findings(doc: Doc, title: str | None, sents: list[Span], by_sent: list[list[Span]],
                   key: Callable[[Span], str]) -> frozenset:
    """Concept keys and lower-cased names of the findings the title names as the target of its
    interventions (not as a harm it studies)."""
    title = (title or "").strip()
    return frozenset(
        name for k, sent in enumerate(sents) if title and sent.text.strip() == title
        for e in by_sent[k] if e.label_ in CONDITION_LABELS and _TITLE_TARGET.search(
            doc.text[sent.start_char:e.start_char]) and not _TITLE_HARM.search(
            _CAUSE_GLUED.sub("", doc.text[sent.start_char:e.start_char]))
        for name in (key(e), e.text.lower()))


#: a title that names a finding as what the interventions are for ("Effect of A versus B on Y",
#: "A for the prevention of Y"), not as a harm it studies ("Association of A use with incident Y")
_TITLE_TARGET = re.compile(r"\b(on|for|prevent\w*|treat\w*|manag\w*|reduc\w*|control\w*)\b", re.I)
_TITLE_HARM = re.compile(r"\b(associat\w*|risks?|incident|induced|toxicit\w*|safety|adverse|"
                         r"harms?)\b", re.I)


#: the cause glued to the finding ("reversal of rocuronium-induced Y") says what Y is, not that
#: the study is about a harm
_CAUSE_GLUED = re.compile(r"\S+-(induced|associated|related)\s*$", re.I)


#: "Y occurred in 18% of patients", "Y was reported in 12 of 60", "and Z in 9%": a finding
#: counted among the patients
_EVENT_RATE = re.compile(r"^\s*(?:(?:occurred|developed|was\s+(?:reported|observed|seen|noted)|"
                         r"were\s+(?:reported|observed|seen|noted))\s+)?in\s+(?:\d+(?:\.\d+)?\s*%|"
                         r"\d+\s*(?:of|/)\s*\d+)", re.I)


def rated_events(sent: Span, ents: list[Span]) -> list[Span]:
    """The findings of ``sent`` each given with its rate among the patients ("Conjunctivitis
    occurred in 18% of patients and injection-site reactions in 9%")."""
    doc = sent.doc
    return [e for e in ents if e.label_ in CONDITION_LABELS
            and _EVENT_RATE.match(doc.text[e.end_char:sent.end_char])]


_ARMS_COMPARED = re.compile(r"\brespectively\b|\bvs\.?\s|\bversus\b|\b[Pp]\s*[=<>≤]", re.I)


def rates_of_arms(sent: Span) -> bool:
    """Are the rates of ``sent`` those of two arms compared ("0.6% and 0.9% of patients,
    respectively (P=0.51)", "12% vs 4%")?  They are then no single arm's count of events."""
    return bool(_ARMS_COMPARED.search(sent.text))


def title_finding(cond: Span, title_findings: frozenset, key: Callable[[Span], str]) -> bool:
    """Is ``cond`` a finding the title names, by concept or as a word of its name ("nausea" of
    "postoperative nausea and vomiting")?  (``title_findings`` holds concept keys and names.)"""
    text = cond.text.lower()
    word = re.compile(rf"\b{re.escape(text)}\b")
    # ... or the title's finding is a word of its name ("atopic dermatitis flares")
    return key(cond) in title_findings or any(
        word.search(t) or re.search(rf"\b{re.escape(t)}\b", text) for t in title_findings)
