"""Clinical endpoints: what a trial or case measured that is not a lab analyte or a disease.

"overall survival", "4-month progression-free survival rate", "time of onset of sensory block",
"tear breakup time", "sedation scores", "length of hospital stay", "need for further
intervention", "body weight": outcome claims are about these as often as about analytes, yet no
chemical or disease vocabulary names them.  This module reads such phrases off the tokens
no other entity holds (:func:`find_endpoints`) and holds the words they are made of, which other
stages share; the ``litkg_endpoints`` component (:mod:`litkg.extract.endpoint_entities`) labels
them ``ENDPOINT``, together with the entities other stages named that are really measures
("pain scores", "morphine requirements", "Cmax").

The method is a noun-phrase pattern over the tokens the entity stage left free:
- a *head* from :data:`HEADS`.  Most are the frequent last words of the outcome strings in the
  Evidence Inference 2.0 *train* prompts (rate 49, score 45, scores 37, time 35, survival 18,
  mortality 14, ...: the heads of at least three strings that name a measure, leaving out time
  words, units, analytes and diseases, which other stages name); the
  rest are spelling and number variants of those (hospitalisation, relapses, times) and endpoint
  nouns of the same kind that the prompts use less often (healing, readmission, need, onset,
  incidence, recurrence).  The lab-value heads "level" and "concentration" are left out: the
  entity stage already names their analyte;
- up to four *modifier* words before it (content words: not a determiner, preposition, number,
  statistic word, change word or past verb form, not part of another entity; hyphenated words
  such as "progression-free" count as one), without a leading time window ("4-month");
- for heads that take a complement ("time to", "duration of", "need for", "incidence of"), up
  to five words of "of/to/for ..." after it.
A head that says nothing alone ("rate", "score", "time") needs a modifier or a complement;
one that is an endpoint by itself ("survival", "mortality", "remission") does not.

ENDPOINT entities are outcome objects only: treatment and adverse-effect relations read
conditions and phenotypes, so "hospitalization" or "mortality" never become an indication or a
drug's harm here.  Endpoints have no identifiers (no public vocabulary grounds "sedation score";
unknown stays unknown).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

#: endpoint heads that name a clinical measure by themselves
STANDALONE_HEADS = frozenset({
    "survival", "mortality", "remission", "relapse", "relapses", "recurrence", "recurrences",
    "hospitalization", "hospitalisation", "hospitalizations", "hospitalisations", "readmission",
    "readmissions", "analgesia", "healing", "cure", "adherence", "compliance", "progression",
    "satisfaction", "survivals",
    # a vaccine trial's count of those who made antibodies
    "seroconversion", "seroconversions", "seroprotection",
})
#: endpoint heads that need a modifier or a complement ("response rate", "time to relapse")
MODIFIED_HEADS = frozenset({
    "rate", "rates", "score", "scores", "time", "times", "scale", "index", "events", "loss",
    "complications", "volume", "symptoms", "costs", "cost", "size", "stay", "weight",
    "gain", "toxicity", "episodes", "questionnaire", "frequency",
    "consumption", "ratings", "rating", "intensity", "severity", "duration", "count", "counts",
    "saturation", "saturations", "temperature", "thickness", "function", "status", "quality", "incidence",
    "onset", "need", "requirement", "requirements", "length", "response", "responses", "success",
    "failure", "use", "velocity", "distance", "capacity", "density",
    "clearance", "output", "fraction", "block", "recovery",
    # a timed span of a recording: "QT interval", "PR interval", "fractionation intervals"
    "interval", "intervals",
    "speed",  # "speed of induction", "walking speed"
    # an antibody level a vaccine trial measures: "antibody titres", "neutralising titers"
    "titre", "titres", "titer", "titers",
    # a pressure measured in a body space: "intraocular pressure", "central venous pressure"
    "pressure", "pressures",
})
HEADS = STANDALONE_HEADS | MODIFIED_HEADS
#: heads that take an "of/to/for ..." complement naming what was timed, counted or needed
_COMPLEMENT_HEADS = frozenset({"time", "times", "duration", "onset", "need", "requirement",
                               "requirements", "length", "incidence", "rate", "rates", "quality",
                               "frequency", "number", "risk", "severity", "intensity", "loss",
                               "recovery", "use", "consumption", "saturation", "speed"})
_COMPLEMENT_PREPS = frozenset({"of", "to", "for"})
#: a name's shape (a capital after the first letter, or a digit): "H", "CD138", "dextran-40"
_NAME_SHAPED = re.compile(r"^(?:[A-Z]{1,2}$|\w*[A-Z]\w*[A-Z0-9]|\w+-?\d)")
#: words that never stand inside an endpoint name
STOP_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "of", "in", "on", "at", "by", "for", "to", "from", "with", "without", "and", "or", "but",
    "vs", "versus", "than", "as", "into", "between", "among", "after", "before", "during",
    "below", "above", "under", "within",  # "HIV-1 RNA below 50 copies/mL": a threshold
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "did", "does", "not", "no",
    "mean", "median", "average", "baseline", "group", "groups", "arm", "arms",
    "patients", "patient", "subjects", "participants", "higher", "lower", "greater", "less",
    "more", "fewer", "increased", "decreased", "reduced", "improved", "significantly",
    "significant", "similar", "comparable", "statistically", "both", "all", "each", "which",
    "who", "whose", "study", "control", "placebo", "we", "it", "there",
    "also", "only", "however", "respectively", "p", "ci", "vs.", "e.g.", "i.e.", "per",
    "confidence", "credible",  # "95% confidence interval" is a statistic's
    "primary", "secondary", "end", "point", "measures", "measure", "outcome", "outcomes",
    "including", "included", "such", "other", "any", "some", "same", "different", "changes",
    "change", "one", "two", "three", "long", "longer", "short", "shorter", "first", "last",
    "next", "prolonged", "extended", "brief", "whole", "entire", "given", "certain",
    # verbs that follow an endpoint in a results sentence end it ("time to relapse indicates")
    "indicate", "indicates", "indicated", "suggest", "suggests", "suggested", "show", "shows",
    "showed", "shown", "demonstrate", "demonstrates", "demonstrated", "remain", "remains",
    "remained", "differ", "differs", "differed", "occur", "occurs", "occurred", "appear",
    "appears", "appeared", "seem", "seems", "tend", "tended", "reach", "reached", "exceed",
    "exceeded", "correlate", "correlated", "compared", "according", "using", "used",
    "associated", "related", "observed", "found", "reported", "measured", "assessed",
    "evaluated", "recorded", "improve", "improves", "decrease", "decreases", "increase",
    "increases", "reduce", "reduces", "drastic", "marked", "slight", "modest",
    "thus", "then", "therefore", "hence", "similarly", "likewise", "while", "whereas",
    "when", "efficient", "effective", "valid", "reliable", "good", "poor", "novel", "useful",
    "simple", "new", "best", "optimal", "over", "real", "high", "low", "highest", "lowest",
    "limited", "considerable", "substantial", "poorer", "better", "worse", "normal",
    "faster", "slower", "quicker", "earlier", "later", "larger", "smaller", "bigger",
    "excellent", "should", "would", "could", "may", "might", "must", "can", "will", "shall",
    "they", "we", "you", "he", "she", "them", "us",
    # infinitives of aims ("to assess closure rate") and vague quantities
    "assess", "compare", "evaluate", "determine", "examine", "investigate", "explore", "measure",
    "estimate", "predict", "explain", "counteract", "prevent", "maintain", "achieve", "enhance",
    "promote", "test", "analyse", "analyze", "describe", "identify", "report", "monitor",
    "record", "calculate", "quantify", "influence", "affect", "modify", "likely", "unlikely",
    "distinct", "customary", "many", "several", "various", "few", "much",
    # quantifiers of a count ("multiple times", "incidence of most of the cancers")
    "multiple", "numerous", "most", "majority",
})
#: heads that name a measure only with their complement: "need for dialysis", not "services
#: they need"
_COMPLEMENT_REQUIRED = frozenset({"need", "requirement", "requirements"})
#: gerunds that name a function measured ("walking distance", "sleeping time"); any other -ing
#: word is a verb ("while measuring functional output", "by accelerating healing")
_FUNCTION_GERUNDS = frozenset({"walking", "sleeping", "swallowing", "breathing", "hearing",
                               "bleeding", "functioning", "healing", "voiding", "fasting",
                               "reading", "eating", "drinking", "smoking", "running"})
_HARM_WORDS = frozenset({"adverse", "side", "undesirable", "unwanted", "untoward"})
#: the pressure of evolution and society, which nothing measures in a body
_FIGURATIVE_PRESSURE = frozenset({"selective", "selection", "evolutionary", "social", "peer",
                                  "time", "economic", "financial"})
#: "time of diagnosis", "time of admission": a time point, not something measured
_TIME_POINTS = frozenset({"diagnosis", "admission", "discharge", "randomization", "randomisation",
                          "enrollment", "enrolment", "inclusion", "birth", "delivery",
                          "presentation", "assessment", "evaluation", "follow-up", "entry",
                          "screening", "injection", "infusion", "dosing", "sampling"})
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9'’-]*$|^\d+[-–](?:month|week|day|year|h|hour|min)s?$|"
                   r"^[A-Za-z0-9]+[-–][A-Za-z0-9-]+$", re.I)
MAX_MODIFIERS = 4
MAX_COMPLEMENT = 5


#: participles that do stand in endpoint names ("adjusted mortality", "patient-reported pain")
_NAME_PARTICIPLES = frozenset({"adjusted", "estimated", "corrected", "standardized",
                               "standardised", "weighted", "combined", "reported", "related",
                               "assisted", "based", "limited", "free"})
#: irregular past forms of change verbs ("the need for dialysis fell")
_IRREGULAR_VERBS = frozenset({"fell", "fallen", "rose", "risen", "grew", "grown", "went", "gone",
                              "became", "led", "made", "got", "kept", "held", "left"})


def verb_like(word: str) -> bool:
    """A past verb or participle ends a noun phrase here: there is no tagger in the pipeline,
    and results sentences put one right after the endpoint ("PFS improved")."""
    return word in _IRREGULAR_VERBS or (
        len(word) > 4 and word.endswith("ed") and word not in _NAME_PARTICIPLES) or (
        len(word) > 5 and word.endswith("ing") and word not in _FUNCTION_GERUNDS)


def content_word(token, taken: set[int]) -> bool:
    """A word of a measure's name: free (not in ``taken``), no number, function word, change
    word or past verb form."""
    return (token.i not in taken and not token.is_punct and not token.like_num
            and token.lower_ not in STOP_WORDS and not verb_like(token.lower_)
            and bool(_WORD.match(token.text)))


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen written inside a word ("progression-free", "4-month")."""
    return doc[i].text in ("-", "–") and i > 0 and i + 1 < len(doc) and \
        not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _modifier(doc: Doc, k: int, taken: set[int]) -> bool:
    """Token ``k`` may stand in front of an endpoint head: a content word, or a piece of a
    hyphenated word ("4-month", "progression-free")."""
    tok = doc[k]
    if k in taken:
        return False
    if glued_hyphen(doc, k):
        return True
    if (tok.like_num or (tok.is_alpha and (tok.lower_ not in STOP_WORDS or tok.lower_ == "all"))) \
            and k + 1 < len(doc) and glued_hyphen(doc, k + 1):
        return True  # "4-month", "all-cause" (but not "long-distance")
    return content_word(tok, taken)


_TIME_WINDOW = re.compile(r"^\d+(\.\d+)?\s*[-–]\s*(months?|weeks?|days?|years?|yr|h|hours?)$", re.I)


def _skip_time_window(doc: Doc, start: int, head: int) -> int:
    """"4-month progression-free survival", "1-year overall survival": the window is when the
    endpoint was read (a time point), not its name; the name is what the text abbreviates."""
    if start + 2 < head and _TIME_WINDOW.match(doc[start:start + 3].text):
        return start + 3
    return start


#: heads that time something: "of <drug>" after them names whose time, not what was counted
_TIMED_HEADS = frozenset({"time", "times", "onset", "duration"})
#: a head word followed by one of these modifies a stretch of DNA ("response element")
_GENE_ELEMENTS = frozenset({"element", "elements", "gene", "genes", "promoter", "promoters"})


def _complement_end(doc: Doc, head: int, end: int, taken: set[int]) -> int:
    """End of an "of/to/for ..." complement after ``head`` (exclusive), or ``head + 1``.

    Another entity ends the complement, and then there is none: "incidence of hypotension" is
    about hypotension, which is already an entity and the outcome's object."""
    i = head + 1
    if i >= end or doc[i].lower_ not in _COMPLEMENT_PREPS:
        return head + 1
    if doc[head].lower_ in _COMPLEMENT_REQUIRED and doc[i].lower_ == "to":
        return head + 1  # "the need to apply X": a verb phrase, not "the need for X"
    if i + 1 < end and i + 1 in taken:
        if doc[head].lower_ in _TIMED_HEADS and any(
                e.start == i + 1 and e.label_ == "DRUG" for e in doc.ents):
            return head + 1  # "the onset time of rocuronium": the drug's time is the endpoint
        return -1  # "incidence of hypotension": the entity is what was counted
    if doc[head].lower_ == "use" and i + 1 < end and _NAME_SHAPED.match(doc[i + 1].text):
        return -1  # "use of H", "use of CD138 staining": a named agent or method was used
    j, last = i + 1, head + 1
    words = 0
    while j < end and words < MAX_COMPLEMENT:
        tok = doc[j]
        if j in taken:
            # "duration of action of rocuronium": what was timed, without whose it was
            timed = doc[head].lower_ in _TIMED_HEADS and last > head + 1 and any(
                e.start == j and e.label_ == "DRUG" for e in doc.ents)
            return last if timed else head + 1
        if tok.lower_ in _COMPLEMENT_PREPS and words:
            j += 1  # "time of onset of sensory block": a chained complement
            continue
        if not content_word(tok, taken):
            break
        words += 1
        last = j + 1
        j += 1
    return last


#: "falls" counted as events ("Falls were less frequent with X", "the number of falls"); also a
#: verb ("blood pressure falls"), so a noun only after a word that opens a noun phrase
_NOUN_OPENERS = frozenset({"of", "the", "no", "fewer", "more", "any", "and", "or", "in", "for",
                           "from", "with", "without", "to", "recurrent", "injurious", "serious",
                           "multiple", "accidental", "prevent", "preventing", "reduce",
                           "reduced", "reducing", "had", "sustained", "than", "vs", "versus"})


def _counted_falls(doc: Doc, sent: Span, taken: set[int]) -> list[tuple[int, int]]:
    """Falls the text counts: "falls" opening its sentence before a verb, or after a word that
    opens a noun phrase ("number of falls", "fewer falls"); never the verb ("pressure falls",
    "the risk falls to")."""
    out = []
    for tok in sent:
        # "fall" alone is mostly a drop ("a fall in blood pressure"): only the plural counts
        if tok.lower_ != "falls" or tok.i in taken:
            continue
        if tok.i == sent.start:
            noun = tok.i + 1 < sent.end and \
                doc[tok.i + 1].lower_ in ("were", "was", "occurred", "and", "or", "decreased",
                                          "increased", "fell", "rose", "did", "remained")
        else:
            before = doc[tok.i - 1].lower_
            noun = (before in _NOUN_OPENERS or doc[tok.i - 1].like_num) \
                and not (tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in ("in", "to", "by",
                                                                          "from", "below"))
        if noun:
            out.append((tok.i, tok.i + 1))
            taken.add(tok.i)
    return out


def find_endpoints(doc: Doc, sent: Span, taken: set[int]) -> list[tuple[int, int]]:
    """(start, end) token spans of endpoint phrases in ``sent``, avoiding ``taken`` tokens
    (which is updated with the endpoints found: a copy per sentence would cost a full text
    its square)."""
    spans: list[tuple[int, int]] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        word = tok.lower_
        if word not in HEADS or i in taken or (i + 1 < sent.end and glued_hyphen(doc, i + 1)):
            i += 1  # "progression-free survival": "progression" modifies the head that follows
            continue
        if word in ("time", "times") and i > sent.start and glued_hyphen(doc, i - 1):
            i += 1  # "night-time sleep", "leisure-time activity", "part-time": an adjective
            continue
        # "survival rate", "pain score": the last of adjacent head words is the head
        last = i
        while last + 1 < sent.end and doc[last + 1].lower_ in HEADS and last + 1 not in taken:
            last += 1
        start = i
        words = 0
        while start - 1 >= sent.start and _modifier(doc, start - 1, taken):
            glued = glued_hyphen(doc, start - 1) or (start < len(doc) and glued_hyphen(doc, start))
            if not glued:
                words += 1
                if words > MAX_MODIFIERS:
                    break
            start -= 1
        while start < i and (glued_hyphen(doc, start) or doc[start].like_num and
                             not glued_hyphen(doc, start + 1)):
            start += 1  # never start on a hyphen or a bare number
        # never start inside a hyphenated word whose first part could not be taken ("Long-term
        # use": not "term use")
        if start < i and start > sent.start and glued_hyphen(doc, start - 1):
            while start < i and (start + 1 < len(doc) and glued_hyphen(doc, start + 1)
                                 or glued_hyphen(doc, start)):
                start += 1
            start += 1 if start < i and glued_hyphen(doc, start - 1) else 0
        start = _skip_time_window(doc, start, i)
        end = last + 1
        head_word = doc[last].lower_
        if last + 1 < sent.end and doc[last + 1].lower_ in _GENE_ELEMENTS:
            i = last + 1  # "androgen response elements", "early response genes": DNA, not a measure
            continue
        if head_word in _COMPLEMENT_HEADS:
            end = _complement_end(doc, last, sent.end, taken)
            if end < 0:
                i = last + 1
                continue
        if any(doc[k].lower_ in _HARM_WORDS for k in range(start, end)):
            i = end  # "serious adverse events": the harm cue of the adverse-effect rules
            continue
        if head_word in ("pressure", "pressures") and any(
                doc[k].lower_ in _FIGURATIVE_PRESSURE for k in range(start, last)):
            i = end  # "antibiotic selective pressure": a force on a population, not measured
            continue
        if head_word in ("time", "times") and end > last + 2 and \
                doc[last + 2].lower_ in _TIME_POINTS:
            end = last + 1  # "at the time of diagnosis": when, not what
        if head_word in _COMPLEMENT_REQUIRED and end == last + 1:
            i = last + 1
            continue
        alone = start == i and last == i and end == i + 1
        if alone and word not in STANDALONE_HEADS:
            i += 1
            continue
        spans.append((start, end))
        taken.update(range(start, end))
        i = end
    # after the heads: "the rate of falls" is the rate
    return sorted(spans + _counted_falls(doc, sent, taken))


_HEAD_OF_NAME = re.compile(r"([a-z][a-z0-9-]*)\s*$")


def names_endpoint(label: str) -> bool:
    """A concept label that reads as an endpoint phrase ("overall survival", "sedation
    scores"): used to type outcome objects in RDF."""
    text = label.lower().strip()
    head = text.split(" of ")[0].split(" to ")[0].split(" for ")[0]
    m = _HEAD_OF_NAME.search(head)
    if m is None:
        return False
    word = m.group(1)
    return word in STANDALONE_HEADS or (word in MODIFIED_HEADS and (" " in head or head != text))
