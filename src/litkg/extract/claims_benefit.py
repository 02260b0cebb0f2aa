"""When a condition next to a drug is its benefit, not its harm: the condition went down or
improved under the drug ("Y decreased", "a reduction in Y", "less Y", "X improved Y"), it
improved *with* the drug named after it ("Y resolved with X"), or the drug was stopped (a
dechallenge, "Y resolved on discontinuation of X", which is evidence of harm after all).

Split from :mod:`litkg.extract.claims_relations`, whose :func:`adverse_pairs` asks these
questions of every (drug, condition) pair before the harm cues; :mod:`claims_attribution` reads
:func:`written_as_stopped` too.
"""

import re

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.claims_causes import CONDITION_LABELS
from litkg.extract.claims_scope import DRUG_LABELS

#: words (beyond the lexicon's "improved" prefixes) that say a condition was made better
_IMPROVING = ("suppress", "prevent", "correct", "control", "abolish", "alleviat", "ameliorat",
              "mitigat", "dissolv", "dissolution",
              "protect")  # "X protects against Y", "the protective effect of X on Y"


def change_words(sent: Span, named: set[int]) -> tuple[list[int], list[int]]:
    """The tokens of ``sent`` (outside conditions' names, ``named``) that improve a condition
    and those that lower one: the cues the benefit tests below read."""
    doc = sent.doc
    improving = [t.i for t in sent if t.i not in named and (
        t.lower_.startswith(lex.DIRECTION_PREFIXES["improved"])
        or t.lower_.startswith(_IMPROVING)
        # "blockade of Y" lowers Y ("sodium channel blockade, cardiac toxicity" names a cause)
        or (t.lower_ == "blockade" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of"))]
    lowering = [t.i for t in sent if t.i not in named and (
        t.lower_.startswith(lex.DIRECTION_PREFIXES["decreased"])
        and not t.lower_.startswith(("inhibit", "block", "impair", "depress"))
        or t.lower_ in _COMPARATIVES) and t.i + 1 < len(doc)]
    return improving, lowering


#: comparatives that, right before a finding, say it went down ("had lower proteinuria", "less
#: pain"); participles such as "decreased" also form names of findings ("decreased appetite")
_COMPARATIVES = frozenset({"lower", "less", "fewer", "smaller", "milder", "shorter"})
#: words that may stand between a finding and the predicate that says it went down ("Y was
#: significantly reduced"); any other word makes the cue part of another phrase ("numbness of
#: the lower extremities")
_PREDICATE_GLUE = frozenset({"was", "were", "is", "are", "be", "been", "had", "has", "have",
                             "significantly", "markedly", "also", "then", "further", "slightly",
                             "level", "levels", "count", "counts", "score", "scores", "rate",
                             "rates", "values", "concentration", "concentrations",
                             # the condition counted or sized: "apnea episodes decreased",
                             # "seizure frequency fell", "pain severity was lower"
                             "episode", "episodes", "attack", "attacks", "frequency",
                             "incidence", "severity", "burden", "duration", "event", "events"})


def _went_down(doc: Doc, c: Span, i: int) -> bool:
    """Does the lowering word at token ``i`` say that condition ``c`` went down: as its
    predicate ("Y decreased", "Y was lower"), a reduction of it ("a reduction in Y", "reduced
    Y"), a comparative before it ("less pain") or a lowered risk of it?"""
    if 0 <= i - c.end <= 2:
        return all(t.lower_ in _PREDICATE_GLUE for t in doc[c.end:i])
    # a verb's object may carry modifiers ("X diminished cell death", "reduces daytime Y"); a
    # determiner often opens a noun with a phrase of its own after it, which may name its cause
    # ("reducing the neurotoxicity associated with X")
    object_of_verb = 0 < c.start - i <= 3 and \
        not any(t.lower_ in _PHRASE_BREAK or t.lower_ in lex.DETERMINERS or not t.is_alpha
                for t in doc[i + 1:c.start]) and \
        (_verb_of_a_drug(doc, i) or _finite_or_gerund(doc[i].lower_) or _conjunct_verb(doc, i))
    return (0 < c.start - i <= 3 and doc[i + 1].lower_ in ("in", "of")) or \
        (c.start - i == 1 and doc[i].lower_ in _COMPARATIVES) or _lowered_risk_of(doc, i, c) or \
        object_of_verb


def _conjunct_verb(doc: Doc, i: int) -> bool:
    """"X improved Y1 and diminished Y2": after "and", a past form shares the subject of a drug's
    verb earlier in the sentence (:func:`_verb_of_a_drug`), so it is a verb too, not part of a
    finding's name ("nausea and decreased appetite" has no drug's verb before it)."""
    if i < 2 or doc[i - 1].lower_ not in ("and", ",") or not doc[i].lower_.endswith("ed"):
        return False  # ("and less extensive Y": a comparative, not a verb)
    for k in range(i - 2, max(-1, i - 20), -1):
        if doc[k].text in (".", ";", ":") or doc[k + 1].is_sent_start:
            return False
        if doc[k].lower_.endswith("ed") and _verb_of_a_drug(doc, k):
            return True
    return False


#: words that end a noun phrase: what follows them is not the object of the verb before
_PHRASE_BREAK = frozenset({"of", "in", "to", "with", "by", "for", "from", "after", "during",
                           "and", "or", "but", ",", ";", ":", ".", "that", "which", "who",
                           "was", "were", "is", "are", "had", "has", "been"})


def _object_of(doc: Doc, i: int, c: Span) -> bool:
    """Does the noun phrase after the change word at token ``i`` end in condition ``c``, a
    few modifiers apart ("abolished the digitalis-toxic arrhythmia")?"""
    return 4 < c.start - i <= 6 and not any(t.lower_ in _PHRASE_BREAK
                                            for t in doc[i + 1:c.start])


def _finite_or_gerund(word: str) -> bool:
    """"..., and decreases daytime sleepiness", "by reducing Y": a present-tense verb or a
    gerund is a verb wherever it stands; only a participle names a finding ("decreased
    appetite")."""
    return word.endswith(("es", "ing")) and len(word) > 5


_MODALS = frozenset({"may", "might", "can", "could", "would", "will", "should", "also",
                     "further", "did", "does", "do"})


def _hyphen_compound_end(doc: Doc, c: Span) -> int:
    """The end of the hyphenated compound ``c`` opens ("asthma-symptom control" -> after
    "symptom"), else ``c.end``."""
    end = c.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_:
        end += 2
    return end


def _verb_of_a_drug(doc: Doc, i: int) -> bool:
    """"TXA reduced blood loss": right after a drug (an adverb may stand between), the lowering
    word is the drug's verb, not part of the finding's name ("decreased appetite")."""
    j = i - 1
    while j >= 0 and i - j <= 3 and (doc[j].lower_.endswith("ly") or doc[j].lower_ in _MODALS):
        j -= 1  # "X significantly reduced Y", "X may reduce Y", "X may also reduce Y"
    return j >= 0 and any(e.end == j + 1 and e.label_ in DRUG_LABELS for e in doc.ents)


_REMEDY_LINK = re.compile(r"^[^;:]{0,40}?\b(with|on|after|following|by|to)\s+([\w-]+\s+){0,2}$",
                          re.I)


def _remedy_of(doc: Doc, c: Span, d: Span, improving: list[int]) -> bool:
    """Is ``d`` the means an improvement of ``c`` named after it came with ("Y, which improved
    within a month with X", "Y resolved after X")?  The change word lies between them, within
    eight tokens of the drug, linked to it by with / on / after / by / to."""
    # "Y occurring as an allergic response to X": a change word right after another condition
    # speaks of that one ("allergic response"), not of Y
    after_other = {e.end for e in doc.ents if e.label_ in CONDITION_LABELS and e.start >= c.end}
    return any(c.end <= i < d.start and d.start - i <= 8 and i not in after_other and
               not any(t.lower_ in ("but", "whereas") for t in doc[i:d.start]) and
               _REMEDY_LINK.match(doc.text[doc[i].idx + len(doc[i].text):d.start_char])
               for i in improving)


#: words that stop a drug ("discontinuation of X", "X was withdrawn", "after stopping X")
_STOPPING = ("discontinu", "withdr", "withh", "cessation", "ceas", "stop", "interrupt",
             "suspend", "taper", "halt")  # not "suspension", a dosage form


_CLAUSE_JOINS = frozenset({"and", "but", ",", ";", "then", "whereas", "while"})


def written_as_stopped(doc: Doc, sent: Span, d: Span, drugs: list[Span]) -> bool:
    """Is drug ``d`` written as stopped, and only so: a stopping word in the three words
    before ("cessation of X", "after stopping the X") or after ("X was withheld") each of its
    mentions among ``drugs``?  "Y healed when X was started, but recurred after X was stopped"
    is the drug's benefit, not a dechallenge."""
    def stopped_here(m: Span) -> bool:
        before = list(doc[max(sent.start, m.start - 3):m.start])
        after = list(doc[m.end:min(sent.end, m.end + 3)])
        # the window stops at a clause join: "X was stopped and Y started" stops X only
        cut = [n for n, t in enumerate(before) if t.lower_ in _CLAUSE_JOINS]
        before = before[cut[-1] + 1:] if cut else before
        cut = [n for n, t in enumerate(after) if t.lower_ in _CLAUSE_JOINS]
        after = after[:cut[0]] if cut else after
        return any(t.lower_.startswith(_STOPPING) for t in before + after)

    mentions = [m for m in drugs if m.text.lower() == d.text.lower()]
    return all(stopped_here(m) for m in mentions or [d])


_RATE_WORDS = frozenset({"risk", "risks", "incidence", "odds", "rate", "rates", "hazard",
                         "frequency", "occurrence", "number", "likelihood"})


def _lowered_risk_of(doc: Doc, i: int, c: Span) -> bool:
    """"reduced the risk of worsening heart failure": the lowered rate of Y is a benefit."""
    between = [t.lower_ for t in doc[i + 1:c.start]]
    return 0 < len(between) <= 6 and "of" in between and bool(_RATE_WORDS & set(between))
