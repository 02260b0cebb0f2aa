"""Store benchmark with litkg's own claim model: load time and the PTH/calcium join.

    python benchmarks/bench_store.py [--sizes 100000 1000000] [--rdflib-max 100000]

Synthetic documents, each a case with a PTH-decreased outcome, a calcium-unchanged outcome and
lab measurements, go through litkg.rdf.mapping (the real mapping), then are loaded into
pyoxigraph (on disk) and, up to --rdflib-max triples, into rdflib's in-memory Dataset.  The
query is queries/pth-fell-ca-unchanged.rq with its default parameters.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from litkg.models import Claim, Concept, Document, DocumentMetadata, Evidence
from litkg.query import bind_params, load_named_query, run_query
from litkg.rdf.mapping import document_quads

CINACALCET = Concept("cinacalcet", "CHEBI:48390")
PTH = Concept("parathyroid hormone", "LOINC:2731-8", text="PTH")
CALCIUM = Concept("calcium", "LOINC:17861-6")
ANALYTES = [Concept("alkaline phosphatase", "LOINC:6768-6", text="ALP"),
            Concept("phosphate", "LOINC:2777-1", text="P")]


def synthetic(i: int) -> tuple[Document, list[Claim]]:
    text = (f"Case {i}. PTH decreased from 269 to 225 pg/ml under cinacalcet. "
            "No significant change in calcium was observed. ") + "ALP 120 U/L. P 3.1 mg/dL. " * 4
    doc = Document(id=f"syn{i:07d}", text=text, metadata=DocumentMetadata(title=f"Case {i}"))
    s1 = text.index("PTH")
    s2 = text.index("No significant")
    claims = [
        Claim(doc=doc.id, kind="outcome", subject=CINACALCET, object=PTH, direction="decreased",
              before=269, after=225, unit="pg/ml", patient="case 1",
              evidence=Evidence(text[s1:s2 - 1], s1, s2 - 1)),
        Claim(doc=doc.id, kind="outcome", subject=CINACALCET, object=CALCIUM, direction="unchanged",
              patient="case 1", evidence=Evidence(text[s2:s2 + 46], s2, s2 + 46)),
    ]
    pos = s2 + 47
    for k in range(8):
        analyte = ANALYTES[k % 2]
        claims.append(Claim(doc=doc.id, kind="measurement", subject=CINACALCET, object=analyte,
                            value=100 + k, unit="U/L", patient="case 1", timepoint=f"visit {k}",
                            evidence=Evidence(text[pos:pos + 12], pos, pos + 12)))
    return doc, claims


def quads_until(n_triples: int) -> list:
    quads, i = [], 0
    while len(quads) < n_triples:
        doc, claims = synthetic(i)
        quads.extend(document_quads(doc, claims, None, extractor_version="bench"))
        i += 1
    return quads


RDFLIB_CHILD = """
import sys, time
from rdflib import Dataset
from litkg.query import DEFAULT_PREFIXES
nq, query = open(sys.argv[1]).read(), open(sys.argv[2]).read()
ds = Dataset(default_union=True)
t = time.perf_counter(); ds.parse(data=nq, format="nquads"); load = time.perf_counter() - t
print(f"load {load:.2f}", flush=True)
t = time.perf_counter(); n = len(list(ds.query(query, initNs=DEFAULT_PREFIXES)))
print(f"query {time.perf_counter() - t:.3f} {n}", flush=True)
"""


def run_rdflib(quads, text: str, limit_s: float) -> tuple[str, str, str]:
    """rdflib in a child process, so a query that runs for an hour can be cut off."""
    import subprocess
    import sys

    with tempfile.TemporaryDirectory() as tmp:
        nq, rq = Path(tmp) / "data.nq", Path(tmp) / "q.rq"
        nq.write_text("\n".join(f"{q} ." for q in quads) + "\n", encoding="utf-8")
        rq.write_text(text, encoding="utf-8")
        try:
            out = subprocess.run([sys.executable, "-c", RDFLIB_CHILD, str(nq), str(rq)],
                                 capture_output=True, text=True, timeout=limit_s).stdout
        except subprocess.TimeoutExpired as err:
            out = (err.stdout or b"").decode() if isinstance(err.stdout, bytes) else (err.stdout or "")
            load = next((line.split()[1] for line in out.splitlines() if line.startswith("load")), "?")
            return load, f"> {limit_s:.0f} (stopped)", "?"
    fields = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    query_s, rows = fields.get("query", "? ?").split()
    return fields.get("load", "?"), query_s, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rdflib-max", type=int, default=100_000)
    parser.add_argument("--rdflib-limit", type=float, default=600.0, help="seconds before rdflib is stopped")
    args = parser.parse_args()
    named = load_named_query("pth-fell-ca-unchanged")
    text = bind_params(named)
    print("| store | triples | load s | PTH/Ca query s | rows |")
    print("|---|---|---|---|---|", flush=True)
    for size in args.sizes:
        quads = quads_until(size)
        with tempfile.TemporaryDirectory() as tmp:
            store = ox.Store(tmp)
            t = time.perf_counter()
            store.bulk_extend(quads)
            store.flush()
            load = time.perf_counter() - t
            t = time.perf_counter()
            n = len(run_query(store, named).rows)
            q = time.perf_counter() - t
            print(f"| pyoxigraph (disk) | {len(quads)} | {load:.2f} | {q:.3f} | {n} |", flush=True)
            del store
        if size <= args.rdflib_max:
            load_s, query_s, rows = run_rdflib(quads, text, args.rdflib_limit)
            print(f"| rdflib in-memory | {len(quads)} | {load_s} | {query_s} | {rows} |", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of the benchmark process (pyoxigraph side): {peak:.0f} MB")


if __name__ == "__main__":
    main()
