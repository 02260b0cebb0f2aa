"""Condition names built from a known condition name by word formation.

Vocabularies list "thrombosis" and "ulcer" but not every word medicine builds from them:

- a size/degree/number prefix on a condition noun names a kind of that condition:
  micro- + thrombosis = "microthrombosis", poly- + neuropathy, hyper- + pigmentation;
- the -ation noun of a condition noun names its process or result: ulcer -> "ulceration",
  hernia -> "herniation".

Such a word is a condition mention.  Its id is the vocabulary id of the *whole* word when a
vocabulary lists it; otherwise it stays unknown (``None``): "microthrombosis" is not simply
"thrombosis", and an id is never guessed.
"""

from __future__ import annotations

from spacy.tokens import Doc

from litkg.extract.lexicon import FLAG_SHORT, Entry, Lexicon, common_words, norm_token

# Prefixes that make a kind of the condition they are put on (not negations or time: "non-",
# "anti-", "post-" make something else).
_PREFIXES = ("micro", "macro", "poly", "hyper", "hypo", "neo", "pseudo", "multi", "oligo", "pan",
             "mega", "hemi")
# Adjective endings: "pseudoallergic", "microvascular" qualify a noun, they name nothing.
_ADJECTIVE = ("ic", "al", "ar", "ous", "ive", "ary", "ed", "oid", "ing", "ant", "ent", "ile")
_CONDITION = ("CONDITION", "PHENOTYPE")
_MIN_BASE = 5  # letters: "micro" + "oma" would read too much into a fragment


def _condition_base(lexicon: Lexicon, base: str) -> Entry | None:
    """A known, findable condition name that is not an everyday word ("tension", "mania")."""
    if len(base) < _MIN_BASE or base in common_words():
        return None
    entry = lexicon.entries.get(norm_token(base))
    if entry is None or entry.label not in _CONDITION or FLAG_SHORT in entry.flags:
        return None
    return entry


def derived_condition(lexicon: Lexicon, word: str) -> tuple[str, Entry | None] | None:
    """(label, entry of the whole word or None) when ``word`` is formed from a known condition
    name by a prefix or the -ation suffix; None otherwise (also for known or everyday words,
    which other passes handle)."""
    low = word.lower()
    if not low.isalpha() or len(low) < 8 or low in common_words() or low.endswith(_ADJECTIVE):
        return None
    base = None
    for prefix in _PREFIXES:
        if low.startswith(prefix):
            base = _condition_base(lexicon, low[len(prefix):])
            if base is not None:
                break
    if base is None and low.endswith(("ation", "ations")):
        stem = low[:low.rindex("ation")]
        # ulcer + ation, hernia + tion
        base = _condition_base(lexicon, stem) or _condition_base(lexicon, stem + "a")
    if base is None:
        return None
    whole = lexicon.entries.get(norm_token(word))
    if whole is not None:
        return (whole.label, whole) if whole.label in _CONDITION else None
    return base.label, None


def derived_conditions(doc: Doc, lexicon: Lexicon, taken: set[int]) -> list[tuple[int, str, Entry | None]]:
    """(token index, label, entry or None) of the derived condition words among the tokens
    not ``taken`` (which is updated)."""
    out = []
    for i, token in enumerate(doc):
        derived = derived_condition(lexicon, token.text) if i not in taken else None
        if derived is not None:
            out.append((i, derived[0], derived[1]))
            taken.add(i)
    return out
