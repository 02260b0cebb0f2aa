"""Cue lexicons and small text helpers for the claim extractor.

Cues are word *prefixes* (lower-case) so inflections match without a lemmatiser (the blank
English pipeline has none): "decreas" covers decrease/decreased/decreases/decreasing.  The
lists name general scientific-reporting language, never wording of a particular document.
"""

from __future__ import annotations

import re

DIRECTION_PREFIXES = {
    "increased": ("increas", "elevat", "rise", "rose", "risen", "rising", "raise", "higher",
                  "greater", "enhanc", "augment", "boost", "upregulat", "up-regulat", "gain",
                  "stimulat", "activat", "promot", "prolong", "accelerat", "exceed",
                  "longer", "lengthen",  # ("no longer", "longer-term": claims_cues)
                  "widen",  # "the QRS duration widened to 160 ms", "a widened anion gap"
                  # speed; on a time the sign turns (claims_cues.speed_of_time)
                  "faster", "quicker"),
    "decreased": ("decreas", "reduc", "lower", "declin", "fell", "drop", "diminish", "attenuat",
                  "suppress", "inhibit", "downregulat", "down-regulat", "shorter", "shorten",
                  "fall", "falls", "fallen", "block", "impair", "less", "fewer",
                  "smaller", "lessen", "curtail", "abolish", "blunt", "depress", "slower",
                  "deplet",  # "X depleted GSH", "GSH depletion"
                  "narrowed"),  # (not "narrowing": a stenosis is a finding)
    "improved": ("improv", "heal", "resolv", "resolution", "recover", "normaliz", "normalis",
                 "alleviat", "ameliorat", "remission", "revert", "relie", "cure", "cured",
                 "curative", "better", "benefi", "success", "regress", "respond", "response",
                 "reversed", "reverses", "reversal"),  # (not "reversible", "reverse transcriptase")
    "worsened": ("worsen", "deteriorat", "exacerbat", "aggravat", "recur", "relaps", "worse",
                 "poorer", "progress"),
}
# Comparatives that size a following change noun ("greater reductions", "a smaller rise"),
# with the sign they give it: a bigger change keeps the noun's sign, a smaller one turns it.
MAGNITUDE_WORDS = {"greater": "increased", "larger": "increased", "bigger": "increased",
                   "higher": "increased", "more": "increased", "smaller": "decreased",
                   "less": "decreased", "lower": "decreased", "lesser": "decreased"}
# Words that look like cues but are anatomy/qualifiers in clinical text ("lower limb").
DIRECTION_STOP = {"lower limb", "lower limbs", "lower extremities", "lower extremity",
                  "lower leg", "lower legs", "upper", "less than", "greater than",
                  "higher than", "lower than", "high", "low", "progressive", "progression-free",
                  "response rate", "responses", "progression free"}
# Phrases that state that nothing changed (checked as lower-case substrings of a clause).
UNCHANGED_PHRASES = (
    "no significant", "not significant", "non-significant", "nonsignificant",
    "not statistically", "no statistically", "did not differ", "did not change",
    "did not significantly", "not differ", "no difference", "no differences", "no change",
    "no changes", "no effect", "no effects", "had no effect", "no significant effect",
    "unchanged", "unaltered", "unaffected", "remained stable", "remained unchanged",
    "remained within", "remained normal", "were sustained within", "was sustained within",
    "within normal limits", "within the normal", "within normal levels", "comparable",
    "similar", "no improvement", "no recovery", "no relevant", "no major", "no benefit",
    "no increase", "no decrease", "no reduction", "not affect", "not alter", "not improve",
    "stable", "no apparent", "did not reach", "not reach", "neither",
)
# "no mortality benefit", "no survival advantage": no change in the named measure
NO_NAMED_BENEFIT = re.compile(r"\bno ([\w-]+ ){1,2}(benefit|advantage)s?\b", re.I)
# Phrases that state "no change" on their own, without a change word next to the object
# ("comparable", "similar", "stable" describe groups or designs too often to count alone).
UNCHANGED_ALONE = tuple(p for p in UNCHANGED_PHRASES
                        if p not in ("comparable", "similar", "stable", "neither", "within the normal",
                                     "no major", "no relevant", "no apparent"))
#: "unaffected controls", "on stable doses of X", "excreted as unchanged drug", "unstable angina":
#: a null word used as an attribute of a noun (or inside another word) names a kind of person,
#: dose or disease; it says nothing stayed the same
_ATTRIBUTIVE_NULL = re.compile(
    r"\bunstable\b|\b(?:unaffected|unchanged|unaltered|stable)\s+(?=(?:controls?|individuals?|"
    r"subjects?|relatives?|siblings?|family|members?|carriers?|twins?|parents?|volunteers?|"
    r"people|persons?|patients?|populations?|cohorts?|eyes?|side|skin|limbs?|tissues?|areas?|"
    r"regions?|drug|compound|forms?|doses?|dosing|dosages?|regimens?|angina|coronary|asthma|"
    r"copd|heart failure)\b)", re.I)


def mask_attributive(text: str) -> str:
    """``text`` with attributive null words masked by "#" (same length, so offsets hold)."""
    return _ATTRIBUTIVE_NULL.sub(lambda m: "#" * len(m.group()), text)


def says_null(text: str, alone: bool = False) -> bool:
    """Does ``text`` (lower case) hold a phrase stating that nothing changed?  With ``alone``,
    only the phrases that say so without a change word beside them (:data:`UNCHANGED_ALONE`)."""
    text = mask_attributive(text)
    return any(p in text for p in (UNCHANGED_ALONE if alone else UNCHANGED_PHRASES))


#: "without significant side-effects", "with no significant toxicity": a null said of a noun of
#: its own, not of the change before it (kept when the noun is a change: "without significant
#: change", "with no significant difference")
OTHER_NULL = re.compile(r"\b(without|with no)\s+(clinically\s+|statistically\s+)?significant\s+"
                         r"(?!(differ|chang|effect|increas|decreas|reduc|improv|rise|fall|declin|"
                         r"alter|variation|impact|benefit))[a-z]", re.I)
#: "the most common AEs in both groups were A and B": a ranking of events within each arm, not
#: a comparison of the arms ("in both groups" there is no null finding)
MOST_COMMON_IN_ARMS = re.compile(r"\b(most) (common|frequent|frequently \w+)\b([^.;]{0,60}?)"
                                 r"\b(in|among|across) (both|all|the two|each) (groups|arms)\b", re.I)
SIGNIFICANT_NEGATED = re.compile(
    r"\b(not|no|non|without)[- ](statistically )?significan|\bnonsignifican|\bn\.?s\.?\b|"
    r"did not reach (statistical )?significance|\ba trend (toward|towards|to)\b|"
    r"\bin both (groups|arms)\b|\b(similar(ly)?|comparable) (in|between|among|across) "
    r"(both|all|the two|two|the (groups|arms))\b|p\s*[>≥]\s*0?\.0[5-9]|p\s*=\s*0?\.(05\d*[1-9]|0[6-9]|[1-9])",
    re.I)

# Harm cues by the word order they imply (prefixes):
#   causal "X causes/induced/leads to Y" (or passive "Y caused by X"),
#   temporal "Y after/during/following X", because "Y due to/secondary to X",
#   association "X-associated Y" / "Y associated with X".
AE_CAUSAL = ("induc", "caus", "lead", "led", "provok", "provoc", "precipitat", "trigger", "produc",
             "result", "elicit")
AE_TEMPORAL = ("after", "during", "following", "receiv", "taking", "ingest", "exposure",
               "overdos", "while", "withdraw", "discontinu", "rechalleng", "since", "upon")
AE_BECAUSE = ("due", "secondary", "attribut", "related", "relat", "from", "consequence")
AE_ONSET = ("develop", "experienc", "present", "suffer", "manifest")
AE_ASSOCIATION = ("associat", "implicat", "suspect", "linked")
ADVERSE_CUES = AE_CAUSAL + AE_TEMPORAL + AE_BECAUSE + AE_ASSOCIATION + AE_ONSET
# Words that attribute harm without a verb between drug and condition ("side effects (nausea)").
STRONG_ADVERSE = ("side", "adverse", "toxicit", "hypersensitiv", "intoxicat", "risk")
# Words that mark the condition as the *indication* of the drug.
TREATMENT_CUES = ("treat", "therap", "manag", "effective", "efficac", "used", "first-line",
                  "adjunct", "adjuvant", "indicat", "option", "choice", "recommend", "prevent",
                  "prophyla", "alleviat", "for", "monotherapy")
# Mechanism-like targets and processes ("secretion", "reabsorption", "receptor").
PROCESS_WORDS = ("secretion", "reabsorption", "absorption", "receptor", "sensitivity",
                 "production", "synthesis", "expression", "release", "activity", "signal",
                 "excretion", "transport", "uptake", "clearance", "phosphaturia", "binding",
                 "proliferation", "pathway", "channel", "enzyme", "transcription", "formation",
                 "wasting", "effect", "turnover", "resorption", "mineralization", "metabolism",
                 "glucuronidation", "elimination", "oxidation", "hydroxylation", "conjugation",
                 "phosphorylation", "degradation")
NOMINAL_MECHANISM = {"suppression": "decreased", "inhibition": "decreased",
                     "blockade": "decreased", "reduction": "decreased", "decrease": "decreased",
                     "downregulation": "decreased", "activation": "increased",
                     "stimulation": "increased", "increase": "increased",
                     "upregulation": "increased", "induction": "increased",
                     "enhancement": "increased", "promotion": "increased"}
# Present-tense verb forms of mechanistic statements ("inhibits", "increase", "activate").
MECHANISM_VERB_STEMS = {"inhibit": "decreased", "suppress": "decreased", "decrease": "decreased",
                        "reduce": "decreased", "block": "decreased", "lower": "decreased",
                        "antagonize": "decreased", "downregulate": "decreased",
                        "increase": "increased", "activate": "increased",
                        "stimulate": "increased", "promote": "increased",
                        "enhance": "increased", "induce": "increased",
                        "upregulate": "increased", "sensitize": "increased",
                        # "A may potentiate the anticoagulant effect of B": an interaction
                        "potentiate": "increased", "augment": "increased"}
MECHANISM_MARKERS = ("through", "via", "by", "mechanism", "agonist", "antagonist", "inhibitor",
                     "enables", "resulting", "acts", "acting", "mediat",
                     "mimetic")  # a drug class named for what it mimics: "calcimimetic"

SECTION_RESET = re.compile(r"^\s*(discussion|conclusions?|references|introduction|abstract|"
                           r"background|methods|materials and methods|results|summary)\s*:?\s*$",
                           re.I | re.M)
PATIENT = re.compile(r"\b(case|patient|subject|proband)\s+(\d{1,2}|[IVX]{1,4})\b", re.I)
TIMEPOINT = re.compile(
    r"\b(at (presentation|baseline|admission|diagnosis|first visit|follow-up)|"
    r"before (treatment|therapy)|first (admission|visit)|"
    r"after \d+(\.\d+)?[- ](days?|weeks?|months?|years?)( of [\w-]+)?|"
    r"(\d+|one|two|three|four|six)[- ](days?|weeks?|months?|years?) (later|after [\w -]{1,30}))",
    re.I)
#: between a ratio's name and its value: "hazard ratio for death, 0.49", "RR = 2.05", "OR: 3"
_RATIO_SEP = r"(?:\s+for\s+(?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*)?\s*(?:of|was|=|:|,)?\s*"
STATISTIC = [
    ("rr", re.compile(r"\b(?:RR|relative risk|risk ratio)" + _RATIO_SEP + r"(\d+(?:\.\d+)?)", re.I)),
    ("or", re.compile(r"\b(?:a?OR|odds ratio)" + _RATIO_SEP + r"(\d+(?:\.\d+)?)")),
    ("hr", re.compile(r"\b(?:a?HR|hazard ratio)" + _RATIO_SEP + r"(\d+(?:\.\d+)?)", re.I)),
    ("p", re.compile(r"\b[Pp]\s*[=<]\s*(0?\.\d+)")),
    ("fold", re.compile(r"\b(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)-fold", re.I)),
    ("md", re.compile(r"\b(?:mean difference|MD)\s*(?:of|was|=|:)?\s*(-?\d+(?:\.\d+)?)")),
    # "95% CI" is the interval's level, not an effect
    ("percent", re.compile(r"(\d+(?:\.\d+)?)\s?%(?!\s*(?:CI|confidence|credible|UI|PI)\b)")),
]
WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10}


def statistics(text: str) -> dict[str, float]:
    """Effect statistics named in ``text`` (first of each kind): rr, or, hr, p, fold, md (mean
    difference), percent."""
    found: dict[str, float] = {}
    for name, pattern in STATISTIC:
        m = pattern.search(text)
        if m and name not in found:
            raw = m.group(1).lower()
            found[name] = float(WORD_NUMBERS.get(raw, raw))
    return found


# Sentences that state an aim or a hypothesis, not a finding: no outcome, mechanism or harm
# claim is read from them (the indication they name still is: "we treated X with Y to test").
NOT_FINDING = re.compile(
    # ("objective response rate", "objective measures": the adjective names no aim)
    r"\b(our aims?|the aims? of|aimed|aims? to|intended to|objectives?(?!\s+(?:responses?|"
    r"remissions?|tumou?r|measures?|improvements?|evidence|signs?|findings?|data|"
    r"assessments?)\b)|purpose of|"
    r"we (postulated|hypothesi[sz]ed|sought|speculated?)|hypothes[ie]s|"
    r"to (test|investigate|determine|examine|evaluate|assess) (whether|if|the hypothesis))\b", re.I)
# "We examined the association of X with Y", "This study evaluated whether X ...": what the
# study set out to measure, unless the same sentence reports what it found
STUDY_AIM = re.compile(
    r"\b(we|this (?:study|trial|analysis)|the present (?:study|trial))\s+(?:\w+ly\s+)?"
    r"(examined|investigated|evaluated|assessed|studied|explored|compared|analy[sz]ed)\s+"
    r"(whether|if|the\s+(?:\w+\s+)?(associations?|effects?|relationships?|relations?|impact|"
    r"roles?|efficacy|safety|influence|link))\b(?![^.;]*\b(?:and|but)\s+(?:found|showed|observed|"
    r"demonstrated|revealed)\b)", re.I)
# A negative instruction ("Do not discontinue X once Y has resolved") reports no finding.
NOT_FINDING_IMPERATIVE = re.compile(r"^\W*(do not|don't|never|avoid)\b", re.I)
# A recommendation, proposal or possibility ("it is possible to lower Y with X") names an
# indication but observes no change.
RECOMMENDATION = re.compile(r"\b(proposed|recommend\w*|it(?: i|')s possible to|"
                            r"(can|may|might|should|could) be (considered|used|given|tried|offered))\b",
                            re.I)
# "X is effective in normalizing Y": an efficacy statement names the indication Y.
EFFICACY = re.compile(r"\b(is|are|was|were|be|been)( \w+ly)? (effective|efficacious|successful|useful)\b",
                      re.I)
# A change that was not attained ("normalization of Y could not be achieved").
NOT_ACHIEVED = re.compile(r"\b(could|can|was|were|did|has|have)( not|n't)( been| be)? "
                          r"(achieved|obtained|attained|reached|accomplished)\b", re.I)
# General statements (present tense, "usually") rather than a report of what was observed.
GENERIC = re.compile(r"\b(is|are|usually|typically|generally|commonly|often|perhaps)\b", re.I)
NARRATED = re.compile(r"\b(was|were|had|(has|have)( already| also| previously)? been|became|showed|observed|remained|"
                      r"reached|started|tended)\b", re.I)
# A drug stopped: what follows is recovery or relapse, not a harm of starting it.
STOPPED = re.compile(r"\b(stopped|discontinued|withdrawn|withheld|ceased|interrupted|tapered|"
                     r"halted)\b", re.I)
# "more frequent", "more often": how often a finding occurred
FREQUENCY_WORDS = frozenset({"frequent", "frequently", "often", "common", "commonly", "likely",
                             "prevalent"})
# A sentence that lists the covariates of an analysis: the drugs it names were not studied.
COVARIATES = re.compile(r"\b(adjust(ed|ing|ment)\s+for|controll?(ed|ing)\s+for|covariates?|"
                        r"confound(er|ers|ing))\b", re.I)
# Background about the patient or the population: co-medication and risk-factor lists.
BACKGROUND_LIST = re.compile(r"\b(medical history|past history|history (of|included|includes)|"
                             r"risk factors?)\b", re.I)


def generic_statement(text: str) -> bool:
    """Present-tense background ("Y is usually elevated", "Another risk is ...")."""
    return bool(GENERIC.search(text)) and not NARRATED.search(text)


# "..., but the difference was not statistically significant", "clinically insignificant"
ANAPHORIC_NS = re.compile(
    r"\b(th(e|is|ese|ose) differences?|differences?|which|it|this|these)\b[^.;]{0,40}?\b(was|were|is|are|did|"
    r"failed|fail)\b[^.;]{0,12}?\b(not|n't|to)\b[^.;]{0,25}?\bsignifican|\binsignifican",
    re.I)
_P_VALUE = re.compile(r"\b[Pp]\s*(=|<|>|≤|≥|<=|>=)\s*(0?\.\d+|1\.0+)")


#: the nouns of people a text studies ("patients", "children", "volunteers"), as a regex group
PERSON = (r"(patients?|subjects?|participants?|individuals?|people|persons?|men|women|man|woman|"
          r"children|child|infants?|neonates?|adolescents?|adults?|boys?|girls?|siblings?|"
          r"sisters?|brothers?|twins?|recipients?|users?|cases?|volunteers?|"
          # the unit of an eye trial: "80 eyes with glaucoma were randomized to X"
          r"eyes?)")
#: the animals a study is done in: with a condition they are its population ("rats with Y")
STUDY_ANIMAL = (r"(rats?|mice|mouse|dogs?|rabbits?|pigs?|piglets?|monkeys?|animals?|hamsters?|"
                r"sheep|cats?)")
#: words of a genetic variant compared between people: "the GG genotype", "T allele carriers"
GENETIC_VARIANT = r"(?:alleles?|genotypes?|homozygo\w*|heterozygo\w*|carriers?)"


def first_p_nonsignificant(text: str, sentence: str | None = None) -> bool | None:
    """Whether the first p-value in ``text`` is >= 0.05 (None without one).  A bound above 0.05
    ("a trend ... (p < 0.10)") does not make it significant.  "p = 0.05" itself is significant
    when the ``sentence`` (default ``text``) calls the result significant: authors who test at
    p <= 0.05 write "a significant decline (p = 0.05)" (Evidence Inference annotations with
    one p-value, "p = 0.05" and an unnegated "significant": 6 of 6 a change; without one,
    4 of 8)."""
    m = _P_VALUE.search(text)
    # (``text`` may be the part of ``sentence`` after an outcome: "(NS)" is read with the
    # words before it)
    before = sentence[:len(sentence) - len(text)] if sentence and sentence.endswith(text) else ""
    ns = not_significant_mark(text, before)
    if ns is not None and (not m or ns < m.start()):
        return True
    if not m:
        return None
    op, value = m.group(1), float(m.group(2))
    if op in ("<", "≤", "<="):
        return value > 0.05
    if op == "=" and value == 0.05 and asserts_significance(sentence or text):
        return False
    return value >= 0.05


#: "p = NS", "(r = 0.22, NS)", "(NS)", "(n.s.)": the result was not significant
_NS_MARK = re.compile(r"\b[Pp]\s*[=:]\s*(?:NS|ns|n\.\s?s\.?)(?!\w)|"
                      r"(\()?(?<=[(,;])\s*(?:NS|ns|n\.\s?s\.)\s*\)")


def not_significant_mark(text: str, before: str = "") -> int | None:
    """Where ``text`` first marks a result not significant without a p-value ("p = NS",
    "(NS)"), or None.  "(NS)" right after words whose initials it spells is their
    abbreviation ("nephrotic syndrome (NS)", "normal saline (NS)"), not a test result;
    ``before`` is the text ahead of ``text`` in its sentence."""
    for m in _NS_MARK.finditer(text):
        if m.group(1):
            words = re.findall(r"[A-Za-z]+", before + text[:m.start()])[-2:]
            if len(words) == 2 and (words[0][0] + words[1][0]).lower() == "ns":
                continue
        return m.start()
    return None


def asserts_significance(text: str) -> bool:
    """Does ``text`` call a result significant, with no negation in the few words before
    ("did not differ significantly", "non-significant")?"""
    return any(not _NEGATED_BEFORE.search(text[max(0, m.start() - 30):m.start()])
               for m in _SIGNIFICANT.finditer(text))


_SIGNIFICANT = re.compile(r"significan", re.I)
_NEGATED_BEFORE = re.compile(
    r"\b(not|no|non|without|neither|nor|failed|lack)\b|n't\b|(?:non-?|in)$", re.I)


_FLIP_SIGN = {"increased": "decreased", "decreased": "increased"}


def sized_changes(doc, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The (token index, direction) cues ``found`` in a spaCy ``doc`` with comparatives that
    size a change noun read as one cue: "greater reductions in Y", "a smaller increase in Y"
    state no change of their own; the noun gives the sign, turned over by a smaller size
    ("less reduction" leaves Y relatively higher)."""
    # a change noun inside an entity names the outcome ("greater [improvement in MADRS]"):
    # the comparative is then the cue
    nouns = {i: d for i, d in found if not doc[i].ent_type_}
    # "decreased the elevations of Y", "prevented the rise in Y": a verb that counters a change
    # noun turns its sign over and is no cue of its own
    countered, verbs = set(), set()
    for i in nouns:
        k = _countering_verb(doc, i) if CHANGE_NOUN.match(doc[i].lower_) else None
        if k is None and CHANGE_NOUN.match(doc[i].lower_):
            # "the decline in Y was slower with X": the size after the copula counters it
            k = _smaller_after(doc, i)
        if k is not None:
            countered.add(i)
            verbs.add(k)
    out = []
    for i, direction in found:
        low = doc[i].lower_
        if (low in MAGNITUDE_WORDS and (i + 1) in nouns) or i in verbs:
            continue
        prev = doc[i - 1].lower_ if i in nouns and (i - 1) in nouns else None
        if (prev is not None and MAGNITUDE_WORDS.get(prev) == "decreased") or i in countered:
            direction = _FLIP_SIGN.get(direction, direction)
        out.append((i, direction))
    return out


#: words that open a contrasting clause: what follows them is said of something else
CONTRAST_WORDS = frozenset({"but", "although", "though", "whereas", "while", "however", "except",
                            "yet"})
_COPULA = frozenset({"was", "were", "is", "are"})
#: a change's size or pace stated as smaller: "the decline in Y was slower / smaller / less"
_SMALLER = frozenset({"smaller", "less", "lesser", "slower", "attenuated", "blunted", "reduced",
                      "lower"})


def _smaller_after(doc, i: int) -> int | None:
    """The word that sizes the change noun at ``i`` as smaller after a copula ("the decline in
    Y was significantly slower"), within eight words and one clause."""
    for k in range(i + 1, min(len(doc), i + 9)):
        low = doc[k].lower_
        if low in (",", ";", ":", ".", "and", "but", "whereas", "while"):
            return None
        if low in _COPULA:
            j = k + 1
            while j < len(doc) and doc[j].lower_.endswith("ly"):
                j += 1  # "was significantly slower"
            return j if j < len(doc) and doc[j].lower_ in _SMALLER else None
    return None


#: words that end the noun phrase of a change noun, looking back from it
_PHRASE_EDGE = frozenset({",", ";", ":", "(", ")", "and", "or", "but", "with", "in", "of", "by",
                          "was", "were", "is", "are", "to", "than"})


def _countering_verb(doc, i: int) -> int | None:
    """The verb that counters the change noun at ``i`` ("prevented the rise in Y", "attenuated
    the hypoxia-induced increase in Y"): within seven words before it, across its determiner
    and modifiers, not across a clause or another phrase.  A drug class noun ("the inhibitor-
    induced rise") names a cause, not a countering."""
    for k in range(i - 1, max(-1, i - 8), -1):
        low = doc[k].lower_
        if low in _PHRASE_EDGE:
            return None
        if low.startswith(_COUNTERING) and not low.endswith(("or", "ors", "er", "ers")):
            return k
    return None


#: words that open a noun phrase
DETERMINERS = frozenset({"the", "this", "these", "that", "a", "an", "its", "their"})
CHANGE_NOUN = re.compile(r"^(increases?|elevations?|rises?|decreases?|reductions?|declines?|"
                          r"falls?|loss|losses|depletions?|"
                          # "inhibited NF-kB activation": a countered activation is a fall
                          r"activations?)$")
_COUNTERING = ("decreas", "reduc", "attenuat", "prevent", "blunt", "inhibit", "abolish",
               "revers", "suppress", "lessen", "mitigat", "counteract", "diminish", "block",
               # "slowed the decline in eGFR", "halted the loss of Y": a slowed fall leaves Y
               # higher than without the drug
               "slow", "halt")


def coordinated_run(items: list, i: int, joined) -> list:
    """The run of ``items`` (entities in text order) around ``items[i]`` whose neighbours are
    each ``joined(a, b)`` ("LDL, triglycerides and glucose", "A or B"): the list the item stands
    in, read the same way for outcomes and for arms."""
    lo = hi = i
    while lo > 0 and joined(items[lo - 1], items[lo]):
        lo -= 1
    while hi + 1 < len(items) and joined(items[hi], items[hi + 1]):
        hi += 1
    return items[lo:hi + 1]
