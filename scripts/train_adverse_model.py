"""Retrain litkg's adverse-effect pair classifier (src/litkg/data/adverse_model.json.gz).

Data: ADE corpus v2 (Gurulingappa et al. 2012; copy from github trunghlt/AdverseDrugReaction),
read from litkg.paths.benchmarks_dir() / "ade", never copied into the repository.  Only the
training part is read: PMIDs not divisible by 5 (divisible by 5 is the test part of
``litkg evaluate ade``).

Candidates: every (drug, condition) pair within reach
(:func:`litkg.extract.claims_relations.adverse_candidates`) of every training sentence, positive
(DRUG-AE.rel) and negative (ADE-NEG.txt) alike, with entities from two sources so the model sees
both kinds of input it meets at run time:
- the corpus' drug / effect strings matched as a lexicon, *cross-fitted*: sentences of PMID
  residue r (mod 5) get the lexicon of the other training residues, so entities unseen in
  "training" are missed as they are at test time;
- litkg's own entity recogniser (so retrain after the recogniser, its table of known
  abbreviations (scripts/build_abbreviations.py) or the untyped candidates of
  litkg.extract.findings change).
A candidate is positive when it matches a gold pair of its sentence the way the benchmark scorer
matches (litkg.evaluate.ade._same), negative otherwise; every pair on an ADE-NEG sentence is
negative.

Procedure: (1) train on residues 1-3, score end to end on residue 4 (the dev part, lexicon from
1-3) over a grid of the two thresholds (pair with a rule cue / pair alone) and keep the pair
with the best mean pair F1 of the two entity modes; (2) retrain on residues 1-4 with the same
settings and write the weights plus the thresholds.  Logistic regression, AdaGrad with L2,
features seen at least ``--min-count`` times, weights averaged over three example orders; pure
Python, a few minutes on one core.

    nice python scripts/train_adverse_model.py [--epochs 3] [--l2 0.01] [--min-count 2]
        [--save-calibration FILE]  # also keep the dev-part model, for error analysis
"""

import argparse
import gzip
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

from litkg.evaluate import ade
from litkg.evaluate.ade import DEV_RESIDUE, TRAIN_RESIDUES
from litkg.evaluate.claims import annotated_doc
from litkg.evaluate.scores import Prf
from litkg.extract import claims_adverse_model
from litkg.extract.claims_adverse_model import FEATURES_VERSION, MODEL_FILE, pair_features
from litkg.extract.claims_relations import adverse_candidates, with_untyped
from litkg.extract.logistic import sigmoid
from litkg.paths import benchmarks_dir, data_dir


def load(folder: Path):
    """[(pmid, sentence, truth)] of the training part."""
    positives, negatives = ade.read_ade(folder)
    items = [(k[0], k[1], v) for k, v in positives.items() if not ade._is_test(k[0])]
    items += [(p, s, set()) for p, s in negatives if not ade._is_test(p)]
    return positives, items


def build_docs(positives, items, residues_for_lexicon, docs=None):
    """{(source, index): spaCy Doc} for both entity sources (see the module docstring); the
    recogniser's docs already in ``docs`` are kept (they do not depend on the lexicon)."""
    from litkg.extract.pipeline import shared_nlp

    docs = {k: v for k, v in (docs or {}).items() if k[0] == "pipeline"}
    have_pipeline = bool(docs)
    for r in sorted({ade._residue(p) for p, _, _ in items}):
        others = {x for x in residues_for_lexicon if x != r}
        matcher = ade._TermMatcher(ade.lexicon_terms(positives, lambda p, o=others: ade._residue(p) in o))
        for i, (pmid, sentence, _) in enumerate(items):
            if ade._residue(pmid) == r:
                docs[("lexicon", i)] = annotated_doc(sentence, matcher.spans(sentence))
    if not have_pipeline:
        nlp = shared_nlp()
        for i, doc in enumerate(nlp.pipe((s for _, s, _ in items), batch_size=64)):
            docs[("pipeline", i)] = doc
    return docs


def candidates(doc, truth):
    """(features, label) of every candidate pair of ``doc``."""
    out = []
    for sent in (doc.sents if doc.has_annotation("SENT_START") else [doc[:]]):
        ents = [e for e in doc.ents if e.start >= sent.start and e.end <= sent.end]
        context = with_untyped(sent, ents)  # as adverse_pairs reads them
        for d, c in adverse_candidates(sent, ents):
            label = any(ade.same_in(doc.text, d.text, t[0]) and ade.same_in(doc.text, c.text, t[1])
                        for t in truth)
            out.append((pair_features(sent, d, c, context), int(label)))
    return out


def train(data, epochs, l2, lr, min_count, seeds=(13, 14, 15)):
    """Logistic regression by AdaGrad, the weights averaged over runs with different example
    orders (``seeds``): one order's weights swing with the last examples seen, the average
    does not; returns {feature: weight}."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    keep = {f for f, n in counts.items() if n >= min_count}
    data = [([f for f in set(feats) if f in keep], y) for feats, y in data]
    total: dict[str, float] = {}
    for seed in seeds:
        for f, v in _train_once(list(data), epochs, l2, lr, seed).items():
            total[f] = total.get(f, 0.0) + v / len(seeds)
    return {f: round(v, 4) for f, v in sorted(total.items()) if abs(v) >= 1e-3}


def _train_once(data, epochs, l2, lr, seed):
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(data)
        loss = 0.0
        for feats, y in data:
            z = sum(w.get(f, 0.0) for f in feats)
            p = sigmoid(z)
            loss -= math.log(max(1e-12, p if y else 1 - p))
            g = p - y
            for f in feats:
                grad = g + l2 * w.get(f, 0.0)
                acc = g2.get(f, 0.0) + grad * grad
                g2[f] = acc
                w[f] = w.get(f, 0.0) - lr * grad / math.sqrt(acc + 1e-8)
        print(f"  seed {seed} epoch {epoch + 1}: mean loss {loss / len(data):.4f}", file=sys.stderr)
    return w


def score(model, items, docs, idx, mode) -> Prf:
    """End-to-end pair counts of ``model`` on the items ``idx`` in entity ``mode``."""
    from litkg.extract.claims import extract_claims
    from litkg.models import Document

    claims_adverse_model.load_model = lambda: model  # what adverse_pairs and probability read
    total = Prf()
    for i in idx:
        pmid, sentence, truth = items[i]
        claims = extract_claims(docs[(mode, i)], Document(id=pmid, text=sentence))
        tp, fp, fn, _ = ade.match_pairs(ade.predicted_pairs(claims), truth, sentence)
        total.tp, total.fp, total.fn = total.tp + tp, total.fp + fp, total.fn + fn
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--with-rule", type=float, nargs="*", default=[0.2, 0.25, 0.3])
    ap.add_argument("--alone", type=float, nargs="*", default=[0.35, 0.4, 0.45, 0.5, 0.55])
    ap.add_argument("--no-write", action="store_true", help="calibrate and report only")
    ap.add_argument("--save-calibration", help="also write the dev-part model here")
    args = ap.parse_args()
    positives, items = load(Path(benchmarks_dir()) / "ade")
    residue = [ade._residue(p) for p, _, _ in items]
    print(f"{len(items)} training sentences", file=sys.stderr)

    # (1) calibration: train on residues 1-3, thresholds on residue 4
    fit = [i for i, r in enumerate(residue) if r != DEV_RESIDUE]
    dev = [i for i, r in enumerate(residue) if r == DEV_RESIDUE]
    docs = build_docs(positives, items, [r for r in TRAIN_RESIDUES if r != DEV_RESIDUE])
    data = [x for i in fit for mode in ("lexicon", "pipeline")
            for x in candidates(docs[(mode, i)], items[i][2])]
    print(f"fit: {len(data)} candidate pairs, {sum(y for _, y in data)} positive", file=sys.stderr)
    weights = train(data, args.epochs, args.l2, args.lr, args.min_count)
    best, report = None, []
    for wr in args.with_rule:
        for al in args.alone:
            model = {"version": FEATURES_VERSION, "weights": weights,
                     "thresholds": {"with_rule": wr, "alone": al}}
            res = {m: score(model, items, docs, dev, m) for m in ("lexicon", "pipeline")}
            mean = sum(v.f1 for v in res.values()) / 2
            report.append({"with_rule": wr, "alone": al, "mean_f1": round(mean, 4),
                           **{m: {"tp": v.tp, "fp": v.fp, "fn": v.fn, "f1": round(v.f1, 4)}
                              for m, v in res.items()}})
            print(json.dumps(report[-1]), file=sys.stderr)
            if best is None or mean > best[0]:
                best = (mean, wr, al)
    print(f"dev best: mean F1 {best[0]:.4f} with_rule={best[1]} alone={best[2]}", file=sys.stderr)
    if args.save_calibration:  # the dev-part model with the best thresholds, for error analysis
        with gzip.open(args.save_calibration, "wt", encoding="utf-8") as fh:
            json.dump({**model, "thresholds": {"with_rule": best[1], "alone": best[2]}}, fh)
    if args.no_write:
        return

    # (2) final model on all training residues, lexicon cross-fitted over 1-4
    docs = build_docs(positives, items, TRAIN_RESIDUES, docs)
    data = [x for i in range(len(items)) for mode in ("lexicon", "pipeline")
            for x in candidates(docs[(mode, i)], items[i][2])]
    print(f"final: {len(data)} candidate pairs, {sum(y for _, y in data)} positive", file=sys.stderr)
    weights = train(data, args.epochs, args.l2, args.lr, args.min_count)
    model = {"version": FEATURES_VERSION, "weights": weights,
             "thresholds": {"with_rule": best[1], "alone": best[2]},
             "provenance": "ADE corpus v2 (Gurulingappa et al. 2012), PMIDs not divisible by 5; "
                           "thresholds calibrated on residue 4; scripts/train_adverse_model.py",
             "settings": {k: v for k, v in vars(args).items()
                          if k not in ("no_write", "save_calibration")},
             "calibration": report}
    out = data_dir() / MODEL_FILE
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"))
    print(f"wrote {out} ({len(weights)} weights, {out.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
