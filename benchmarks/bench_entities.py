#!/usr/bin/env python
"""Throughput of litkg's entity stage beside spaCy's bare tokenizer, on the same texts.

    python benchmarks/bench_entities.py [PUBTATOR_FILE ...] [--repeat 3]

Default texts: all CDR abstracts (training + development) from the shared benchmarks folder.
Prints words/s (median of --repeat runs) for: the bare tokenizer; the entity stage with the
lexicon only; the entity stage with the NER model (when shipped).  The entity-stage figures
exclude tokenization (docs are made first), so they measure the stage alone.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import sys
import time
import tracemalloc
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from litkg.evaluate.ner import read_gold  # noqa: E402
from litkg.extract.entities import add_entity_pipes, default_ner_path  # noqa: E402
from litkg.paths import benchmarks_dir  # noqa: E402


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    files = args.files or [benchmarks_dir() / "cdr" / "CDR_TrainingSet.PubTator.txt",
                           benchmarks_dir() / "cdr" / "CDR_DevelopmentSet.PubTator.txt"]
    texts = [d.text for f in files for d in read_gold(f)]
    nlp = spacy.blank("en")
    docs = [nlp.make_doc(t) for t in texts]
    words = sum(len(d) for d in docs)
    print(f"{len(texts)} texts, {words} tokens, {sum(map(len, texts)) / 1e6:.2f} MB")
    rows = [("spaCy bare tokenizer", timed(lambda: [nlp.make_doc(t) for t in texts], args.repeat))]
    configs = [("entities, lexicon only", False)]
    if (default_ner_path() / "meta.json").exists():
        configs.append(("entities, NER + lexicon", True))
    for name, use_ner in configs:
        pipe_nlp = spacy.blank("en")
        add_entity_pipes(pipe_nlp, use_ner=use_ner)
        stages = [pipe_nlp.get_pipe(n) for n in pipe_nlp.pipe_names]

        def run():
            stream = (pipe_nlp.make_doc(t) for t in texts)
            made = list(stream)
            start = time.perf_counter()
            out = made
            for stage in stages:
                out = stage.pipe(out) if hasattr(stage, "pipe") else (stage(d) for d in out)
            list(out)
            return time.perf_counter() - start

        runs = sorted(run() for _ in range(args.repeat))
        rows.append((name, runs[len(runs) // 2]))
    print(f"{'stage':<28} {'seconds':>8} {'words/s':>10}")
    for name, secs in rows:
        print(f"{name:<28} {secs:8.2f} {words / secs:10,.0f}")
    # The one-off cost of the lexicon (paid once per process, not per word).
    from litkg.extract.lexicon import default_lexicon_path, load_lexicon

    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for i in range(args.repeat):  # a fresh path each time: load_lexicon caches per path
            copies.append(Path(tmp) / f"lexicon{i}.tsv.gz")
            shutil.copy(default_lexicon_path(), copies[-1])
        loads = []
        for copy in copies:
            tracemalloc.start()
            start = time.perf_counter()
            lexicon = load_lexicon(copy)
            loads.append(time.perf_counter() - start)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    print(f"lexicon load: {len(lexicon):,} names, {statistics.median(loads):.2f} s, "
          f"{peak / 2**20:.0f} MB (once per process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
