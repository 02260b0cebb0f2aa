"""Abbreviations a text uses without defining them: "developed NMS", "SJS/TEN after X".

A paper defines an abbreviation once (often in a sentence or section we never see) or not at
all when the field knows it.  :mod:`litkg.extract.abbreviations` resolves the definitions a
document gives; this module adds the ones litkg has seen defined elsewhere, from a table mined
from public biomedical text (``data/abbreviations.tsv.gz``, built by
``scripts/build_abbreviations.py``: Schwartz-Hearst definitions whose long form grounds in the
lexicon to a condition or drug, kept only when unambiguous in what was read; provenance in that
script).

Matching is case-sensitive and on word boundaries, so "TEN" (toxic epidermal necrolysis) never
matches "ten" and "ALL" never "all"; a plural "s" is allowed for conditions and drug classes
("VSDs", "NSAIDs"; a plural named drug is something else: "ADRs"), and so is a hyphen
after ("MTX-induced"), not before ("anti-TNF").  A short form the
document defines itself keeps that definition, and a span already covered by an entity keeps
that entity: the table only fills gaps.
"""

import gzip
import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from litkg.extract.lexicon import common_words
from litkg.paths import data_dir

TABLE_FILE = "abbreviations.tsv.gz"


@lru_cache(maxsize=1)
def known_abbreviations() -> dict[str, tuple[str, str | None, str, str]]:
    """short form -> (label, concept id or None, preferred name, long form); empty without
    the file."""
    path = data_dir() / TABLE_FILE
    if not path.exists():
        return {}
    table = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            short, label, cid, name, long = line.rstrip("\n").split("\t")[:5]
            table[short] = (label, cid or None, name, long)
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern | None:
    shorts = sorted(known_abbreviations(), key=lambda s: (-len(s), s))  # longest first
    if not shorts:
        return None
    alternatives = "|".join(re.escape(s) for s in shorts)
    # a hyphen may follow ("MTX-induced") but not precede ("anti-TNF" is no TNF)
    return re.compile(r"(?<![A-Za-z0-9-])(" + alternatives + r")s?(?![A-Za-z0-9])")


def _in_capitals(doc: Doc, span: Span, table: dict) -> bool:
    """Is the span next to an everyday word in capitals ("ALL PATIENTS", "RESULTS FOR")?  There
    the capitals are a heading's, not an abbreviation's ("NSTE ACS" is two abbreviations)."""
    def shouted(tok) -> bool:
        return tok.is_alpha and len(tok) >= 3 and tok.is_upper and tok.text not in table \
            and tok.lower_ in common_words()
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and shouted(t) for t in (before, after))


def known_abbreviation_spans(doc: Doc, defined: dict) -> list[Span]:
    """Spans of ``doc`` that are known short forms not among ``defined`` (the short forms the
    document defines), labelled and grounded from the table; source "abbreviation"."""
    pattern = _pattern()
    if pattern is None:
        return []
    table = known_abbreviations()
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    out = []
    for m in pattern.finditer(doc.text):
        short = m.group(1)
        if short in defined:
            continue
        # "NSAIDs" is one token: the plural's span is the whole word
        span = doc.char_span(m.start(1), m.end(1)) or doc.char_span(m.start(), m.end())
        if span is None or covered.intersection(range(span.start, span.end)) or \
                _in_capitals(doc, span, table):
            continue  # not on token boundaries, already an entity, or a heading: leave it
        label, cid, name, long = table[short]
        if m.end() > m.end(1) and label == "DRUG" and not long.endswith("s"):
            continue  # "ADRs" are reactions, not doses of adriamycin: only classes take a plural
        new = Span(doc, span.start, span.end, label=label)
        new._.concept_id, new._.concept_label, new._.source = cid, name, "abbreviation"
        out.append(new)
    return out
