"""ADE corpus v2: (drug, adverse effect) pairs per sentence.

A predicted pair is a non-negated ``adverse_effect`` claim on a sentence; it matches a gold
pair when drug and effect overlap the gold strings (case-insensitive, one contained in the
other).  Every adverse-effect claim on an ``ADE-NEG.txt`` sentence is a false positive.

Entity modes:
- ``entities="lexicon"`` (default): drug and effect strings are collected from the *train*
  part of the corpus (PMIDs whose number is not divisible by 5) and matched in the *test* part
  (PMIDs divisible by 5), positive and negative sentences alike.  This gives the claim stage
  realistic entities, including on sentences without any adverse effect, without peeking at
  the test annotations.
- ``entities="pipeline"``: litkg's own entity recogniser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litkg.errors import EvaluationError
from litkg.evaluate.claims import annotated_doc
from litkg.evaluate.scores import Prf
from litkg.models import Document


@dataclass
class AdeReport:
    sentences: int
    negative_sentences: int
    entities: str
    pairs: Prf
    negative_sentences_with_claim: int = 0
    examples: list = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "negative_sentences": self.negative_sentences,
                "entities": self.entities, "pairs": self.pairs.as_dict(),
                "negative_sentences_with_claim": self.negative_sentences_with_claim,
                "examples": self.examples}

    def as_table(self) -> str:
        p = self.pairs
        return (f"ADE ({self.sentences} sentences, {self.negative_sentences} negative, "
                f"{self.entities} entities)\n"
                f"pairs  tp={p.tp} fp={p.fp} fn={p.fn}  P={p.precision:.3f} R={p.recall:.3f} "
                f"F1={p.f1:.3f}; negative sentences with an AE claim: "
                f"{self.negative_sentences_with_claim}")


def _is_test(pmid: str) -> bool:
    return pmid.isdigit() and int(pmid) % 5 == 0


def read_ade(folder: Path) -> tuple[dict[tuple[str, str], set], list[tuple[str, str]]]:
    """(pmid, sentence) -> {(drug, effect)} from DRUG-AE.rel; [(pmid, sentence)] from ADE-NEG."""
    rel, neg = folder / "DRUG-AE.rel", folder / "ADE-NEG.txt"
    for f in (rel, neg):
        if not f.exists():
            raise EvaluationError("ADE file not found", where=str(f),
                                  hint="give the ade/ folder with DRUG-AE.rel and ADE-NEG.txt")
    positives: dict[tuple[str, str], set] = {}
    for line in rel.read_text(encoding="utf-8").splitlines():
        parts = line.split("|")
        if len(parts) >= 8:
            positives.setdefault((parts[0], parts[1]), set()).add((parts[5], parts[2]))
    negatives = []
    for line in neg.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d+)\s+NEG\s+(.*)$", line)
        if m:
            negatives.append((m.group(1), m.group(2)))
    return positives, negatives


class _TermMatcher:
    """Case-insensitive phrase matching of many terms (spaCy PhraseMatcher on LOWER)."""

    def __init__(self, terms: dict[str, set[str]]):
        from spacy.matcher import PhraseMatcher

        from litkg.evaluate.claims import context_nlp

        self.nlp = context_nlp()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for label, words in terms.items():
            self.matcher.add(label, [self.nlp.make_doc(w) for w in sorted(words)])

    def spans(self, text: str) -> list[tuple]:
        doc = self.nlp.make_doc(text)
        return [(doc[s:e].start_char, doc[s:e].end_char, self.nlp.vocab.strings[mid], None)
                for mid, s, e in self.matcher(doc)]


def _same(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a))


def evaluate_ade(folder: Path | str, *, entities: str = "lexicon",
                 limit: int | None = None) -> AdeReport:
    """Pair P/R/F1 of adverse-effect claims on the ADE corpus (test part, see module doc)."""
    folder = Path(folder)
    if entities not in ("lexicon", "pipeline"):
        raise EvaluationError(f"unknown entity mode {entities!r}", hint="use 'lexicon' or 'pipeline'")
    positives, negatives = read_ade(folder)
    drugs, effects = set(), set()
    for (pmid, _), pairs in positives.items():
        if not _is_test(pmid):
            for d, e in pairs:
                drugs.add(d.lower())
                effects.add(e.lower())
    # annotated_doc keeps the longest of overlapping matches ("acute renal failure")
    matcher = _TermMatcher({"DRUG": {d for d in drugs if len(d) >= 3},
                            "CONDITION": {e for e in effects if len(e) >= 3}})
    items = [(k, v) for k, v in positives.items() if _is_test(k[0])] + \
            [(k, set()) for k in negatives if _is_test(k[0])]
    # interleave positives and negatives so that --limit keeps the mix
    pos = [i for i in items if i[1]]
    neg = [i for i in items if not i[1]]
    ratio = max(1, len(neg) // max(1, len(pos)))
    mixed = []
    for n, p in enumerate(pos):
        mixed.append(p)
        mixed += neg[n * ratio:(n + 1) * ratio]
    items = mixed[:limit] if limit else mixed
    if entities == "pipeline":
        from litkg.extract.pipeline import extract_document, shared_nlp
        nlp = shared_nlp()
    from litkg.extract.claims import extract_claims

    score, neg_hit, examples = Prf(), 0, []
    for (pmid, sentence), truth in items:
        document = Document(id=pmid, text=sentence)
        if entities == "lexicon":
            doc = annotated_doc(sentence, matcher.spans(sentence))
            claims = extract_claims(doc, document)
        else:
            claims = list(extract_document(document, nlp).claims)
        predicted = {((c.subject.text or c.subject.label), (c.object.text or c.object.label))
                     for c in claims if c.kind == "adverse_effect" and not c.negated}
        if not truth and predicted:
            neg_hit += 1
        matched_truth = set()
        for d, e in predicted:
            hit = next((t for t in truth if _same(d, t[0]) and _same(e, t[1])), None)
            if hit is not None and hit not in matched_truth:
                matched_truth.add(hit)
                score.tp += 1
            else:
                score.fp += 1
                if len(examples) < 15:
                    examples.append({"sentence": sentence[:160], "predicted": [d, e],
                                     "gold": sorted(truth)})
        score.fn += len(truth - matched_truth)
    return AdeReport(len(items), sum(1 for _, t in items if not t), entities, score, neg_hit, examples)
