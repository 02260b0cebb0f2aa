"""Numbers with units in running text: values, ranges, mean ± SD, CIs, IQRs, ratios, doses.

``find_quantities(text)`` returns non-overlapping :class:`Quantity` spans with
``text[q.start:q.end] == q.text``.  Patterns are tried from the most structured (a hazard ratio
with its confidence interval) to the least (a bare number), and a span claimed by a richer
pattern is never re-read by a poorer one.

Things that look numeric but are not measurements are skipped where the shape says so:
citation lists "(1,2)", "(16)"; identifiers "NM-001017535", "c.148C>T"; ordinals "4th";
numbers glued to letters ("D3", "1α").  A parenthesised range right after a value with a unit,
"7.5 mg/dL (8.8-10.8)", is the reference range: it is attached to that value's ``extra`` as
``ref_low``/``ref_high`` instead of being reported as a value of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from litkg.extract.units import is_dose_unit, parse_unit


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # as written
    unit_id: str | None = None  # UO CURIE when known
    #: "value" | "range" | "mean_sd" | "ci" | "median_iqr" | "percent" | "ratio" | "dose" | "count"
    kind: str = "value"
    #: extra statistics as (name, value) pairs, e.g. (("rr", 7.38), ("p", 0.05), ("p_lt", 1.0))
    extra: tuple[tuple[str, float], ...] = ()

    def get(self, name: str) -> float | None:
        return dict(self.extra).get(name)


# --------------------------------------------------------------------------------------------
# Lexical pieces

# A number: thousands with commas or thin/no-break spaces, decimals with a point.  Decimal
# commas and plain-space thousands are ambiguous, so they are only accepted when a unit follows
# (checked in _accept_number).  The look-behind keeps digits glued to words/identifiers out.
_N = (r"(?<![\w.,/])(?:\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?"
      r"|\d{1,3}(?:[\u2009\u202f\u00a0 ]\d{3})+(?!\d)(?:\.\d+)?"
      r"|\d+,\d{1,2}(?![\d,])|\d*\.\d+|\d+)")
_NUM = re.compile(_N)
_DASH = r"\s?(?:-|–|—|‒|to)\s?"
# A unit may also start with "/" when it is a bare rate: "118/min" (UCUM "/min"); only forms
# listed in the lexicon are accepted, so "3/4" or "5/10 patients" stay numbers.
_UNIT_CAND = re.compile(
    r"\s?(%|‰|/[a-z]+\b|[x×X]\s?10\s?(?:\^|\*\*?)?\s?[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}\s?/\s?[µμu]?[lL]|[A-Za-zµμ°º\[][A-Za-zµμ°²³0-9\[\]]*(?:\s?/\s?[A-Za-zµμ0-9.²³\[\]]+(?:\s(?:m²|m2))?)*"
    r"(?:\s(?:Hg|per\s+[a-z]+))?)")
_FREQ = re.compile(
    r"\s?(?:(?:once|twice|thrice|three times|four times|[1-4] times)\s+(?:a\s+|per\s+|)(?:day|daily|week|weekly)"
    r"|daily|per day|a day|/day|weekly|per week|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?d\.?|o\.?d\.?"
    r"|every\s+\d+\s+(?:hours|h|days|weeks))\b", re.I)
_CITATION = re.compile(r"[(\[]\s*\d{1,3}(?:\s*[,–\-]\s*\d{1,3})*\s*[)\]]")
_RATIO = re.compile(
    r"\b(a?RR|a?OR|a?HR|IRR|relative risk|risk ratio|odds ratio|hazard ratio|rate ratio)"
    r"(?:\s+(?:of|was|were|is))?\s*(?:[=:,]\s*)?(?=\d|\.\d)", re.I)
_RATIO_KEY = {"relative risk": "rr", "risk ratio": "rr", "odds ratio": "or", "hazard ratio": "hr",
              "rate ratio": "irr"}
_CI = re.compile(r"(\d{2}(?:\.\d)?)\s?%\s?(?:CI|confidence interval)s?\s*(?:[,:=]\s*|was\s+|of\s+)?",
                 re.I)
_CI_ALT = re.compile(r"\b(?:CI|confidence interval)\s*(\d{2})\s?%\s*(?:[,:=]\s*)?", re.I)
_IQR = re.compile(r"\s?[(\[,;]?\s*(?:IQR|interquartile range)\s*(?:[,:=]\s*)?", re.I)
_PVAL = re.compile(r"\b[pP]\s?(?:-?value)?\s?(=|<|>|≤|≥|<=|>=)\s?(" + _N + r")")
_PM = re.compile(r"\s?(?:±|\+/-|\+-|\+/−)\s?")
_DIM = re.compile(r"\s?[×xX*]\s?")
_MASS = {"mg", "g", "ug", "ng", "[IU]", "kg", "mL"}


def _to_float(token: str) -> float | None:
    t = token.strip()
    if re.fullmatch(r"\d+,\d{1,2}", t):  # decimal comma (only reached when a unit follows)
        t = t.replace(",", ".")
    t = re.sub(r"[,\u2009\u202f\u00a0 ]", "", t)
    try:
        return float(t)
    except ValueError:
        return None


def _unit_at(text: str, pos: int) -> tuple[str, int, str | None, str] | None:
    """The longest known unit starting at ``pos`` (after optional space): (written, end, uo, canon)."""
    m = _UNIT_CAND.match(text, pos)
    if not m:
        return None
    cand = m.group(1)
    base = m.start(1)
    # try the whole candidate, then shorter prefixes cut at "/" or whitespace
    cuts = sorted({len(cand)} | {i for i, ch in enumerate(cand) if ch in "/ ." and i > 0},
                  reverse=True)
    for cut in cuts:
        written = cand[:cut].rstrip(" /")
        if not written:
            continue
        end = base + len(written)
        if end < len(text) and (text[end].isalnum() and not written.endswith("%")):
            continue
        unit = parse_unit(written)
        if unit is not None:
            return written, end, unit.uo_id, unit.canonical
    return None


def _accept_number(text: str, m: re.Match) -> tuple[int, int] | None:
    """Validate a raw number match; returns the (start, end) actually kept or ``None``."""
    s, e = m.start(), m.end()
    tok = m.group(0)
    # identifiers: "NM-001017535", "COVID-19" (letter + hyphen before the digits)
    if s >= 2 and text[s - 1] in "-‐‑" and text[s - 2].isalpha():
        return None
    # chemical locants and issue numbers glued to the next token: "1,25(OH)2D", "25(OH)D"
    if re.match(r",\d|\(", text[e:e + 2]) and not re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", tok):
        return None
    ambiguous = bool(re.fullmatch(r"\d+,\d{1,2}", tok)) or " " in tok
    if ambiguous and _unit_at(text, e) is None:
        # fall back to the leading integer ("3 320" without unit is two numbers)
        lead = re.match(r"\d+", tok)
        e = s + lead.end()
        if text[e:e + 1] == ",":
            return (s, e)
    # glued to letters that are not a unit: "4th", "1α", "3rd"
    if e < len(text) and (text[e].isalpha() or text[e] in "αβγµμ"):
        if _unit_at(text, e) is None:
            return None
    return (s, e)


@dataclass
class _Scan:
    text: str
    taken: list[tuple[int, int]]

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.taken)

    def take(self, s: int, e: int) -> None:
        self.taken.append((s, e))


def _numbers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, float]]:
    out = []
    stop = len(text) if end is None else end
    pos = start
    while True:
        m = _NUM.search(text, pos, stop)
        if not m:
            return out
        kept = _accept_number(text, m)
        pos = m.end()
        if kept is None:
            continue
        if kept[1] < m.end():
            pos = kept[1]  # "3 320" without a unit: read "320" again on its own
        val = _to_float(text[kept[0]:kept[1]])
        if val is not None:
            out.append((kept[0], kept[1], val))


def _number_at(text: str, pos: int) -> tuple[int, int, float] | None:
    m = _NUM.match(text, pos)
    if not m:
        return None
    kept = _accept_number(text, m)
    if kept is None:
        return None
    val = _to_float(text[kept[0]:kept[1]])
    return None if val is None else (kept[0], kept[1], val)


def _range_at(text: str, pos: int) -> tuple[int, float, float] | None:
    """"1.2-3.4" / "1.2 to 3.4" starting at ``pos`` -> (end, low, high)."""
    a = _number_at(text, pos)
    if not a:
        return None
    d = re.compile(_DASH).match(text, a[1])
    if not d:
        return None
    b = _number_at(text, d.end())
    if not b:
        return None
    return b[1], a[2], b[2]


def _quantity(text: str, s: int, e: int, **kw) -> Quantity:
    return Quantity(start=s, end=e, text=text[s:e], **kw)


def _with_unit(text: str, e: int) -> tuple[int, str | None, str | None, str | None]:
    u = _unit_at(text, e)
    if u is None:
        return e, None, None, None
    return u[1], u[0], u[2], u[3]


# --------------------------------------------------------------------------------------------
# Pattern passes, richest first


def _ci_after(text: str, pos: int) -> tuple[int, float, float, float] | None:
    """A confidence interval starting at ``pos`` (inside or after a parenthesis)."""
    m = re.compile(r"\s?[(\[,;]?\s*").match(text, pos)
    p = m.end()
    c = _CI.match(text, p) or _CI_ALT.match(text, p)
    if not c:
        # "hazard ratio 0.71 (0.55-0.92)": a bare bracketed range after a ratio is its CI
        r = _range_at(text, p) if text[m.start():p].strip() in ("(", "[") else None
        if r and text[r[0]:r[0] + 1] in ")]":
            return r[0], r[1], r[2], float("nan")
        return None
    r = _range_at(text, c.end())
    if not r:
        return None
    return r[0], r[1], r[2], float(c.group(1))


def _pass_ratios(text: str, scan: _Scan, out: list[Quantity]) -> None:
    for m in _RATIO.finditer(text):
        word = m.group(1)
        if word.lower() in ("or", "aor") and word[-2:] != "OR":
            continue  # "or" the conjunction
        key = _RATIO_KEY.get(word.lower(), word.lower())
        n = _number_at(text, m.end())
        if not n:
            continue
        end = n[1]
        extra = [(key, n[2])]
        low = high = None
        ci = _ci_after(text, end)
        if ci:
            end, low, high = ci[0], ci[1], ci[2]
            if ci[3] == ci[3]:  # level stated (not NaN)
                extra.append(("ci_level", ci[3]))
        p = _PVAL.match(text, end) or re.compile(r"\s?[,;]\s?").match(text, end) and \
            _PVAL.match(text, re.compile(r"\s?[,;]\s?").match(text, end).end())
        if p:
            end = p.end()
            extra.extend(_p_extra(p))
        if text[end:end + 1] == ")" and "(" in text[m.start():end]:
            end += 1
        if not scan.free(m.start(), end):
            continue
        scan.take(m.start(), end)
        out.append(_quantity(text, m.start(), end, value=n[2], low=low, high=high,
                             kind="ratio", extra=tuple(extra)))


def _p_extra(m: re.Match) -> list[tuple[str, float]]:
    op, val = m.group(1), _to_float(m.group(2))
    extra = [("p", val)]
    if op in ("<", "≤", "<="):
        extra.append(("p_lt", 1.0))
    elif op in (">", "≥", ">="):
        extra.append(("p_gt", 1.0))
    return extra


def _pass_ci(text: str, scan: _Scan, out: list[Quantity]) -> None:
    for rx in (_CI, _CI_ALT):
        for c in rx.finditer(text):
            r = _range_at(text, c.end())
            if not r or not scan.free(c.start(), r[0]):
                continue
            end, unit, uo, _ = _with_unit(text, r[0])
            scan.take(c.start(), end)
            out.append(_quantity(text, c.start(), end, value=None, low=r[1], high=r[2], unit=unit,
                                 unit_id=uo, kind="ci", extra=(("ci_level", float(c.group(1))),)))


def _pass_iqr(text: str, scan: _Scan, out: list[Quantity]) -> None:
    for n in _numbers(text):
        s, e, val = n
        ue, unit, uo, _ = _with_unit(text, e)
        i = _IQR.match(text, ue)
        if not i:
            continue
        r = _range_at(text, i.end())
        if not r:
            continue
        end, unit2, uo2, _ = _with_unit(text, r[0])
        if text[end:end + 1] in ")]" and text[ue:i.end()].strip()[:1] in "([":
            end += 1
        if not scan.free(s, end):
            continue
        scan.take(s, end)
        out.append(_quantity(text, s, end, value=val, low=r[1], high=r[2], unit=unit or unit2,
                             unit_id=uo or uo2, kind="median_iqr"))


def _pass_mean_sd(text: str, scan: _Scan, out: list[Quantity]) -> None:
    for s, e, val in _numbers(text):
        pm = _PM.match(text, e)
        ue, unit, uo, _ = _with_unit(text, e)
        if not pm and unit:
            pm = _PM.match(text, ue)  # "12 mg ± 3 mg"
        if not pm:
            continue
        sd = _number_at(text, pm.end())
        if not sd:
            continue
        end, unit2, uo2, _ = _with_unit(text, sd[1])
        if not scan.free(s, end):
            continue
        scan.take(s, end)
        out.append(_quantity(text, s, end, value=val, unit=unit2 or unit, unit_id=uo2 or uo,
                             kind="mean_sd", extra=(("sd", sd[2]),)))


def _pass_pvalues(text: str, scan: _Scan, out: list[Quantity]) -> None:
    for p in _PVAL.finditer(text):
        if not scan.free(p.start(), p.end()):
            continue
        scan.take(p.start(), p.end())
        extra = _p_extra(p)
        out.append(_quantity(text, p.start(), p.end(), value=extra[0][1], kind="value",
                             extra=tuple(extra)))


def _pass_ranges(text: str, scan: _Scan, out: list[Quantity], refs: list[Quantity]) -> None:
    for s, e, val in _numbers(text):
        if not scan.free(s, e):
            continue
        ue, unit1, _, _ = _with_unit(text, e)
        d = re.compile(_DASH).match(text, ue if unit1 in ("%",) or unit1 else e)
        if not d:
            continue
        b = _number_at(text, d.end())
        if not b:
            continue
        if d.group(0).strip() != "to" and b[0] != d.end():
            continue
        end, unit, uo, canon = _with_unit(text, b[1])
        unit = unit or unit1
        if unit is None and unit1 is None and d.group(0).strip() in ("-",) and not _ref_context(text, s):
            # a bare "172-178" (pages, years) is not worth a quantity of its own
            continue
        if not scan.free(s, end):
            continue
        q = _quantity(text, s, end, value=None, low=val, high=b[2], unit=unit,
                      unit_id=uo if unit else None, kind="range")
        scan.take(s, end)
        (refs if _ref_context(text, s) else out).append(q)


def _ref_context(text: str, s: int) -> bool:
    """True when ``s`` opens a parenthesis right after a value with a unit: a reference range."""
    before = text[max(0, s - 40):s]
    m = re.search(r"(\d)\s?([^\s\d().,][^()\d]*?)?\s*\(\s*$", before)
    if not m:
        return False
    return m.group(2) is None or parse_unit(m.group(2).strip()) is not None


def _pass_dimensions(text: str, scan: _Scan, out: list[Quantity]) -> None:
    for s, e, val in _numbers(text):
        x = _DIM.match(text, e)
        if not x or not scan.free(s, e) or _unit_at(text, e) is not None:
            continue  # "45 × 10⁹/L" is a cell count with its unit, not a size
        b = _number_at(text, x.end())
        if not b:
            continue
        dims = [val, b[2]]
        end = b[1]
        x2 = _DIM.match(text, end)
        c = _number_at(text, x2.end()) if x2 else None
        if c:
            dims.append(c[2])
            end = c[1]
        end, unit, uo, _ = _with_unit(text, end)
        if not scan.free(s, end):
            continue
        scan.take(s, end)
        out.append(_quantity(text, s, end, value=None, unit=unit, unit_id=uo, kind="value",
                             extra=tuple((f"dim{i + 1}", v) for i, v in enumerate(dims))))


def _pass_singles(text: str, scan: _Scan, out: list[Quantity]) -> None:
    for s, e, val in _numbers(text):
        if not scan.free(s, e):
            continue
        end, unit, uo, canon = _with_unit(text, e)
        kind = "value"
        extra: tuple[tuple[str, float], ...] = ()
        if canon == "%":
            kind = "percent"
        elif canon and "/" in canon and is_dose_unit(canon):
            kind = "dose"
        elif canon in _MASS:
            f = _FREQ.match(text, end)
            if f:
                end = f.end()
                kind = "dose"
        elif unit is None:
            after = text[e:e + 20]
            if re.fullmatch(r"\d+", text[s:e]) and (re.match(r"\s[a-z]{3,}", after) or
                                                    re.search(r"\b[nN]\s?=\s?$", text[:s])):
                kind = "count"
        if not scan.free(s, end):
            continue
        scan.take(s, end)
        out.append(_quantity(text, s, end, value=val, unit=unit, unit_id=uo, kind=kind,
                             extra=extra))


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text``, sorted by position; see the module docstring."""
    if not text:
        return []
    scan = _Scan(text, [])
    for c in _CITATION.finditer(text):
        # "(1,2)" "(16)" "[4-6]": citation markers, unless a unit follows inside (then not matched)
        inner = c.group(0)[1:-1]
        if _ref_context(text, c.start() + 1):
            continue  # "2278 U/L (80-220)": a reference range, handled by _pass_ranges
        if "," in inner or "–" in inner or "-" in inner or re.fullmatch(r"\s*\d{1,3}\s*", inner):
            scan.take(c.start(), c.end())
    out: list[Quantity] = []
    refs: list[Quantity] = []
    _pass_ratios(text, scan, out)
    _pass_ci(text, scan, out)
    _pass_iqr(text, scan, out)
    _pass_mean_sd(text, scan, out)
    _pass_pvalues(text, scan, out)
    _pass_dimensions(text, scan, out)
    _pass_ranges(text, scan, out, refs)
    _pass_singles(text, scan, out)
    out.sort(key=lambda q: q.start)
    return _attach_refs(text, out, refs)


def _attach_refs(text: str, out: list[Quantity], refs: list[Quantity]) -> list[Quantity]:
    """Fold each reference range into the quantity just before its parenthesis."""
    result = list(out)
    for ref in refs:
        prev = [i for i, q in enumerate(result) if q.end <= ref.start
                and text[q.end:ref.start].strip() in ("(",)]
        if not prev:
            continue
        i = prev[-1]
        q = result[i]
        if ref.unit and q.unit and _canon(ref.unit) != _canon(q.unit):
            result.append(ref)  # "83 cm (3-10% p)": a percentile band, not a reference range
            continue
        result[i] = Quantity(q.start, q.end, q.text, q.value, q.low, q.high, q.unit or ref.unit,
                             q.unit_id or ref.unit_id, q.kind,
                             q.extra + (("ref_low", ref.low), ("ref_high", ref.high)))
    result.sort(key=lambda q: q.start)
    return result


def _canon(unit: str) -> str | None:
    parsed = parse_unit(unit)
    return parsed.canonical if parsed else None
