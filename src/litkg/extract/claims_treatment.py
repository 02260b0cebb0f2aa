"""Treatment (indication) pairs: which intervention a sentence gives for which condition.

Split from :mod:`claims_relations` (adverse-effect pairs), which shares the entity labels and
the test of a measured analyte.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract import claims_scope
from litkg.extract.claims_direction import GENERIC_COMPARATOR
from litkg.extract.claims_relations import (CONDITION_LABELS, DRUG_LABELS, INTERVENTION_LABELS,
                                            poisoning_by)
from litkg.extract.claims_interventions import diagnostic_procedure, is_measured
from litkg.extract.endpoints import STOP_WORDS as ENDPOINT_STOP_WORDS
from litkg.extract.induced import CAUSE_WORDS
from litkg.extract.products import ROUTE_WORDS

_TREATMENT_PREFIXES = tuple(c for c in lex.TREATMENT_CUES if c != "for")
# a condition named as a risk ("risk of infection", "infection risk") or as the cause of
# another condition (:func:`claims_scope.names_cause`: "renal failure-related Y", "Y due to
# renal disease") is not treated
_RISK_BEFORE = re.compile(r"\b(risks?|incidence|rates?)( of| for)?\s*$|"
                          r"\bmaintain\s*$|\bwatch for\s*$|"
                          # "increases in drowsiness in patients treated with X": a change in Y,
                          # not what X was given for
                          r"\b(increases?|rises?|elevations?)\s+(in|of)"
                          r"\s*$|"
                          # "but was associated with more vomiting": an association, not a use
                          r"\bassociated with"
                          r"( (more|less|increased|higher|lower|fewer|reduced))?\s*$",
                          re.I)
_RISK_AFTER = re.compile(r"^\s*-?\s*risk\b", re.I)


#: a condition a study left out: "excluded patients with Y", "exclusion criteria were Y, ...",
#: "patients with Y were excluded" (an eligibility rule, not what the intervention was for)
_EXCLUDED_BEFORE = re.compile(r"\b(exclud(ed|ing)|exclusion\s+criteri(a|on))\b"
                              r"(?![^.;]*\binclu(ded|ding|sion)\b)[^.;]*$", re.I)
_EXCLUDED_AFTER = re.compile(r"^[^.;]{0,80}?\b(were|was|are|is|being)\s+(also\s+)?excluded\b",
                             re.I)


def excluded(doc: Doc, sent: Span, c: Span) -> bool:
    """Is condition ``c`` named as a reason to leave patients out of the study?"""
    return bool(_EXCLUDED_BEFORE.search(doc.text[sent.start_char:c.start_char]) or
                _EXCLUDED_AFTER.match(doc.text[c.end_char:sent.end_char]))


def _not_indication(doc: Doc, sent: Span, c: Span) -> bool:
    before = doc[max(sent.start, c.start - 3):c.start].text
    after = doc.text[c.end_char:sent.end_char]
    return bool(_RISK_BEFORE.search(before) or _RISK_AFTER.match(after)) or \
        claims_scope.names_cause(doc, sent, c) or _caused_after_list(doc, sent, c) or \
        excluded(doc, sent, c)


_CAUSED_BY = re.compile(r"^\s*((induced|caused|triggered|precipitated|provoked) by|"
                        r"(secondary|due) to)\b", re.I)


def _caused_after_list(doc: Doc, sent: Span, c: Span) -> bool:
    """"A case of Y1, Y2, and Y3 induced by right ventricular pacing during X therapy": the
    list of findings is caused by what follows, so it is no indication of a treatment named
    after it."""
    in_finding = {i for e in sent.ents if e.label_ in CONDITION_LABELS
                  for i in range(e.start, e.end)}
    i, loose = c.end, 0
    while i < sent.end and (i in in_finding or doc[i].lower_ in (",", "and", "or") or (
            loose < 2 and doc[i].is_alpha and doc[i].lower_ not in ENDPOINT_STOP_WORDS
            and not doc[i].lower_.endswith("ed"))):
        loose += i not in in_finding and doc[i].is_alpha and doc[i].lower_ not in ("and", "or")
        i += 1  # "arrhythmic storm": a word the recogniser left out of the finding
    return i < sent.end and bool(_CAUSED_BY.match(doc.text[doc[i].idx - 1:sent.end_char]))


# "Y responded (poorly) to X", "Y resistant / refractory to X", "non-responders to X": X was
# given for Y, whether or not it worked
_RESPONSE_PREFIXES = ("respon", "nonrespon", "unrespon", "resistant", "refractory")


def _is_cue(word: str) -> bool:
    return word.startswith(_TREATMENT_PREFIXES + _RESPONSE_PREFIXES) or word == "for"


_USE_OBJECT = frozenset({"in", "for", "to", "as", "against", "with"})
#: "started on X", "maintained on X": verbs that put a patient on a drug
_PUT_ON = frozenset({"started", "initiated", "commenced", "begun", "placed", "put", "maintained"})


def _put_on_ok(doc: Doc, sent: Span, i: int, c: Span) -> bool:
    """A "started on" cue after the condition treats it only when the condition describes the
    patient ("a woman with Y was started on X"), not an earlier event ("After Y resolved, she
    was started on X")."""
    if doc[i].lower_ not in _PUT_ON or c.start > i:
        return True
    return bool(_POPULATION_WITH.search(doc[max(sent.start, c.start - 4):c.start].text))


def _cue_at(doc: Doc, i: int) -> bool:
    """Token ``i`` is a treatment cue.  "used" must name a use ("used in / for / to treat Y",
    "used successfully for Y"): in "the most commonly used anesthetic agent" it only ranks the
    drug, and the condition that follows can be its harm."""
    word = doc[i].lower_
    if word in _PUT_ON and i + 1 < len(doc) and doc[i + 1].lower_ == "on":
        return True  # "a woman with Y was started on X"
    if not _is_cue(word):
        return False
    if word == "used":
        if doc[i + 1:min(i + 3, len(doc))].text.lower() in ("with caution", "with care"):
            return False  # "should be used with caution if Y is present": a warning, not a use
        return any(t.lower_ in _USE_OBJECT for t in doc[i + 1:min(i + 3, len(doc))])
    if word == "for" and i > 0 and doc[i - 1].lower_ in _FOR_NOT_INDICATION:
        return False  # "hazard ratio for death", "tested for HIV", "positive for X"
    return True


#: words before "for" that make it a statistic's, a test's or a finding's, not an indication
_FOR_NOT_INDICATION = frozenset({"ratio", "ratios", "risk", "risks", "odds", "hazard", "hr", "or",
                                 "rr", "probability", "rate", "rates", "score", "scores",
                                 "tested", "test", "tests", "screened", "screening", "positive",
                                 "negative", "searched", "criteria", "accounted", "adjusted",
                                 "controlled",
                                 # "implications for autism", "concordance for Y", "a marker for
                                 # Y", "susceptibility for Y": what Y bears on, not a use
                                 "implications", "implication", "concordance", "susceptibility",
                                 "predisposition", "marker", "markers", "biomarker", "biomarkers",
                                 "predictor", "predictors", "model", "models", "candidate",
                                 "liability", "vulnerability",
                                 # "vigilance for Y after X", "monitored for Y": a harm watched
                                 # for, not what X is given for
                                 "vigilance", "monitoring", "monitored", "surveillance",
                                 "watch", "watched", "alert", "caution"})


# "X in patients with A who have (unsuppressed) B": a relative clause adds a further condition
# of the same patients, which the cue before A also names
_FURTHER_CONDITION = re.compile(r"^\s*(who|that)\s+(also\s+)?(have|has|had|develop(ed|s)?|"
                                r"present(ed|s)?\s+with|suffer(ed|s)?\s+from)(\s+[a-z-]+){0,2}\s*$", re.I)


def _cue_taken(sent: Span, i: int, ds: int, de: int, c: Span, ents: list[Span]) -> bool:
    """The cue at token ``i`` belongs to another entity of the window between the drug (tokens
    ``ds:de``) and condition ``c``: "despite X therapy ... requiring surgery" (X's therapy),
    "X is recommended for Y, ... Z" (Y's indication, unless Z is coordinated with Y)."""
    doc = sent.doc
    for e in ents:
        if e.start <= ds < e.end or e.start <= c.start < e.end or (
                e.end <= c.start and c.start - e.end <= 3 and claims_scope.names_cause(doc, sent, e)):
            continue  # "used to alleviate diabetes-related Y": the cause modifies Y
        if e.label_ in INTERVENTION_LABELS and (i == e.end or i + 1 == e.start):
            return True  # "X therapy", "therapy X": the word names X's use
        if e.label_ in CONDITION_LABELS and i < e.start and min(de, c.end) <= e.start \
                and e.end <= max(ds, c.start) and \
                not {t.lower_ for t in doc[e.end:max(ds, c.start)]} <= {",", "and", "or"} and \
                not _FURTHER_CONDITION.match(doc[e.end:max(ds, c.start)].text):
            return True  # the cue precedes a nearer, uncoordinated condition: it is that one's
    return False


# "X-induced Y", "X-associated Y": the drug right before the condition names its cause
_CAUSE_MODIFIER = re.compile(r"^\s*-?\s*(" + "|".join(sorted(CAUSE_WORDS | {"dependent"})) + r")\s*$",
                             re.I)
# "X in patients with Y", "X in children with Y": the drug given to (studied in) people who
# have Y; the population noun comes within three words of the cue "with"
#: the people (or study animals) and what describes them before "with": their age ("children
#: aged 6 to 14 years with Y", "adults 65 years or older with Y") or setting ("patients
#: hospitalized with Y")
_PEOPLE = (rf"(?:{claims_scope.PERSON}|{lex.STUDY_ANIMAL})(?:\s+(?:aged?|older|younger|over|"
           r"under|between|than|to|and|or|more|years?|months?|weeks?|old|of|hospitali[sz]ed|"
           r"[<>≥≤]?\d[\d.,–-]*))*")
_POPULATION_WITH = re.compile(rf"\b{_PEOPLE}\s+with\s*$", re.I)
# drugs coordinated in one phrase share its indication: "X and Y for Z", "X with and without Y
# in patients with Z", "X versus Y in Z", "X plus Y"
_COORDINATION = re.compile(r"^[\s,]*(and|or|and/or|plus|-|/|\u2013|"
                           r"with(\s+and)?(\s+without)?|without|"
                           r"versus|vs\.?|compared\s+with|combined\s+with|,|"
                           # "montelukast added to inhaled budesonide": an add-on shares the
                           # base drug's indication
                           r"(?:added|add-on)\s+to(?:\s+(?:inhaled|oral|intravenous|"
                           r"standard|usual))?|in\s+addition\s+to|on\s+top\s+of)?[\s,]*$",
                           re.I)


# a word that ends the drug's own phrase before "patients with": the drug is then given to the
# patients, not part of their description ("a pre-dialysis patient with Y", "dialysis-dependent
# patients with Y" describe the patients)
_PHRASE_BREAK = frozenset({"in", "to", "for", "among", "of", "on", "at", "by", "from", "was",
                           "were", "is", "are", "be", "been", "given", "received", "receiving",
                           "administered", "treated", "trial", "study", ",", ":", ";", "(", ")"})


#: "adults with moderate-to-severe Y", "patients with Y": the people the condition describes,
#: up to six words of its noun phrase (a relative clause or a time word ends the description:
#: "patients with Y who developed Z", "patients with Y after Z")
_DESCRIBED_BY = re.compile(rf"\b{_PEOPLE}\s+with(?:\s+(?!(?:who|whom|which|that|"
                           r"after|following|during|on|without|and|or)\b)[^\s,;:()]+){0,6}\s*$",
                           re.I)
#: "... were randomised to X", "... received X", "... were given oral X": the described people
#: were given the drug (the drug within three words after the verb; "took an overdose of X"
#: is no treatment)
_ALLOCATED = r"(?:randomi[sz]ed|assigned|allocated)"
_GIVEN_TO = re.compile(r"^\s*(?:(?:were|was|had|have|been|then|all|each|also|subsequently|"
                       r"randomly|either)\s+){0,3}(?:received|receive|receiving|given|took|taking|"
                       rf"{_ALLOCATED}\s+to(?:\s+receive)?)"
                       r"\s+(?:(?!(?:who|which|that|after|for|with|overdos\w*)\b)"
                       r"[^\s,;:.()]+\s+){0,3}$",
                       re.I)


#: "We randomly assigned 180 adults with Y to X": the allocation verb before the population
#: (the object), the drug after "to"
_ALLOCATED_BEFORE = re.compile(rf"\b{_ALLOCATED}\s+(?:\S+\s+){{0,3}}$", re.I)
_TO_DRUG = re.compile(r"^\s*to\s+(?:(?!(?:who|which|that|after|for|with)\b)[^\s,;:.()]+\s+){0,3}$",
                      re.I)


def _given_to_population(doc: Doc, sent: Span, c: Span, conds: list[Span], ds: int) -> bool:
    """"Patients with Y were randomised to X", "Sixty adults with Y received X": the subject
    names the people by their condition (a list of conditions ends where the verb starts) and
    the verb gives them the drug starting at token ``ds``; or "we randomly assigned adults with
    Y to X": the people are the allocation verb's object."""
    window = doc[max(sent.start, c.start - 8):c.start]
    found = _DESCRIBED_BY.search(window.text)
    if not found:
        return False
    end = c  # "patients with A and B received X": the verb follows the list
    for e in sorted(conds, key=lambda e: e.start):
        gap = doc[end.end:e.start]
        if e.start >= end.end and len(gap) <= 3 and gap and \
                all(t.lower_ in (",", "and", "or") for t in gap):
            end = e
    if end.end > ds:
        return False
    between = doc.text[end.end_char:doc[ds].idx]
    before = doc.text[max(sent.start_char, window.start_char + found.start() - 60):
                      window.start_char + found.start()]
    if _ALLOCATED_BEFORE.search(before):
        return bool(_TO_DRUG.match(between))
    # "All 24 patients with Y received X", "the patients with Y": a definite group refers back
    # to people already counted, often by what happened to them (Y may be the drug's harm)
    if {"all", "the", "these", "those", "of"} & set(before[-20:].lower().split()[-3:]):
        return False
    return bool(_GIVEN_TO.match(between))


_HARM_STEMS = ("toxicit", "intoxicat", "adverse", "overdos", "poisoning")


_AFTER_WORDS = frozenset({"after", "following", "during"})


def _harm_first(doc: Doc, sent: Span, i: int) -> bool:
    """"Hypocalcemia after denosumab in a patient with Y": the sentence opens on a finding that
    follows a drug, so the patient's Y is the story's background, not the drug's indication."""
    first = next((e for e in sent.ents if e.start < i), None)
    return first is not None and first.label_ in CONDITION_LABELS and first.end < sent.end and \
        doc[first.end].lower_ in _AFTER_WORDS and first.start - sent.start <= 2


def _population_cue(doc: Doc, i: int, sent: Span, drug_end: int) -> bool:
    """Token ``i`` is the "with" of "patients with", and the drug (ending at token
    ``drug_end``) stands outside the population phrase."""
    if i + 1 < sent.end and doc[i + 1].lower_ in ("or", "and"):
        return False  # "patients with or without Y": a subgroup, not the indication
    if any(t.lower_.startswith(_HARM_STEMS) or t.lower_ in CAUSE_WORDS for t in doc[sent.start:i]) \
            or _harm_first(doc, sent, i):
        return False  # "X toxicity after Z in a patient with Y": the harm's story, Y the background
    return doc[i].lower_ == "with" and bool(
        _POPULATION_WITH.search(doc[max(sent.start, i - 3):i + 1].text)) and \
        any(t.lower_ in _PHRASE_BREAK for t in doc[drug_end:i - 1])


_MODIFIES_CONDITION = re.compile(r"-(" + "|".join(sorted(CAUSE_WORDS | {
    "dependent", "sensitive", "resistant", "refractory", "responsive", "exposed"})) + r")\b", re.I)


_EFFECT_OF = re.compile(r"\b(effects?|impact|influence|efficacy|role)\s+of\s*$", re.I)


def _effect_on(doc: Doc, i: int, ds: int, de: int) -> bool:
    """Token ``i`` is the "on" of "the effect of X on Y" (X the drug at ``ds:de``, with at most
    two words after it: "X premedication on"): a study of X on the condition Y is a study of X
    in Y ("the effect of melatonin on postoperative pain")."""
    return doc[i].lower_ == "on" and de <= i <= de + 2 and \
        bool(_EFFECT_OF.search(doc[max(0, ds - 4):ds].text))


def _causes(doc: Doc, d: Span, c: Span) -> bool:
    """The drug names the cause of the condition: "clozapine-induced sialorrhea", "cisplatin
    nephrotoxicity"."""
    return d.end <= c.start and c.start - d.end <= 3 and bool(
        _CAUSE_MODIFIER.match(doc.text[d.end_char:c.start_char])) or poisoning_by(c, d) or \
        _arose_after(doc, d, c)


def _arose_after(doc: Doc, d: Span, c: Span) -> bool:
    """"emergence agitation after sevoflurane": the condition arose after the drug."""
    return c.end <= d.start and bool(_AFTER_CAUSE.match(doc.text[c.end_char:d.start_char]))


#: "emergence agitation after sevoflurane anaesthesia", "nausea following X": the drug right
#: after the condition, joined by a time word, names when (and so why) it arose
_AFTER_CAUSE = re.compile(r"^\s*(?:after|following|during)\s+(?:the\s+)?$", re.I)


#: a condition named as caused by drugs in general: "drug-induced Y", "treatment-related Y"
_GENERIC_CAUSE = re.compile(r"\b(?:drugs?|medications?|treatments?|therapy|medicines?)\s*-\s*"
                            r"(?:induced|related|associated|emergent)\s*$", re.I)


def _caused_generically(doc: Doc, drug_end: int, head: int) -> bool:
    """"initiation of X ... cases who developed drug-induced Y": the drugs named before a
    "drug-induced" condition are what the compound says caused it, unless a treatment word
    after them gives them for it ("X for drug-induced Y"); a procedure is no such drug ("rTMS
    modulates therapy-induced Y")."""
    return drug_end <= head and not any(t.lower_ == "for" or t.lower_.startswith("treat")
                                        for t in doc[drug_end:head])


def _same_drug_key(d: Span) -> str:
    """The concept a drug mention names (its id when grounded, else its lower-cased text)."""
    return d._.concept_id or d.text.lower()


def _coordinated(doc: Doc, a: tuple, b: tuple) -> bool:
    """Drugs ``a`` and ``b`` ((span, start, end)) stand in one coordination."""
    (_, a_start, a_end), (_, b_start, b_end) = sorted((a, b), key=lambda x: x[1])
    between = doc[a_end:b_start].text
    # "X (n = 31), Y (n = 29) or placebo": an arm's size stands after each listed drug; it and
    # a bracketed dose or short form lengthen the gap without leaving the list
    between = _ARM_SIZE.sub(" ", between)
    if b_start - a_end > 4 and len(between.split()) > 4:
        return False
    # "X 400 μg, Y 30 mg": doses and article words may stand between listed drugs
    between = re.sub(r"\d[\d.,]*\s*%|\b(the|a|an|\d[\d.,]*\s*\S*)\b", " ", between)
    # "X (IC) and Y (MEM)": a parenthesised short form restates the drug before it
    between = re.sub(r"\(\s*[^()\s]{1,12}\s*\)", " ", between)
    # "A and other B-class drugs": the class generalises the drug before it
    between = re.sub(r"\b(?:and|or)\s+other\b", " and ", between, flags=re.I)
    # "A 0.005% once daily or B 0.5% twice daily": a dosing frequency belongs to the drug before
    between = _FREQUENCY.sub(" ", between)
    # "A versus seven days of B": a course's length belongs to the drug after it
    between = _COURSE.sub(" ", between)
    # "ferric carboxymaltose versus oral iron": a route belongs to the drug after it
    between = " ".join(w for w in between.split() if w.lower() not in ROUTE_WORDS)
    return bool(_COORDINATION.match(between))


_FREQUENCY = re.compile(r"\b(?:(?:once|twice|thrice|(?:two|three|four|\d)\s+times)\s+(?:a\s+|per\s+)?"
                        r"(?:daily|day|weekly|week|monthly|month)|daily|weekly|nightly|"
                        r"(?:q\.?d|b\.?i\.?d|t\.?i\.?d|q\.?i\.?d)\b\.?)", re.I)
_ARM_SIZE = re.compile(r"[(\[]\s*n\s*=\s*\d[\d,]*\s*[)\]]", re.I)
_COURSE = re.compile(r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|"
                     r"\d+)\s+)?(?:days?|weeks?|months?|courses?|cycles?|doses?)\s+of\b", re.I)


def _title_in(doc: Doc, after: int, head: int) -> bool:
    """A title's "in" before the condition, across its modifiers only ("X versus Y in
    untreated EGFR-mutated advanced lung cancer")."""
    for i in range(head - 1, max(after, head - 9) - 1, -1):
        if doc[i].lower_ == "in":
            return True
        glued = i > 0 and doc[i - 1].text in ("-", "\u2013")  # "pregnancy-related Z"
        if (doc[i].is_punct and doc[i].text not in ("-", "\u2013")) or \
                (doc[i].lower_ in ENDPOINT_STOP_WORDS and not glued):
            return False  # "in a patient with Z": a population, read by its own cue
    return False


def treatment_pairs(sent: Span, ents: list[Span], taken: set,
                    implicit: tuple[Span, int] | None = None,
                    title: bool = False) -> list[tuple[Span, Span]]:
    """(intervention, condition) pairs of indication: a treatment cue ("treatment of", "used
    in", "X for Y", "first-line") or a population ("X in patients with Y") in the window
    joining them, not owned by another entity.  Drugs coordinated with the chosen one share
    the condition ("X and Y for Z").  A condition already read as a drug's harm is open only to
    another drug when the harm's cause is named inside it ("A for B-induced Y").

    ``implicit`` is (drug, token) for a sentence whose subject is an anaphor or elided ("It was
    used in Y", "Reserved for Y"): the drug of an earlier sentence, placed at that token.  In a
    ``title``, "X versus Y in Z" names the condition the drugs were studied in."""
    doc = sent.doc
    # a placebo, sham, vehicle or control arm is the comparison, not a treatment of the condition
    drugs = [(e, e.start, e.end) for e in ents if e.label_ in INTERVENTION_LABELS
             and not diagnostic_procedure(e)  # "MRI for suspected Y" looks, it does not treat
             and not GENERIC_COMPARATOR.search(e.text)
             and not GENERIC_COMPARATOR.search(e._.concept_label or "")]  # "group BS": control
    conds = [e for e in ents if e.label_ in CONDITION_LABELS and (
        (e.start, e.end) not in taken or any(_causes(doc, d, e) for d, _, _ in drugs))]
    # "steroid-dependent diseases", "insulin-resistant": the drug glued to such a word modifies
    # a condition; it treats nothing in the sentence
    drugs = [x for x in drugs if not _MODIFIES_CONDITION.match(doc.text, x[0].end_char)]
    # "melatonin premedication", "ketamine infusion": a procedure right after a drug names how
    # that drug was given; the drug is the treatment
    drug_ends = {e.end for e in ents if e.label_ in DRUG_LABELS}
    drugs = [x for x in drugs if not (x[0].label_ == "PROCEDURE" and x[1] in drug_ends)]
    if not drugs and implicit is not None:
        drugs = [(implicit[0], implicit[1], implicit[1] + 1)]
    named = {k for e in ents for k in range(e.start, e.end)}  # tokens inside an entity
    cond_tokens = {k for e in conds for k in range(e.start, e.end)}
    pairs = []
    for c in conds:
        if c._.negated or _not_indication(doc, sent, c) or claims_scope.generic_condition(c):
            continue  # "no recovery in alopecia": an outcome, not the drug's indication
        # "treatment of diabetes-related Y": the cue precedes Y's cause modifier
        head = max((e.start for e in conds if e.end <= c.start and c.start - e.end <= 3
                    and claims_scope.names_cause(doc, sent, e)), default=c.start)
        # "A for clozapine-induced Y ... patients treated with clozapine": Y's cause is not
        # its treatment, wherever else in the sentence it is named
        causes = {_same_drug_key(d) for d, _, _ in drugs if _causes(doc, d, c)}
        cands, eligible = [], []
        generic = _GENERIC_CAUSE.search(doc.text[max(sent.start_char, c.start_char - 40):
                                                 c.start_char])
        # (a harm opened to other drugs only because it arose after one is open to a drug
        # named before it: "A for prevention of Y after B", not "Y after B for Z")
        after_only = (c.start, c.end) in taken and not any(
            _causes(doc, d, c) and not _arose_after(doc, d, c) for d, _, _ in drugs)
        for d, ds, de in drugs:
            if _same_drug_key(d) in causes or (generic and d.label_ in DRUG_LABELS and
                                               _caused_generically(doc, de, head)):
                continue
            if after_only and ds > c.start:
                continue
            if not is_measured(d) and not d._.negated:
                eligible.append((d, ds, de))
            lo, hi = min(ds, head), max(de, c.end)
            start = max(sent.start, lo - 3)
            # ("X treatment in rats: implications for Y": a colon or semicolon between the cue
            # and the condition closes the cue's phrase)
            cue = any((_cue_at(doc, i) and _put_on_ok(doc, sent, i, c)
                       or (ds < head and _population_cue(doc, i, sent, de)))
                      and not _cue_taken(sent, i, ds, de, c, ents)
                      and not (ds < head and i < head and _changes_between(doc, i, head, named))
                      and not (i < head and any(t.text in (":", ";") for t in doc[i:head]))
                      and not (ds < head and i < head and _new_phrase(doc, max(i, de), head, cond_tokens))
                      for i in range(start, hi)) or (
                title and ds < head and _title_in(doc, de, head)) or (
                c.end <= ds and _given_to_population(doc, sent, c, conds, ds)) or (
                ds < head and any(_effect_on(doc, i, ds, de) for i in range(de, min(de + 3, head))))
            gap = head - de if ds < head else ds - c.end
            if gap <= 35 and cue and not is_measured(d) and not d._.negated:
                cands.append((d, ds, de))
        if cands:
            if any(doc[i].lower_ == "for" for i in range(max(sent.start, head - 3), head)):
                # "on warfarin for atrial fibrillation was prescribed fluconazole": the "for"
                # joins Y to a drug before it, not to the nearer one that follows
                cands = [x for x in cands if x[1] < head] or cands
            best = min(cands, key=lambda x: abs(x[1] - c.start))
            group = [best]
            # a coordinated drug shares the indication though the cue is the other's
            # ("A versus B for Y": "B for" names B's use, and A's)
            for cand in sorted(eligible, key=lambda x: abs(x[1] - best[1])):
                if cand not in group and any(_coordinated(doc, cand, g) for g in group):
                    group.append(cand)
            # "Y, resistant to A, which responded to B": each drug its own response cue
            # names was given for Y, the failed one too
            group += [x for x in cands if x not in group and _responded_to(doc, x[1])]
            pairs += [(d, c) for d, _, _ in sorted(group, key=lambda x: x[1])]
    return pairs


#: finite verbs of raising or causing: "X treatment increases Y" reports a harm of X, not what
#: X is for ("X improves / reduces Y" is consistent with treating Y)
_CHANGE_VERB_STEMS = lex.DIRECTION_PREFIXES["increased"] + lex.AE_CAUSAL + (
    # "adjunctive X reduced seizure frequency": what X lowered is its outcome, read as one
    "decreas", "reduc", "lower", "diminish", "attenuat", "suppress", "lessen", "abolish")


#: a coordinator and a determiner open a new noun phrase: "patients treated with X and the
#: incidence of Y": what follows is no longer what X was given for
_NEW_PHRASE_JOINS = frozenset({"and", "but", "whereas", "while", "although"})
_OPENS_PHRASE = lex.DETERMINERS | {"those", "no", "our"}


def _new_phrase(doc: Doc, after: int, head: int, cond_tokens: set[int]) -> bool:
    """Between the treatment cue's drug (ending at ``after``) and the condition at ``head``,
    does a coordinator followed by a determiner start another phrase ("treated with methotrexate
    and the incidence of cancers was not increased")?  A condition coordinated with the first
    ("for A and the related B", tokens of conditions in ``cond_tokens``) is the cue's too."""
    for j in range(after, head - 1):
        if j in cond_tokens:
            return False  # the cue reached a condition first: "and the B" coordinates with it
        if doc[j].lower_ in _NEW_PHRASE_JOINS and doc[j + 1].lower_ in _OPENS_PHRASE and \
                j + 2 < head:
            return True
    return False


def _changes_between(doc: Doc, i: int, head: int, named: set[int]) -> bool:
    """Is there a finite changing or causing verb between the cue at ``i`` and the condition at
    ``head`` ("ritonavir treatment increases atherosclerotic lesions", "adjunctive X reduced
    seizures")?  A verb after "to" ("used to
    reduce Y") states the use, and one inside an entity (tokens ``named``) is part of its name."""
    for t in doc[i + 1:head]:
        w = t.lower_
        if t.i in named or not w.startswith(_CHANGE_VERB_STEMS) or \
                doc[t.i - 1].lower_ == "to" or doc[t.i - 1].text.endswith("-"):
            continue  # ("for clozapine-induced Y": the participle names Y's cause)
        if w.endswith(("es", "ed")) or w in ("rose", "fell", "led"):
            return True
    return False


def _responded_to(doc: Doc, ds: int) -> bool:
    """"responded (well) to X", "resistant to X", "refractory to X": the drug at ``ds`` was
    given for the condition the response is of."""
    if ds < 2 or doc[ds - 1].lower_ != "to":
        return False
    words = [doc[i].lower_ for i in range(max(0, ds - 3), ds - 1)]
    return bool(words) and (words[-1].startswith(_RESPONSE_PREFIXES) or (
        len(words) > 1 and words[-1].endswith("ly") and words[-2].startswith(_RESPONSE_PREFIXES)))


# "A was more effective than B in preventing Y": A is the arm that did better at what the gerund
# names; its direction is the gerund's ("preventing" Y -> fewer Y)
_BETTER_THAN = re.compile(r"\b(?:was|were|is|are|proved|appeared)\s+(?:\w+ly\s+)?"
                          r"(?:more\s+(?:effective|efficacious|successful)|superior|better)\s+"
                          r"(?:than|to)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_AT_GERUND = re.compile(r"^\s*(?:in|at|for)\s+(\w+ing)\b", re.I)
_GERUND_DIRECTION = {"preventing": "decreased", "reducing": "decreased", "lowering": "decreased",
                     "decreasing": "decreased", "avoiding": "decreased", "increasing": "increased",
                     "raising": "increased", "improving": "improved"}


def outperformed(sent: Span, ents: list[Span], labels) -> tuple[Span, Span, str] | None:
    """(A, Y, direction) for "A was more effective than B in preventing Y": the better arm A
    (the intervention named before the comparison), the outcome Y right after the gerund (one of
    ``labels``) and the gerund's direction.  ``None`` when the sentence is not of that form."""
    doc = sent.doc
    arms = [e for e in ents if e.label_ in INTERVENTION_LABELS]
    for b in arms:
        if not _BETTER_THAN.search(doc.text[sent.start_char:b.start_char]):
            continue
        gerund = _AT_GERUND.match(doc.text[b.end_char:sent.end_char])
        direction = _GERUND_DIRECTION.get(gerund.group(1).lower()) if gerund else None
        better = [a for a in arms if a.end <= b.start]
        if direction is None or not better:
            continue
        at = b.end_char + gerund.end()
        target = next((e for e in ents if e.label_ in labels and at <= e.start_char <= at + 20),
                      None)
        if target is not None:
            return better[-1], target, direction
    return None
