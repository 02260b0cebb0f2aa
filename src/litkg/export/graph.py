"""The evidence graph for visualisation: drugs, conditions, analytes and targets as nodes,
claims aggregated into edges; written as GraphML, GEXF, Cytoscape.js JSON, a self-contained
HTML page, PNG or DOT.

One edge per (subject, kind, object, direction): its ``evidence`` is the number of claims behind
it, ``documents`` the documents they come from and ``claims`` their IRIs, so a thick edge means
many independent statements, not one repeated triple.  Curator-rejected claims are never edges;
negated claims are left out unless their direction is ``unchanged`` ("no change in calcium" is a
finding, "did not decrease" is not an edge worth drawing).
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from litkg.errors import LitkgError

LITKG = "https://w3id.org/litkg/ontology#"
#: Claim kinds that make edges (measurements are values, not relations).
EDGE_KINDS = {"treatment": "TreatmentClaim", "outcome": "OutcomeClaim", "mechanism": "MechanismClaim",
              "adverse_effect": "AdverseEffectClaim"}
ENTITY_TYPES = ("Drug", "Procedure", "Condition", "Phenotype", "Analyte", "Target", "Endpoint")
CURATED = {"Accepted", "Edited", "Added"}
FORMATS = ("graphml", "gexf", "cytoscape", "html", "png", "dot")
#: Node colours by entity type (HTML, PNG and DOT share them).
COLOURS = {"Drug": "#1f77b4", "Procedure": "#9467bd", "Condition": "#d62728", "Phenotype": "#ff7f0e",
           "Analyte": "#2ca02c", "Target": "#8c564b", "Endpoint": "#17becf", "Entity": "#7f7f7f"}

_PREFIXES = ("PREFIX litkg: <https://w3id.org/litkg/ontology#>\n"
             "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
             "PREFIX dcterms: <http://purl.org/dc/terms/>\n")
_CLAIMS = _PREFIXES + """
SELECT ?claim ?kind ?s ?o ?dir ?doc ?docId ?status ?negated ?sText WHERE {
  ?claim a ?kind ; litkg:subject ?s ; litkg:object ?o ; litkg:inDocument ?doc .
  FILTER(?kind IN (litkg:TreatmentClaim, litkg:OutcomeClaim, litkg:MechanismClaim, litkg:AdverseEffectClaim))
  OPTIONAL { ?claim litkg:direction ?dir }
  OPTIONAL { ?claim litkg:curationStatus ?status }
  OPTIONAL { ?claim litkg:negated ?negated }
  OPTIONAL { ?claim litkg:subjectText ?sText }
  OPTIONAL { ?doc dcterms:identifier ?docId }
}"""
# The entities first (a DISTINCT sub-select), then their facts: entity nodes are stored once (in
# graph/shared), but a join from every claim would still repeat them per claim.
_ENTITIES = _PREFIXES + """
SELECT DISTINCT ?e ?p ?v WHERE {
  { SELECT DISTINCT ?e WHERE { ?c litkg:subject|litkg:object ?e } }
  ?e ?p ?v .
  FILTER(?p IN (rdfs:label, litkg:curie, skos:altLabel, litkg:labelKey, rdf:type))
}"""


def _local(iri: str | None) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if iri else ""


def _v(term: Any) -> str | None:
    return None if term is None else term.value


def evidence_graph(store: ox.Store, *, drug: str | None = None, doc: str | None = None,
                   kind: str | None = None, curated_only: bool = False) -> nx.MultiDiGraph:
    """The evidence graph of ``store``, optionally restricted.

    ``drug`` matches the subject's label, synonym, CURIE or text as written (case-insensitive,
    exact); ``doc`` a document id or IRI; ``kind`` one of treatment, outcome, mechanism,
    adverse_effect; ``curated_only`` keeps claims a curator accepted, edited or added.
    """
    if kind is not None and kind not in EDGE_KINDS:
        raise LitkgError(f"unknown claim kind {kind!r} for the evidence graph",
                         hint=f"use one of {', '.join(EDGE_KINDS)}")
    entities: dict[str, dict[str, Any]] = {}
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_ENTITIES, use_default_graph_as_union=True):
        iri, prop, value = row["e"].value, _local(row["p"].value), row["v"].value
        info = entities.setdefault(iri, {"label": None, "curie": None, "types": set()})
        if prop == "label" and (info["label"] is None or value < info["label"]):
            info["label"] = value  # the smallest of several labels, so the choice is stable
        elif prop == "curie":
            info["curie"] = value
        elif prop == "type" and _local(value) in ENTITY_TYPES:
            info["types"].add(_local(value))
        if prop != "type":
            names[iri].add(value.casefold())

    wanted_kind = f"{LITKG}{EDGE_KINDS[kind]}" if kind else None
    edges: dict[tuple, dict[str, Any]] = {}
    for row in store.query(_CLAIMS, use_default_graph_as_union=True):
        if wanted_kind and row["kind"].value != wanted_kind:
            continue
        status = _local(_v(row["status"])) or "Machine"
        if status == "Rejected" or (curated_only and status not in CURATED):
            continue
        direction = _local(_v(row["dir"])).lower()
        if _v(row["negated"]) == "true" and direction != "unchanged":
            continue
        s, o = row["s"].value, row["o"].value
        doc_iri, doc_id = row["doc"].value, _v(row["docId"]) or _local(row["doc"].value)
        if doc is not None and doc not in (doc_id, doc_iri, _local(doc_iri)):
            continue
        if drug is not None:
            subject_names = names[s] | ({row["sText"].value.casefold()} if row["sText"] is not None else set())
            if drug.casefold() not in subject_names:
                continue
        claim_kind = next(k for k, cls in EDGE_KINDS.items() if row["kind"].value == f"{LITKG}{cls}")
        edge = edges.setdefault((s, claim_kind, o, direction),
                                {"claims": set(), "documents": set(), "statuses": set()})
        edge["claims"].add(row["claim"].value)
        edge["documents"].add(doc_id)
        edge["statuses"].add(status)

    # Entity types are not disjoint (calcium is a drug in one claim, an analyte in another): a node
    # drawn as a subject takes its subject type, one that is only an object its object type.
    subjects = {s for s, _, _, _ in edges}

    def node_type(node: str) -> str:
        types = entities.get(node, {}).get("types", set())
        order = ENTITY_TYPES if node in subjects else ENTITY_TYPES[2:] + ENTITY_TYPES[:2]
        return next((t for t in order if t in types), "Entity")

    graph = nx.MultiDiGraph(drug=drug or "", doc=doc or "", kind=kind or "", curated_only=curated_only)
    for (s, claim_kind, o, direction), edge in sorted(edges.items()):
        for node in (s, o):
            if node not in graph:
                info = entities.get(node, {})
                graph.add_node(node, label=info.get("label") or _local(node), curie=info.get("curie") or "",
                               type=node_type(node), iri=node)
        graph.add_edge(s, o, key=f"{claim_kind}:{direction}", kind=claim_kind, direction=direction,
                       evidence=len(edge["claims"]), documents=sorted(edge["documents"]),
                       claims=sorted(edge["claims"]), curation=sorted(edge["statuses"]))
    return graph


# --------------------------------------------------------------------------------------------
# Writers


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose list attributes are ';'-joined strings (GraphML and GEXF hold scalars only)."""
    flat = nx.MultiDiGraph()
    flat.graph.update({k: (str(v) if isinstance(v, bool) else v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **data)
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: ";".join(x) if isinstance(x, list) else x for k, x in data.items()})
    return flat


def cytoscape_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Cytoscape.js ``elements`` (nodes and edges, each with a ``data`` object)."""
    nodes = [{"data": {"id": n, **d}} for n, d in graph.nodes(data=True)]
    edges = [{"data": {"id": f"e{i}", "source": u, "target": v, "key": k, **d}}
             for i, (u, v, k, d) in enumerate(graph.edges(keys=True, data=True))]
    return {"elements": {"nodes": nodes, "edges": edges}, "data": dict(graph.graph)}


def _dot(graph: nx.MultiDiGraph) -> str:
    def q(text: Any) -> str:  # a DOT double-quoted string
        return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    lines = ["digraph evidence {", "  graph [rankdir=LR, overlap=false];",
             '  node [shape=box, style="rounded,filled", fontcolor=white, fontname="Helvetica"];']
    ids = {n: f"n{i}" for i, n in enumerate(graph.nodes)}
    for n, d in graph.nodes(data=True):
        lines.append(f"  {ids[n]} [label={q(d['label'])}, fillcolor={q(COLOURS.get(d['type'], '#7f7f7f'))}, "
                     f"type={q(d['type'])}, curie={q(d['curie'])}, iri={q(n)}];")
    for u, v, d in graph.edges(data=True):
        label = d["kind"] + (f" ({d['direction']})" if d["direction"] else "")
        lines.append(f"  {ids[u]} -> {ids[v]} [label={q(label + ' ×' + str(d['evidence']))}, "
                     f"penwidth={min(1 + d['evidence'], 6)}, kind={q(d['kind'])}, direction={q(d['direction'])}, "
                     f"evidence={d['evidence']}, documents={q(';'.join(d['documents']))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _html(graph: nx.MultiDiGraph) -> str:
    renderer = (Path(__file__).resolve().parent.parent / "serve" / "static" / "graph.js").read_text(encoding="utf-8")
    data = json.dumps({**cytoscape_json(graph), "colours": COLOURS}, ensure_ascii=False)
    # Inside <script>, "</" could close the element early: escape it (JSON stays equivalent).
    data = data.replace("</", "<\\/").replace("<!--", "<\\!--")
    title = "litkg evidence graph" + (f" — {graph.graph.get('drug')}" if graph.graph.get("drug") else "")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ margin: 0; font: 14px system-ui, sans-serif; color: #1d232b; }}
header {{ padding: .5em 1em; background: #1f3a5f; color: #fff; }}
#graph {{ width: 100vw; height: calc(100vh - 7em); display: block; background: #fafbfc; }}
#info {{ padding: .4em 1em; min-height: 2.5em; border-top: 1px solid #ddd; }}
.legend span {{ margin-right: 1em; }} .legend i {{ display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .3em; }}
svg text {{ font-size: 11px; pointer-events: none; }}
</style></head><body>
<header>{html.escape(title)} · <span id="counts"></span> <span class="legend" id="legend"></span></header>
<svg id="graph" xmlns="http://www.w3.org/2000/svg"></svg>
<div id="info">Click a node or an edge for details; drag nodes to move them.</div>
<script id="graph-data" type="application/json">{data}</script>
<script>{renderer}</script>
</body></html>
"""


def _png(graph: nx.MultiDiGraph, path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display on servers and CI
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise LitkgError("PNG export needs matplotlib", hint="pip install matplotlib") from err
    fig, ax = plt.subplots(figsize=(12, 9), dpi=100)
    if graph.number_of_nodes():
        pos = nx.spring_layout(nx.Graph(graph), seed=7, k=1.5 / max(1, graph.number_of_nodes()) ** 0.5)
        colours = [COLOURS.get(d["type"], "#7f7f7f") for _, d in graph.nodes(data=True)]
        nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=colours, node_size=600, alpha=0.9)
        nx.draw_networkx_labels(graph, pos, ax=ax, labels={n: d["label"] for n, d in graph.nodes(data=True)},
                                font_size=8)
        widths = [min(1 + d["evidence"], 6) for _, _, d in graph.edges(data=True)]
        nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, arrows=True, arrowsize=12,
                               connectionstyle="arc3,rad=0.08", edge_color="#555555", node_size=600)
        labels = {}
        for u, v, d in graph.edges(data=True):
            text = d["kind"] + (f" {d['direction']}" if d["direction"] else "")
            labels[(u, v)] = (labels[(u, v)] + "\n" + text) if (u, v) in labels else text
        nx.draw_networkx_edge_labels(nx.DiGraph(graph), pos, edge_labels=labels, ax=ax, font_size=6)
    else:
        ax.text(0.5, 0.5, "no claims match", ha="center", va="center")
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)


def write_graph(graph: nx.MultiDiGraph, fmt: str, path: Path | str) -> Path:
    """Write ``graph`` as ``fmt`` (one of FORMATS) to ``path``; returns the path."""
    path = Path(path)
    if fmt not in FORMATS:
        raise LitkgError(f"unknown graph format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(_flat(graph), path)
        elif fmt == "gexf":
            nx.write_gexf(_flat(graph), path)
        elif fmt == "cytoscape":
            path.write_text(json.dumps(cytoscape_json(graph), indent=1, ensure_ascii=False), encoding="utf-8")
        elif fmt == "html":
            path.write_text(_html(graph), encoding="utf-8")
        elif fmt == "dot":
            path.write_text(_dot(graph), encoding="utf-8")
        else:
            _png(graph, path)
    except OSError as err:
        raise LitkgError(f"cannot write the graph: {err}", where=str(path),
                         hint="choose a writable output path with -o") from err
    return path
