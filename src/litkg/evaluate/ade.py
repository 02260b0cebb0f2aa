"""ADE corpus v2: (drug, adverse effect) pairs per sentence.

A predicted pair is a non-negated ``adverse_effect`` claim on a sentence.  Every adverse-effect
claim on an ``ADE-NEG.txt`` sentence is a false positive.

Matching (what a reader would accept, no more): drug and effect each equal a gold string, or one
contains the other on word boundaries (at least 3 characters), compared case-insensitively with
surrounding punctuation and repeated spaces ignored ("acute renal failure" ~ "renal failure",
"lopinavir/ritonavir" ~ "lopinavir", but "ria" !~ "bacteria").  The corpus annotates each
*mention*, so one sentence can list the same fact twice ("Infliximab ... infliximab", "MTX-induced
liver cirrhosis ... this cirrhosis"); gold pairs that match each other that way are one fact,
found once; a string and the name or abbreviation it defines in parentheses ("methotrexate
(MTX)") are one entity.  A prediction takes an unmatched fact when it matches several; a second
correct prediction of an already found fact ("swelling" and "facial swelling") counts neither
as found again nor as an error.

Parts: the *test* part is PMIDs divisible by 5, the rest is training data.  ``part="dev"``
evaluates PMIDs with residue 4 and takes the lexicon from residues 1-3 only: the split on which
``scripts/train_adverse_model.py`` calibrates its thresholds (with a model trained on 1-3).

Entity modes:
- ``entities="lexicon"`` (default): drug and effect strings are collected from the training
  part of the corpus and matched in the evaluated part, positive and negative sentences alike.
  This gives the claim stage realistic entities, including on sentences without any adverse
  effect, without peeking at the evaluated annotations; entities never seen in training are
  missed, which caps recall (``entity_ceiling`` reports the share of gold pairs whose drug and
  effect were both recognised).
- ``entities="pipeline"``: litkg's own entity recogniser.  The corpus gives sentences of an
  abstract, and an abstract defines an abbreviation once ("Stevens-Johnson syndrome (SJS)")
  for its later sentences: a sentence is read with the definitions its sibling sentences (same
  PMID, in the corpus) give for the short forms it uses, appended after it as a paragraph of
  their own ("... SJS ...\n\nStevens-Johnson syndrome (SJS).").  Only claims on the sentence
  itself are scored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

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
    #: gold facts whose drug and effect both appear among the entities (recall ceiling)
    entity_ceiling: float | None = None
    #: a caveat the figures need (the dev part is training data of the shipped model)
    caveat: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "negative_sentences": self.negative_sentences,
                "entities": self.entities, "pairs": self.pairs.as_dict(),
                "negative_sentences_with_claim": self.negative_sentences_with_claim,
                "entity_ceiling": self.entity_ceiling, "caveat": self.caveat,
                "examples": self.examples}

    def as_table(self) -> str:
        p = self.pairs
        ceiling = f"; entity recall ceiling {self.entity_ceiling:.3f}" \
            if self.entity_ceiling is not None else ""
        return (f"ADE ({self.sentences} sentences, {self.negative_sentences} negative, "
                f"{self.entities} entities)\n"
                f"pairs  tp={p.tp} fp={p.fp} fn={p.fn}  P={p.precision:.3f} R={p.recall:.3f} "
                f"F1={p.f1:.3f}; negative sentences with an AE claim: "
                f"{self.negative_sentences_with_claim}{ceiling}"
                + (f"\nnote: {self.caveat}" if self.caveat else ""))


#: the dev part (see the module docstring): PMIDs of this residue mod 5 are evaluated, the
#: lexicon comes from the other training residues
DEV_RESIDUE = 4
#: residues mod 5 of the training part (0 is the test part)
TRAIN_RESIDUES = (1, 2, 3, 4)


def _is_test(pmid: str) -> bool:
    return pmid.isdigit() and int(pmid) % 5 == 0


def _residue(pmid: str) -> int | None:
    return int(pmid) % 5 if pmid.isdigit() else None


def split(part: str) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """(is evaluated, feeds the lexicon) predicates on PMIDs for ``part`` "test" or "dev"."""
    if part == "test":
        return _is_test, lambda p: not _is_test(p)
    if part == "dev":
        lexicon = tuple(r for r in TRAIN_RESIDUES if r != DEV_RESIDUE)
        return (lambda p: _residue(p) == DEV_RESIDUE), (lambda p: _residue(p) in lexicon)
    raise EvaluationError(f"unknown part {part!r}", hint="use 'test' or 'dev'")


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


def lexicon_terms(positives: dict, use: Callable[[str], bool]) -> dict[str, set[str]]:
    """DRUG / CONDITION strings of the gold pairs of the PMIDs ``use`` accepts (>= 3 chars)."""
    drugs, effects = set(), set()
    for (pmid, _), pairs in positives.items():
        if use(pmid):
            for d, e in pairs:
                drugs.add(d.lower())
                effects.add(e.lower())
    return {"DRUG": {d for d in drugs if len(d) >= 3},
            "CONDITION": {e for e in effects if len(e) >= 3}}


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


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def _norm(s: str) -> str:
    return _EDGE.sub("", " ".join(s.lower().split()))


def _same(a: str, b: str) -> bool:
    """Equal, or one contains the other on word boundaries (see the module docstring)."""
    a, b = _norm(a), _norm(b)
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long) is not None


def _apposed(sentence: str, a: str, b: str) -> bool:
    """The sentence defines one as the other: "methotrexate (MTX)", "sulindac (Clinoril)"."""
    text = " ".join(sentence.lower().split())
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    return min(len(a), len(b)) >= 2 and (f"{a} ({b})" in text or f"{b} ({a})" in text)


def same_in(sentence: str | None, a: str, b: str) -> bool:
    """:func:`_same`, or the two strings are an explicit "long (short)" pair of ``sentence``."""
    return _same(a, b) or (sentence is not None and _apposed(sentence, a, b))


def gold_facts(pairs: set[tuple[str, str]], sentence: str | None = None) -> list[list[tuple[str, str]]]:
    """Group gold pairs that name the same fact (drug and effect each :func:`same_in`)."""
    facts: list[list[tuple[str, str]]] = []
    for pair in sorted(pairs):
        joined = [f for f in facts if any(same_in(sentence, pair[0], d) and
                                          same_in(sentence, pair[1], e) for d, e in f)]
        merged = [pair] + [p for f in joined for p in f]
        facts = [f for f in facts if f not in joined] + [merged]
    return facts


def match_pairs(predicted: set[tuple[str, str]], truth: set[tuple[str, str]],
                sentence: str | None = None) -> tuple[int, int, int, list]:
    """(tp, fp, fn, unmatched predictions) of one sentence; with ``sentence``, a string and
    the abbreviation or name it defines in parentheses are one entity."""
    facts = gold_facts(truth, sentence)
    found: set[int] = set()
    wrong = []
    hits_of = {(d, e): [k for k, f in enumerate(facts) if any(
        same_in(sentence, d, fd) and same_in(sentence, e, fe) for fd, fe in f)] for d, e in predicted}
    # the most constrained predictions choose first, so one matching two facts takes the free one
    for (d, e), hits in sorted(hits_of.items(), key=lambda kv: (len(kv[1]) or 99, kv[0])):
        free = [k for k in hits if k not in found]
        if free:
            found.add(free[0])
        elif not hits:
            wrong.append((d, e))  # a second, correct reading of a found fact is no error
    return len(found), len(wrong), len(facts) - len(found), wrong


def predicted_pairs(claims) -> set[tuple[str, str]]:
    """(drug, effect) strings of the non-negated adverse-effect claims: what is scored."""
    return {((c.subject.text or c.subject.label), (c.object.text or c.object.label))
            for c in claims if c.kind == "adverse_effect" and not c.negated}


def sentences_by_pmid(positives: dict, negatives: list) -> dict[str, list[str]]:
    """Every corpus sentence of each PMID, positive and negative, each once."""
    out: dict[str, list[str]] = {}
    for pmid, sentence in list(positives) + list(negatives):
        if sentence not in out.setdefault(pmid, []):
            out[pmid].append(sentence)
    return out


def defined_elsewhere(sentence: str, siblings: list[str]) -> str:
    """The definitions ("long form (SF)") other sentences of the abstract give for short forms
    ``sentence`` uses but does not define, as a paragraph to append to it ("" when none)."""
    from litkg.extract.abbreviations import find_abbreviations

    own = {a.short for a in find_abbreviations(sentence)}
    found: dict[str, str] = {}
    for other in siblings:
        if other == sentence:
            continue
        for a in find_abbreviations(other):
            if a.short not in own and a.short not in found and \
                    re.search(rf"(?<![\w-]){re.escape(a.short)}(?![\w-])", sentence):
                found[a.short] = f"{a.long} ({a.short})."
    return "\n\n" + " ".join(found.values()) if found else ""


def _items(positives: dict, negatives: list, evaluated: Callable[[str], bool],
           limit: int | None) -> list:
    items = [(k, v) for k, v in positives.items() if evaluated(k[0])]
    neg = [(k, set()) for k in negatives if evaluated(k[0])]
    # interleave positives and negatives so that --limit keeps the mix; the negatives left
    # after the last positive follow (dropping them would hide false positives)
    ratio = max(1, len(neg) // max(1, len(items)))
    mixed = []
    for n, p in enumerate(items):
        mixed.append(p)
        mixed += neg[n * ratio:(n + 1) * ratio]
    mixed += neg[len(items) * ratio:]
    return mixed[:limit] if limit else mixed


def evaluate_ade(folder: Path | str, *, entities: str = "lexicon",
                 limit: int | None = None, part: str = "test") -> AdeReport:
    """Pair P/R/F1 of adverse-effect claims on the ADE corpus (test part, see module doc)."""
    folder = Path(folder)
    if entities not in ("lexicon", "pipeline"):
        raise EvaluationError(f"unknown entity mode {entities!r}", hint="use 'lexicon' or 'pipeline'")
    evaluated, lexicon_part = split(part)
    positives, negatives = read_ade(folder)
    # annotated_doc keeps the longest of overlapping matches ("acute renal failure")
    matcher = _TermMatcher(lexicon_terms(positives, lexicon_part)) if entities == "lexicon" else None
    items = _items(positives, negatives, evaluated, limit)
    if entities == "pipeline":
        from litkg.extract.pipeline import extract_document, shared_nlp
        nlp = shared_nlp()
    from litkg.extract.claims import extract_claims

    score, neg_hit, examples = Prf(), 0, []
    facts_total = facts_seen = 0
    siblings = sentences_by_pmid(positives, negatives)
    for (pmid, sentence), truth in items:
        if matcher is not None:
            doc = annotated_doc(sentence, matcher.spans(sentence))
            claims = extract_claims(doc, Document(id=pmid, text=sentence))
            ents = [e.text for e in doc.ents]
        else:
            text = sentence + defined_elsewhere(sentence, siblings.get(pmid, []))
            extraction = extract_document(Document(id=pmid, text=text), nlp)
            # the sentence's own claims and mentions; an endpoint ("overall survival") is no
            # drug and no effect: not in the ceiling
            claims = [c for c in extraction.claims if c.evidence.start < len(sentence)]
            ents = [m.text for m in extraction.mentions
                    if m.label != "ENDPOINT" and m.start < len(sentence)]
        predicted = predicted_pairs(claims)
        if not truth and predicted:
            neg_hit += 1
        tp, fp, fn, wrong = match_pairs(predicted, truth, sentence)
        score.tp, score.fp, score.fn = score.tp + tp, score.fp + fp, score.fn + fn
        for fact in gold_facts(truth, sentence):
            facts_total += 1
            facts_seen += any(any(_same(x, d) for x in ents) and any(_same(x, e) for x in ents)
                              for d, e in fact)
        for d, e in wrong[:max(0, 15 - len(examples))]:
            examples.append({"sentence": sentence[:160], "predicted": [d, e],
                             "gold": sorted(truth)})
    return AdeReport(len(items), sum(1 for _, t in items if not t), entities, score, neg_hit,
                     examples, entity_ceiling=facts_seen / facts_total if facts_total else None,
                     caveat=DEV_CAVEAT if part == "dev" else None)


#: the shipped pair classifier is trained on every training PMID, the dev part included; only
#: its thresholds were set on a model that had not seen the dev part
DEV_CAVEAT = ("the shipped adverse model was trained on the dev part too, so these figures are "
              "optimistic; for honest dev figures evaluate the calibration model "
              "(scripts/train_adverse_model.py --save-calibration FILE)")
