"""Negation and hedging: a ConText/NegEx-style spaCy component (``litkg_context``).

Cues are matched on lower-cased tokens; each cue opens a *scope* that runs forward (``pre``
cues: "no", "without", "did not") or backward (``post`` cues: "was not observed", "ruled out")
until a termination word ("but", "however", "whereas", ";") or the end of the sentence, capped
at ``MAX_SCOPE`` tokens as in NegEx.  Tokens in scope get ``Token._.negated`` / ``_.hedged``;
an entity is negated/hedged when any of its tokens is.

"No significant change in calcium" *is* marked negated here, on purpose: that is what the
sentence says at token level.  Turning it into an ``unchanged`` finding is the claim
extractor's job (:mod:`litkg.extract.claims`), which asks :func:`cues` for the cue that covers a
token and recognises change/difference words inside a negation.

Everything is lexicon-driven (no rules keyed to a seed sentence), so the same cues work for any
drug or analyte.
"""


import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from litkg.extract.claims_lexicon import PERSON, STUDY_ANIMAL
from litkg.extract.extensions import register_extensions

#: NegEx scope window (tokens); ConText uses the sentence, which over-reaches in long
#: PDF sentences with coordinated clauses.
MAX_SCOPE = 12

# Multi-token cues are tuples of lower-cased words; longest match wins.
NEG_PRE = [
    ("no",), ("not",), ("without",), ("neither",), ("nor",), ("never",), ("none",),
    ("absence", "of"), ("absent",), ("lack", "of"), ("lacked",), ("free", "of"), ("denied",),
    ("denies",), ("cannot",), ("n't",), ("failed", "to"), ("fail", "to"), ("fails", "to"),
    ("unable", "to"), ("rather", "than"), ("instead", "of"),
]
# Cues that end a negated clause: "X was not observed", "X was ruled out".
NEG_POST = [
    ("was", "not", "observed"), ("were", "not", "observed"), ("was", "not", "seen"),
    ("were", "not", "seen"), ("was", "ruled", "out"), ("were", "ruled", "out"),
    ("was", "not", "detected"), ("were", "not", "detected"), ("was", "absent"),
    ("were", "absent"), ("did", "not", "occur"), ("was", "excluded"), ("were", "excluded"),
    ("did", "not", "recur"), ("did", "not", "develop"), ("did", "not", "reappear"),
    ("was", "not", "found"), ("were", "not", "found"), ("did", "not", "worsen"),
    ("did", "not", "progress"), ("did", "not", "appear"), ("did", "not", "return"),
    ("was", "not", "noted"), ("were", "not", "noted"), ("was", "not", "reported"),
    ("were", "not", "reported"),
]
# Look like negation but are not ("not only", "no doubt", "not necessarily").
PSEUDO = [
    ("not", "only"), ("no", "doubt"), ("not", "necessarily"), ("no", "longer"),
    ("not", "certain", "whether"), ("without", "doubt"), ("not", "all"),
    # "X with and without Y", "patients with or without diabetes": both arms, nothing denied
    ("with", "and", "without"), ("with", "or", "without"),
    # litotes: "Y is not an infrequent complication of X" affirms it
    ("not", "infrequent"), ("not", "an", "infrequent"), ("not", "uncommon"),
    ("not", "an", "uncommon"), ("not", "unusual"), ("not", "an", "unusual"), ("not", "rare"),
    ("not", "a", "rare"), ("not", "negligible"), ("not", "insignificant"),
    # a rarity or a novelty, not a denial: "not frequently associated with Y", "has not
    # previously been reported to cause Y" (the case report's own harm)
    ("not", "frequently"), ("not", "commonly"), ("not", "often"), ("not", "usually"),
    ("not", "previously"), ("not", "been", "previously"), ("not", "widely"),
]
HEDGE_PRE = [
    ("may",), ("might",), ("could",), ("can", "be", "considered"), ("possible",), ("possibly",),
    ("potential",), ("potentially",), ("suggest",), ("suggests",), ("suggested",),
    ("suggesting",), ("likely",), ("unlikely",), ("probably",), ("probable",), ("perhaps",),
    ("presumably",), ("presumed",), ("putative",), ("appear",), ("appears",), ("seem",),
    ("seems",), ("postulated",), ("hypothesis",), ("hypothesized",), ("hypothesised",),
    ("speculate",), ("uncertain",), ("unclear",), ("suspected",), ("question", "of"),
    ("risk", "of"), ("would",),
]
HEDGE_POST = [("is", "suspected"), ("was", "suspected"), ("cannot", "be", "excluded"),
              ("can", "not", "be", "excluded")]
TERMINATORS = {
    "but", "however", "although", "though", "whereas", "while", "except", "yet", "nevertheless",
    "which", "who", "since", "because", ";", ":", "conversely", "apart", "aside", "still",
    "despite", "unlike",
    # "no hypervascularity, consistent with Y": the reading of a finding, not its denial
    "consistent", "compatible", "suggestive", "confirming",
}


@dataclass(frozen=True)
class Cue:
    """A context cue found in a sentence: its token span, kind and scope (token indices)."""

    kind: str  # "negation" | "hedge"
    start: int
    end: int
    scope_start: int
    scope_end: int
    text: str

    def covers(self, i: int) -> bool:
        return self.scope_start <= i < self.scope_end


def _match(words: list[str], i: int, lexicon: list[tuple[str, ...]]) -> int:
    """Length of the longest lexicon entry starting at ``words[i]`` (0 if none)."""
    best = 0
    for entry in lexicon:
        n = len(entry)
        if n > best and tuple(words[i:i + n]) == entry:
            best = n
    return best


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]]


# a changed risk is a measured result ("X reduced the risk of Y", "a higher risk of Y"), not a
# possibility; the stems are those of change words and comparatives
_RISK_CHANGED = ("reduc", "lower", "decreas", "increas", "higher", "elevat", "rais", "halv",
                 "doubl", "less", "great", "excess", "diminish", "cut", "attenuat", "minimi")


def _measured_risk(words: list[str], i: int) -> bool:
    """Is the "risk of" at ``words[i]`` a risk some change word says moved: before it ("reduced
    the risk of Y") or as its predicate ("the risk of Y was significantly lower")?"""
    if words[i] != "risk":
        return False
    before = [w for w in words[max(0, i - 3):i] if w not in ("the", "a", "an", "their", "its")]
    if before and before[-1].startswith(_RISK_CHANGED):
        return True
    for j in range(i + 2, min(len(words) - 1, i + 12)):
        if words[j] in TERMINATORS or words[j] in (",", "."):
            return False
        if words[j] in ("was", "were", "is", "are"):
            rest = [w for w in words[j + 1:j + 4] if not w.endswith("ly") and w != "not"]
            return bool(rest) and rest[0].startswith(_RISK_CHANGED)
    return False


#: words that may stand between a negation and "history of" ("no prior history of")
_HISTORY_GLUE = frozenset({"any", "a", "prior", "previous", "past", "known", "personal",
                           "family", "significant", "relevant", "other"})
_LIST_JOIN = frozenset({",", "or", "and", "nor"})


def _history_end(sent: Span, k: int, end: int) -> int:
    """"no history of epilepsy presented a probable Y", "without any prior history of X,
    developed Y": a denied history covers the things it names right after "of" (a list of
    entities) and no more (no parser marks the clause that follows, so the entities bound
    it).  Returns the scope end (relative to ``sent``), ``end`` when this is no history."""
    while k < end and sent[k].lower_ in _HISTORY_GLUE:
        k += 1
    if k + 1 >= end or sent[k].lower_ != "history" or sent[k + 1].lower_ != "of":
        return end
    base, k = sent.start, k + 2
    ents = sorted((e for e in sent.doc.ents if base + k <= e.start < base + end),
                  key=lambda e: e.start)
    last = None
    for e in ents:
        gap = [t.lower_ for t in sent.doc[(last.end if last is not None else base + k):e.start]]
        # the first entity within a few words of "of" ("history of a movement disorder"), then
        # entities joined to it by list words
        if (last is None and len(gap) <= 3) or (last is not None and gap
                                                  and all(w in _LIST_JOIN for w in gap)):
            last = e
        else:
            break
    return end if last is None else last.end - base


#: "but not by placebo", "but not with Y": the arm after the contrast's preposition
_ARM_PREPOSITIONS = frozenset({"by", "with", "in", "on", "after", "for"})


#: auxiliaries and frequent irregular past forms: with the "-ed" forms, the finite verbs a
#: clause can be recognised by without a tagger
_FINITE = frozenset({"was", "were", "is", "are", "had", "has", "have", "did", "does", "became",
                     "become", "becomes", "went", "grew", "fell", "rose", "got", "made", "took",
                     "underwent", "remained", "showed", "shown", "saw", "felt", "gave", "began"})
_CLAUSE_JOIN = frozenset({"and", "or", "so", "then", "thus"})
#: quantifiers and pronouns that open a clause's own subject ("..., and all progressed")
_SUBJECT_WORDS = frozenset({"all", "both", "each", "most", "many", "some", "several", "few",
                            "they", "he", "she", "it", "we", "the", "his", "her", "their", "this",
                            "these", "those", "one", "two", "three", "patients", "patient"})


def _verb_like(word: str) -> bool:
    return word in _FINITE or (len(word) > 4 and word.endswith("ed"))


def _next_clause(words: list[str], start: int, j: int) -> bool:
    """Does a coordinated clause with its own subject and verb open at ``words[j]`` ("none
    achieved remission, and all progressed to Y")?  Only when the negated clause already has
    its verb between the cue and the comma: "no rash, fever, and arthralgia occurred" is one
    clause, its list ends in the verb they share."""
    if words[j] != "," or j + 1 >= len(words) or words[j + 1] not in _CLAUSE_JOIN:
        return False
    if not any(_verb_like(w) for w in words[start:j]):
        return False
    after = words[j + 2:j + 6]
    # the new clause's subject is short ("all", "the patient", "she") and its verb follows
    for n, w in enumerate(after):
        if _verb_like(w):
            return n == 0 or all(x in _SUBJECT_WORDS for x in after[:n])
    return False


#: past forms that are never a noun's modifier ("and fell", "and had"): after "did not ... and"
#: they cannot share the auxiliary, so they open a predicate of their own
_PAST_ONLY = _FINITE - {"is", "are", "has", "have", "did", "does", "become", "becomes", "shown"}
_DO = frozenset({"did", "does", "do"})


def _second_predicate(words: list[str], cue: int, j: int) -> bool:
    """Does "and <verb>" at ``words[j]`` open a second predicate of a do-negated clause ("X did
    not change A (P = 0.35) and lowered B")?  "did" takes a bare verb, so a past form after
    the "and" is not under it.  A bare "-ed" word may be a modifier of the negated list ("did
    not develop fever and elevated CRP"), so it counts only when an adverb or a closed
    parenthesis (a p-value) marks it as a verb."""
    if words[j] != "and" or cue == 0 or words[cue - 1] not in _DO or j + 1 >= len(words):
        return False
    nxt = words[j + 1]
    if nxt in _PAST_ONLY:
        return True
    if nxt.endswith("ly") and j + 2 < len(words):
        return words[j + 2] in _PAST_ONLY or (len(words[j + 2]) > 4 and words[j + 2].endswith("ed"))
    return words[j - 1] == ")" and len(nxt) > 4 and nxt.endswith("ed")


#: verbs of the ``post`` cues that take an object ("did not develop Y"); the others are
#: passive ("was ruled out") or intransitive in clinical prose ("did not recur", "did not
#: progress", "did not worsen", which the direction stage reads)
_TRANSITIVE = frozenset({"develop"})
#: words after a verb that open no object of it: "did not develop until ...", "... again"
_NO_OBJECT = frozenset({"in", "on", "at", "to", "for", "from", "by", "with", "within", "after",
                        "before", "during", "until", "till", "following", "throughout", "over",
                        "among", "despite", "again", "further", "thereafter", "anymore", "and",
                        "or", "as", "when", "if", "once", "even"}) | TERMINATORS


def _object_follows(words: list[str], k: int) -> bool:
    """Does a word that may open the object of the verb before it stand at ``words[k]``?"""
    if k >= len(words) or not words[k][:1].isalnum():
        return False
    return words[k] not in _NO_OBJECT and not words[k].endswith("ly")


#: "in patients with Y", "among adults who had Y": the population a result was found in
_POPULATION = re.compile(rf"^(?:{PERSON}|{STUDY_ANIMAL})$")
_POPULATION_ADJUNCT = frozenset({"in", "among", "for"})
#: negations of a predicate ("did not reduce Z in patients with Y"); "none occurred in patients
#: with Y" or "no Z in patients with Y" keep the NegEx scope
_VERBAL_NEGATION = frozenset({"not", "n't", "never", "failed", "fail", "fails", "unable",
                              "cannot"})


def _population_at(words: list[str], j: int) -> bool:
    """Does a population phrase open at ``words[j]`` ("in patients with Y", "among older adults
    who had Y")?  A negated result ("did not reduce Z in patients with Y") is denied of the
    people, not the condition that describes them, so a negation's scope ends there."""
    if words[j] not in _POPULATION_ADJUNCT:
        return False
    for k in range(j + 1, min(len(words) - 1, j + 4)):
        if _POPULATION.match(words[k]):
            return words[k + 1] in ("with", "who", "having")
    return False


def sentence_cues(sent: Span) -> list[Cue]:
    """The negation and hedge cues of one sentence, with their scopes."""
    words = [t.lower_ for t in sent]
    base = sent.start
    cues: list[Cue] = []
    i = 0
    while i < len(words):
        pseudo = _match(words, i, PSEUDO)
        if pseudo:
            i += pseudo
            continue
        for kind, pre, post in (("negation", NEG_PRE, NEG_POST), ("hedge", HEDGE_PRE, HEDGE_POST)):
            n_post = _match(words, i, post)
            # "patients on X did not develop Y": with an object after it the verb's negation
            # covers the object, as a ``pre`` cue's does, and leaves the subject alone
            forward = n_post and words[i + n_post - 1] in _TRANSITIVE and \
                _object_follows(words, i + n_post)
            if n_post and not forward:
                j = i
                while j > 0 and i - j < MAX_SCOPE and words[j - 1] not in TERMINATORS:
                    j -= 1
                cues.append(Cue(kind, base + i, base + i + n_post, base + j, base + i,
                                " ".join(words[i:i + n_post])))
                i += n_post
                break
            n_pre = n_post if forward else _match(words, i, pre)
            if n_pre and kind == "hedge" and _measured_risk(words, i):
                n_pre = 0
            if n_pre:
                # "X, but not Y, reduced Z": an elliptical contrast negates Y only, up to the comma
                stops = TERMINATORS | ({","} if words[i] == "not" and i > 0
                                       and words[i - 1] in ("but", "and", "or", ",") else set())
                j = i + n_pre
                while j < len(words) and j - i < MAX_SCOPE and words[j] not in stops \
                        and not (kind == "negation" and (_next_clause(words, i + n_pre, j)
                                                         or _second_predicate(words, i, j)
                                                         or (_population_at(words, j) and
                                                             words[i] in _VERBAL_NEGATION))):
                    j += 1
                if kind == "negation":
                    j = min(j, _history_end(sent, i + n_pre, j))
                    if "," in stops:
                        # "X but not Y reduced Z": the contrast negates the entity Y only
                        at = i + n_pre + (words[i + n_pre] in _ARM_PREPOSITIONS
                                          if i + n_pre < len(words) else 0)
                        named = next((e for e in sent.ents if e.start == base + at), None)
                        if named is not None:
                            j = min(j, named.end - base)
                cues.append(Cue(kind, base + i, base + i + n_pre, base + i + n_pre, base + j,
                                " ".join(words[i:i + n_pre])))
                i += n_pre
                break
        else:
            i += 1
    return cues


def cues(doc: Doc) -> list[Cue]:
    """All cues of ``doc`` (cached in ``doc.user_data`` by the component)."""
    cached = doc.user_data.get("litkg_context_cues")
    if cached is None:
        cached = [c for sent in _sentences(doc) for c in sentence_cues(sent)]
        doc.user_data["litkg_context_cues"] = cached
    return cached


def covering(doc: Doc, i: int, kind: str) -> Cue | None:
    """The cue of ``kind`` whose scope covers token ``i`` (nearest cue first), or ``None``."""
    best = None
    for cue in cues(doc):
        if cue.kind == kind and cue.covers(i):
            if best is None or abs(cue.start - i) < abs(best.start - i):
                best = cue
    return best


def denied_between(doc: Doc, first: Span, then: Span, links: tuple[str, ...]) -> bool:
    """Is the link from ``first`` to the later ``then`` denied by a negation right before a link
    word (``links``, prefixes) between them ("Y was not caused by X", "Y was not significantly
    associated with X")?  ``first`` is outside the negation's scope, yet the relation is
    denied; a negation of something else between them ("Y without fever after X") is not."""
    if then.start < first.end:
        return False
    for c in cues(doc):
        if c.kind != "negation" or not (first.end <= c.start and c.end < then.start):
            continue
        words = doc[c.end:min(c.end + 3, then.start)]
        link = next((t for t in words if t.lower_.startswith(links)), None)
        if link is not None and all(t.is_alpha for t in doc[c.end:link.i]) and \
                not any(t.text in (",", ";", ":") for t in doc[first.end:c.start]):
            return True
    return False


def span_context(span: Span) -> tuple[bool, bool]:
    """``(negated, hedged)`` for any span of a processed doc."""
    doc = span.doc
    neg = any(covering(doc, t.i, "negation") for t in span)
    hedge = any(covering(doc, t.i, "hedge") for t in span)
    return neg, hedge


class ContextComponent:
    """Sets ``Token._.negated/_.hedged`` and ``Span._.negated/_.hedged`` on ``doc.ents``."""

    def __init__(self, nlp: Language, name: str = "litkg_context"):
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data.pop("litkg_context_cues", None)
        found = cues(doc)
        for cue in found:
            for i in range(cue.scope_start, cue.scope_end):
                token: Token = doc[i]
                if cue.kind == "negation":
                    token._.negated = True
                else:
                    token._.hedged = True
        for ent in doc.ents:
            ent._.negated = any(t._.negated for t in ent)
            ent._.hedged = any(t._.hedged for t in ent)
        return doc


@Language.factory("litkg_context")
def make_context(nlp: Language, name: str) -> ContextComponent:
    return ContextComponent(nlp, name)
