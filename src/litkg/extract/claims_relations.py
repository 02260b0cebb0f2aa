"""Drug-condition relations of a sentence: adverse effect.  Treatment (indication) pairs are
in :mod:`litkg.extract.claims_treatment`, which shares the labels and :func:`is_measured`.

Split from :mod:`litkg.extract.claims`.  Both relations read typed entities in token windows with cue
lexicons (:mod:`litkg.extract.claims_lexicon`); the *word order* a harm cue implies decides
whether it links a drug to a condition ("X causes Y", "Y after X", "Y due to X"), and the
indication ("X for Y", "patients with Y", "Y patients") is never read as harm, nor is a
condition that went down or improved under the drug (:mod:`litkg.extract.claims_benefit`).
"""

import re
from typing import Callable

from spacy.tokens import Doc, Span

from litkg.extract import claims_adverse_model
from litkg.extract import claims_lexicon as lex
from litkg.extract import claims_scope
from litkg.extract.administered import administered, vaccine
# (the cause phrases moved to claims_causes; claims_adverse_model and the tests read them here)
from litkg.extract.claims_benefit import (_hyphen_compound_end, _object_of, _remedy_of,
                                          _went_down, change_words, written_as_stopped)
from litkg.extract.claims_causes import (CONDITION_LABELS, _ae_cue_ok, _cause_follows,
                                         _compound_cause, _direct_cause, _listed_pairs,
                                         _named_causes, on_drug)
from litkg.extract.claims_nonfindings import previous_line
from litkg.extract.claims_scope import DRUG_LABELS, POPULATION_NOUN
from litkg.extract.context import covering
from litkg.extract.context import cues as context_cues
from litkg.extract.findings import finding_spans, given_names, names_only_harm

INTERVENTION_LABELS = {"DRUG", "PROCEDURE"}
AE_REACH = 30  # tokens between a drug and its adverse effect (lists of effects are long)
#: pair-classifier thresholds: with a rule cue in the right order, and on its own.  The model
#: file carries the ones calibrated with its weights (scripts/train_adverse_model.py); these
#: are the fallback for a model file without them.
MODEL_WITH_RULE = 0.25
MODEL_ALONE = 0.4
#: a link the classifier holds more likely than not passes to the other members of its list
SHARE_MIN = 0.5


_PROCESS_AFTER = {"absorption", "reabsorption", "wasting", "homeostasis", "metabolism",
                  "balance",
                  # a state of the body's own chemical ("lipid abnormalities", "electrolyte
                  # disturbances", "vitamin D deficiency"): the chemical names the finding
                  "abnormality", "abnormalities", "disorder", "disorders", "disturbance",
                  "disturbances", "imbalance", "imbalances", "derangement", "derangements",
                  "deficiency", "deficiencies", "overload"}
#: "lipid-lowering agent", "steroid-sparing": the chemical is what the agent acts on
_ACTED_ON = frozenset({"lowering", "reducing", "raising", "sparing", "modifying", "regulating"})


_INDICATION = re.compile(r"(\bfor|\b(treatment|management|therapy|treating|treated|prophylaxis|"
                         rf"prevention) (of|for|in)|\b{claims_scope.PERSON} (with|having|suffering "
                         # "the potential of treating fluctuating Y by X", "to prevent Y"
                         r"from)|\b(treating|treat|managing|manage|preventing|prevent))"
                         r"(\s+\S+){0,2}\s*$", re.I)


#: words that make a condition after "patients with" a consequence rather than an indication
_CONSEQUENCE = ("associat", "concomitant", "subsequent", "consequent", "resultant", "resulting",
                "ensuing")

_LED_TO_TREATMENT = re.compile(
    r"^\W*(?:which\s+|that\s+)?(?:(?:has|had|have|was|were)\s+)?(?:lead|leads|led|leading|"
    r"requir\w*|necessitat\w*|prompt\w*)\s+(?:to\s+)?(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:treatment|therapy|use|administration|initiation|prescription)\b", re.I)


#: "a man with early diffuse cutaneous Y", "a woman with X1 with Y": the words of a noun phrase
#: describing the patients; a verb, a participle or a gerund ("who experienced", "progressing
#: to", "may lead to") ends the description, and what follows may be a harm
_DESCRIBED = re.compile(
    rf"\b{claims_scope.PERSON}\s+(?:with|having)(?:\s+(?!(?:who|which|that|to|may|might|can|"
    r"could|will|would|lead|leads|after|during|following|when|while|then|had|has|have|was|were|"
    r"is|are|developed|develop|induced)\b)(?![^\s,;:()]*(?:ing|ed)\b)[^\s,;:()]+){0,6}\s*$", re.I)


#: the title shape "Y1, Y2 and Y3 in pregnancy: treatment with X": what the colon introduces is
#: how the conditions before it were treated
_TREATED_TITLE = re.compile(r"^[^:;.]{0,60}:\s*(?:successful\s+|effective\s+)?(?:treatment|"
                            r"management|therapy)\s+(?:with|by|using)\b", re.I)


def _is_indication(doc: Doc, sent: Span, cond: Span, wide: bool = False) -> bool:
    """'X for Y', 'treatment of Y', 'patients with Y': Y is what the drug is given for.  With
    ``wide``, also a condition further into the description of the patients ("a man with
    early diffuse cutaneous Y", "a man with Y1 with Y2 and Y3": up to six words of a noun
    phrase, :data:`_DESCRIBED`) and the title shape "Y1 and Y2 in Z: treatment with X"; the
    pair classifier's feature keeps the narrow reading it was trained on."""
    prev = doc[max(sent.start, cond.start - 5):cond.start].text
    nxt = doc[cond.end].text if cond.end < sent.end else ""
    # "calciphylaxis patients", "CKD populations": the condition names the population; "In
    # type 1 diabetes, adding X ...": a sentence opening on it sets the population
    opening = doc[sent.start:cond.start].text
    found = _INDICATION.search(prev)
    if not found and wide:
        window = doc[max(sent.start, cond.start - 9):cond.start]
        found = _DESCRIBED.search(window.text)
        # "patients with severe acute X reactions": a drug inside the description names what
        # the condition after it is a reaction to; the patients were not given X for it
        if found and any(e.label_ in DRUG_LABELS and e.start_char >= window.start_char +
                         found.start() and e.end <= cond.start for e in sent.ents):
            found = None
    # "patients with associated Y", "with subsequent Y": a word of consequence says Y came
    # with what the sentence is about, not that the patients were treated for it
    if found and any(w.lower().startswith(_CONSEQUENCE) for w in found.group(0).split()[-2:]):
        found = None
    if found or POPULATION_NOUN.match(nxt) or \
            (nxt == "," and _POPULATION_OPENING.match(opening)):
        return True
    # "Y, leading to long-term treatment with X", "Y requiring insulin therapy": Y (or the list
    # it ends) is why the drug was given
    after_list = doc.text[_list_end(doc, sent, cond).end_char:sent.end_char]
    if _LED_TO_TREATMENT.match(after_list) or (wide and _TREATED_TITLE.match(after_list)):
        return True
    # "adults with primary hPTH or secondary hPTH": a condition listed with an indication is one
    listed = [e for e in sent.ents if e.label_ in CONDITION_LABELS and e.end <= cond.start
              and _listed_with(doc, e, cond)]
    return bool(listed) and _is_indication(doc, sent, listed[-1], wide)


def _listed_with(doc: Doc, first: Span, then: Span) -> bool:
    """Is ``then`` the next member of a list after ``first`` ("A or secondary B", "A, B")?"""
    gap = [t.lower_ for t in doc[first.end:then.start]]
    joins = [w for w in gap if w in ("or", "and", ",")]
    # "for preterm labor and developed Y": a verb of onset or cause opens a new predicate
    if any(w.startswith(lex.AE_ONSET + lex.AE_CAUSAL) for w in gap):
        return False
    return bool(joins) and len(gap) - len(joins) <= 1 and len(gap) <= 3


_POPULATION_OPENING = re.compile(r"^\W*(in|among)(\s+patients\s+with)?(\s+\S+){0,2}\s*$", re.I)


def _case_framing(doc: Doc, sent: Span, c: Span, d: Span) -> bool:
    """"Y in a patient (with Z) treated with/receiving/on X": the case-report title shape."""
    if not (c.end < d.start) or doc[c.end].lower_ != "in":
        return False
    between = doc[c.end:d.start]
    return any(POPULATION_NOUN.match(t.text) for t in between[:8]) and any(
        t.lower_.startswith(("treat", "receiv", "taking", "on", "under", "given", "using"))
        for t in between)


_OTHER_CAUSE = re.compile(r"^\W*(\w+\W+){0,2}?(related|due|secondary|attributed|attributable) to\b"
                          r"|^\W*(\w+\W+){0,2}?caused by\b", re.I)


#: a condition followed by this raises the risk of something else: it is a risk factor (of the
#: patient), not a harm ("Renal impairment increases the risk of X-induced Y", "Obesity is an
#: independent risk factor for Y", "Hypoalbuminemia predisposed to Y")
_RISK_FACTOR = re.compile(
    r"^\W*(?:(?:is|was|are|were|has|have|had|been|may|might|can|could|also|further|strongly|"
    r"significantly|independently|markedly)\s+){0,3}(?:"
    r"(?:increas|rais|elevat|doubl|tripl|heighten|enhanc|augment)\w*\s+(?:the\s+|an?\s+)?"
    r"(?:risk|likelihood|odds|incidence|probability|susceptibility)\b|"
    r"predispos\w*|"
    r"associated\s+with\s+(?:an?\s+)?(?:increased|higher|greater|elevated)\s+(?:risk|odds|"
    r"likelihood|incidence)\b|"
    r"(?:an?\s+|the\s+)?(?:\w+\s+)?risk\s+factors?\b)", re.I)


def _list_end(doc: Doc, sent: Span, c: Span) -> Span:
    """The last condition of the list ``c`` opens ("A, B and C"; ``c`` itself when alone): a
    predicate after the list is every member's."""
    end = c
    for e in sent.ents:
        if e.start >= end.end and e.label_ in CONDITION_LABELS and _listed_with(doc, end, e):
            end = e
    return end


def risk_factor(doc: Doc, sent: Span, c: Span) -> bool:
    """Is condition ``c`` the subject of a raised risk ("Y1 increases the risk of Y2", "Y1 is a
    risk factor for Y2")?  It is then what made the harm likelier, not a harm itself.  A
    list of conditions shares the predicate ("Hypertension and obesity were risk factors")."""
    return bool(_RISK_FACTOR.match(doc.text[_list_end(doc, sent, c).end_char:sent.end_char]))


def class_apposition(doc: Doc, d: Span, drugs: list[Span]) -> bool:
    """"Fluoxetine, a serotonin reuptake inhibitor, ...": the class noun restates a named drug."""
    before = {t.lower_ for t in doc[max(0, d.start - 2):d.start]}
    if before & {"a", "an"} and any(0 < d.start - o.end <= 8 for o in drugs if o is not d):
        return True
    # "empagliflozin and other SGLT2 inhibitors": the class generalises the drug just named
    if d.start >= 2 and doc[d.start - 1].lower_ == "other" and \
            doc[d.start - 2].lower_ in ("and", "or", ",") and \
            any(o.end == d.start - 2 for o in drugs if o is not d):
        return True
    # "SS associated with mirtazapine ... cases of SS with this tetracyclic antidepressant": a
    # demonstrative refers back to the drug the sentence named
    return any(t.lower_ in ("this", "these") for t in doc[max(0, d.start - 3):d.start]) and \
        any(o.end <= d.start and not any(t.is_sent_start for t in doc[o.end:d.start + 1])
            for o in drugs if o is not d)


def _ae_entities(sent: Span, ents: list[Span]) -> tuple[list[Span], list[Span]]:
    """(conditions, drugs) a harm pair can be made of: an overdose is no condition; a class noun
    restating a named drug and a chemical named as the body's process ("inadequate calcium absorption") are no drugs; a
    protein, analyte or unknown name written as given (:func:`administered`) is one."""
    doc = sent.doc
    given = [e for e in ents if e.label_ in ("TARGET", "ANALYTE", "CONDITION")
             and administered(doc, e) or vaccine(e)]
    # "hepatitis B vaccination": the disease named before a vaccine is what it protects from
    conds = [e for e in ents if e.label_ in CONDITION_LABELS and e not in given
             and not any(vaccine(v) and v.start == e.end for v in ents)]
    conds += finding_spans(sent, ents)  # "cutaneous eruptions": findings the recogniser left
    # "X overdose": an overdose is how the drug was taken, its harms are what it caused
    conds = [c for c in conds if not c[-1].lower_.startswith("overdos")
             # "may cause severe side effects": the harm word is no effect of its own
             and not (c._.source == "finding" and names_only_harm(c))]
    drugs = [e for e in ents if e.label_ in DRUG_LABELS or e in given]
    drugs += given_names(sent, ents)  # "treated with Budefat": a drug the recogniser missed
    drugs = [d for d in drugs if not class_apposition(doc, d, drugs)
             and not (d.end < len(doc) and doc[d.end].lower_ in _PROCESS_AFTER)
             and not _acted_on(doc, d)]
    return conds, drugs


def _acted_on(doc: Doc, d: Span) -> bool:
    return d.end + 1 < len(doc) and doc[d.end].text in ("-", "\u2013") and \
        not doc[d.end - 1].whitespace_ and doc[d.end + 1].lower_ in _ACTED_ON


def with_untyped(sent: Span, ents: list[Span]) -> list[Span]:
    """``ents`` plus the finding phrases and given names of ``sent``
    (:mod:`litkg.extract.findings`): the entities the pair classifier sees, so a list of effects
    that mixes both reads as one list ("X led to A, B and toxic effects")."""
    extra = finding_spans(sent, ents) + given_names(sent, ents)
    return sorted(list(ents) + extra, key=lambda e: e.start)


def adverse_candidates(sent: Span, ents: list[Span]) -> list[tuple[Span, Span]]:
    """Every (drug, condition) pair within reach: what the pair classifier scores (and what
    ``scripts/train_adverse_model.py`` trains it on)."""
    conds, drugs = _ae_entities(sent, ents)
    out = []
    for c in conds:
        for d in drugs:
            lo, hi = (d.end, c.start) if d.start < c.start else (c.end, d.start)
            if hi - lo <= AE_REACH and not _overlap(d, c):
                out.append((d, c))
    return out


def _overlap(d: Span, c: Span) -> bool:
    """A drug inside a finding ("depressed plasma thyroxine") is what changed, not its cause."""
    return d.start < c.end and c.start < d.end


#: a harm named by the drug before it: "cocaine toxicity", "paracetamol poisoning", "cisplatin
#: nephrotoxicity" (any organ's toxicity)
_POISONING_HEADS = frozenset({"toxicity", "toxicities", "poisoning", "intoxication",
                              "overdose", "overdosage"})


def poisoning_by(c: Span, d: Span) -> bool:
    """Does drug ``d`` name the poisoning or toxicity ``c`` right after it?"""
    head = c[-1].lower_
    return (head in _POISONING_HEADS or head.endswith(("toxicity", "toxicities"))) and \
        d.end == c.start


def named_in_compound(doc: Doc, d: Span, c: Span) -> bool:
    """Does ``c``'s name hold ``d`` as its cause ("X-induced Y", "X nephrotoxicity")?"""
    return _compound_cause(doc, d, c) or poisoning_by(c, d)


def adverse_pairs(sent: Span, ents: list[Span],
                  fallback: Callable[[Span], Span | None]) -> list[tuple[Span, Span]]:
    """(drug, condition) pairs read as harm.

    Rules: a causal/temporal/associative cue in the right word order between them (see
    :func:`_ae_cue_ok`), or a harm noun ("side effects", "toxicity", "risk") next to the
    condition; the condition is not the indication nor the object of an improvement ("healing
    of rickets") unless a cause or onset phrase right after it names a drug
    (:func:`_cause_follows`) or it improved when a drug was stopped (a dechallenge: only the
    stopped drugs are then judged, :func:`written_as_stopped`); the nearest such drug wins.
    With the pair classifier installed, it decides every other pair within reach instead (the
    rules' verdicts are among its features), with a lower threshold where a rule fired;
    "X-induced Y" always holds for a recognised drug X."""
    doc = sent.doc
    conds, drugs = _ae_entities(sent, ents)
    if not conds:
        return []
    # "Y after progression on X": X is the patients' earlier treatment, told as history
    drugs = [d for d in drugs if not previous_line(doc, d)]
    model = claims_adverse_model.load_model()
    if model is None:  # untyped candidates are the classifier's to judge; the rules never saw them
        conds = [c for c in conds if c._.source != "finding"]
        drugs = [d for d in drugs if d._.source != "given"]
    with_rule, alone = (model or {}).get("thresholds", {}).get("with_rule", MODEL_WITH_RULE), \
        (model or {}).get("thresholds", {}).get("alone", MODEL_ALONE)
    context = with_untyped(sent, ents)  # what the classifier reads (and was trained on)
    ent_tokens = {i for e in ents for i in range(e.start, e.end)}
    triggers = [t.i for t in sent if t.lower_.startswith(lex.ADVERSE_CUES)
                and (t.i not in ent_tokens or doc[t.i - 1].text == "-")]
    strong_at = [t.i for t in sent if (t.lower_.startswith(lex.STRONG_ADVERSE) or "toxic" in t.lower_
                                       or t.text in _AE_ABBREVIATIONS)
                 and not (t.lower_ == "risk" and t.i + 1 < len(doc)
                          and doc[t.i + 1].lower_.startswith("factor"))]
    # "with rash, fatigue, diarrhea, and nausea the most common AEs": a harm word next to a list
    # speaks of every member
    strong_of = _shared_in_lists(doc, conds, {
        c.start: any(-4 <= c.start - i <= 12 or 0 <= i - c.end <= 4 or
                     (0 <= i - c.end <= 12 and _NAMED_AS_HARM.match(doc.text[c.end_char:doc[i].idx]))
                     for i in strong_at)
        for c in conds})
    # a word inside a condition's name belongs to it ("bone marrow suppression and Y"), it says
    # nothing of the next condition
    named = {i for e in ents if e.label_ in CONDITION_LABELS for i in range(e.start, e.end)}
    improving, lowering = change_words(sent, named)
    pairs = []
    eligible: list[Span] = []  # conditions past the indication / benefit filters
    sure: list[tuple[Span, Span]] = []  # pairs the classifier holds more likely than not
    for c in conds:
        # "X-induced Y" names its cause even inside an indication ("Z for X-induced Y"); a
        # name found only by that grammar ("UV-induced Y") is the classifier's to judge
        compound = [d for d in drugs if d._.source != "given" and d.label_ in DRUG_LABELS
                    and _compound_cause(doc, d, c)]
        if compound and not c._.negated:
            pairs += [(d, c) for d in compound]
            continue
        # "propensity of X to cause Y": the verb's subject holds; other drugs are still judged
        direct = [] if c._.negated else [d for d in drugs if _direct_cause(doc, d, c)]
        pairs += [(d, c) for d in direct]
        # the indication or the object of an improvement: corpora of case reports rarely say
        # so, but papers at large do ("effective in normalizing Y", "healing of Y")
        # a drug named as the cause right after the condition ("ameliorated Y induced by X")
        # makes the condition that drug's harm whatever treated or improved it
        caused = _cause_follows(doc, c, drugs)
        if not caused and risk_factor(doc, sent, c):
            continue  # "Renal impairment increases the risk of X-induced Y": a risk factor
        indication = not caused and _is_indication(doc, sent, c, wide=True)
        # ("asthma-symptom control": the words glued to Y by hyphens belong to its phrase)
        end = _hyphen_compound_end(doc, c)
        better = not caused and any(0 < c.start - i <= 4 or 0 <= i - end <= 1
                                    or _object_of(doc, i, c) for i in improving)
        # "Y decreased", "Y was lower with X", "a reduction in Y": a finding that went down under
        # the drug is its benefit ("decreased appetite" names the finding, it is not a cue here)
        better = better or any(_went_down(doc, c, i) for i in lowering)
        # ... unless the drug was stopped: "Y resolved on discontinuation of X" is the
        # dechallenge of a case report, evidence that X caused Y; only stopped drugs are judged
        # ("blockade of cocaine toxicity": the drug naming a poisoning stays its cause)
        candidates = drugs if not better else [
            d for d in drugs if written_as_stopped(doc, sent, d, drugs) or poisoning_by(c, d)]
        # "Y ..., which partly improved within 1 month with X": X is what Y improved with
        # (unless X was what was stopped: "Y resolved after X was withdrawn")
        candidates = [d for d in candidates if (not _remedy_of(doc, c, d, improving)
                      or written_as_stopped(doc, sent, d, drugs)) and d not in direct]
        # "Y caused by X": the cause phrase names Y's drug (with its list), the others in the
        # sentence ("treated with Z") are not; a drug naming Y ("W toxicity due to X", an
        # interaction) stays
        named = _named_causes(doc, c, drugs) if caused else []
        candidates = [d for d in candidates if not named or any(d is n for n in named)
                      or d.end == c.start or (d.end + 1 == c.start and doc[d.end].text == "-")]
        if indication or (better and not candidates):
            continue
        strong = strong_of[c.start]
        eligible.append(c)
        chosen: list[Span] = []
        for d in candidates:
            lo, hi = (d.end, c.start) if d.start < c.start else (c.end, d.start)
            if hi - lo > AE_REACH or _overlap(d, c):
                continue
            ruled = any(_ae_cue_ok(doc, d, c, i) for i in triggers if lo - 1 <= i <= hi) \
                or _case_framing(doc, sent, c, d) or (strong and hi - lo <= 12) \
                or on_drug(doc, d, c, drugs)
            # ("X did not cause Y", "X was not associated with Y": a denied link is read by
            # the rules; the classifier learnt from affirmed harms and scores a denial low)
            denied = bool(c._.negated) and _denied_link(doc, d, c, triggers, lo, hi)
            if model is None or denied:
                if ruled or denied:
                    chosen.append(d)
            else:
                p = claims_adverse_model.probability(sent, d, c, context)
                if p >= (with_rule if ruled else alone):
                    chosen.append(d)
                    if p >= SHARE_MIN:
                        sure.append((d, c))
        if chosen and model is None:
            chosen = [min(chosen, key=lambda d: abs(d.start - c.start))]  # rules: nearest drug
        # "infection risk related to catheter use": a cause other than a drug is named
        other_cause = _OTHER_CAUSE.match(doc.text[c.end_char:sent.end_char])
        if not chosen and strong and not drugs and not c._.negated and not other_cause:
            drug = fallback(c)  # "side effects (nausea)": the drug named before / the study drug
            chosen = [drug] if drug is not None else []
        pairs += [(d, c) for d in chosen]
    pairs += _arm_listings(doc, sent, drugs, eligible, pairs, strong_at + triggers)
    return pairs if model is None else pairs + _shared_by_list(doc, eligible, sure, pairs, drugs)


#: how far a denied harm may stand from its drug: the denial names both in one clause
_DENIAL_REACH = 12
#: the link words a denial may govern: a cause, an association, an attribution ("No case of Y
#: was attributed to X"); not time or onset words ("patients without Y receiving X")
_DENIAL_CUES = lex.AE_CAUSAL + lex.AE_ASSOCIATION + ("attribut", "relat", "due", "secondary")
#: "no (significant) association between X and Y", "did not find a relationship between"
_NO_ASSOCIATION = re.compile(r"\b(?:no|not\s+(?:find\s+|show\s+)?an?|lack\s+of\s+an?|nor?)\s+"
                             r"(?:[\w-]+\s+){0,2}(?:associations?|relationships?|links?|"
                             r"correlations?)\s+between\s+$", re.I)
_CLAUSE_GLUE = frozenset({",", ";", ":", "but", "that", "which", "whereas", "while", "although",
                          "since", "because"})
_NOUN_BEFORE = frozenset(lex.DETERMINERS) | {"other", "no", "any", "possible", "main", "common"}


def _denied_link(doc: Doc, d: Span, c: Span, triggers: list[int], lo: int, hi: int) -> bool:
    """Is negated condition ``c`` linked to ``d`` by a causal or associative cue in the right
    order, close by ("X did not cause Y", "no evidence that X induced Y", "X was not associated
    with an increased risk of Y")?  The denial is a finding of its own: a negated harm.  Time
    and onset words are left out ("patients without Y receiving X" describes the patients)."""
    if hi - lo > _DENIAL_REACH or _compound_cause(doc, d, c):
        return False  # ("not useful in reducing X-induced Y": the compound is not denied)
    first, then = sorted((d, c), key=lambda e: e.start)
    if _NO_ASSOCIATION.search(doc.text[first.sent.start_char:first.start_char]) and \
            1 <= then.start - first.end <= 3 and doc[first.end:then.start][-1].lower_ == "and":
        return True  # "no association between X use and Y"
    for i in triggers:
        if not (lo - 1 <= i <= hi and doc[i].lower_.startswith(_DENIAL_CUES)
                and doc[i - 1].text not in ("-", "\u2013") and _ae_cue_ok(doc, d, c, i)
                and doc[i - 1].lower_ not in _NOUN_BEFORE):  # "no other causes": a noun
            continue
        # the denial governs the cue ("did not cause Y", "no evidence that X caused Y") or
        # stands between it and the condition ("caused no Y"), in one clause ("X can induce
        # Y1 and suggests that there is no Y2" denies Y2 of no verb of X's)
        a, b = (i + 1, c.start) if i < c.start else (c.end, i)
        if {t.lower_ for t in doc[first.end:then.start]} & _CLAUSE_GLUE:
            continue  # ("..., causing no Y": the participle's subject is not X)
        if covering(doc, i, "negation") or any(n.kind == "negation" and a <= n.start < b
                                               for n in context_cues(doc)):
            return True
    return False


_ARM_NOUNS = frozenset({"group", "groups", "arm", "arms", "cohort"})
#: abbreviations for adverse events ("the most common AEs", "SAEs", "TEAEs")
_AE_ABBREVIATIONS = frozenset({"AE", "AEs", "SAE", "SAEs", "TEAE", "TEAEs", "ADR", "ADRs"})


#: "Y (14%) was the most frequent adverse event", "Y and Z were common side effects": the
#: condition is the subject of a copula whose complement is a harm word
_NAMED_AS_HARM = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?:were|was|are|is)\s+(?:the\s+)?"
                            r"(?:most\s+|only\s+|main\s+)?(?:[\w-]+\s+){0,3}$", re.I)  # ("grade 3")


def _shared_in_lists(doc: Doc, conds: list[Span], flags: dict[int, bool]) -> dict[int, bool]:
    """``flags`` (by condition start) made true for every member of a list of conditions
    (:func:`_listed_pairs`, as :func:`_shared_by_list` reads lists) that has one true member."""
    out, pairs, changed = dict(flags), _listed_pairs(doc, conds), True
    while changed:
        changed = False
        for a, b in pairs:
            if out[a.start] and not out[b.start]:
                out[b.start] = changed = True
    return out


def _arm_listings(doc: Doc, sent: Span, drugs: list[Span], conds: list[Span], pairs: list,
                  cues: list[int]) -> list[tuple[Span, Span]]:
    """"adverse events occurred more often in the X group (A, B, C)": the parenthesis right
    after an arm lists that arm's harms, so each condition in it shares the drug's harm link
    (a harm word before the arm, or a harm pair already made for the drug); a list is too far
    from the cue for the pair reader to see it."""
    made = {(d.start, c.start) for d, c in pairs}
    out = []
    for d in drugs:
        i = d.end
        while i < sent.end and doc[i].lower_ in _ARM_NOUNS:
            i += 1
        if i >= sent.end or doc[i].text != "(":
            continue
        close = next((t.i for t in doc[i + 1:sent.end] if t.text == ")"), sent.end)
        harmed = any(c < d.start for c in cues) or any(x is d for x, _ in pairs)
        if not harmed:
            continue
        out += [(d, c) for c in conds if i < c.start and c.end <= close
                and (d.start, c.start) not in made]
    return out


def _shared_by_list(doc: Doc, conds: list[Span], sure: list, pairs: list,
                    drugs: list[Span] = ()) -> list[tuple[Span, Span]]:
    """"developed A and B on X": members of one list of conditions share the drug the
    classifier linked to any of them with some confidence (``sure``; it scores each member
    alone and may miss one); "X1 and X2 may lead to A": members of a list of drugs share the
    condition likewise; ``pairs`` are the links already made."""
    cond_lists, drug_lists = _listed_pairs(doc, conds), _listed_pairs(doc, list(drugs))
    made = {(d.start, d.end, c.start) for d, c in pairs}
    linked = {(d.start, d.end, c.start): (d, c) for d, c in sure}
    added: list[tuple[Span, Span]] = []

    def link(d: Span, c: Span) -> bool:
        key = (d.start, d.end, c.start)
        if key in linked or (d.start < c.end and c.start < d.end):
            return False
        linked[key] = (d, c)
        if key not in made:
            added.append((d, c))
        return True

    changed = True
    while changed:
        changed = False
        for x, y in cond_lists:
            for d, _ in [v for v in linked.values() if v[1] is x]:
                changed = link(d, y) or changed
        for x, y in drug_lists:
            for _, c in [v for v in linked.values() if v[0] is x]:
                changed = link(y, c) or changed
    return added
