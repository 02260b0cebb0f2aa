"""Named queries: parameters are bound (not spliced), errors say what to do, formats render."""

import csv
import io
import json

import pyoxigraph as ox
import pytest

from litkg.errors import QueryError
from litkg.query import NamedQuery, format_result, list_named_queries, load_named_query, run_query

LITKG = "https://w3id.org/litkg/ontology#"


@pytest.fixture
def store():
    s = ox.Store()
    for name, label in (("a", "calcium"), ("b", "phosphate"), ("c", "Calcium, ionized")):
        s.add(ox.Quad(ox.NamedNode(f"http://ex/{name}"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                      ox.Literal(label), ox.NamedNode("http://ex/g")))
    return s


QUERY = """# Question: Things whose label matches a pattern.
# @param pattern = ^calcium   regex over the label
SELECT ?thing ?label WHERE { ?thing rdfs:label ?label FILTER(REGEX(?label, ?pattern, "i")) } ORDER BY ?label
"""


def test_header_params_and_question_are_parsed():
    q = NamedQuery.from_text(QUERY)
    assert q.params == {"pattern": "^calcium"}
    assert q.question.startswith("Things whose label")


def test_default_and_given_parameters_are_bound(store):
    q = NamedQuery.from_text(QUERY)
    assert [r[1] for r in run_query(store, q).rows] == ["Calcium, ionized", "calcium"]
    assert [r[1] for r in run_query(store, q, {"pattern": "phos"}).rows] == ["phosphate"]


def test_parameter_value_cannot_inject_sparql(store):
    q = NamedQuery.from_text(QUERY)
    evil = '") || true || REGEX("x'
    assert run_query(store, q, {"pattern": evil}).rows == ()


def test_unknown_parameter_and_bad_sparql_are_explained(store):
    q = NamedQuery.from_text(QUERY)
    with pytest.raises(QueryError, match="takes: pattern"):
        run_query(store, q, {"drug": "x"})
    with pytest.raises(QueryError, match="does not parse"):
        run_query(store, "SELECT ?x WHERE { ?x ")


def test_unknown_named_query_lists_known_ones():
    with pytest.raises(QueryError, match="pth-fell-ca-unchanged"):
        load_named_query("no-such-query")


def test_formats(store):
    result = run_query(store, NamedQuery.from_text(QUERY))
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == ["thing", "label"] and len(rows) == 3
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["thing", "label"]
    assert len(data["results"]["bindings"]) == 2
    table = format_result(result, "table")
    assert "Calcium, ionized" in table and "(2 rows)" in table
    assert format_result(run_query(store, "ASK { ?s ?p ?o }"), "table") == "true"


def test_every_library_query_parses_and_documents_itself():
    queries = list_named_queries()
    assert any(q.name == "pth-fell-ca-unchanged" for q in queries)
    store = ox.Store()
    for q in queries:
        assert q.question, f"{q.path} has no '# Question:' header"
        run_query(store, q)  # parses, binds its defaults, runs on an empty store
