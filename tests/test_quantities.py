"""Numbers with units in running text."""

from __future__ import annotations

import pytest

from litkg.extract.quantities import find_quantities


def one(text: str, kind: str | None = None):
    found = find_quantities(text)
    for q in found:
        assert text[q.start:q.end] == q.text
    if kind is not None:
        found = [q for q in found if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, unit, uo", [
    ("serum calcium was 2.03 mmol/l today", 2.03, "mmol/l", "UO:0000063"),
    ("PTH 269 pg/ml", 269.0, "pg/ml", "UO:0010070"),
    ("intact PTH: 1194 pg/mL.", 1194.0, "pg/mL", "UO:0010070"),
    ("a level of 2,5 mg/dL", 2.5, "mg/dL", "UO:0010067"),  # decimal comma + unit: unambiguous
])
def test_values_with_units(text, value, unit, uo):
    q = one(text)
    assert (q.kind, q.value, q.unit, q.unit_id) == ("value", value, unit, uo)


def test_ranges():
    q = one("normal 10–55 pg/ml")
    assert (q.kind, q.low, q.high, q.unit) == ("range", 10.0, 55.0, "pg/ml")
    q = one("from 1.5 to 3.0 mmol/L")
    assert (q.kind, q.low, q.high, q.unit) == ("range", 1.5, 3.0, "mmol/L")


def test_dimensions():
    q = one("a mass of 8×4 cm was seen")
    assert q.unit == "cm" and q.get("dim1") == 8.0 and q.get("dim2") == 4.0


def test_mean_sd():
    q = one("age 12.3 ± 4.5 years")
    assert (q.kind, q.value, q.get("sd"), q.unit) == ("mean_sd", 12.3, 4.5, "years")


def test_confidence_intervals():
    q = one("95% CI 1.2-3.4")
    assert (q.kind, q.low, q.high, q.get("ci_level")) == ("ci", 1.2, 3.4, 95.0)


def test_ratios_with_ci_and_p():
    q = one("RR 7.38 for fractures", "ratio")
    assert q.extra == (("rr", 7.38),)
    q = one("OR = 2.1 (95% CI, 1.2 to 3.4)", "ratio")
    assert (q.value, q.low, q.high, q.get("or")) == (2.1, 1.2, 3.4, 2.1)
    q = one("HR 0.8 (95% CI 0.6-0.9; P=0.003)", "ratio")
    assert (q.get("hr"), q.low, q.high, q.get("p")) == (0.8, 0.6, 0.9, 0.003)
    assert q.text.endswith(")")
    # "or" the conjunction is not an odds ratio
    assert not [q for q in find_quantities("2 or 3 doses") if q.kind == "ratio"]


def test_p_values():
    q = one("differed (p < 0.05)")
    assert q.get("p") == 0.05 and q.get("p_lt") == 1.0
    q = one("P=0.003")
    assert q.get("p") == 0.003 and q.get("p_lt") is None


def test_median_iqr():
    q = one("median 12 (IQR 8-15) months")
    assert (q.kind, q.value, q.low, q.high) == ("median_iqr", 12.0, 8.0, 15.0)


def test_thousands_separators():
    q = one("intake 3,320 mg/day")
    assert q.value == 3320.0 and q.kind == "dose"
    q = one("intake 3 320 mg/day")
    assert q.value == 3320.0
    # a space between numbers without a unit is not a thousands separator
    assert [q.value for q in find_quantities("values 3 320 here")] == [3.0, 320.0]


@pytest.mark.parametrize("text, value, unit", [
    ("0.25 mg/kg/day", 0.25, "mg/kg/day"), ("30 mg twice daily", 30.0, "mg"),
    ("30 mg/day", 30.0, "mg/day"), ("2 g/day", 2.0, "g/day"),
    ("150 mg/kg/day", 150.0, "mg/kg/day"), ("400 IU per day", 400.0, "IU per day"),
    ("119 g/m²/week", 119.0, "g/m²/week"), ("2 µg/day", 2.0, "µg/day"),
    ("6 μg/day", 6.0, "μg/day"), ("6 mcg daily", 6.0, "mcg"),
])
def test_doses(text, value, unit):
    q = one("given " + text + ", then")
    assert (q.kind, q.value, q.unit) == ("dose", value, unit)
    assert q.text == text


def test_dose_has_uo_id_when_verified():
    assert one("0.25 mg/kg/day").unit_id == "UO:0000311"


def test_percentages_and_counts():
    found = find_quantities("45% of 120 patients")
    assert [(q.kind, q.value) for q in found] == [("percent", 45.0), ("count", 120.0)]


def test_citations_and_identifiers_are_not_values():
    text = ("levels (1,2). Total (16) and (4,5,6). Mutation c.148C>T in NM-001017535 "
            "at the 4th week; 1,25(OH)2D3 and 25(OH)D3 were measured.")
    assert find_quantities(text) == []


def test_reference_ranges_attach_to_their_value():
    text = "serum calcium (Ca): 7.5 mg/dL (8.8-10.8), ALP: 2278 U/L (80-220), PTH: 1194 pg/mL (10-71 pg/mL)"
    found = find_quantities(text)
    assert [q.value for q in found] == [7.5, 2278.0, 1194.0]
    assert found[0].get("ref_low") == 8.8 and found[0].get("ref_high") == 10.8
    assert found[1].get("ref_high") == 220.0
    assert found[2].get("ref_low") == 10.0


def test_seed_text_offsets_and_speed():
    from litkg.paths import corpus_dir

    for path in sorted(corpus_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = find_quantities(text)
        assert found
        for q in found:
            assert text[q.start:q.end] == q.text
        starts = [q.start for q in found]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_unlabelled_ci_after_ratio_and_n_counts():
    q = one("hazard ratio was 0.71 (0.55-0.92)", "ratio")
    assert (q.low, q.high, q.get("hr"), q.get("ref_low")) == (0.55, 0.92, 0.71, None)
    assert q.text.endswith(")")
    found = find_quantities("n = 45 (32%)")
    assert [(q.kind, q.value) for q in found] == [("count", 45.0), ("percent", 32.0)]


def test_cell_counts_with_powers_of_ten_are_values_not_sizes():
    got = [(q.value, q.unit) for q in find_quantities("Platelets were 45 × 10⁹/L and WBC 12.3 x 10^9/l.")]
    assert got == [(45.0, "× 10⁹/L"), (12.3, "x 10^9/l")]
    sizes = find_quantities("A 3 x 4 cm mass.")
    assert sizes[0].value is None and sizes[0].get("dim2") == 4.0


def test_hormone_and_marker_units_are_read_whole():
    from litkg.extract.quantities import find_quantities
    for unit in ("ng/dL", "mIU/mL", "U/mL", "kPa", "fL"):
        (q, *_) = find_quantities(f"was 4.8 {unit} at entry")
        assert q.unit == unit, unit


def test_heart_and_breathing_rates_carry_their_per_minute_unit():
    q = one("Heart rate fell from 118 to 76 beats per minute.", "range")
    assert (q.low, q.high, q.unit) == (118.0, 76.0, "beats per minute")
    q = one("respiratory rate 28 breaths/min", "value")
    assert (q.value, q.unit) == (28.0, "breaths/min")
    q = one("pulse 118/min", "value")
    assert (q.value, q.unit) == (118.0, "/min")
    # a bare "/word" is a unit only when the lexicon knows it: "3/4" and "5/day" stay numbers
    assert one("given 5/day").unit is None
