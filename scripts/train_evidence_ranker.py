"""Retrain the evidence ranker (src/litkg/data/evidence_ranker.json.gz).

Data: Evidence Inference 2.0 (github jayded/evidence-inference, MIT), read from the shared
benchmark folder (litkg.paths.benchmarks_dir() / "evidence-inference", or $LITKG_BENCHMARKS),
never copied into the repository.  The validation split is never read.

Every *train* split article is read as ``litkg evaluate evidence-inference`` reads it (prompt
entities), but with a direction classifier that did not see it: the train articles are split
into 5 folds (every 5th id), a direction model is fitted on the other 4 folds' evidence spans
(scripts/train_direction_model.py: examples, training, fit, its default settings) and the held-out
fold's claims are read with it (claims_direction.using_model).  The claims matching each prompt
(evidence_inference.prompt_hits) become candidates (evidence_ranker.candidates, with that
model's reading of their sentence), labelled 1 when the candidate's direction is the prompt's
label.  With the shipped classifier instead, which was trained on these very articles, the
ranker would learn to trust readings far more than they deserve on unseen text.

    python scripts/train_evidence_ranker.py             # fit on all folds, print the CV curve,
                                                        # write the model (~4 min)
    python scripts/train_evidence_ranker.py --no-write  # the CV curve only

Model: logistic regression on the binary features of evidence_ranker.features (numpy at
training time only, full-batch Adam, 400 epochs, L2 3.0 on the summed loss, features seen in
>= 3 candidates); weights rounded to 3 decimals.  The curve printed is article-level CV (the
ranker of the other folds scores each fold); evidence_ranker.MIN_CONFIDENCE is chosen from it.
"""

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from litkg.evaluate import evidence_ranker as ranker
from litkg.evaluate.evidence_inference import (measured_outcome, prompt_entity_claims,
                                               prompt_hits, read_prompts, select_direction,
                                               signed)
from litkg.extract.claims_direction import using_model
from litkg.models import Document
from litkg.paths import benchmarks_dir, data_dir

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_direction_model as direction  # noqa: E402  (a sibling script, not a package)

FOLDS = 5


def fold_direction_models(folder, ids):
    """A direction model per fold, fitted without that fold's articles (the settings of
    scripts/train_direction_model.py), as the dict its data file holds."""
    spans = direction.examples(folder, "train")
    models = []
    for k in range(FOLDS):
        held = set(ids[k::FOLDS])
        vocab, w, b = direction.fit(direction.training([r for r in spans if r[2] not in held]),
                                    2, 1e-2, 200)
        keep = [i for i in range(len(vocab)) if np.abs(w[i]).max() >= 5e-4]
        models.append({"features": [vocab[i] for i in keep],
                       "weights": [[float(w[i, c]) for i in keep] for c in range(w.shape[1])],
                       "bias": [float(v) for v in b]})
    return models


def prompt_rows(folder):
    """(fold, gold label, [(features, direction right)] per candidate, (claims, prompt, each
    claim's candidate)) per matched prompt, and the number of prompts with an abstract."""
    by_article = defaultdict(list)
    for p in read_prompts(folder, "train"):
        if (folder / "abstracts" / f"PMC{p.pmcid}.abst").exists():
            by_article[p.pmcid].append(p)
    ids = sorted(by_article)
    rows = []
    for k, model in enumerate(fold_direction_models(folder, ids)):
        with using_model(model):
            for pmcid in ids[k::FOLDS]:
                rows += article_rows(folder, pmcid, by_article[pmcid], k)
    return rows, sum(len(v) for v in by_article.values())


def article_rows(folder, pmcid, prompts, fold):
    text = (folder / "abstracts" / f"PMC{pmcid}.abst").read_text(encoding="utf-8",
                                                                 errors="replace")
    claims = prompt_entity_claims(text, prompts, Document(id=pmcid, text=text))
    outcomes = [c for c in claims if c.kind == "outcome" and c.direction]
    rows = []
    for p in prompts:
        hits = prompt_hits(outcomes, p)
        if not hits:
            continue
        outcome = measured_outcome(p.outcome)
        per = ranker.per_claim(hits, text, outcome, p.intervention, p.comparator)
        cands = list(dict.fromkeys(per))
        items = [(ranker.features(c, outcome, p.intervention, p.comparator, cands),
                  signed(c.direction, p.outcome) == p.label) for c in cands]
        # the evaluator's choice among the claims needs the ranker's scores: kept to be made
        # with the ranker of the other folds (cv_curve)
        rows.append((fold, p.label, items, (hits, p, [cands.index(c) for c in per])))
    return rows


def fit(examples, min_count, l2, epochs, lr=0.1):
    counts = Counter(f for fs, _ in examples for f in set(fs))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)))
    for n, (fs, _) in enumerate(examples):
        for f in set(fs):
            if f in index:
                x[n, index[f]] = 1.0
    y = np.array([float(label) for _, label in examples])
    w, b = np.zeros(len(vocab)), 0.0
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    for t in range(1, epochs + 1):
        g = 1.0 / (1.0 + np.exp(-(x @ w + b))) - y
        gw, gb = (x.T @ g + l2 * w) / len(y), g.mean()
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw ** 2
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb ** 2
        w -= lr * (mw / (1 - 0.9 ** t)) / (np.sqrt(vw / (1 - 0.999 ** t)) + 1e-8)
        b -= lr * (mb / (1 - 0.9 ** t)) / (np.sqrt(vb / (1 - 0.999 ** t)) + 1e-8)
    return {"weights": {f: round(float(w[i]), 3) for f, i in index.items()
                        if abs(w[i]) >= 5e-4},
            "bias": round(float(b), 4)}


def train_examples(rows):
    return [item for _, _, items, _ in rows for item in items]


def cv_curve(rows, args, prompts):
    """Direction accuracy and prompt recall at several thresholds, each fold's prompts gated
    by the ranker fitted on the other folds."""
    scored = []  # (best score, direction right)
    for k in range(FOLDS):
        model = fit(train_examples([r for r in rows if r[0] != k]),
                    args.min_count, args.l2, args.epochs)
        for fold, gold, items, (hits, p, which) in rows:
            if fold == k:
                scores = [ranker.score(fs, model) for fs, _ in items]
                direction = select_direction(hits, p, [scores[i] for i in which])
                scored.append((max(scores), direction == gold))
    print(f"{len(scored)} matched of {prompts} train prompts; accuracy without the gate "
          f"{sum(ok for _, ok in scored) / len(scored):.3f}")
    for threshold in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75):
        kept = [ok for s, ok in scored if s >= threshold]
        if kept:
            print(f"threshold {threshold:.2f}: matched {len(kept)}, accuracy "
                  f"{sum(kept) / len(kept):.3f}, recall {len(kept) / prompts:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--out", default=str(data_dir() / ranker.MODEL_FILE))
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    folder = benchmarks_dir() / "evidence-inference"
    rows, prompts = prompt_rows(folder)
    examples = train_examples(rows)
    print(f"{len(rows)} matched train prompts, {len(examples)} candidates, "
          f"{sum(label for _, label in examples)} with the prompt's direction")
    cv_curve(rows, args, prompts)
    if args.no_write:
        return
    model = fit(examples, args.min_count, args.l2, args.epochs)
    model["provenance"] = ("Evidence Inference 2.0 train split (MIT): candidates from the "
                           "prompts' matching claims read with 5-fold direction models, "
                           "label = direction right; "
                           "scripts/train_evidence_ranker.py " + " ".join(sys.argv[1:]))
    # no name, mtime 0 in the gzip header: the same training data gives the same bytes
    with open(args.out, "wb") as raw, \
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(json.dumps(model, sort_keys=True).encode("utf-8"))
    print("wrote", args.out, f"({len(model['weights'])} features)")


if __name__ == "__main__":
    main()
