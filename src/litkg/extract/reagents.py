"""Laboratory reagents in methods text: buffers, buffered salines and detergents ("50 mM
Tris-HCl, pH 7.4", "washed with PBS", "HEPES buffer", "0.1% Triton X-100").

A reagent is a chemical, but what an experiment dissolves its samples in is no intervention and
no analyte: read as a drug it becomes the subject of treatment and outcome claims.  A chemical
is read as a reagent by how methods text writes one, not by a list of drugs:

- a buffer word right after it ("Tris buffer", "phosphate-buffered saline", "HEPES-buffered")
  or the word "buffer" as the whole name (the vocabularies list "Buffers" as a chemical class);
- a pH right after it, past its concentration's comma ("Tris-HCl, pH 7.4", "HEPES (pH 7.2)");
- the acronym of a standard laboratory buffer or detergent (:data:`LAB_ACRONYMS`: the
  Good's buffers, the buffered salines and the detergents of protein work), which no clinical
  text gives to patients.  Tromethamine given for acidosis is written by its drug name (or
  THAM) and dosed, so it stays a drug.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

#: Good's buffers, buffered salines and detergents, by the acronyms methods sections use
LAB_ACRONYMS = frozenset({
    "hepes", "mops", "mes", "pipes", "tricine", "bicine", "taps", "ches", "caps", "mopso",
    "tes", "bes", "pbs", "dpbs", "tbs", "pbst", "tbst", "hbss", "tae", "tbe", "tris-hcl",
    "tris-base", "tris-buffered", "triton", "tween", "tween-20", "tween-80", "np-40",
    "nonidet", "sds", "chaps"})
_BUFFER_WORDS = frozenset({"buffer", "buffers", "buffered", "buffering"})
_PH_AFTER = re.compile(r"^\s*(?:[,(]\s*)?(?:\d+(?:\.\d+)?\s*[mµμu]?M\s*,?\s*)?pH\b")


def is_reagent(doc: Doc, span: Span) -> bool:
    """Is the chemical ``span`` a laboratory reagent (see the module doc)?"""
    words = [t.lower_ for t in span if t.text not in ("-", "–")]
    if not words:
        return False
    if words[-1] in _BUFFER_WORDS or span.text.lower() in LAB_ACRONYMS or (
            len(words) == 1 and words[0] in LAB_ACRONYMS):
        return True
    k = span.end
    if k + 1 < len(doc) and doc[k].text in ("-", "–") and not doc[k - 1].whitespace_:
        k += 1  # "phosphate-buffered saline", "HEPES-buffered"
    if k < len(doc) and doc[k].lower_ in _BUFFER_WORDS:
        return True
    return bool(_PH_AFTER.match(doc.text[span.end_char:span.end_char + 30]))
