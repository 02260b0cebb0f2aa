"""Direction words and the objects they govern: the cue layer of :mod:`litkg.extract.claims`.

A direction cue is a word of change ("decreased", "rose", "higher", "normalization", "more
frequent"); :func:`direction_cues` lists a sentence's cues, leaving out words that only look like
change (a word of a drug's or a finding's name: "proton pump inhibitor", "reduced ejection
fraction"; a class noun; "falls" as an event; "lower limb").  :func:`cue_for` picks the cue that
governs an object (its verb after it in the same clause, else a close word before it), and
:func:`resolve_direction` applies what turns a change into "no change": negation, "not
significant", a p-value >= 0.05, "no difference in A, B and C".
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc, Span

from litkg.extract import claims_direction
from litkg.extract import claims_lexicon as lex
from litkg.extract import claims_scope as scope
from litkg.extract.claims_interventions import is_measured
from litkg.extract.claims_relations import CONDITION_LABELS, INTERVENTION_LABELS
from litkg.extract.claims_nulls import (IN_ANY_ARM, IN_BOTH, compared_as_null,
                                        denied_change_between, drug_is_agent, more_in_one_arm,
                                        nominal_change_compared_null)
from litkg.extract.context import covering, cues
from litkg.extract.drug_classes import is_class_noun
from litkg.extract.endpoints import HEADS as ENDPOINT_HEADS
from litkg.extract.endpoints import verb_like

WINDOW = 12  # tokens between an object and its direction cue
#: comparatives that, after an object, are its predicate even before "in" ("Y was higher in X
#: users"), where a noun of change governs what follows ("an increase in Z")
PREDICATE_COMPARATIVES = frozenset({"higher", "lower", "greater", "smaller", "larger", "fewer",
                                    "longer", "shorter", "faster", "quicker", "slower"})


#: words that introduce a finding a patient had ("developed decreased appetite")
_ONSET_WORDS = frozenset({"developed", "develop", "develops", "had", "has", "have", "presented",
                          "experienced", "reported", "showed", "with", "noted"})


#: what patients undergo or receive is a procedure, not a change ("undergoing stimulation")
_UNDERGONE = frozenset({"undergoing", "underwent", "undergo", "undergoes", "undergone",
                        "receiving", "received"})


#: adverbs that sign an otherwise neutral "affected" / "influenced" / "impacted"
_SIGNED_MANNER = {"negatively": "decreased", "adversely": "decreased", "unfavourably": "decreased",
                  "unfavorably": "decreased", "positively": "increased",
                  "favourably": "increased", "favorably": "increased"}


def direction_cues(sent: Span) -> list[tuple[int, str]]:
    """(token index, direction) for every direction word of the sentence."""
    found = []
    finding_starts = {e.start for e in sent.ents if e.label_ in CONDITION_LABELS}
    # "proton pump inhibitor", "reduced-dose aspirin": a word of a drug's name is no change
    # "heart failure with reduced ejection fraction", "decreased appetite": nor of a finding's
    # "annual rate of severe exacerbations": nor a word of an endpoint's, except its head
    # ("partial healing" is the change)
    # ... and a one-word finding is a name, not a change ("depression"), unless it is a verb
    # form the recogniser mistook for one ("PTH had risen")
    in_drug_name = {i for e in sent.ents if len(e) > 1 or (
                        e.label_ in CONDITION_LABELS and not verb_like(e.text.lower()))
                    for i in range(e.start, e.end)
                    if e.label_ != "ENDPOINT" or sent.doc[i].lower_ not in ENDPOINT_HEADS}
    for tok in sent:
        low = tok.lower_
        if tok.i in in_drug_name or noun_fall(tok) or noun_block(tok) or \
                is_class_noun(tok.lower_):
            continue  # "SGLT2 inhibitors": a kind of drug, not a fall
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        if low in lex.DIRECTION_STOP or f"{low} {nxt}" in lex.DIRECTION_STOP:
            continue
        if tok.i + 1 in finding_starts and low.endswith("ed") and \
                {t.lower_ for t in tok.doc[max(sent.start, tok.i - 3):tok.i]} & _ONSET_WORDS:
            continue  # "developed decreased appetite": the participle names the finding
        if low.endswith("ion") and {t.lower_ for t in tok.doc[max(sent.start, tok.i - 2):tok.i]} \
                & _UNDERGONE:
            continue  # "patients undergoing repeated stimulation": a procedure they had
        prev = tok.nbor(-1).lower_ if tok.i > sent.start else ""
        if low == "longer" and (prev in ("no", "any") or nxt in ("-", "term")):
            continue  # "no longer detectable", "longer-term follow-up": no change of a measure
        if low in ("superior", "inferior"):
            if nxt == "to":  # "X was superior to Y" (not "the inferior vena cava")
                found.append((tok.i, "improved" if low == "superior" else "worsened"))
            continue
        if low in _SIGNED_MANNER and nxt.startswith(("affect", "influenc", "impact")):
            # "negatively affected Y", "positively influenced Y": the adverb gives the sign
            found.append((tok.i, _SIGNED_MANNER[low]))
            continue
        if low == "more" and nxt in lex.FREQUENCY_WORDS:
            found.append((tok.i, "increased"))  # "Y was more frequent with X" ("less" is a cue)
            continue
        for direction, prefixes in lex.DIRECTION_PREFIXES.items():
            if low.startswith(prefixes):
                found.append((tok.i, direction))
                break
    return lex.sized_changes(sent.doc, found)



#: a title that names what was studied, not what was found: "Effect of X on recovery after Y"
NOMINAL_TITLE = re.compile(r"\s*(the\s+)?(effects?|impact|influence|role|efficacy|"
                            r"effectiveness|safety|comparison)\s+of\b|"
                            # "Allopurinol and progression of chronic kidney disease", "X and
                            # the risk of Y": the title names a question, not its answer
                            r"[^:.;]{0,80}?\b(?:and|versus|vs\.?)\s+(?:the\s+)?(?:risk|"
                            r"progression|incidence|development|onset|course|outcomes?|"
                            r"prevention|occurrence)\s+of\b", re.I)


def noun_fall(tok) -> bool:
    """"admitted with lethargy and falls": a fall is an event here, not a decrease."""
    doc = tok.doc
    return tok.lower_ in ("falls", "fall", "drops") and tok.i > 0 and \
        doc[tok.i - 1].lower_ in ("and", "or", ",", "with", "recurrent", "multiple", "a", "the",
                                  "of", "no") and (tok.i + 1 >= len(doc) or doc[tok.i + 1].is_punct)


# "nerve block", "TAP block in transplant recipients", "block characteristics", "heart block":
# a noun naming a regional anaesthetic, its effect or a conduction disorder, not the verb of an
# inhibition ("antihistamines block the H1 receptor")
_BLOCK_KIND = {"nerve", "plane", "plexus", "motor", "sensory", "neuromuscular", "field", "heart",
               "branch", "conduction", "regional", "epidural", "spinal", "caudal", "neuraxial",
               "paravertebral", "ganglion", "atrioventricular", "sinoatrial", "sympathetic",
               "a", "the", "this", "each", "successful", "failed", "complete", "partial"}
_AFTER_BLOCK_NOUN = {"characteristics", "duration", "onset", "success", "failure", "quality",
                     "height", "level", "regression", "technique", "placement", "performance",
                     "time", "in", "for", "of", "was", "were", "is", "are", "has", "had", "with",
                     "group", "groups", "catheter", "catheters", "and", "or"}


def noun_block(tok) -> bool:
    """"block"/"blocks" used as a noun (a nerve block, its duration), not as an inhibiting
    verb."""
    if tok.lower_ not in ("block", "blocks"):
        return False
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return prev in _BLOCK_KIND or nxt is None or nxt.is_punct or nxt.lower_ in _AFTER_BLOCK_NOUN


def clause_text(sent: Span, i: int, j: int) -> str:
    """Text of the clause around tokens i..j: up to 10 tokens each way, cut at , ; : ( )."""
    doc = sent.doc
    lo, hi = min(i, j), max(i, j) + 1
    while lo > sent.start and min(i, j) - lo < 10 and doc[lo - 1].lower_ not in _BREAKS:
        lo -= 1
    while hi < sent.end and hi - max(i, j) < 10 and doc[hi].lower_ not in _BREAKS:
        hi += 1
    # the word after the clause decides whether its last word is attributive ("... in their
    # unaffected | siblings": not a null statement)
    text = doc[lo:hi].text
    return lex.mask_attributive(doc[lo:min(sent.end, hi + 1)].text)[:len(text)].lower()


def resolve_direction(doc: Doc, sent: Span, cue_i: int | None, direction: str | None,
                      obj: Span, classify: Callable[[Span, str], str | None]) -> str | None:
    """Apply negation/'not significant' to a cue's direction; may return 'unchanged'.
    ``classify(obj, direction)`` reads "improved"/"worsened" between arms as a sign."""
    anchor = cue_i if cue_i is not None else obj.start
    clause = clause_text(sent, anchor, obj.start)
    # "decreased, but not significantly": the qualifier follows the cue across a comma
    # ("... increasing Y without significant side-effects": that null is said of another noun,
    # read with the noun, which may lie past the window)
    tail = sent.doc[anchor:min(sent.end, anchor + 8)].text
    if lex.OTHER_NULL.search(sent.doc[anchor:min(sent.end, anchor + 12)].text):
        tail = lex.OTHER_NULL.split(sent.doc[anchor:min(sent.end, anchor + 12)].text)[0]
    # "a slight (although non-significant) increase": the qualifier is a parenthesis before it
    if anchor - 1 > sent.start and doc[anchor - 1].text == ")":
        tail += " " + doc[max(sent.start, anchor - 10):anchor].text.rsplit("(", 1)[-1]
    clause = lex.OTHER_NULL.sub(" ", clause)
    # "the most common AEs in both groups": a listing of frequent events, not a null finding
    clause, tail = (lex.MOST_COMMON_IN_ARMS.sub(r"\1 \2\3", t) for t in (clause, tail))
    # what follows the outcome: a contrast between the arms, its p-value, or a later "the
    # difference was not significant"
    after_obj = doc.text[obj.end_char:sent.end_char]
    if direction in ("increased", "decreased") and more_in_one_arm(sent, after_obj):
        # "Y decreased in both groups, but more decrease was seen in the X group (P<0.05)": the
        # arms differ in how much Y moved, the way it moved in both
        return direction
    if cue_i is not None and drug_is_agent(doc, sent, cue_i):
        # "Captopril lowered Y in both groups": the drug did it in each group; "in both
        # groups" nulls only a change told of the arms ("Y fell in both groups")
        clause, tail = IN_BOTH.sub(" ", clause), IN_BOTH.sub(" ", tail)
    if lex.SIGNIFICANT_NEGATED.search(clause) or lex.SIGNIFICANT_NEGATED.search(tail):
        return "unchanged"
    if direction is not None and lex.NOT_ACHIEVED.search(sent.text):
        return "unchanged"  # "normalization of Y could not be achieved"
    if direction is not None and (lex.first_p_nonsignificant(after_obj, sent.text) or
                                  lex.ANAPHORIC_NS.search(after_obj)):
        return "unchanged"
    if cue_i is not None and covering(doc, cue_i, "negation"):
        return "unchanged"
    if cue_i is not None and denied_change_between(doc, cue_i, obj):
        return "unchanged"  # "X lowered Y without affecting Z": the change is Y's, Z held
    if cue_i is None and re.search(r"\beffects? on\b", clause) and any(
            c.kind == "negation" and sent.start <= c.start < obj.start for c in cues(sent.doc)):
        return "unchanged"  # "Neither X nor Y had an effect on Z"
    if cue_i is None and _LIST_UNCHANGED.search(_CONTRAST.split(doc[sent.start:obj.start].text)[-1]):
        return "unchanged"  # "no significant difference between groups in A, B and C" (not
        # across a contrast: "no difference in A, although X significantly delayed B")
    if cue_i is None or direction is None:
        if lex.says_null(clause, alone=True) or lex.NO_NAMED_BENEFIT.search(clause):
            return "unchanged"
        if covering(doc, obj.start, "negation") and IN_ANY_ARM.search(after_obj):
            return "unchanged"  # "No severe side effects occurred in either group"
        if compared_as_null(sent, obj, after_obj):
            return "unchanged"  # "Y was comparable between the X and placebo groups"
    elif covering(doc, obj.start, "negation") and lex.says_null(clause):
        return "unchanged"
    if direction is not None and nominal_change_compared_null(doc, cue_i, obj, after_obj):
        return "unchanged"  # "the reduction in Y in the two groups was not different"
    if direction in ("improved", "worsened") and claims_direction.ARMS.search(sent.text):
        # between arms "improved" is a difference with a sign ("pain improved" = decreased)
        return classify(obj, direction)
    return direction


_BREAKS = {",", ";", ":", "(", ")", "but", "whereas", "while", "however"}
# between an object and its verb a parenthesis is usually a statistic: "Y was lower (p<0.05)"
_CUE_BREAKS = _BREAKS - {"(", ")"}




def _population_after_object(doc: Doc, cue_i: int, obj: Span) -> bool:
    """"improved walking performance in peripheral artery disease": the verb has its own object
    and the disease after "in" / "among" / "with" is the population, not what changed."""
    between = doc[cue_i + 1:obj.start]
    return obj.label_ in ("CONDITION", "PHENOTYPE") and len(between) >= 2 and \
        between[-1].lower_ in ("in", "among", "with") and between[0].lower_ not in ("in", "of")


_GERUND_PREPOSITIONS = frozenset({"without", "by", "after", "before", "while", "when", "despite",
                                  "through", "via", "in", "thereby", "thus"})


#: nouns of a disease getting worse, and the verbs that lower or stop such a course
_WORSENING_NOUNS = ("recurren", "relaps", "progression", "deteriorat", "worsening",
                    "exacerbation", "aggravation")
_LOWERING_VERBS = ("reduc", "decreas", "lower", "prevent", "delay", "slow", "inhibit", "halt",
                   "suppress", "avert", "attenuat", "minimi", "limit", "protect")
_BETWEEN_VERB_AND_NOUN = frozenset({"the", "a", "an", "its", "their", "further", "disease",
                                    "clinical", "symptomatic", "against"})


def lowered_worsening(doc: Doc, cue: tuple[int, str] | None) -> tuple[int, str] | None:
    """``cue`` with its direction turned to "improved" when it is a worsening noun that a
    lowering verb governs ("reduced the recurrence of Y", "prevents progression of Y"): Y's
    course got better, not worse."""
    if cue is None or cue[1] != "worsened" or not doc[cue[0]].lower_.startswith(_WORSENING_NOUNS):
        return cue
    i = cue[0] - 1
    while i >= 0 and cue[0] - i <= 3 and doc[i].lower_ in _BETWEEN_VERB_AND_NOUN:
        i -= 1
    if i >= 0 and cue[0] - i <= 3 and doc[i].lower_.startswith(_LOWERING_VERBS):
        return cue[0], "improved"
    return cue


#: words between a cue's subject and the cue: "the PTH concentration was then reduced"
_SUBJECT_TAIL = frozenset({"concentration", "concentrations", "level", "levels", "value", "values",
                           "dose", "doses", "count", "counts", "activity", "was", "were", "is",
                           "are", "has", "have", "had", "been", "also", "then", "further",
                           "subsequently"})
_MEASURED_LABELS = frozenset({"ANALYTE", "TARGET", "ENDPOINT", "CONDITION", "PHENOTYPE"})
_PREPOSITIONS = frozenset({"for", "of", "in", "with", "among", "from", "at", "on", "to", "by",
                           "during", "within", "without", "following", "after", "before", "under"})


def _own_subject(doc: Doc, obj: Span, i: int) -> bool:
    """Is there an entity between ``obj`` and the cue at ``i``, not coordinated with ``obj``,
    that is the cue's subject ("the isoflurane concentration was reduced")?  A drug counts
    only written as a measure: "Y with X was reduced" keeps Y's cue."""
    for e in doc.ents:
        if not (obj.end < e.start and e.end <= i):
            continue
        if {t.lower_ for t in doc[obj.end:e.start]} & {",", "and", "or", "and/or", "as"}:
            continue  # "PTH and calcium decreased", "TC (total cholesterol) and TG fell"
        if {t.lower_ for t in doc[obj.end:e.start]} & _PREPOSITIONS:
            continue  # "Survival rates for patients with CDH have increased": e is in obj's phrase
        tail = [t.lower_ for t in doc[e.end:i]]
        measured = e.label_ in _MEASURED_LABELS or is_measured(e)
        if measured and all(w in _SUBJECT_TAIL or w.endswith("ly") for w in tail):
            return True
    return False


_ATTRIBUTE_AFTER = frozenset({"with", "of", "by", "to", "from", "for"})


def _attributive(doc: Doc, i: int) -> bool:
    """Is the cue at ``i`` an adjective between a preposition and the noun it modifies ("with
    increased risk", "of reduced intensity")?"""
    return 0 < i < len(doc) - 1 and doc[i - 1].lower_ in _ATTRIBUTE_AFTER and \
        doc[i].lower_.endswith("ed") and doc[i + 1].is_alpha and \
        doc[i + 1].lower_ not in ("in", "of", "by", "with", "than", "at", "to", "and", "or")


def _names_what_changed(doc: Doc, i: int) -> bool:
    """An entity opens within four words of token ``i``: "a decrease in [serum PTH]" names what
    fell; "GSH depletion in the hippocampus" names a place, so the noun the change noun
    qualifies (right before it) fell."""
    return any(i <= e.start < i + 4 for e in doc.ents)


def cue_for(doc: Doc, obj: Span, cues: list[tuple[int, str]],
            in_list: bool = False) -> tuple[int, str] | None:
    """The direction cue governing ``obj``: a following verb in the same clause ("PTH
    decreased"), else a close preceding word ("a decrease in PTH and ALP")."""
    # a nominal cue followed by of/in governs the next noun ("normalization of serum P"); a
    # past verb does not ("glucose decreased in patients with diabetes")
    # (a comparative is a predicate: "Y was higher in X users" compares the groups it names)
    after = [c for c in cues if obj.end <= c[0] < obj.end + WINDOW
             and not _CUE_BREAKS & {t.lower_ for t in doc[obj.end:c[0]]}
             and not (c[0] + 1 < len(doc) and doc[c[0] + 1].lower_ in ("of", "in")
                      and not verb_like(doc[c[0]].lower_)
                      and doc[c[0]].lower_ not in PREDICATE_COMPARATIVES
                      and (c[0] != obj.end or not lex.CHANGE_NOUN.match(doc[c[0]].lower_)
                           or _names_what_changed(doc, c[0] + 2)))]
    # ... and a cue inside an aside opened after the object is not its verb when one follows
    # the aside ("Y (whichever was higher) was lower with X"; but "Y (3-fold increased risk)")
    after = [c for c in after if not scope.in_aside(doc, obj.end, c[0])] or after
    # "Y with X is associated with increased risk of Z": a cue after a preposition and before a
    # noun is that noun's attribute, not Y's predicate
    after = [c for c in after if not _attributive(doc, c[0])]
    # "After resection of the adenoma the PTH concentration decreased": the cue has a nearer
    # subject of its own, so the object before it is not what changed
    after = [c for c in after if not _own_subject(doc, obj, c[0])]
    # "X reduced Y without increasing Z", "... by lowering Z": a gerund after a preposition
    # opens an adverbial clause with its own object, it is not Y's verb
    after = [c for c in after if not (doc[c[0]].lower_.endswith("ing") and c[0] > obj.end
                                      and doc[c[0] - 1].lower_ in _GERUND_PREPOSITIONS)]
    relative = _relative_clause_cue(doc, obj, cues)
    if relative is not None:
        return relative  # "except for Y, which was higher in the X group"
    before = [c for c in cues if obj.start - 6 <= c[0] < obj.start
              and not _BREAKS & {t.lower_ for t in doc[c[0] + 1:obj.start]}
              and not _population_after_object(doc, c[0], obj)]
    # "reduced the risk of worsening heart failure": a participle right before the object names
    # a kind of it; the cue governing the phrase is the one before
    last = before[-1][0] if before else None
    if len(before) > 1 and last == obj.start - 1 and doc[last].lower_.endswith("ing") and \
            doc[last - 1].lower_ in ("of", "with", "the", "a", "an"):
        before = before[:-1]  # (but "limited to reducing Y risk": a verb governing Y)
    # "a decrease in local pain": a nominal cue governing this very noun phrase wins
    if before and doc[before[-1][0] + 1].lower_ in ("in", "of") and obj.start - before[-1][0] <= 4:
        return before[-1]
    # "X increased AMPK phosphorylation and suppressed SREBP": a verb after "and" shares the
    # subject of the verb before the object; it does not govern the object
    # ("reduced levels of mRNA for Y in both sexes and elevated Z": the verb before governs)
    # ("longer total sleep time and shorter sleep latency": a comparative right before the
    # object is its attribute, the one after "and" the next noun's)
    if after and before and doc[_before_auxiliaries(doc, after[0][0])].lower_ in ("and", "but") and \
            (verb_like(doc[before[-1][0]].lower_) and
             (obj.start - before[-1][0] <= 2 or verb_like(doc[after[0][0]].lower_))
             or _attribute_of(doc, before[-1][0], obj)):
        return before[-1]
    if after:
        return after[0]
    if before:
        return before[-1]
    if gapped_clause(doc, obj):
        return _gapped_cue(doc, obj, cues)
    return None if in_list else _list_cue(doc, obj, cues)


#: words between "and" and a verb that shares the subject before it: "and did not increase Z",
#: "and also lowered Z"
_VERB_OPENERS = frozenset({"did", "does", "do", "not", "n't", "also", "further", "may", "might",
                          "could", "can", "was", "were", "had", "has", "have", "significantly"})


def _before_auxiliaries(doc: Doc, i: int) -> int:
    """The token before the verb at ``i`` and the auxiliaries, negation and adverbs it opens
    with ("and did not increase": the "and")."""
    j = i - 1
    while j > 0 and i - j <= 3 and doc[j].lower_ in _VERB_OPENERS:
        j -= 1
    return j


#: words that may stand between a comparative and the noun it qualifies: "higher serum levels
#: of IL-2", "a higher mean test time" (not a preposition, verb or conjunction of a clause)
_NOUN_PHRASE_GAP = re.compile(r"^[a-z][a-z-]*$")
_NOT_IN_NOUN_PHRASE = frozenset({"and", "or", "but", "than", "in", "with", "to", "for", "at",
                                 "by", "was", "were", "is", "are", "be", "been", "had", "has",
                                 "the", "a", "an", "versus", "vs", "compared"})


def _attribute_of(doc: Doc, cue_i: int, obj: Span) -> bool:
    """Is the comparative at ``cue_i`` an attribute of ``obj``'s own noun phrase: right before
    it ("longer total sleep time") or before a measure noun of it ("higher levels of IL-2 and
    lower levels of cortisol": each list member has its own comparative, and the one after
    "and" belongs to the next member)?"""
    if doc[cue_i].lower_ not in PREDICATE_COMPARATIVES:
        return False
    gap = [t.lower_ for t in doc[cue_i + 1:obj.start]]
    return len(gap) <= 3 and all(_NOUN_PHRASE_GAP.match(w) and w not in _NOT_IN_NOUN_PHRASE
                                 for w in gap)


#: an endpoint that is a time ("onset of sensory block", "time to extubation", "latency") ...
_TIME_ENDPOINT = re.compile(r"\b(onset|times?|latenc\w*|duration|delay)\b", re.I)
#: ... and not a speed or a rate of something ("rate of recovery", "conduction velocity")
_RATE_ENDPOINT = re.compile(r"\b(rates?|speed|velocit\w*|frequenc\w*)\b", re.I)
#: words of speed: on a time they mean the opposite sign (a faster onset is a shorter time)
_SPEED = re.compile(r"^(fast|quick|slow|rapid|speed|hasten|accelerat)", re.I)
#: words that give a time its sign directly ("the onset was shorter", "prolonged duration")
_TIME_SIGN = re.compile(r"^(long|short|prolong|earl|late|delay|sooner|increas|decreas|reduc|"
                        r"higher|lower|greater|less|fewer)", re.I)


def _clause_words(doc: Doc, sent: Span, obj: Span) -> tuple[list, list]:
    """The words of ``obj``'s clause before it (up to 8) and after it (up to 12), leaving out
    parenthesised asides: "onset (6 vs 3 min; P < 0.001) was slower" reaches "slower"."""
    def walk(indices, opening, closing, limit):
        out, depth = [], 0
        for i in indices:
            text = doc[i].text
            if text == closing:
                depth += 1
            elif text == opening and depth:
                depth -= 1
            elif depth == 0 and text != opening:
                if doc[i].lower_ in _CUE_BREAKS or text in (";", ":", ".") or len(out) >= limit:
                    break
                out.append(doc[i])
        return out
    before = walk(range(obj.start - 1, sent.start - 1, -1), "(", ")", 8)[::-1]
    after = walk(range(obj.end, sent.end), ")", "(", 12)
    return before, after


def speed_of_time(doc: Doc, sent: Span, obj: Span, direction: str | None) -> str | None:
    """``direction`` read from a word of speed, turned into the sign of a time: "the onset of
    sensory block was slower with X" is a longer onset time (increased), "a faster onset" a
    shorter one.  The classifier and the cue prefixes read "faster" as a rise and "slower" as
    a fall, the right sense for a speed or a rate but the wrong one for the time it takes.
    Applies when the clause names a time (the object, or the words before it: "onset of
    sensory block and motor block") and the signed word nearest the object is one of speed
    ("a faster onset of Y and prolonged duration of Z": "faster" is the onset's)."""
    if direction not in ("increased", "decreased") or _RATE_ENDPOINT.search(obj.text):
        return direction
    before, after = _clause_words(doc, sent, obj)
    if not (_TIME_ENDPOINT.search(obj.text) or
            _TIME_ENDPOINT.search(" ".join(t.text for t in before))):
        return direction
    signed = [(len(before) - n, t.lower_) for n, t in enumerate(before)] + \
        [(n + 1, t.lower_) for n, t in enumerate(after)]
    signed = [(d, w) for d, w in signed if _SPEED.match(w) or _TIME_SIGN.match(w)]
    if not signed or not _SPEED.match(min(signed)[1]):
        return direction
    return "decreased" if direction == "increased" else "increased"


_RELATIVE = re.compile(r"^,\s*which\s+(was|were|is|are|had|has|have)"
                       r"(\s+(significantly|statistically|also|consistently|markedly|slightly))*$")


def _relative_clause_cue(doc: Doc, obj: Span, cues: list[tuple[int, str]]) -> tuple[int, str] | None:
    """"Y, which was higher in the X group": the relative clause right after the object is its
    predicate, though a comma parts them (a comma otherwise ends the object's clause)."""
    for i, direction in cues:
        if obj.end < i <= obj.end + 6 and _RELATIVE.match(doc[obj.end:i].text.lower()):
            return i, direction
    return None


def gapped_clause(doc: Doc, obj: Span) -> bool:
    """Is ``obj`` the subject of a clause whose verb is left out because the clause before
    gives it ("potassium had risen from 4.6 to 6.8 mmol/L, and creatinine from 128 to 171
    µmol/L")?  Its shape: a conjunction just before the object and "from <number>" right after
    it ("and triglycerides by 35%", "and bilirubin to 4.2 mg/dL": or "by" / "to <number>"); its
    values then follow the object, not the verb."""
    after = doc[obj.end:obj.end + 2]
    # ("ALT rose from 32 to 845 U/L and bilirubin to 4.2 mg/dL": the gapped clause may give only
    # where the value ended)
    if len(after) < 2 or after[0].lower_ not in ("from", "by", "to") or not after[1].like_num or \
            verb_like(obj[-1].lower_):
        return False
    # at most one modifier ("and serum creatinine") between the conjunction and the object, and
    # no verb: "and PTH had risen from 98" has its own
    words = [t.lower_ for t in doc[max(obj.sent.start, obj.start - 2):obj.start]]
    joins = [i for i, w in enumerate(words) if w in ("and", ",")]
    return bool(joins) and not any(verb_like(w) or w in _AUXILIARIES for w in words[joins[-1]:])


_AUXILIARIES = {"had", "has", "have", "was", "were", "is", "are", "been"}


def _gapped_cue(doc: Doc, obj: Span, cues: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The cue of the earlier clause that governs a gapped one: the last before the object."""
    earlier = [c for c in cues if obj.sent.start <= c[0] < obj.start]
    return earlier[-1] if earlier else None


_LIST_GAP = {",", "and", "or"}


def _coordinated(doc: Doc, obj: Span) -> list[Span]:
    """The entities coordinated with ``obj`` ("LDL, triglycerides and glucose"), in order,
    when the list is closed by "and"/"or"; else ``[obj]``."""
    # ("total cholesterol (TC), uric acid (UA) and ALT": an abbreviation in brackets restates
    # the member before it; it is neither a member nor a break in the list)
    ents = [e for e in doc.ents if e.label_ not in INTERVENTION_LABELS and
            e.sent.start == obj.sent.start and not _bracketed(doc, e)]
    if obj not in ents:
        return [obj]

    def joined(a: Span, b: Span) -> bool:
        gap = [t.lower_ for t in doc[_after_brackets(doc, a.end, b.start):b.start]]
        return bool(gap) and set(gap) <= _LIST_GAP
    members = lex.coordinated_run(ents, ents.index(obj), joined)
    # "reduced LDL, triglycerides were unchanged" is two clauses: a list ends on "and"/"or"
    if len(members) < 2 or not {"and", "or"} & {t.lower_ for t in
                                                 doc[members[-2].end:members[-1].start]}:
        return [obj]
    return members


def _bracketed(doc: Doc, e: Span) -> bool:
    """Is ``e`` alone in brackets ("(TC)")?"""
    return e.start > 0 and doc[e.start - 1].text == "(" and e.end < len(doc) and \
        doc[e.end].text == ")"


def _after_brackets(doc: Doc, i: int, limit: int) -> int:
    """Past a short bracketed aside opening at token ``i`` ("(TC)"), else ``i``."""
    if i < limit and doc[i].text == "(":
        for k in range(i + 1, min(limit, i + 6)):
            if doc[k].text == ")":
                return k + 1
    return i


def _list_cue(doc: Doc, obj: Span, cues: list[tuple[int, str]]) -> tuple[int, str] | None:
    """"Zelmacor reduced LDL, triglycerides and glucose": a member of a coordinated list with no
    cue of its own shares the cue before the list's first member or after its last one."""
    members = _coordinated(doc, obj)
    if len(members) < 2:
        return None
    first, last = members[0], members[-1]
    # the verb before the list ("reduced A, B and C") or after it ("A, B and C decreased")
    lead = None if first is obj else cue_for(doc, first, cues, in_list=True)
    # "reduced A, B and C were unchanged" has two clauses: B and C did not share the verb
    tail = doc[last.end:min(obj.sent.end, last.end + 6)].text.lower()
    if lex.says_null(tail):
        return None
    if lead is not None and lead[0] < first.start:
        return lead
    # ... a verb right after the list has it as its subject; one farther on ("conditions such
    # as A, B and C has been found to improve Y") may have its own object
    trail = None if last is obj else cue_for(doc, last, cues, in_list=True)
    end = _after_brackets(doc, last.end, obj.sent.end)  # ("C (CC) decreased")
    return trail if trail is not None and end <= trail[0] <= end + 3 else None




#: a contrast between clauses: a null before it is not said of what follows it
_CONTRAST = re.compile(rf"\b(?:{'|'.join(sorted(lex.CONTRAST_WORDS))})\b", re.I)
_LIST_UNCHANGED = re.compile(r"\bno (statistically )?(significant )?(difference|change|effect)s?\b"
                             r"[^.;]*\b(in|on|for|of|regarding)\b", re.I)


def same_clause(doc: Doc, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not _BREAKS & {t.lower_ for t in doc[lo:hi]}
