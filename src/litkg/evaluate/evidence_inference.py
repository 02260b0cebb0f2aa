"""Evidence Inference 2.0: direction of an intervention's effect on an outcome (RCT abstracts).

For each article the extractor runs on ``abstracts/PMC<id>.abst``.  An ``outcome`` claim matches
a prompt (:func:`prompt_hits`) when its subject (as written or as grounded) overlaps the
prompt's intervention (or is its letter label, "Group D"; train split: 16 more prompts right, 3
wrong; or is its generic name, "the intervention group", against a control), its object overlaps the prompt's outcome (content-word overlap; the
outcome is read without an opening change word, "reduction in Y" -> "Y",
:func:`measured_outcome`), and its subject is not only the comparator (arms that share words, "X
plus Y" vs "Y alone": a subject with the comparator's own words and none of the intervention's
is the comparator).  An "improved"/"worsened" claim matches too; the labels name which way the
quantity moved, so a claim that says so is chosen over it, and when it is all there is it is
read with the outcome's polarity (:func:`signed`).  Without such a claim, an *unchanged* claim
credited to the comparator answers the prompt: no difference between two arms holds whichever
arm it is credited to (a rise or fall credited to the comparator may be that arm's own change
from baseline, so it is not turned into the intervention's).  Labels map to directions:
*significantly increased* -> increased, *significantly decreased* -> decreased, *no
significant difference* -> unchanged; the prompt's label is the majority across annotators.
Of the matching claims, those whose object is most like the prompt's outcome (Jaccard on
content words) count; each of their sentences votes for the direction it gives with the
evidence ranker's confidence (without a ranker: results sentences with a significance
statement, then the majority), an even split going to "unchanged" (:func:`select_direction`).  A prompt whose
matching claims are all unlikely to give its direction (an aim, a within-group change, another
outcome sharing a word; scored by the trained model of :mod:`litkg.evaluate.evidence_ranker`)
gets no answer.  Reported: prompt recall (share of prompts answered) and direction accuracy on
answered prompts; both again for the prompts whose annotated evidence the abstract holds and for
the rest (:func:`evidence_in_abstract`); and how often two annotators of one prompt agree
(:func:`pairwise_agreement`), the ceiling the accuracy is read against.

Entity modes:
- ``entities="prompt"`` (default): the prompt's intervention, comparator and outcome strings
  are located in the abstract (:func:`_locate`: exact, else runs of their content words that
  tell the two arms apart; also the word an arm is later called by, "nimotuzumab" of
  "radiotherapy plus nimotuzumab", its abbreviation or letter label; against a control, "the
  intervention group" and the like, :func:`generic_arm`; the outcome also by the abbreviation
  it gives, "LVEF", alone, or by its words' initials, "MST": train split, no gate, 66 more
  prompts right, 33 more wrong) and become DRUG / ANALYTE entities; this measures the claim
  stage (direction reading) in isolation.
- ``entities="pipeline"``: litkg's own entity recogniser.
"""

from __future__ import annotations

import csv
import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from litkg.errors import EvaluationError
from litkg.evaluate.claims import annotated_doc
from litkg.models import Document

LABELS = {"significantly increased": "increased", "significantly increase": "increased",
          "significantly decreased": "decreased", "no significant difference": "unchanged"}
_STOP = {"the", "a", "an", "of", "in", "on", "and", "or", "to", "with", "for", "at", "by", "vs",
         "versus", "group", "groups", "patients", "level", "levels", "rate", "rates", "total",
         "mean", "score", "scores", "treatment", "therapy", "after", "during", "from"}


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 1}


@dataclass
class Prompt:
    prompt_id: str
    pmcid: str
    outcome: str
    intervention: str
    comparator: str
    label: str  # increased | decreased | unchanged
    #: each annotator's label, and the evidence texts they marked (in the full text)
    votes: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def evidence_in_abstract(p: Prompt, abstract: str) -> bool:
    """Whether an annotator's evidence text appears in ``abstract`` (compared without case,
    punctuation or spacing).  Annotators marked evidence in the full text, and the benchmark
    holds abstracts only: a prompt whose evidence is elsewhere can only be answered from an
    aim, a conclusion or another outcome, so the report scores the two kinds apart."""
    plain = _plain(abstract)
    return any(e and e in plain for e in map(_plain, p.evidence))


def pairwise_agreement(prompts: list[Prompt]) -> tuple[int, int]:
    """(agreeing, all) pairs of annotators of one prompt: how often two people reading the
    same article give the same label, the ceiling a direction accuracy is read against."""
    agree = pairs = 0
    for p in prompts:
        for i, a in enumerate(p.votes):
            for b in p.votes[i + 1:]:
                pairs += 1
                agree += a == b
    return agree, pairs


@dataclass
class _Tally:
    prompts: int = 0
    matched: int = 0
    correct: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"prompts": self.prompts, "matched": self.matched, "direction_correct": self.correct,
                "direction_accuracy": round(self.correct / self.matched, 4) if self.matched else 0.0}


@dataclass
class EvidenceInferenceReport:
    articles: int
    prompts: int
    matched: int
    correct: int
    entities: str
    min_confidence: float = 0.0
    confusion: dict = field(default_factory=dict)
    examples: list = field(default_factory=list)
    #: prompts whose annotated evidence is / is not in the abstract (evidence_in_abstract)
    in_abstract: _Tally = field(default_factory=_Tally)
    elsewhere: _Tally = field(default_factory=_Tally)
    #: (agreeing, all) pairs of annotators of the scored prompts (pairwise_agreement)
    annotator_pairs: tuple[int, int] = (0, 0)

    @property
    def recall(self) -> float:
        return self.matched / self.prompts if self.prompts else 0.0

    @property
    def direction_accuracy(self) -> float:
        return self.correct / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "prompts": self.prompts, "matched": self.matched,
                "prompt_recall": round(self.recall, 4), "direction_correct": self.correct,
                "direction_accuracy": round(self.direction_accuracy, 4),
                "entities": self.entities, "min_confidence": self.min_confidence,
                "evidence_in_abstract": self.in_abstract.as_dict(),
                "evidence_elsewhere": self.elsewhere.as_dict(),
                "annotator_agreement": self._agreement(),
                "confusion": self.confusion, "examples": self.examples}

    def _agreement(self) -> float:
        agree, pairs = self.annotator_pairs
        return round(agree / pairs, 4) if pairs else 0.0

    def as_table(self) -> str:
        lines = [f"Evidence Inference ({self.articles} abstracts, {self.prompts} prompts, "
                 f"{self.entities} entities, answers with confidence >= {self.min_confidence:g})",
                 f"prompt recall      {self.recall:.3f} ({self.matched}/{self.prompts})",
                 f"direction accuracy {self.direction_accuracy:.3f} ({self.correct}/{self.matched})"]
        for name, t in (("evidence in the abstract", self.in_abstract),
                        ("evidence elsewhere only", self.elsewhere)):
            accuracy = t.correct / t.matched if t.matched else 0.0
            lines.append(f"  {name:<25} {t.prompts} prompts, {t.matched} answered, "
                         f"accuracy {accuracy:.3f} ({t.correct}/{t.matched})")
        lines.append(f"annotator agreement {self._agreement():.3f} "
                     f"({self.annotator_pairs[0]}/{self.annotator_pairs[1]} pairs of annotators "
                     "of one prompt give the same label)")
        for gold, row in sorted(self.confusion.items()):
            lines.append(f"  gold {gold:<10} -> " + ", ".join(f"{k}: {v}" for k, v in sorted(row.items())))
        return "\n".join(lines)


def read_prompts(folder: Path, split: str | None = None) -> list[Prompt]:
    prompts_csv, ann_csv = folder / "prompts_merged.csv", folder / "v2_annotations.csv"
    for f in (prompts_csv, ann_csv):
        if not f.exists():
            raise EvaluationError("Evidence Inference file not found", where=str(f),
                                  hint="give the evidence-inference/ folder")
    votes: dict[str, list[str]] = defaultdict(list)
    evidence: dict[str, list[str]] = defaultdict(list)
    with open(ann_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = LABELS.get(row["Label"].strip())
            if label:
                votes[row["PromptID"]].append(label)
                if (row.get("Annotations") or "").strip():
                    evidence[row["PromptID"]].append(row["Annotations"])
    keep = None
    if split:
        ids = folder / "splits" / f"{split}_article_ids.txt"
        keep = set(ids.read_text().split()) if ids.exists() else None
    prompts = []
    with open(prompts_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["PromptID"] not in votes or (keep is not None and row["PMCID"] not in keep):
                continue
            label = Counter(votes[row["PromptID"]]).most_common(1)[0][0]
            # the prompts keep HTML entities ("48&nbsp;h") the abstracts do not
            prompts.append(Prompt(row["PromptID"], row["PMCID"], html.unescape(row["Outcome"]),
                                  html.unescape(row["Intervention"]),
                                  html.unescape(row["Comparator"]), label,
                                  tuple(votes[row["PromptID"]]),
                                  tuple(evidence[row["PromptID"]])))
    return prompts


#: the letter or number label of an arm: "Group B", "(M group)", "arm 2"
_ARM_LABEL = re.compile(r"\b(?i:group|arm)\s+([A-Z0-9]{1,3})\b|"
                        r"\b([A-Z0-9]{1,3})[- ](?i:group|arm)\b")


#: a change word opening a prompt's outcome ("reduction in aggression", "improved lung
#: function", "the mean decrease of HbA1c"): it states the finding's direction, not the quantity
_CHANGE_PREFIX = re.compile(
    r"^\s*(?:the\s+)?(?:(?:mean|median|average|greater|percentage|percent|relative|absolute)\s+)?"
    r"(?:(?:reduction|decrease|increase|improvement|decline|elevation|rise|lowering|worsening|"
    r"deterioration)s?\s+(?:in|of)|reduced|increased|decreased|improved|elevated|lowered)\s+",
    re.I)


def measured_outcome(outcome: str) -> str:
    """The quantity a prompt's outcome names, without an opening change word: "reduction in
    aggression" -> "aggression".  Masked or located whole, the change word would hide the very
    word that tells the direction ("Yoga showed a significant reduction in aggression")."""
    rest = _CHANGE_PREFIX.sub("", outcome, count=1)
    return rest if content_words(rest) else outcome


def _abbreviations(phrase: str) -> set[str]:
    return {w for a in re.findall(r"\(([^()]{1,15})\)", phrase) for w in content_words(a)}


#: words of an arm's description that do not name it: dosing, schedule, route, who received it
_ARM_FILLER = {"given", "daily", "once", "twice", "thrice", "dose", "doses", "dosage", "days",
               "weeks", "months", "hours", "minutes", "oral", "orally", "tablet", "tablets",
               "capsule", "capsules", "plus", "alone", "only", "with", "without", "each",
               "every", "per", "received", "receiving", "receive", "patients", "subjects",
               "participants", "children", "women", "infants", "adults", "standard", "usual",
               "care", "control", "controls", "intervention", "conventional", "period",
               "administered", "administration", "injection", "infusion", "solution", "single",
               "double", "high", "higher", "low", "lower", "versus", "followed", "then",
               "same", "both", "that", "this", "were", "was", "who", "which", "their", "into",
               "before", "over"}


def _name_words(phrase: str, other: str) -> set[str]:
    """Words of an arm's description that name it on their own ("nimotuzumab" of
    "radiotherapy plus nimotuzumab", "gatifloxacin" of "Gatifloxacin 10 mg/kg, given once
    daily"): words of four or more letters the other arm lacks, not dosing or schedule words
    nor participles, and the arm's own abbreviation.  Abstracts name an arm in full once, then
    by its drug."""
    own = content_words(phrase) - content_words(other)
    # participles are how an arm was given ("prescribed", "impregnated", "receiving"), not names
    names = {w for w in own if w.isalpha() and len(w) >= 4 and w not in _ARM_FILLER
             and not w.endswith(("ed", "ing"))}
    return names | (_abbreviations(phrase) - _abbreviations(other) - _ARM_FILLER)


def _arm_word(word: str, distinct: set[str]) -> bool:
    # a word, not a number or unit: "10 mg" and "20 mg" runs are doses of either arm
    return word in distinct and word.isalpha() and len(word) >= 3


def _locate(text: str, phrase: str, other: str = "",
            abbreviated: bool = False) -> list[tuple[int, int]]:
    """Where ``phrase`` occurs in ``text``: exact (case-insensitive) matches, else runs of
    consecutive content words of the phrase (the longest runs).  With ``other`` (the other arm)
    a run must hold a word the other arm lacks, so "double dose of MTX" and "single dose of MTX"
    are told apart; an arm is also found by a word that names it alone (:func:`_name_words`),
    by a run of two or more of its words holding a word (not a number) of its own ("the
    anticoagulant-alone group" for "an anticoagulant alone") and by a letter label the phrase
    gives it ("group A", "M group").  With ``abbreviated`` the abbreviation the phrase gives
    ("LVEF" of "left ventricular ejection fraction (LVEF)") is found wherever it stands alone,
    though longer runs of the phrase's words occur elsewhere: abstracts spell an outcome out
    once, then use its abbreviation.
    """
    phrase = phrase.strip()
    if not phrase:
        return []
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text, re.I)]
    words = content_words(phrase)
    # the arm's own abbreviation, "(ARB)", names it even when the other arm says "non-ARB"
    distinct = (words - content_words(other)) | (_abbreviations(phrase) - _abbreviations(other))
    names = _name_words(phrase, other) if other else set()
    runs, cur = [], []
    for m in re.finditer(r"[A-Za-z0-9]+", text):  # "non-ARB", "six-minute": the parts count
        if m.group(0).lower() in words:
            cur.append(m)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    if other and distinct:
        runs = [r for r in runs if any(m.group(0).lower() in distinct for m in r)]
    if runs:
        best = max(len(r) for r in runs)
        need = max(1, min(best, (len(words) + 1) // 2))
        # a run of two or more of the arm's words with a word of its own names it even beside
        # an exact match: "the anticoagulant-alone group" for "an anticoagulant alone" (its own
        # word, "alone", names no drug, so it is no name word; "high amounts" for "high amounts
        # of X" against "low amounts of X")
        found += [(r[0].start(), r[-1].end()) for r in runs if (not found and len(r) >= need)
                  or any(m.group(0).lower() in names for m in r)
                  or (other and len(r) >= max(2, need) and any(
                      _arm_word(m.group(0).lower(), distinct) for m in r))]
    own = _abbreviations(phrase) if abbreviated and not other else set()
    found += [(r[0].start(), r[-1].end()) for r in runs
              if own and all(m.group(0).lower() in own for m in r)]
    if abbreviated and not other:
        # ... or made of its words' initials ("MST" of "median survival time"), written as one
        # capitalised word
        initials = _initials(phrase)
        found += [(m.start(), m.end()) for m in re.finditer(r"\b[A-Z][A-Za-z]*[A-Z]\b", text)
                  if m.group(0).upper() in initials]
    for m in _ARM_LABEL.finditer(phrase):
        name = re.escape(m.group(1) or m.group(2))
        found += [(a.start(), a.end()) for a in re.finditer(
            rf"\b(?i:group|arm)\s+{name}\b|\b{name}[- ](?i:group|arm)\b", text)]
    return _outermost(found)


def _initials(phrase: str) -> set[str]:
    """The initials of each run of three or more words of ``phrase`` (its small words kept or
    skipped: "quality of life" -> QOL), as acronyms of at least three letters: abstracts write
    "QOL", "MST", "MRT" for an outcome the prompt spells out without them."""
    words = re.findall(r"[A-Za-z]+", phrase)
    out = set()
    for i in range(len(words)):
        for j in range(i + 3, len(words) + 1):
            run = words[i:j]
            if run[0].lower() in _STOP or run[-1].lower() in _STOP:
                continue
            full = "".join(w[0] for w in run).upper()
            short = "".join(w[0] for w in run if w.lower() not in _STOP).upper()
            out |= {a for a in (full, short) if len(a) >= 3}
    return out


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without those inside another (an exact match holds its own name-word run)."""
    spans = sorted(set(spans), key=lambda x: (x[0], -x[1]))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if not (out and s < out[-1][1]):
            out.append((s, e))
    return out


_SIGNIF = re.compile(r"significan|\bp\s*[<=>≤]|\bdiffer|compared|versus|\bvs\b|\bthan\b", re.I)
#: section headings of the benchmark's abstract files that are not results
_NOT_RESULTS = re.compile(r"TITLE|BACKGROUND|METHODS|OBJECTIVE")


def _weight(claim) -> int:
    sentence = claim.evidence.sentence
    return 2 * bool(_SIGNIF.search(sentence)) + (not _NOT_RESULTS.search(sentence[:40]))


#: when an outcome is measured, not what: "one-year", "at 6 weeks", "24 h"
_WHEN = re.compile(r"\d+(?:st|nd|rd|th)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                   r"twelve|first|second|third|years?|months?|weeks?|days?|hours?|h|hrs?|"
                   r"min|minutes?|baseline|end", re.I)


def _measure_words(text: str) -> set[str]:
    """The content words that name the measure: without its time point, so "one-year
    recurrence rates" is no nearer to "one-year survival rates" than any other outcome (all
    of them when the phrase is nothing but a time)."""
    words = content_words(text)
    return {w for w in words if not _WHEN.fullmatch(w)} or words


def _overlap(a: str, b: str) -> bool:
    return bool(content_words(a) & content_words(b))


def _similarity(a: str, b: str) -> float:
    """Jaccard overlap of content words: "diastolic blood pressure" is nearer to "diastolic
    blood pressure" than "systolic blood pressure" is, though both overlap."""
    wa, wb = _measure_words(a), _measure_words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _about_intervention(subject: str, p: Prompt) -> bool:
    """The claim's subject names the prompt's intervention, not only its comparator: when the
    two arms share words ("NHS Health Check only" vs "NHS Health Check plus support"), a
    subject with comparator-only words and none of the intervention's own is the comparator."""
    ws, wi, wc = content_words(subject), content_words(p.intervention), content_words(p.comparator)
    if generic_arm(subject, p):
        return True
    if not ws & wi:
        # "the incidence was lower in Group D": the arm's letter label, too short a word to
        # share, names it when the prompt gives the arm that label and the comparator another
        return bool(_labels(subject)) and _labels(subject) <= _labels(p.intervention) and \
            not _labels(subject) & _labels(p.comparator)
    return not ((wi - wc) and ws & (wc - wi) and not ws & (wi - wc))


#: what an abstract calls the active arm of a trial against a control: "the intervention
#: group", "the treatment arm", "experimental patients"
_GENERIC_ARM = re.compile(r"\b(?:intervention|treatment|experimental|study|active|treated)\s+"
                          r"(?:groups?|arms?|patients|participants|subjects)\b", re.I)
#: a comparator that is no treatment of its own: "control", "placebo", "usual care"
_CONTROL = re.compile(r"\b(?:control|controls|placebo|sham|usual care|standard care|"
                      r"no (?:treatment|intervention|supplement\w*)|nothing|waiting list|"
                      r"wait-list)\b", re.I)


def generic_arm(phrase: str, p: Prompt) -> bool:
    """Is ``phrase`` the active arm by its generic name ("the intervention group") in a
    prompt whose comparator is a control (placebo, usual care, no treatment)?  Against a
    control there is one active arm to mean."""
    return bool(_GENERIC_ARM.search(phrase)) and bool(_CONTROL.search(p.comparator)) and \
        not _CONTROL.search(p.intervention)


def _labels(phrase: str) -> set[str]:
    """The letter or number labels of the arms a phrase names ("group D", "B group")."""
    return {(m.group(1) or m.group(2)).upper() for m in _ARM_LABEL.finditer(phrase)}


def prompt_hits(outcomes, p: Prompt) -> list:
    """The outcome claims that answer ``p``: those about its intervention and outcome (an
    "improved"/"worsened" claim counts, read with the outcome's polarity), else a "no
    difference" claim credited to the comparator arm (a null difference between two arms
    holds whichever arm it is credited to; a change credited to the comparator may be that
    arm's own change from baseline, so it is not turned into the intervention's)."""
    def about(c, prompt):
        # the subject as written or as grounded: a trial-arm code ("group BC") names its drug
        # only through its label
        return (_about_intervention(c.subject.text or c.subject.label, prompt)
                or _about_intervention(c.subject.label, prompt)) and \
            _overlap(c.object.text or c.object.label, measured_outcome(prompt.outcome))

    own = [c for c in outcomes if about(c, p)]
    if own or not p.comparator.strip():
        return own
    swapped = replace(p, intervention=p.comparator, comparator=p.intervention)
    return [c for c in outcomes if c.direction == "unchanged" and about(c, swapped)]


#: directions that say which way the quantity moved (or that it did not)
_SIGNED = ("increased", "decreased", "unchanged")


def select_direction(hits, p: Prompt, confidences: list[float] | None = None) -> str:
    """The direction the matching claims give the prompt.  Claims that say which way the
    quantity moved are preferred to "improved"/"worsened" (read with the outcome's polarity,
    :func:`signed`, when all there is), and of those the ones whose object is most like the
    prompt's outcome count.  With the evidence ranker's ``confidences`` (one per claim of
    ``hits``) each of their sentences votes for the direction it gives with its confidence and
    the direction with the most weight wins: an abstract states a result in more than one
    sentence (results, conclusion), an aim or a within-group change is one stray sentence the
    ranker holds less likely (5-fold CV on the train split, 1,128 matched prompts: 846 right
    against 843 by the single most likely claim of the section tier below, 741 against 737 of
    the 922 answered at :data:`~litkg.evaluate.evidence_ranker.MIN_CONFIDENCE`; validation 92
    against 90 of 134 at no gate; within noise, but never worse).  Without them: results
    sentences with a significance statement (background and methods sentences only name the
    outcome), then the most frequent direction.  An even split goes to "unchanged": a change
    and a null result on the same outcome in equally ranked sentences are most often a
    within-group change and the between-arm comparison (train split: in prompts with several
    matching sentences, 77% of the "unchanged" claims carry the prompt's label against 50-56%
    of the increased / decreased ones)."""
    if confidences is not None:
        conf = {id(c): x for c, x in zip(hits, confidences)}
        # a sentence votes once per direction: several claims of one sentence (one per arm
        # mention) are one reading of it
        best: dict[tuple[str, str], float] = {}
        for c in _closest(hits, p):
            x = conf[id(c)]
            key = (c.evidence.sentence, signed(c.direction, p.outcome))
            best[key] = max(best.get(key, 0.0), x)
        votes: Counter = Counter()
        for (_, direction), x in best.items():
            votes[direction] += x
        counts = votes.most_common()
    else:
        counts = Counter(signed(c.direction, p.outcome) for c in _chosen(hits, p)).most_common()
    tied = [d for d, n in counts if n == counts[0][1]]
    return "unchanged" if "unchanged" in tied else tied[0]


def signed(direction: str, outcome: str) -> str:
    """Which way the quantity moved: "improved" is a fall on an outcome where less is better
    (pain, mortality, risk) and a rise on any other (function, survival); "worsened" the
    reverse (claims_direction.valence_sign).  Train split, prompts whose claims only said
    "improved"/"worsened": this reading is right 13 of 29 times (0 before)."""
    if direction not in ("improved", "worsened"):
        return direction
    from litkg.extract.claims_direction import valence_sign
    return valence_sign(direction, outcome)


def _closest(hits, p: Prompt) -> list:
    """The claims of ``hits`` that say which way the quantity moved ("improved"/"worsened" do
    not: a claim that does answers), of those the ones whose object is most like the prompt's
    outcome."""
    hits = [c for c in hits if c.direction in _SIGNED] or hits
    outcome = measured_outcome(p.outcome)
    sim = {id(c): round(_similarity(c.object.text or c.object.label, outcome), 3) for c in hits}
    top = max(sim.values())
    return [c for c in hits if sim[id(c)] == top]


def _chosen(hits, p: Prompt) -> list:
    hits = _closest(hits, p)
    best = max(_weight(c) for c in hits)
    return [c for c in hits if _weight(c) == best]


def prompt_entity_claims(text: str, prompts: list[Prompt], document: Document) -> list:
    """The claims of one abstract with the prompts' arms and outcomes as its entities (the
    ``entities="prompt"`` mode; see the module docstring)."""
    from litkg.extract.claims import extract_claims

    spans = []
    for p in prompts:
        for arm, other in ((p.intervention, p.comparator), (p.comparator, p.intervention)):
            spans += [(s, e, "DRUG", None) for s, e in _locate(text, arm, other)]
        if _CONTROL.search(p.comparator) and not _CONTROL.search(p.intervention):
            spans += [(m.start(), m.end(), "DRUG", None) for m in _GENERIC_ARM.finditer(text)]
        spans += [(s, e, "ANALYTE", None)
                  for s, e in _locate(text, measured_outcome(p.outcome), abbreviated=True)]
    return extract_claims(annotated_doc(text, spans), document)


def evaluate_evidence_inference(folder: Path | str, *, limit: int | None = None,
                                entities: str = "prompt", split: str | None = None,
                                min_confidence: float | None = None) -> EvidenceInferenceReport:
    """Score the direction of outcome claims against the prompts of ``folder``.  A prompt whose
    best matching claim the evidence ranker holds less likely than ``min_confidence`` (default
    :data:`litkg.evaluate.evidence_ranker.MIN_CONFIDENCE`) to be right is left unanswered; 0
    answers every prompt a claim matches."""
    folder = Path(folder)
    if entities not in ("prompt", "pipeline"):
        raise EvaluationError(f"unknown entity mode {entities!r}", hint="use 'prompt' or 'pipeline'")
    prompts = read_prompts(folder, split)
    by_article: dict[str, list[Prompt]] = defaultdict(list)
    for p in prompts:
        if (folder / "abstracts" / f"PMC{p.pmcid}.abst").exists():
            by_article[p.pmcid].append(p)
    articles = sorted(by_article)[:limit] if limit else sorted(by_article)
    if not articles:
        raise EvaluationError("no abstracts found for the prompts", where=str(folder / "abstracts"))
    if entities == "pipeline":
        from litkg.extract.pipeline import extract_document, shared_nlp
        nlp = shared_nlp()
    from litkg.evaluate.evidence_ranker import MIN_CONFIDENCE, claim_confidences

    gate = MIN_CONFIDENCE if min_confidence is None else min_confidence
    report = EvidenceInferenceReport(len(articles), 0, 0, 0, entities, gate)
    confusion: dict[str, Counter] = defaultdict(Counter)
    for pmcid in articles:
        text = (folder / "abstracts" / f"PMC{pmcid}.abst").read_text(encoding="utf-8", errors="replace")
        document = Document(id=f"PMC{pmcid}", text=text)
        if entities == "prompt":
            claims = prompt_entity_claims(text, by_article[pmcid], document)
        else:
            claims = list(extract_document(document, nlp).claims)
        outcomes = [c for c in claims if c.kind == "outcome" and c.direction]
        for p in by_article[pmcid]:
            report.prompts += 1
            tally = report.in_abstract if evidence_in_abstract(p, text) else report.elsewhere
            tally.prompts += 1
            hits = prompt_hits(outcomes, p)
            confidences = claim_confidences(hits, text, measured_outcome(p.outcome),
                                            p.intervention, p.comparator)
            # no claim likely to carry the result: a direction read from an aim, a
            # within-group change or another outcome is right about half the time
            if not hits or (gate > 0 and confidences and max(confidences) < gate):
                continue
            report.matched += 1
            tally.matched += 1
            direction = select_direction(hits, p, confidences)
            confusion[p.label][direction] += 1
            if direction == p.label:
                report.correct += 1
                tally.correct += 1
            elif len(report.examples) < 15:
                claim = next(c for c in hits if signed(c.direction, p.outcome) == direction)
                report.examples.append({"prompt": p.prompt_id, "gold": p.label,
                                        "predicted": direction,
                                        "subject": claim.subject.text or claim.subject.label,
                                        "object": claim.object.text or claim.object.label,
                                        "sentence": claim.evidence.sentence[:200]})
    report.confusion = {k: dict(v) for k, v in confusion.items()}
    report.annotator_pairs = pairwise_agreement([p for a in articles for p in by_article[a]])
    return report
