"""Attribution: the intervention a change belongs to.

The drug of a change is the nearest credited drug in the sentence (same clause first), else one
introduced in the three sentences before (not one written as stopped there: "X was stopped and
Y started" makes what follows Y's), else the document's main intervention.  A comparator arm,
a drug named only as a condition's cause ("X-induced Y"), a negated or concomitant one, and the
background of an add-on design ("the addition of X to Y") are not credited; an experimental
manipulation named as the agent ("Sesn2 knockdown suppressed ...") or a list of covariates
credits no earlier drug.  Split from :mod:`litkg.extract.claims`.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from litkg.extract import claims_lexicon as lex
from litkg.extract import claims_interventions as interventions
from litkg.extract import sections
from litkg.extract.claims_cues import same_clause
from litkg.extract.claims_interventions import is_measured
from litkg.extract.claims_benefit import written_as_stopped
from litkg.extract.claims_relations import (DRUG_LABELS, INTERVENTION_LABELS, class_apposition,
                                            poisoning_by)
from litkg.extract.claims_values import concept_of
from litkg.extract.induced import named_as_cause
from litkg.extract.onset import course_off
from litkg.extract.products import ROUTE_WORDS


#: an experimental manipulation named as the agent of a change (basic science): the change is
#: the manipulation's, not a drug's from an earlier sentence
_MANIPULATION = re.compile(r"\b(knock-?downs?|knock-?outs?|deletions?|silencing|over-?expression|"
                           r"depletion|si-?RNAs?|sh-?RNAs?|transfection|mutants?|-deficient|"
                           r"-null)\b", re.I)

#: a genetic variant compared: what differs goes with the variant, not with a drug given to all
_VARIANT = re.compile(rf"\b(?:{lex.GENETIC_VARIANT}|haplotypes?|polymorphisms?|variants?|SNPs?|"
                      r"rs\d{3,})\b", re.I)


#: words between "without" and the intervention it withholds ("without the need for dialysis")
_WITHHELD_GLUE = frozenset({"any", "the", "a", "further", "additional", "need", "needing",
                            "requiring", "for", "of", "use", "recourse", "to"})


def _withheld(doc, e: Span) -> bool:
    """Is intervention ``e`` named as not given ("resolved without transplantation", "without
    any treatment", "without the need for dialysis")?"""
    i = e.start - 1
    while i >= 0 and doc[i].lower_ in _WITHHELD_GLUE:
        i -= 1
    return i >= 0 and doc[i].lower_ == "without"


def drug_for(sent: Span, ents: list[Span], i: int, main_drug: Span | None,
             sents: list[Span], k: int, fallback: bool = True,
             exclude: Span | None = None) -> Span | None:
    """The intervention a change at token ``i`` of ``sent`` (the ``k``-th of ``sents``)
    belongs to; ``main_drug`` is the document's main intervention (see the module docstring)."""
    doc = sent.doc
    drugs = [e for e in ents if e.label_ in INTERVENTION_LABELS and e is not exclude
             and not is_measured(e) and not interventions.diagnostic_procedure(e)]
    # "in patients with X-induced Y, ... improved", "Z ameliorates X nephrotoxicity": X names
    # Y's cause, it is no arm
    drugs = [e for e in drugs if not named_as_cause(doc, e)
             and not any(poisoning_by(c, e) for c in ents)]
    # "thiazide-sensitive cotransporter", "insulin-like growth factor": a property, not a drug
    drugs = [e for e in drugs if not interventions.glued_attribute(doc, e)]
    # "modafinil decreases Y in abstinent cocaine users": the users' drug names the population
    drugs = [e for e in drugs if not interventions.names_users(e)] or drugs
    # "Y recovered without dialysis": a withheld intervention is no agent, even as the only one
    drugs = [e for e in drugs if not _withheld(doc, e)]
    # "Neither X nor Y had an effect on Z": the drugs sit inside the negation scope
    # ("no difference in Y between A and B": A and B are the arms compared, whatever the
    # negation's scope covers of them)
    drugs = [e for e in drugs if not e._.negated or _between_arm(doc, e)] or drugs
    # "X, a calcimimetic agent that ...": the class noun restates X
    drugs = [e for e in drugs if not class_apposition(doc, e, drugs)] or drugs
    # "METH depleted DA, caused Z and increased Y": DA is what METH acted on, not an agent
    drugs = [e for e in drugs if not acted_on_by_drug(doc, e, drugs)] or drugs
    # the comparator arm is not the intervention whose effect is reported
    drugs = interventions.credited_arms(doc, drugs)
    # ... and a control arm keeps only a change told in its own clause ("T max was longer
    # after the procedure, whereas there was no difference in the control group")
    drugs = [e for e in drugs if not interventions.generic_comparator(e) or same_clause(doc, e.start, i)
             or (e.end <= i and not (lex.CONTRAST_WORDS | {";"}) & {t.lower_ for t in doc[e.end:i]})]
    # "the addition of X to Y prolongs ...": Y is the shared background, X the intervention
    bases = interventions.addition_bases(doc, sent, drugs)
    drugs = [e for e in drugs if e not in bases] or drugs
    # "This procedure, associated with local care using X, ...": X only accompanies it
    main = [e for e in drugs if not interventions.concomitant(doc, sent, e)]
    drugs = main or ([] if interventions.implicit_subject(sent) is not None else drugs)
    if drugs and all(e.start > i for e in drugs) and _MANIPULATION.search(doc[sent.start:i].text):
        return None  # "Knockdown of AMPK abolished the effect of X": the experiment acted
    if drugs:
        # same clause first ("X reduced Y"), else one introduced before ("After X, Y fell")
        same = [e for e in drugs if same_clause(doc, e.start, i)]
        earlier = [e for e in drugs if e.start < i]
        pool = same or earlier or drugs
        # a drug named in the sentence outranks a procedure ("dialysis parameters")
        pool = [e for e in pool if e.label_ in DRUG_LABELS] or \
            [e for e in drugs if e.label_ in DRUG_LABELS] or pool
        return combination_head(doc, min(pool, key=lambda e: abs(e.start - i)),
                                [e for e in ents if e.label_ in INTERVENTION_LABELS])
    routed = route_arm(sent, i)
    if routed is not None:  # "rose more in the intravenous group": the drug given intravenously
        return routed
    if _MANIPULATION.search(doc[sent.start:i].text):
        return None  # "Sesn2 knockdown suppresses tumour growth": the experiment is the agent
    if _VARIANT.search(doc[sent.start:i].text):
        return None  # "the 3R/3R genotype was associated with better survival": the variant's
    if disease_group_comparison(sent, ents):
        return None  # "patients with Y had higher Z than controls": the disease's, not a drug's
    if predictor_finding(doc[sent.start:i].text):
        return None  # "Greater baseline risk was associated with less improvement": a predictor
    main_key = concept_of(main_drug).key if main_drug is not None else None
    # a drug introduced just before ("We started X ... PTH decreased")
    for prev in sections.sentences_before(sents, k, 3):
        if lex.COVARIATES.search(prev.text):
            continue  # "we adjusted for age, caffeine and alcohol": named, not given
        # ("patients with levodopa-induced dyskinesias were selected": the cause in a name)
        prev_drugs = [e for e in prev.ents if e.label_ in DRUG_LABELS and not e._.negated
                      and not is_measured(e) and not interventions.concomitant(doc, prev, e)
                      and not interventions.comparator_arm(doc, e) and not named_as_cause(doc, e)
                      and not interventions.glued_attribute(doc, e)]
        # "we compared persistent filling of A and B": their use was measured, not given
        prev_drugs = [e for e in prev_drugs if not interventions.usage_measured(e, prev_drugs)]
        if course_off(prev, prev_drugs, lambda e: written_as_stopped(doc, prev, e, prev_drugs)):
            return None  # "his medication was stopped. ... CK rose": the course off the drug
        # "X was stopped and Y started": what follows is Y's doing
        prev_drugs = [e for e in prev_drugs
                      if not written_as_stopped(doc, prev, e, prev_drugs)] or prev_drugs
        # "a man on warfarin was prescribed ciprofloxacin. ... his INR rose": the drug just
        # started, not the one the patient was already taking, set off what follows
        started = [e for e in prev_drugs if _STARTED_BEFORE.search(doc.text[prev.start_char:
                                                                              e.start_char])
                   or _STARTED_AFTER.match(doc.text, e.end_char)]
        if started and len(started) < len(prev_drugs):
            prev_drugs = [e for e in prev_drugs if e in started or not (
                _TAKEN_ALREADY.search(doc.text[prev.start_char:e.start_char])
                or _CONTINUED_AFTER.match(doc.text, e.end_char))]
        if prev_drugs:
            # a combination named before: the study's main intervention is the one meant
            main = [e for e in prev_drugs if concept_of(e).key == main_key]
            return main[0] if main else interventions.regimen_head(doc, prev_drugs)
    main = main_drug
    return main if fallback and (main is None or not interventions.comparator_arm(doc, main)) else None


#: a drug started right before its name: "was prescribed X", "began taking X"
_STARTED_BEFORE = re.compile(r"(?:\b(?:was|were|been)\s+(?:then\s+)?(?:prescribed|started\s+on|"
                             r"given|commenced\s+on|switched\s+to|initiated\s+on)|"
                             r"\b(?:began|begun|started)\s+(?:taking|using|on))\s+"
                             r"(?:(?:a|an|the|oral|intravenous|[\d.]+|mg\S*|daily)\s+){0,4}$", re.I)
#: ... or after it: "levothyroxine was started", "X was added"
_STARTED_AFTER = re.compile(r"\s+(?:\([^()]{0,30}\)\s+)?(?:was|were)\s+(?:then\s+)?(?:started|"
                            r"initiated|added|commenced|begun|introduced|prescribed)\b", re.I)
#: ... and one kept: "while amiodarone was continued"
_CONTINUED_AFTER = re.compile(r"\s+(?:was|were)\s+(?:\w+\s+)?(?:continued|maintained)\b", re.I)
#: a drug the patient was already taking: "a 71-year-old man on warfarin", "while taking X"
_TAKEN_ALREADY = re.compile(rf"\b(?:{lex.PERSON}|man|woman|boy|girl)\s+(?:[\w-]+\s+){{0,2}}?"
                            r"(?:on|taking|receiving|treated\s+with)\s+(?:long-term\s+|chronic\s+|"
                            r"maintenance\s+)?$|\b(?:while|already)\s+(?:on|taking|receiving)\s+$",
                            re.I)


#: the comparison group of a disease-group comparison: controls, healthy people, or those
#: without the disease ("than controls", "compared with healthy volunteers", "than those
#: without Y", "vs. HCs")
_CONTROL_GROUP = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|relative\s+to)\s+"
                            r"(?:(?:in|with|to|the|those|that\s+of|[\w-]+)\s+){0,4}?"
                            r"(?:(?:healthy|normal)\b|controls?\b|HCs?\b|without\b)", re.I)
_GROUP_WITH = re.compile(rf"\b{lex.PERSON}\s+with\s+(?:\S+\s+){{0,2}}$", re.I)
_GROUP_NOUN = re.compile(rf"^\s*{lex.PERSON}\b", re.I)


def disease_group_comparison(sent: Span, ents: list[Span]) -> bool:
    """"Patients with Y had higher Z than controls", "Z was lower in Y patients than in healthy
    subjects": a sentence that compares a group defined by a disease with controls or with
    those without it reports what goes with the disease.  As for a genetic variant
    (:data:`_VARIANT`), a drug given to the study's patients did not do it (only asked when
    no drug is named in the sentence)."""
    if not _CONTROL_GROUP.search(sent.text):
        return False
    doc = sent.doc
    for e in ents:
        if e.label_ not in ("CONDITION", "PHENOTYPE") or not sent.start <= e.start < sent.end:
            continue
        before = doc.text[sent.start_char:e.start_char]
        after = doc.text[e.end_char:sent.end_char]
        if _GROUP_WITH.search(before) or _GROUP_NOUN.match(after):
            return True
    return False


def acted_on_by_drug(doc, ent: Span, drugs: list[Span]) -> bool:
    """Is ``ent`` the object of a verb whose subject is another drug of ``drugs``: "METH
    depleted DA", "X inhibited the Y"?  (The pipeline has no tagger: the verb is one lower-case
    word in "-ed" right after the other drug, a determiner may follow it.)"""
    k = ent.start - 1
    if k >= 0 and doc[k].lower_ in ("the", "a", "an"):
        k -= 1
    if k < 1 or not (doc[k].is_lower and doc[k].is_alpha and doc[k].text.endswith("ed")):
        return False
    return any(d is not ent and d.end == k for d in drugs)


# "Greater baseline cerebrovascular risk was significantly associated with less improvement in
# Y", "Neither A nor B predicted outcome": a patient characteristic is what the change goes with
# (a copula before "associated": "This procedure, associated with local care using X, was
# followed by ..." is an apposition, not the finding)
_PREDICTOR = re.compile(r"^(?P<subject>.*?)\b(?:(?:was|were|is|are)\s+(?:\w+ly\s+)?"
                        r"(?:associated|correlated|linked)\s+with|predict(?:ed|s)?|"
                        r"predictors?\s+of|predictive\s+of)\b", re.I | re.S)
#: words that make the subject of the association the treatment itself ("Treatment was
#: associated with lower Y", "its use predicted ...")
_TREATMENT_SUBJECT = re.compile(r"\b(treat\w*|therap\w*|interventions?|use|usage|administration|"
                                r"exposure|supplementation|dos(?:e|es|ing)|regimens?|drugs?|"
                                r"medications?|randomi[sz]\w*|allocation|arms?|groups?)\b", re.I)


def predictor_finding(before: str) -> bool:
    """Does a change come after "<characteristic> was associated with / predicted", text
    ``before`` it in its sentence?  It is then a predictor's, not a drug's, when no drug is
    named (the subject is no treatment word)."""
    m = _PREDICTOR.search(before)
    return m is not None and bool(m.group("subject").strip()) and \
        not _TREATMENT_SUBJECT.search(m.group("subject"))


def combination_head(doc, drug: Span, drugs: list[Span]) -> Span:
    """"bupivacaine-fentanyl combination", "amoxicillin/clavulanate": a drug glued to the one
    before it is the second part of one regimen, which is named (and credited) by its first."""
    while True:
        glue = drug.start - 1
        head = next((e for e in drugs if e.end == glue and e is not drug), None)
        if head is None or doc[glue].text not in ("-", "/", "–") or doc[glue].whitespace_ or \
                doc[glue - 1].whitespace_:
            return drug
        drug = head


def _between_arm(doc, ent: Span) -> bool:
    """Is ``ent`` the first arm of "between A and B" ("between IC (SAR 4784) and MEM")?"""
    return any(t.lower_ == "between" for t in doc[max(ent.sent.start, ent.start - 2):ent.start])


#: an arm named by the route its drug is given by: "the intravenous group", "the oral arm"
_ROUTE_ARM = re.compile(r"\b([\w-]+)\s+(?:group|arm|cohort)s?\b", re.I)


def route_arm(sent: Span, i: int) -> Span | None:
    """The drug of an arm the sentence names by a route ("Ferritin rose more in the intravenous
    group"): the one drug the document gives by that route ("intravenous iron sucrose versus
    oral ferrous sulfate"), named before this sentence.  ``None`` when no arm is named so, or
    when the route is not that of exactly one drug."""
    doc = sent.doc
    routes = [(m, m.group(1).lower()) for m in _ROUTE_ARM.finditer(sent.text)
              if m.group(1).lower() in ROUTE_WORDS]
    if not routes:
        return None
    at = doc[i].idx - sent.start_char if sent.start <= i < sent.end else 0
    _, route = min(routes, key=lambda r: abs(r[0].start() - at))
    given: dict[str, Span] = {}
    for e in doc.ents:
        if e.label_ not in DRUG_LABELS or e.start >= sent.start:
            continue
        words = [t.lower_ for t in doc[max(0, e.start - 1):e.start]] + [e[0].lower_]
        if route in words:
            given.setdefault(concept_of(e).key, e)
    return next(iter(given.values())) if len(given) == 1 else None
