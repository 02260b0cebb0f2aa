"""Spans that look like entities and are not: names in references, spinal levels.

Split from :mod:`litkg.extract.entities` (these filters run on its candidate spans).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_NAME = r"[A-Z][\w'\u2019-]+(?:\s+(?:de|van|von|der|den|la|le|da|di|du|dos|del)?\s*[A-Z][\w'\u2019-]+)*"
#: One author-year reference: "McMichael and Potter, 1980", "Lin et al, 2007", "Smith 1999a".
_CITATION_ITEM = re.compile(rf"^\s*(?:see |e\.g\.,? |cf\.? )?{_NAME}(?:\s+(?:et al\.?|and|&)\s*(?:{_NAME})?)?"
                            r",?\s+(?:19|20)\d\d[a-z]?\s*$")
_PARENTHESIS = re.compile(r"\(([^()]{4,600})\)")


def citation_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of parentheses that hold author-year references (most of their
    ';'-separated items look like "Name [et al|and Name], Year")."""
    out = []
    for m in _PARENTHESIS.finditer(text):
        items = m.group(1).split(";")
        if sum(1 for item in items if _CITATION_ITEM.match(item)) * 2 >= len(items):
            out.append((m.start(), m.end()))
    return out


_LEVEL = re.compile(r"^[TCLS]\d{1,2}$")


def spinal_level(doc: Doc, span: Span) -> bool:
    """"T4" in "T7 (T4-T9)" is a dermatome or vertebra, not thyroxine: a level in a range of
    levels of the same letter."""
    if span.end - span.start != 1 or not _LEVEL.match(span.text):
        return False
    i = span.start
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(doc) and 0 <= b < len(doc) and doc[b].text in ("-", "–", "to") and \
                _LEVEL.match(doc[a].text) and doc[a].text[0] == span.text[0] and doc[a].text != span.text:
            return True
    return False


def names_an_author(doc: Doc, span: Span, cited: list[tuple[int, int]]) -> bool:
    """A name in a reference is a person, not an entity: "Nichols et al. (2005)", or anything
    inside "(McMichael and Potter, 1980; Lin et al, 2007)"."""
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "et" and doc[span.end + 1].lower_.startswith("al"):
        return True
    return any(a <= span.start_char and span.end_char <= b for a, b in cited)
