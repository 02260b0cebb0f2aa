"""Lab analytes named by how they are measured: "urine osmolality", "plasma renin activity",
"serum bicarbonate", "Liver enzymes were 310 U/L".

The lexicon names the common lab tests; a case report measures whatever its case needs, and an
unrecognised analyte costs every outcome and measurement claim about it.  Two cues say that a
noun phrase is a measured quantity whatever it is called:

- a *specimen* word in front of it ("serum", "plasma", "urine", "urinary", "CSF", ...): "urine
  osmolality", "plasma renin activity" (the specimen word is part of the name);
- a *lab value* right after it: the phrase is the subject of "was / of / : / =" or of a change
  verb ("decreased from", "rose to") whose number carries a lab unit (:func:`lab_unit`: not a
  dose, a time, a length or a body mass): "Urine osmolality decreased from 610 to 180 mOsm/kg".

The ``litkg_analytes`` component (after ``litkg_endpoints``) labels such phrases ANALYTE, without
an identifier (no vocabulary grounds them; unknown stays unknown), on tokens no other entity
holds: one to three content words (the endpoint module's notion: no function word, number,
change word or past verb form), the last one not a word for a sample, test or procedure
("blood samples", "blood transfusion").  A phrase right before an entity is left alone: "serum
sodium" is the lexicon's sodium.

Vital signs are named by their reading: "temperature" followed by degrees in a body's range
("Temperature was 38.9 °C") is the body temperature (LOINC 8310-5), and "BP" followed by a
reading in mmHg ("BP fell from 160/95 to 135/85 mmHg") is blood pressure, "MAP", "SBP", "DBP"
with one ("MAP fell from 95 to 80 mmHg") the mean, systolic, diastolic arterial pressure (the
abbreviations alone are too ambiguous for the lexicon).

The same component settles what a substance is in *this* document, measured or given, where
the vocabularies type it one way for all documents:
- a chemical typed DRUG or a protein typed TARGET that the document only measures ("lactate
  18 mmol/L", "pyruvate rose to 0.3 mmol/L", "creatine kinase was 18,450 U/L") and never gives
  is the patient's ANALYTE; a drug also given ("on lithium")
  stays a drug whose level the claims read as a measurement;
- a protein typed TARGET by its gene that is written as given ("intravenous insulin", "G-CSF
  was administered", "interleukin-2 therapy") is a DRUG there; "serum insulin", "insulin
  resistance" and "TNF inhibitors" keep the protein;
- an analyte written as given ("high doses of oral phosphate", "calcium 1 g daily") is a DRUG
  under its chemical id, and so is a later definite mention of it that is no measure ("... but
  the phosphate is poorly tolerated");
- an analyte or protein naming a trial arm ("in the vitamin D group") is what the arm was given,
  and so is one a trial allocated ("randomly assigned to receive vitamin D") or compared with
  placebo ("vitamin D or placebo"); a bare mention of a substance the document gives ("Vitamin
  D reduced falls") is the substance given, while its measures ("vitamin D levels", "low vitamin
  D") stay the analyte, and so does a level read before the substance is first given
  ("Testosterone levels were low ... testosterone replacement").
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from litkg.extract.endpoints import content_word, verb_like
from litkg.extract.findings import GIVEN_AFTER, GIVEN_BEFORE
from litkg.extract.lexicon import lookup
from litkg.extract.extensions import register_extensions
from litkg.extract.quantities import find_quantities
from litkg.extract.units import dimensionless_unit, is_dose_unit, parse_unit

SPECIMENS = frozenset({"serum", "plasma", "urine", "urinary", "csf", "salivary", "faecal",
                       "fecal", "sweat", "capillary"})
#: last words that name a sample, a test or a procedure on the specimen, not what it contains
NOT_ANALYTE = frozenset({"sample", "samples", "specimen", "specimens", "test", "tests", "testing",
                         "culture", "cultures", "transfusion", "transfusions", "collection",
                         "collections", "donor", "donors", "bank", "product", "products",
                         "vessel", "vessels", "group", "groups", "type", "draw", "smear",
                         "analysis", "analyses", "study", "studies", "examination", "dipstick",
                         "proportion", "percentage", "percent", "majority", "number", "total",
                         "dose", "doses", "dosage", "age", "duration", "time", "period",
                         "weeks", "days", "months", "years", "patients", "patient", "cases",
                         # time units end a time point ("during the first 24 h was 23%")
                         "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes",
                         "wk", "wks", "week", "day", "month", "year", "sec", "seconds",
                         "range", "normal", "reference", "limit", "limits", "value", "values",
                         "level", "levels", "ratio", "increase", "decrease", "change"})
#: what stands between the phrase and its value
_VALUE_CUE = re.compile(
    r"\s*(?:\([^()]{1,12}\)\s*)?(?:(?:levels?|concentrations?|values?)\s+)?"
    r"(?:was|were|is|are|of|:|=|(?:had\s+)?(?:decreased|increased|fell|rose|dropped|declined|"
    r"normali[sz]ed|remained|reached|returned|improved|worsened|peaked)"
    r"(?:\s+(?:from|to|at))?)\s+"
    r"(?:(?:from|approximately|about|only|still|then|a|median|mean|of)\s+)*(?=\d)", re.I)
_AMOUNTS = frozenset({"mg", "g", "ug", "ng", "[IU]"})
_PER_DOSE = frozenset({"kg", "d", "wk", "m2", "dose"})
MAX_WORDS = 3
#: nouns of a process, a quality or a share ("attribution", "reduction", "specificity",
#: "accuracy", "prevalence"): a percentage after one is a proportion, not a lab value
_ABSTRACT_NOUN = re.compile(r"(?:tion|sion|ment|ity|acy|ence|ance|ness)$")
#: ... except the lab and vital measures written in percent
_LEVELS_IN_PERCENT = frozenset({"saturation", "fraction", "activity", "concentration"})
#: unitless lab values (scores, ratios and indexes are the endpoint component's)
_UNITLESS_LABS = frozenset({"[pH]", "{INR}"})


#: body temperature, the vital sign LOINC names 8310-5: "temperature 37.1 °C", "fever of 39.2 °C"
BODY_TEMPERATURE_ID = "LOINC:8310-5"
BODY_TEMPERATURE_LABEL = "body temperature"
#: a name of the body's temperature, or of a finding that states it ("fever of 39.2 °C")
TEMPERATURE_NAME = re.compile(r"^(?:(?:body|core|rectal|oral|axillary|tympanic|maximum|peak)\s+)?"
                              r"temperature$|^(?:(?:high|low-grade|high-grade)\s+)?"
                              r"(?:fever|pyrexia|hyperthermia)$", re.I)
#: the reading after it: "(T) was 37.1 °C", "of 39.2°C", "up to 40 ºC"
_TEMPERATURE_READING = re.compile(
    r"\s*(?:\([^()]{1,12}\)\s*)?(?:(?:was|were|of|:|=|at|reached|peaked|up|to|measured|a|"
    r"maximum|max)\s*)*(\d{2,3}(?:\.\d{1,2})?)\s*[°º]\s?([CF])\b", re.I)
#: readings a human body can have: anything else is a laboratory temperature ("stored at 4 °C")
_BODY_RANGE = {"C": (30.0, 45.0), "F": (86.0, 113.0)}


def temperature_reading(text: str, end: int) -> tuple[float, str] | None:
    """(value, unit) of a body temperature written at ``end`` of a temperature's name: "37.1
    °C" -> (37.1, "°C"); None when no reading in a body's range follows."""
    m = _TEMPERATURE_READING.match(text, end)
    if m is None:
        return None
    value, scale = float(m.group(1)), m.group(2).upper()
    low, high = _BODY_RANGE[scale]
    return (value, f"°{scale}") if low <= value <= high else None


def _temperature_phrases(doc: Doc, sent: Span, taken: set[int]) -> list[tuple[int, int]]:
    """"Temperature was 38.9 °C": the body's temperature, named by the vital sign and read in
    degrees (the vocabularies name "body temperature" only as a finding's category)."""
    out = []
    for tok in sent:
        if tok.lower_ != "temperature" or tok.i in taken or \
                temperature_reading(doc.text, tok.idx + len(tok.text)) is None:
            continue
        start = tok.i
        if start - 1 >= sent.start and start - 1 not in taken and \
                TEMPERATURE_NAME.match(doc[start - 1:tok.i + 1].text):
            start -= 1  # "core temperature"
        elif start - 1 >= sent.start and content_word(doc[start - 1], taken):
            continue  # "room temperature", "incubation temperature": not the body's
        out.append((start, tok.i + 1))
        taken.update(range(start, tok.i + 1))
    return out


#: "BP 150/90 mmHg", "BP fell from 160/95 to 135/85 mmHg": the abbreviation with its reading
_PRESSURE_READING_AHEAD = re.compile(r"[^.;()]{0,40}?\b\d{2,3}\s*/\s*\d{2,3}\s*(?:(?:mm\s*Hg\s*)?"
                                     r"to\s+\d{2,3}\s*/\s*\d{2,3}\s*)?mm\s*Hg\b", re.I)


#: "MAP 65 mmHg", "MAP fell from 95 to 80 mmHg": one pressure with its reading
_ONE_READING_AHEAD = re.compile(r"[^.;()]{0,40}?\b\d{2,3}(?:\.\d+)?\s*(?:(?:mm\s*Hg\s*)?"
                                r"to\s+\d{2,3}(?:\.\d+)?\s*)?mm\s*Hg\b", re.I)
#: "SVR 1450 dyn·s/cm5", "PVR fell from 4.2 to 2.8 Wood units": a vascular resistance with its
#: reading (dyn·s·cm-5, Wood units, mmHg·min/L)
_RESISTANCE_READING_AHEAD = re.compile(
    r"[^.;()]{0,40}?\b\d{1,4}(?:\.\d+)?\s*(?:(?:dyn\S*(?:\s*[·.x×/-]?\s*(?:s|sec)\S*)?"
    r"(?:\s*[·.x×/]?\s*cm\S*)?|WU|Wood\s+units?)\s*)?(?:to\s+\d{1,4}(?:\.\d+)?\s*)?"
    r"(?:dyn|WU\b|Wood\s+units?\b|mm\s*Hg\s*[·.x×/]?\s*(?:min|L)\b)", re.I)
#: abbreviations of arterial pressures and vascular resistances -> (the lexicon's name, how
#: their reading is written)
_PRESSURES = {"BP": ("blood pressure", _PRESSURE_READING_AHEAD),
              "MAP": ("mean arterial pressure", _ONE_READING_AHEAD),
              "SBP": ("systolic blood pressure", _ONE_READING_AHEAD),
              "DBP": ("diastolic blood pressure", _ONE_READING_AHEAD),
              "SVR": ("systemic vascular resistance", _RESISTANCE_READING_AHEAD),
              "PVR": ("pulmonary vascular resistance", _RESISTANCE_READING_AHEAD)}


def _pressure_abbreviations(doc: Doc, sent: Span, taken: set[int]) -> list[tuple[int, int, str]]:
    """"BP", "MAP", "SVR" written with a reading in mmHg (dyn·s/cm5, Wood units for a
    resistance): blood pressure, mean arterial pressure, systemic vascular resistance (the
    abbreviations alone are too ambiguous for the lexicon: bullous pemphigoid, base pair,
    methamphetamine, MAP kinase, sustained virological response, post-void residual); (start,
    end, the measure's lexicon name)."""
    return [(tok.i, tok.i + 1, _PRESSURES[tok.text][0]) for tok in sent
            if tok.text in _PRESSURES and tok.i not in taken
            and _PRESSURES[tok.text][1].match(doc.text, tok.idx + len(tok.text))]


def _free_word(tok, taken: set[int]) -> bool:
    return content_word(tok, taken) and tok.lower_ not in SPECIMENS


def lab_unit(text: str | None) -> bool:
    """A unit a lab value is given in: a known concentration, count, activity or rate ("mmol/L",
    "U/L", "x10^9/L", "mOsm/kg", "mL/min") or a percentage; not a dose ("mg/kg/day"), a time, a
    length or a body mass ("83 cm", "10.7 kg": anthropometry and sizes)."""
    unit = parse_unit(text) if text else None
    if unit is None or is_dose_unit(text):
        return False
    head, *per = unit.canonical.split("/")
    if head in _AMOUNTS and set(per) & _PER_DOSE:
        return False  # "0.4 mg/kg/mg/day": a dose the dose parser did not untangle
    return bool(per) or unit.canonical == "%"


def _specimen_phrases(doc: Doc, sent: Span, taken: set[int]) -> list[tuple[int, int]]:
    out = []
    for tok in sent:
        if tok.lower_ not in SPECIMENS or tok.i in taken or tok.i + 1 >= sent.end:
            continue
        end = tok.i + 1
        while end < sent.end and end - tok.i <= MAX_WORDS and _free_word(doc[end], taken):
            end += 1
        # ("serum hs-CRP": a word glued by a hyphen to the next is part of a longer name)
        glued = end < sent.end and not doc[end - 1].whitespace_ and doc[end].text in ("-", "–")
        if end > tok.i + 1 and not (end < sent.end and end in taken) and not glued \
                and doc[end - 1].lower_ not in NOT_ANALYTE:
            out.append((tok.i, end))
            taken.update(range(tok.i, end))
    return out


#: words of how often an event occurred: alone before a value they measure no analyte
_HOW_OFTEN = frozenset({"rate", "rates", "incidence", "frequency", "proportion", "prevalence",
                        "risk"})


def _valued_phrases(doc: Doc, sent: Span, taken: set[int]) -> list[tuple[int, int]]:
    out = []
    for tok in sent:
        if tok.i + 1 >= sent.end or not _free_word(tok, taken) or _free_word(doc[tok.i + 1], taken):
            continue  # the phrase ends on ``tok``: the next token is no word of it
        if len(tok.text) == 1 and tok.text.islower():
            continue  # "n = 176/629", "r = 0.4": a statistic's symbol ("K 3.1 mmol/L" is one)
        m = _VALUE_CUE.match(doc.text, tok.idx + len(tok.text))
        if m is None or m.end() >= sent.end_char:
            continue
        found = find_quantities(doc.text[m.end():min(sent.end_char, m.end() + 40)])
        if not found or found[0].start != 0 or not (lab_unit(found[0].unit) or (
                not found[0].unit and dimensionless_unit(tok.text) in _UNITLESS_LABS)):
            continue  # "arterial pH was 6.85": a lab value that has no unit
        start = tok.i
        while start - 1 >= sent.start and tok.i - start + 1 < MAX_WORDS and \
                _free_word(doc[start - 1], taken):
            start -= 1
        if tok.lower_ in NOT_ANALYTE or (start - 1 >= sent.start and start - 1 in taken):
            continue  # "the serum sodium level was": the entity before it is the analyte
        if start == tok.i and tok.lower_ in _HOW_OFTEN:
            continue  # "occurred at a rate of 2.13% per year": how often, of the event before
        if found[0].unit == "%" and _ABSTRACT_NOUN.search(tok.lower_) and \
                tok.lower_ not in _LEVELS_IN_PERCENT and m.group(0).split()[-1] == "of":
            # "a sensitivity of 76%", "attribution of 31.8%": a share, not a level ("patients
            # needing additional treatment was 3.1%" stays: a measured outcome, read as one)
            continue
        out.append((start, tok.i + 1))
        taken.update(range(start, tok.i + 1))
    return out


def _lab_value_after(doc: Doc, span: Span) -> bool:
    """Is ``span`` followed by a lab value: "lactate 18 mmol/L", "pyruvate rose to 0.3 mmol/L"?
    A percentage right after a drug's name is its strength ("ropivacaine 0.2%"), not a level."""
    sent_end = span.sent.end_char
    m = _VALUE_CUE.match(doc.text, span.end_char) or re.compile(r"\s*(?=\d)").match(
        doc.text, span.end_char)
    if m is None or m.end() >= sent_end:
        return False
    found = find_quantities(doc.text[m.end():min(sent_end, m.end() + 40)])
    if found and found[0].unit == "%" and span.label_ == "DRUG" and m.end() - span.end_char <= 1:
        return False
    return bool(found) and found[0].start == 0 and lab_unit(found[0].unit)


def _written_as_given(doc: Doc, span: Span, before_cue: re.Pattern,
                      after_words: frozenset[str] = frozenset()) -> bool:
    """Is ``span`` written as given: the grammar of giving before it ("treated with X", or
    ``before_cue``), a giving noun after it ("X therapy", or ``after_words``), "X was
    administered", or a dose right after it ("X 500 mg")?"""
    before = doc.text[max(span.sent.start_char, span.start_char - 40):span.start_char]
    if GIVEN_BEFORE.search(before) or before_cue.search(before):
        return True
    after = [t.lower_ for t in doc[span.end:min(len(doc), span.end + 2)]]
    if after and after[0] in GIVEN_AFTER | after_words:
        return True  # "X therapy"
    if after[1:] and after[0] in ("was", "were") and after[1] in _STARTED_AFTER and \
            not _drug_follows(doc, span.end + 2):
        return True  # "X was stopped"; not "patients with low X were given Y"
    found = find_quantities(doc.text[span.end_char:min(span.sent.end_char, span.end_char + 25)])
    return bool(found) and found[0].start <= 2 and is_dose_unit(found[0].unit)


def _drug_follows(doc: Doc, i: int) -> bool:
    """Does a drug stand within three words after token ``i`` ("were given oral Y"): the verb
    before ``i`` takes it as its object, so the subject is not what was given."""
    return any(e.label_ == "DRUG" and i <= e.start < i + 3 for e in doc.ents)


def _given(doc: Doc, span: Span) -> bool:
    """Is the chemical ``span`` written as given or stopped anywhere: "on X", "X started",
    or named with its giving noun ("iron supplementation" as one entity)?"""
    return span[-1].lower_ in _GIVING_NOUNS or \
        _written_as_given(doc, span, _ON_OR_STARTED, _STARTED_AFTER | _GIVING_NOUNS)


_ON_OR_STARTED = re.compile(r"\b(on|started|initiated|stopped|discontinued|withdrew|"
                            r"withdrawal of|mixed with|combined with|in combination with|"
                            r"containing|plus)\s*$|"
                            # "X 0.1% mixed with Y 2 μg/ml and Z 0.5 μg/ml": a solution's parts
                            r"\b(mixed|combined) with\b[^;]{1,40}?(\band|,)\s*$", re.I)
#: nouns after a substance that say it was given to make up for a lack ("testosterone
#: replacement", "iron supplementation")
_GIVING_NOUNS = frozenset({"replacement", "supplementation", "supplement", "supplements",
                           "repletion"})
_STARTED_AFTER = frozenset({
    "started", "initiated", "stopped", "discontinued", "withdrawn", "withheld", "ingested",
    "administered", "given", "infused", "injected", "continued", "restarted"})


def _measured_chemicals(doc: Doc, ents: list[Span]) -> set[int]:
    """Positions in ``ents`` of chemicals that the document only measures: typed as drugs by
    the vocabularies, written with a lab value after them ("lactate 18 mmol/L"), and never
    given anywhere in the document.  Such a chemical is the patient's analyte, not a drug that
    could be credited with what happened; a drug that is also given ("on lithium ... serum
    lithium was 2.8 mmol/L") keeps its type, and the claims read its level as a measurement."""
    def name(e: Span) -> str:
        return e._.concept_id or e.text.lower()
    # a gene product measured in blood ("creatine kinase was 18,450 U/L") is an analyte too
    chemicals = [(i, e) for i, e in enumerate(ents) if e.label_ in ("DRUG", "TARGET")]
    first_given: dict[str, int] = {}
    for _, e in chemicals:
        if _given(doc, e):
            first_given.setdefault(name(e), e.sent.start)
    given = set(first_given)
    valued = {i for i, e in chemicals if name(e) not in given and _lab_value_after(doc, e)}
    # "Homocysteine levels were higher in metformin users": a chemical every mention of which
    # is a measure ("X levels", "serum X") is measured too, though no value is given
    measured = {i for i, e in chemicals if _measure_phrase(doc, e)}
    every = {name(e) for i, e in chemicals} - {name(e) for i, e in chemicals if i not in measured}
    # "Testosterone levels were low ... Testosterone replacement improved libido": a level
    # read in a sentence before the substance is first given is the patient's own, not the
    # level of the drug (which "on lithium ... serum lithium was 2.8 mmol/L" reads).  Only
    # "levels" and "status": a drug's "plasma concentration" in a title or an "inspired
    # concentration" of a gas is what was given
    before_given = {i for i, e in chemicals if e.label_ == "DRUG" and name(e) in given
                    and e.sent.end <= first_given[name(e)] and e.end < len(doc)
                    and doc[e.end].lower_ in _OWN_LEVEL}
    return valued | before_given | {i for i, e in chemicals
                                    if name(e) in every and name(e) not in given}


#: "testosterone levels", "iron status": words of the body's own amount of a substance
_OWN_LEVEL = frozenset({"level", "levels", "status", "stores"})
#: "iron stores", "vitamin D status": the body's amount of the substance, measured
_MEASURE_NOUNS = frozenset({"level", "levels", "concentration", "concentrations", "values",
                            "status", "stores", "store"})


#: "X was higher in users of Y": a substance compared between groups of people is measured
_COMPARED_IN_GROUPS = re.compile(r"\s+(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:higher|lower|"
                                 r"greater|elevated)\s+(?:in|among)\b",
                                 re.I)


def _measure_phrase(doc: Doc, e: Span) -> bool:
    """Is ``e`` named as a measure: "X levels", "X concentration(s)", "serum X", or compared
    between groups of people ("X was higher in metformin users")?"""
    after = doc[e.end].lower_ if e.end < len(doc) else ""
    before = doc[e.start - 1].lower_ if e.start > 0 else ""
    # "serum total iron", "plasma free T4": a fraction word between the specimen and the name
    if before in _FRACTIONS and e.start > 1:
        before = doc[e.start - 2].lower_
    return after in _MEASURE_NOUNS or before in SPECIMENS or before == "circulating" or \
        bool(_COMPARED_IN_GROUPS.match(doc.text, e.end_char))


_FRACTIONS = frozenset({"total", "free", "ionized", "ionised", "unbound", "bound", "intact",
                        "fasting", "trough", "peak"})


_ROUTES = re.compile(r"\b(intravenous|iv|i\.v\.|subcutaneous|sc|s\.c\.|intramuscular|oral|"
                     r"inhaled|intranasal|intrathecal|recombinant|exogenous|continuous|basal|"
                     r"bolus)\s*$", re.I)
#: a protein followed by these is what a drug acts on ("TNF inhibitor", "insulin receptor")
_TARGET_OF = ("inhibitor", "antagonist", "agonist", "blocker", "antibod", "analog", "receptor",
              "resistance", "sensitivity", "secretion", "signal", "level", "concentration")


_ARM_NOUNS = frozenset({"group", "groups", "arm", "arms"})
#: "intravenous insulin"; "adding dapagliflozin to insulin": the regimen added to is given too
_ROUTE_OR_ADDED_TO = re.compile(_ROUTES.pattern + r"|\b(add(ing|ed)?|addition of)\b[^.;]{1,40}"
                                r"\bto\s*$"
                                # a trial's allocation: "randomly assigned to (receive) X"
                                r"|\b(randomi[sz]ed|assigned|allocated)\s+to(\s+receive)?\s*$"
                                r"|\breceive\s*$", re.I)
#: "X or placebo", "placebo versus X": what a placebo stands against was given
_AGAINST_PLACEBO_AFTER = re.compile(r"^\s*(?:or|versus|vs\.?|compared with)\s+(?:a\s+)?placebo\b",
                                    re.I)
_AGAINST_PLACEBO_BEFORE = re.compile(r"\bplacebo\s+(?:or|versus|vs\.?)\s*$", re.I)
#: adjectives of a measured amount: "low vitamin D", "high ferritin"
_LEVEL_ADJECTIVES = frozenset({"low", "high", "elevated", "raised", "reduced", "decreased",
                               "increased", "normal", "abnormal", "deficient", "insufficient",
                               "suboptimal", "optimal", "adequate", "inadequate", "baseline"})


def _given_proteins(doc: Doc, ents: list[Span]) -> set[int]:
    """Positions in ``ents`` of proteins written as given: "treated with intravenous insulin",
    "G-CSF was administered", "interleukin-2 therapy".  The vocabularies type insulin, G-CSF or
    interferon by their gene; given to a patient, they are the drug a claim is about."""
    out = set()
    for i, e in enumerate(ents):
        nxt = doc[e.end].lower_ if e.end < len(doc) else ""
        if e.label_ in ("TARGET", "ANALYTE") and nxt in _ARM_NOUNS and e.start > 0 and \
                doc[e.start - 1].lower_ in ("the", "a", "each", "both"):
            out.add(i)  # "in the vitamin D group": the arm is named by what it was given
            continue
        if e.label_ not in ("TARGET", "ANALYTE"):
            continue
        if nxt.startswith(_TARGET_OF) or _measured_here(doc, e):
            continue
        if _written_as_given(doc, e, _ROUTE_OR_ADDED_TO) or _names_the_given(doc, e, ents) or \
                _against_placebo(doc, e):
            out.add(i)
    # a substance the document gives, written as the agent of a verb ("Vitamin D reduced
    # falls"), is the substance given; its measures ("vitamin D levels", "low vitamin D") and
    # the processes it names ("renal phosphate reabsorption") stay the analyte
    given = {ents[i].text.lower() for i in out} | {
        e.text.lower() for e in ents if e.label_ == "DRUG" and e._.source != "arm"}
    for i, e in enumerate(ents):
        if i not in out and e.label_ == "ANALYTE" and e.text.lower() in given and \
                e.end < e.sent.end and verb_like(doc[e.end].lower_) and \
                not _measured_here(doc, e, bare=True) and not _lab_value_after(doc, e):
            entry = lookup(e.text)
            if entry is not None and "chem" in entry.flags:
                out.add(i)
    return out


def _measured_here(doc: Doc, e: Span, bare: bool = False) -> bool:
    """Is this mention of a substance a measure of it: "X levels", "serum X", "low X", "X
    status"?  For a ``bare`` mention, which no giving words surround, a measure noun or a
    number a few words on counts too ("the phosphate and calcium concentrations fell")."""
    before = doc[e.start - 1].lower_ if e.start > 0 else ""
    ahead = doc[e.end:min(e.sent.end, e.end + (_MEASURE_AHEAD if bare else 2))]
    return _measure_phrase(doc, e) or before in _LEVEL_ADJECTIVES or \
        any(t.lower_ in _MEASURE_NOUNS or (bare and t.like_num) for t in ahead)


def _against_placebo(doc: Doc, e: Span) -> bool:
    """"X or placebo", "placebo versus X": a trial compared X, which was given, with placebo."""
    return bool(_AGAINST_PLACEBO_AFTER.match(doc.text[e.end_char:e.end_char + 30]) or
                _AGAINST_PLACEBO_BEFORE.search(doc.text[max(0, e.start_char - 30):e.start_char]))


#: the words after a substance that make its phrase a measure, within a coordination ("the
#: phosphate and calcium concentrations")
_MEASURE_AHEAD = 4


def _names_the_given(doc: Doc, e: Span, ents: list[Span]) -> bool:
    """Is the analyte ``e`` a definite mention of a substance given earlier ("high doses of oral
    phosphate ... but the phosphate is poorly tolerated")?  "the X" refers back; a measure
    ("the phosphate level", "the calcium was 2.1 mmol/L") stays the analyte."""
    if e.start == 0 or doc[e.start - 1].lower_ not in ("the", "this", "that"):
        return False
    ahead = doc[e.end:min(e.sent.end, e.end + _MEASURE_AHEAD)]
    if any(t.lower_ in _MEASURE_NOUNS or t.like_num for t in ahead) or \
            _measure_phrase(doc, e) or _lab_value_after(doc, e):
        return False
    name = e.text.lower()
    return any(d.label_ == "DRUG" and d.end <= e.start and d[-1].lower_ == name.split()[-1]
               and d.text.lower().endswith(name) for d in ents)


def _retyped(doc: Doc, span: Span, label: str) -> Span:
    new = Span(doc, span.start, span.end, label=label)
    for attr in ("concept_id", "concept_label", "source"):
        setattr(new._, attr, getattr(span._, attr))
    return new


#: a virus written by its abbreviation ("HIV-1", "HCV", "CMV", "HBV", "EBV"): capitals ending
#: in V, a strain number glued on
_VIRUS = re.compile(r"^[A-Z]{1,4}V(?:-?\d)?$|^SARS-CoV-2$")
_NUCLEIC_ACIDS = frozenset({"RNA", "DNA"})


def _viral_loads(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """"HIV-1 RNA", "plasma HCV RNA", "CMV DNA": the virus's nucleic acid measured in a
    patient's blood is the viral load, a lab value, not the infection (which the vocabulary
    names by the virus alone)."""
    out = []
    for tok in sent:
        if tok.text not in _NUCLEIC_ACIDS or tok.i == sent.start or \
                not _VIRUS.match(doc[tok.i - 1].text):
            continue
        start = tok.i - 1
        if start > sent.start and doc[start - 1].lower_ in SPECIMENS:
            start -= 1
        out.append((start, tok.i + 1))
    return out


def add_analytes(doc: Doc) -> Doc:
    """Add ANALYTE spans for analytes named by specimen or by value, and type chemicals that are
    only measured as analytes and proteins that are given as drugs (see the module doc)."""
    ents = list(doc.ents)
    loads = [(start, end) for sent in doc.sents for start, end in _viral_loads(doc, sent)]
    if loads:
        # the virus's own entity ("HIV" the infection) gives way to its measured load
        held = {i for start, end in loads for i in range(start, end)}
        ents = [e for e in ents if not held.intersection(range(e.start, e.end))]
        for start, end in loads:
            span = Span(doc, start, end, label="ANALYTE")
            span._.source = "analyte"
            ents.append(span)
        ents.sort(key=lambda e: e.start)
        doc.ents = ents
    measured = _measured_chemicals(doc, ents)
    given = _given_proteins(doc, ents)
    for i in measured:
        ents[i] = _retyped(doc, ents[i], "ANALYTE")
    for i in given:
        drug = _retyped(doc, ents[i], "DRUG")
        if ents[i].label_ == "ANALYTE":
            # "oral phosphate": the chemical given, under its chemical id (the lab test's LOINC
            # id names the measurement, not the substance)
            entry = lookup(ents[i].text)
            drug._.concept_id = entry.xref if entry is not None and "chem" in entry.flags else None
        ents[i] = drug
    if measured or given:
        doc.ents = ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    new = []
    for sent in doc.sents:
        for start, end in _temperature_phrases(doc, sent, taken):
            span = Span(doc, start, end, label="ANALYTE")
            span._.source = "analyte"
            span._.concept_id, span._.concept_label = BODY_TEMPERATURE_ID, BODY_TEMPERATURE_LABEL
            new.append(span)
        for start, end, name in _pressure_abbreviations(doc, sent, taken):
            span = Span(doc, start, end, label="ANALYTE")
            span._.source = "analyte"
            pressure = lookup(name)
            if pressure is not None:
                span._.concept_id, span._.concept_label = pressure.id, pressure.name
            new.append(span)
            taken.update(range(start, end))
        for start, end in _specimen_phrases(doc, sent, taken) + _valued_phrases(doc, sent, taken):
            span = Span(doc, start, end, label="ANALYTE")
            span._.source = "analyte"
            new.append(span)
    if new:
        doc.ents = sorted(ents + new, key=lambda s: s.start)
    return doc


@Language.factory("litkg_analytes", requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.ents"])
def make_analytes(nlp: Language, name: str):
    register_extensions()
    return add_analytes
