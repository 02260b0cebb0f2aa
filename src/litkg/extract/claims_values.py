"""Numbers next to claim objects: the value and unit after an analyte, the statistics near an
outcome or harm.  Split from :mod:`litkg.extract.claims`, which reads these for measurement,
outcome and adverse-effect claims."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.analytes import (BODY_TEMPERATURE_ID, BODY_TEMPERATURE_LABEL, TEMPERATURE_NAME,
                                    temperature_reading)
from litkg.extract.claims_cues import gapped_clause
from litkg.extract.quantities import find_quantities
from litkg.extract.lexicon import lookup
from litkg.extract.respectively import respective_statistic
from litkg.extract.tables import change_direction
from litkg.models import Concept, is_curie, normalise_key
from litkg.extract.units import dimensionless_unit

#: entity labels an outcome (or harm) can be about
OUTCOME_LABELS = frozenset({"ANALYTE", "PHENOTYPE", "CONDITION", "TARGET", "ENDPOINT"})


def concept_of(span: Span) -> Concept:
    """The claim-side concept of an entity span (label, CURIE or None, surface text)."""
    label = span._.concept_label or span.text
    cid = span._.concept_id if is_curie(span._.concept_id) else None
    return Concept(label=label, id=cid, text=span.text if span.text != label else None)


def _key(span: Span) -> str:
    return normalise_key(span.text)


def stat_near(doc: Doc, obj: Span, sent: Span, ents: list[Span]) -> dict[str, float]:
    """Statistics written about ``obj``: between it and the next entity, else in its sentence
    ("RR 2.05", "83.4%"); a "respectively" list pairs them by order."""
    listed = respective_statistic(sent, obj, ents, OUTCOME_LABELS)
    if listed is not None:
        return listed  # "A, B and C fell by 5%, 7% and 9%, respectively"
    nxt = [e.start_char for e in ents if e.start >= obj.end] + [sent.end_char]
    window = doc.text[obj.start_char:min(nxt)]
    if not lex.statistics(window):
        window = _without_others_statistics(doc, obj, sent, ents)
    found = lex.statistics(window)
    if "p" not in found and len(_P_VALUE.findall(sent.text)) == 1:
        # "Y was 22% with A and 38% with B (P=0.013)": the sentence's one test compares them
        found.update({k: v for k, v in lex.statistics(sent.text).items() if k == "p"})
    return found


_P_VALUE = re.compile(r"\bp\s*(?:[<>=≤≥]|value)", re.I)


def _without_others_statistics(doc: Doc, obj: Span, sent: Span, ents: list[Span]) -> str:
    """The sentence's text with the windows of other outcomes that own their statistics blanked:
    an outcome before ``obj`` ("lowered HbA1c by 1.5% and body weight by 4.5 kg") or one after
    a verb of its own ("slowed the decline in eGFR and reduced albuminuria by 35%"); a list
    sharing one predicate ("A and B fell by 35%") keeps it for every member."""
    text = sent.text
    starts = sorted(e.start_char for e in ents if sent.start <= e.start < sent.end)
    for e in ents:
        if e is obj or e.label_ not in OUTCOME_LABELS or not sent.start <= e.start < sent.end:
            continue
        if not (e.end <= obj.start or any(_verb_like(t.lower_) for t in doc[obj.end:e.start])):
            continue
        end = min([x for x in starts if x > e.start_char] + [sent.end_char])
        if lex.statistics(doc.text[e.start_char:end]):
            a, b = e.start_char - sent.start_char, end - sent.start_char
            text = text[:a] + " " * (b - a) + text[b:]
    # "GFR was higher with A (P<0.001), but Z was more frequent with A (22% vs 7%)": a contrast
    # opens another finding, whose statistics are not the object's even when it names no entity
    # (the sentence's one p-value is still read, stat_near)
    at, end = obj.start_char - sent.start_char, obj.end_char - sent.start_char
    breaks = list(_CONTRAST_BREAK.finditer(_PARENTHESIS.sub(lambda m: "x" * len(m.group(0)),
                                                           text)))  # ("(9.4 v 5.4; HR 0.35)")
    lo = max([m.end() for m in breaks if m.end() <= at], default=0)
    hi = min([m.start() for m in breaks if m.start() >= end], default=len(text))
    return " " * lo + text[lo:hi] + " " * (len(text) - hi)


_CONTRAST_BREAK = re.compile(r";|,?\s+(?:but|whereas|while|although|however)\b", re.I)
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _verb_like(word: str) -> bool:
    """A past or present verb form ("reduced", "lowers"): the next outcome has its own predicate."""
    return len(word) > 4 and word.endswith(("ed", "es")) or word in ("fell", "rose")


def sentence_quantities(sent: Span):
    """(quantity, start, end) of the sentence's numbers, offsets in the doc text."""
    base = sent.start_char
    return [(q, base + q.start, base + q.end) for q in find_quantities(sent.text)]


_UNIT_AFTER = re.compile(r"\s*(%|[µμumnpkd]?(?:g|mol|l|L|IU|U|Eq|mEq)(?:/[\w.²]+)*)(?![\w])")


def unit_after(text: str, end: int) -> str | None:
    """A unit written right after a number the quantity reader left without one."""
    m = _UNIT_AFTER.match(text, end)
    return m.group(1).rstrip(".") if m else None


def value_after(doc: Doc, obj: Span, ents: list[Span], quants) -> tuple | None:
    """The first value after ``obj`` before the next other analyte: (quantity, unit, gap text)."""
    later = [e.start_char for e in ents if e.start_char >= obj.end_char and e.label_ == "ANALYTE"
             and _key(e) != _key(obj)]
    limit = min(later + [obj.end_char + 40])
    for q, qs, qe in quants:
        if qs < obj.end_char or qs > limit or q.value is None:
            continue
        gap = doc.text[obj.end_char:qs]
        if q.unit is None and _WHEN_NUMBERED.search(gap):
            continue  # "haemoglobin on day 3 was 11.2 g/dL": "3" numbers the day
        if getattr(q, "kind", "value") not in ("value", "range", "mean_sd", "median_iqr", None):
            return None
        unit = q.unit or unit_after(doc.text, qe) or dimensionless_unit(obj.text)
        if not unit or unit == "%":
            return None  # a value without its unit cannot be compared (and fails SHACL)
        return q, unit, gap
    return None


#: a time numbered after its noun: "on day 3", "at week 12", "visit 4"
_WHEN_NUMBERED = re.compile(r"\b(day|week|month|year|hour|visit|cycle|dose)\s*$", re.I)
_TIME_UNIT = re.compile(r"^(s|sec|min|mins|minutes?|h|hrs?|hours?|d|days?|wk|weeks?|months?|"
                        r"years?)$", re.I)
_TIME_PREPOSITION = re.compile(r"\b(at|after|within|during|for|over|until|by|postoperatively)\b",
                               re.I)


#: a comparison word alone between an analyte (or its "levels") and a value, with no verb: a
#: threshold
_THRESHOLD = re.compile(r"^\s*((levels?|concentrations?|values?|counts?)\s+)?(of\s+)?"
                        r"(below|above|under|over|less\s+than|more\s+than|greater\s+than|"
                        r"lower\s+than|higher\s+than|exceeding|at\s+least)\s*$",
                        re.I)  # (not "<": "CRP <5 mg/L" lists a value below the assay's limit)


#: "25(OH)D deficiency (< 30 ng/ml)": a cut-off in parentheses that defines the state named
#: between the analyte and it
#: (not "TSH was suppressed (<0.01 mIU/L)": after a verb, the value below a limit is measured)
_DEFINED_CUTOFF = re.compile(r"^\s*(?!(was|were|is|are|had|has|remained)\b)[\w-]+(\s+[\w-]+)?\s*"
                             r"[(\[]\s*(<|>|≤|≥|<=|>=|below|above)\s*$", re.I)


def _defines_condition(doc: Doc, obj: Span, gap: str, ents: list[Span]) -> bool:
    """"Vitamin D deficiency (25(OH)D < 20 ng/ml)": a cut-off in the parenthesis after a
    condition defines it; it is no patient's value."""
    if not re.match(r"^\s*(<|>|≤|≥|<=|>=)\s*$", gap) or obj.start < 2 or \
            doc[obj.start - 1].text != "(":
        return False
    return any(e.end == obj.start - 1 and e.label_ in ("CONDITION", "PHENOTYPE") for e in ents)


def timepoint_gap(gap: str, unit: str) -> bool:
    """"Incidence of coughing at 1 h and 24 h": a time after a preposition is when the analyte
    was measured, not its value ("onset time 5 min" keeps its value)."""
    return bool(_TIME_UNIT.match(unit.strip()) and _TIME_PREPOSITION.search(gap))


def threshold_gap(doc: Doc, obj: Span, gap: str, ents: list[Span]) -> bool:
    """Is the value after ``obj`` (``gap`` between them) a cut-off rather than a level: "a
    platelet count below 100 x 10^9/L", "ferritin levels below 30 µg/L", "25(OH)D deficiency
    (< 30 ng/ml)", "Vitamin D deficiency (25(OH)D < 20 ng/ml)" (a criterion: a definition, a
    subgroup, an inclusion rule; "was below 5" is a value)?"""
    return bool(_THRESHOLD.match(gap) or _DEFINED_CUTOFF.match(gap)) or \
        _defines_condition(doc, obj, gap, ents)


_RATIO_OF = re.compile(r"\b(hazard|odds|risk|rate|incidence rate)\s+ratios?\s+(for|of)\s+"
                       r"([\w-]+\s+){0,4}$", re.I)
_RATIO_CI = re.compile(r"^[^();]{0,60}?(\d+(?:\.\d+)?)[^()]{0,20}?\bCI\b[^\d]{0,6}"
                       r"(\d+(?:\.\d+)?)\s*(?:to|-|–|,)\s*(\d+(?:\.\d+)?)", re.I)


def _interval_direction(m: re.Match) -> str:
    """A ratio's direction from its confidence interval (groups 2 and 3 of ``m``): wholly below
    1 -> decreased, wholly above -> increased, holding 1 -> unchanged."""
    lo, hi = sorted((float(m.group(2)), float(m.group(3))))
    return "decreased" if hi < 1 else "increased" if lo > 1 else "unchanged"


def ratio_direction(doc: Doc, sent: Span, obj: Span) -> str | None:
    """The direction a ratio states for the event it is "for" ("hazard ratio for progression or
    death, 0.65; 95% CI, 0.49 to 0.86"): its confidence interval below 1 -> decreased, above 1
    -> increased, holding 1 -> unchanged (None when no such ratio names ``obj``)."""
    if not _RATIO_OF.search(doc.text[max(sent.start_char, obj.start_char - 80):obj.start_char]):
        return None
    m = _RATIO_CI.match(doc.text[obj.end_char:sent.end_char])
    if m is None:
        return None
    return _interval_direction(m)


_RATIO_AFTER = re.compile(
    r"^[^();.]{0,60}?\(\s*(?:adjusted\s+)?(?:(?:hazard|odds|risk|rate|incidence rate)\s+ratio|"
    r"relative risk|a?RR|a?HR|a?OR|IRR)\b[^()]{0,15}?(\d+(?:\.\d+)?)[^()]{0,20}?\bCI\b[^\d]{0,6}"
    r"(\d+(?:\.\d+)?)\s*(?:to|-|–|,)\s*(\d+(?:\.\d+)?)", re.I)


def ratio_after_direction(doc: Doc, sent: Span, obj: Span) -> str | None:
    """The direction of a ratio with its confidence interval in the parenthesis after ``obj``'s
    clause ("the incidence of Y was not increased (risk ratio 1.12; 95% CI 0.71 to 1.77)"), read
    as :func:`ratio_direction` reads one written before."""
    m = _RATIO_AFTER.match(doc.text[obj.end_char:sent.end_char])
    if m is None:
        return None
    return _interval_direction(m)


_LATER_RATIO = re.compile(
    r"\b(?:(?:hazard|odds|risk|rate)\s+ratio|relative risk)\b[^();]{0,25}?(\d+(?:\.\d+)?)\s*"
    r"[(;,]\s*95\s*%\s*(?:CI|confidence interval)[^\d]{0,6}(\d+(?:\.\d+)?)\s*(?:to|-|–|,)\s*"
    r"(\d+(?:\.\d+)?)\)?(?:\s*for\s+(?P<arm>[^,;()]{2,60}?)\s+(?:versus|vs\.?|compared with)\b)?",
    re.I)


def rates_ratio_direction(doc: Doc, sent: Span, obj: Span) -> str | None:
    """The direction of the one ratio with its interval anywhere after ``obj`` in the sentence,
    for per-arm rates of ``obj`` it tests ("... 782 of 12,944 in the placebo group (hazard ratio
    0.98; 95% CI 0.89 to 1.08)").  None unless there is exactly one."""
    found = list(_LATER_RATIO.finditer(doc.text[obj.end_char:sent.end_char]))
    return _interval_direction(found[0]) if len(found) == 1 else None


# a time until an event lengthens as the event gets rarer: "time to recovery", "recovery time"
_TIME_TO_EVENT = re.compile(r"surviv|\b(OS|PFS|DFS|EFS)\b|\btime\b", re.I)


def later_ratio(doc: Doc, sent: Span, obj: Span, ents: list[Span],
                labels) -> tuple[str, Span | None] | None:
    """The direction of the first ratio with a confidence interval after ``obj`` in ``sent``
    when ``obj`` is the only outcome (``labels``) named before it ("The annual rate of severe
    exacerbations was 0.20 with A, 0.07 with B; the rate ratio was 0.36 (95% CI, 0.27 to 0.49)
    for B versus A"), and the arm the ratio is "for" when it names one (B)."""
    m = _LATER_RATIO.search(doc.text, obj.end_char, sent.end_char)
    if m is None or any(e.label_ in labels and e is not obj
                        and obj.end_char <= e.start_char < m.start() for e in ents):
        return None
    direction = _interval_direction(m)
    if _TIME_TO_EVENT.search(obj.text) and direction != "unchanged":
        # a hazard ratio below 1 is fewer events: a longer survival or time to the event
        direction = "increased" if direction == "decreased" else "decreased"
    arm = None
    if m.group("arm"):
        named = m.group("arm").lower()
        arm = next((e for e in ents if m.start("arm") <= e.start_char < m.end("arm")), None) or \
            next((e for e in ents if sent.start <= e.start < sent.end and e.text.lower() in named
                  and e is not obj), None)  # the arm's earlier mention
    return direction, arm


def body_temperature(doc: Doc, obj: Span) -> tuple[Concept, float, str] | None:
    """(body temperature, value, unit) when ``obj`` names the body's temperature or a fever
    and a reading in degrees follows ("temperature 37.1 °C", "a fever of 39.2°C"): the finding
    keeps its own claims, the reading is a measurement of the vital sign (LOINC 8310-5)."""
    if not TEMPERATURE_NAME.match(obj.text):
        return None
    reading = temperature_reading(doc.text, obj.end_char)
    if reading is None:
        return None
    return Concept(label=BODY_TEMPERATURE_LABEL, id=BODY_TEMPERATURE_ID), reading[0], reading[1]


#: the two analytes a blood pressure reading "S/D mmHg" gives, in its order
PRESSURE_PARTS = ("systolic blood pressure", "diastolic blood pressure")
_PRESSURE_NAME = re.compile(r"^(blood pressure|bp|arterial (blood )?pressure)$", re.I)
_PRESSURE_PAIR = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:was|of|:|=|at)?\s*(?:was\s+)?"
                            r"(\d{2,3})\s*/\s*(\d{2,3})\s*mm\s*Hg\b", re.I)


def pressure_pair(doc: Doc, obj: Span) -> list[tuple[Concept, float]] | None:
    """[(systolic analyte, value), (diastolic analyte, value)] when a blood pressure mention is
    followed by its reading ("blood pressure 124/78 mmHg", "BP was 178/104 mm Hg")."""
    if not _PRESSURE_NAME.match(obj.text):
        return None
    m = _PRESSURE_PAIR.match(doc.text, obj.end_char)
    if m is None:
        return None
    return list(zip(_pressure_parts(), map(float, m.groups())))


def _pressure_parts() -> list[Concept]:
    """The systolic and diastolic pressure analytes, as the lexicon names them."""
    parts = [(lookup(name), name) for name in PRESSURE_PARTS]
    return [entry.concept(name) if entry is not None else Concept(label=name)
            for entry, name in parts]


_READING = r"(\d{2,3})\s*/\s*(\d{2,3})"
_PRESSURE_CHANGE = re.compile(
    r"^[^.;()]{0,40}?\b(?:from\s+(?:a\s+(?:mean|median)\s+(?:of\s+)?)?" + _READING +
    r"\s*(?:mm\s*Hg\s*)?(?:at\s+baseline\s+)?)?to\s+(?:a\s+(?:mean|median)\s+(?:of\s+)?)?" +
    _READING + r"\s*mm\s*Hg\b", re.I)


def pressure_change(doc: Doc, sent: Span,
                    obj: Span) -> list[tuple[Concept, float | None, float]] | None:
    """[(systolic analyte, before, after), (diastolic analyte, before, after)] when a blood
    pressure mention changes between two paired readings ("BP fell from 160/95 to 135/85
    mmHg"; ``before`` is None for "decreased to 135/85 mmHg"): a pair of readings is two
    analytes' values, as :func:`pressure_pair` reads a single reading."""
    if not _PRESSURE_NAME.match(obj.text):
        return None
    m = _PRESSURE_CHANGE.match(doc.text[obj.end_char:sent.end_char])
    if m is None:
        return None
    s0, d0, s1, d1 = (float(v) if v is not None else None for v in m.groups())
    systolic, diastolic = _pressure_parts()
    return [(systolic, s0, s1), (diastolic, d0, d1)]



#: between a level and an earlier one: "0.2 x 10^9/L, compared with 4.1 x 10^9/L at baseline",
#: "6.8 mmol/L (baseline 4.6 mmol/L)", "38 ng/mL versus 112 ng/mL before treatment"
_VERSUS_EARLIER = re.compile(r"^\s*[,;]?\s*\(?\s*(?:(?:as\s+)?compared\s+(?:with|to)|vs\.?|versus|"
                             r"up\s+from|down\s+from|from|(?:at\s+)?baseline(?:\s+(?:value|level))?"
                             r"(?:\s+of)?:?|pretreatment|pre-treatment)\s*(?:a\s+|an\s+)?$", re.I)
_EARLIER_WORD = re.compile(r"baseline|pre-?treatment", re.I)
_EARLIER_AFTER = re.compile(r"^\s*\)?\s*(?:at|on|before|prior\s+to|during|in)?\s*(?:the\s+)?(?:"
                            r"baseline|admission|presentation|pre-?treatment|diagnosis|"
                            r"initiation|treatment\s+start|start\s+of\s+treatment|entry)\b|"
                            r"^\s*\)?\s*(?:before|prior\s+to)\s+(?:the\s+)?\w+|"
                            r"^\s*\)?\s*(?:previously|initially|earlier)\b", re.I)


def earlier_level(doc: Doc, sent: Span, q, unit: str, quants) -> float | None:
    """The earlier level a stated level is compared with in the same breath ("0.2 x 10^9/L,
    compared with 4.1 x 10^9/L at baseline"): the later value is the level now, the earlier
    one is named by a baseline, admission or pre-treatment word; None when there is none."""
    ends = [qe for x, _qs, qe in quants if x is q]
    if not ends:
        return None
    for other, qs, qe in quants:
        if qs < ends[0] or other is q:
            continue
        if qs > sent.end_char or other.value is None or getattr(other, "kind", "value") != "value":
            return None
        gap = doc.text[ends[0]:qs]
        if not _VERSUS_EARLIER.match(gap):
            return None
        if (other.unit or unit) != unit:
            return None  # "12 mg/dL versus 3 mmol/L": not one scale
        if _EARLIER_WORD.search(gap) or _EARLIER_AFTER.match(doc.text[qe:sent.end_char]):
            return other.value
        return None
    return None


#: the relative change a computed direction needs (the same rule as a table series')
CHANGE_THRESHOLD = 0.10


def computed_change(make, regimen, obj: Span, before: float, after: float, unit: str):
    """The outcome claim a level and its stated earlier level give, computed (``make`` builds
    a claim of the sentence): the direction by a table series' rule
    (:func:`litkg.extract.tables.change_direction`), recorded as its rule."""
    direction, rule, stats = change_direction(before, after, CHANGE_THRESHOLD,
                                              "from the stated earlier level")
    return make("outcome", regimen, obj, direction=direction, before=before, after=after,
                unit=unit, statistic_items=stats, computed=True, rule=rule)


# "... from 8.9 to 11.8 g/dL with iron sucrose": the words between a change and the arm it was
# seen in (a preposition, then at most two modifiers such as "oral" or "the")
#: (the pattern, shared with the per-arm levels of litkg.extract.claims_measurements)
ARM_AFTER = r"\s*,?\s*(?:with|in|on|among|after|for)\s+(?:[\w-]+\s+){0,2}$"
_ARM_AFTER_CHANGE = re.compile(ARM_AFTER, re.I)


def per_arm_changes(doc: Doc, start: int, ents: list[Span], quants, arm_labels) -> list[tuple]:
    """Each arm's own change when one verb gives several, arm by arm: "Hemoglobin increased from
    8.9 to 11.8 g/dL with iron sucrose and from 8.8 to 10.6 g/dL with ferrous sulfate" ->
    [(iron sucrose, 8.9, 11.8, "g/dL"), (ferrous sulfate, 8.8, 10.6, "g/dL")].  Only changes
    after token ``start`` (the verb) count; ``[]`` unless two or more, each naming its arm."""
    changes = []
    for n, (q, qs, qe) in enumerate(quants):
        if qs < doc[start].idx or not re.search(r"\bfrom\s*$", doc.text[max(0, qs - 8):qs], re.I):
            continue
        if q.kind == "range":
            low, high, unit = q.low, q.high, q.unit
        elif q.value is not None and n + 1 < len(quants) and quants[n + 1][0].value is not None \
                and re.fullmatch(r"\s*to\s*", doc.text[qe:quants[n + 1][1]], re.I):
            # "from 25.1 ± 2.3 to 17.2 ± 2.0 mmHg": each value with its spread, one by one
            nxt, _, qe = quants[n + 1]
            low, high, unit = q.value, nxt.value, nxt.unit or q.unit
        else:
            continue
        arm = next((e for e in ents if e.label_ in arm_labels and e.start_char >= qe and
                    _ARM_AFTER_CHANGE.fullmatch(doc.text[qe:e.start_char])), None)
        if arm is None:
            return []  # a change whose arm is not named: the arms cannot be told apart
        changes.append((arm, low, high, unit or unit_after(doc.text, qe)))
    if len({c[0].start for c in changes}) < 2:
        return []
    # "from 8.9 to 11.8 with A and from 8.8 to 10.6 g/dL with B": the unit written once
    shared = next((c[3] for c in changes if c[3]), None)
    return [(arm, low, high, unit or shared) for arm, low, high, unit in changes]


def value_direction(direction: str | None, before: float, after: float) -> str | None:
    """An arm's direction from its own values when the sentence's is a plain rise or fall
    ("increased ... with A and from 9.0 to 8.7 with B": B fell); "improved" / "worsened" keep
    the sentence's reading, which values alone cannot give."""
    if direction not in ("increased", "decreased"):
        return direction
    return "increased" if after > before else "decreased" if after < before else "unchanged"


#: words between "from"/"to" and its value: "fell from a median of 48 to a mean of 6 ng/mL"
_VALUE_FILLERS = frozenset({"a", "the", "median", "mean", "of", "approximately", "about", "around"})


def _word_before_value(doc: Doc, start: int) -> str:
    """The word that introduces the value at token ``start``, past fillers ("from a median of")."""
    i = start - 1
    while i >= 0 and start - i <= 4 and doc[i].lower_ in _VALUE_FILLERS:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


#: what the urine carries per day ("proteinuria", "albuminuria", "urinary calcium excretion"):
#: a mass per time is then the measure's own unit ("fell from 3.2 to 1.1 g/day"), not a dose
_URINE_RATE = re.compile(r"urias?$|^excretion$")


def urine_rate(obj: Span) -> bool:
    """Is ``obj`` a quantity the urine carries over time, measured in mass per day?"""
    words = obj.text.lower().split()
    return bool(words) and (bool(_URINE_RATE.search(words[-1])) or words[0].startswith("urin"))


def change_values(doc: Doc, obj: Span, cue: tuple[int, str], quants) -> tuple:
    """(before, after, unit) a change word ``cue`` gives ``obj`` ("decreased from 610 to 180
    mOsm/kg", "rose to 3.2 mg/dL"; ``None`` where not written)."""
    before = after = unit = None
    # "..., and creatinine from 128 to 171": a gapped clause's values follow its object
    at = obj.end - 1 if cue[0] < obj.start and gapped_clause(doc, obj) else cue[0]
    for q, qs, qe in quants:
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None or span.start <= at:
            continue
        prev = _word_before_value(doc, span.start)
        if q.kind == "range" and prev == "from" and span.start - at <= 6:
            # "decreased from 610 to 180 mOsm/kg", "normalized TSH (from 12.4 to 2.1 mIU/L)":
            # one quantity holds both values
            return q.low, q.high, q.unit or unit_after(doc.text, qe)
        if q.value is None:
            continue
        if prev == "to" and (span.start - at <= 4 or before is not None):
            # "increased from 0.9 mg/dL at baseline to 3.2 mg/dL": the "to" of a "from"
            return before, q.value, q.unit or unit_after(doc.text, qe) or unit
        if prev == "from":
            before, unit = q.value, q.unit or unit_after(doc.text, qe)
    return before, after, unit
