"""Dump the store as Turtle, TriG, N-Quads or JSON-LD (Oxigraph's serialisers: fast, streaming).

TriG, N-Quads and JSON-LD keep the named graphs (so a dump reloads into the same per-document
graphs); Turtle has no graphs and writes the union of all graphs, each triple once.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from litkg.errors import LitkgError, StoreError
from litkg.rdf.namespaces import PREFIXES

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
           "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "nq": ox.RdfFormat.N_QUADS,
           "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD}
#: File extension per format name, for callers that name files.
EXTENSIONS = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}

# the store's default graph too, in case a caller put triples there
_UNION = "SELECT DISTINCT ?s ?p ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def rdf_format(fmt: str) -> ox.RdfFormat:
    try:
        return FORMATS[fmt.lower()]
    except KeyError:
        raise LitkgError(f"unknown dump format {fmt!r}", where="litkg.rdf.dump",
                         hint="use one of turtle, trig, nquads, jsonld") from None


def dump(store: ox.Store, fmt: str, out: BinaryIO | Path | str) -> None:
    """Write the whole store to ``out`` (a binary file object or a path) in ``fmt``."""
    form = rdf_format(fmt)
    prefixes = PREFIXES if form in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    target = str(out) if isinstance(out, Path) else out
    try:
        if form == ox.RdfFormat.TURTLE:
            triples = (ox.Triple(r["s"], r["p"], r["o"]) for r in store.query(_UNION))
            ox.serialize(triples, target, form, prefixes=prefixes)
        else:
            store.dump(target, form, prefixes=prefixes)
    except OSError as exc:
        raise StoreError(f"could not write the dump: {exc}", where=str(out),
                         hint="check the folder exists and is writable") from exc


def dumps(store: ox.Store, fmt: str) -> bytes:
    import io

    buffer = io.BytesIO()
    dump(store, fmt, buffer)
    return buffer.getvalue()

