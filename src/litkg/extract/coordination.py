"""Names shortened by coordination: the words two names share are written once.

Biomedical prose leaves out what coordinated names have in common:

- a shared head: "breast or ovarian cancer", "pulmonary and renal insufficiency",
  "hemo- and peritoneal dialysis";
- a shared first word: "hepatitis B and C", "vitamins D and K";
- both: "protein C and S deficiency", "type 1 and 2 diabetes";
- a head named once and then narrowed: "dialysis, especially peritoneal".

A coordination is read as such only when *every* expanded name is a vocabulary name of the
same kind ("protein C deficiency" and "protein S deficiency" both known conditions), so ordinary
lists ("diabetes and heart failure") are never merged.  The result depends on the kind:

- conditions: one mention over the whole phrase, as disease corpora annotate it (CDR's
  "composite mentions"), grounded to every expanded name;
- drugs, analytes, procedures: the conjunct that lost its shared words becomes a mention of
  its own ("hemo-" -> hemodialysis), so each stays a separate entity for claims.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from litkg.extract.lexicon import SKIP_TOKENS, Entry, Lexicon, norm_token

_COORDINATORS = {"and", "or", "and/or", "&", "nor"}
# Words that narrow a head just named to one of its kinds: "dialysis, especially peritoneal".
_NARROWING = {"especially", "particularly", "notably", "mainly", "mostly", "primarily",
              "predominantly", "chiefly", "specifically", "principally", "usually"}
# Entity labels whose names corpora annotate as one composite mention.
_DISEASE = ("CONDITION", "PHENOTYPE")
_MAX_SHARED = 3  # at most this many shared words on either side


@dataclass(frozen=True)
class Coordinated:
    """A mention to add: tokens ``start:end`` and the concept(s) it names, in text order."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    composite: bool  # one mention over the whole coordination (it replaces the parts inside)


def _family(label: str) -> str:
    return "disease" if label in _DISEASE else "chemical" if label in ("DRUG", "ANALYTE") else label


def _is_word(token: Token) -> bool:
    text = token.text.rstrip("-")
    return bool(text) and text.replace("-", "").isalnum() and not token.is_space


def _key(parts: list[str]) -> str:
    return " ".join(norm_token(p) for p in parts if p and not p.isspace() and p not in SKIP_TOKENS)


def _name(prefix: list[Token], word: Token, suffix: list[Token]) -> str:
    """Key of the expanded name prefix + word + suffix; a hyphen-final word joins the next
    word ("hemo-" + "dialysis" -> "hemodialysis")."""
    parts = [t.text for t in prefix]
    if word.text.endswith("-") and len(word.text) > 2 and suffix:
        return _key(parts + [word.text[:-1] + suffix[0].text] + [t.text for t in suffix[1:]])
    return _key(parts + [word.text] + [t.text for t in suffix])


def _known(lexicon: Lexicon, key: str) -> Entry | None:
    entry = lexicon.entries.get(key)
    return entry if entry is not None and entry.id else None


def _same_kind(entries: list[Entry]) -> bool:
    return len({_family(e.label) for e in entries}) == 1


def _expand(doc: Doc, i: int, left: int, lexicon: Lexicon):
    """The coordination around the coordinator ``doc[i]`` whose left conjunct is ``doc[left]``:
    (first token, end token, shared words before, shared words after, entries), trying the
    longest shared parts first; or None."""
    if i + 1 >= len(doc) or not _is_word(doc[left]) or not _is_word(doc[i + 1]):
        return None
    x1, x2 = doc[left], doc[i + 1]
    # the shared words on each side, as far as they are words (computed once, sliced below)
    after = []
    for t in doc[i + 2:min(len(doc), i + 2 + _MAX_SHARED)]:
        if not _is_word(t):
            break
        after.append(t)
    before = []
    for t in reversed(doc[max(0, left - _MAX_SHARED):left]):
        if not _is_word(t):
            break
        before.insert(0, t)
    for n_suffix in range(len(after), -1, -1):
        suffix = after[:n_suffix]
        for n_prefix in range(len(before), -1, -1):
            if n_prefix + n_suffix == 0:
                continue
            prefix = before[len(before) - n_prefix:]
            e1 = _known(lexicon, _name(prefix, x1, suffix))
            if e1 is None:
                continue  # most tries end here: one key probe, not two
            e2 = _known(lexicon, _name(prefix, x2, suffix))
            if e2 is None or not _same_kind([e1, e2]) or e1.id == e2.id:
                continue
            whole = _known(lexicon, _key([t.text for t in doc[left - n_prefix:i + 2 + n_suffix]]))
            if whole is not None and _same_kind([whole, e1]):
                # "cleft lip and palate", "breast and ovarian cancer" (a syndrome): the phrase is
                # a name of its own
                e1, e2 = whole, None
            # "cardiac disease or arrhythmia", "anxiety or affective disorders": a conjunct
            # that is a name of the same kind by itself reads as a plain list as well
            elif (n_suffix and _names_alone(lexicon, x1, e1)) or (n_prefix and _names_alone(lexicon, x2, e2)):
                return None
            return left - n_prefix, i + 2 + n_suffix, n_prefix, n_suffix, [e for e in (e1, e2) if e]
    return None


def _names_alone(lexicon: Lexicon, word: Token, expanded: Entry) -> bool:
    alone = lexicon.entries.get(_key([word.text]))
    return alone is not None and _same_kind([alone, expanded])


def _more_conjuncts(doc: Doc, first: int, n_suffix: int, end: int, lexicon: Lexicon,
                    entries: list[Entry]) -> int:
    """Extend a shared-head coordination leftwards over a list: "haematological, renal and
    hepatic toxicity".  Returns the new first token (entries are prepended in place)."""
    suffix = list(doc[end - n_suffix:end])
    j = first
    while j >= 2 and doc[j - 1].text == "," and _is_word(doc[j - 2]):
        entry = _known(lexicon, _name([], doc[j - 2], suffix))
        if entry is None or not _same_kind([entry, entries[0]]) or _names_alone(lexicon, doc[j - 2], entry):
            break
        entries.insert(0, entry)
        j -= 2
    return j


def find_coordinations(doc: Doc, lexicon: Lexicon) -> list[Coordinated]:
    """Coordinations whose expanded names are all known, and narrowed heads ("dialysis,
    especially peritoneal"), as mentions to add (see the module docstring)."""
    out: list[Coordinated] = []
    for i, token in enumerate(doc):
        low = token.lower_
        if low in _COORDINATORS and i > 0:
            left = i - 2 if doc[i - 1].text == "," and i > 1 else i - 1
            found = _expand(doc, i, left, lexicon)
            if found is None:
                continue
            start, end, n_prefix, n_suffix, entries = found
            if n_prefix == 0 and len(entries) > 1:
                start = _more_conjuncts(doc, start, n_suffix, end, lexicon, entries)
            if _family(entries[0].label) == "disease":
                out.append(Coordinated(start, end, tuple(entries), True))
            elif len(entries) == 1:
                continue  # a drug or procedure name that holds "and": the lexicon finds it
            elif n_suffix:  # "hemo- and peritoneal dialysis": "hemo-" lost its head
                out.append(Coordinated(left, left + 1, (entries[-2],), False))
            else:  # "vitamins D and K": "K" lost its first word
                out.append(Coordinated(i + 1, i + 2, (entries[-1],), False))
        elif low in _NARROWING and 1 < i < len(doc) - 1 and doc[i - 1].text == ",":
            narrowed = _narrowed_head(doc, i, lexicon)
            if narrowed is not None:
                out.append(narrowed)
    return out


def _narrowed_head(doc: Doc, i: int, lexicon: Lexicon) -> Coordinated | None:
    """"Risk factors include dialysis, especially peritoneal, ...": the word after the
    narrowing adverb names a kind of the head before the comma ("peritoneal dialysis") when
    the two make a known name; it ends at punctuation or the end of the text."""
    head, word = doc[i - 2], doc[i + 1]
    if not _is_word(head) or not word.is_alpha:
        return None
    if i + 2 < len(doc) and not doc[i + 2].is_punct:
        return None
    entry = _known(lexicon, _key([word.text, head.text]))
    if entry is None:
        return None
    return Coordinated(i + 1, i + 2, (entry,), False)
