"""The ``litkg_endpoints`` component: ENDPOINT entities in ``doc.ents``.

It runs after ``litkg_entities`` (and the name-shape and product stages) and before
``litkg_abbreviations``, so "progression-free survival (PFS)" makes PFS an endpoint
document-wide.  Two kinds of endpoint are added:

- phrases on free tokens, found by :func:`litkg.extract.endpoints.find_endpoints` ("overall
  survival", "time to relapse");
- entities the earlier stages named that are really measures, re-read here because only the
  words around them tell: a finding with a rating word ("pain scores"), a pharmacokinetic term
  ("area under the curve", "Cmax", with the drug written before it), a drug written as the
  amount needed or taken ("morphine requirements"), a rating instrument named after a disease
  ("Glasgow Coma Scale"), a gas that is measured ("oxygen saturation"), and a care event the
  vocabulary files as a procedure ("hospitalization").
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from litkg.extract.endpoints import STOP_WORDS, find_endpoints
from litkg.extract.extensions import register_extensions


#: care events the vocabulary files as procedures that trials count as endpoints
#: ("hospitalization for heart failure occurred in 6 patients"), never a treatment given
_COUNTED_EVENTS = frozenset({"hospitalization", "hospitalisation", "hospitalizations",
                             "hospitalisations", "rehospitalization", "rehospitalisation",
                             "readmission", "readmissions", "hospital admission",
                             "hospital admissions"})


def add_endpoints(doc: Doc) -> Doc:
    """Add ``ENDPOINT`` spans to ``doc.ents`` where no other entity stands; a care event the
    vocabulary calls a procedure ("hospitalization") becomes an endpoint."""
    ents, changed = [], False
    for e in doc.ents:
        if e.label_ == "PROCEDURE" and e.text.lower() in _COUNTED_EVENTS:
            event = Span(doc, e.start, e.end, label="ENDPOINT")
            event._.source = "endpoint"
            ents.append(event)
            changed = True
        elif not _measured_gas(doc, e):
            ents.append(e)
    ents, rated = _rated_findings(doc, ents)
    ents, kinetic = _pharmacokinetic_terms(doc, ents)
    ents, amounts = _drug_amounts(doc, ents)
    changed = changed or rated or kinetic or amounts
    instruments = named_instruments(doc, ents)
    if instruments:
        covered = {i for start, end in instruments for i in range(start, end)}
        ents = [e for e in ents if not covered.intersection(range(e.start, e.end))]
    taken = {i for e in ents for i in range(e.start, e.end)}
    new = []
    for start, end in instruments:
        span = Span(doc, start, end, label="ENDPOINT")
        span._.source = "endpoint"
        new.append(span)
        taken.update(range(start, end))
    for sent in doc.sents:
        for start, end in find_endpoints(doc, sent, taken):
            span = Span(doc, start, end, label="ENDPOINT")
            span._.source = "endpoint"
            new.append(span)
    if new or changed or len(ents) != len(doc.ents):
        # the readers above keep their spans apart; should two still overlap, the longer wins
        # rather than the document failing
        doc.ents = sorted(filter_spans(ents + new), key=lambda s: s.start)
    return doc


#: pharmacokinetic measures, which name a drug's exposure rather than a clinical endpoint
_PK_TERMS = re.compile(
    r"\b((maximum|maximal|peak|trough|minimum|steady-state|plasma)\s+(plasma\s+)?concentrations?|"
    r"area under the (plasma )?(concentration[- ]time )?curve|(elimination |terminal |plasma )?"
    r"half-li(fe|ves)|(oral |renal |total |apparent )?clearance|(oral )?bioavailability|"
    r"AUC(0-\S+|inf|∞)?|C ?max|T ?max|C ?min|volume of distribution)\b", re.I)


def _pharmacokinetic_terms(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
    """``ents`` with pharmacokinetic measures added as ENDPOINTs ("area under the curve",
    "elimination half-life", "Cmax"), together with the drug written right before them ("the
    apixaban area under the curve" is apixaban's exposure: the object of an interaction, not a
    drug that acts)."""
    taken = {i: e for e in ents for i in range(e.start, e.end)}
    new, drop = [], set()
    for m in _PK_TERMS.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or any(i in taken and taken[i].label_ != "ENDPOINT"
                               for i in range(span.start, span.end)):
            continue
        start = span.start
        before = taken.get(start - 1)
        if before is not None and before.label_ == "DRUG" and before.end == start:
            start = before.start  # "the apixaban area under the curve"
            drop.add((before.start, before.end))
        endpoint = Span(doc, start, span.end, label="ENDPOINT")
        endpoint._.source = "endpoint"
        new.append(endpoint)
    if not new:
        return ents, False
    covered = {i for e in new for i in range(e.start, e.end)}
    kept = [e for e in ents if (e.start, e.end) not in drop
            and not covered.intersection(range(e.start, e.end))]
    return sorted(kept + new, key=lambda e: e.start), True


#: nouns that make a drug name the amount of it the patients needed: "morphine requirements"
_NEEDED_AMOUNT = frozenset({"requirement", "requirements"})
#: ... or took, which is measured only where another drug is the sentence's agent ("morphine
#: consumption was lower with ketamine"); alone, "alcohol consumption" is an exposure
_TAKEN_AMOUNT = frozenset({"consumption"})


def _drug_amounts(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
    """``ents`` with a drug written as the amount patients needed or took made an ENDPOINT:
    "morphine requirements", "opioid consumption", "consumption of fentanyl".  Trials of
    analgesics and anaesthetics measure how much rescue drug was used; read as the drug, the
    outcome would lose its object or name the rescue drug as the agent."""
    out, changed, skip = [], False, set()
    for n, e in enumerate(ents):
        if n in skip:
            continue
        if e.label_ != "DRUG":
            out.append(e)
            continue
        sent = doc[e.start].sent
        # another intervention in the sentence, a drug or a procedure ("motivational
        # interviewing reduced alcohol consumption")
        others = any(o.label_ in ("DRUG", "PROCEDURE") and o.text.lower() != e.text.lower()
                     and o.start >= sent.start and o.end <= sent.end for o in ents)
        after = doc[e.end].lower_ if e.end < len(doc) else ""
        start, end = e.start, e.end + 1
        if after not in _NEEDED_AMOUNT and not (after in _TAKEN_AMOUNT and others):
            # "the consumption of morphine", "requirements for propofol"
            prep = doc[e.start - 1].lower_ if e.start > 0 else ""
            head = doc[e.start - 2].lower_ if e.start > 1 else ""
            if prep not in ("of", "for") or not (
                    head in _NEEDED_AMOUNT or (head in _TAKEN_AMOUNT and others)) \
                    or (out and out[-1].end > e.start - 2):
                out.append(e)
                continue
            start, end = e.start - 2, e.end
        if any(o.start < end and o.end > start and o is not e for o in ents):
            out.append(e)  # the noun already stands in another entity
            continue
        span = Span(doc, start, end, label="ENDPOINT")
        span._.source = "endpoint"
        out.append(span)
        changed = True
    return out, changed


#: words after a finding that make the phrase a measure of it: "pain scores", "nausea severity"
_RATING_HEADS = frozenset({"score", "scores", "scale", "scales", "severity", "intensity",
                           "rating", "ratings", "index", "grade", "grades"})
_FINDING_LABELS = frozenset({"CONDITION", "PHENOTYPE"})


def _rated_findings(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
    """``ents`` with each finding followed by a rating word made an ENDPOINT of both: "pain
    scores were lower with X" is a measure that fell, not pain as X's harm or indication."""
    out, changed = [], False
    taken = {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        end = e.end
        while end < len(doc) and end - e.end < 2 and doc[end].lower_ in _RATING_HEADS and \
                end not in taken:
            end += 1  # "pain scale scores"
        if e.label_ in _FINDING_LABELS and end > e.end:
            span = Span(doc, e.start, end, label="ENDPOINT")
            span._.source = "endpoint"
            out.append(span)
            changed = True
        else:
            out.append(e)
    return out, changed


#: last words of a named rating instrument: "Hamilton Depression Rating Scale", "Crohn's Disease
#: Activity Index", "Beck Depression Inventory", "Glasgow Coma Scale"
_INSTRUMENT_HEADS = frozenset({"Scale", "Scales", "Score", "Index", "Inventory", "Questionnaire",
                               "Assessment", "Battery"})
_INSTRUMENT_PARTS = frozenset({"'s", "\u2019s", "-", "of", "for", "and"})
#: entity types a word of an instrument's name may have been given on its own ("Depression")
_NAMED_IN_INSTRUMENT = frozenset({"CONDITION", "PHENOTYPE", "ANALYTE", "ENDPOINT", "TARGET"})


def named_instruments(doc: Doc, ents: list[Span]) -> list[tuple[int, int]]:
    """Token spans of rating instruments written as proper names: capitalised words ending in
    Scale / Score / Index / Inventory / Questionnaire, with a lower-case "score(s)" after.

    The disease inside such a name ("Depression", "Coma", "Crohn's Disease") is what the
    instrument rates, not the patient's condition: left alone, "Glasgow Coma Scale score
    decreased" would read as coma decreasing.  A drug or a verb ends the name on the left
    ("Sertraline Improves Depression Scale" in a title is about the scale)."""
    label_at = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    out = []
    last_end = 0
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            if doc[i].text not in _INSTRUMENT_HEADS or (
                    i + 1 < sent.end and doc[i + 1].text in _INSTRUMENT_HEADS):
                i += 1  # "Global Assessment Scale": the last head ends the name
                continue
            start = i
            while start - 1 >= max(sent.start, last_end) and _name_word(doc[start - 1], label_at):
                start -= 1
            while start < i and not doc[start].text[:1].isupper():
                start += 1  # never start on "of" or "'s"
            end = i + 1
            if end < sent.end and doc[end].lower_ in ("score", "scores"):
                end += 1
            if i - start >= 1:  # a bare "Scale" or "Index" is not a name
                out.append((start, end))
                last_end = end
            i = end
    return out


def _name_word(tok, label_at: dict[int, str]) -> bool:
    if label_at.get(tok.i, "CONDITION") not in _NAMED_IN_INSTRUMENT:
        return False
    if tok.text in _INSTRUMENT_PARTS:
        return True
    return tok.text[:1].isupper() and tok.is_alpha and tok.tag_ not in (
        "VBZ", "VBD", "VBP", "DT", "PRP$", "IN", "CC") and tok.lower_ not in STOP_WORDS


_MEASURED_BY = frozenset({"saturation", "saturations", "tension", "partial"})


def _measured_gas(doc: Doc, e: Span) -> bool:
    """"saturation of oxygen", "oxygen saturation": the gas names what is measured, it is not a
    drug given; the phrase becomes an endpoint."""
    if e.label_ != "DRUG" or e.end - e.start != 1:
        return False
    before = doc[e.start - 2:e.start] if e.start >= 2 else None
    after = doc[e.end] if e.end < len(doc) else None
    return bool((before is not None and before[0].lower_ in _MEASURED_BY and before[1].lower_ == "of")
                or (after is not None and after.lower_ in _MEASURED_BY))


@Language.factory("litkg_endpoints", requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.ents"])
def make_endpoints(nlp: Language, name: str):
    register_extensions()
    return add_endpoints

