"""Conditions named as a drug's effect: "fentanyl-induced cough", "levetiracetam induced
psoriasiform drug eruption", "statin-associated myopathy".

Everyday symptom words ("cough", "fever", "rash") only ground in the lexicon, because alone they
are as often ordinary English as findings; the NER usually finds them, but not always.  After
"<drug>-induced", "<drug>-associated" or "<drug>-related" the next vocabulary condition name is
a finding whatever its everyday use, so :func:`induced_conditions` adds it (with up to two
modifier words before it, "psoriasiform drug eruption"; the concept is the name's own, a
broader one than the whole phrase, as for other modified names).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract.lexicon import Entry, Lexicon, key_of
from litkg.extract.span_filters import ends_no_name

#: words that join a cause to the condition it names ("X-induced Y")
CAUSE_WORDS = frozenset({"induced", "associated", "related", "mediated", "triggered", "caused"})
_CONDITIONS = ("CONDITION", "PHENOTYPE")
_MODIFIER = re.compile(r"^[a-z][a-z-]{3,}$")
MAX_MODIFIERS = 2
MAX_NAME = 3


def induced_conditions(doc: Doc, lexicon: Lexicon, drugs: list[Span],
                       taken: set[int]) -> list[tuple[int, int, Entry]]:
    """(start, end, entry) of the condition named right after "<drug>-induced" for each drug
    span, on tokens not ``taken`` (which is updated)."""
    out = []
    for d in drugs:
        j = d.end
        if j < len(doc) and doc[j].text in ("-", "–"):
            j += 1
        if j >= len(doc) or doc[j].lower_ not in CAUSE_WORDS:
            continue
        j += 1
        found = _name_after(doc, lexicon, j, taken)
        if found is not None:
            start, end, entry = found
            out.append((start, end, entry))
            taken.update(range(start, end))
    return out


def _name_after(doc: Doc, lexicon: Lexicon, j: int, taken: set[int]):
    for mods in range(MAX_MODIFIERS + 1):
        if mods and not _MODIFIER.match(doc[j + mods - 1].text if j + mods - 1 < len(doc) else ""):
            return None
        for n in range(MAX_NAME, 0, -1):
            s, e = j + mods, j + mods + n
            if e > len(doc) or any(k in taken for k in range(j, e)) or \
                    any(t.is_punct or t.is_space for t in doc[s:e]) or \
                    ends_no_name(doc[e - 1].text):
                continue  # the lexicon key skips "is": "premature lysis is" would match
            entry = lexicon.get(key_of(doc[s:e].text))
            if entry is not None and entry.label in _CONDITIONS and entry.id:
                return j, e, entry
    return None


def named_as_cause(doc: Doc, drug: Span) -> bool:
    """Is ``drug`` written as the cause that names a condition ("cisplatin-induced nausea",
    "HDM-associated rhinitis")?  There it modifies the condition's name; a change the sentence
    reports afterwards is not its doing."""
    j = drug.end
    if j < len(doc) and doc[j].text in ("-", "–") and not doc[j - 1].whitespace_:
        j += 1
    return j < len(doc) and doc[j].lower_ in CAUSE_WORDS and j > drug.end
