"""Event rates given per arm: "Y occurred in 237 patients (10.0%) in the dapagliflozin group and in
326 patients (13.7%) in the placebo group".

A trial reports most of its events this way, with no word of change: the direction is in the
numbers.  Read without them, an event named next to the drug's arm looks like the drug's harm,
when the drug's arm had fewer events than the comparator's.  :func:`arm_rates` pairs each
percentage with the arm named right after it ("in the X group", "with X", "of X-treated
patients"); :func:`rate_direction` compares the drug's rate with another arm's.  Nothing is
guessed: a direction needs exactly one rate for the drug's arm and one for another arm.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from litkg.extract.claims_lexicon import PERSON, first_p_nonsignificant
from litkg.extract.claims_values import (ratio_after_direction, ratio_direction,
                                         rates_ratio_direction)
from litkg.extract.control_arms import TREATED_PEOPLE

_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*%")
#: a count of its denominator: "2 of 60 patients", "11/60" (not a date, not a ratio of doses)
_COUNT = re.compile(r"(?<![\w./,])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:of|/)\s*(\d{1,3}(?:,\d{3})+|\d+)"
                    r"(?![\w./]|,\d)")  # ("769 of 12,927": thousands written with commas)
_PERCENT_AFTER = re.compile(r"\s*(?:patients|participants|subjects)?\s*\(\s*\d+(?:\.\d+)?\s*%")
_OF_PEOPLE = re.compile(r"\s*of\b", re.I)
_CHANGE_BY = re.compile(r"\b(by|to|from)\s+(about\s+|approximately\s+)?$", re.I)
#: what may stand between a percentage and its arm: "%) in the", "% with", "% of patients in",
#: "% of patients after X"
#: "% of women allocated X", "% of those randomized to X", "% of patients who were assigned
#: to X": the allocation names the arm as "receiving" does
_TO_ARM = re.compile(r"^\s*\)?\s*,?\s*"
                     rf"(?:(?:of\s+)?(?:the\s+)?(?:{PERSON}|those)\s+)?"
                     r"(?:in|with|on|receiving|taking|given|after|following|treated\s+with|"
                     r"(?:who\s+(?:were|was)\s+)?(?:randomi[sz]ed|assigned|allocated)(?:\s+to)?)"
                     r"\s+(?:the\s+)?$", re.I)
MAX_GAP = 40  # characters between a percentage and its arm's name
_TREATED_ARM = re.compile(r"\s*\)?\s*,?\s*(?:of|in|among)\s+(?:the\s+)?" + TREATED_PEOPLE.pattern,
                          re.I)


def arm_rates(sent: Span, ents: list[Span], arm_labels,
              treated: Span | None = None) -> list[tuple[Span, float]]:
    """(arm entity, percent) for each percentage of ``sent`` followed by the arm it was counted
    in ("10.0%) in the dapagliflozin group", "4% of patients receiving X"); ``treated`` is the
    study's intervention, the arm of "78% of treated infants"."""
    doc = sent.doc
    arms = [e for e in ents if e.label_ in arm_labels and sent.start <= e.start < sent.end]
    out: list[tuple[Span, float]] = []
    for m, rate in _rates(sent.text):
        if _CHANGE_BY.search(sent.text[max(0, m.start() - 12):m.start()]) and \
                not _OF_PEOPLE.match(sent.text, m.end()):
            continue  # "decreased by 18% with X": the size of a change, not a rate of events
            # (but "achieved by 38% of patients receiving X" is one)
        at = sent.start_char + m.end()
        arm = next((e for e in arms if at <= e.start_char <= at + MAX_GAP
                    and (_TO_ARM.match(doc.text[at:e.start_char])
                         or _of_controls(e, doc.text[at:e.start_char]))), None)
        if arm is None and treated is not None and _TREATED_ARM.match(doc.text, at):
            arm = treated  # "78% of treated infants versus 23% of controls"
        if arm is not None:
            out.append((arm, rate))
    # ("12% and 4% of children in the A and B groups, respectively": the list after the last
    # rate is read in order, though "4% of children in the A" reads like one rate's arm)
    return _respective_rates(sent, arms, arm_labels) or out or _arm_values(sent, arms)


#: a value (a mean, a mean change: signed) right before the arm it was measured in: "-22.8 with
#: sertraline", "7.1 in the X group"
#: ("24 weeks with X", "7.1 months for placebo": a unit word may stand between; so may the
#: value's spread or interval: "92 hours (84-114 hours) for X", "9.8 min (IQR 8 to 12.3) for X")
_VALUE_TO_ARM = re.compile(r"(?<![\w.,/])([-−–]?\d+(?:\.\d+)?)(?![\d%.,/])\s*"
                           r"(?:(?:days?|weeks?|months?|years?|hours?|h|min|minutes?|points?|"
                           r"seconds?|sec|s|cm|mm|mmHg|kg|g|mg|ml|mL)\s*)?"
                           r"(?:\([^()]{1,40}\)\s*,?\s*)?"
                           r"(?:with|in|on|among|for)\s+(?:the\s+)?$", re.I)
#: a percentage that is no rate: the level of an interval ("95% CI", "95% confidence interval")
_INTERVAL_LEVEL = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*%\s*(?:CI\b|C\.I\.|confidence)", re.I)


def _arm_values(sent: Span, arms: list[Span]) -> list[tuple[Span, float]]:
    """"The mean change in Y was -22.8 with X and -20.2 with placebo": (arm, value) pairs of a
    sentence that gives a plain value per arm and no rate at all (a more negative change is the
    larger decrease, so the values compare as rates do)."""
    if _PERCENT.search(_INTERVAL_LEVEL.sub(" ", sent.text)):
        return []
    doc = sent.doc
    out = []
    for arm in arms:
        lo = max(sent.start_char, arm.start_char - 70)
        m = _VALUE_TO_ARM.search(doc.text[lo:arm.start_char])
        if m and _FROM_TO.search(doc.text[max(sent.start_char, lo - 40):lo + m.start(1)]):
            return []  # "from 25.1 to 17.2 mmHg with X and from ... with Y": each arm's change
        if m:
            value = float(m.group(1).replace("−", "-").replace("–", "-"))
            before = doc.text[sent.start_char:lo + m.start(1)]
            if _BY_FALL.search(before):
                value = -abs(value)  # "had decreased by 21.4 points with X": a fall of 21.4
            out.append((arm, value))
    return out if len(out) >= 2 else []


#: a fall's size follows: "decreased by", "fell by 21.4 points with X and by 17.0 with Y"
_BY_FALL = re.compile(r"\b(decreas\w*|reduc\w*|fell|fallen|declin\w*|lowered|dropped)\b"
                      r"[^.;]{0,80}?\bby\s+(about\s+|approximately\s+)?$", re.I)


#: the "to" of a "from ... to" change right before a value: the value is where the arm ended up
_FROM_TO = re.compile(r"\bfrom\s+[-−–]?\d[^;]{0,30}?\bto\s*$", re.I)


def _of_controls(arm: Span, gap: str) -> bool:
    """"23% of controls": people counted in a control arm named by the people themselves;
    "4.7% of the X group": people counted in the arm a group noun names."""
    if not re.fullmatch(r"\s*\)?\s*,?\s*of\s+(?:the\s+)?", gap):
        return False
    return arm._.source == "control_arm" or bool(
        _GROUP_AFTER.match(arm.doc.text, arm.end_char))


_GROUP_AFTER = re.compile(r"\s*(?:-\s*)?(?:treated\s+|treatment\s+)?(?:groups?|arms?|cohorts?)\b",
                          re.I)


def _rates(text: str) -> list[tuple[re.Match, float]]:
    """Percentages, and counts of a denominator as percentages ("2 of 60" = 3.3), in text
    order; a count whose percentage follows it ("237 of 2373 (10.0%)") is read once, as the
    percentage."""
    percents = [(m, float(m.group(1))) for m in _PERCENT.finditer(text)
                if not _INTERVAL_LEVEL.match(text, m.start())]
    def number(group: str) -> int:
        return int(group.replace(",", ""))
    counts = [(m, round(100.0 * number(m.group(1)) / number(m.group(2)), 1))
              for m in _COUNT.finditer(text)
              if 0 < number(m.group(2)) and number(m.group(1)) <= number(m.group(2))]
    counts = [(m, r) for m, r in counts if not _PERCENT_AFTER.match(text, m.end())]
    return sorted(percents + counts, key=lambda x: x[0].start())


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _respective_rates(sent: Span, arms: list[Span], arm_labels) -> list[tuple[Span, float]]:
    """"Y occurred in 12% and 4% of children in the ketamine and midazolam groups,
    respectively": the k-th rate is the k-th arm's, when the counts agree."""
    m = _RESPECTIVELY.search(sent.text)
    if m is None:
        return []
    end = sent.start_char + m.start()
    rates = [(sent.start_char + r.start(), float(r.group(1)))
             for r in _PERCENT.finditer(sent.text[:m.start()])]
    if len(rates) < 2:
        return []
    listed = [a for a in arms if rates[-1][0] < a.start_char < end]
    if not arms:  # "Response rates were 69% and 59%, respectively": the arms just named
        listed = _previous_arms(sent, arm_labels)
    if len(listed) != len(rates):
        return []
    return [(arm, rate) for arm, (_, rate) in zip(listed, rates)]


def _previous_arms(sent: Span, arm_labels) -> list[Span]:
    """The arms the sentence before ``sent`` names, each once, in the order it names them."""
    if sent.start == 0:
        return []
    before = sent.doc[sent.start - 1].sent
    arms: dict[str, Span] = {}
    for e in sent.doc.ents:
        if e.label_ in arm_labels and before.start <= e.start < before.end:
            arms.setdefault(e.text.lower(), e)
    return list(arms.values())


def rate_direction(sent: Span, ents: list[Span], drug: Span, arm_labels,
                   key) -> tuple[str, float] | None:
    """("decreased" | "increased" | "unchanged", the drug's rate) when ``sent`` gives the rate of
    its event in ``drug``'s arm and in one other arm; ``key`` names an entity's concept."""
    rates = arm_rates(sent, ents, arm_labels)
    mine = [r for arm, r in rates if _same_arm(arm, drug, key)]
    other = [r for arm, r in rates if not _same_arm(arm, drug, key)]
    if len(mine) != 1 or len(other) != 1:
        return None
    if mine[0] == other[0]:
        return "unchanged", mine[0]
    return ("decreased" if mine[0] < other[0] else "increased"), mine[0]


#: "did not differ between treatment groups", "were similar in the two groups"
_NO_DIFFERENCE = re.compile(
    r"\b(did not (significantly )?differ|(was|were) (similar|comparable)|no (significant |"
    r"statistically significant )?differences?|not (significantly )?different)\b[^.;]{0,30}?"
    r"\b(between|among|across|in)\b[^.;]{0,30}?\b(groups?|arms?)\b", re.I)


def no_difference_between_arms(sent: Span, after: Span) -> bool:
    """Does ``sent`` say, after ``after``, that its rate did not differ between the arms ("the
    frequency of Y did not differ between treatment groups")?  Such a harm is no harm of the
    drug's over its comparator's: the finding is that nothing changed."""
    return bool(_NO_DIFFERENCE.search(sent.doc.text, after.end_char, sent.end_char))


def _same_arm(arm: Span, drug: Span, key) -> bool:
    """``arm`` names ``drug``'s arm: the same concept, or the other half of a combination
    written with a slash or a hyphen ("sacubitril/valsartan")."""
    if key(arm) == key(drug):
        return True
    first, second = sorted((arm, drug), key=lambda e: e.start)
    between = first.doc.text[first.end_char:second.start_char]
    return between in ("/", "-", "+")


_COPULA = re.compile(r"\b(was|were)\b", re.I)
_LESS = re.compile(r"\s+(significantly\s+|markedly\s+|also\s+)?(less|fewer|lower|reduced|"
                   r"decreased)\b", re.I)


def less_frequent(sent: Span, finding: Span) -> bool:
    """Does the clause of ``finding`` say it was less frequent ("..., whereas renal impairment,
    hyperkalemia, and cough were less frequent", "caused less Y")?  The first "was/were" after the finding is
    its clause's verb, so a "more frequent" earlier in the sentence says nothing of it."""
    doc = sent.doc
    # "X caused less Y", "fewer episodes of Y with X": the comparative sizes the finding itself
    if _LESS_BEFORE.search(doc.text[max(sent.start_char, finding.start_char - 30):
                                    finding.start_char]):
        return True
    m = _COPULA.search(doc.text, finding.end_char, sent.end_char)
    return m is not None and bool(_LESS.match(doc.text, m.end()))


_LESS_BEFORE = re.compile(r"\b(?:less|fewer|lower\s+(?:rates?|incidences?|risk)\s+of)\s+"
                          r"(?:(?:episodes?|cases?|events?|frequent|severe|often)\s+(?:of\s+)?)?$",
                          re.I)


#: the rates are of the finding's end, not of the finding: "Vomiting stopped in 86% of children
#: given X and 65% of those given placebo"
_ENDED = re.compile(r"^\s*(?:had\s+|was\s+|were\s+)?(?:completely\s+)?(?:stopped|ceased|resolved|"
                    r"disappeared|remitted|cleared|abated|subsided)\b", re.I)
_ENDED_SIGN = {"increased": "improved", "decreased": "worsened"}


def rates_of_its_end(sent: Span, finding: Span, direction: str) -> str:
    """``direction`` of rates per arm turned into the finding's course when the rates count
    its end (:data:`_ENDED`): more stopping is an improvement, less a worsening."""
    if _ENDED.match(sent.doc.text[finding.end_char:sent.end_char]):
        return _ENDED_SIGN.get(direction, direction)
    return direction


def compared_harm(sent: Span, ents: list[Span], drug: Span, finding: Span, arm_labels,
                  key) -> tuple[str, dict[str, float]] | None:
    """How a harm named next to ``drug`` compares with the other arm, when the sentence says:
    (direction, statistics of the drug's own arm) from the rates per arm, else the direction of a
    ratio's confidence interval ("was not increased (risk ratio 1.12; 95% CI 0.71 to 1.77)"),
    a "less frequent" clause, or "did not differ between groups"; ``None`` when it says
    nothing of the comparison (the finding is then read as the drug's harm)."""
    by_rate = rate_direction(sent, ents, drug, arm_labels, key)
    doc = sent.doc
    by_ratio = ratio_direction(doc, sent, finding) or ratio_after_direction(doc, sent, finding)
    if by_rate is not None:
        by_ratio = by_ratio or rates_ratio_direction(doc, sent, finding)
        # "36% versus 20% (p = 0.2)", "769 of 12,927 and 782 of 12,944 (hazard ratio 0.98; 95%
        # CI 0.89 to 1.08)": the rates differ by chance
        direction = "unchanged" if first_p_nonsignificant(sent.text) or by_ratio == "unchanged" \
            else rates_of_its_end(sent, finding, by_rate[0])
        return direction, {"percent": by_rate[1]}
    direction = by_ratio
    if direction is None and less_frequent(sent, finding):
        direction = "decreased"
    if direction is None and no_difference_between_arms(sent, finding):
        direction = "unchanged"
    return (direction, {}) if direction else None


_GROUP = r"(males?|females?|men|women|boys|girls|older|younger|elderly|adults|children)"
#: "Males had higher T4 than females", "LSI was greater in females than in males", "higher in
#: older than in younger patients": groups that were not assigned a treatment
_NOT_ARMS = re.compile(rf"\b{_GROUP}\b[^.;]{{0,80}}?\bthan\s+(in\s+)?(the\s+)?{_GROUP}\b|"
                       rf"\bbetween\s+{_GROUP}\s+and\s+{_GROUP}\b|"
                       r"\b(between|among|across)\s+(the\s+)?(two\s+)?"
                       r"(sexes|genders|age\s+groups)\b|"
                       # "Compared with women without Y, cases had higher BMI": people grouped
                       # by a disease they have or not (a case-control comparison)
                       r"\b(compared\s+(with|to)|than(\s+in)?)\s+(the\s+)?(\w+\s+)?"
                       r"(patients|subjects|participants|individuals|people|women|men|children|"
                       r"controls)\s+(without|free\s+of)\s+(?!(treatment|therapy|medication|"
                       r"the\s+drug|intervention)\b)[^.;]*", re.I)


#: "Y was not different between hypovolemic, normovolemic and hypervolemic patients": people
#: grouped by a trait they have (the words before the person noun) ...
_TRAIT_GROUPS = re.compile(r"\b(?:between|among)\s+((?:[a-z][\w-]*,?\s+){1,4}(?:and|or)\s+"
                           r"[a-z][\w-]*)\s+(?:patients|subjects|participants|individuals|people|"
                           r"men|women|children|adults|infants|persons)\b", re.I)
#: ... unless the trait is what was given or done to them ("treated and untreated patients")
_EXPOSURE_WORDS = re.compile(r"^(treated|untreated|exposed|unexposed|vaccinated|unvaccinated|"
                             r"control|intervention|placebo|study|randomi[sz]ed|allocated|"
                             r"operated|both|two|three|four|the|all|these|those|other)$", re.I)


def _trait_groups(sent: Span) -> list[tuple[int, int]]:
    """Character spans (in the sentence) of comparisons between people grouped by a trait."""
    given = [(e.start_char - sent.start_char, e.end_char - sent.start_char) for e in sent.ents
             if e.label_ in ("DRUG", "PROCEDURE")]
    out = []
    for m in _TRAIT_GROUPS.finditer(sent.text):
        words = [w for w in re.split(r"[\s,]+", m.group(1)) if w and w.lower() not in ("and", "or")]
        if any(_EXPOSURE_WORDS.match(w) or w.lower().endswith("users") for w in words) or \
                any(m.start() <= s < m.end() for s, _ in given):
            continue
        out.append((m.start(), m.end()))
    return out


def compares_non_arms(sent: Span, at: int, obj: Span | None = None) -> bool:
    """Is the token ``at`` (a change word or its object) inside a comparison between sexes or
    ages ("Males had higher plasma T4 levels than females")?  That difference is no drug's.
    With ``obj``, also: is the finding about ``obj`` a comparison between people grouped by a
    trait, right after the object's clause ("Y was not different between hypovolemic and
    hypervolemic patients")?"""
    doc = sent.doc
    char = doc[at].idx - sent.start_char
    groups = [(m.start(), m.end()) for m in _NOT_ARMS.finditer(sent.text)]
    if any(start <= char <= end for start, end in groups):
        return True
    if obj is None:
        return False
    end = max(obj.end_char - sent.start_char, char)
    # the comparison follows the object and its change word closely, in the same clause ("no
    # difference in Y between sexes")
    return any(0 <= start - end <= 40 and ";" not in sent.text[end:start]
               for start, _ in groups + _trait_groups(sent))


def rated_outcome(sent: Span, ents: list[Span], arm_labels, outcome_labels,
                  is_comparator, treated: Span | None = None) -> tuple[Span, Span, str, float | None, bool] | None:
    """(arm, outcome, direction, the arm's rate, tested) for a sentence that gives one outcome's
    rate per arm: "The incidences of FIC were 9.2% and 40.8% in Group A (propofol) and Group B
    (placebo) respectively (P = 0.04)".  The arm is the one that is not the comparator (the
    first listed when neither is); the outcome is the only one named before the rates;
    ``tested`` says whether the sentence gives a p-value, which decides whether the rates differ
    (p >= 0.05: unchanged).  ``None`` when the sentence is not of that form."""
    rates = arm_rates(sent, ents, arm_labels, treated)
    if len(rates) != 2 or rates[0][0].start == rates[1][0].start:
        return None
    # the outcome is named before the first value (a plain value sits just before its arm; the
    # treated arm may be the study's intervention, named in another sentence)
    first_rate = min([arm.start_char for arm, _ in rates if arm.start_char >= sent.start_char] +
                     [sent.start_char + m.start() for m, _ in _rates(sent.text)])
    named = _one_name([e for e in ents if e.label_ in outcome_labels and e.end_char <= first_rate])
    if named is None:
        return None
    (a, ra), (b, rb) = rates
    if is_comparator(a) and not is_comparator(b):
        (a, ra), (b, rb) = (b, rb), (a, ra)
    if is_comparator(a):
        return None
    nonsignificant = first_p_nonsignificant(sent.text)
    # a ratio's interval tests the rates too: "(hazard ratio 0.98; 95% CI 0.89 to 1.08)"
    by_ratio = ratio_direction(sent.doc, sent, named) or \
        ratio_after_direction(sent.doc, sent, named) or rates_ratio_direction(sent.doc, sent, named)
    direction = "unchanged" if ra == rb or nonsignificant or by_ratio == "unchanged" else \
        rates_of_its_end(sent, named, "decreased" if ra < rb else "increased")
    # a plain value per arm ("-22.8 with X") is no rate of events: it is not kept as a percent
    # (a ratio that holds 1 tests the rates as no difference; one that does not may be stated
    # for either arm, "0.36 for B versus A": claims.later_ratio reads which)
    return a, named, direction, ra if _rates(sent.text) else None, \
        nonsignificant is not None or by_ratio == "unchanged"


def _one_name(named: list[Span]) -> Span | None:
    """The one outcome named before the rates; a name split into adjacent pieces
    ("Children's Depression Rating Scale" "-Revised" "total score") counts once, by its first."""
    if not named:
        return None
    doc = named[0].doc
    for a, b in zip(named, named[1:]):
        gap = doc[a.end:b.start]
        if len(gap) > 2 or any(t.is_punct and t.text not in "-‐" for t in gap):
            return None
    return named[0]


#: a study of one arm: its results are the intervention's, with no comparator to set a direction
_ONE_ARM = re.compile(r"\b(?:single[- ](?:arm|group|center|centre)|one[- ]arm|open[- ]label|"
                      r"uncontrolled|phase\s+(?:I/)?(?:II|2)\b|non-?randomi[sz]ed)", re.I)
#: ... unless the text names a comparison ("versus placebo", "compared with controls"; a
#: comparison with baseline is the single arm's own)
_COMPARED = re.compile(r"\b(?:placebo|sham|controls?\b|comparator|usual\s+care|standard\s+care|"
                       r"versus|vs\.?\s|(?<!non-)(?<!non)randomi[sz]|compared\s+(?:with|to)\s+"
                       r"(?!(?:the\s+)?(?:baseline|pre-?treatment|before)))", re.I)


def single_arm_study(doc) -> bool:
    """Does ``doc`` describe a study of one arm ("a single-arm phase II trial of X") and name
    no comparator?"""
    cached = doc.user_data.get("litkg_single_arm")
    if cached is None:
        cached = bool(_ONE_ARM.search(doc.text)) and not _COMPARED.search(doc.text)
        doc.user_data["litkg_single_arm"] = cached
    return cached


#: an endpoint's rate right after its name: "The overall response rate was 62%", "a complete
#: response rate of 31%", "disease control: 80%", "Y was achieved in 40% of patients"
_RATE_AFTER = re.compile(r"^\s*(?:\([^()]{0,20}\)\s*)?(?:was|were|of|:|=|reached|"
                         r"(?:was|were)\s+(?:achieved|observed|seen|reported)\s+in|"
                         r"occurred\s+in)\s*(?:approximately\s+|about\s+|only\s+)?"
                         r"(\d+(?:\.\d+)?)\s*%(?!\s*(?:CI\b|C\.I\.|confidence))", re.I)


def rated_endpoints(sent: Span, ents: list[Span], labels) -> list[tuple[Span, float]]:
    """(endpoint, percent) for each endpoint of ``sent`` (``labels``) given with its own rate
    and no arm: a single arm's result, with no direction (nothing was compared)."""
    doc = sent.doc
    out = []
    for e in ents:
        if e.label_ not in labels:
            continue
        m = _RATE_AFTER.match(doc.text[e.end_char:sent.end_char])
        if m:
            out.append((e, float(m.group(1))))
    return out
