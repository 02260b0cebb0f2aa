"""Retrain litkg's direction classifier (src/litkg/data/direction_model.json.gz).

Data: Evidence Inference 2.0 (github jayded/evidence-inference, MIT), read from the shared
benchmark folder (litkg.paths.benchmarks_dir() / "evidence-inference"), never copied into the
repository.  Training examples are the annotators' evidence spans of the *train* split articles
with the prompt's majority label; the validation split is scored at the end.

    python scripts/train_direction_model.py [--min-count 3] [--epochs 300]

Model: multinomial logistic regression (numpy, full-batch gradient descent with L2).
"""

import argparse
import csv
import gzip
import json
from collections import Counter, defaultdict

import numpy as np

from litkg.extract.claims_direction import CLASSES, MODEL_FILE, features
from litkg.evaluate.evidence_inference import LABELS
from litkg.paths import benchmarks_dir, data_dir


def examples(folder, split):
    ids = set((folder / "splits" / f"{split}_article_ids.txt").read_text().split())
    votes = defaultdict(Counter)
    spans = defaultdict(set)
    with open(folder / "v2_annotations.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = LABELS.get(row["Label"].strip())
            if label and row["PMCID"] in ids:
                votes[row["PromptID"]][label] += 1
                if row["Annotations"].strip():
                    spans[row["PromptID"]].add(row["Annotations"].strip())
    out = []
    for pid, counter in votes.items():
        label = counter.most_common(1)[0][0]
        for text in spans[pid]:
            out.append((text, CLASSES.index(label)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--lr", type=float, default=0.5)
    args = ap.parse_args()
    folder = benchmarks_dir() / "evidence-inference"
    train, valid = examples(folder, "train"), examples(folder, "validation")
    counts = Counter(f for text, _ in train for f in set(features(text)))
    vocab = sorted(f for f, n in counts.items() if n >= args.min_count)
    index = {f: i for i, f in enumerate(vocab)}

    def matrix(rows):
        x = np.zeros((len(rows), len(vocab)), dtype=np.float32)
        for r, (text, _) in enumerate(rows):
            for f in set(features(text)):
                if f in index:
                    x[r, index[f]] = 1.0
        y = np.array([label for _, label in rows])
        return x, y

    xt, yt = matrix(train)
    xv, yv = matrix(valid)
    w = np.zeros((len(vocab), len(CLASSES)), dtype=np.float32)
    b = np.zeros(len(CLASSES), dtype=np.float32)
    onehot = np.eye(len(CLASSES), dtype=np.float32)[yt]
    for epoch in range(args.epochs):
        z = xt @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = p - onehot
        w -= args.lr * (xt.T @ grad / len(xt) + args.l2 * w)
        b -= args.lr * grad.mean(axis=0)
    acc_t = float(((xt @ w + b).argmax(1) == yt).mean())
    acc_v = float(((xv @ w + b).argmax(1) == yv).mean())
    print(f"{len(train)} train spans, {len(valid)} validation spans, {len(vocab)} features")
    print(f"accuracy train {acc_t:.3f}, validation {acc_v:.3f}")
    model = {"classes": list(CLASSES), "features": vocab,
             "weights": [[round(float(v), 4) for v in w[:, c]] for c in range(len(CLASSES))],
             "bias": [round(float(v), 4) for v in b],
             "provenance": "Evidence Inference 2.0 train split evidence spans (MIT); "
                           "scripts/train_direction_model.py",
             "validation_accuracy": round(acc_v, 4)}
    out = data_dir() / MODEL_FILE
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        json.dump(model, fh)
    print("wrote", out)


if __name__ == "__main__":
    main()
