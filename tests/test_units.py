"""Unit lexicon and analyte-aware conversions."""

from __future__ import annotations

import pytest

from litkg.extract.units import analyte_key, normalise_value, parse_unit


@pytest.mark.parametrize("written, canonical, uo", [
    ("mg/dL", "mg/dL", "UO:0010067"), ("mg/dl", "mg/dL", "UO:0010067"),
    ("mmol/l", "mmol/L", "UO:0000063"), ("mM", "mmol/L", "UO:0000063"),
    ("pg/ml", "pg/mL", "UO:0010070"), ("U/L", "U/L", "UO:0000179"),
    ("ng/mL", "ng/mL", "UO:0000275"), ("mg/kg/day", "mg/kg/d", "UO:0000311"),
    ("mg/kg per day", "mg/kg/d", "UO:0000311"),
    ("µmol/L", "umol/L", None), ("μmol/l", "umol/L", None), ("umol/L", "umol/L", None),
    ("mcg", "ug", None), ("µg/day", "ug/d", None), ("ng/L", "ng/L", None),
    ("IU/L", "[IU]/L", None), ("%", "%", None), ("mm Hg", "mm[Hg]", None),
    ("mL/min/1.73 m²", "mL/min/{1.73_m2}", None), ("g/m²/week", "g/m2/wk", None),
])
def test_parse_unit_variants(written, canonical, uo):
    unit = parse_unit(written)
    assert unit is not None, written
    assert (unit.written, unit.canonical, unit.uo_id) == (written, canonical, uo)


def test_case_matters_where_it_changes_the_unit():
    assert parse_unit("mM").canonical == "mmol/L"
    assert parse_unit("mm").canonical == "mm"  # millimetre, not millimolar


def test_unknown_and_composed_units():
    assert parse_unit("bananas") is None
    assert parse_unit("") is None
    composed = parse_unit("µg/kg/week")
    assert composed.canonical == "ug/kg/wk" and composed.uo_id is None


@pytest.mark.parametrize("value, unit, analyte, expected", [
    (2.03, "mmol/l", "calcium", (8.14, "mg/dL")),
    (2.03, "mmol/L", "Ca", (8.14, "mg/dL")),
    (2.03, "mM", "LOINC:17861-6", (8.14, "mg/dL")),
    (1.2, "mmol/L", "serum phosphorus", (3.72, "mg/dL")),
    (269, "ng/L", "PTH", (269.0, "pg/mL")),
    (50, "pmol/L", "intact PTH", (472.0, "pg/mL")),
    (88.4, "µmol/L", "creatinine", (1.0, "mg/dL")),
    (5.0, "mmol/L", "glucose", (90.1, "mg/dL")),
    (50, "nmol/L", "25(OH)D", (20.0, "ng/mL")),
    (8.14, "mg/dl", "calcium", (8.14, "mg/dL")),
])
def test_normalise_value(value, unit, analyte, expected):
    assert normalise_value(value, unit, analyte) == expected


def test_normalise_value_refuses_impossible_conversions():
    assert normalise_value(3.0, "pg/mL", "calcium") is None  # no factor mass -> this unit
    assert normalise_value(3.0, "furlongs", "calcium") is None
    assert normalise_value(269, "ng/L", None) == (269.0, "pg/mL")  # unit-level equivalence
    assert normalise_value(5.0, "mmol/l", "unknown analyte") == (5.0, "mmol/L")


def test_analyte_names():
    assert analyte_key("Serum calcium") == "calcium"
    assert analyte_key("P") == "phosphate"
    assert analyte_key("parathyroid hormone") == "pth"
    assert analyte_key("LOINC:2731-8") == "pth"
    assert analyte_key("haemoglobin") is None


@pytest.mark.parametrize("text,dose", [
    ("mg", True), ("µg", True), ("IU", True), ("mg/kg/day", True), ("g/d", True), ("mg/m²", True),
    ("IU per day", True), ("ug/kg/d", True),  # a canonical form is accepted as well
    ("mg/dL", False), ("IU/L", False), ("mL/min", False), ("mmol/L", False), ("mL", False),
    ("", False), (None, False),
])
def test_is_dose_unit(text, dose):
    from litkg.extract.units import is_dose_unit

    assert is_dose_unit(text) is dose


def test_a_bare_volume_is_a_dose_only_in_a_regimen_list():
    from litkg.extract.units import is_dose_unit

    assert is_dose_unit("mL", volume=True) and not is_dose_unit("mL/min", volume=True)


def test_clearance_is_not_a_dose():
    from litkg.extract.quantities import find_quantities

    assert [q.kind for q in find_quantities("eGFR was 45 mL/min")] == ["value"]
    assert [q.kind for q in find_quantities("calcitriol 0.25 µg/kg/day")] == ["dose"]


def test_cell_count_and_osmolality_units():
    assert parse_unit("×10⁹/L").canonical == parse_unit("x 10^9/l").canonical == "10*9/L"
    assert parse_unit("cells/µL").canonical == "/uL"
    assert parse_unit("mOsm/kg").canonical == "mosm/kg"


def test_a_dimensionless_analyte_gets_the_annotated_unit_loinc_reports():
    from litkg.extract.units import dimensionless_unit, parse_unit
    assert dimensionless_unit("INR") == "{INR}"
    assert dimensionless_unit("arterial pH") == "[pH]"
    assert dimensionless_unit("Glasgow Coma Scale score") == "{score}"
    assert dimensionless_unit("serum creatinine") is None and dimensionless_unit(None) is None
    assert parse_unit("{INR}").canonical == "{INR}"


def test_a_body_temperature_is_read_in_degrees_celsius_or_fahrenheit():
    from litkg.extract.quantities import find_quantities
    assert parse_unit("°C").canonical == parse_unit("ºC").canonical == "Cel"
    assert parse_unit("°F").canonical == "[degF]"
    (q,) = find_quantities("a fever of 39.2°C")
    assert (q.value, parse_unit(q.unit).canonical) == (39.2, "Cel")
