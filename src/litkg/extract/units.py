"""Units: written forms -> canonical UCUM-ish form + UO id, and analyte-aware conversions.

The lexicon is ``litkg/data/units.tsv`` (one written form per line, with provenance).  UO ids
are only those verified in ``shared/vocab/verified-ids.tsv``; any other unit gets ``None``
rather than a guessed id.

Conversions between mass and molar concentration depend on the analyte (molar mass), so
:func:`normalise_value` takes the analyte as a name, an abbreviation or a LOINC/CHEBI CURIE.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from litkg.errors import LitkgError
from litkg.paths import data_dir


@dataclass(frozen=True)
class Unit:
    written: str  # as written in the text
    canonical: str  # UCUM-ish canonical form, e.g. "mg/dL", "ug/d"
    uo_id: str | None = None  # UO CURIE when verified, else None


# --------------------------------------------------------------------------------------------
# Lexicon


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _fold(text: str) -> str:
    """Key that merges typographic variants of one unit but keeps case where case matters.

    µ (micro sign), μ (Greek mu), "u" and "mc" prefixes all mean micro; "per" means "/";
    the litre may be written "l" or "L".  Case is otherwise kept: "mM" (millimolar) is not
    "mm" (millimetre).
    """
    s = unicodedata.normalize("NFKC", text).replace("\u03bc", "\u00b5")
    s = s.replace("²", "2").replace("³", "3")
    # powers of ten in cell counts: "× 10⁹/L", "x10^9/l", "X 10*9/L" -> "x10^9/L"
    s = s.translate(_SUPERSCRIPT_DIGITS)
    s = re.sub(r"^[x×X*]?\s*10\s*(?:\^|\*\*?)?\s*(\d+)", r"x10^\1", s)
    s = re.sub(r"\s+per\s+", "/", s)
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^mc(?=g|mol|L|l|IU)", "µ", s)
    s = re.sub(r"(?<=/)mc(?=g|mol)", "µ", s)
    s = re.sub(r"(^|/)u(?=g|mol|L|l|IU|M\b)", r"\1µ", s)
    # litre: "/l", "/dl", "/ml" ... and a bare "ml"/"dl" at the start
    s = re.sub(r"(?<=/)([dmµnp]?)l(?![a-z])", r"\1L", s)
    s = re.sub(r"^([dmµ]?)l$", r"\1L", s)
    return s


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[str, str | None]], dict[str, tuple[str, str | None]]]:
    path = data_dir() / "units.tsv"
    if not path.exists():
        raise LitkgError("unit lexicon is missing", where=str(path),
                         hint="reinstall litkg; the file ships inside the package")
    folded: dict[str, tuple[str, str | None]] = {}
    by_case: dict[str, set[tuple[str, str | None]]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise LitkgError("expected 'written<TAB>canonical<TAB>uo_id<TAB>source'",
                             where=f"{path}:{lineno}")
        written, canonical = parts[0].strip(), parts[1].strip()
        uo_id = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
        folded[_fold(written)] = (canonical, uo_id)
        by_case.setdefault(_fold(written).casefold(), set()).add((canonical, uo_id))
    # A case-insensitive fallback only where it is unambiguous (never "mM" vs "mm").
    caseless = {k: next(iter(v)) for k, v in by_case.items() if len(v) == 1}
    return folded, caseless


def _lookup(text: str) -> tuple[str, str | None] | None:
    folded, caseless = _lexicon()
    key = _fold(text)
    return folded.get(key) or caseless.get(key.casefold())


def parse_unit(text: str | None) -> Unit | None:
    """The :class:`Unit` written as ``text``, or ``None`` when it is not a known unit.

    Compound units missing from the lexicon ("µg/kg/week") are composed from known parts;
    they get no UO id.
    """
    if not text or not text.strip():
        return None
    written = text.strip()
    hit = _lookup(written)
    if hit:
        return Unit(written, hit[0], hit[1])
    parts = [p for p in re.split(r"/|\s+per\s+", written)]
    if len(parts) > 1 and all(p.strip() for p in parts):
        canon = []
        for part in parts:
            sub = _lookup(part)
            if sub is None:
                return None
            canon.append(sub[0])
        return Unit(written, "/".join(canon), None)
    return None


#: Amounts a patient is given, and what a dose may be expressed per (body weight, body surface,
#: time).  A volume is not among them: "45 mL/min" is a clearance, "500 mL/day" a urine output.
_DOSE_AMOUNTS = frozenset({"mg", "g", "ug", "ng", "[IU]"})
_DOSE_PER = frozenset({"kg", "m2", "d", "wk", "h", "min", "dose"})


def is_dose_unit(text: str | None, *, volume: bool = False) -> bool:
    """Is ``text`` the unit of an administered amount: a mass or IU, optionally per body weight,
    body surface or time ("mg", "mg/kg/day", "IU/d", "mg/m2") and never per volume ("mg/dL",
    "IU/L" are concentrations)?  ``volume=True`` also accepts a bare "mL" (a syrup in a regimen
    list, where nothing else is measured).  The one definition of a dose unit for litkg's
    quantity parser, entity typing, claims and table regimens."""
    if not text:
        return False
    unit = parse_unit(text)
    # a canonical form ("ug/kg/d") is accepted as it is: not every one re-parses as written text
    canonical = unit.canonical if unit is not None else text.strip()
    if volume and canonical == "mL":
        return True
    head, *per = canonical.split("/")
    return head in _DOSE_AMOUNTS and all(p in _DOSE_PER for p in per)


#: Quantities that have no unit, named by the last word of the analyte, with the annotated
#: UCUM unit LOINC reports them in ("{INR}", "[pH]"): without one, "INR rose from 2.4 to 8.9"
#: would lose its values, since a value is only comparable with its unit.
_DIMENSIONLESS = {"inr": "{INR}", "ph": "[pH]", "ratio": "{ratio}", "index": "{index}",
                  "score": "{score}", "scale": "{score}"}


def dimensionless_unit(analyte: str | None) -> str | None:
    """The unit a value of ``analyte`` carries when the text writes none: "{INR}" for an INR,
    "[pH]" for a pH, "{score}" for a score or scale, "{ratio}" / "{index}" for a ratio or an
    index; ``None`` for an analyte that has a unit (a bare "2.4" of creatinine is not
    comparable)."""
    words = re.findall(r"[A-Za-z]+", analyte or "")
    return _DIMENSIONLESS.get(words[-1].lower()) if words else None


def is_unit(text: str) -> bool:
    return parse_unit(text) is not None


def known_unit_forms() -> list[str]:
    """Written forms from the lexicon, longest first (for building regexes)."""
    path = data_dir() / "units.tsv"
    forms = [line.split("\t")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return sorted(set(forms), key=len, reverse=True)


# --------------------------------------------------------------------------------------------
# Conversions

# Analyte -> (canonical unit, {canonical unit of a source unit: factor to multiply by}).
# Factors are derived from molar masses; sources: SI conversion tables (AMA Manual of Style,
# SI unit conversion table; Young DS, Ann Intern Med 1987;106:114-129).
_ANALYTES: dict[str, tuple[str, dict[str, float]]] = {
    # Ca 40.08 g/mol: 1 mmol/L = 4.008 mg/dL; 1 meq/L = 0.5 mmol/L
    "calcium": ("mg/dL", {"mmol/L": 4.008, "meq/L": 2.004, "mg/L": 0.1}),
    # P 30.97 g/mol: 1 mmol/L = 3.097 mg/dL
    "phosphate": ("mg/dL", {"mmol/L": 3.097, "mg/L": 0.1}),
    # Mg 24.305 g/mol: 1 mmol/L = 2.431 mg/dL
    "magnesium": ("mg/dL", {"mmol/L": 2.431, "meq/L": 1.2155, "mg/L": 0.1}),
    # intact PTH 9425 g/mol: 1 pmol/L = 9.43 pg/mL; ng/L is pg/mL
    "pth": ("pg/mL", {"pmol/L": 9.43, "ng/L": 1.0, "ng/mL": 1000.0}),
    # creatinine 113.12 g/mol: 88.4 umol/L = 1 mg/dL
    "creatinine": ("mg/dL", {"umol/L": 1 / 88.4, "mmol/L": 1000 / 88.4, "mg/L": 0.1}),
    # glucose 180.16 g/mol: 1 mmol/L = 18.016 mg/dL
    "glucose": ("mg/dL", {"mmol/L": 18.016, "g/L": 100.0, "mg/L": 0.1}),
    # 25(OH)D 400.6 g/mol: 2.496 nmol/L = 1 ng/mL
    "25ohd": ("ng/mL", {"nmol/L": 1 / 2.496, "ug/L": 1.0}),
    # 1,25(OH)2D 416.6 g/mol: 2.6 pmol/L = 1 pg/mL
    "125ohd": ("pg/mL", {"pmol/L": 1 / 2.6, "ng/L": 1.0}),
    # enzyme activity: 1 ukat/L = 60 U/L; IU/L is U/L
    "alp": ("U/L", {"[IU]/L": 1.0, "ukat/L": 60.0}),
    # urea nitrogen 28.02 g/mol (2 N): 1 mmol/L urea = 2.8 mg/dL BUN
    "bun": ("mg/dL", {"mmol/L": 2.801, "mg/L": 0.1}),
}

# Unit-only equivalences (no analyte needed): canonical -> (target canonical, factor)
_GENERIC: dict[str, tuple[str, float]] = {
    "ng/L": ("pg/mL", 1.0), "ug/L": ("ng/mL", 1.0), "mg/L": ("mg/dL", 0.1),
    "g/L": ("g/dL", 0.1), "[IU]/L": ("U/L", 1.0), "ug/dL": ("ug/dL", 1.0),
}

# Names, abbreviations and CURIEs of each analyte (keys folded by _analyte_key).
_ANALYTE_NAMES: dict[str, str] = {}
for _key, _names in {
    "calcium": ["calcium", "ca", "total calcium", "ca2+", "LOINC:17861-6", "LOINC:LP15257-6",
                "LOINC:2000-8", "CHEBI:29108", "CHEBI:22984"],
    "phosphate": ["phosphate", "phosphorus", "p", "pi", "po4", "inorganic phosphate",
                  "inorganic phosphorus", "LOINC:2777-1", "LOINC:14879-1", "LOINC:LP14912-7",
                  "CHEBI:18367", "CHEBI:26020", "CHEBI:28659"],
    "magnesium": ["magnesium", "mg2+", "LOINC:19123-9", "CHEBI:18420"],
    "pth": ["pth", "parathyroid hormone", "parathormone", "ipth", "intact pth",
            "intact parathyroid hormone", "parathyrin", "LOINC:2731-8", "LOINC:LP15778-1"],
    "creatinine": ["creatinine", "cr", "creat", "LOINC:2160-0", "CHEBI:16737"],
    "glucose": ["glucose", "blood glucose", "glycemia", "LOINC:2345-7", "CHEBI:17234",
                "CHEBI:4167"],
    "25ohd": ["25(oh)d", "25(oh)d3", "25-oh-d", "25-hydroxyvitamin d", "25-hydroxyvitamin d3",
              "25ohd", "calcidiol", "LOINC:1989-3", "CHEBI:17933"],
    "125ohd": ["1,25(oh)2d", "1,25(oh)2d3", "1,25-dihydroxyvitamin d", "calcitriol level",
               "LOINC:1649-3"],
    "alp": ["alp", "alkaline phosphatase", "alk phos", "LOINC:6768-6", "LOINC:LP15346-7"],
    "bun": ["bun", "blood urea nitrogen", "urea nitrogen", "LOINC:3094-0"],
}.items():
    for _name in _names:
        _ANALYTE_NAMES[_name if ":" in _name else _name.casefold()] = _key

_QUALIFIERS = re.compile(r"\b(serum|plasma|blood|total|fasting|level|levels|concentration|"
                         r"concentrations|circulating)\b", re.I)


def analyte_key(analyte: str | None) -> str | None:
    """The internal key of an analyte given as a CURIE, a name or an abbreviation."""
    if not analyte:
        return None
    text = analyte.strip()
    if text in _ANALYTE_NAMES:
        return _ANALYTE_NAMES[text]
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded in _ANALYTE_NAMES:
        return _ANALYTE_NAMES[folded]
    bare = " ".join(_QUALIFIERS.sub(" ", folded).replace("(s)", "").split())
    bare = re.sub(r"\s*\([^)]*\)$", "", bare) if bare not in _ANALYTE_NAMES else bare
    if bare in _ANALYTE_NAMES:
        return _ANALYTE_NAMES[bare]
    # Plurals as authors write them ("phosphates", "serum calcium levels" is handled above).
    singular = re.sub(r"(?<=[a-z]{3})s$", "", bare)
    return _ANALYTE_NAMES.get(singular)


def _round_like(value: float, reference: float) -> float:
    """Round ``value`` to at least 3 significant figures, or as many as ``reference`` has."""
    if value == 0 or not math.isfinite(value):
        return value
    ref = f"{abs(reference):g}".replace(".", "").lstrip("0") or "0"
    sig = max(3, len(ref))
    digits = sig - 1 - int(math.floor(math.log10(abs(value))))
    return round(value, digits)


def normalise_value(value: float, unit: str, analyte: str | None = None
                    ) -> tuple[float, str] | None:
    """Convert ``value`` in ``unit`` to the analyte's canonical unit.

    ``normalise_value(2.03, "mmol/l", "calcium") == (8.14, "mg/dL")``.  Without a known
    analyte only unit-level equivalences apply (ng/L == pg/mL, mmol/l -> mmol/L).  Returns
    ``None`` when the unit is unknown or cannot be converted for this analyte.
    """
    parsed = parse_unit(unit)
    if parsed is None:
        return None
    canon = parsed.canonical
    key = analyte_key(analyte)
    if key is not None:
        target, factors = _ANALYTES[key]
        if canon == target:
            return value, target
        if canon in factors:
            return _round_like(value * factors[canon], value), target
        return None
    if canon in _GENERIC:
        target, factor = _GENERIC[canon]
        return _round_like(value * factor, value), target
    return value, canon
