"""How likely a claim matching an Evidence Inference prompt is to give the prompt's direction.

An abstract names a prompt's outcome in many sentences: the aim ("to compare X and Y on Z"),
the methods, a within-group change ("Z fell in both groups"), a conclusion about something
else that shares a word with Z, and - when the abstract reports it at all - the between-arm
result.  Half the train prompts have their evidence only in the full text, and a direction
read from a sentence that does not report the result is right about half the time.  Each
candidate claim is described by general features of the claim and its sentence (section,
statistics, both arms named, comparison or within-group wording, how much of the outcome the
claim's object covers, whether the direction classifier's reading of the whole sentence agrees
and how sure it is) and scored by a small logistic model trained on the train split (label: the
candidate's direction is the prompt's, read with direction models that did not see the article;
``scripts/train_evidence_ranker.py`` rebuilds it).  When even the best candidate is unlikely to
be right (< :data:`MIN_CONFIDENCE`) the prompt is left unanswered.

Runtime is pure Python: the model is a JSON map of feature weights.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from litkg.evaluate.evidence_inference import content_words as words
from litkg.paths import read_data_json

MODEL_FILE = "evidence_ranker.json.gz"
#: below this probability that the best candidate's direction is right, the prompt gets no
#: answer.  5-fold article-level CV on the train split (scripts/train_evidence_ranker.py
#: prints the curve; retrained 2026-11-23 late evening: the closest claims' sentences vote for
#: their direction with their confidence, a comparative before a measure noun of the outcome
#: is its own, a value per arm may carry its interval): 0.750 of 1128 matched prompts right
#: without the gate (recall 0.580); at 0.6, 0.804 of 922 (recall 0.474); at 0.7, 0.832 of
#: 786 (recall 0.404); at 0.75, 0.850 of 699 (recall 0.360).  Before (that evening): 0.744
#: of 1123 (recall 0.578); 0.801 of 915 at 0.6 (recall 0.471); 0.828 of 781 at 0.7; 0.852 of
#: 695 at 0.75.  Validation split at 0.6: 0.734 of 109, recall 0.474 (the same before); at 0:
#: 0.687 of 134, recall 0.583 (0.672 of 134); at 0.75: 0.765 of 81 (0.753).  Where the answer
#: is read from the annotators' own evidence sentence the claims are right 0.88-0.91 of the
#: time; half the train prompts' evidence is only in the full text, and the answers given
#: there are right 0.62-0.69 of the time: telling those apart is the gate's main work.
MIN_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Candidate:
    """One matching claim, reduced to what the ranker reads."""
    direction: str
    subject: str
    object: str
    sentence: str
    section: str  # title | background | methods | results | conclusion | other
    #: the direction classifier's reading of the whole sentence for the prompt's arms and
    #: outcome, with its probability (None without a model)
    reading: tuple[str, float] | None = None


#: the section headings of an abstract ("ABSTRACT.RESULTS:", "ABSTRACT. RESULTS:", "TITLE:",
#: "Conclusions:")
_HEADING = re.compile(r"^\s*(?:ABSTRACT\.[ \t]*)?([A-Z][A-Za-z &/]{2,40}?)\s*:+\s*$|"
                      r"^\s*(?:ABSTRACT\.[ \t]*)?([A-Z][A-Z &/]{2,40}?)\s*:+", re.M)
#: the title's own text and the blank line that ends it
_TITLE_END = re.compile(r"\S[^\n]*\n[ \t]*\n")
_SECTION_KINDS = (("title", ("TITLE",)),
                  ("background", ("BACKGROUND", "INTRODUCTION", "OBJECTIVE", "AIM", "PURPOSE",
                                  "CONTEXT", "RATIONALE", "HYPOTHES", "IMPORTANCE")),
                  ("methods", ("METHOD", "DESIGN", "SETTING", "PARTICIPANT", "PATIENTS",
                               "INTERVENTION", "MEASURE", "SUBJECT", "MATERIAL", "TRIAL REG",
                               "REGISTRATION", "PROCEDURE")),
                  ("results", ("RESULT", "FINDING", "OUTCOME")),
                  ("conclusion", ("CONCLU", "DISCUSSION", "INTERPRETATION", "IMPLICATION",
                                  "SIGNIFICANCE")))


def section_kind(heading: str) -> str:
    heading = heading.upper()
    for kind, keys in _SECTION_KINDS:
        if any(k in heading for k in keys):
            return kind
    return "other"


def section_at(text: str, position: int) -> str:
    """The kind of the last section heading at or before ``position`` in ``text``.  The title
    is one paragraph: an abstract without headings follows it after a blank line, and its
    sentences are "other", not the title (a tenth of the benchmark's abstracts, whose results
    were all read as title sentences)."""
    last = "other"
    for m in _HEADING.finditer(text):
        if m.start() > position:
            break
        last = section_kind(m.group(1) or m.group(2))
        if last == "title":
            end = _TITLE_END.search(text, m.end())
            if end and end.end() <= position:
                last = "other"
    return last


_P_VALUE = re.compile(r"\bp\s*[<=>≤≥]|\bp-?values?\b|95\s*%|\bCI\b|\bOR\b|\bRR\b|\bHR\b", re.I)
_SIGNIFICANT = re.compile(r"significan", re.I)
_NULL = re.compile(r"\b(no|not|non|nor|neither|without)\b[^.;]{0,40}(significan|differ|effect|"
                   r"change|improve)|\bsimilar\b|\bcomparable\b|\bunchanged\b|\bequivalent\b|"
                   r"\bdid not differ\b", re.I)
_BETWEEN = re.compile(r"\bthan\b|\bcompared\b|\bversus\b|\bvs\.?\b|\bbetween\b|\brelative to\b|"
                      r"\bin favou?r\b|\bdifference\b|\bgreater\b|\bsuperior\b|\binferior\b", re.I)
_WITHIN = re.compile(r"\b(both|all|each)\b[^.;]{0,15}\b(groups?|arms?)\b|\bbaseline\b|"
                     r"\bwithin\b|\bover time\b|\bpre-?\s*(and|to)\s*post\b", re.I)
_AIM = re.compile(r"\b(aims?|aimed|objectives?|purpose|hypothes\w*|to (evaluate|assess|compare|"
                  r"determine|investigate|examine|test|explore))\b", re.I)
_HEDGE = re.compile(r"\b(suggests?|may|might|could|appears?|seems?|possibly|potential\w*)\b", re.I)
_PLACEBO = re.compile(r"\b(placebo|control|controls|usual care|sham)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_NUMBER = re.compile(r"\d")


def _bucket(x: float, steps: int = 4) -> str:
    return f"{round(x * steps) / steps:.2f}"


def features(c: Candidate, outcome: str, intervention: str, comparator: str,
             others: list[Candidate]) -> list[str]:
    """Binary features of one candidate for one prompt; ``others`` are all the prompt's
    candidates (this one included), for features relative to them."""
    s = c.sentence
    out_w, obj_w, sent_w = words(outcome), words(c.object), words(s)
    i_own, c_own = words(intervention) - words(comparator), words(comparator) - words(intervention)
    sim = len(out_w & obj_w) / len(out_w | obj_w) if out_w | obj_w else 0.0
    top = max((_jaccard(out_w, words(o.object)) for o in others), default=0.0)
    agree = sum(o.direction == c.direction for o in others) / len(others) if others else 1.0
    f = [f"dir={c.direction}", f"sec={c.section}", f"sec={c.section}|dir={c.direction}",
         f"sim={_bucket(sim)}",
         f"cover_obj={_bucket(len(out_w & obj_w) / len(out_w) if out_w else 0)}",
         f"cover_sent={_bucket(len(out_w & sent_w) / len(out_w) if out_w else 0)}",
         f"agree={_bucket(agree)}", f"hits={min(len(others), 4)}",
         f"len={min(len(s) // 80, 4)}"]
    if sim >= top:
        f.append("sim_top")
    if obj_w - out_w:
        f.append("obj_extra")
    named_i = bool(sent_w & (i_own or words(intervention)))
    named_c = bool(sent_w & c_own) or bool(_PLACEBO.search(s) and _PLACEBO.search(comparator))
    f.append(f"arms={int(named_i)}{int(named_c)}")
    if not words(c.subject) & words(intervention):
        f.append("subject_comparator")
    # the outcome named as one phrase, not its words scattered over the sentence
    f.append(f"run={_bucket(_longest_run(out_w, s) / len(out_w) if out_w else 0)}")
    if c.reading is not None:
        verdict = "agree" if c.reading[0] == c.direction else "disagree"
        f += [f"reading_{verdict}", f"reading_{verdict}|p={_bucket(c.reading[1], 5)}"]
    return f + _wording(s, c.direction)


def _wording(sentence: str, direction: str) -> list[str]:
    """What kind of statement the sentence is: statistics, a null, a comparison between arms,
    a change within arms, an aim, a hedge; each also with the claim's direction."""
    f = []
    for name, rx in (("pvalue", _P_VALUE), ("signif", _SIGNIFICANT), ("null", _NULL),
                     ("between", _BETWEEN), ("within", _WITHIN), ("aim", _AIM),
                     ("hedge", _HEDGE), ("respectively", _RESPECTIVELY), ("number", _NUMBER)):
        if rx.search(sentence):
            f += [name, f"{name}|dir={direction}"]
    return f


def _longest_run(wanted: set[str], sentence: str) -> int:
    """The longest run of consecutive sentence words that are all ``wanted``."""
    best = run = 0
    for w in re.findall(r"[a-z0-9]+", sentence.lower()):
        run = run + 1 if w in wanted else 0
        best = max(best, run)
    return best


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@lru_cache(maxsize=1)
def load_model() -> dict | None:
    return read_data_json(MODEL_FILE)


def score(feats: list[str], model: dict) -> float:
    """Probability that the candidate's direction is the prompt's."""
    z = model["bias"] + sum(model["weights"].get(f, 0.0) for f in set(feats))
    return 1.0 / (1.0 + math.exp(-z))


def candidates(hits, text: str, outcome: str = "", intervention: str = "",
               comparator: str = "") -> list[Candidate]:
    """The distinct candidates of a prompt's matching claims (several claims of one sentence
    on one outcome are one candidate); ``text`` is the abstract, for the section headings."""
    return list(dict.fromkeys(per_claim(hits, text, outcome, intervention, comparator)))


def per_claim(hits, text: str, outcome: str, intervention: str,
               comparator: str) -> list[Candidate]:
    """The candidate of each claim of ``hits``, in their order (the sentence read once)."""
    readings: dict[str, tuple[str, float] | None] = {}
    out = []
    for c in hits:
        s = c.evidence.sentence
        if s not in readings:
            readings[s] = reading(s, outcome, intervention, comparator) if outcome else None
        out.append(Candidate(c.direction, c.subject.text or c.subject.label,
                             c.object.text or c.object.label, s,
                             section_at(text, c.evidence.start), readings[s]))
    return out


def claim_confidences(hits, text: str, outcome: str, intervention: str, comparator: str,
                      model: dict | None = None) -> list[float] | None:
    """The ranker's probability for each claim of ``hits`` (in their order) that its direction
    is the prompt's, or ``None`` without a model."""
    model = model or load_model()
    if model is None or not hits:
        return None
    per = per_claim(hits, text, outcome, intervention, comparator)
    cands = list(dict.fromkeys(per))
    scored = {c: score(features(c, outcome, intervention, comparator, cands), model)
              for c in cands}
    return [scored[c] for c in per]


def reading(sentence: str, outcome: str, intervention: str, comparator: str):
    """The direction classifier's (direction, probability) for the prompt on ``sentence``,
    its arms and outcome located as the evaluator locates them: a claim that agrees with a
    confident reading of its whole sentence is more often right."""
    from litkg.evaluate.evidence_inference import _locate
    from litkg.extract import claims_direction as cd

    spans = [(s, e, cd.OUT) for s, e in _locate(sentence, outcome)]
    spans += [(s, e, cd.INT) for s, e in _locate(sentence, intervention, comparator)]
    spans += [(s, e, cd.CMP) for s, e in _locate(sentence, comparator, intervention)]
    return cd.predict(sentence, spans)


def best_confidence(hits, text: str, outcome: str, intervention: str, comparator: str,
                  model: dict | None = None) -> float:
    """The highest probability among a prompt's candidates that its direction is the prompt's
    (1.0 without a model: every prompt is answered)."""
    confidences = claim_confidences(hits, text, outcome, intervention, comparator, model)
    return max(confidences) if confidences else 1.0
