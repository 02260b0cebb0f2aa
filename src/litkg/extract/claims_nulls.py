"""How a sentence says a change was not the outcome's own, or that the arms did not differ.

Split from :mod:`claims_cues` (which reads these in ``resolve_direction``): "Y fell in both
groups" (a change common to the arms), "the reduction in Y was not different between the
groups", "Y was comparable in both groups", "X lowered Y without affecting Z", and the drug
that is a change verb's own subject ("X lowered Y in both groups" is X's).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract import claims_direction
from litkg.extract import claims_lexicon as lex
from litkg.extract.claims_relations import INTERVENTION_LABELS
from litkg.extract.context import cues
from litkg.extract.endpoints import verb_like
from litkg.extract.findings import GIVEN_AFTER


IN_BOTH = re.compile(r"\bin both (groups|arms)\b", re.I)
#: (within the sentence: a decimal point, "(P < 0.001)", does not end it)
_IN_SENTENCE = r"(?:[^.;]|\.(?=\d))*?"
_BOTH_BUT_MORE = re.compile(rf"\bin both (?:groups|arms)\b{_IN_SENTENCE}"
                            r"(?:\b(?:but|whereas|however|although)\b|,\s*with\b)"
                            rf"{_IN_SENTENCE}\b(?:more|greater|larger|stronger)\b"
                            rf"{_IN_SENTENCE}(?:significan|\bp\s*(?:[<≤]|=\s*0?\.0[0-4]))", re.I)



#: verbs of changing or affecting something, as a denied verb names them ("without altering",
#: "did not increase"): the neutral ones and the claim lexicon's rises and falls
_CHANGE_VERB = ("affect", "alter", "chang", "influenc", "modif", "impact", "disturb", "compromis",
                "worsen") + lex.DIRECTION_PREFIXES["increased"] + lex.DIRECTION_PREFIXES["decreased"]


def denied_change_between(doc: Doc, cue_i: int, obj: Span) -> bool:
    """"X lowered Y without affecting Z", "... but did not alter Z": a negation between the
    direction word and the outcome, whose scope reaches it, denies a change verb of its own;
    the direction word's change is another outcome's."""
    for c in cues(doc):
        if c.kind == "negation" and cue_i < c.start and c.end <= obj.start and c.covers(obj.start) \
                and any(t.lower_.startswith(_CHANGE_VERB) for t in doc[c.start:obj.start]):
            return True
    return False


#: words between a drug and its verb that keep the drug the verb's subject ("captopril
#: treatment significantly lowered")
_AGENT_GLUE = GIVEN_AFTER | {"alone", "also", "further", "itself"}


def drug_is_agent(doc: Doc, sent: Span, cue_i: int) -> bool:
    """Is one intervention the subject of the verb at ``cue_i``: named right before it, with
    at most three adverbs or treatment nouns between ("X significantly lowered Y")?  Not a
    comparator, nor one of coordinated arms ("X and placebo lowered Y": each arm changed)."""
    for e in sent.ents:
        if e.label_ in INTERVENTION_LABELS and e.end <= cue_i and cue_i - e.end <= 3 and all(
                t.lower_ in _AGENT_GLUE or t.lower_.endswith("ly") for t in doc[e.end:cue_i]):
            before = doc[e.start - 1].lower_ if e.start > sent.start else ""
            return verb_like(doc[cue_i].lower_) and before not in ("and", "or", "both", "nor") \
                and not claims_direction.GENERIC_COMPARATOR.search(e.text)
    return False


def more_in_one_arm(sent: Span, after_obj: str) -> bool:
    """"Y decreased in both groups, but more decrease was seen in the X group (P<0.05)": a
    change common to the arms that is significantly larger in one of them.  ("less in the
    placebo group" would need the arm to give the sign, so only "more" is read.)"""
    return bool(_BOTH_BUT_MORE.search(after_obj)) and \
        not lex.SIGNIFICANT_NEGATED.search(IN_BOTH.sub(" ", sent.text))




# "was not different", "were similar", "did not differ": the predicate of a compared quantity,
# reached without crossing into another clause
_NULL_PREDICATE = re.compile(r"^(?:(?!\b(while|whereas|but|although|however)\b)[^;:,])*?\b("
                             r"(was|were)\s+(not\s+)?(significantly\s+|statistically\s+)*"
                             r"(not\s+different|similar|comparable|indistinguishable)|"
                             r"did\s+not\s+(significantly\s+)?differ)\b", re.I)


def nominal_change_compared_null(doc: Doc, cue_i: int | None, obj: Span, after_obj: str) -> bool:
    """"Reduction in body weight ... in the treated and control groups were not different": a
    change noun names what was compared; the verb it is the subject of says the arms did not
    differ, so the finding is no change between them (not the change the noun names)."""
    if cue_i is None or not (cue_i < obj.start <= cue_i + 4):
        return False
    return not verb_like(doc[cue_i].lower_) and doc[cue_i + 1].lower_ in ("in", "of") \
        and bool(_NULL_PREDICATE.match(after_obj))
#: what a null predicate compares: the arms ("between the X and placebo groups", "in both
#: groups", "with placebo"), not a description ("similar to those seen in adults")
_ARMS_COMPARED = re.compile(r"^\W*(between|among|across|in\s+(both|all|the\s+two|each|either)|"
                            r"(with|to)\s+(that|those)?\s*(of|in|on|with)?\s*(the\s+)?"
                            r"(placebo|control|sham|vehicle|usual|standard))\b", re.I)


def compared_as_null(sent: Span, obj: Span, after_obj: str) -> bool:
    """"Y was comparable between the X and placebo groups", "Y were similar in both groups":
    the object's own predicate says the arms compared did not differ."""
    m = _NULL_PREDICATE.match(after_obj)
    return m is not None and bool(_ARMS_COMPARED.match(after_obj[m.end():]))


#: every arm of a trial: "in either group", "in any of the arms", "among all participants"
IN_ANY_ARM = re.compile(r"^[^;:]{0,40}?\b(in|among|for) (any|either|both|all|each) (of the )?"
                         r"(\w+ )?(groups?|arms?)\b", re.I)
