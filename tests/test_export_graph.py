"""litkg export graph: the aggregated evidence graph and each file format, read back by a real reader."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from litkg.errors import LitkgError
from litkg.export.graph import evidence_graph, write_graph
from test_queries_library import ID, build_fixture_store, seed, seed_path

CINACALCET = "http://purl.obolibrary.org/obo/CHEBI_48390"
PTH = "https://loinc.org/2731-8"
CALCIUM = "http://purl.obolibrary.org/obo/CHEBI_29108"


@pytest.fixture(scope="module")
def graph():
    return evidence_graph(build_fixture_store())


def test_nodes_carry_label_curie_type(graph):
    assert graph.nodes[CINACALCET] == {"label": "cinacalcet", "curie": "CHEBI:48390", "type": "Drug",
                                       "iri": CINACALCET}
    assert graph.nodes[PTH]["type"] == "Analyte"
    assert graph.nodes["http://identifiers.org/hgnc/1514"]["type"] == "Target"


def test_identical_claims_are_aggregated(graph):
    edge = graph.edges[CINACALCET, PTH, "outcome:decreased"]
    assert edge["evidence"] == 2 and edge["documents"] == ["d1"]
    assert edge["claims"] == [f"{ID}claim/c1", f"{ID}claim/c3"]
    # Different directions stay separate edges between the same two nodes.
    keys = set(graph[CINACALCET][CALCIUM])
    assert keys == {"outcome:unchanged", "outcome:increased"}
    # c4 (increased) is rejected by a curator: only the computed k1 is left.
    assert graph.edges[CINACALCET, CALCIUM, "outcome:increased"]["claims"] == [f"{ID}claim/k1"]


def test_negated_claims_only_when_unchanged(graph):
    # e3 "Calcitriol had no effect on FGF-23" is negated but unchanged: it stays.
    assert graph.has_edge("http://purl.obolibrary.org/obo/CHEBI_17823", f"{ID}entity/fgf23")
    # measurements are not edges
    assert all(d["kind"] != "measurement" for _, _, d in graph.edges(data=True))


def test_filters():
    store = build_fixture_store()
    g = evidence_graph(store, kind="adverse_effect")
    assert {d["kind"] for _, _, d in g.edges(data=True)} == {"adverse_effect"} and g.number_of_edges() == 2
    g = evidence_graph(store, drug="Sensipar")  # a synonym
    assert {u for u, _ in g.edges()} == {CINACALCET}
    g = evidence_graph(store, doc="d2")
    assert {doc for _, _, d in g.edges(data=True) for doc in d["documents"]} == {"d2"}
    g = evidence_graph(store, curated_only=True)
    assert [(u, v, k) for u, v, k in g.edges(keys=True)] == [(CINACALCET, PTH, "outcome:decreased")]
    assert g.edges[CINACALCET, PTH, "outcome:decreased"]["evidence"] == 1
    with pytest.raises(LitkgError, match="unknown claim kind"):
        evidence_graph(store, kind="measurement")


def test_graphml_round_trip(graph, tmp_path):
    back = nx.read_graphml(write_graph(graph, "graphml", tmp_path / "g.graphml"), force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    edge = back.edges[CINACALCET, PTH, "outcome:decreased"]
    assert edge["evidence"] == 2 and edge["direction"] == "decreased" and edge["documents"] == "d1"
    assert back.nodes[CINACALCET]["curie"] == "CHEBI:48390"


def test_gexf_round_trip(graph, tmp_path):
    back = nx.read_gexf(write_graph(graph, "gexf", tmp_path / "g.gexf"))
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[CINACALCET]["type"] == "Drug"
    evidence = sorted(d["evidence"] for _, _, d in back.edges(data=True))
    assert evidence == sorted(d["evidence"] for _, _, d in graph.edges(data=True))


def test_cytoscape_json(graph, tmp_path):
    data = json.loads(write_graph(graph, "cytoscape", tmp_path / "g.json").read_text())
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)
    pth = [e["data"] for e in edges if e["data"]["target"] == PTH][0]
    assert pth["evidence"] == 2 and pth["documents"] == ["d1"]


def test_dot_read_by_pydot(graph, tmp_path):
    pydot = pytest.importorskip("pydot")
    (parsed,) = pydot.graph_from_dot_file(str(write_graph(graph, "dot", tmp_path / "g.dot")))
    assert len(parsed.get_nodes()) - len([n for n in parsed.get_nodes() if n.get_name() in ("node", "graph", "edge")]) \
        == graph.number_of_nodes()
    assert len(parsed.get_edges()) == graph.number_of_edges()
    labels = {n.get("label").strip('"') for n in parsed.get_nodes() if n.get("label")}
    assert {"cinacalcet", "parathyroid hormone", "CASR"} <= labels


def test_png_read_by_matplotlib(graph, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib.image

    image = matplotlib.image.imread(write_graph(graph, "png", tmp_path / "g.png"))
    height, width = image.shape[:2]
    assert (width, height) == (1200, 900)
    assert image[..., :3].std() > 0.01  # something was drawn, not a blank canvas


def test_html_is_self_contained_and_escaped(tmp_path):
    store = build_fixture_store()
    import pyoxigraph as ox

    store.add(ox.Quad(ox.NamedNode(CINACALCET), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                      ox.Literal("</script><script>alert(1)</script>"), ox.NamedNode("urn:g")))
    text = write_graph(evidence_graph(store), "html", tmp_path / "g.html").read_text()
    assert "<script src" not in text and "<link" not in text and "@import" not in text  # all inline
    # The label cannot close the data element: only our two script elements end.
    assert text.count("</script>") == 2 and "</script><script>alert" not in text


def test_unknown_format(graph, tmp_path):
    with pytest.raises(LitkgError, match="unknown graph format"):
        write_graph(graph, "svgz", tmp_path / "x")


def test_seed_graph_has_cinacalcet(request):
    from litkg.store import open_store

    g = evidence_graph(seed(request), drug="cinacalcet")
    assert g.number_of_edges() > 0
    assert all(graph_type in ("Drug", "Entity") for graph_type in
               {g.nodes[u]["type"] for u, _ in g.edges()})
