"""Dumps round-trip without loss: each format is re-read by rdflib (an independent parser) and
compared graph by graph with the store by isomorphism (the ontology graph has blank nodes)."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from litkg.errors import LitkgError
from litkg.rdf.dump import dump, dumps
from litkg.rdf.namespaces import GRAPH_INFERRED, GRAPH_SHARED, GRAPH_ONTOLOGY
from litkg.rdf.reason import materialise, rdflib_term
from test_rdf_mapping import loaded_store, world


def _store_graphs(store: ox.Store) -> dict[str, rdflib.Graph]:
    graphs: dict[str, rdflib.Graph] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        graphs.setdefault(name, rdflib.Graph()).add((rdflib_term(q.subject), rdflib_term(q.predicate),
                                                     rdflib_term(q.object)))
    return graphs


def _assert_isomorphic(expected: rdflib.Graph, actual: rdflib.Graph, what: str) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lost = "\n".join(sorted(only_expected.serialize(format="nt").splitlines())[:10])
        extra = "\n".join(sorted(only_actual.serialize(format="nt").splitlines())[:10])
        pytest.fail(f"{what}: not isomorphic\nlost:\n{lost}\nextra:\n{extra}")


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = loaded_store()
    materialise(s)
    return s


@pytest.mark.parametrize("fmt,rdflib_format", [("trig", "trig"), ("nquads", "nquads"),
                                               ("jsonld", "json-ld")])
def test_dataset_formats_keep_every_named_graph(store, fmt, rdflib_format):
    expected = _store_graphs(store)
    names = {GRAPH_ONTOLOGY, GRAPH_SHARED, GRAPH_INFERRED} | {
        f"{d.iri}/{part}" for d, _, _ in world() for part in ("assertions", "provenance")}
    assert set(expected) == names
    data = dumps(store, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=data.decode("utf-8"), format=rdflib_format)
    parsed = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert set(parsed) == names
    for name in names:
        _assert_isomorphic(expected[name], parsed[name], f"{fmt} graph {name}")


def test_turtle_is_the_union_of_the_graphs(store, tmp_path):
    path = tmp_path / "all.ttl"
    dump(store, "turtle", path)
    union = rdflib.Graph()
    for g in _store_graphs(store).values():
        union += g
    parsed = rdflib.Graph().parse(path, format="turtle")
    assert len(parsed) == len(union)  # each triple once, though entities repeat across graphs
    _assert_isomorphic(union, parsed, "turtle union")
    assert b"@prefix litkg: <https://w3id.org/litkg/ontology#>" in path.read_bytes()


def test_nquads_reload_into_oxigraph_is_identical(store):
    buffer = io.BytesIO()
    dump(store, "nquads", buffer)
    again = ox.Store()
    again.load(buffer.getvalue(), ox.RdfFormat.N_QUADS)
    # no blank nodes outside the ontology graph: data quads compare as plain sets
    data = lambda s: {str(q) for q in s.quads_for_pattern(None, None, None, None)
                      if q.graph_name != ox.NamedNode(GRAPH_ONTOLOGY)}
    assert data(again) == data(store) and len(again) == len(store)


def test_unknown_format_is_a_litkg_error(store):
    with pytest.raises(LitkgError, match="unknown dump format"):
        dumps(store, "rdfa")
