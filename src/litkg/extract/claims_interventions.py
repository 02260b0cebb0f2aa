"""Which intervention a finding is credited to: the study's main drug, the arms compared, and
the drugs that only accompany, underlie or are measured rather than given.

Split from :mod:`litkg.extract.claims_scope` (what a finding may be read from) because crediting
is its own question.  The rules read token windows around typed entities (no parser); each is a
general pattern of how trials and case reports are written:

- the *main intervention* of a document is the drug its title names, else the most frequent
  drug of the opening text; a drug named only among covariates, or whose use is what was
  measured ("persistent filling of A and B"), was not studied;
- the comparator arm ("placebo", "usual care", the second arm of "than / versus X") is not the
  intervention whose effect is reported; "X plus placebo" (a double-dummy arm) is no comparator;
- a change of a drug given together with the study drug ("receiving A, B and X") is credited
  to the study drug X, as an add-on design reports X's effect; "the addition of X to Y": Y is
  the shared background; "combination including X vs monotherapy": X is in both arms;
- "neither A nor B had an effect on Y" states the null finding of each arm;
- an anaphoric or elided subject ("It was used in Y", "This molecule ...") stands for the drug
  of the preceding sentences; care that only accompanies the intervention ("along with local
  care using X") or a rescue drug ("X was given as rescue analgesic") is not credited; a word
  for treatment in general ("therapeutic", "drug therapy") is no intervention;
- a chemical written as a lab value ("serum Ca", "calcium levels", "EtCO2", "levodopa equivalent
  dose", "pentazocine consumption") is measured, not given (:func:`is_measured`); nor is the
  drug that names a cause ("X-induced Y") or the people who use it ("cocaine users") the arm.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.claims_direction import GENERIC_COMPARATOR
from litkg.extract.induced import named_as_cause

DRUG_LABELS = {"DRUG"}


_MEASURED_BEFORE = {"serum", "plasma", "blood", "urine", "urinary", "ionized", "ionised", "total",
                    "free", "intracellular", "salivary", "csf", "circulating",
                    "exhaled", "breath",  # "exhaled nitric oxide", "breath ethanol"
                    # where in the body a chemical was measured: "renal glutathione",
                    # "striatal dopamine", "hepatic ATP"
                    "renal", "hepatic", "tissue", "cellular", "mitochondrial", "cerebral",
                    "brain", "myocardial", "cardiac", "cortical", "striatal", "hippocampal",
                    "muscle", "erythrocyte"}
_MEASURED_AFTER = ("level", "levels", "concentration", "concentrations", "excretion", "values",
                   "absorption", "reabsorption", "wasting", "homeostasis", "metabolism",
                   "trough", "troughs", "peak",  # "tacrolimus trough levels"
                   # "lower pentazocine consumption with A than with B": the amount of a rescue
                   # or concomitant drug the patients took is what the trial measured of its arms
                   "consumption", "requirement", "requirements",
                   "puffs", "inhalations",  # "rescue inhaler puffs per day"
                   # "levodopa equivalent dose", "morphine equivalents": a drug amount in units
                   # of a reference drug
                   "equivalent", "equivalents",
                   "peroxidation", "profile", "profiles",  # "lipid peroxidation", "lipid profile"
                   # what the body makes, releases or loses of an endogenous chemical: "GSH
                   # depletion", "dopamine release", "insulin secretion", "glucose uptake"
                   "depletion", "synthesis", "production", "release", "secretion", "uptake",
                   "turnover")


#: a measure of how much of a drug the body holds: "the AUC of midazolam", "exposure to X",
#: "plasma concentrations of X" - X is what was measured (another drug's interaction), not the
#: agent of the change
_AMOUNT_OF = re.compile(r"\b(?:AUC\S*|C[_ ]?max|C[_ ]?min|T[_ ]?max|half-?li(?:fe|ves)|t1/2|clearance|"
                        r"exposures?|bioavailability|concentrations?|levels?|pharmacokinetics|"
                        r"absorption|elimination|metabolism|"
                        # "depletion of GSH", "the release of dopamine": the body's own chemical
                        r"depletion|synthesis|production|release|secretion|uptake|turnover)"
                        r"\s+(?:of|to)\s*$", re.I)


#: a gas named with the site it is measured at: "EtCO2" (end-tidal), "PaO2" (arterial), "SpO2",
#: "PETCO2", "PvCO2" -- a reading, never the gas given as a drug
_GAS_READING = re.compile(r"^(p?et|pa|pv|pt|sa|sp|sv|tc|etco)(co2|o2|n2o)$", re.I)


def is_measured(span: Span) -> bool:
    """A chemical written as a lab value ("serum Ca", "calcium levels", "EtCO2"), not as a
    drug."""
    doc = span.doc
    if _GAS_READING.match(span.text.replace(" ", "")) or \
            (span.start > 0 and doc[span.start - 1].lower_ in ("end-tidal", "tidal", "arterial")):
        return True
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in ("of", "to") and _AMOUNT_OF.search(doc.text[max(0, span.start_char - 40):
                                                                 span.start_char]):
        return True
    after = [t.lower_ for t in doc[span.end:min(len(doc), span.end + 3)]]
    return before in _MEASURED_BEFORE or any(w in _MEASURED_AFTER for w in after[:1]) or (
        len(after) > 2 and after[0] in ("and", "or") and after[2] in _MEASURED_AFTER)


# "lower with X than with Y", "X versus Y", "compared with those on Y": Y is the comparison arm
_SECOND_ARM = re.compile(r"\b(than|versus|vs\.?|compared (with|to)|relative to|"
                         r"in comparison (with|to)|(superior|inferior|non-?inferior|equivalent) to)"
                         r"(\s+(with|those|patients|subjects|participants|the|a|an|on|receiving|taking|"
                         r"given|group|arm|in|treated|"
                         # a route, form or dose of the drug: "compared to hyperbaric X",
                         # "than intravenous X", "versus low-dose X", "vs. 0.5% X"
                         r"[a-z]+(?:al|ic|ous|ive|ary)|[a-z]+-(?:dose|release|acting)|"
                         r"\d+(?:\.\d+)?\s*(?:%|mg|µg|μg|g)))*\s*$", re.I)


#: "cocaine users", "heroin addicts", "opioid-dependent patients": the drug names who was studied
_USERS = frozenset({"user", "users", "abusers", "addicts", "smokers", "drinkers", "consumers",
                    "misusers", "dependent", "dependence"})


def names_users(ent: Span) -> bool:
    """Is ``ent`` the drug that names a population ("in abstinent cocaine users")?  A change
    the sentence reports is then another intervention's, when one is named."""
    doc, j = ent.doc, ent.end
    if j < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_:
        j += 1
    return j < len(doc) and doc[j].lower_ in _USERS


def generic_comparator(ent: Span) -> bool:
    """"placebo", "the control group", "usual care": an arm named for being the comparator.  A
    generic word added to a drug ("X plus placebo tablets", a double-dummy arm) is not one."""
    if ent._.source == "control_arm":
        return True  # "the saline group" (litkg.extract.control_arms)
    m = GENERIC_COMPARATOR.search(ent.text)
    return m is not None and not re.search(r"\b(plus|with|and)\b|\+", ent.text[:m.start()])


def comparator_arm(doc: Doc, ent: Span) -> bool:
    """A comparator arm: a generic one or the second arm of "than / versus X"."""
    return generic_comparator(ent) or second_arm(doc, ent)


def credited_arms(doc: Doc, drugs: list[Span]) -> list[Span]:
    """The interventions of a sentence a reported change may be credited to: not a generic
    comparator ("placebo", "control"), nor the second arm of "than / versus X" unless the first
    is such a generic one ("lower with placebo than with X").  When every arm named is the one
    measured against ("Y was higher than with placebo") none is: the change is the other arm's,
    named in an earlier sentence or the study's main intervention.  A generic comparator that is
    itself the subject ("Y fell in the placebo group") keeps its own change."""
    named = [e for e in drugs if not generic_comparator(e)]
    arms = [e for e in named if not second_arm(doc, e)] or (named if len(named) < len(drugs) else [])
    against = bool(drugs) and all(second_arm(doc, e) for e in drugs)
    return arms or ([] if against else drugs)


def second_arm(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` the second arm of a comparison, the one the reported effect is measured
    against?  A change then belongs to the other, first-named intervention."""
    if _SECOND_ARM.search(doc[max(0, ent.start - 6):ent.start].text):
        return True
    # "in comparison to A or B": an arm listed after the second arm is one too
    joined = ent.start - 1
    if joined > 0 and doc[joined].lower_ in ("or", "and", "and/or", ","):
        if doc[joined].lower_ != "," and doc[joined - 1].text == ",":
            joined -= 1  # "A, B, or C"
        before = next((e for e in doc.ents if e.end == joined and e.label_ == ent.label_), None)
        return before is not None and second_arm(doc, before)
    return False


def _covariate(ent: Span) -> bool:
    return ent.doc.has_annotation("SENT_START") and bool(lex.COVARIATES.search(ent.sent.text))


#: words that join the members of a list of names ("A, B and/or C")
LIST_JOINS = frozenset({",", "and", "or", "/", "and/or"})


#: "persistent filling of A, B and C", "adherence to A": how patients used the drugs is measured
_USAGE = re.compile(r"\b(persisten\w*|adheren\w*|complian\w*|prescri\w*|filling|fills|refills?|"
                    r"dispens\w*|uptake|utili[sz]ation|non-?adherence)\s+(of|to|with)\s*$", re.I)


def usage_measured(ent: Span, drugs: list[Span]) -> bool:
    """Is ``ent`` in the list of drugs after a usage measure ("persistence to A, B and C")?"""
    doc, start = ent.doc, ent.start
    held = {i for d in drugs for i in range(d.start, d.end)}
    while start > 0 and (doc[start - 1].lower_ in LIST_JOINS
                         or start - 1 in held):
        start -= 1
    return bool(_USAGE.search(doc[max(0, start - 4):start].text + " "))


def main_drug(doc: Doc, title: str | None, key: Callable[[Span], str]) -> Span | None:
    """The study's intervention: the drug named in the title, else the most frequent drug of
    the opening text (title and abstract), else none.  A drug named only among the covariates
    of an analysis ("we adjusted for age, caffeine and alcohol") was not studied, nor one whose
    use is what was measured ("persistent filling of beta blockers and statins")."""
    drugs = [e for e in doc.ents if e.label_ in DRUG_LABELS and not _covariate(e)]
    # ... nor one only measured ("levodopa equivalent dose"), named as a cause
    # ("levodopa-induced dyskinesias") or as a property ("thiazide-sensitive cotransporter")
    drugs = [e for e in drugs if not usage_measured(e, drugs) and not is_measured(e)
             and not named_as_cause(doc, e) and not glued_attribute(doc, e)]
    # the comparator ("placebo", "usual care") is named often but is not what was studied
    drugs = [e for e in drugs if not generic_comparator(e)] or drugs
    low = (title or "").lower()
    if not drugs or not any(e.text.lower() in low for e in drugs):
        # a trial of a programme, a therapy or an operation names it in its title ("Effect of
        # a home-based exercise program on ...") and no drug there
        titled = [e for e in doc.ents if e.label_ == "PROCEDURE" and low and e.start_char < len(low)
                  + 5 and e.text.lower() in low and not generic_comparator(e)]
        drugs = drugs if not titled else titled
    if not drugs:
        return None
    named = [e for e in drugs
             if low and re.search(rf"(?<![\w-]){re.escape(e.text.lower())}(?![\w-])", low)]
    # A drug first named deep in a full text (a reagent in the methods, a co-medication in the
    # discussion, an author's initials the NER took for a drug) is not the study's intervention.
    pool = named or [e for e in drugs if e.start_char < 2500]
    if not pool:
        return None
    # "docetaxel with or without bevacizumab": the trial varies the drug named after "without"
    varied = [e for e in named if _VARIED.search(low[:max(0, low.find(e.text.lower()))])]
    if varied:
        pool = varied
    # among title drugs, the one the text itself mentions most is the one studied
    counts = Counter(key(e) for e in (drugs if named else pool) if key(e) in {key(p) for p in pool})
    best, times = counts.most_common(1)[0]
    if not named:
        # no intervention in the title: a therapy the opening text names at least three times
        # and twice as often as any drug is what was studied ("computerized cognitive training" vs one "antidepressant"
        # of the background)
        therapies = Counter(key(e) for e in doc.ents if e.label_ == "PROCEDURE"
                            and e.start_char < 2500 and not generic_comparator(e)
                            and not diagnostic_procedure(e))
        if therapies and therapies.most_common(1)[0][1] >= max(2 * times, 3):
            top = therapies.most_common(1)[0][0]
            return next(e for e in doc.ents if e.label_ == "PROCEDURE" and key(e) == top)
    return next(e for e in pool if key(e) == best)


#: the end of a title before the drug a trial adds to a common regimen: "A with or without B",
#: "surgery with and without B", "A with versus without B"
_VARIED = re.compile(r"\bwith(?:\s+(?:and|or|vs\.?|versus))?\s+without\s+(?:the\s+)?"
                     r"(?:[\w-]+\s+){0,2}$")


_COORDINATORS = {"and", "or", "plus", "with", "along", "together", "combination", "combined"}


_COMPARISON = re.compile(r"\b(compared|comparison|versus|vs\.?|than (with|in|on|those)|placebo|"
                         r"control group)\b", re.I)


_LIST_GLUE = {",", "and", "or", "plus", "with", "along", "combined", "together", "in",
              "combination", "high", "dose", "high-dose", "low-dose", "oral", "i.v.", "iv",
              "intravenous", "-", "low"}


def coordinated_main(doc: Doc, drug: Span, ents: list[Span], main: Span | None,
                     key: Callable[[Span], str]) -> Span:
    """'receiving A, B and X' / 'with A, B and X': when the chosen drug is listed together with
    the study's main drug, the main drug is credited (the others are its background regimen)."""
    if main is None or key(drug) == key(main) or _COMPARISON.search(drug.sent.text):
        return drug  # "compared with A, B lowered Y": arms, not one regimen
    drugs = sorted((e for e in ents if e.label_ in DRUG_LABELS), key=lambda e: e.start)
    i = next((n for n, e in enumerate(drugs) if e.start == drug.start), None)
    if i is None:
        return drug
    group, j = [drug], i  # the list around the chosen drug
    while j + 1 < len(drugs) and {t.lower_ for t in doc[drugs[j].end:drugs[j + 1].start]} <= _LIST_GLUE:
        j += 1
        group.append(drugs[j])
    j = i
    while j > 0 and {t.lower_ for t in doc[drugs[j - 1].end:drugs[j].start]} <= _LIST_GLUE:
        j -= 1
        group.append(drugs[j])
    words = {t.lower_ for t in doc[min(e.start for e in group):max(e.end for e in group)]}
    if not words & _COORDINATORS:
        return drug  # "After A, B was started": a comma alone joins clauses, not a list
    # the main drug if listed, else the list's first drug (a list names its principal first)
    return next((e for e in group if key(e) == key(main)), min(group, key=lambda e: e.start))


def neither_nor_arms(sent: Span, ents: list[Span], drug: Span, labels: set[str]) -> list[Span]:
    """'Neither A nor (B and C) had an effect on Y': every negated arm drug states the null
    finding; otherwise only ``drug``."""
    if not re.search(r"\bneither\b[^.;]*\bnor\b", sent.text, re.I) or not drug._.negated:
        return [drug]
    arms = [e for e in ents if e.label_ in labels and e._.negated]
    return arms or [drug]


def regimen_head(doc: Doc, drugs: list[Span]) -> Span:
    """The drug a regimen named in an earlier sentence stands for: the first drug of the last
    coordinated list ("Z was stopped and oral A and B were given" -> A), since a list names its
    principal drug first and a later clause supersedes an earlier one."""
    drugs = sorted(drugs, key=lambda e: e.start)
    head = drugs[-1]
    for prev in reversed(drugs[:-1]):
        if not {t.lower_ for t in doc[prev.end:head.start]} <= _LIST_GLUE:
            break
        head = prev
    return head


# "Additionally, it was used ...", "This molecule is ...", "• Reserved for ...": the subject is
# an anaphor of, or elided for, the drug of the preceding sentences
_ANAPHOR = re.compile(r"^[\W\d]*(?:\w+ly,?\s+|however,?\s+|moreover,?\s+|also,?\s+)?"
                      r"(it|its|this|these|such|should|must|reserved|used|indicated|recommended|"
                      r"approved|given)\b(?:\s+(drug|drugs|molecule|agent|agents|compound|"
                      r"medication|medicine|treatment|therapy|regimen|procedure|intervention))?",
                      re.I)


# "it" is the drug only when it is used or judged as one ("It is characterized by ..." is a
# disease): "it was (successfully) used/given", "its efficacy/use/safety"
_IT_AS_DRUG = re.compile(r"^(it (is|was|has been|had been|can be|may be|could be|should be)"
                         r"( \w+ly)? (used|given|administered|prescribed|started|effective|"
                         r"successful|approved|indicated|recommended|tolerated)|its (use|efficacy|"
                         r"efficiency|safety|effectiveness|role|benefit))\b", re.I)


def implicit_subject(sent: Span) -> int | None:
    """Token index of an anaphoric or elided drug subject opening the sentence (or None).
    'this'/'these'/'such' count only with a drug noun ('this molecule', not 'this study')."""
    m = _ANAPHOR.match(sent.text)
    if not m or (m.group(1).lower() in ("this", "these", "such") and not m.group(2)) or (
            m.group(1).lower() in ("it", "its") and not _IT_AS_DRUG.match(sent.text[m.start(1):])):
        return None
    span = sent.doc.char_span(sent.start_char + m.start(1), sent.start_char + m.end(1),
                              alignment_mode="expand")
    return span.start if span is not None else None


_CONCOMITANT = re.compile(r"\b(along with|together with|in addition to|as well as|plus|adjunctive|"
                          r"(local|supportive|standard|usual|wound) care)\b[^,;:()]*$", re.I)


#: "X (0.3 mg/kg) was given as rescue analgesic", "rescue medication (X)": a drug the patients
#: could take when the studied one fell short, whose use is counted, not studied ("rescue
#: therapy with X" may be the trial's intervention, so only analgesia/medication count)
_RESCUE_AFTER = re.compile(r"^(?:[^.;]|\.(?=\d)){0,40}?"  # "(0.3 mg/kg)": a dot in a number
                           r"\b(given|used|administered|allowed|permitted|available)\s+(as|for)"
                           r"\s+(an?\s+)?rescue\b", re.I)
_RESCUE_BEFORE = re.compile(r"\brescue\s+(analgesi\w*|medications?|antiemetics?)\s*(with|of|:|\()?"
                            r"\s*$", re.I)


def concomitant(doc: Doc, sent: Span, drug: Span) -> bool:
    """'..., associated with local care using X', 'along with X': X accompanies the
    intervention whose effect is reported; it is not that intervention.  Nor is a rescue drug
    ('X was given as rescue analgesic')."""
    before = doc[max(sent.start, drug.start - 6):drug.start].text
    return bool(_CONCOMITANT.search(before) or _RESCUE_BEFORE.search(before)
                or _RESCUE_AFTER.match(doc.text[drug.end_char:sent.end_char]))


_ADDITION_BEFORE = re.compile(r"\b(addition of|adding|add-on of|supplementation with)\s*"
                              r"([^\s,;()]+\s*){0,3}$", re.I)


_ADDED_TO = re.compile(r"^\s*(\([^)]*\)\s*)?([^\s,;]+\s+){0,6}?((was|were|is|are|been)\s+)?"
                       r"(added (on )?to|in addition to|as add-on to)\b", re.I)


def addition_bases(doc: Doc, sent: Span, drugs: list[Span]) -> list[Span]:
    """The drugs something was added to: in "the addition of X to Y prolongs the block",
    "X added to Y", "X in addition to Y", Y is the background both arms share and X the
    intervention whose effect is reported."""
    bases = []
    for x in drugs:
        before = doc.text[max(sent.start_char, x.start_char - 40):x.start_char]
        for y in drugs:
            if y.start <= x.end:
                continue
            between = doc.text[x.end_char:y.start_char]
            if len(between) > 80:
                continue
            if (_ADDITION_BEFORE.search(before) and re.search(r"\bto\b", between)) or \
                    _ADDED_TO.match(between):
                bases.append(y)
    return bases


_IN_COMBINATION = re.compile(r"\bcombination\s+(therapy|therapies|regimens?|treatments?)?\s*"
                             r"(including|with|containing|of)\s+([^\s,;()]+\s+){0,3}$", re.I)


_MONOTHERAPY = re.compile(r"\b(monotherapy|alone)\b", re.I)


def base_of_combination(sent: Span, drug: Span) -> bool:
    """"more frequent with combination therapy including X compared to monotherapy": X is in
    both arms; the difference is the other drugs', not X's."""
    doc = sent.doc
    before = doc.text[max(sent.start_char, drug.start_char - 60):drug.start_char]
    return bool(_IN_COMBINATION.search(before) and _MONOTHERAPY.search(sent.text))


_GENERIC_INTERVENTION = re.compile(r"^(drug |medical |combination |combined )?(therap(y|ies|eutic|"
                                   r"eutics)|treatments?|medications?|drugs?|pharmacotherapy)$",
                                   re.I)


def generic_intervention(ent: Span) -> bool:
    """'therapeutic option', 'drug therapy': a word for treatment in general names no
    intervention a claim could be about (the drug it refers to is named elsewhere)."""
    return ent.label_ in ("DRUG", "PROCEDURE") and bool(
        _GENERIC_INTERVENTION.match(ent.text.strip()) or
        _GENERIC_INTERVENTION.match((ent._.concept_label or "").strip()))


#: heads of procedures that look rather than treat: a finding is not their doing, nor a
#: condition what they are given for ("5 patients had lumbar puncture", "MRI for suspected Y")
_DIAGNOSTIC_HEADS = frozenset({
    "puncture", "punctures", "biopsy", "biopsies", "imaging", "scan", "scans", "scanning",
    "tomography", "mri", "ct", "ultrasound", "ultrasonography", "sonography", "radiography",
    "x-ray", "x-rays", "radiograph", "radiographs", "echocardiography", "echocardiogram",
    "electrocardiogram", "electrocardiography", "ecg", "ekg", "eeg", "electroencephalography",
    "electroencephalogram", "electromyography", "emg", "angiography", "angiogram", "mammography",
    "scintigraphy", "densitometry", "polysomnography", "spirometry", "colonoscopy", "cystoscopy",
    "bronchoscopy", "test", "tests", "testing", "screening", "examination", "examinations",
    "monitoring", "assessment", "pet", "spect", "dxa", "dexa"})


def diagnostic_procedure(ent: Span) -> bool:
    """Is ``ent`` a procedure that examines ("lumbar puncture", "renal biopsy", "MRI",
    "echocardiography") rather than one that treats?"""
    if ent.label_ != "PROCEDURE":
        return False
    return any(re.split(r"\s+", name.strip().lower())[-1] in _DIAGNOSTIC_HEADS
               for name in (ent.text, ent._.concept_label or "") if name.strip())


#: words a drug is glued to when it names a property of something else: "thiazide-sensitive
#: cotransporter", "insulin-like growth factor", "steroid-free remission", "drug-naive patients"
_ATTRIBUTE_WORDS = frozenset({"sensitive", "insensitive", "resistant", "dependent", "independent",
                              "responsive", "unresponsive", "refractory", "naive", "naïve",
                              "free", "intolerant", "sparing", "like", "binding", "specific",
                              "gated", "activated", "stimulated"})


def glued_attribute(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` glued by a hyphen to a word that makes it an attribute of what follows
    ("thiazide-sensitive Na-Cl cotransporter")?  Such a drug was not given."""
    # the hyphen may be its own token ("thiazide", "-", "sensitive") or inside the next one
    glued = re.match(r"[-\u2013](\w+)", doc.text[ent.end_char:ent.end_char + 20])
    return glued is not None and glued.group(1).lower() in _ATTRIBUTE_WORDS
