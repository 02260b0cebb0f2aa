"""HTML pages of the litkg server: the query page, a claim's evidence, a document's text.

Every piece of text that comes from the store, a document or the request is passed through
``esc`` (html.escape with quotes); the query page builds its result table in the browser with
DOM text nodes only (static/app.js), never innerHTML.  The pages run no inline script, so the
server can forbid inline scripts with a Content-Security-Policy.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from litkg.models import DATA_IRI, document_iri

LITKG = "https://w3id.org/litkg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
#: Characters of document text shown around the evidence on the claim page.
CONTEXT_CHARS = 600


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _page(title: str, body: str, *, scripts: tuple[str, ...] = ()) -> str:
    tags = "".join(f'<script src="/static/{s}" defer></script>' for s in scripts)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{esc(title)} · litkg</title><link rel="stylesheet" href="/static/style.css">{tags}'
            f'</head><body><header><a href="/" class="brand">litkg</a> '
            f'<span class="sub">literature evidence graph</span></header><main>{body}</main></body></html>')


# --------------------------------------------------------------------------------------------
# Query page


def query_library() -> list[dict[str, Any]]:
    """The named queries for the page: name, question, parameters with defaults, text."""
    from litkg.query import list_named_queries

    return [{"name": q.name, "question": q.question, "params": dict(q.params), "text": q.text}
            for q in list_named_queries()]


def index_page() -> str:
    body = """
<section class="panel">
  <label for="named">Research question</label>
  <select id="named"><option value="">— write your own SPARQL —</option></select>
  <p id="question" class="question"></p>
  <div id="params" class="params"></div>
  <label for="query">SPARQL (the default graph is the union of all named graphs)</label>
  <textarea id="query" spellcheck="false" rows="14">SELECT ?claim ?kind ?subject ?object WHERE {
  ?claim a ?kind ; litkg:subject/rdfs:label ?subject ; litkg:object/rdfs:label ?object .
  FILTER(STRSTARTS(STR(?kind), STR(litkg:)) &amp;&amp; ?kind != litkg:Claim)
} LIMIT 50</textarea>
  <div class="actions">
    <button id="run" type="button">Run</button> <span class="hint">Ctrl+Enter</span>
    <a id="csv" href="#" class="hidden">download CSV</a>
    <span id="status" class="status" role="status"></span>
  </div>
</section>
<pre id="error" class="error hidden"></pre>
<div id="results" class="results"></div>
"""
    return _page("query", body, scripts=("app.js",))


# --------------------------------------------------------------------------------------------
# Claim and document pages


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1] if iri else iri


def _doc_id(doc_iri: str) -> str | None:
    prefix = f"{DATA_IRI}doc/"
    return doc_iri[len(prefix):] if doc_iri.startswith(prefix) else None


def _select(store: ox.Store, query: str, **nodes: ox.NamedNode) -> list[Any]:
    """Run ``query`` with ``?name`` bound to each validated IRI through a VALUES block.

    ``ox.NamedNode`` has already rejected anything that is not an IRI (no '>', spaces, ...),
    so its N-Triples form ``<iri>`` cannot change the query's structure.
    """
    values = "".join(f"VALUES ?{k} {{ {v} }} " for k, v in nodes.items())
    head, _, tail = query.partition("WHERE {")
    return list(store.query(f"{head}WHERE {{ {values}{tail}", use_default_graph_as_union=True))


def _one(store: ox.Store, query: str, **nodes: ox.NamedNode) -> Any | None:
    rows = _select(store, query, **nodes)
    return rows[0] if rows else None


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def claim_page(store: ox.Store, iri: str) -> str:
    from litkg.serve.server import HttpError

    try:
        node = ox.NamedNode(iri)  # validates the IRI; it is bound, never spliced into SPARQL
    except ValueError:
        raise HttpError(400, f"not an IRI: {iri!r}") from None
    facts = _select(store, "SELECT DISTINCT ?p ?o ?label WHERE { ?c ?p ?o "
                           "OPTIONAL { ?o <http://www.w3.org/2000/01/rdf-schema#label> ?label } } ORDER BY ?p",
                    c=node)
    if not facts:
        raise HttpError(404, f"no claim {iri} in the store")
    ev = _one(store, """
        PREFIX litkg: <https://w3id.org/litkg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?doc ?start ?end ?sentence ?section ?text WHERE {
          ?c litkg:evidence ?ev . ?ev oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end .
          OPTIONAL { ?c litkg:inDocument ?d0 } OPTIONAL { ?ev oa:hasSource ?d1 }
          BIND(COALESCE(?d0, ?d1) AS ?doc)
          OPTIONAL { ?ev oa:hasSelector/oa:exact ?sentence } OPTIONAL { ?ev litkg:section ?section }
          OPTIONAL { ?doc litkg:text ?text }
        } LIMIT 1""", c=node)
    stats = _select(store, "PREFIX litkg: <https://w3id.org/litkg/ontology#> SELECT ?type ?value WHERE "
                           "{ ?c litkg:statistic ?s . ?s litkg:statisticType ?type ; litkg:statisticValue ?value }",
                    c=node)

    # The fields a reader looks for first, then the rest alphabetically.
    order = ["type", "subject", "object", "condition", "direction", "negated", "hedged", "value",
             "valueBefore", "valueAfter", "unitText", "normalizedValue", "normalizedUnitText",
             "patient", "timepoint", "regimen", "curationStatus", "inDocument"]
    facts.sort(key=lambda f: (order.index(_local(f["p"].value)) if _local(f["p"].value) in order
                              else len(order), _local(f["p"].value)))
    rows = []
    seen: set[tuple[str, str]] = set()
    for fact in facts:
        if fact["p"].value.endswith("#type") and fact["o"].value == f"{LITKG}Claim":
            continue
        # An entity with several labels would repeat the line: show each (field, value) once.
        if (fact["p"].value, str(fact["o"])) in seen:
            continue
        seen.add((fact["p"].value, str(fact["o"])))
        pred, obj, label = fact["p"].value, fact["o"], fact["label"]
        if pred in (f"{LITKG}statistic", f"{LITKG}evidence"):
            continue
        name = _local(pred)
        if isinstance(obj, ox.NamedNode):
            shown = f"{esc(label.value)} <span class=\"iri\">{esc(obj.value)}</span>" if label else esc(_local(obj.value))
            doc_id = _doc_id(obj.value)
            if doc_id and pred == f"{LITKG}inDocument":
                shown = f'<a href="/doc/{quote(doc_id)}">{esc(label.value if label else doc_id)}</a>'
        else:
            shown = esc(label.value if label is not None else obj.value)
        rows.append(f"<tr><th>{esc(name)}</th><td>{shown}</td></tr>")
    for s in stats:
        rows.append(f"<tr><th>statistic</th><td>{esc(s['type'].value)} = {esc(s['value'].value)}</td></tr>")

    evidence = "<p>No evidence span recorded for this claim.</p>"
    if ev is not None:
        start, end = int(ev["start"].value), int(ev["end"].value)
        doc_iri = _value(ev["doc"]) or ""
        doc_id = _doc_id(doc_iri)
        text = _value(ev["text"])
        link = (f'<a id="doclink" href="/doc/{quote(doc_id)}?start={start}&amp;end={end}#evidence">'
                f'open the document with the evidence highlighted</a>') if doc_id else ""
        if text and 0 <= start <= end <= len(text):
            lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
            excerpt = (("…" if lo else "") + esc(text[lo:start]) + f'<mark id="evidence">{esc(text[start:end])}</mark>'
                       + esc(text[end:hi]) + ("…" if hi < len(text) else ""))
        else:
            excerpt = f'<mark id="evidence">{esc(_value(ev["sentence"]))}</mark>'
        evidence = (f'<p class="meta">{esc(doc_id or doc_iri)}, characters {start}–{end}'
                    f'{", section " + esc(ev["section"].value) if ev["section"] else ""} · {link}</p>'
                    f'<div class="doctext">{excerpt}</div>')
    body = (f'<h1>Claim</h1><p class="iri">{esc(iri)}</p>'
            f'<table class="fields">{"".join(rows)}</table><h2>Evidence</h2>{evidence}')
    return _page("claim", body)


def doc_page(store: ox.Store, doc_id: str, start: str | None, end: str | None,
             corpus: Path | None = None) -> str:
    from litkg.serve.server import HttpError

    if not re.fullmatch(r"[A-Za-z0-9._-]+", doc_id or ""):
        raise HttpError(404, f"no document {doc_id!r}")
    node = ox.NamedNode(document_iri(doc_id))
    row = _one(store, """
        PREFIX litkg: <https://w3id.org/litkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?text ?title ?studyType ?level ?pending WHERE {
          OPTIONAL { ?d litkg:text ?text } OPTIONAL { ?d dcterms:title ?title }
          OPTIONAL { ?d litkg:studyType ?studyType } OPTIONAL { ?d litkg:evidenceLevel ?level }
          OPTIONAL { ?d litkg:pendingReview ?pending }
        } LIMIT 1""", d=node)
    text = _value(row["text"]) if row else None
    if text is None and corpus is not None and (corpus / f"{doc_id}.txt").is_file():
        # Stores built before litkg:text existed: fall back to the corpus file itself.
        text = (corpus / f"{doc_id}.txt").read_text(encoding="utf-8", errors="replace")
    if text is None:
        raise HttpError(404, f"no text for document {doc_id}")
    try:
        s, e = int(start), int(end)  # type: ignore[arg-type]
        valid = 0 <= s <= e <= len(text)
    except (TypeError, ValueError):
        valid = False
    if valid:
        shown = esc(text[:s]) + f'<mark id="evidence">{esc(text[s:e])}</mark>' + esc(text[e:])
    else:
        shown = esc(text)
    meta = []
    if row and row["studyType"] is not None:
        meta.append(f"study type {esc(_local(row['studyType'].value))}")
    if row and row["level"] is not None:
        meta.append(f"evidence level {esc(row['level'].value)}")
    if row and row["pending"] is not None and row["pending"].value == "true":
        meta.append('<strong class="warn">pending human review</strong>')
    title = _value(row["title"]) if row else None
    body = (f'<h1>{esc(title or doc_id)}</h1><p class="meta">{esc(doc_id)}'
            f'{" · " + " · ".join(meta) if meta else ""}</p><div class="doctext full">{shown}</div>')
    return _page(title or doc_id, body, scripts=("doc.js",))
