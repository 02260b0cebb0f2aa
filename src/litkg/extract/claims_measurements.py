"""Measurements in a sentence: an analyte followed closely by its value ("PTH 269 pg/ml",
"Ca: 7.5 mg/dL", "blood pressure 178/104 mmHg", "a fever of 39.2 °C").

Each value becomes a ``measurement`` claim credited to the regimen in force (the drug the
sentence or the earlier sentences name, else "regimen not stated").  What the values around the
analyte say decides what is *not* a level: a value after "decreased to" is an outcome's (read
by the outcome rules of :mod:`litkg.extract.claims`), "(400 IU)" is a dose, "at 24 h" a time
point, "below 100 x 10^9/L" a criterion.  A level stated with its baseline ("0.2 x 10^9/L,
compared with 4.1 x 10^9/L at baseline") also gives a computed change.

The outcome rules read what was measured here: a value on a mention that is not also a change
("elevated phosphates (2.40 mmol/l)") is a state, not an outcome, unless the value is said to
have stayed ("remained stable at 1.4 mg/dL").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Span

from litkg.extract import claims_nonfindings as nonfindings
from litkg.extract import claims_scope as scope
from litkg.extract.claims_interventions import is_measured
from litkg.extract.claims_relations import DRUG_LABELS, INTERVENTION_LABELS
from litkg.extract.claims_values import (ARM_AFTER, body_temperature, computed_change,
                                         concept_of, earlier_level, pressure_pair,
                                         threshold_gap, timepoint_gap, value_after)
from litkg.models import Claim, Concept

#: the regimen of a value no drug is named for
NO_REGIMEN = Concept(label="regimen not stated")
#: "remained stable at", "was unchanged at": a value that is also a finding of no change
_STAYED = re.compile(r"\b(remain\w*|stay\w*|stable|unchanged|persist\w*)\b", re.I)
#: a time point before the drug: its values are no regimen's
_BEFORE_TREATMENT = re.compile(r"\bbefore (treatment|therapy)", re.I)
#: words in the gap between an analyte and a value that make the value a change's, not a level
_CHANGE_GAP = (" to ", " from ", "decreas", "increas", "reduc", "differ", "change", " by ")


@dataclass
class SentenceLevels:
    """What :func:`sentence_measurements` found, for the outcome rules that follow."""
    claims: list[Claim] = field(default_factory=list)
    #: concept key -> (value, unit) of the last level stated for it in the sentence
    measured: dict[str, tuple] = field(default_factory=dict)
    #: changes computed from a level and its stated baseline
    computed: list[Claim] = field(default_factory=list)
    #: (start, end) token offsets of the mentions a value follows
    valued: set[tuple[int, int]] = field(default_factory=set)
    #: concept keys whose value is said to have stayed
    stayed: set[str] = field(default_factory=set)


def sentence_measurements(sent: Span, ents: list[Span], quants, timepoint: str | None,
                          regimen_at: Callable[[int], Span | None],
                          make: Callable[..., Claim]) -> SentenceLevels:
    """The levels stated in ``sent``.  ``regimen_at(i)`` is the drug in force at token ``i``
    (None when none is named); ``make(kind, subject, object, **fields)`` builds a claim with the
    sentence's evidence and patient."""
    doc = sent.doc
    found = SentenceLevels()
    for obj in ents:
        reading = body_temperature(doc, obj)
        if reading is not None:  # "temperature 37.1 °C", "a fever of 39.2 °C"
            regimen = regimen_at(obj.start)
            temperature, value, unit = reading
            found.claims.append(make("measurement", regimen if regimen is not None else NO_REGIMEN,
                                     temperature, value=value, unit=unit, timepoint=timepoint))
            found.measured[temperature.key] = (value, unit)
            found.valued.add((obj.start, obj.end))
            continue
        if obj.label_ != "ANALYTE" and not (obj.label_ in DRUG_LABELS and is_measured(obj)):
            continue  # a drug's own level ("serum lithium level was 0.8 mmol/L") is measured too
        pair = pressure_pair(doc, obj)
        if pair is not None:  # "blood pressure 178/104 mmHg": two readings, two analytes
            regimen = regimen_at(obj.start)
            for part, value in pair:
                found.claims.append(make("measurement",
                                         regimen if regimen is not None else NO_REGIMEN,
                                         part, value=value, unit="mmHg"))
            continue
        hit = value_after(doc, obj, ents, quants)
        if hit is None:
            continue
        q, unit, gap = hit
        if any(w in gap.lower() for w in _CHANGE_GAP) or scope.dose_amount(unit) or \
                timepoint_gap(gap, unit):
            continue  # "decreased to 225": an outcome's value; "(mean difference 4.0 mmol/L)": a
            # change, not a level; "(400 IU)": a dose; "at 24 h": when, not what
        if threshold_gap(doc, obj, gap, ents) or nonfindings.trigger_value(doc, sent, obj, gap):
            continue  # "a platelet count below 100 x 10^9/L", "ferritin below 30 µg/L": a
            # criterion (a definition, a subgroup, an inclusion rule); "was below 5" is a value
        key = concept_of(obj).key
        if key in found.measured and found.measured[key][0] == q.value:
            continue  # "serum calcium (Ca): 7.5": the abbreviation points at the same value
        found.measured[key] = (q.value, unit)
        # "no difference in Y: peak Y was 240 U/L with X and 249 with Z": the value belongs to
        # the later mention; the earlier one states a finding the values back
        if not any(e is not obj and obj.end <= e.start and e.end_char <= obj.end_char + len(gap)
                   and concept_of(e).key == key for e in ents):
            found.valued.add((obj.start, obj.end))
        if _STAYED.search(gap):
            found.stayed.add(key)  # "remained stable at 1.4 mg/dL": a level and no change
        per_arm = arm_levels(doc, sent, obj, ents, quants, q, unit)
        if per_arm:  # "11.2 g/dL with A and 9.8 g/dL with B": each arm its own level
            found.claims += [make("measurement", arm, obj, value=value, unit=arm_unit,
                                  timepoint=timepoint) for arm, value, arm_unit in per_arm]
            continue
        regimen = None if timepoint and _BEFORE_TREATMENT.search(timepoint) else \
            regimen_at(obj.start)
        found.claims.append(make("measurement", regimen if regimen is not None else NO_REGIMEN,
                                 obj, value=q.value, unit=unit, timepoint=timepoint))
        earlier = earlier_level(doc, sent, q, unit, quants)
        if earlier is not None and regimen is not None:
            # "0.2 x 10^9/L, compared with 4.1 x 10^9/L at baseline": the change, computed
            found.computed.append(computed_change(make, regimen, obj, earlier, q.value, unit))
    return found


# "11.2 g/dL with A", "9.8 in the saline group": a value, its unit at most, then the arm it was
# measured in (a preposition and at most two modifiers such as "the" or "oral")
_ARM_AFTER_LEVEL = re.compile(r"\s*(?:[^\s\d(),;]+)?" + ARM_AFTER, re.I)


def arm_levels(doc, sent: Span, obj: Span, ents: list[Span], quants, first, unit: str) -> list:
    """(arm, value, unit) for each arm when the level of ``obj`` is given arm by arm ("was 11.2
    g/dL with A and 9.8 g/dL with B"), starting at the value ``first``; ``[]`` unless two or more
    values each name an arm of their own.  Values stop at the next other analyte."""
    key = concept_of(obj).key
    stop = min([e.start_char for e in ents if e.label_ == "ANALYTE" and e.start_char > obj.end_char
                and concept_of(e).key != key] + [sent.end_char])
    out, started = [], False
    for q, qs, qe in quants:
        started = started or q is first
        if not started or qs >= stop or q.value is None:
            continue
        arm = next((e for e in ents if e.label_ in INTERVENTION_LABELS and e.start_char >= qe and
                    e.start_char < stop and _ARM_AFTER_LEVEL.fullmatch(doc.text[qe:e.start_char])),
                   None)
        if arm is None:
            continue
        out.append((arm, q.value, q.unit or unit))
    if len({concept_of(a).key for a, _, _ in out}) < 2:
        return []
    return out
