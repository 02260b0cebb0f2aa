"""Drugs named by their class: "SGLT2 inhibitors", "GLP-1 receptor agonists", "beta-blockers",
"atypical antipsychotics", "antiemetics".

Reviews, cohorts and meta-analyses often report what a whole class did ("DPP-4 inhibitors
lowered HbA1c", "antipsychotics increased body weight").  Vocabularies list some classes
("proton pump inhibitors", "tricyclic antidepressants") but a class is named productively after
its target, so no list is complete.  The ``litkg_class_names`` component (after the components
that find targets and drugs) labels as a DRUG:

- a phrase ending in a class noun (inhibitor, antagonist, agonist, blocker, TKI) with one to
  four words before it that name what it acts on ("SGLT2 inhibitors", "mTOR inhibitor",
  "dopamine agonists", "beta-blockers").  A target or drug entity among those words becomes part
  of the class name: dopamine agonists are not dopamine, and what happens to patients on SGLT2
  inhibitors is not a change of SGLT2.  A target's name may carry its number and its bracketed
  abbreviation ("sodium-glucose cotransporter 2 (SGLT2) inhibitors", "dipeptidyl peptidase-4
  (DPP-4) inhibitors"); the class is grounded when the lexicon knows its name (without the
  bracket) or the abbreviation's ("SGLT2 inhibitor");
- a word for a class of drugs formed with "anti-" ("antiemetics", "antihistamines",
  "antivirals"), with a class qualifier before it ("atypical antipsychotics").

Left alone, because they are not a drug given to patients:
- a class name in apposition to a named drug ("the ALK inhibitor crizotinib", "sitagliptin, a
  DPP-4 inhibitor"): :mod:`litkg.extract.drug_classes` reads it as that drug's mechanism;
- a protein named like a class ("plasminogen activator inhibitor-1", "tissue inhibitor of
  metalloproteinases"): a number after the class noun or "of" after it;
- a class noun with only qualifiers before it ("a potent inhibitor").
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span

from litkg.extract.drug_classes import class_mechanisms, is_class_noun, qualifier_words
from litkg.extract.endpoints import STOP_WORDS, glued_hyphen, verb_like
from litkg.extract.extensions import register_extensions
from litkg.extract.lexicon import Entry, Lexicon, load_lexicon, norm_tokens

#: at most this many words name the target before the class noun ("GLP-1 receptor")
MAX_TARGET_WORDS = 4
#: "antiemetics", "antihistamines", "antivirals", "anticonvulsants", "antihypertensives"; not
#: "antibodies", "antigens", "anticipated"
_ANTI_CLASS = re.compile(r"^anti-?[a-z]{3,}(?:ics|ants|ines|ives|als|ators)$")
#: qualifiers that are part of a class's name ("atypical antipsychotics", "tricyclic ...")
_CLASS_QUALIFIERS = frozenset({"atypical", "typical", "tricyclic", "tetracyclic", "conventional",
                               "first-generation", "second-generation", "third-generation"})
#: entities a class name may take in: what it acts on (or is named after)
_ABSORBED = ("TARGET", "ANALYTE", "DRUG", "CHEMICAL")
_DRUG_LABELS = ("DRUG", "CHEMICAL")


def _word_start(doc: Doc, i: int) -> int:
    """The first token of the hyphenated word ending at token ``i`` ("first-generation")."""
    while i >= 2 and glued_hyphen(doc, i - 1):
        i -= 2
    return i


def _bracket_start(doc: Doc, last: int) -> int | None:
    """The "(" of a bracketed abbreviation ending at token ``last`` (")"): one written word
    with a capital or a digit ("(SGLT2)", "(DPP-4)"), right after a word of the name."""
    for k in range(last - 1, max(last - 6, 0), -1):
        if doc[k].text == "(":
            inner = doc[k + 1:last]
            written = len(inner) > 0 and not any(t.whitespace_ for t in inner[:-1]) and \
                any(c.isupper() or c.isdigit() for c in inner.text)
            return k if written and not doc[k].is_sent_start and not doc[k - 1].is_punct else None
        if doc[k].is_punct and doc[k].text not in ("-", "–"):
            return None
    return None


def _name_number(doc: Doc, i: int) -> bool:
    """A number that is part of a target's name ("cotransporter 2", "peptide 1"): digits
    right after a word of the name, not a count of inhibitors ("the 2 inhibitors")."""
    return doc[i].is_digit and len(doc[i].text) <= 2 and i > 0 and doc[i - 1].is_alpha \
        and doc[i - 1].lower_ not in STOP_WORDS and not verb_like(doc[i - 1].lower_)


def _target_words_start(doc: Doc, head: int, by_token: dict[int, Span]) -> int:
    """Where the words naming a class noun's target begin (``head`` when there are none)."""
    start = head
    words = 0
    bracketed = False
    while start > 0 and not doc[start].is_sent_start and words < MAX_TARGET_WORDS:
        last = start - 1
        if glued_hyphen(doc, last):  # "beta-blockers": the hyphen joins the class noun
            last -= 1
        if doc[last].text == ")" and not bracketed and words < MAX_TARGET_WORDS - 1:
            # "cotransporter 2 (SGLT2) inhibitors": the abbreviation restates the name before it
            opening = _bracket_start(doc, last)
            if opening is None:
                break
            start, bracketed = opening, True
            continue
        held = by_token.get(last)
        if held is not None:
            if held.label_ not in _ABSORBED:
                break
            start, words = held.start, words + 1
            continue
        first = _word_start(doc, last)
        word = doc[first:last + 1]
        # ("angiotensin-converting": a hyphenated modifier, not a verb form)
        if word[0].is_punct or word.text.lower() in STOP_WORDS or (len(word) == 1 and (
                verb_like(word.text.lower()) or (word[0].like_num and not _name_number(doc, first)))):
            break
        inside = {by_token[i] for i in range(first, last + 1) if i in by_token}
        if any(e.label_ not in _ABSORBED for e in inside):
            break
        start, words = min([first] + [e.start for e in inside]), words + 1
    return start


def _names_a_target(doc: Doc, start: int, head: int, qualifiers: frozenset[str]) -> bool:
    words = [t.lower_ for t in doc[start:head] if not t.is_punct]
    return any(w not in qualifiers for w in words)


def _protein_name(doc: Doc, head: int) -> bool:
    """"plasminogen activator inhibitor-1", "inhibitor 2", "inhibitor of ...": a protein, or
    an enzyme's inhibitor named after the enzyme's action, not a drug class."""
    nxt = doc[head + 1] if head + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.lower_ == "of" or (nxt.like_num and not nxt.is_punct) or is_class_noun(nxt.text.split("-")[0]):
        return True  # (and "activator" of "plasminogen activator inhibitor": a word of a name)
    return glued_hyphen(doc, head + 1) and head + 2 < len(doc) and doc[head + 2].like_num


def _class_entry(lexicon: Lexicon, span: Span) -> Entry | None:
    """The lexicon's DRUG entry for a class name: its words without the bracket, else the
    bracketed abbreviation with the class noun ("SGLT2 inhibitors")."""
    words = [t.text for t in span]
    candidates = [words]
    if ")" in words and "(" in words:
        opening, closing = words.index("("), words.index(")")
        candidates = [words[:opening] + words[closing + 1:], words[opening + 1:closing] + words[closing + 1:]]
    for tokens in candidates:
        entry = lexicon.entries.get(" ".join(norm_tokens(tokens)))
        if entry is not None and entry.label == "DRUG" and entry.id:
            return entry
    return None


def _known_name_start(doc: Doc, start: int, head: int, by_token: dict[int, Span],
                      lexicon: Lexicon) -> int:
    """Where a class name the lexicon knows begins, when the word walk stopped inside it at a
    participle ("angiotensin converting enzyme inhibitors"): up to two words further left."""
    best = start
    for k in range(start - 1, max(start - 3, -1), -1):
        if doc[k + 1].is_sent_start or doc[k].is_punct or \
                (k in by_token and by_token[k].label_ not in _ABSORBED):
            break
        entry = lexicon.entries.get(" ".join(norm_tokens(t.text for t in doc[k:head + 1])))
        if entry is not None and entry.label == "DRUG" and entry.id:
            best = k
    return best


def class_name_spans(doc: Doc, lexicon: Lexicon | None = None) -> list[Span]:
    """DRUG spans for the class names in ``doc`` that no entity holds (see module docstring);
    each replaces the entities inside it."""
    lexicon = lexicon or load_lexicon()
    by_token = {i: e for e in doc.ents for i in range(e.start, e.end)}
    apposed = {start for sent in doc.sents for _, _, _, start in class_mechanisms(sent, list(
        e for e in doc.ents if e.start >= sent.start and e.end <= sent.end))}
    qualifiers = qualifier_words()
    out: list[Span] = []
    for tok in doc:
        if tok.i in by_token:
            continue
        if is_class_noun(tok.text) and not _protein_name(doc, tok.i):
            start = _target_words_start(doc, tok.i, by_token)
            start = _known_name_start(doc, start, tok.i, by_token, lexicon)
            if start == tok.i or not _names_a_target(doc, start, tok.i, qualifiers):
                continue
            if any(start <= a <= tok.i for a in apposed):
                continue  # "the ALK inhibitor crizotinib": the drug's mechanism, not a drug
            out.append(Span(doc, start, tok.i + 1, label="DRUG"))
        elif _ANTI_CLASS.match(tok.lower_):
            start = tok.i
            if start > 0 and not tok.is_sent_start and (start - 1) not in by_token:
                before = _word_start(doc, start - 1)
                if doc[before:start].text.lower() in _CLASS_QUALIFIERS:
                    start = before
            out.append(Span(doc, start, tok.i + 1, label="DRUG"))
    return out


def add_class_names(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    lexicon = lexicon or load_lexicon()
    added = class_name_spans(doc, lexicon)
    if not added:
        return doc
    for span in added:
        span._.source = "class_name"
        entry = _class_entry(lexicon, span)
        if entry is not None:
            concept = entry.concept(span.text, label="DRUG")
            span._.concept_id, span._.concept_label = concept.id, concept.label
    kept = [e for e in doc.ents if not any(a.start < e.end and e.start < a.end for a in added)]
    doc.ents = sorted(kept + added, key=lambda s: s.start)
    return doc


@Language.factory("litkg_class_names", requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.ents"])
def make_class_names(nlp: Language, name: str):
    register_extensions()
    return partial(add_class_names, lexicon=load_lexicon())
