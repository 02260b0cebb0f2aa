"""Words before a condition name that belong to it: "necrotizing livedo", "adynamic bone disease".

Most words before a condition qualify the mention, not the condition ("severe", "previous",
"muscular incoordination" in CDR's reading), and disease corpora leave them out; the NER has
learnt those boundaries.  Two cases are read as part of the name:

- a participle that vocabularies use to start condition names ("necrotizing fasciitis",
  "ulcerating ...": >= 3 MONDO/HPO/MeSH names) before a one-word finding that only the
  vocabulary found ("livedo"): the participle says what kind of finding it is;
- a rarer adjective (not an everyday word) before "<X> disease" / "<X> disorder": such a
  phrase names an organ's disease broadly, the adjective names its type ("adynamic bone
  disease", "posttransplant lymphoproliferative disorder").  Eponyms ("Parkinson's disease")
  are complete names; qualifiers of time or certainty ("preexisting") are not types.

A third case finds a name: a one-word condition that a vocabulary lists but that is too
ambiguous to find spans alone (MeSH "cysts", "stenoses": ground-only rows) is a condition
when such a name-starting adjective stands before it ("dermal cysts", "coronary stenoses").

Words the annotated corpora mostly leave outside disease mentions never count
(``data/lexicon/modifiers.tsv``, built by ``scripts/build_lexicons.py`` from the vocabularies
and the training corpora).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from litkg.errors import ExtractionError
from litkg.extract.lexicon import FLAG_SHORT, Entry, Lexicon, common_words, norm_token
from litkg.paths import data_dir

#: Words before a condition that date or qualify the finding, not name it ("past atrial
#: fibrillation").
QUALIFIERS = frozenset({"past", "previous", "prior", "recent", "known", "suspected", "presumed",
                        "possible", "probable", "new", "history", "ongoing", "underlying",
                        "existing", "preexisting", "pre-existing"})
_CONDITION = ("CONDITION", "PHENOTYPE")
_PARTICIPLE = re.compile(r"[a-z]{4}(ing|ed)$")
_ADJECTIVE = re.compile(r"[a-z]{3}(ic|al|ar|ous|ive|ary|oid|ile|ant|ent)$")
_BROAD_HEADS = {"disease", "disorder"}
#: MeSH "disease attributes": the course of a condition, not a condition ("postoperative
#: recurrence" names no disease)
_COURSE_WORDS = frozenset({"recurrence", "recurrences", "remission", "remissions", "relapse",
                           "relapses", "progression", "exacerbation", "exacerbations",
                           "convalescence", "chronicity", "emergencies", "emergency"})
_MIN_VOCABULARY_NAMES = 3
_MIN_EVIDENCE = 3  # annotated mentions: fewer say little about a convention


@lru_cache(maxsize=1)
def modifier_statistics() -> dict[str, tuple[int, int, int]]:
    """word -> (vocabulary names it starts, annotated mentions it starts, annotated mentions
    it directly precedes)."""
    path = data_dir() / "lexicon" / "modifiers.tsv"
    if not path.exists():
        raise ExtractionError("modifier statistics not found", where=str(path),
                              hint="run scripts/build_lexicons.py or reinstall litkg")
    out = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            word, vocab, first, before = line.rstrip("\n").split("\t")
            out[word] = (int(vocab), int(first), int(before))
    return out


def _left_outside(word: str) -> bool:
    """Do the annotated corpora mostly leave this word outside disease mentions?"""
    _vocab, first, before = modifier_statistics().get(word, (0, 0, 0))
    return before >= _MIN_EVIDENCE and before > first


def _belongs(word: str, span: Span) -> bool:
    """Is ``word``, just before the condition ``span``, part of its name (module docstring)?"""
    if _left_outside(word) or word in QUALIFIERS or word in common_words():
        return False
    if len(span) == 1 and span._.source == "lexicon":
        vocab = modifier_statistics().get(word, (0, 0, 0))[0]
        return bool(_PARTICIPLE.search(word)) and vocab >= _MIN_VOCABULARY_NAMES
    if len(span) >= 2 and norm_token(span[-1].text) in _BROAD_HEADS:
        eponym = any(t.text.endswith(("'s", "\u2019s")) for t in span)
        return not eponym and bool(_ADJECTIVE.search(word))
    return False


def name_start(doc: Doc, span: Span, taken: set[int]) -> int:
    """First token of the condition name that ``span`` ends: ``span.start``, or the token
    before it when that word belongs to the name (see the module docstring)."""
    if span.label_ not in _CONDITION or span.start == 0 or span.start - 1 in taken:
        return span.start
    prev = doc[span.start - 1]
    if not prev.is_alpha or not prev.is_lower or not prev.whitespace_:
        return span.start
    return span.start - 1 if _belongs(norm_token(prev.text), span) else span.start


def _starts_names(word: str) -> bool:
    """A rarer adjective that >= 3 vocabulary condition names start with ("dermal")."""
    return bool(_ADJECTIVE.search(word)) and word not in common_words() and not _left_outside(word) \
        and modifier_statistics().get(word, (0, 0, 0))[0] >= _MIN_VOCABULARY_NAMES


def modified_vocabulary_names(doc: Doc, lexicon: Lexicon, taken: set[int],
                              not_heads: set[str]) -> list[tuple[int, int, Entry]]:
    """(start, end, entry) of "<name-starting adjective> <ground-only one-word MeSH
    condition>" phrases ("dermal cysts") on free tokens; ``not_heads`` are words that name
    body parts rather than findings ("ganglion")."""
    out = []
    for i in range(1, len(doc)):
        if i in taken or i - 1 in taken or not doc[i - 1].is_lower or not doc[i - 1].is_alpha:
            continue
        head = norm_token(doc[i].text)
        entry = lexicon.entries.get(head)
        if entry is None or entry.label not in _CONDITION or FLAG_SHORT not in entry.flags \
                or entry.source != "mesh" or head in not_heads or head in _COURSE_WORDS \
                or not entry.id:
            continue
        if _starts_names(norm_token(doc[i - 1].text)):
            # the whole phrase may be a (ground-only) name of its own: "ureteric colic" is renal
            # colic, not colic
            whole = lexicon.entries.get(norm_token(doc[i - 1].text) + " " + head)
            out.append((i - 1, i + 1, whole if whole is not None and whole.label in _CONDITION
                        else entry))
    return out
