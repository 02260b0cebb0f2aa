#!/usr/bin/env python
"""Train litkg's small CPU NER (blank English tokenizer, hash-embedding tok2vec + NER).

Training data: BioCreative V CDR *training* set and BioRED *training* set (chemical and disease
mentions only: both corpora annotate those exhaustively; NCBI-disease is left out because it does
not annotate chemicals, which would teach the model that chemicals are not entities).  BioRED
abstracts that are also in the CDR development set are dropped so that the development score is
not inflated.  Labels: CHEMICAL, DISEASE (litkg maps them onto DRUG/ANALYTE and
CONDITION/PHENOTYPE with the lexicon).  Model selection data: BioRED dev (minus CDR dev PMIDs).

    nice python scripts/train_ner.py [--benchmarks ../shared/benchmarks] [--out src/litkg/data/ner]
        [--max-steps 6000] [--dropout 0.1] [--patience 2000] [--workdir DIR]

``--workdir`` keeps the converted corpora and the checkpoints (``out/model-best``) so that a run
stopped early can still be evaluated.

The model embeds its own tok2vec (no listener), so the entity component can run it inside any
pipeline that uses spaCy's default English tokenizer.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from litkg.evaluate.ner import GOLD_TYPES, read_gold  # noqa: E402

LABELS = {"Chemical": "CHEMICAL", "Disease": "DISEASE"}

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["ner"]
batch_size = 256

[components]

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {"@scorers":"spacy.ner_scorer.v1"}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = %(width)d
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [20000, 5000, 10000, 2500]
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = %(width)d
depth = %(depth)d
window_size = 1
maxout_pieces = 3

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = %(dropout)s
accumulate_gradient = 1
patience = %(patience)d
max_epochs = 0
max_steps = %(max_steps)d
eval_frequency = 500
frozen_components = []
annotating_components = []
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def to_docbin(nlp, docs, exclude: set[str]) -> tuple[DocBin, int, int]:
    db, ok, bad = DocBin(), 0, 0
    for gold in docs:
        if gold.pmid in exclude:
            continue
        doc = nlp.make_doc(gold.text)
        spans = []
        for m in gold.mentions:
            label = LABELS.get(GOLD_TYPES.get(m.type, ""))
            if not label:
                continue
            span = doc.char_span(m.start, m.end, label=label, alignment_mode="contract")
            if span is None or not span.text.strip():
                span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
            if span is None:
                bad += 1
                continue
            ok += 1
            spans.append(span)
        doc.ents = filter_spans(spans)
        db.add(doc)
    return db, ok, bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "litkg" / "data" / "ner")
    ap.add_argument("--max-steps", type=int, default=6000)
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--patience", type=int, default=2000)
    ap.add_argument("--workdir", type=Path, default=None,
                    help="keep the training data and checkpoints here (default: a temp dir)")
    args = ap.parse_args(argv)
    bench = args.benchmarks
    cdr_dev = {d.pmid for d in read_gold(bench / "cdr" / "CDR_DevelopmentSet.PubTator.txt")}
    nlp = spacy.blank("en")
    train = read_gold(bench / "cdr" / "CDR_TrainingSet.PubTator.txt") + read_gold(bench / "biored" / "Train.PubTator")
    dev = read_gold(bench / "biored" / "Dev.PubTator")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.workdir is not None:
            tmp = args.workdir
            tmp.mkdir(parents=True, exist_ok=True)
        for name, docs in (("train", train), ("dev", dev)):
            db, ok, bad = to_docbin(nlp, docs, cdr_dev)
            db.to_disk(tmp / f"{name}.spacy")
            print(f"{name}: {len(db)} docs, {ok} spans, {bad} not aligned to tokens", flush=True)
        cfg = tmp / "config.cfg"
        cfg.write_text(CONFIG % {"width": args.width, "depth": args.depth, "max_steps": args.max_steps,
                                 "dropout": args.dropout, "patience": args.patience})
        from spacy.cli.train import train as spacy_train

        spacy_train(cfg, tmp / "out", overrides={"paths.train": str(tmp / "train.spacy"),
                                                  "paths.dev": str(tmp / "dev.spacy")})
        best = tmp / "out" / "model-best"
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"model written to {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
