"""Values given "respectively": "TC, LDL-C and UA decreased by 54%, 58% and 48%, respectively".

A results sentence often lists the outcomes first and their values after, matched by order.
Read naively, every outcome takes the first value.  :func:`respective_statistic` pairs the k-th
listed outcome with the k-th percentage when the counts agree, and gives nothing otherwise (a
value is never guessed).  Abbreviations in parentheses right after a name ("total cholesterol
(TC)") restate it and are not list members.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*%")


def _restatement(doc, e: Span) -> bool:
    return e.start > 0 and doc[e.start - 1].text == "(" and e.end < len(doc) and doc[e.end].text == ")"


def respective_statistic(sent: Span, obj: Span, ents: list[Span],
                         labels: frozenset[str] | set[str]) -> dict[str, float] | None:
    """``{"percent": v}`` for ``obj`` in a "..., respectively" list of outcome entities
    (``labels``), or ``None`` when the sentence has no such list or the counts differ."""
    m = _RESPECTIVELY.search(sent.text)
    if m is None:
        return None
    doc = sent.doc
    end_char = sent.start_char + m.start()
    members = [e for e in ents if e.label_ in labels and e.end_char <= end_char
               and not _restatement(doc, e)]
    if obj not in members or len(members) < 2:
        return None
    values = [float(v.group(1)) for v in _PERCENT.finditer(doc.text, members[-1].end_char, end_char)]
    if len(values) != len(members):
        return None
    return {"percent": values[members.index(obj)]}
