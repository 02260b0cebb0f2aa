"""Tables: recovery from PDF text, measurement claims, computed outcomes, JATS tables."""

from __future__ import annotations

from collections import Counter

import pytest

from litkg.extract.table_recovery import parse_legend, recover_tables
from litkg.extract.tables import computed_outcomes, extract_table_claims, parse_regimen
from litkg.models import Document, Table, TableCell
from litkg.paths import corpus_dir

SEED = "001_6f1f406299f69f49"


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    text = (corpus_dir() / f"{SEED}.txt").read_text(encoding="utf-8")
    return Document(id=SEED, text=text)


@pytest.fixture(scope="module")
def seed_claims(seed_doc):
    return extract_table_claims(seed_doc)


def _check_offsets(doc, claims):
    for c in claims:
        assert doc.text[c.evidence.start:c.evidence.end] == c.evidence.sentence


def test_seed_tables_give_92_values(seed_doc, seed_claims):
    _check_offsets(seed_doc, seed_claims)
    assert len(seed_claims) == 92
    assert all(c.kind == "measurement" for c in seed_claims)
    assert Counter(c.patient for c in seed_claims) == {"case 1": 52, "case 2": 40}
    assert Counter(c.evidence.section for c in seed_claims) == {"Table 1": 52, "Table 2": 40}
    units = {c.object.text: c.unit for c in seed_claims}
    assert units == {"Ca": "mg/dL", "P": "mg/dL", "ALP": "U/L", "PTH": "pg/mL"}
    # 13 + 10 visits, 4 analytes each
    visits = {(c.patient, c.timepoint) for c in seed_claims}
    assert len(visits) == 23
    # the analytes are the legend's long forms, grounded (LOINC or other CURIE)
    labels = {c.object.text: c.object.label.lower() for c in seed_claims}
    assert labels["Ca"] == "calcium" and "alkaline phosphatase" in labels["ALP"]
    assert "parathyroid" in labels["PTH"]
    assert all(c.object.id for c in seed_claims)


def _value(claims, patient, timepoint, analyte):
    hits = [c for c in claims if c.patient == patient and c.timepoint == timepoint
            and c.object.text == analyte]
    assert len(hits) == 1, (patient, timepoint, analyte, hits)
    return hits[0]


def test_seed_rows_inline_split_and_columnwise(seed_claims):
    first = _value(seed_claims, "case 1", "First admission", "PTH")
    assert first.value == 1194.0
    assert first.regimen == "Elemental Ca oral: 2 g/day\nCalcitriol: 2 µg/day\nP: 1 g/day"
    assert first.evidence.sentence.startswith("First admission 7.2 2.3 2278 1194")
    # label on its own lines, numbers on the next paragraph
    assert _value(seed_claims, "case 1", "4th week (second visit)", "ALP").value == 2127.0
    # the block written column by column
    assert _value(seed_claims, "case 1", "After 4 weeks of i.v. Ca infusion off", "Ca").value == 7.1
    assert _value(seed_claims, "case 1", "After 4 weeks of i.v. Ca infusion off", "PTH").value == 681
    after4 = _value(seed_claims, "case 1", "After 4 steps of i.v. Ca infusion", "PTH")
    assert after4.value == 716.0
    assert after4.regimen.endswith("Cinacalcet: 0.25 mg/kg/day")
    assert after4.subject.label.lower() == "cinacalcet"
    last = _value(seed_claims, "case 1", "After 4 months of cinacalcet", "PTH")
    assert last.value == 64.0 and last.subject.label.lower() == "cinacalcet"
    # an empty treatment cell ("-") is no regimen
    visit = _value(seed_claims, "case 2", "First visit", "P")
    assert visit.value == 4.1 and visit.regimen is None
    assert visit.subject.label == "no intervention recorded"


def test_seed_claims_have_distinct_iris(seed_claims):
    assert len({c.iri for c in seed_claims}) == 92


def test_seed_computed_outcome_pth_after_cinacalcet(seed_claims):
    outcomes = computed_outcomes(seed_claims)
    assert all(o.kind == "outcome" and o.computed and o.rule for o in outcomes)
    hits = [o for o in outcomes if o.patient == "case 1" and o.object.text == "PTH"
            and o.subject.label.lower() == "cinacalcet"]
    assert len(hits) == 1
    o = hits[0]
    assert (o.before, o.after, o.direction, o.unit) == (716.0, 64.0, "decreased", "pg/mL")
    assert o.rule == ("relative change <= -10% between 'After 4 steps of i.v. Ca infusion' "
                      "and 'After 4 months of cinacalcet'")
    assert o.evidence.sentence.startswith("After 4 months of cinacalcet 9 3.1 200 64")
    case2 = [o for o in outcomes if o.patient == "case 2" and o.object.text == "PTH"
             and o.subject.label.lower() == "cinacalcet"]
    assert [(o.before, o.after, o.direction) for o in case2] == [(681.0, 62.0, "decreased")]
    # a stricter threshold turns a small change into "unchanged"
    strict = computed_outcomes(seed_claims, threshold=0.95)
    assert {o.direction for o in strict} <= {"unchanged", "increased"}


SYNTHETIC = """Patients were followed for a year.

Table 3. Renal and glucose parameters during therapy in patient A

Visit Creatinine
(µmol/L)

Glucose
mmol/L

HbA1c
(%)

Medication

Baseline 88 7.2 8.1 Metformin: 500 mg twice daily

Week 12
(follow-up)

90 6.1 7.4 Metformin: 1000 mg twice daily
Empagliflozin: 10 mg/day

Week 24

Week 36

92

95

5.6

5.4

6.9

6.8

Metformin: 1000 mg twice daily
Empagliflozin: 10 mg/day

Week 48 97 5.3 6.6 Same regimen continued

HbA1c: glycated hemoglobin, Cr: creatinine
Renal function remained stable during the whole follow-up period and no hypoglycaemia was seen.
"""


def test_synthetic_table_is_recovered_generally():
    tables = recover_tables(SYNTHETIC)
    assert len(tables) == 1
    t = tables[0]
    assert t.label == "Table 3" and t.patient == "patient A" and t.label_column == "Visit"
    assert [(c.name, c.unit) for c in t.columns] == [("Creatinine", "µmol/L"), ("Glucose", "mmol/L"),
                                                     ("HbA1c", "%")]
    assert [r.label for r in t.rows] == ["Baseline", "Week 12 (follow-up)", "Week 24", "Week 36",
                                        "Week 48"]
    assert [[float(v.text) for v in r.values] for r in t.rows] == [
        [88, 7.2, 8.1], [90, 6.1, 7.4], [92, 5.6, 6.9], [95, 5.4, 6.8], [97, 5.3, 6.6]]
    assert t.rows[2].extra_text is None
    assert t.rows[3].extra_text.startswith("Metformin: 1000 mg twice daily")
    assert dict(t.legend)["HbA1c"] == "glycated hemoglobin"
    assert "Renal function" not in (t.rows[-1].extra_text or "")


def test_synthetic_claims_and_outcomes():
    doc = Document(id="synthetic", text=SYNTHETIC)
    claims = extract_table_claims(doc)
    _check_offsets(doc, claims)
    assert len(claims) == 15
    glucose = [c for c in claims if c.object.text == "Glucose"]
    assert [c.value for c in glucose] == [7.2, 6.1, 5.6, 5.4, 5.3]
    assert {c.unit for c in glucose} == {"mmol/L"}
    assert glucose[1].subject.label.lower() == "empagliflozin"
    assert glucose[4].regimen == "Same regimen continued"
    outcomes = computed_outcomes(claims)
    by = {(o.subject.label.lower(), o.object.text): o for o in outcomes}
    g = by[("empagliflozin", "Glucose")]
    assert (g.before, g.after, g.direction) == (6.1, 5.3, "decreased")
    cr = by[("empagliflozin", "Creatinine")]
    assert (cr.before, cr.after, cr.direction) == (90.0, 97.0, "unchanged")


def test_row_major_block_is_read_row_by_row():
    text = ("Table 1. Values in case 7\n\nDay Na\n(mmol/L)\n\nK\n(mmol/L)\n\nNote\n\n"
            "Day 1\n\nDay 2\n\n140\n\n4.1\n\n138\n\n3.9\n\nNa: sodium, K: potassium\n")
    t = recover_tables(text)[0]
    assert [[float(v.text) for v in r.values] for r in t.rows] == [[140, 4.1], [138, 3.9]]


def test_parse_legend():
    assert parse_legend("Ca: calcium, P: phosphorus, ALP: alkaline phosphatase") == (
        ("Ca", "calcium"), ("P", "phosphorus"), ("ALP", "alkaline phosphatase"))
    assert parse_legend("Calcitriol: 2 µg/day") == ()
    assert parse_legend("Elemental Ca oral: 2 g/day") == ()


def test_parse_regimen():
    items = parse_regimen("Elemental Ca i.v.: 150 mg/kg/day\nCalcitriol: 6 µg/day\n"
                          "Partial radiological healing\nCinacalcet 30 mg/day",
                          {"Ca": "calcium"})
    assert [i.concept.label.lower() for i in items] == ["calcium", "calcitriol", "cinacalcet"]
    assert [i.parenteral for i in items] == [True, False, False]
    assert items[0].dose == "150 mg/kg/day"


def _tab_table(label: str, caption: str, rows: list[list[str]]) -> tuple[str, Table]:
    """Document text ("<label>. <caption>" then one tab-separated line per row) and its Table,
    cell offsets pointing into that text, as the JATS reader writes them."""
    head = f"{label}. {caption}\n"
    text, cells, offset = head, [], len(head)
    for r, row in enumerate(rows):
        out = []
        for c, cell in enumerate(row):
            out.append(TableCell(r, c, cell, offset, offset + len(cell)))
            offset += len(cell) + 1
        cells.append(tuple(out))
        text += "\t".join(row) + "\n"
    return text, Table(label, caption, tuple(cells), 0, len(text))


def _jats_doc():
    rows = [["Visit", "Calcium (mg/dL)", "PTH, pg/mL", "Treatment"],
            ["Baseline", "7.5", "1194", "-"],
            ["Month 3", "9.1 ± 0.4", "64", "Cinacalcet: 30 mg/day"]]
    text, table = _tab_table("Table 1", "Biochemistry in patient 2", rows)
    return Document(id="jats", text=text, tables=(table,), format="jats")


def test_jats_table_claims():
    doc = _jats_doc()
    claims = extract_table_claims(doc)
    _check_offsets(doc, claims)
    got = [(c.object.text, c.value, c.unit, c.timepoint, c.patient) for c in claims]
    assert got == [("Calcium", 7.5, "mg/dL", "Baseline", "patient 2"),
                   ("PTH", 1194.0, "pg/mL", "Baseline", "patient 2"),
                   ("Calcium", 9.1, "mg/dL", "Month 3", "patient 2"),
                   ("PTH", 64.0, "pg/mL", "Month 3", "patient 2")]
    assert claims[2].statistic == {"sd": 0.4}
    assert claims[0].evidence.sentence == "Baseline\t7.5\t1194\t-"
    assert claims[0].regimen is None and claims[0].subject.label == "no intervention recorded"
    assert claims[3].regimen == "Cinacalcet: 30 mg/day"
    assert claims[3].subject.label.lower() == "cinacalcet"
    outcome = computed_outcomes(claims)
    assert outcome == []  # the drug starts at the last row: nothing after it to compare


def test_transposed_jats_table():
    rows = [["Parameter", "Baseline", "Week 4"], ["Creatinine (mg/dL)", "1.2", "1.0"],
            ["Age group", "adult", "adult"]]
    text, table = _tab_table("Table 2", "Labs", rows)
    doc = Document(id="t", text=text, tables=(table,))
    claims = extract_table_claims(doc)
    assert [(c.object.text, c.value, c.unit, c.timepoint) for c in claims] == [
        ("Creatinine", 1.2, "mg/dL", "Baseline"), ("Creatinine", 1.0, "mg/dL", "Week 4")]


def test_one_line_header_with_multiword_analytes():
    text = ("Table 2. Follow-up of subject 3\n\n"
            "Visit Serum calcium (mmol/L) Alkaline phosphatase (IU/L) 25(OH)D (nmol/L)\n"
            "Day 0 2.01 410 22\n"
            "Day 30 2.30 350 61\n\n"
            "The patient recovered fully and was discharged home without further complaints.\n")
    t = recover_tables(text)[0]
    assert t.label_column == "Visit" and t.patient == "subject 3"
    assert [(c.name, c.unit) for c in t.columns] == [
        ("Serum calcium", "mmol/L"), ("Alkaline phosphatase", "IU/L"), ("25(OH)D", "nmol/L")]
    assert [r.label for r in t.rows] == ["Day 0", "Day 30"]
    claims = extract_table_claims(Document(id="x", text=text))
    assert len(claims) == 6 and claims[0].value == 2.01 and claims[0].unit == "mmol/L"
    assert claims[-1].evidence.sentence == "Day 30 2.30 350 61"


def test_header_right_under_caption_and_missing_cells():
    text = ("Table 4: Electrolytes\n"
            "Time Na (mmol/L) K (mmol/L) Cl (mmol/L)\n"
            "Admission 128 3.1 95\n"
            "Day 2 131 - 99\n")
    t = recover_tables(text)[0]
    assert [c.name for c in t.columns] == ["Na", "K", "Cl"]
    assert [[v.text if v else None for v in r.values] for r in t.rows] == [
        ["128", "3.1", "95"], ["131", None, "99"]]
    claims = extract_table_claims(Document(id="x", text=text))
    assert len(claims) == 5 and claims[0].patient is None


def test_p_value_column_is_not_phosphate():
    rows = [["", "Adjusted odds ratio", "P"], ["Men", "Reference", "0.003"],
            ["Women", "0.93 (0.89, 0.98)", "<0.001"]]
    text, table = _tab_table("Table 2", "Associations", rows)
    doc = Document(id="p", text=text, tables=(table,))
    assert extract_table_claims(doc) == []
