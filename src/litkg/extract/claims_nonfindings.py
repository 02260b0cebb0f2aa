"""Change words near an object that report no change the drug made: a regimen being changed
("the dose was increased"), a purpose ("X was tried to suppress Y"), a reason ("because of Y"),
the subgroups compared ("did not differ by BMI", "between hypovolemic and hypervolemic
patients"), and the traits of a predictor list ("predictors were lower BMI").

Split from :mod:`litkg.extract.claims_scope`; :func:`litkg.extract.claims._sentence_claims`
asks these before it reads an outcome.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract.claims_scope import PERSON

_DOSE_NOUN = {"dose", "doses", "dosage", "dosages", "dosing"}
# what may stand between a subject "dose" and its verb ("the dose was gradually increased")
_AUX = {"was", "were", "is", "are", "been", "has", "have", "had", "then", "further", "subsequently"}
_PURPOSE = {"tried", "attempted", "used", "given", "administered", "designed", "intended", "aimed",
            "aims", "order", "required", "needed", "added", "started", "initiated", "titrated"}

#: verbs that report an infinitive as observed ("was shown to reduce Y", "failed to lower Y")
_REPORTED_TO = frozenset({"shown", "found", "observed", "reported", "noted", "demonstrated",
                          "seen", "appeared", "appears", "appear", "seemed", "seems", "seem",
                          "tended", "tends", "tend", "continued", "continues", "failed", "fails",
                          "fail", "able", "unable", "likely", "unlikely", "proved", "proven",
                          "known", "went", "began", "begin", "begins", "started", "helped",
                          "helps", "help", "served", "acts", "act", "acted", "due", "compared",
                          "led", "lead", "leads", "leading", "contributed", "contribute",
                          "contributes", "related", "sufficient", "enough"})

#: words of a disease that went on despite a drug ("progression", "relapsed", "failure")
_FAILURE_WORDS = ("progress", "relaps", "fail", "recurr", "refractor")
#: what joins such a word to the drug: "progression on X", "failure of X", "relapse after X"
_FAILED_DRUG = re.compile(r"^\s*(?:on|under|despite|during|with|after|following|of|to)\s+"
                          r"(?:(?:prior|previous|first-line|initial|treatment|therapy|with)\s+)"
                          r"{0,2}$",
                          re.I)
#: what makes it history: a time phrase ("after progression on X") or a relative clause about
#: the patients ("who progressed on X", "tumours that relapsed after X")
_HISTORY_BEFORE = frozenset({"after", "following", "upon", "at", "since", "despite", "who",
                             "that", "which", "had"})


def prior_failure(doc: Doc, i: int) -> bool:
    """Is token ``i`` a word of disease going on under an earlier drug, told as the patients'
    history ("after progression on gefitinib", "patients who progressed on imatinib", "after
    failure of prior platinum therapy")?  The drug named there is a previous line of treatment:
    the progression is not its outcome in this study, nor a harm."""
    if not doc[i].lower_.startswith(_FAILURE_WORDS):
        return False
    prev = doc[i - 1].lower_ if i > 0 else ""
    if prev in ("disease", "tumor", "tumour", "clinical", "radiographic") and i > 1:
        prev = doc[i - 2].lower_  # "after disease progression on X"
    if prev not in _HISTORY_BEFORE:
        return False
    drug_starts = [e.start_char for e in doc.ents if e.label_ in ("DRUG", "PROCEDURE")
                   and i < e.start <= i + 5]
    return any(_FAILED_DRUG.match(doc.text[doc[i].idx + len(doc[i].text):start])
               for start in drug_starts)


def previous_line(doc: Doc, drug: Span) -> bool:
    """Is ``drug`` named as a treatment the disease went on under ("after progression on X")?"""
    return any(prior_failure(doc, i) for i in range(max(0, drug.start - 5), drug.start))


def cue_not_a_finding(doc: Doc, sent: Span, cue_i: int) -> bool:
    """The change word does not report an observed change of the object: 'the X dose was
    increased based on Y' changes a regimen, 'X was tried to suppress Y' states a purpose
    (unlike 'X was shown to suppress Y', a finding), and 'after progression on X' is the
    patients' treatment history."""
    if prior_failure(doc, cue_i):
        return True
    before = [t.lower_ for t in doc[max(sent.start, cue_i - 4):cue_i]]
    for n, word in enumerate(before):  # "the dose was increased", not "a dose-dependent fall"
        if word in _DOSE_NOUN and all(w in _AUX or w.endswith("ly") for w in before[n + 1:]):
            return True
    if len(before) >= 2 and before[-1] == "to" and before[-2] in _PURPOSE:
        return True
    if threshold_trigger(doc, sent, cue_i) or test_reading(doc, sent, cue_i):
        return True
    # "activation to increase clearance could be a strategy": a change verb in its base form
    # after "to" is what something is for, unless an evidential verb reports it ("was shown
    # to increase", "failed to reduce")
    word = doc[cue_i].lower_
    return len(before) >= 2 and before[-1] == "to" and before[-2] not in _REPORTED_TO and \
        doc[cue_i].is_alpha and not word.endswith(("ed", "ing", "ion", "s", "er", "ly", "al"))


#: "The antibody titer and response to X were negative": the subject of a test's reading
_READ_AS = re.compile(r"^[^,;:()]{0,80}?\b(?:was|were|is|are|proved|came\s+back|tested)\s+"
                      r"(?:\w+ly\s+)?(?:negative|positive)\b", re.I)


def test_reading(doc: Doc, sent: Span, cue_i: int) -> bool:
    """Is the change noun at ``cue_i`` the subject of a test's reading ("response to
    acetylcholinesterase inhibitors was negative", "the remission marker was positive")?  A
    negative or positive test is a finding about the patient, not a change a drug made; a
    verb ("improved", "responded") makes its own statement and is left alone."""
    word = doc[cue_i].lower_
    if word.endswith(("ed", "ing")) or not doc[cue_i].is_alpha:
        return False
    return bool(_READ_AS.match(doc.text[doc[cue_i].idx + len(doc[cue_i].text):sent.end_char]))


#: "X was given when pain scores exceeded 4", "until the platelet count fell below 50": a rule of
#: the protocol (a trigger or stopping threshold), not a change that was seen
_TRIGGER_BEFORE = re.compile(r"\b(when|whenever|if|once|until|unless)\b[^,;:.()]{0,50}$", re.I)
_PAST_THRESHOLD = re.compile(r"^(exceed\w*\s+|\w+\s+(above|below|over|under|beyond)\s+)"
                             r"(an?\s+|the\s+)?((threshold|cut-?off|level|value)\s+(of\s+)?)?"
                             r"[<>≥≤]?\s*\d", re.I)


def threshold_trigger(doc: Doc, sent: Span, cue_i: int) -> bool:
    """Is the change word at ``cue_i`` a threshold in a "when"/"if"/"until" clause?"""
    return bool(_TRIGGER_BEFORE.search(doc[max(sent.start, cue_i - 8):cue_i].text + " ")
                and _PAST_THRESHOLD.match(doc.text[doc[cue_i].idx:sent.end_char]))


_PAST_GAP = re.compile(r"^\s*(exceed\w*|\w+\s+(above|below|over|under|beyond))\s*$", re.I)


def trigger_value(doc: Doc, sent: Span, obj: Span, gap: str) -> bool:
    """Is the value after ``obj`` (``gap`` between them) the threshold of a "when"/"if" clause
    ("if INR rose above 3"): a rule of the protocol, not a level that was measured?"""
    return bool(_PAST_GAP.match(gap) and
                _TRIGGER_BEFORE.search(doc[max(sent.start, obj.start - 6):obj.start].text + " "))


# (the subgroup variables may be a list: "did not differ according to country, age or BMI")
_BY_SUBGROUP = re.compile(r"\b(differ\w*|var(y|ies|ied)|modif\w*|interactions?|stratif\w*|"
                          r"heterogeneity)\b[^.;]*\b(by|across|according\s+to)\s+"
                          # (a list may hold a bracketed one: "... and baseline traits (age, BMI")
                          r"(?:[^.;)]{0,160}?(?:,|\band|\bor|\()\s*)?$", re.I)


# "the association with Y did not differ according to age or BMI": what varied (or not) across
# subgroups is the effect on Y, no change of Y; "Y did not differ by treatment arm" is a finding
_VARIED_BY_SUBGROUP = re.compile(
    r"[^.;]{0,60}?\b(differ|differed|vary|varied|varies)\s+(?:significantly\s+)?"
    r"(by|across|according\s+to)\s+(?!(?:the\s+)?(?:treatments?|arms?|groups?|randomi|"
    r"allocation|interventions?|study\s+(?:arm|group)s?)\b)", re.I)


_REASON_OR_CIRCUMSTANCE = re.compile(r"\b(because\s+of|due\s+to|owing\s+to|in\s+the\s+"
                                     r"(?:absence|presence|setting|context)\s+of)\s+(\w+\s+){0,2}$",
                                     re.I)


def reason_or_circumstance(doc: Doc, sent: Span, obj: Span) -> bool:
    """"X is difficult because of prolonged hospitalization", "X did not improve latency in the
    absence of hypotension": the object names why or when something else holds, it is no
    finding of the sentence."""
    before = doc[max(sent.start, obj.start - 5):obj.start].text
    return bool(_REASON_OR_CIRCUMSTANCE.search(before + " "))


# "Vt needed to maintain EtCO2 of 35-40 mmHg was lesser", "titrated to achieve a target INR":
# the object of such a purpose is a level aimed at, not one that changed; "time to reach Y" is an
# endpoint named after Y and stays one
_AIMED_AT = re.compile(r"(?<!\btime )(?<!\bdays )(?<!\bduration )\bto\s+(?:maintain|achieve|keep|"
                       r"reach|attain|obtain|ensure|target)\s+(?:(?:a|an|the|its|their|target|"
                       r"adequate|normal|stable|desired|optimal)\s+){0,2}$", re.I)


def aimed_at(doc: Doc, sent: Span, obj: Span) -> bool:
    """Is ``obj`` the level a regimen aimed at ("needed to maintain EtCO2 ...")?"""
    return bool(_AIMED_AT.search(doc[max(sent.start, obj.start - 5):obj.start].text + " "))


def subgroup_variable(doc: Doc, sent: Span, obj: Span) -> bool:
    """"the association did not differ by menopausal status", "did not differ between
    hypovolemic and hypervolemic patients", "predictors were lower BMI and ...": the object names
    the subgroups an effect was compared across or a trait that predicts it, not an outcome of
    the drug."""
    before = doc[sent.start:obj.start].text + " "
    if _BY_SUBGROUP.search(before) or _VARIED_BY_SUBGROUP.match(doc.text, obj.end_char,
                                                                sent.end_char) or \
            predictor_trait(doc, sent, obj) or \
            _PREDICTED.search(doc[max(sent.start, obj.start - 6):obj.start].text + " "):
        return True  # ("the strongest predictor of Y ... was less frequent": Y is foretold)
    # ("differences between baseline and final HbA1c" compares times of one outcome: the
    # phrase must end on the people or arms)
    return bool(_BETWEEN_GROUPS.search(before)) and \
        bool(_GROUP_NOUN_AHEAD.match(doc.text[obj.end_char:sent.end_char]))


# "Y was not different between hypovolemic, normovolemic and hypervolemic patients": the words
# after "between"/"among" name the groups compared, so long as no preposition ("between the
# arms in Y", "among groups for Y") hands the phrase on to an outcome
_BETWEEN_GROUPS = re.compile(r"\b(differ\w*|similar\w*|comparable|compar\w+)\b[^.;]*"
                             r"\b(between|among)\s+(?:(?!\b(in|of|for|on|regarding|at|with|after|"
                             r"during|respect)\b)[^.;:])*$", re.I)
_GROUP_NOUN_AHEAD = re.compile(rf"^[^.;:()]*?\b({PERSON}|groups?|arms?|cohorts?)\b", re.I)


# "identified four predictors of Y (edema, lower BMI, higher SBP)": a comparative adjective in a
# list of predictors or risk factors describes who had the outcome, not what a drug changed
_PREDICTOR_LIST = re.compile(r"\b(predictors?|predictive\s+factors?|risk\s+factors?|"
                             r"determinants?|(associated|related|contributing|prognostic|"
                             r"independent)\s+factors?)\b", re.I)


# "X was the strongest predictor of Y and was less frequent after treatment": the change
# belongs to X; Y is what X foretells
_PREDICTED = re.compile(r"\b(predictors?|predictive|prognostic)\s+(of|for)\s+"
                        r"([\w-]+\s+){0,2}$", re.I)


_COMPARATIVE_TRAIT = {"higher", "lower", "shorter", "longer", "greater", "smaller", "larger",
                      "older", "younger", "increased", "decreased", "elevated", "reduced", "low",
                      "high", "more", "less", "fewer"}


def predictor_trait(doc: Doc, sent: Span, obj: Span) -> bool:
    """A comparative right before the object ("shorter hospital stay") in a sentence listing
    predictors or risk factors: a trait of the patients who had the outcome, no drug's effect."""
    for i in range(max(sent.start, obj.start - 2), obj.start):
        if doc[i].lower_ in _COMPARATIVE_TRAIT:
            return bool(_PREDICTOR_LIST.search(doc[sent.start:i].text))
    return False


# ("intervention" is left out: a trial's arm may be called just that)


#: "Adults ... were randomly assigned to receive X or placebo": how patients were allocated
_ALLOCATED = re.compile(r"\b(?:were|was)\s+(?:randomly\s+(?:assigned|allocated)|randomi[sz]ed)"
                        r"\s+(?:\([^()]{1,20}\)\s+)?(?:to|into|in)\b"
                        # "participants received X 2.4 mg or placebo": the arms as given
                        r"|\b(?:received|were\s+given|took)\s+(?:[^\s;]+\s+){1,8}?or\s+"
                        r"(?:a\s+)?(?:matching\s+|identical\s+)?(?:placebo|sham|vehicle)\b",
                        re.I)
#: ... a sentence that also reports how the arms fared is a result
_FARED = re.compile(r"\b(?:p\s*[<=>]|ci\b|\d\s*%|higher|lower|more|less|fewer|greater|reduc\w*|"
                    r"increas\w*|decreas\w*|improv\w*|differ\w*|similar)", re.I)


def allocation_sentence(sent: Span) -> bool:
    """Does ``sent`` only tell how patients were allocated to the arms ("were randomly assigned
    to receive X or placebo for up to 10 days")?  It names arms and a population, no finding."""
    text = sent.text
    m = _ALLOCATED.search(text)
    return m is not None and not _FARED.search(text[m.end():])


#: "Response was assessed using changes in CD4 count", "Efficacy was measured by the reduction
#: in viral load", "Remission was defined as a 50% fall in Y": how an outcome was measured or
#: defined (a methods statement), not how it came out
_MEASURED_BY = re.compile(
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )"  # not a relative clause ("a disorder that is ...")
    r"\b(?:was|were|is|are|will\s+be|would\s+be|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?"
    r"(?:assessed|measured|evaluated|monitored|determined|recorded|quantified|estimated|"
    r"calculated|defined|graded|scored|documented|expressed|judged|gauged)\s+"
    r"(?:by|using|with|through|via|as|from|according\s+to|in\s+terms\s+of|on\s+the\s+basis\s+of)\b"
    # "Thymus weight was used as a marker of X activity, and serum urate to assess Y"
    r"|\b(?:was|were)\s+used\s+(?:as\s+(?:an?\s+)?(?:\w+\s+)?(?:markers?|measures?|index|"
    r"indices|indicators?|surrogates?|prox(?:y|ies))\b|to\s+(?:assess|measure|estimate|evaluate|"
    r"quantify|monitor|determine)\b)",
    re.I)
#: ... a sentence that goes on to report a result is a finding: a statistic, a significance
#: word, a finite verb of its own ("which decreased", "and was lower")
_GOES_ON = re.compile(r"\bp\s*[<=>≤]|\b(?:ci|significan\w*|was|were|is|are|had|has|have|showed|"
                      r"revealed|found|observed|did|does|remained)\b|\b(?:increas|decreas|reduc|"
                      r"improv|declin|elevat|lower|rais|fell\b|rose\b)\w*ed\b", re.I)


def measurement_plan(sent: Span) -> bool:
    """Does ``sent`` only say how an outcome was measured or defined ("Patient response was
    assessed using changes in CD4 count and weight")?  The change words it holds ("response",
    "changes", "reduction") name the measure; nothing was observed."""
    m = _MEASURED_BY.search(sent.text)
    return m is not None and not _GOES_ON.search(sent.text[m.end():])
