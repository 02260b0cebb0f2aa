"""Sentence claims measured against a hand-written gold file (``corpus/gold/claims.jsonl``).

Matching is on ``(doc, kind, subject, object)`` at the level a reader lists claims: duplicates
of the same relation in several sentences count once on each side.  Concepts match leniently:
equal CURIEs, or equal normalised names, where a gold concept may list ``aliases`` ("PTH" for
parathyroid hormone) and a name also matches a longer one that contains it as whole words
("phosphate reabsorption" in "renal phosphate reabsorption").  Measurements match on
``(doc, object, value)``: their subject (the regimen) is context, not identity.

Direction accuracy is computed per gold claim that has a direction and was matched: the
predicted claim of the same key whose evidence overlaps the gold sentence is preferred, so a
"PTH decreased" in one sentence is not judged by a "PTH increased" read elsewhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from litkg.errors import EvaluationError
from litkg.extract import pipeline  # noqa: F401 (registers litkg_sentences and litkg_context)
from litkg.extract.extensions import register_extensions
from litkg.models import CLAIM_KINDS, Claim, normalise_key

_FILLER = re.compile(r"\b(serum|plasma|levels?|concentrations?|intact|the)\b")


def _name(text: str, hyphens: bool = False) -> str:
    text = normalise_key(text)
    text = text if hyphens else text.replace("-", " ")
    return " ".join(_FILLER.sub(" ", text).split()) or normalise_key(text)


def _names(concept: dict[str, Any] | None, hyphens: bool = False) -> tuple[set[str], str | None]:
    if not concept:
        return set(), None
    names = {concept.get("label") or "", concept.get("text") or ""} | set(concept.get("aliases") or ())
    return {_name(n, hyphens) for n in names if n}, concept.get("id")


def concepts_match(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> bool:
    """Lenient concept equality: ids, equal names or aliases (hyphens ignored), or one name
    contained as whole words in the other.  Containment needs >= 3 characters (an acronym such
    as "TSH" in "TSH release"), and a hyphen is part of a word there: "sodium" is a
    modifier inside "sodium-glucose cotransporter", not that transporter."""
    gnames, gid = _names(gold)
    pnames, pid = _names(pred)
    if gid and pid and gid == pid:
        return True
    if gnames & pnames:
        return True
    for g in _names(gold, hyphens=True)[0]:
        for p in _names(pred, hyphens=True)[0]:
            short, long_ = (g, p) if len(g) <= len(p) else (p, g)
            if len(short) >= 3 and re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", long_):
                return True
    return False


def _matches(gold: dict, pred: dict) -> bool:
    if gold["doc"] != pred["doc"] or gold["kind"] != pred["kind"]:
        return False
    if gold["kind"] == "measurement":
        gv, pv = gold.get("value"), pred.get("value")
        return (gv is not None and pv is not None and abs(float(gv) - float(pv)) < 1e-6
                and concepts_match(gold["object"], pred["object"]))
    return concepts_match(gold["subject"], pred["subject"]) and \
        concepts_match(gold["object"], pred["object"])


def _overlaps(a: dict, b: dict) -> bool:
    ea, eb = a.get("evidence") or {}, b.get("evidence") or {}
    if ea.get("start") is not None and eb.get("start") is not None:
        return ea["start"] < eb["end"] and eb["start"] < ea["end"]
    return False


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    gold_matched: int = 0
    predicted_matched: int = 0
    direction_total: int = 0
    direction_correct: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def direction_accuracy(self) -> float | None:
        return self.direction_correct / self.direction_total if self.direction_total else None

    def add(self, other: "KindScore") -> None:
        for name in ("gold", "predicted", "gold_matched", "predicted_matched", "direction_total",
                     "direction_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "gold_matched": self.gold_matched,
                "predicted_matched": self.predicted_matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "direction_matched": self.direction_total,
                "direction_accuracy": None if self.direction_accuracy is None
                else round(self.direction_accuracy, 4)}


@dataclass
class ClaimsReport:
    per_kind: dict[str, KindScore]
    missed: list[dict] = field(default_factory=list)  # gold claims not found
    wrong_direction: list[dict] = field(default_factory=list)

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for score in self.per_kind.values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, Any]:
        return {"per_kind": {k: v.as_dict() for k, v in self.per_kind.items()},
                "overall": self.overall.as_dict(),
                "missed": self.missed, "wrong_direction": self.wrong_direction}

    def as_table(self) -> str:
        rows = [f"{'kind':<15} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'dir acc':>8}"]
        for kind, s in list(self.per_kind.items()) + [("overall", self.overall)]:
            acc = "-" if s.direction_accuracy is None else f"{s.direction_accuracy:.2f}"
            rows.append(f"{kind:<15} {s.gold:>5} {s.predicted:>5} {s.precision:>6.2f} "
                        f"{s.recall:>6.2f} {s.f1:>6.2f} {acc:>8} ({s.direction_correct}/{s.direction_total})")
        return "\n".join(rows)


def read_gold(path: Path | str) -> list[dict]:
    path = Path(path)
    if not path.exists():
        raise EvaluationError("gold file not found", where=str(path),
                              hint="give a claims.jsonl such as corpus/gold/claims.jsonl")
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["kind"] not in CLAIM_KINDS or not row["doc"]:
                raise ValueError(f"kind {row['kind']!r}")
            row["subject"], row["object"]  # noqa: B018 - required keys
        except (ValueError, KeyError, TypeError) as err:
            raise EvaluationError(f"bad gold claim: {err}", where=f"{path}:{lineno}",
                                  hint="one JSON claim per line with doc, kind, subject, object") from err
        rows.append(row)
    return rows


def sentence_claims(document) -> list[Claim]:
    """The sentence claims of one document through litkg's spaCy pipeline (the same steps as
    :func:`litkg.extract.pipeline.extract_documents`, without the table stage, which is
    evaluated by its own tests)."""
    from litkg.extract.claims import extract_claims
    from litkg.extract.pipeline import shared_nlp
    from litkg.ingest.normalise import normalise_text

    norm = normalise_text(document.text)
    doc = shared_nlp()(norm.text)
    doc._.litkg_document = document
    doc._.offset_map = None if norm.text == document.text else norm.to_original
    return extract_claims(doc, document)


def _predict(gold_docs: set[str], corpus: Path) -> list[Claim]:
    """Run the pipeline over the gold's documents found in ``corpus`` (a folder or one file)."""
    from litkg.ingest import iter_documents

    if not corpus.exists():
        raise EvaluationError("corpus not found", where=str(corpus),
                              hint="give the folder or file holding the gold's documents")
    if corpus.is_file():
        files = [corpus]
    else:
        files = [p for p in sorted(corpus.iterdir()) if p.is_file() and not p.name.endswith(".json")]
    documents = [d for d in iter_documents(files) if not isinstance(d, Exception) and d.id in gold_docs]
    missing = gold_docs - {d.id for d in documents}
    if missing:
        raise EvaluationError(f"gold documents not in the corpus: {', '.join(sorted(missing))}",
                              where=str(corpus))
    claims: list[Claim] = []
    for document in documents:
        claims += sentence_claims(document)
    return claims


def evaluate_claims(gold_path: Path | str, predicted: Iterable[Claim] | None = None, *,
                    corpus: Path | str | None = None) -> ClaimsReport:
    """Per-kind precision/recall/F1 and direction accuracy of ``predicted`` against the gold.

    With ``predicted=None`` the pipeline is run over the gold's documents found in ``corpus``, a
    folder or an input file such as a PubMed XML (default: the gold file's parent's parent, i.e.
    ``corpus/``).
    """
    gold = read_gold(gold_path)
    gold_docs = {g["doc"] for g in gold}
    if predicted is None:
        corpus = Path(corpus) if corpus else Path(gold_path).resolve().parent.parent
        predicted = _predict(gold_docs, corpus)
    preds = [c.as_dict() for c in predicted if c.doc in gold_docs]
    preds = [p for p in preds if not p.get("negated")] + [p for p in preds if p.get("negated")]

    per_kind = {k: KindScore() for k in CLAIM_KINDS}
    report = ClaimsReport(per_kind=per_kind)
    # key-level counts: unique gold relations and unique predicted relations
    for kind in CLAIM_KINDS:
        g_kind = _unique([g for g in gold if g["kind"] == kind])
        p_kind = _unique([p for p in preds if p["kind"] == kind and not p.get("negated")])
        score = per_kind[kind]
        score.gold, score.predicted = len(g_kind), len(p_kind)
        found = [any(_matches(g, p) for p in p_kind) for g in g_kind]
        score.gold_matched = sum(found)
        score.predicted_matched = sum(any(_matches(g, p) for g in g_kind) for p in p_kind)
        report.missed += [_brief(g) for g, hit in zip(g_kind, found) if not hit]
    # direction accuracy per gold claim (all occurrences)
    for g in gold:
        if not g.get("direction"):
            continue
        cands = [p for p in preds if _matches(g, p)]
        if not cands:
            continue
        chosen = next((p for p in cands if _overlaps(g, p)), cands[0])
        score = per_kind[g["kind"]]
        score.direction_total += 1
        if chosen.get("direction") == g["direction"]:
            score.direction_correct += 1
        else:
            report.wrong_direction.append({**_brief(g), "predicted": chosen.get("direction")})
    return report


def _key(row: dict) -> tuple:
    if row["kind"] == "measurement":
        return (row["doc"], _name(row["object"].get("label", "")), row.get("value"))
    return (row["doc"], _name(row["subject"].get("label", "")), _name(row["object"].get("label", "")))


def _unique(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = _key(row)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _brief(row: dict) -> dict:
    return {"doc": row["doc"], "kind": row["kind"], "subject": row["subject"].get("label"),
            "object": row["object"].get("label"), "direction": row.get("direction"),
            "sentence": (row.get("evidence") or {}).get("sentence", "")[:100]}


# --------------------------------------------------------------------------------------------
# Helpers shared by the benchmark evaluations (evidence_inference, ade, cdr)


@lru_cache(maxsize=1)
def context_nlp():
    """A blank English pipeline with litkg's sentence splitter and context component only:
    benchmark entities are given, so the entity stages are left out."""
    import spacy

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("litkg_sentences")
    nlp.add_pipe("litkg_context")
    return nlp


def annotated_doc(text: str, spans: Iterable[tuple[int, int, str, str | None]]):
    """A Doc of ``text`` whose entities are the given ``(start, end, label, concept_id)`` char
    spans (gold or benchmark-provided entities), with sentences and negation/hedge context set.

    Overlapping spans keep the longest; spans that do not align to tokens are expanded.
    """
    from spacy.util import filter_spans

    from litkg.extract.context import ContextComponent

    nlp = context_nlp()
    doc = nlp(text)
    ents = []
    for start, end, label, cid in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            ents.append((span, cid))
    chosen = filter_spans([s for s, _ in ents])
    ids = {(s.start, s.end): cid for s, cid in ents}
    doc.ents = chosen
    for ent in doc.ents:
        ent._.concept_id = ids.get((ent.start, ent.end))
        ent._.concept_label = ent.text
    return ContextComponent(nlp)(doc)
