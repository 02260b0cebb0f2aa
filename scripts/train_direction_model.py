"""Retrain litkg's direction classifier (src/litkg/data/direction_model.json.gz).

Data: Evidence Inference 2.0 (github jayded/evidence-inference, MIT), read from the shared
benchmark folder (litkg.paths.benchmarks_dir() / "evidence-inference", or $LITKG_BENCHMARKS),
never copied into the repository.  Training examples are the annotators' evidence spans of the
*train* split articles, each with the label its own annotator gave (the prompt's majority when
annotators marking the same text disagree), without the annotations the benchmark's
verification pass did not uphold ("Valid Label" / "Valid Reasoning" False); spans are scored
against the prompt's majority label, as the benchmark is.  In each span the prompt's
intervention, comparator and outcome are located as the benchmark evaluator locates them
(litkg.evaluate.evidence_inference._locate: exact string, else runs of content words that tell
the two arms apart, a word that names the arm alone, the arm's own abbreviation, or its letter
label such as "group A"; the outcome without an opening change word, measured_outcome) and
masked as placeholder tokens (see litkg.extract.claims_direction); each span naming both arms
is added a second time with the arms swapped and increased/decreased flipped.  The validation
split is only scored, never trained on.

    python scripts/train_direction_model.py                       # train, score, write the model
    python scripts/train_direction_model.py --folds 5 --no-write  # article-level CV on train

Model: multinomial logistic regression (numpy at training time only, full-batch Adam, L2 0.01
chosen by 5-fold article-level CV on train, features seen in >= 2 spans); weights rounded to 3
decimals to keep the file small (~120 kB); the gzip header carries no name or time, so the
same data gives the same bytes.  Runtime needs no numpy: claims_direction.predict
sums the weights in pure Python.  Shipped model (2026-11-23, spans labelled by their own
annotator, unverified annotations left out, "respectively" value lists): 3,991 training
examples (2,793 spans + swapped copies; 435 left out), 17,610 features; span accuracy CV 0.803,
validation 0.782 (372 spans).  Before (every span with the prompt's majority label, all
annotations): 4,426 examples, CV 0.795, validation 0.785.
"""

import argparse
import csv
import gzip
import json
import sys
from collections import Counter, defaultdict

import numpy as np

from litkg.evaluate.evidence_inference import LABELS, measured_outcome, read_prompts
from litkg.evaluate.evidence_inference import _locate as locate
from litkg.extract.claims_direction import CLASSES, CMP, INT, MODEL_FILE, OUT, features, mask
from litkg.paths import benchmarks_dir, data_dir


def examples(folder, split):
    """(masked text, label index, article id, swapped, prompt label index, trusted) per
    evidence span, plus the arm-swapped copy.  Prompts and their majority labels are read as
    the benchmark evaluator reads them.  The label a span is trained on is the one its own
    annotator gave (an annotator marks the span as evidence for *their* label; the prompt's
    majority label differs from it for 276 of 4,426 train examples), the prompt's majority
    when annotators marking the same text disagree; the prompt's majority label is what spans
    are scored against.  A span is *trusted* unless the benchmark's verification pass marked
    its label or its reasoning invalid (:func:`training` leaves those out)."""
    marked = defaultdict(list)  # (prompt, span text) -> [(label, verified), ...]
    with open(folder / "v2_annotations.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = LABELS.get(row["Label"].strip())
            if label and row["Annotations"].strip():
                verified = row["Valid Label"] == "True" and row["Valid Reasoning"] == "True"
                marked[row["PromptID"], row["Annotations"].strip()].append((label, verified))
    texts = defaultdict(set)
    for prompt_id, text in marked:
        texts[prompt_id].add(text)
    flip = {0: 1, 1: 0, 2: 2}
    out = []
    for p in read_prompts(folder, split):
        majority = CLASSES.index(p.label)
        for text in sorted(texts[p.prompt_id]):  # sorted: the same order in every run
            own = {label for label, _ in marked[p.prompt_id, text]}
            label = CLASSES.index(own.pop()) if len(own) == 1 else majority
            trusted = all(verified for _, verified in marked[p.prompt_id, text])
            marks = [(s, e, OUT) for s, e in locate(text, measured_outcome(p.outcome))]
            i_spans = locate(text, p.intervention, p.comparator)
            c_spans = locate(text, p.comparator, p.intervention)
            plain = marks + [(s, e, INT) for s, e in i_spans] + [(s, e, CMP) for s, e in c_spans]
            out.append((mask(text, plain), label, p.pmcid, False, majority, trusted))
            # the swap is a faithful relabelling only when both arms are named: it teaches
            # that the order of the arms carries the sign (CV: swapping spans with one arm
            # only cost 1.5 points of span accuracy)
            if i_spans and c_spans:
                swapped = marks + [(s, e, CMP) for s, e in i_spans] + [(s, e, INT) for s, e in c_spans]
                out.append((mask(text, swapped), flip[label], p.pmcid, True, flip[majority],
                            trusted))
    return out


def training(rows):
    """The rows a model is fitted on: those whose annotation the verification pass upheld."""
    return [r for r in rows if r[5]]


class Sparse:
    """Binary design matrix as (row, column) index arrays: X @ W and X.T @ G without scipy."""

    def __init__(self, rows, index):
        r, c = [], []
        for n, feats in enumerate(rows):
            cols = {index[f] for f in feats if f in index}
            r += [n] * len(cols)
            c += sorted(cols)
        self.r, self.c, self.n, self.d = np.array(r), np.array(c), len(rows), len(index)

    def dot(self, w):
        out = np.zeros((self.n, w.shape[1]), dtype=np.float64)
        for k in range(w.shape[1]):
            out[:, k] = np.bincount(self.r, weights=w[self.c, k], minlength=self.n)
        return out

    def tdot(self, g):
        out = np.zeros((self.d, g.shape[1]), dtype=np.float64)
        for k in range(g.shape[1]):
            out[:, k] = np.bincount(self.c, weights=g[self.r, k], minlength=self.d)
        return out


def fit(train, min_count, l2, epochs, lr=0.05):
    feats = [features(text) for text, *_ in train]
    counts = Counter(f for fs in feats for f in set(fs))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    x = Sparse(feats, index)
    y = np.eye(len(CLASSES))[[label for _, label, *_ in train]]
    w, b = np.zeros((len(vocab), len(CLASSES))), np.zeros(len(CLASSES))
    mw, vw, mb, vb = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    for t in range(1, epochs + 1):
        z = x.dot(w) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / len(train)
        gw, gb = x.tdot(g) + l2 * w, g.sum(axis=0)
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw ** 2
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb ** 2
        w -= lr * (mw / (1 - 0.9 ** t)) / (np.sqrt(vw / (1 - 0.999 ** t)) + 1e-8)
        b -= lr * (mb / (1 - 0.9 ** t)) / (np.sqrt(vb / (1 - 0.999 ** t)) + 1e-8)
    return vocab, w, b


def accuracy(model, rows):
    vocab, w, b = model
    index = {f: i for i, f in enumerate(vocab)}
    rows = [r for r in rows if not r[3]]  # score the spans as written, not the swapped copies
    x = Sparse([features(text) for text, *_ in rows], index)
    pred = (x.dot(w) + b).argmax(1)
    return float((pred == np.array([r[4] for r in rows])).mean())  # the prompt's label


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--folds", type=int, default=0, help="article-level CV on train instead")
    ap.add_argument("--exclude", default="", help="file of article ids to leave out of training")
    ap.add_argument("--out", default=str(data_dir() / MODEL_FILE))
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    folder = benchmarks_dir() / "evidence-inference"
    train, valid = examples(folder, "train"), examples(folder, "validation")
    if args.exclude:
        held = set(open(args.exclude).read().split())
        train = [r for r in train if r[2] not in held]
    if args.folds:
        ids = sorted({r[2] for r in train})
        accs = []
        for k in range(args.folds):
            held = set(ids[k::args.folds])
            model = fit(training([r for r in train if r[2] not in held]), args.min_count,
                        args.l2, args.epochs)
            accs.append(accuracy(model, [r for r in train if r[2] in held]))
        print(f"{args.folds}-fold CV span accuracy on train: {np.mean(accs):.3f} "
              f"({', '.join(f'{a:.3f}' for a in accs)})")
        return
    model = fit(training(train), args.min_count, args.l2, args.epochs)
    acc_t, acc_v = accuracy(model, train), accuracy(model, valid)
    vocab, w, b = model
    fitted = training(train)
    spans = sum(not r[3] for r in fitted)
    print(f"{len(fitted)} train examples ({spans} spans + swapped copies; {len(train) - len(fitted)} "
          f"left out as not upheld by verification), {len(vocab)} features")
    print(f"span accuracy train {acc_t:.3f}, validation {acc_v:.3f}")
    if args.no_write:
        return
    keep = [i for i in range(len(vocab)) if np.abs(w[i]).max() >= 5e-4]
    out = {"classes": list(CLASSES), "features": [vocab[i] for i in keep],
           "weights": [[round(float(w[i, c]), 3) for i in keep] for c in range(len(CLASSES))],
           "bias": [round(float(v), 4) for v in b],
           "provenance": "Evidence Inference 2.0 train split evidence spans (MIT), arms and "
                         "outcome masked; scripts/train_direction_model.py "
                         + " ".join(sys.argv[1:]),
           "validation_span_accuracy": round(acc_v, 4)}
    # no name, mtime 0 in the gzip header: the same training data gives the same bytes
    with open(args.out, "wb") as raw, \
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(json.dumps(out).encode("utf-8"))
    print("wrote", args.out)


if __name__ == "__main__":
    main()
