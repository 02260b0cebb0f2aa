"""Retrain litkg's adverse-effect pair classifier (src/litkg/data/adverse_model.json.gz).

Data: ADE corpus v2 (Gurulingappa et al. 2012; copy from github trunghlt/AdverseDrugReaction),
read from litkg.paths.benchmarks_dir() / "ade", never copied into the repository.  Sentences
whose PMID is not divisible by 5 train the model; PMIDs divisible by 5 are held out for
``litkg evaluate ade``.  Entities for training are the corpus' own drug / effect strings of the
training part, matched in every training sentence (positive and negative alike).

    python scripts/train_adverse_model.py [--epochs 8] [--l2 1e-5] [--min-count 2]
"""

import argparse
import gzip
import json
import math
import random
from collections import Counter
from pathlib import Path

from litkg.evaluate import ade
from litkg.evaluate.claims import annotated_doc
from litkg.extract.claims_adverse_model import MODEL_FILE, pair_features
from litkg.extract.claims_relations import AE_REACH
from litkg.paths import benchmarks_dir, data_dir


def candidates(items, matcher):
    """(features, label) for every (drug, condition) pair within reach in each sentence."""
    out = []
    for (pmid, sentence), truth in items:
        doc = annotated_doc(sentence, matcher.spans(sentence))
        sent = doc[:]
        ents = list(doc.ents)
        for d in (e for e in ents if e.label_ == "DRUG"):
            for c in (e for e in ents if e.label_ == "CONDITION"):
                lo, hi = (d.end, c.start) if d.start < c.start else (c.end, d.start)
                if hi - lo > AE_REACH or d.start == c.start:
                    continue
                label = any(ade._same(d.text, t[0]) and ade._same(c.text, t[1]) for t in truth)
                out.append((pair_features(sent, d, c, ents), int(label)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    positives, negatives = ade.read_ade(Path(benchmarks_dir()) / "ade")
    train = [(k, v) for k, v in positives.items() if not ade._is_test(k[0])] + \
            [(k, set()) for k in negatives if not ade._is_test(k[0])]
    drugs, effects = set(), set()
    for (pmid, _), pairs in positives.items():
        if not ade._is_test(pmid):
            for d, e in pairs:
                drugs.add(d.lower())
                effects.add(e.lower())
    matcher = ade._TermMatcher({"DRUG": {d for d in drugs if len(d) >= 3},
                                "CONDITION": {e for e in effects if len(e) >= 3}})
    data = candidates(train, matcher)
    counts = Counter(f for feats, _ in data for f in set(feats))
    keep = {f for f, n in counts.items() if n >= args.min_count}
    data = [([f for f in feats if f in keep], y) for feats, y in data]
    print(f"{len(data)} candidate pairs, {sum(y for _, y in data)} positive, {len(keep)} features")
    w: dict[str, float] = {}
    rng = random.Random(13)
    for epoch in range(args.epochs):
        rng.shuffle(data)
        lr = args.lr / (1 + epoch)
        loss = 0.0
        for feats, y in data:
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            loss -= math.log(p if y else 1 - p + 1e-12) if p > 1e-12 else 27.6
            g = p - y
            for f in feats:
                w[f] = w.get(f, 0.0) * (1 - lr * args.l2) - lr * g
        print(f"epoch {epoch + 1}: mean loss {loss / len(data):.4f}")
    model = {"weights": {f: round(v, 4) for f, v in w.items() if abs(v) >= 1e-3},
             "provenance": "ADE corpus v2 (Gurulingappa et al. 2012), PMIDs not divisible by 5; "
                           "scripts/train_adverse_model.py"}
    out = data_dir() / MODEL_FILE
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump(model, fh)
    print("wrote", out, len(model["weights"]), "weights")


if __name__ == "__main__":
    main()
