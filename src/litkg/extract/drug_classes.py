"""Mechanisms stated by a drug's class name: "the ALK tyrosine-kinase inhibitor crizotinib",
"entinostat, an isoform-selective HDACi", "sitagliptin, a DPP-4 inhibitor".

A class name says what the drug does to its target: an inhibitor, antagonist or blocker lowers
the target's activity, an agonist or activator raises it.  When such a name stands in
apposition to a drug (right before it, at most a parenthesis or a comma between; or after it as
", a/an/the <class>" or "is a <class>"), the sentence states a mechanism claim (drug -> target) even without a
verb.  The target is the TARGET/ANALYTE entity inside the class name when there is one ("ALK"),
else the class name's own words without the class noun and qualifiers ("histone deacetylase"
from "HDACi", whose definition is "histone deacetylase inhibitors").

This is the one reader of class names: "the Y agonist, X" and "X, a Y inhibitor" with a target
entity Y are its simplest cases.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from litkg.extract.claims_interventions import DRUG_LABELS, LIST_JOINS
from litkg.models import Concept

_CLASS_NOUNS = {"inhibitor": "decreased", "inhibitors": "decreased", "antagonist": "decreased",
                "antagonists": "decreased", "blocker": "decreased", "blockers": "decreased",
                "agonist": "increased", "agonists": "increased", "activator": "increased",
                "activators": "increased", "opener": "increased", "openers": "increased",
                # "a potent inducer of CYP3A4": it raises the enzyme's expression
                "inducer": "increased", "inducers": "increased",
                # "EGFR-TKIs": the tyrosine kinase inhibitor, written short everywhere
                "tki": "decreased", "tkis": "decreased"}
# an abbreviated class: "HDACi", "TKIs", "SGLT2i" (its definition names the class)
_ABBREVIATED = re.compile(r"^[A-Z][A-Za-z0-9-]*[A-Z0-9]is?$")
#: words in a class name that qualify the drug, not the target
_QUALIFIERS = frozenset({"selective", "isoform", "isoform-selective", "potent", "novel", "oral",
                         "first-generation", "second-generation", "third-generation",
                         "irreversible", "reversible", "specific", "dual", "new", "partial",
                         "full", "competitive", "noncompetitive", "non-competitive", "highly",
                         "small-molecule", "small", "molecule", "the", "a", "an", "pan",
                         "potential", "investigational", "long-acting", "short-acting",
                         "weak", "strong", "mild", "moderate", "nonselective", "non-selective"})
#: words that end a class name on its left
_BEFORE_CLASS = frozenset({"a", "an", "the", "and", "or", "and/or", "of", "with", "in", "for", "to", "by",
                           "as", "is", "was", "are", "were", "this", "these", "its"})
_TARGET_LABELS = ("TARGET", "ANALYTE")
MAX_CLASS_WORDS = 5


def qualifier_words() -> frozenset[str]:
    """Words in a class name that qualify the drug, not its target ("selective", "potent")."""
    return _QUALIFIERS


def is_class_noun(word: str) -> bool:
    """"inhibitor", "antagonists", "blocker": a word that names a kind of drug."""
    return word.lower() in _CLASS_NOUNS


def _class_direction(text: str) -> str | None:
    last = text.lower().split()[-1] if text.split() else ""
    return _CLASS_NOUNS.get(last)


def _class_phrases(sent: Span, ents: list[Span]) -> list[tuple[int, int, str, object]]:
    """(start, end, direction, target) for each class name in the sentence; the target is a
    Span (an entity inside the name) or a :class:`Concept`."""
    doc = sent.doc
    out = []
    for tok in sent:
        direction = _CLASS_NOUNS.get(tok.lower_)
        if direction is None:
            continue
        # a class the recogniser named ("angiotensin receptor blockers") is that name
        named = next((e for e in ents if e.start <= tok.i < e.end and e.label_ in DRUG_LABELS), None)
        start = tok.i if named is None else named.start
        while named is None and start - 1 >= sent.start and tok.i - (start - 1) <= MAX_CLASS_WORDS:
            prev = doc[start - 1]
            glued = prev.text in ("-", "–") and not prev.whitespace_ and \
                start - 2 >= sent.start and not doc[start - 2].whitespace_
            if prev.lower_ in _BEFORE_CLASS or (prev.is_punct and not glued) or \
                    any(e.start <= prev.i < e.end and e.label_ in DRUG_LABELS and e.end <= tok.i
                        for e in ents):
                break
            start -= 1
        inner = [e for e in ents if e.label_ in _TARGET_LABELS and start <= e.start and e.end <= tok.i]
        if inner:
            out.append((start, tok.i + 1, direction, inner[-1]))
            continue
        if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "of":
            # "a reversible inhibitor of monoamine oxidase": the target follows
            after = next((e for e in ents if e.start == tok.i + 2 and e.label_ in _TARGET_LABELS),
                         None)
            if after is not None:
                out.append((start, tok.i + 1, direction, after))
                continue
            end = tok.i + 2
            while end < sent.end and end - tok.i - 2 < 4 and doc[end].is_alpha and \
                    doc[end].lower_ not in _BEFORE_CLASS | {"that", "which", "with"}:
                end += 1
            name = _target_name(doc[tok.i + 2:end]) if end > tok.i + 2 else None
            if name:
                out.append((start, tok.i + 1, direction, Concept(label=name)))
                continue
        name = _target_name(doc[start:tok.i])
        if name:
            out.append((start, tok.i + 1, direction, Concept(label=name)))
    # an abbreviated class: "HDACi" where the text defines "histone deacetylase inhibitors
    # (HDACis)" (singular and plural short forms name the same class)
    defined = doc._.abbreviations or {}
    for tok in sent:
        if not _ABBREVIATED.match(tok.text):
            continue
        entry = defined.get(tok.text) or defined.get(tok.text + "s") or defined.get(tok.text[:-1])
        long_form = entry[0] if entry else ""
        direction = _class_direction(long_form)
        if direction:
            name = " ".join(w for w in long_form.split()[:-1] if w.lower() not in _QUALIFIERS)
            if name:
                out.append((tok.i, tok.i + 1, direction, Concept(label=name)))
    return out


def _target_name(words: Span) -> str | None:
    """The target named by the words before a class noun, or ``None`` when they name none
    ("beta" of "beta-blocker" is a receptor family's letter, not its name)."""
    merged: list[str] = []  # hyphenated words as one: "long-acting", "PPAR-gamma"
    for t in words:
        if merged and (t.text in ("-", "–") or merged[-1].endswith(("-", "–"))) and \
                not t.doc[t.i - 1].whitespace_:
            merged[-1] += t.text
        else:
            merged.append(t.text)
    name = " ".join(w for w in merged if w.lower() not in _QUALIFIERS).strip(" -–")
    if len(name) < 3 or not any(c.isalpha() for c in name):
        return None
    if " " not in name and "-" not in name and name.islower() and len(name) <= 5:
        return None
    return name


def class_mechanisms(sent: Span, ents: list[Span]) -> list[tuple[Span, object, str, int]]:
    """(drug, target, direction, token) for class names in apposition to a drug."""
    doc = sent.doc
    drugs = [e for e in ents if e.label_ in DRUG_LABELS]
    out = []
    for start, end, direction, target in _class_phrases(sent, ents):
        chosen = None
        # "the <class> (TKI) crizotinib", "the isoform selective HDACi, entinostat"
        j = end
        if j < sent.end and doc[j].text == "(":
            close = next((t.i for t in doc[j:min(sent.end, j + 8)] if t.text == ")"), None)
            j = close + 1 if close is not None else j
        if j < sent.end and doc[j].text == ",":
            j += 1
        # (not another class: "mTOR inhibitors, calcineurin inhibitors" is a list)
        # ("... and/or angiotensin receptor blockers, clopidogrel": a list item, no apposition)
        in_list = start > sent.start and doc[start - 1].lower_ in LIST_JOINS
        chosen = None if in_list and j > end else next(
            (d for d in drugs if d.start == j and not _overlaps(d, start, end)
             and not is_class_noun(d[-1].text)), None)
        if chosen is None:
            # "entinostat, an HDAC inhibitor": the drug, a comma and an article before the class
            art = start - 1
            while art >= sent.start and (_qualifier_ending_at(doc, art) or (
                    doc[art].text == "," and art - 1 >= sent.start
                    and _qualifier_ending_at(doc, art - 1))):
                # "a third-generation, irreversible EGFR inhibitor"
                art -= 1 if doc[art].text == "," else _qualifier_ending_at(doc, art)
            if art - 1 >= sent.start and doc[art].lower_ in ("a", "an", "the") and \
                    doc[art - 1].text == ",":
                chosen = next((d for d in drugs if d.end == art - 1), None)
            # "semaglutide is a GLP-1 receptor agonist": the copula says the same
            elif art - 1 >= sent.start and doc[art].lower_ in ("a", "an") and \
                    doc[art - 1].lower_ in ("is", "was", "as"):
                chosen = next((d for d in drugs if d.end == art - 1), None)
        if chosen is not None and not (isinstance(target, Span) and target is chosen):
            out.append((chosen, target, direction, start))
    return out


def _qualifier_ending_at(doc, i: int) -> int:
    """How many tokens the qualifier ending at token ``i`` takes ("irreversible": 1,
    "third-generation": 3), 0 when there is none."""
    if doc[i].lower_ in _QUALIFIERS - {"a", "an", "the"}:
        return 1
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and \
            not doc[i - 2].whitespace_ and doc[i - 2:i + 1].text.lower() in _QUALIFIERS:
        return 3
    return 0


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def inside_class_name(sent: Span, ents: list[Span], span: Span) -> bool:
    """Is ``span`` the target named inside a drug class name ("EGFR" of "EGFR tyrosine kinase
    inhibitors", "SGLT2" of "SGLT2 inhibitor")?  Such a target is a word of the drug's name:
    what happens to the class's patients is not a change of the target, and a clause about the
    class ("an EGFR inhibitor that inhibits ...") is not the target acting."""
    return any(isinstance(target, Span) and target.start == span.start and target.end == span.end
               for _, _, _, target in _class_phrases(sent, ents))

