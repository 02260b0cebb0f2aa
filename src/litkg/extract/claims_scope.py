"""Scope of a claim: which sentences, entities and interventions a finding may be read from.

Split from :mod:`litkg.extract.claims` (which calls these helpers); what sections say
(background, methods, declarations, references) is in :mod:`litkg.extract.sections`.
Without a trained parser the rules read token windows around typed entities; each is a
general pattern of how scientific and clinical prose is written, never wording of one
document:

- an entity that describes *who* was studied ("children with Y", "siblings who had a
  mutation in G") or *what caused* another condition ("Y-related Z", "Z secondary to Y") is
  not an outcome;
- "the Y agonist X" / "X, a Y inhibitor" states X's mechanism on Y;
- a procedure becomes an outcome when its risk, rate or need is counted ("surgery risk");
- "Y despite X" is a treatment failure and "Y developed again when X was stopped" a relapse:
  neither is a harm of X (a recurrence on rechallenge still is);
- an intervention not given ("X was ruled out"), a change of a dose ("the dose was
  increased"), a purpose ("tried to lower Y"), a bare state with no link to a drug ("Y was
  within normal limits"), an agent ("Y prolongs the healing") and the same substance given
  and measured are not outcomes of a drug; a rise in the *risk* of a condition is a harm;
- a treatment cue belongs to the entity it is attached to ("X therapy", "recommended for Y,
  ... Z": Y's, not Z's);
- an object that names a reason ("because of Y") or the subgroups an effect was compared
  across ("did not differ by BMI") is no outcome; a condition more frequent under a drug is
  its harm.

Which intervention a finding is credited to (main drug, arms, accompanying drugs) is in
:mod:`litkg.extract.claims_interventions`.
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.claims_interventions import DRUG_LABELS, base_of_combination
from litkg.extract.context import cues


def in_aside(doc: Doc, start: int, i: int) -> bool:
    """Is token ``i`` inside a parenthesis opened at or after token ``start``?"""
    depth = 0
    for t in doc[start:i]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def restatement(doc: Doc, ent: Span, ents: list[Span]) -> bool:
    """Is ``ent`` a parenthesised restatement of the entity just before it ("Crohn's disease
    (CD)", "methotrexate (MTX)")?  The long form carries the claims; pairing the short form as
    well would make a second, partly wrong claim (the short form also sits outside the long
    form's clause)."""
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
        return False
    return any(e.end == ent.start - 1 and e.label_ == ent.label_ for e in ents)


# --------------------------------------------------------------------------------------------
# entity roles


#: words for people studied, as a regex group
PERSON = lex.PERSON
# "children with Y", "siblings who had a mutation in G": up to six words of a stative relative
# clause; a verb or change word ends it ("patients with diabetes had a fall in HbA1c": HbA1c
# is the finding), as does a clause with a change verb ("in whom lesions improved")
_NP_WORD = (r"(?!(?:had|has|have|was|were|is|are|showed?|developed|received|treated|after|during|"
            r"when|while|then|decreas|increas|improv|reduc|normali[sz]|respond|fell|rose|declin)"
            r"\w*\b)[^\s,;:()]+")
_POPULATION = re.compile(rf"\b(?:{PERSON}|{lex.STUDY_ANIMAL})\s+(with|without|having|suffering from|who (had|have|has|carry|"
                         rf"carried|harbou?r(ed)?)|whose)\b(\s+{_NP_WORD}){{0,6}}\s*$", re.I)
#: a word for the people studied ("patients", "children", "cohort")
POPULATION_NOUN = re.compile(rf"^{PERSON}$|^{lex.STUDY_ANIMAL}$|^(population|populations|cohorts?)$",
                             re.I)


def names_population(doc: Doc, sent: Span, ent: Span) -> bool:
    """'psoriasis patients', 'children with (or without) asthma', 'siblings who had mutations
    in the CFTR gene': the entity says who was studied, not what changed."""
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


# --------------------------------------------------------------------------------------------
# adverse-effect scope


_CONCESSIVE = re.compile(r"\b(despite|in spite of|notwithstanding)(\s+\S+){0,4}\s*$", re.I)
#: "despite the low dosage of X", "despite therapeutic levels of X": the concession is about how
#: much X was given, so the harm that follows is still X's
_DOSE_CONCEDED = re.compile(r"\b(low|small|usual|normal|therapeutic|standard|recommended|"
                            r"reduced|modest)\s+(\w+\s+)?(doses?|dosages?|dosing|levels?|"
                            r"concentrations?|amounts?)\b", re.I)
_RECHALLENGE = re.compile(r"\b(rechalleng\w*|re-?introduc\w*|re-?exposure|restart\w*|resum\w*|"
                          r"re-?administ\w*)", re.I)
_RELAPSE = re.compile(r"\b(again|recurred|recurrence|relapsed|returned|reappeared|re-?emerged)\b",
                      re.I)


def not_a_harm(doc: Doc, sent: Span, drug: Span, cond: Span) -> bool:
    """'Y developed despite X therapy' (treatment failure) and 'when X was stopped, Y developed
    again' (relapse of the treated disease): the drug did not cause Y."""
    concession = _CONCESSIVE.search(doc[max(sent.start, drug.start - 6):drug.start].text)
    if concession and not _DOSE_CONCEDED.search(concession.group(0)):
        return True
    if cond.end <= drug.start and _TREATED_WITH.search(doc.text[cond.end_char:drug.start_char]):
        return True  # "she developed Y, which was treated with X": X was the remedy
    # ... but a recurrence on re-exposure is the classic proof of a harm
    return bool(lex.STOPPED.search(sent.text) and _RELAPSE.search(sent.text)
                and not _RECHALLENGE.search(sent.text))


#: what lies between a finding and the drug given for it: "Y, which was treated with X", "Y
#: and was managed with X", "Y, for which X was started" (nothing but the verb and its helpers)
_TREATED_WITH = re.compile(r"^\s*,?\s*(?:which|that|and)\s+(?:was|were|has been|had been|"
                           r"resolved|responded)?\s*(?:successfully\s+|promptly\s+)?"
                           r"(?:treated|managed|controlled|resolved|responded)\s+(?:with|to|"
                           r"after)\s+(?:\S+\s+){0,3}$|^\s*,?\s*for\s+which\s+(?:\S+\s+){0,3}$",
                           re.I)


# "normoglycemia", "euthyroidism": the normal state a therapy aims at, not a disease that can
# rise or fall (its analyte is the outcome: "serum glucose was normal")
_NORMAL_STATE = re.compile(r"^(normo|eu)[a-z]{5,}$", re.I)


def not_an_outcome(doc: Doc, sent: Span, ent: Span) -> bool:
    """The entity names the population, a cause, an anaphoric 'disease', a normal state or the
    kind of a threshold ("lowered the seizure threshold": the threshold fell, which makes
    seizures likelier, the opposite of what a fall of "seizure" would say)."""
    return names_population(doc, sent, ent) or names_cause(doc, sent, ent) or \
        generic_condition(ent) or (ent.label_ in ("CONDITION", "PHENOTYPE")
                                   and bool(_NORMAL_STATE.match(ent.text))) or \
        (ent.end < sent.end and doc[ent.end].lower_ in ("threshold", "thresholds"))


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
    # ("Nausea and diarrhoea were more frequent with X": past the rest of a list of findings)
    end = obj.end
    while end < sent.end and (doc[end].lower_ in (",", "and", "or") or doc[end].ent_type_):
        end += 1
    near = doc[max(sent.start, obj.start - 3):obj.start].text + " " + \
        doc[obj.end:min(sent.end, end + 4)].text
    if any(w in lex.FREQUENCY_WORDS for w in near.lower().split()):
        return True
    # "the prevalence of Y was 16% compared with 0% in controls": how often Y occurred rose
    before = [t.lower_ for t in doc[max(sent.start, obj.start - 3):obj.start]]
    return "of" in before and any(w in _HOW_OFTEN for w in before[:before.index("of")])


#: nouns of how often something occurs: "the incidence of Y", "the prevalence of Y"
_HOW_OFTEN = frozenset({"incidence", "incidences", "prevalence", "frequency", "frequencies",
                        "occurrence", "rate", "rates", "proportion", "number"})


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
        bool(cue and recurred_despite(sent, drug, cue[0])) or \
        bool(cue and changed_before(sent, drug, cue[0]))


#: "After Y resolved, ...", "Once Y had normalised, ...": a clause opening the sentence on a
#: time before its main clause
_BEFORE_CLAUSE = re.compile(r"^\W*(after|once|when|as soon as)\b[^,;:]*$", re.I)


def changed_before(sent: Span, drug: Span, cue_i: int) -> bool:
    """"After the hepatitis resolved, she was started on X": the change (at ``cue_i``) is told
    in an opening time clause and the drug only in the main clause after it, so the change came
    first and is not the drug's."""
    doc = sent.doc
    comma = next((t.i for t in doc[cue_i:drug.start] if t.text == ","), None)
    return comma is not None and drug.start > comma and \
        bool(_BEFORE_CLAUSE.match(doc[sent.start:comma].text))


_CONTRAST = {"but", "yet", "however", "nevertheless", "although", "though"}
_NO_CHANGE = {"no", "not", "without", "never", "neither", "nor", "none", "failed"}
_RECURRED = re.compile(r"^(recurr|relaps|persist|return|reappear|re-?emerg|re-?occur)", re.I)


def recurred_despite(sent: Span, drug: Span, cue_i: int) -> bool:
    """"He received X, but Y recurred", "despite X, Y persisted": a finding that came back or
    stayed in spite of a drug (a treatment failure) is not that drug's worsening of it."""
    doc = sent.doc
    if not (sent.start <= drug.start < sent.end):
        return False
    # "... despite X, and Y levels were still elevated": what follows a concession to X is
    # what X failed to change, whatever the change word ("despite X, there was no recovery
    # of Y" says so itself: a null finding about X, kept)
    conceded = _CONCESSIVE.search(doc[max(sent.start, drug.start - 6):drug.start].text)
    if drug.end <= cue_i and conceded and not _NO_CHANGE & {t.lower_ for t in doc[drug.end:cue_i]}:
        return True
    if not _RECURRED.match(doc[cue_i].lower_):
        return False
    if _CONCESSIVE.search(doc[max(sent.start, drug.start - 6):drug.start].text):
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




#: a sentence that reports a harm as not seen among the patients: "No patient developed Y",
#: "Y was not observed", "there were no cases of Y", "Y did not occur"
_NOT_SEEN = re.compile(r"\b(?:no|none\s+of\s+the)\s+(?:\w+\s+)?(?:patients?|participants?|subjects?|"
                       r"children|infants|adults|women|men|animals|cases?|episodes?|events?|"
                       r"reports?)\b(?:\s+of\b|\s+(?:developed|experienced|had|showed|"
                       r"presented|suffered|required))|\b(?:was|were)\s+not\s+(?:observed|seen|"
                       r"noted|reported|found|detected)\b|\bdid\s+not\s+(?:occur|develop)\b", re.I)


def denied_events(sent: Span, ents: list[Span]) -> list[Span]:
    """The conditions ``sent`` reports as not seen among the patients (negated by the context
    component and said of the patients, :data:`_NOT_SEEN`): in a study's results, harms its
    intervention did not cause."""
    if not _NOT_SEEN.search(sent.text):
        return []
    return [e for e in ents if e.label_ in ("CONDITION", "PHENOTYPE") and e._.negated]
