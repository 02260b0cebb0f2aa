"""Cause phrases between a drug and a condition: the word order a harm cue implies
("X causes Y", "Y caused by X", "Y after X"), the "X-induced Y" compound, a causal verb with the
drug as subject, the cause or onset phrase right after a condition and the drugs it names, and
the lists ("A and B") whose members share a link.

Split from :mod:`litkg.extract.claims_relations`, which decides the harm pairs with them.
"""

import re

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.claims_nonfindings import prior_failure

CONDITION_LABELS = {"CONDITION", "PHENOTYPE"}


def _ae_cue_ok(doc: Doc, d: Span, c: Span, i: int) -> bool:
    """Is the cue at token ``i`` a harm link from drug ``d`` to condition ``c``?  The cue's
    class fixes the word order: "X causes Y" / "Y caused by X", "Y after/during X",
    "Y due to X", "X-associated Y" or "Y associated with X"."""
    word = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    drug_first = d.end <= i < c.start
    cond_first = c.end <= i < d.start
    if word.startswith(lex.AE_CAUSAL):
        return (drug_first and nxt != "by") or (cond_first and nxt == "by") or \
            (i == d.end + 1 and doc[d.end].text == "-")  # "X-induced Y"
    if word in ("secondary", "due") and nxt != "to":
        return False  # "secondary hyperparathyroidism", "due course": not a cause
    if word.startswith(lex.AE_TEMPORAL) or word.startswith(lex.AE_BECAUSE):
        return cond_first or (i == d.end + 1 and doc[d.end].text == "-")
    if word.startswith(lex.AE_ASSOCIATION):
        return drug_first or cond_first
    if word.startswith(lex.AE_ONSET):  # "on X therapy, the patient developed Y"
        return drug_first
    return False


def _compound_cause(doc: Doc, d: Span, c: Span) -> bool:
    """'heparin-induced thrombocytopenia', 'drug-associated wide complex dysrhythmia',
    'vincristine induced neuropathy'."""
    if c.start == d.end + 1 and doc[d.end].lower_ == "induced" and doc[d.end - 1].whitespace_:
        return True  # "vincristine induced neuropathy": the hyphen left out
    if d.end + 1 < len(doc) and doc[d.end].text in ("-", "/") and not doc[d.end - 1].whitespace_ \
            and not doc[d.end].whitespace_:
        # "amoxicillin-clavulanate induced Y": the first drug of a combination causes it too
        partner = next((e for e in doc.ents if e.start == d.end + 1 and e.label_ == d.label_), None)
        if partner is not None and partner.end <= c.start and _compound_cause(doc, partner, c):
            return True
    if d.end + 1 < c.start and doc[d.end].lower_ in ("and", "or") and doc[d.end - 1].whitespace_:
        # "5-FU or capecitabine-induced Y", "cisplatin and bleomycin-induced Y": a drug
        # coordinated with the cause of the compound shares it
        partner = next((e for e in doc.ents if e.start == d.end + 1 and e.label_ == d.label_), None)
        if partner is not None and partner.end <= c.start and _compound_cause(doc, partner, c):
            return True
    if d.end + 2 > c.start or c.start - (d.end + 2) > 3 or doc[d.end].text not in ("-", "–"):
        return False
    # "X-induced severe Y" and "X-induced A and Y": modifiers and a list may stand between;
    # "X-induced lupus in Crohn's disease": a preposition or a colon ends the compound before Y
    if any(t.lower_ in _COMPOUND_BREAK or not t.is_alpha and t.text not in ("-", ",")
           for t in doc[d.end + 2:c.start]):
        return False
    # a condition between them names the compound's own effect; Y shares it only as the next
    # member of a list ("X-induced A and Y"), not past a verb ("X-induced A suggests a Y")
    if any(e.label_ in CONDITION_LABELS and d.end + 2 <= e.start and e.end <= c.start and
           any(t.lower_ not in (",", "and", "or") for t in doc[e.end:c.start]) for e in doc.ents):
        return False
    return doc[d.end + 1].lower_.startswith(("induc", "associat", "relat", "caus", "provok",
                                             "precipitat", "triggered"))


_COMPOUND_BREAK = frozenset({"in", "of", "with", "after", "during", "on", "for", "from", "by",
                             "to", "at", "as", "following", "who", "which", "that"})


#: temporal cues that, right after a condition, date its onset by a drug given before
_ONSET_AFTER = ("after", "following", "during")


#: "X caused Y", "propensity of X to cause Y", "X may induce severe Y", "X increased the risk
#: of Y": a causal verb with the drug as its subject and the condition as its object, nothing
#: else between but a few modifiers of the condition (:data:`_OBJECT_MODIFIERS`)
_DIRECT_CAUSE = re.compile(
    # "X reduced A but increased Y": a verb after "and" / "but" shares the drug subject of the
    # first predicate (a finite verb and its object, no clause break)
    r"^\s*(?:[a-z]+(?:ed|es)\s+(?:[^\s,;.()]+\s+){1,5}(?:and|but)\s+)?"
    r"(?:(?:to|may|can|could|might|also|often|frequently|rarely|which|"
    r"that|reportedly|probably|likely|has|have|had|significantly|"
    r"markedly|substantially)\s+){0,2}"
    r"(?:(?:caused|causes|cause|causing|induced|induces|induce|inducing|"
    r"provoked|provokes|provoke|precipitated|precipitates|triggered|"
    r"triggers)\s+(?:(?:a|an|the|severe|acute|marked|significant|"
    r"serious|fatal|mild|transient)\s+){0,2}|"
    # "X increased the risk of Y": a raised risk is a harm ("reduced the
    # risk of Y" is a benefit, claims_benefit._lowered_risk_of)
    r"(?:increased|increases|increase|increasing|raised|raises|raise|"
    r"doubled|doubles|tripled|triples)\s+(?:the\s+)?(?:risks?|incidence|"
    r"odds|likelihood|occurrence)\s+of\s+|"
    # "(use of) X was associated with an increased risk of Y": the epidemiological form of the
    # same raised risk (the drug's class is named as often as a drug)
    r"(?:(?:use|therapy|treatment|exposure|intake)\s+)?(?:was|were|is|are|been)\s+"
    r"(?:(?:significantly|independently|strongly|consistently)\s+)?associated\s+with\s+"
    r"(?:an?\s+)?(?:(?:significantly|\d+(?:\.\d+)?-fold)\s+)?(?:increased|higher|elevated|"
    r"greater|excess)\s+(?:risks?|incidence|odds|likelihood|rates?|hazard)\s+of\s+|"
    # "X increased pruritus", "X worsened Y": a condition raised or made worse by the drug
    r"(?P<raised>increased|increases|increase|worsened|worsens|worsen|aggravated|aggravates|"
    r"aggravate|exacerbated|exacerbates|exacerbate)\s+)"
    r"(?P<mods>(?:[a-z0-9]\w*(?:-\w+)*\s+){0,2})$", re.I)
#: words that cannot modify the condition after the causal verb: with one of them between, the
#: condition belongs to another phrase ("X caused a decrease in Y", "the risk of death in Y")
_NOT_MODIFIER = frozenset({"of", "in", "on", "for", "from", "with", "by", "to", "at", "as",
                           "and", "or", "but", "than", "after", "during", "among", "versus",
                           "vs", "not", "no", "without", "patients", "subjects", "children",
                           "adults", "women", "men", "people"})
#: what may follow the condition when modifiers stand before it: the noun phrase must end at
#: the condition ("X induced complete Y remission" names the remission, not a harm Y)
_PHRASE_END = frozenset({"in", "of", "on", "for", "from", "with", "by", "to", "at", "as", "and",
                         "or", "but", "than", "after", "during", "among", "when", "which",
                         "that", "who", "is", "was", "were", "are", "compared", "versus", "vs",
                         "following", "requiring", "leading"})


def _direct_cause(doc: Doc, d: Span, c: Span) -> bool:
    """Is ``d`` the subject of a causal verb whose object is ``c``?  Up to two modifiers may
    stand before ``c`` ("increase the risk of immune-mediated Y", "of genital Y"), when none
    is a function word or another entity and the noun phrase ends with ``c``."""
    if not (d.end < c.start and c.start - d.end <= 16):
        return False
    m = _DIRECT_CAUSE.match(doc.text[d.end_char:c.start_char])
    if not m or not (m.group("mods") or m.group("raised")):
        return bool(m)
    # ("increased seizure threshold": the raised thing is the noun after the condition)
    mods_at = d.end_char + m.start("mods")
    if any(w.lower() in _NOT_MODIFIER for w in re.split(r"[\s-]+", m.group("mods")) if w) or \
            any(e.start_char >= mods_at and e.end <= c.start for e in doc.ents):
        return False
    nxt = doc[c.end] if c.end < len(doc) else None
    return nxt is None or not nxt.is_alpha or nxt.is_sent_start or nxt.lower_ in _PHRASE_END


#: "Y on X", "Y on long-term oral X": the condition, then "on" and the drug after at most two
#: modifiers
_ON_DRUG = re.compile(r"^\s*on\s+(?:[a-z][\w-]*\s+){0,2}$", re.I)


def on_drug(doc: Doc, d: Span, c: Span, drugs: list[Span]) -> bool:
    """"lactic acidosis on stavudine and lamivudine", "hepatotoxicity on isoniazid": the
    condition right before "on" and the drug it was taken under (or a member of that drug's
    list) right after; "on" as a harm link only in this order and this close."""
    def direct(x: Span) -> bool:
        return c.end <= x.start and bool(_ON_DRUG.match(doc.text[c.end_char:x.start_char]))

    if direct(d):
        return True
    lists = _listed_pairs(doc, drugs)
    # walk the list back from d to its first member
    seen, frontier = {d.start}, [d]
    while frontier:
        x = frontier.pop()
        for a, b in lists:
            if a is x and b.start < x.start and b.start not in seen:
                if direct(b):
                    return True
                seen.add(b.start)
                frontier.append(b)
    return False


_HEDGE_GLUE = frozenset({"thought", "believed", "considered", "presumed", "suspected", "felt",
                         "to", "be", "probably", "possibly", "presumably", "likely", "most",
                         "apparently", "was", "were", "is", "are"})


def _cause_follows(doc: Doc, c: Span, drugs: list[Span]) -> bool:
    """"patients with Y induced by X", "a case of Y due to X", "a child with Y following X
    therapy", "a patient with Y on X": a cause phrase or an onset after a drug (or "on" it,
    :func:`on_drug`) right after the condition names the drug
    as its cause, whatever the words before it ("patients with"); the pair is then the
    classifier's to judge.  The cue must open a phrase ("induced by", "related to"): glued to
    a word it modifies what follows ("renal failure-related calciphylaxis")."""
    # "a patient with Y on X": the drug it came on, as an onset does
    if any(on_drug(doc, d, c, drugs) for d in drugs):
        return True
    # "Y thought to be due to X", "Y probably caused by X": a hedge may stand before the cue
    start = c.end
    while start < len(doc) - 1 and start - c.end < 4 and doc[start].lower_ in _HEDGE_GLUE:
        start += 1
    for i in range(c.end, min(len(doc) - 1, start + 3)):
        word, nxt = doc[i].lower_, doc[i + 1].lower_
        caused = word.startswith(lex.AE_CAUSAL + lex.AE_BECAUSE) and nxt in ("by", "to")
        # the drug within a few words of the temporal cue ("after 3 weeks of X", "following X")
        onset = word in _ONSET_AFTER and any(0 <= d.start - i <= 5 for d in drugs) and \
            not prior_failure(doc, i + 1)  # "Y after progression on X": X is history
        if (caused or onset) and doc[i - 1].whitespace_ and \
                any(d.start > i and _ae_cue_ok(doc, d, c, i) for d in drugs):
            return True
    return False


def _named_causes(doc: Doc, c: Span, drugs: list[Span]) -> list[Span]:
    """The drugs a cause phrase right after ``c`` names ("Y caused by X", "Y due to X and Z"):
    the drug opening the phrase and its list mates; [] for an onset ("Y after X") or none."""
    start = c.end
    while start < len(doc) - 1 and start - c.end < 4 and doc[start].lower_ in _HEDGE_GLUE:
        start += 1
    for i in range(c.end, min(len(doc) - 1, start + 3)):
        if doc[i].lower_.startswith(lex.AE_CAUSAL + lex.AE_BECAUSE) and \
                doc[i + 1].lower_ in ("by", "to"):
            first = next((d for d in sorted(drugs, key=lambda d: d.start)
                          if 0 < d.start - (i + 1) <= 4), None)
            if first is None:
                return []
            # a list ("X and Z") or a combination glued by a hyphen or slash ("uracil-tegafur",
            # "SSRI-metoclopramide interaction") is named as a whole
            named, lists = [first], _listed_pairs(doc, drugs) + _glued_pairs(doc, drugs)
            for a, b in lists + lists:
                if any(a is n for n in named) and not any(b is n for n in named):
                    named.append(b)
            return named
    return []


_LIST_GLUE = {",", "and", "or", "/"}


def _glued_pairs(doc: Doc, spans: list[Span]) -> list[tuple[Span, Span]]:
    """Neighbours glued by a hyphen or slash without spaces ("A-B", "A/B"): both orders."""
    spans = sorted(spans, key=lambda e: e.start)
    return [p for a, b in zip(spans, spans[1:]) if b.start == a.end + 1
            and doc[a.end].text in ("-", "/") and not doc[a.end - 1].whitespace_
            and not doc[a.end].whitespace_ for p in ((a, b), (b, a))]


def _listed_pairs(doc: Doc, spans: list[Span]) -> list[tuple[Span, Span]]:
    """Neighbours in one list ("A and B", "A, B"): both orders of each adjacent pair."""
    spans = sorted(spans, key=lambda e: e.start)
    out = []
    for a, b in zip(spans, spans[1:]):
        gap = doc[a.end:b.start]
        # "fever (59%), chills (18%) and arrhythmia (18%)": a member's own rate stands after it
        if len(gap) > 2 and gap[0].text == "(":
            close = next((t.i for t in gap if t.text == ")"), None)
            if close is not None and close - gap[0].i <= 8 and \
                    any(t.like_num for t in doc[gap[0].i:close]):
                gap = doc[close + 1:b.start]
        if 0 < len(gap) <= 2 and all(t.lower_ in _LIST_GLUE for t in gap):
            out += [(a, b), (b, a)]
    return out
