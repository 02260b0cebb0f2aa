"""Table claims: one ``measurement`` claim per numeric cell, and outcomes computed from series.

Two sources of tables:

* ``Document.tables`` (JATS): rows of cells with offsets; the header row names the analyte and
  its unit ("Calcium (mg/dL)"); transposed tables (analytes as rows) are read too;
* tables recovered from plain PDF text by :mod:`litkg.extract.table_recovery`.

Every claim's evidence is the row as it appears in ``document.text`` (offsets exact).  The
subject is the drug of the row's regimen (the most recently introduced one still given), or
``Concept("no intervention recorded")``; the full regimen text goes in ``Claim.regimen``.

:func:`computed_outcomes` turns measurement series into ``outcome`` claims: for each drug
introduced into a regimen, the value in the row that introduces it is compared with the value
after the last row that still gives it (the next row), or with its last value while on it when
the table ends on it.  Such claims carry ``computed=True`` and the rule that produced them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Sequence

from litkg.extract.lexicon import ground
from litkg.extract.quantities import find_quantities
from litkg.extract.table_recovery import RecoveredTable, recover_tables
from litkg.extract.units import analyte_key, is_dose_unit, parse_unit
from litkg.models import Claim, Concept, Document, Evidence, Table, normalise_key

NO_INTERVENTION = Concept("no intervention recorded")
EXTRACTOR = "litkg.tables"

# A measured value is an observation: for the common analytes, prefer the LOINC observation
# code (from shared/vocab/verified-ids.tsv) to the protein/chemical id the lexicon gives the
# substance (PTH -> LOINC:2731-8 rather than a PR id), so table and sentence values meet.
_OBSERVATION_CODES = {
    "calcium": ("calcium", "LOINC:17861-6"), "phosphate": ("phosphate", "LOINC:2777-1"),
    "pth": ("parathyroid hormone", "LOINC:2731-8"), "alp": ("alkaline phosphatase", "LOINC:6768-6"),
    "25ohd": ("25-hydroxyvitamin D", "LOINC:1989-3"), "125ohd": ("1,25-dihydroxyvitamin D",
                                                                 "LOINC:1649-3"),
}
_TREATMENT_HEADER = re.compile(r"treat|therap|regimen|drug|medicat|dose|interven|management", re.I)
# Words that describe how/when a drug is given, not which drug it is.
_ROUTE_WORDS = re.compile(
    r"\b(oral(ly)?|p\.?o\.?|i\.?v\.?|intravenous(ly)?|s\.?c\.?|subcutaneous(ly)?|i\.?m\.?|"
    r"intramuscular(ly)?|infusion|elemental|first|second|third|fourth|\d+(st|nd|rd|th)|"
    r"step|steps|of|dose|daily|high|low|high-dose|low-dose)\b|-step\b", re.I)
_PARENTERAL = re.compile(r"\b(i\.?v\.?|intravenous(ly)?|infusion|s\.?c\.?|subcutaneous(ly)?|"
                         r"i\.?m\.?|intramuscular(ly)?|parenteral)(?=\W|$)", re.I)


def _ground(text: str, label: str) -> Concept | None:
    return ground(text, labels=(label,))


def ground_analyte(name: str, legend: dict[str, str] | None = None) -> Concept:
    """The analyte of a column header ("Ca" + legend "Ca: calcium" -> calcium, LOINC id)."""
    legend = legend or {}
    long = legend.get(name.strip())
    key = analyte_key(long) or analyte_key(name)
    for text in (long, name):
        if text:
            concept = _ground(text, "ANALYTE")
            if concept is not None:
                if not (concept.id or "").startswith("LOINC:") and key in _OBSERVATION_CODES:
                    return Concept(concept.label, _OBSERVATION_CODES[key][1], name.strip())
                return Concept(concept.label, concept.id, name.strip())
    if key in _OBSERVATION_CODES:
        label, cid = _OBSERVATION_CODES[key]
        return Concept(label, cid, name.strip())
    return Concept(long or name.strip(), None, name.strip())


# --------------------------------------------------------------------------------------------
# Regimens


@dataclass(frozen=True)
class RegimenItem:
    written: str  # the drug name as written ("Elemental Ca i.v.")
    concept: Concept  # the substance (grounded when possible)
    parenteral: bool  # given i.v./s.c./i.m.: a distinct intervention from the oral form
    dose: str | None  # the dose text as written

    @property
    def substance_key(self) -> str:
        return self.concept.id or normalise_key(self.concept.label)

    @property
    def key(self) -> str:
        return self.substance_key + (" parenteral" if self.parenteral else "")


def parse_regimen(text: str | None, legend: dict[str, str] | None = None) -> list[RegimenItem]:
    """Drug items of a treatment cell: one per "Name: dose" (or "Name 30 mg/day") line."""
    if not text:
        return []
    legend = legend or {}
    items = []
    for line in text.split("\n"):
        if ":" in line:
            name, dose = line.split(":", 1)
        else:
            m = re.search(r"\d", line)
            if not m or not any(q.kind == "dose" or is_dose_unit(q.unit, volume=True)
                                for q in find_quantities(line)):
                continue
            name, dose = line[:m.start()], line[m.start():]
        name = name.strip(" ,;")
        if not name or len(name) > 60 or re.search(r"\d+\s*(mg|g|µg|IU)\b", name):
            continue
        item = _regimen_item(name, dose.strip() or None, legend)
        if item is not None:
            items.append(item)
    return items


def _regimen_item(name: str, dose: str | None, legend: dict[str, str]) -> RegimenItem | None:
    parenteral = bool(_PARENTERAL.search(name))
    words = [legend.get(w, w) for w in re.findall(r"\S+", name)]
    expanded = " ".join(words)
    substance = " ".join(_ROUTE_WORDS.sub(" ", expanded).split()).strip(" .,:-")
    if not substance or not re.search(r"[A-Za-z]{1,}", substance):
        return None
    concept = _ground(substance, "DRUG")
    if concept is None:
        key = analyte_key(substance)  # minerals written as lab symbols: "Ca", "P" -> calcium
        concept = (_ground(key, "DRUG") if key else None) or Concept(substance.casefold())
    concept = Concept(concept.label, concept.id, name)
    return RegimenItem(name, concept, parenteral, dose)


# --------------------------------------------------------------------------------------------
# Claims from tables


def extract_table_claims(document: Document) -> list[Claim]:
    """Measurement claims from ``document.tables`` and from tables recovered in its text."""
    claims: list[Claim] = []
    covered = []
    for table in document.tables:
        claims.extend(_jats_claims(document, table))
        if table.start is not None and table.end is not None:
            covered.append((table.start, table.end))
    for rec in recover_tables(document.text):
        if any(a <= rec.start < b for a, b in covered):
            continue  # the structured table already gave these rows
        claims.extend(_recovered_claims(document, rec))
    return claims


def _regimen_text(rec: RecoveredTable, text: str | None) -> str | None:
    if not text or not text.strip(" -–—"):
        return None
    if rec.extra_columns and not _TREATMENT_HEADER.search(" ".join(rec.extra_columns)):
        if not any(q.kind == "dose" for q in find_quantities(text)):
            return None
    return text


def _recovered_claims(document: Document, rec: RecoveredTable) -> list[Claim]:
    legend = rec.abbreviations
    analytes = [ground_analyte(c.name, legend) for c in rec.columns]
    out = []
    tracker = _IntroTracker()
    regimens = [_regimen_text(rec, row.extra_text) for row in rec.rows]
    parsed = unify_regimens([parse_regimen(r, legend) for r in regimens])
    for order, (row, regimen, items) in enumerate(zip(rec.rows, regimens, parsed), start=1):
        subject = tracker.main_drug(items)
        start, end = row.label_start, row.end
        evidence = Evidence(document.text[start:end], start, end, section=rec.label)
        for col, analyte, cell in zip(rec.columns, analytes, row.values):
            if cell is None:
                continue
            out.append(Claim(
                doc=document.id, kind="measurement", subject=subject, object=analyte,
                evidence=evidence, value=float(cell.text.lstrip("<>≤≥").replace(",", "")),
                unit=col.unit, patient=rec.patient, timepoint=row.label or None,
                time_order=order, regimen=regimen, extractor=EXTRACTOR))
    return out


class _IntroTracker:
    """Remembers in which row each substance entered the regimen, to name a row's main drug.

    The main drug is the most recently introduced substance still given: after "Cinacalcet"
    joins a calcium + calcitriol regimen, the following rows are about cinacalcet even when the
    calcium route changes.  A row naming no drug ("Continued with same protocol") keeps the
    regimen in force.
    """

    def __init__(self):
        self.row = 0
        self.since: dict[str, int] = {}
        self.current: list[RegimenItem] = []
        self.concepts: dict[str, Concept] = {}  # first spelling wins over later typos

    def main_drug(self, items: list[RegimenItem]) -> Concept:
        self.row += 1
        if items:
            keys = {}
            for item in items:
                k = item.substance_key
                keys[k] = self.since.get(k, self.row) if k in self._current_keys() else self.row
                self.concepts.setdefault(k, Concept(item.concept.label, item.concept.id))
            self.since.update(keys)
            self.current = items
        if not self.current:
            return NO_INTERVENTION
        keys = [i.substance_key for i in self.current]
        best = max(keys, key=lambda k: (self.since.get(k, 0), -keys.index(k)))
        return self.concepts[best]

    def _current_keys(self) -> set[str]:
        return {i.substance_key for i in self.current}


def unify_regimens(regimens: Sequence[list[RegimenItem]]) -> list[list[RegimenItem]]:
    """Map misspelt drug names ("Cinecalcet") onto a close name seen in the same table.

    Only names the lexicon could not ground are moved, onto a name at least 85% similar
    (difflib ratio): a grounded one if any, else the spelling used most often (first seen on
    ties).
    """
    concepts: dict[str, Concept] = {}
    counts: dict[str, int] = {}
    for items in regimens:
        for item in items:
            key = normalise_key(item.concept.label)
            counts[key] = counts.get(key, 0) + 1
            if key not in concepts or (item.concept.id and not concepts[key].id):
                concepts[key] = item.concept
    order = list(concepts)
    out = []
    for items in regimens:
        fixed = []
        for item in items:
            if item.concept.id is None:
                key = normalise_key(item.concept.label)
                close = difflib.get_close_matches(key, order, n=5, cutoff=0.85)
                best = min(close or [key], key=lambda k: (concepts[k].id is None, -counts[k],
                                                          order.index(k)))
                if best != key:
                    target = concepts[best]
                    item = RegimenItem(item.written, Concept(target.label, target.id,
                                                             item.written), item.parenteral,
                                       item.dose)
            fixed.append(item)
        out.append(fixed)
    return out


# --------------------------------------------------------------------------------------------
# JATS tables


def _header_cell(text: str) -> tuple[str, str | None]:
    """"Calcium (mg/dL)" -> ("Calcium", "mg/dL"); "PTH, pg/mL" -> ("PTH", "pg/mL")."""
    text = " ".join(text.split())
    m = re.search(r"^(.*?)[\s,]*[(\[]([^()\[\]]+)[)\]]\s*$", text)
    if m and parse_unit(m.group(2)):
        return m.group(1).strip(), m.group(2).strip()
    m = re.search(r"^(.*?)[,;]?\s+(\S+(?:\s\S+)?)$", text)
    if m:
        for cand in (m.group(2), m.group(2).split()[-1]):
            if parse_unit(cand) and not cand.isalpha() or cand in ("%",):
                name = text[: len(text) - len(cand)].strip(" ,;")
                return name, cand
    return text, None


def _cell_value(text: str) -> tuple[float, tuple[tuple[str, float], ...]] | None:
    qs = find_quantities(text)
    if qs:
        q = qs[0]
        if q.value is not None and q.kind in ("value", "mean_sd", "median_iqr", "percent", "count"):
            stats = list(q.extra)
            if q.kind == "median_iqr":
                stats += [("iqr_low", q.low), ("iqr_high", q.high)]
            return q.value, tuple((k, v) for k, v in stats if v is not None)
    m = re.fullmatch(r"\s*([<>≤≥]?)(\d+(?:\.\d+)?)\s*", text)
    return (float(m.group(2)), ()) if m else None


def _is_analyte_header(name: str, unit: str | None) -> bool:
    if len(name) <= 3 and not name[:1].isupper():
        return False  # "na" (n + footnote a) is a count, not sodium; symbols are capitalised
    if len(name) <= 2 and unit is None:
        return False  # a bare "P" column in a results table holds P values, not phosphate
    if analyte_key(name) is not None or _ground(name, "ANALYTE") is not None:
        return True
    canon = parse_unit(unit).canonical if unit and parse_unit(unit) else ""
    return "/" in canon and not re.search(r"/(d|wk|kg|m2)\b", canon)


def _jats_claims(document: Document, table: Table) -> list[Claim]:
    rows = [r for r in table.rows if r]
    if len(rows) < 2:
        return []
    n_header = 0
    # header rows: no cell (past the label column) that starts with a number ("Week 4" is a header)
    while n_header < len(rows) - 1 and not any(re.match(r"\s*[<>≤≥]?\d", c.text)
                                               for c in rows[n_header][1:]):
        n_header += 1
    if n_header == 0:
        return []
    width = max(len(r) for r in rows)
    heads = [" ".join(r[c].text for r in rows[:n_header] if c < len(r) and r[c].text).strip()
             for c in range(width)]
    columns = [_header_cell(h) for h in heads]
    m = re.search(r"\b(case|patient|subject)\s+(\d+|[IVX]+|[A-Z])\b", table.caption, re.I)
    patient = f"{m.group(1).lower()} {m.group(2)}" if m else None
    col_analyte = [c > 0 and _is_analyte_header(*columns[c]) for c in range(width)]
    treat_cols = {c for c in range(1, width) if not col_analyte[c]
                  and _TREATMENT_HEADER.search(heads[c])}
    body = rows[n_header:]
    regimens = []
    for row in body:
        text = "\n".join(c.text.strip() for c in row if c.column in treat_cols and c.text.strip())
        regimens.append(text if text.strip(" -–—") else None)
    parsed_regimens = unify_regimens([parse_regimen(r) for r in regimens])
    tracker = _IntroTracker()
    out = []
    for order, (row, regimen, items) in enumerate(zip(body, regimens, parsed_regimens), start=1):
        subject = tracker.main_drug(items)
        if not row or row[0].start is None:
            continue
        label = " ".join(row[0].text.split())
        row_name, row_unit = _header_cell(label)
        transposed = not any(col_analyte) and _is_analyte_header(row_name, row_unit)
        cells = [c for c in row if c.start is not None and c.end is not None]
        start, end = cells[0].start, cells[-1].end
        if any(document.text[c.start:c.end] != c.text for c in cells):
            continue  # offsets do not point at this row: never emit a wrong evidence span
        evidence = Evidence(document.text[start:end], start, end, section=table.label)
        for cell in row[1:]:
            if cell.column >= width or not (col_analyte[cell.column] or transposed):
                continue
            parsed = _cell_value(cell.text)
            if parsed is None:
                continue
            value, stats = parsed
            if transposed:  # time points are the columns
                analyte, unit, timepoint = ground_analyte(row_name), row_unit, heads[cell.column]
                time_order = cell.column
            else:
                name, unit = columns[cell.column]
                analyte, timepoint, time_order = ground_analyte(name), label, order
            out.append(Claim(doc=document.id, kind="measurement", subject=subject,
                             object=analyte, evidence=evidence, value=value, unit=unit,
                             statistic_items=tuple(sorted(stats)), patient=patient,
                             timepoint=timepoint or None, time_order=time_order, regimen=regimen,
                             extractor=EXTRACTOR))
    return out


# --------------------------------------------------------------------------------------------
# Computed outcomes


def computed_outcomes(measurements: Sequence[Claim], *, threshold: float = 0.10) -> list[Claim]:
    """Outcome claims computed from each (patient, analyte) series of measurement claims."""
    series: dict[tuple, list[Claim]] = {}
    for claim in measurements:
        if claim.kind != "measurement" or claim.value is None:
            continue
        key = (claim.doc, claim.patient or claim.arm, claim.object.id or claim.object.key,
               claim.unit, claim.evidence.section)
        series.setdefault(key, []).append(claim)
    out = []
    for rows in series.values():
        rows.sort(key=lambda c: c.evidence.start)
        out.extend(_series_outcomes(rows, threshold))
    return out


def _series_outcomes(rows: list[Claim], threshold: float) -> list[Claim]:
    # drug keys in force at each row (carried forward over rows that name none)
    regimens: list[dict[str, RegimenItem]] = []
    current: dict[str, RegimenItem] = {}
    for claim, items in zip(rows, unify_regimens([parse_regimen(c.regimen) for c in rows])):
        if items:
            current = {}
            for item in items:
                current.setdefault(item.key, item)
        regimens.append(current)
    out = []
    for i, claim in enumerate(rows):
        for k, item in regimens[i].items():
            if i > 0 and k in regimens[i - 1]:
                continue  # not introduced here
            if i > 0 and not item.parenteral and item.substance_key in {
                    p.substance_key for p in regimens[i - 1].values()}:
                continue  # back to the oral form of a substance already given: not a new drug
            j = i
            while j + 1 < len(rows) and k in regimens[j + 1]:
                j += 1
            later = j + 1 if j + 1 < len(rows) else j
            if later == i:
                continue
            out.append(_outcome(claim, rows[later], item, threshold))
    return out


def change_direction(before: float, after: float, threshold: float,
                     between: str) -> tuple[str, str, tuple]:
    """(direction, rule, statistic items) of a change computed from two values: a relative
    change of at least ``threshold`` either way, else unchanged; ``between`` names the two
    values in the recorded rule ("between 'visit 1' and 'visit 2'")."""
    change = (after - before) / abs(before) if before else (0.0 if after == before else None)
    pct = f"{threshold:.0%}"
    if change is None or change >= threshold:
        direction, rule = "increased", f"relative change >= +{pct} {between}"
    elif change <= -threshold:
        direction, rule = "decreased", f"relative change <= -{pct} {between}"
    else:
        direction, rule = "unchanged", f"|relative change| < {pct} {between}"
    stats = (("relative_change", round(change, 4)),) if change is not None else ()
    return direction, rule, stats


def _outcome(a: Claim, b: Claim, item: RegimenItem, threshold: float) -> Claim:
    before, after = a.value, b.value
    ta, tb = a.timepoint or "row before", b.timepoint or "later row"
    direction, rule, stats = change_direction(before, after, threshold,
                                              f"between '{ta}' and '{tb}'")
    subject = Concept(item.concept.label, item.concept.id, item.written)
    return Claim(doc=b.doc, kind="outcome", subject=subject, object=b.object, evidence=b.evidence,
                 direction=direction, before=before, after=after, unit=b.unit,
                 statistic_items=stats, patient=b.patient, arm=b.arm, timepoint=b.timepoint,
                 time_order=b.time_order, regimen=a.regimen, computed=True, rule=rule, extractor=EXTRACTOR)
