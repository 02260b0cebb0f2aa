"""Scope of a claim: which sentences, entities and interventions a finding may be read from.

Split from :mod:`litkg.extract.claims` (which calls these helpers); what sections say
(background, methods, declarations, references) is in :mod:`litkg.extract.sections`.
Without a trained parser the rules read token windows around typed entities; each is a
general pattern of how scientific and clinical prose is written, never wording of one
document:

- the *main intervention* of a document is the drug its title names (the title states what
  was studied), else the most frequent drug of the opening text, when named twice;
- an entity that describes *who* was studied ("children with Y", "siblings who had a
  mutation in G") or *what caused* another condition ("Y-related Z", "Z secondary to Y") is
  not an outcome;
- a change of a drug given together with the study drug ("receiving A, B and X") is credited
  to the study drug X, as an add-on design reports X's effect;
- "neither A nor B had an effect on Y" states the null finding of each arm;
- "the Y agonist X" / "X, a Y inhibitor" states X's mechanism on Y;
- a procedure becomes an outcome when its risk, rate or need is counted ("surgery risk");
- "Y despite X" is a treatment failure and "Y developed again when X was stopped" a relapse:
  neither is a harm of X (a recurrence on rechallenge still is);
- an intervention not given ("X was ruled out"), a change of a dose ("the dose was
  increased"), a purpose ("tried to lower Y"), a bare state with no link to a drug ("Y was
  within normal limits"), an agent ("Y prolongs the healing") and the same substance given
  and measured are not outcomes of a drug; a rise in the *risk* of a condition is a harm;
- an anaphoric or elided subject ("It was used in Y", "This molecule ...", "Reserved for Y")
  stands for the drug of the preceding sentences; care that only accompanies the
  intervention ("along with local care using X") is not credited; a word for treatment in
  general ("therapeutic", "drug therapy") is no intervention;
- a treatment cue belongs to the entity it is attached to ("X therapy", "recommended for Y,
  ... Z": Y's, not Z's);
- an object that names a reason ("because of Y") or the subgroups an effect was compared
  across ("did not differ by BMI") is no outcome; a condition more frequent under a drug is
  its harm;
- the comparator arm ("placebo", "usual care", the second arm of "than / versus X") is not the
  study's intervention; "X plus placebo" (a double-dummy arm) is no comparator.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.claims_direction import GENERIC_COMPARATOR
from litkg.extract.context import cues

DRUG_LABELS = {"DRUG"}

# --------------------------------------------------------------------------------------------
# document level


# "lower with X than with Y", "X versus Y", "compared with those on Y": Y is the comparison arm
_SECOND_ARM = re.compile(r"\b(than|versus|vs\.?|compared (with|to)|relative to|"
                         r"in comparison (with|to)|(superior|inferior|non-?inferior|equivalent) to)"
                         r"(\s+(with|those|patients|subjects|participants|the|a|an|on|receiving|taking|"
                         r"given|group|arm|in|treated|"
                         # a route, form or dose of the drug: "compared to hyperbaric X",
                         # "than intravenous X", "versus low-dose X", "vs. 0.5% X"
                         r"[a-z]+(?:al|ic|ous|ive|ary)|[a-z]+-(?:dose|release|acting)|"
                         r"\d+(?:\.\d+)?\s*(?:%|mg|µg|μg|g)))*\s*$", re.I)


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


def in_aside(doc: Doc, start: int, i: int) -> bool:
    """Is token ``i`` inside a parenthesis opened at or after token ``start``?"""
    depth = 0
    for t in doc[start:i]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def second_arm(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` the second arm of a comparison, the one the reported effect is measured
    against?  A change then belongs to the other, first-named intervention."""
    return bool(_SECOND_ARM.search(doc[max(0, ent.start - 6):ent.start].text))


def restatement(doc: Doc, ent: Span, ents: list[Span]) -> bool:
    """Is ``ent`` a parenthesised restatement of the entity just before it ("Crohn's disease
    (CD)", "methotrexate (MTX)")?  The long form carries the claims; pairing the short form as
    well would make a second, partly wrong claim (the short form also sits outside the long
    form's clause)."""
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
        return False
    return any(e.end == ent.start - 1 and e.label_ == ent.label_ for e in ents)


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
    drugs = [e for e in drugs if not usage_measured(e, drugs)]
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
    # among title drugs, the one the text itself mentions most is the one studied
    counts = Counter(key(e) for e in (drugs if named else pool) if key(e) in {key(p) for p in pool})
    best = counts.most_common(1)[0][0]
    return next(e for e in pool if key(e) == best)


# --------------------------------------------------------------------------------------------
# entity roles


#: words for people studied, as a regex group
PERSON = (r"(patients?|subjects?|participants?|individuals?|people|persons?|men|women|man|woman|"
           r"children|child|infants?|neonates?|adolescents?|adults?|boys?|girls?|siblings?|"
           r"sisters?|brothers?|twins?|recipients?|users?|cases?|volunteers?)")
# "children with Y", "siblings who had a mutation in G": up to six words of a stative relative
# clause; a verb or change word ends it ("patients with diabetes had a fall in HbA1c": HbA1c
# is the finding), as does a clause with a change verb ("in whom lesions improved")
_NP_WORD = (r"(?!(?:had|has|have|was|were|is|are|showed?|developed|received|treated|after|during|"
            r"when|while|then|decreas|increas|improv|reduc|normali[sz]|respond|fell|rose|declin)"
            r"\w*\b)[^\s,;:()]+")
_POPULATION = re.compile(rf"\b{PERSON}\s+(with|having|suffering from|who (had|have|has|carry|"
                         rf"carried|harbou?r(ed)?)|whose)\b(\s+{_NP_WORD}){{0,6}}\s*$", re.I)
#: a word for the people studied ("patients", "children", "cohort")
POPULATION_NOUN = re.compile(rf"^{PERSON}$|^(population|populations|cohorts?)$", re.I)


def names_population(doc: Doc, sent: Span, ent: Span) -> bool:
    """'psoriasis patients', 'children with asthma', 'siblings who had mutations in the
    CFTR gene': the entity says who was studied, not what changed."""
    nxt = doc[ent.end].text if ent.end < sent.end else ""
    before = doc[max(sent.start, ent.start - 9):ent.start].text
    return bool(POPULATION_NOUN.match(nxt) or _POPULATION.search(before))


# "failureassociated": a PDF line-break hyphen the normaliser joined is still a compound
_CAUSE_AFTER = re.compile(r"^\s*-?\s*[a-z]*?(related|associated|induced|mediated|dependent|driven)\b",
                          re.I)
# "due to activation of Y", "secondary to untreated Y", "the natriuretic effect of Y"
_CAUSE_BEFORE = re.compile(r"\b((secondary|due|owing|attributable) to|caused by)(\s+[\w-]+){0,3}\s*$|"
                           r"\b(effects?|actions?|role) of\s*$", re.I)


def names_cause(doc: Doc, sent: Span, ent: Span) -> bool:
    """'diabetes-related gastroparesis', 'hyponatremia secondary to heart failure':
    the entity is the cause of another condition, not the thing that changed."""
    after = doc.text[ent.end_char:min(sent.end_char, ent.end_char + 30)]
    before = doc[max(sent.start, ent.start - 5):ent.start].text
    return bool(_CAUSE_AFTER.match(after) or _CAUSE_BEFORE.search(before))


_GENERIC_HEAD = re.compile(r"^((this|the|that|extensive|severe|mild|advanced|limited|such|"
                           r"underlying|primary|rare)\s+)*(disease|disorder|condition|illness|"
                           r"syndrome|pathology)s?$", re.I)


def generic_condition(ent: Span) -> bool:
    """'extensive disease', 'this condition': an anaphor, not a named condition."""
    return bool(_GENERIC_HEAD.match(ent.text.strip()))


_RISK_NOUN = {"risk", "risks", "rate", "rates", "incidence", "need", "requirement"}


def counted_procedure(doc: Doc, sent: Span, ent: Span) -> bool:
    """'transplantation risk', 'the need for ventilation', 'rate of surgery': a procedure
    counted as an event is an outcome of the drug."""
    nxt = doc[ent.end].lower_ if ent.end < sent.end else ""
    before = [t.lower_ for t in doc[max(sent.start, ent.start - 2):ent.start]]
    return nxt in _RISK_NOUN or (len(before) == 2 and before[0] in _RISK_NOUN
                                 and before[1] in ("of", "for"))


# --------------------------------------------------------------------------------------------
# attribution


# a state: where a value lies, not how it moved
_STATE = re.compile(r"\bwithin (the )?normal|\bin the normal range|\b(upper|lower) limits? of (the )?"
                    r"normal|\b(was|were) normal\b", re.I)
# words of change, time or comparison: with one of them a state is a finding ("remained
# normal", "after 6 months", "similar in both groups")
_STATE_ONLY_CHANGE = re.compile(r"chang|effect|differ|remain|sustain|stable|maintain|persist|"
                                r"still|continu|longer|improv|recover|respon|after|during|"
                                r"following|since|achiev|reach|similar|compar|both|group|arm|"
                                r"between|versus|\bvs\b|than|placebo|control|alter|reduc|"
                                r"decreas|increas|lower|higher|signific|affect", re.I)


def state_without_link(sent: Span, drug: Span) -> bool:
    """'Y levels were within normal limits' with no intervention in the sentence and no word of
    change, time or comparison: a description of the patient, not an unchanged outcome."""
    return not (sent.start <= drug.start < sent.end) and bool(_STATE.search(sent.text)) and \
        not _STATE_ONLY_CHANGE.search(sent.text)


_OBJECT_START = {"the", "a", "an", "its", "their", "his", "her", "both"}
# words that follow an intransitive change verb ("Y increases during ...", "Y falls to ...")
_NOT_OBJECT = {"in", "to", "by", "with", "from", "after", "before", "during", "over", "at", "on",
               "for", "of", "than", "and", "or", "but", "when", "while", "as", "within", "until",
               "under", "into", "following", "despite", "again", "further", "thereafter", "more",
               "less", "up", "down", "back"}
# a nominalised process that heads a bare object noun phrase ("bone healing", "gut absorption")
_PROCESS_SUFFIX = ("ing", "tion", "sion", "ment", "sis", "ance", "ence")


def agent_of_verb(doc: Doc, obj: Span, cue_i: int) -> bool:
    """'Sustained Y prolongs the healing process', 'Y prolongs bone healing': Y is the subject
    of a transitive change verb that has its own object (a determiner, an entity or a bare
    'noun process' phrase), so Y is the agent and not what changed."""
    if cue_i < obj.end or cue_i + 1 >= len(doc) or cue_i - obj.end > 3:
        return False
    verb = doc[cue_i].lower_
    if not verb.endswith("s") or verb.endswith("ss"):
        return False
    nxt = doc[cue_i + 1]
    if nxt.lower_ in _OBJECT_START or any(e.start == nxt.i for e in doc.ents):
        return True
    return nxt.is_alpha and nxt.lower_ not in _NOT_OBJECT and not nxt.lower_.endswith("ly") and \
        cue_i + 2 < len(doc) and doc[cue_i + 2].lower_.endswith(_PROCESS_SUFFIX)


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


# --------------------------------------------------------------------------------------------
# adverse-effect scope


_CONCESSIVE = re.compile(r"\b(despite|in spite of|notwithstanding)(\s+\S+){0,2}\s*$", re.I)
_RECHALLENGE = re.compile(r"\b(rechalleng\w*|re-?introduc\w*|re-?exposure|restart\w*|resum\w*|"
                          r"re-?administ\w*)", re.I)
_RELAPSE = re.compile(r"\b(again|recurred|recurrence|relapsed|returned|reappeared|re-?emerged)\b",
                      re.I)


def not_a_harm(doc: Doc, sent: Span, drug: Span, cond: Span) -> bool:
    """'Y developed despite X therapy' (treatment failure) and 'when X was stopped, Y developed
    again' (relapse of the treated disease): the drug did not cause Y."""
    if _CONCESSIVE.search(doc[max(sent.start, drug.start - 4):drug.start].text):
        return True
    # ... but a recurrence on re-exposure is the classic proof of a harm
    return bool(lex.STOPPED.search(sent.text) and _RELAPSE.search(sent.text)
                and not _RECHALLENGE.search(sent.text))


# "normoglycemia", "euthyroidism": the normal state a therapy aims at, not a disease that can
# rise or fall (its analyte is the outcome: "serum glucose was normal")
_NORMAL_STATE = re.compile(r"^(normo|eu)[a-z]{5,}$", re.I)


def not_an_outcome(doc: Doc, sent: Span, ent: Span) -> bool:
    """The entity names the population, a cause, an anaphoric 'disease' or a normal state."""
    return names_population(doc, sent, ent) or names_cause(doc, sent, ent) or \
        generic_condition(ent) or (ent.label_ in ("CONDITION", "PHENOTYPE")
                                   and bool(_NORMAL_STATE.match(ent.text)))


def same_concept(a, b) -> bool:
    """Two claim concepts are one substance ('oral magnesium' given, 'serum Mg' measured)."""
    return a.key == b.key or (a.id is not None and a.id == b.id) or \
        a.label.lower() == b.label.lower()


# (mass and international units only: a volume or a molar amount may be a measured output)
_BARE_AMOUNT = re.compile(r"^(mg|g|µg|μg|ug|mcg|IU|units?)$")


def dose_amount(unit: str | None) -> bool:
    """'cholecalciferol (800 IU)', 'magnesium 2 g': an amount without a per-volume or per-time
    denominator is a dose given, not a level measured."""
    return bool(unit and _BARE_AMOUNT.match(unit.strip()))


def risk_change(doc: Doc, sent: Span, cue_i: int) -> bool:
    """'Y (7-fold increased risk with X)': the change is in the risk of the condition, so a
    rise is a harm of the drug and not a level that went up.  A risk *of* something else
    ('Y was associated with an increased risk of Z') makes Y a risk factor, not a harm."""
    for t in doc[cue_i + 1:min(sent.end, cue_i + 3)]:
        if t.lower_ in ("risk", "risks", "incidence", "odds", "hazard"):
            return not (t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("of", "for"))
    return False


def more_frequent(doc: Doc, sent: Span, obj: Span) -> bool:
    """'Y was more frequent with X', 'a more common Y': a condition that became more frequent
    under a drug is its harm, not a level that went up."""
    near = doc[max(sent.start, obj.start - 3):obj.start].text + " " + \
        doc[obj.end:min(sent.end, obj.end + 4)].text
    return any(w in lex.FREQUENCY_WORDS for w in near.lower().split())


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


_MEANS = {"surgical", "operative", "surgery", "postoperative", "post-operative"}


#: "resolved in months with local care": a means named after the change, in its own words
_WITH_MEANS = re.compile(r"^[^.;,]{0,25}?\bwith\s+(\w+\s+)?(care|surgery|debridement|dressings?|"
                         r"physiotherapy|rest|hydration|fluids|supportive)\b", re.I)


def other_means(doc: Doc, cue_i: int, drug: Span) -> bool:
    """'surgical cure of Y', 'resolved with local care': the change names its own means, so a
    drug found in another sentence is not credited with it."""
    if drug.label_ not in DRUG_LABELS:
        return False
    if cue_i > 0 and doc[cue_i - 1].lower_ in _MEANS:
        return True
    sent = doc[cue_i].sent if doc.has_annotation("SENT_START") else doc[cue_i:]
    return not (sent.start <= drug.start < sent.end) and \
        bool(_WITH_MEANS.match(doc.text[doc[cue_i].idx + len(doc[cue_i].text):sent.end_char]))


_CONCOMITANT = re.compile(r"\b(along with|together with|in addition to|as well as|plus|adjunctive|"
                          r"(local|supportive|standard|usual|wound) care)\b[^,;:()]*$", re.I)


def concomitant(doc: Doc, sent: Span, drug: Span) -> bool:
    """'..., associated with local care using X', 'along with X': X accompanies the
    intervention whose effect is reported; it is not that intervention."""
    return bool(_CONCOMITANT.search(doc[max(sent.start, drug.start - 6):drug.start].text))


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


def not_credited(sent: Span, obj: Span, drug: Span, cue: tuple[int, str] | None,
                 direction: str | None, generic: bool, concept: Callable) -> bool:
    """Reasons a change of ``obj`` is not the outcome of ``drug`` (the chosen intervention):
    the drug is the object itself or the same substance ('oral magnesium' and 'serum Mg');
    the change has another means ('surgical cure'); present-tense background credits no drug
    of another sentence; a bare state needs a link (see :func:`state_without_link`); and a
    drug not given ('X was ruled out due to the increase in Y') changes nothing, though a
    null finding of a negated arm ('neither X nor Y had an effect') stands; a drug in both the
    combination and the monotherapy compared is not the difference's cause."""
    inside = sent.start <= drug.start < sent.end
    return drug.start == obj.start or same_concept(concept(drug), concept(obj)) or \
        bool(cue and other_means(sent.doc, cue[0], drug)) or (generic and not inside) or \
        (direction == "unchanged" and state_without_link(sent, drug)) or \
        (direction != "unchanged" and not_given(drug)) or base_of_combination(sent, drug) or \
        bool(cue and recurred_despite(sent, drug, cue[0]))


_CONTRAST = {"but", "yet", "however", "nevertheless", "although", "though"}
_RECURRED = re.compile(r"^(recurr|relaps|persist|return|reappear|re-?emerg|re-?occur)", re.I)


def recurred_despite(sent: Span, drug: Span, cue_i: int) -> bool:
    """"He received X, but Y recurred", "despite X, Y persisted": a finding that came back or
    stayed in spite of a drug (a treatment failure) is not that drug's worsening of it."""
    doc = sent.doc
    if not _RECURRED.match(doc[cue_i].lower_) or not (sent.start <= drug.start < sent.end):
        return False
    if _CONCESSIVE.search(doc[max(sent.start, drug.start - 4):drug.start].text):
        return True
    return drug.end <= cue_i and bool(_CONTRAST & {t.lower_ for t in doc[drug.end:cue_i]})


def not_given(drug: Span) -> bool:
    """'X was ruled out', 'X was not given': a negation cue *after* the intervention (a NegEx
    post-cue) says it was not administered.  A contrast ("increased with Y but not with X") is
    a pre-cue and stays a finding about X."""
    return any(c.kind == "negation" and c.start >= drug.end and c.covers(drug.start)
               for c in cues(drug.doc))


# --------------------------------------------------------------------------------------------
# sentences that are not prose


# "Keywords: cinacalcet; calciphylaxis" and "Abbreviations: PTH, parathyroid hormone" list
# names, they do not state anything about them
_NAME_LIST = re.compile(r"^\W*(key ?words?|index terms|abbreviations|mesh terms)\s*[:.\-]", re.I)


def name_list(sent: Span) -> bool:
    """Is the sentence a keyword or abbreviation list?"""
    return bool(_NAME_LIST.match(sent.text))


def table_like(sent: Span) -> bool:
    """Rows of a table flattened into text: mostly numbers, no verbs to read a claim from."""
    run = 0
    for t in sent:
        if t.is_space:
            continue
        run = run + 1 if t.like_num else 0
        if run >= 3:  # "7.9 2.7 1335 503": prose never lists bare numbers in a row
            return True
    return False


def in_table(sent: Span, document, offset: Callable[[int], int | None]) -> bool:
    """Sentences inside a recognised table belong to litkg.extract.tables."""
    start = offset(sent.start_char)
    return start is not None and any(
        t.start is not None and t.end is not None and t.start <= start < t.end
        for t in document.tables)


_GENERIC_INTERVENTION = re.compile(r"^(drug |medical |combination |combined )?(therap(y|ies|eutic|"
                                   r"eutics)|treatments?|medications?|drugs?|pharmacotherapy)$",
                                   re.I)


def generic_intervention(ent: Span) -> bool:
    """'therapeutic option', 'drug therapy': a word for treatment in general names no
    intervention a claim could be about (the drug it refers to is named elsewhere)."""
    return ent.label_ in ("DRUG", "PROCEDURE") and bool(
        _GENERIC_INTERVENTION.match(ent.text.strip()) or
        _GENERIC_INTERVENTION.match((ent._.concept_label or "").strip()))
