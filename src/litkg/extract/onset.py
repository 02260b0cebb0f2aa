"""Harms narrated after a drug was started: "Ibuprofen was started for knee pain. Ten days later
she presented with coarse tremor, ataxia and confusion."

A case report tells an adverse reaction as a story: one sentence starts a drug, a later one says
what the patient *developed* or *presented with*, without naming the drug again.  The pair rules
and classifier of :mod:`litkg.extract.claims_relations` read one sentence, so they see a finding
without a drug.  :func:`onset_harms` links such findings to the drug the story started just
before, under conditions that keep the reading a reader would make:

- the sentence narrates an onset in the past ("developed", "experienced", "presented with",
  "complained of", "suffered from", "was admitted with", "became agitated, with tremor", "he
  reported myalgia")
  and names no drug of its own;
- the findings follow the onset verb in the same clause (a list: "tremor, ataxia and confusion");
- one of the five sentences before (not across a section heading, nor back past a sentence
  that stops a drug) *starts* a drug ("X was started / initiated / given / added", "treated
  with X", "received X") -- the nearest one wins;
- a finding that sentence names as the drug's indication ("started for knee pain") is no harm;
- drugs started together as one regimen ("received ipilimumab plus nivolumab") share the harm.

"did not develop arrhythmia" gives a negated harm: the story says the drug did not cause it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.sections import sentences_before

_ONSET = re.compile(r"^(developed|experienced|presented|complained|suffered|manifested|became|"
                    r"reported|noticed|admitted|hospitali[sz]ed|develop|experience|present|"
                    r"complain|suffer)$", re.I)
#: onset verbs that narrate an onset only with the patient as subject ("he reported myalgia";
#: "we reported", "it was noticed" do not)
_PATIENT_SUBJECT = frozenset({"reported", "noticed"})
_PATIENT_WORDS = {"he", "she", "patient", "they", "child", "boy", "girl", "man", "woman"}
_ONSET_PREP = {"presented": "with", "present": "with", "complained": "of", "complain": "of",
               "suffered": "from", "suffer": "from", "admitted": "with", "hospitalized": "with",
               "hospitalised": "with"}
#: a sentence that starts a drug
_STARTED = re.compile(r"\b(start(ed|ing)?|initiat(ed|ing)|commenc(ed|ing)|began|begun|given|"
                      r"administered|received|receiving|prescribed|treated with|switched to|"
                      r"added|introduced)\b", re.I)
_CLAUSE_BREAK = {";", ":", ".", "but", "whereas", "however", "although", "while", "which", "who",
                 "after", "before", "because", "despite"}
_LIST = {",", "and", "or", "/"}
MAX_REACH = 12
LOOKBACK = 5  # case reports put lab values between the start and the onset


def onset_harms(sent: Span, ents: list[Span], sents: list[Span], k: int,
                drug_labels, condition_labels) -> list[tuple[Span, Span]]:
    """(drug, condition) pairs for the findings ``sent`` narrates after a drug an earlier
    sentence started (see the module doc)."""
    if any(e.label_ in drug_labels for e in ents) or lex.BACKGROUND_LIST.search(sent.text):
        return []
    doc = sent.doc
    onset = next((t for t in sent if _ONSET.match(t.text) and _onset_at(doc, t, sent)), None)
    if onset is None:
        return []
    conds = _findings_after(doc, onset.i, sent, ents, condition_labels)
    if not conds:
        return []
    drugs, indications = _started_drug(sents, k, drug_labels, condition_labels)
    return [(drug, c) for drug in drugs for c in conds
            if (c._.concept_id or c.text.lower()) not in indications]


def _onset_at(doc, tok, sent: Span) -> bool:
    """The onset verb as a verb: past tense, or after "did not" ("did not develop")."""
    word = tok.lower_
    prep = _ONSET_PREP.get(word)
    if prep is not None and not (tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == prep):
        return False  # "presented" alone ("the case presented here")
    if word in _PATIENT_SUBJECT:
        return tok.i > sent.start and doc[tok.i - 1].lower_ in _PATIENT_WORDS
    if word.endswith("ed") or word == "became":
        return True
    before = [t.lower_ for t in doc[max(sent.start, tok.i - 3):tok.i]]
    return "did" in before or "didn't" in before


def _findings_after(doc, i: int, sent: Span, ents: list[Span], condition_labels) -> list[Span]:
    out = []
    conds = sorted((e for e in ents if e.label_ in condition_labels and e.start > i), key=lambda e: e.start)
    last = i
    for c in conds:
        gap = [t.lower_ for t in doc[last + 1:c.start]]
        if c.start - i > MAX_REACH or _CLAUSE_BREAK & set(gap):
            break
        # the first finding may follow a few words ("developed a severe rash"), the next ones
        # only list glue ("tremor, ataxia and confusion")
        if out and not _list_glue(gap):
            break
        out.append(c)
        last = c.end - 1
    return out


def _list_glue(gap: list[str]) -> bool:
    """Words between two findings of one list: commas and "and", with at most two modifiers of
    the next finding ("headache, visual disturbance and a generalized seizure")."""
    words = [w for w in gap if w not in _LIST | {"a", "an"}]
    return len(words) <= 2 and all(w.isalpha() and not w.endswith("ing") and
                                   w not in _CLAUSE_BREAK and w not in _VERBS for w in words)


#: verbs that end a list of findings ("tremor and was admitted")
_VERBS = {"was", "were", "is", "are", "had", "has", "have", "required", "received", "developed"}


def _started_drug(sents: list[Span], k: int, drug_labels, condition_labels):
    """The drug the nearest of the previous sentences started, and the indications it named."""
    for prev in sentences_before(sents, k, LOOKBACK):
        if lex.STOPPED.search(prev.text):
            break  # "X was withheld": what follows is recovery, not onset
        m = _STARTED.search(prev.text)
        if m is None:
            continue
        at = prev.start_char + m.start()
        drugs = [e for e in prev.ents if e.label_ in drug_labels and not e._.negated]
        if not drugs:
            continue
        drug = min(drugs, key=lambda e: abs(e.start_char - at))
        indications = {(e._.concept_id or e.text.lower()) for e in prev.ents
                       if e.label_ in condition_labels and e.start > drug.start}
        return _combination(drug, drugs), indications
    return [], set()


#: what joins the drugs of one regimen: "ipilimumab plus nivolumab", "A/B", "A combined with B"
_REGIMEN_GLUE = {"plus", "and", "with", "/", "+", "-", "combined", "together", "in", "combination"}


def _combination(drug: Span, drugs: list[Span]) -> list[Span]:
    """``drug`` with the drugs started with it as one regimen ("received ipilimumab plus
    nivolumab"): a harm after a combination is told of the regimen, not of one of its drugs."""
    doc = drug.doc
    group = [drug]
    for other in sorted(drugs, key=lambda e: abs(e.start - drug.start)):
        if other in group:
            continue
        if any({t.lower_ for t in doc[min(g.end, other.end):max(g.start, other.start)]}
               <= _REGIMEN_GLUE for g in group):
            group.append(other)
    return sorted(group, key=lambda e: e.start)


_STOP_BEFORE = re.compile(r"\b(discontinuation|withdrawal|cessation|stopping|discontinuing|"
                          r"withdrawing|interruption)\s+(of\s+)?(the\s+)?$", re.I)


def stopped_in(sent: Span, drug: Span) -> bool:
    """Does ``sent`` stop ``drug`` ("X was discontinued and fluid restriction was started; sodium
    rose", "after withdrawal of X, Y improved")?  What changes then is the course after the
    drug, not its effect."""
    doc = sent.doc
    if not (sent.start <= drug.start < sent.end):
        return False
    after = doc.text[drug.end_char:min(sent.end_char, drug.end_char + 30)]
    before = doc.text[max(sent.start_char, drug.start_char - 30):drug.start_char]
    return bool(re.match(r"\s+(was|were|had been|is)\s+(then\s+|immediately\s+|promptly\s+)?"
                         + lex.STOPPED.pattern, after, re.I) or _STOP_BEFORE.search(before))



#: a stop of the patient's treatment named by a common noun or a pronoun: "his medication was
#: stopped", "all drugs were withheld", "it was discontinued"
_OWN_TREATMENT_STOPPED = re.compile(
    r"\b(?:(?:his|her|their|the|all|this|these)\s+(?:usual\s+|regular\s+|home\s+)?"
    r"(?:medications?|treatments?|therap(?:y|ies)|drugs?|regimens?|dopaminergic\s+drugs?)|it)\s+"
    r"(?:was|were|had\s+been|has\s+been)\s+(?:then\s+|abruptly\s+|temporarily\s+)?"
    + lex.STOPPED.pattern, re.I)


def course_off(prev: Span, drugs: list[Span], stopped) -> bool:
    """Does the earlier sentence ``prev`` stop the drugs it names (each written as stopped by
    ``stopped``, or the patient's treatment stopped by a noun: "was admitted for surgery, and his
    medication was stopped") and start no other after the stop?  A change told after it is the
    course off the drugs, not their effect."""
    if not drugs:
        return False
    own = _OWN_TREATMENT_STOPPED.search(prev.text)
    if own is not None:  # ("... and X was started" after it: what follows is X's)
        return not _STARTED.search(prev.text, own.end())
    return all(stopped(d) for d in drugs)
