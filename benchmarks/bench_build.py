"""Benchmark `litkg build` over real abstracts: documents/s, words/s, triples/s, peak memory.

    python benchmarks/bench_build.py [--benchmarks ../shared/benchmarks] [--only NAME]

Each input set is built in a fresh subprocess (so peak RSS is that build's alone) into a
temporary store, with SHACL validation on and off.  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from litkg.build import build
paths = [Path(p) for p in json.loads(sys.argv[1])]
validate = sys.argv[3] == "1"
t = time.perf_counter()
report = build(paths, Path(sys.argv[2]), validate=validate, keep_going=True)
seconds = time.perf_counter() - t
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"documents": report.documents, "words": report.words, "triples": report.triples,
                  "claims": report.claims, "warnings": len(report.warnings),
                  "seconds": seconds, "peak_mb": peak_mb}))
"""


def input_sets(bench: Path) -> dict[str, list[Path]]:
    return {
        "CDR train+dev (PubTator, 1,000 abstracts)": [bench / "cdr"],
        "BioRED train+dev (PubTator, 500)": [bench / "biored"],
        "NCBI disease train+dev (PubTator, 693)": [bench / "ncbi-disease"],
        "Evidence Inference abstracts (text, 835)": [bench / "evidence-inference" / "abstracts"],
        "MEDLINE medline16n0902.xml.gz (604)": [bench / "pubmed-samples" / "medline16n0902.xml.gz"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", type=Path,
                        default=Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks")
    parser.add_argument("--only", help="substring of an input-set name")
    parser.add_argument("--no-validate-only", action="store_true", help="skip the validated runs")
    args = parser.parse_args()
    rows = []
    for name, paths in input_sets(args.benchmarks).items():
        if args.only and args.only.lower() not in name.lower():
            continue
        for validate in ([False] if args.no_validate_only else [False, True]):
            with tempfile.TemporaryDirectory() as tmp:
                out = subprocess.run([sys.executable, "-c", CHILD, json.dumps([str(p) for p in paths]),
                                      str(Path(tmp) / "store"), "1" if validate else "0"],
                                     capture_output=True, text=True)
            if out.returncode != 0:
                print(f"{name}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
                continue
            r = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append((name, "on" if validate else "off", r))
            print(f"done: {name} validate={validate}: {r['seconds']:.1f} s", file=sys.stderr)
    print("| input | SHACL | docs | words | claims | triples | seconds | docs/s | words/s | triples/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, validate, r in rows:
        s = r["seconds"]
        print(f"| {name} | {validate} | {r['documents']} | {r['words']} | {r['claims']} | {r['triples']} | "
              f"{s:.1f} | {r['documents'] / s:.1f} | {r['words'] / s:.0f} | {r['triples'] / s:.0f} | "
              f"{r['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
