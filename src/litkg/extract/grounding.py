"""Looking names up in the lexicon: where its names occur in a Doc, and which entry a span's
words name.

The entity component (:mod:`litkg.extract.entities`) decides which spans are entities; this
module only answers lexicon questions about tokens, so the two can be read and tested apart:

- :func:`lexicon_matches`: longest-first, left-to-right matches of normalised names;
- :func:`ground_span`: the entry a span names exactly, else (unlisted salts, "amlodipine
  besylate") the parent drug's (:func:`ground_salt`);
- :func:`head_entry`: a disease phrase grounded to its known head ("acute heart failure" ->
  heart failure, a broader concept);
- :func:`ground_without_head_noun`: a disease written without its head noun ("dry eye" for
  "dry eye disease").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from litkg.extract.lexicon import FLAG_SHORT, SKIP_TOKENS, Entry, Lexicon, common_words, norm_token
from litkg.extract.ner_spans import ADJECTIVE_END, DISEASE_HEAD_NOUNS, IONS, SALT_WORDS

#: Lexicon sources whose rows are complete vocabularies rather than annotated usage (ground-only).
VOCABULARY_ONLY = ("mesh", "drugs")


def lexicon_matches(lexicon: Lexicon, doc: Doc) -> list[tuple[int, int, Entry]]:
    """Longest-first, left-to-right lexicon matches as (start token, end token, entry)."""
    texts = [t.text for t in doc]  # one pass: indexing a Doc per token is slow
    idx = [i for i, tx in enumerate(texts) if tx not in SKIP_TOKENS and not tx.isspace()]
    norms = [norm_token(texts[i]) for i in idx]
    entries, prefixes = lexicon.entries, lexicon.prefixes
    out = []
    i = 0
    while i < len(idx):
        found = None
        j, cur = i, norms[i]
        while True:
            entry = entries.get(cur)
            if entry is not None and "cs" not in entry.flags:
                found = (j - i + 1, entry)
            if cur not in prefixes or j + 1 >= len(idx) or idx[j + 1] - idx[j] > 3:
                break
            j += 1
            cur = cur + " " + norms[j]
        if found is None or found[0] == 1:
            # a case-sensitive name ("eGFR", "P") beats a one-token case-folded one
            entry = entries.get("=" + texts[idx[i]])
            if entry is not None:
                found = (1, entry)
        if found is None:
            i += 1
            continue
        n, entry = found
        if n == 1 and entry.source in VOCABULARY_ONLY and len(texts[idx[i]]) >= 8 and \
                texts[idx[i]].isalpha() and texts[idx[i]].lower() not in common_words():
            # "triacylglycerol": a MeSH synonym of a lab analyte names the analyte
            entry = lexicon.analyte_named_by(entry) or entry
        out.append((idx[i], idx[i + n - 1] + 1, entry))
        i += n
    return out


def head_entry(ent: Span, lex: list) -> Entry | None:
    """A disease phrase is grounded to its head when only the head is a known name:
    English noun phrases are head-final, so "acute heart failure" is a kind of "heart
    failure" (a broader concept, never a different one).  Coordinations ("ovarian and
    breast carcinoma") and chemical names (not head-final) are left alone."""
    if any(t.lower_ in ("and", "or", "of", "with", "without") for t in ent):
        return None
    for start, end, entry in lex:
        if end == ent.end and ent.start < start and entry.label in ("CONDITION", "PHENOTYPE") \
                and FLAG_SHORT not in entry.flags:
            return entry
    return None


def ground_without_head_noun(lexicon: Lexicon, ent: Span) -> Entry | None:
    """A disease written without its head noun: "dry eye" for "dry eye disease", "Crohn's"
    for "Crohn's disease" (the vocabulary has the full name only)."""
    last = ent.text.split()[-1]
    if not last.replace("'s", "").isalpha() or last.isupper() or ADJECTIVE_END.search(last):
        return None  # "MEN1" is a gene symbol, "prostatic" a modifier cut from its noun
    key = " ".join(norm_token(t.text) for t in ent if not t.is_space and t.text not in SKIP_TOKENS)
    for head in DISEASE_HEAD_NOUNS:
        entry = lexicon.entries.get(f"{key} {head}")
        if entry is not None and entry.label in ("CONDITION", "PHENOTYPE"):
            return entry
    return None


def ground_span(lexicon: Lexicon, span: Span) -> Entry | None:
    """The entry the span's words name: exactly, case-sensitively for one token, or as a salt
    of a known drug."""
    toks = [t.text for t in span if not t.is_space and t.text not in SKIP_TOKENS]
    norms = [norm_token(t) for t in toks]
    entry = lexicon.entries.get(" ".join(norms))
    if entry is None and len(toks) == 1:
        entry = lexicon.entries.get("=" + toks[0])
    if entry is None and len(norms) > 1:
        entry = ground_salt(lexicon, norms)
    return entry


def ground_salt(lexicon: Lexicon, norms: list[str]) -> Entry | None:
    """A salt or counter-ion names the same drug: "amlodipine besylate", "dosulepin
    hydrochloride", "sodium warfarin", "penicillin G potassium" -> the parent drug.  Only
    when the parent is a known DRUG and is not itself an inorganic ion ("potassium
    chloride" is not potassium)."""
    rest = None
    if norms[-1] in SALT_WORDS and norms[0] not in IONS:
        rest = norms[:-1]
        if len(rest) > 1 and rest[-1] in SALT_WORDS:  # "sodium phosphate dihydrate"
            rest = rest[:-1]
    elif norms[0] in IONS and norms[-1] not in SALT_WORDS:
        rest = norms[1:]
    if not rest or rest[0] in IONS:
        return None
    entry = lexicon.entries.get(" ".join(rest))
    if entry is not None and entry.label == "DRUG" and entry.id and FLAG_SHORT not in entry.flags:
        return entry
    return None


def procedure_head(ent: Span, lex: list) -> Entry | None:
    """The known procedure an unknown span ends on: "sciatic nerve block" is a kind of "nerve
    block" (head-final, as :func:`head_entry` reads diseases)."""
    for start, end, entry in lex:
        if end == ent.end and ent.start < start and entry.label == "PROCEDURE" \
                and FLAG_SHORT not in entry.flags:
            return entry
    return None
