"""litkg serve: the SPARQL 1.1 Protocol endpoint, checked with real clients, and the web routes."""

from __future__ import annotations

import csv
import io
import json
import sys
import threading
import types
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

from litkg.errors import QueryError
from litkg.serve import make_server
from litkg.serve import pages
from test_queries_library import ID, build_fixture_store, seed, seed_path

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def start(store_dir: Path, **options):
    server = make_server(store_dir, port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def fixture_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    build_fixture_store(path)
    return path


@pytest.fixture(scope="module")
def server(fixture_dir):
    srv = start(fixture_dir)
    yield srv
    srv.shutdown()
    srv.server_close()


def fetch(url, data=None, headers=None):
    """(status, headers, body) without raising on HTTP errors."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def sparql_get(server, query, accept=None):
    url = f"{server.url}/sparql?" + urllib.parse.urlencode({"query": query})
    return fetch(url, headers={"Accept": accept} if accept else {})


# --------------------------------------------------------------------------------------------
# Protocol, with real clients


def test_binds_to_loopback_by_default(server):
    assert server.url.startswith("http://127.0.0.1:")


def test_sparqlwrapper_get_json_union_default_graph(server):
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(COUNT_ALL)
    client.setReturnFormat(JSON)
    n = int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
    # Every triple lives in a named graph: only the union default graph sees them.
    total = sum(1 for _ in build_fixture_store().quads_for_pattern(None, None, None, None))
    assert n == total > 100


def test_sparqlwrapper_post_form_and_direct(server):
    for method in ("POST", POSTDIRECTLY):
        client = SPARQLWrapper(f"{server.url}/sparql")
        client.setQuery("PREFIX litkg: <https://w3id.org/litkg/ontology#> "
                        "SELECT ?c WHERE { ?c litkg:direction litkg:Unchanged } ORDER BY ?c")
        client.setReturnFormat(JSON)
        if method == POSTDIRECTLY:
            client.setRequestMethod(POSTDIRECTLY)
        client.setMethod("POST")
        rows = client.query().convert()["results"]["bindings"]
        assert [r["c"]["value"] for r in rows] == [f"{ID}claim/c2", f"{ID}claim/e3"]


def test_sparqlwrapper_xml_and_csv(server):
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery("SELECT ?d WHERE { ?d a <https://w3id.org/litkg/ontology#Document> } ORDER BY ?d")
    client.setReturnFormat(XML)
    dom = client.query().convert()
    uris = [n.firstChild.data for n in dom.getElementsByTagName("uri")]
    assert uris == [f"{ID}doc/d1", f"{ID}doc/d2", f"{ID}doc/d3"]
    client.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(client.query().convert().decode("utf-8"))))
    assert rows[0] == ["d"] and len(rows) == 4


def test_content_negotiation_select(server):
    q = "SELECT ?l WHERE { <http://purl.obolibrary.org/obo/CHEBI_48390> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    for accept, fmt in (("text/tab-separated-values", ox.QueryResultsFormat.TSV),
                        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                        ("application/sparql-results+json;q=0.9, text/csv;q=0.1", ox.QueryResultsFormat.JSON)):
        status, headers, body = sparql_get(server, q, accept)
        assert status == 200 and headers["Content-Type"].startswith(fmt.media_type)
        assert {s["l"].value for s in ox.parse_query_results(body, fmt)} == {"cinacalcet"}


def test_ask(server):
    status, _, body = sparql_get(server, "ASK { ?c <https://w3id.org/litkg/ontology#negated> true }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_construct_as_turtle_jsonld_ntriples(server):
    q = ("CONSTRUCT { ?c <https://w3id.org/litkg/ontology#direction> ?d } WHERE "
         "{ ?c <https://w3id.org/litkg/ontology#direction> ?d }")
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(q)
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert()
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(graph) == 9  # claims with a direction in the fixture
    for accept, fmt in (("application/ld+json", "json-ld"), ("application/n-triples", "nt")):
        status, headers, body = sparql_get(server, q, accept)
        assert status == 200 and headers["Content-Type"].startswith(accept)
        assert len(rdflib.Graph().parse(data=body.decode("utf-8"), format=fmt)) == 9


def test_rdflib_sparqlstore_client(server):
    graph = rdflib.Graph(store=SPARQLStore(f"{server.url}/sparql"))
    rows = list(graph.query(
        "PREFIX litkg: <https://w3id.org/litkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?label WHERE { ?c a litkg:MechanismClaim ; litkg:object/rdfs:label ?label }"))
    assert [str(r[0]) for r in rows] == ["CASR"]


def test_malformed_query_is_400_with_position(server):
    status, _, body = sparql_get(server, "SELECT * WHERE {\n  ?s ?p }")
    assert status == 400
    assert "2:" in body.decode() and "syntax" in body.decode().lower()


def test_update_refused_when_read_only(server):
    data = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
    status, _, body = fetch(f"{server.url}/sparql", data,
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body.decode()
    status, _, _ = fetch(f"{server.url}/sparql", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                         {"Content-Type": "application/sparql-update"})
    assert status == 403
    assert json.loads(sparql_get(server, "ASK { <urn:a> ?p ?o }")[2])["boolean"] is False


def test_update_allowed_with_read_write(tmp_path):
    build_fixture_store(tmp_path / "rw")
    srv = start(tmp_path / "rw", read_only=False)
    try:
        status, _, _ = fetch(f"{srv.url}/sparql", b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
                             {"Content-Type": "application/sparql-update"})
        assert status == 200
        assert json.loads(sparql_get(srv, "ASK { <urn:a> <urn:b> <urn:c> }")[2])["boolean"] is True
    finally:
        srv.shutdown()
        srv.server_close()


def test_row_limit_cuts_and_flags(fixture_dir):
    srv = start(fixture_dir, max_rows=3)
    try:
        status, headers, body = sparql_get(srv, "SELECT * WHERE { ?s ?p ?o }")
        assert status == 200 and headers["X-Litkg-Truncated"].startswith("true")
        assert len(json.loads(body)["results"]["bindings"]) == 3
        status, headers, body = sparql_get(srv, "SELECT ?d WHERE { ?d a <https://w3id.org/litkg/ontology#Document> }")
        assert "X-Litkg-Truncated" not in headers and len(json.loads(body)["results"]["bindings"]) == 3
    finally:
        srv.shutdown()
        srv.server_close()


def test_time_limit_answers_503(fixture_dir):
    srv = start(fixture_dir, timeout_s=0.2, max_rows=10**9)
    try:
        # ~1.6e8 rows: cannot finish in 0.2 s on any machine; the worker stops at the next row.
        status, _, body = sparql_get(srv, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert status == 503 and "time limit" in body.decode()
    finally:
        srv.shutdown()
        srv.server_close()


def test_concurrent_query_cap_answers_503_with_retry_after(fixture_dir):
    srv = start(fixture_dir, max_queries=2)
    slots = srv.ctx.query_slots
    try:
        # two queries still running (e.g. finishing in the background after their time limit)
        assert slots.acquire(blocking=False) and slots.acquire(blocking=False)
        status, headers, body = sparql_get(srv, COUNT_ALL)
        assert status == 503 and headers["Retry-After"] == "5" and "too many queries" in body.decode()
        slots.release()
        status, _, _ = sparql_get(srv, COUNT_ALL)
        assert status == 200
        # the finished query gave its slot back: one free slot again, not zero
        assert slots.acquire(blocking=False)
        assert not slots.acquire(blocking=False)
        slots.release()
        slots.release()
    finally:
        srv.shutdown()
        srv.server_close()


def test_query_cap_must_be_positive(fixture_dir):
    with pytest.raises(QueryError, match="concurrent queries"):
        make_server(fixture_dir, max_queries=0)


def test_new_build_is_picked_up(tmp_path):
    from litkg.store import StoreWriter

    build_fixture_store(tmp_path / "s")
    srv = start(tmp_path / "s")
    try:
        assert json.loads(sparql_get(srv, "ASK { <urn:new> ?p ?o }")[2])["boolean"] is False
        with StoreWriter(tmp_path / "s") as writer:
            writer.store.add(ox.Quad(ox.NamedNode("urn:new"), ox.NamedNode("urn:p"), ox.Literal("x"),
                                     ox.NamedNode("urn:g")))
            writer.publish({})
        assert json.loads(sparql_get(srv, "ASK { <urn:new> ?p ?o }")[2])["boolean"] is True
    finally:
        srv.shutdown()
        srv.server_close()


# --------------------------------------------------------------------------------------------
# Web routes


def test_index_and_library(server):
    status, headers, body = fetch(f"{server.url}/")
    assert status == 200 and b"<textarea" in body and b'src="/static/app.js"' in body
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    status, headers, body = fetch(f"{server.url}/static/app.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"ctrlKey" in body
    library = json.loads(fetch(f"{server.url}/api/queries")[2])
    by_name = {q["name"]: q for q in library}
    assert by_name["analyte-fell-other-unchanged"]["params"]["b"] == "^calcium$"
    assert fetch(f"{server.url}/static/..%2Fserver.py")[0] == 404


def test_named_query_route_binds_parameters(server):
    url = f"{server.url}/api/named/drugs-by-target?" + urllib.parse.urlencode({"target_name": "^CASR$"})
    rows = json.loads(fetch(url)[2])["results"]["bindings"]
    assert [r["drug"]["value"] for r in rows] == ["cinacalcet"]
    # A parameter value is a literal: SPARQL syntax in it cannot change the query.
    url = f"{server.url}/api/named/drugs-by-target?" + urllib.parse.urlencode(
        {"target_name": '") } SELECT * WHERE { ?s ?p ?o } #'})
    status, _, body = fetch(url)
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    assert fetch(f"{server.url}/api/named/drugs-by-target?nope=1")[0] == 400
    assert fetch(f"{server.url}/api/named/no-such-query")[0] == 404


def test_claim_page_highlights_evidence(server):
    status, _, body = fetch(f"{server.url}/claim?" + urllib.parse.urlencode({"iri": f"{ID}claim/c2"}))
    page = body.decode()
    assert status == 200
    assert '<mark id="evidence">Serum calcium was unchanged in case 1.</mark>' in page
    assert "Unchanged" in page and "calcium" in page
    assert '/doc/d1?start=' in page
    assert fetch(f"{server.url}/claim?iri=not%20an%20iri")[0] == 400
    assert fetch(f"{server.url}/claim?" + urllib.parse.urlencode({"iri": f"{ID}claim/nope"}))[0] == 404


def test_doc_page_marks_span(server):
    status, _, body = fetch(f"{server.url}/doc/d2?start=0&end=38")
    assert status == 200 and '<mark id="evidence">Cinacalcet increased serum phosphorus.</mark>' in body.decode()
    status, _, body = fetch(f"{server.url}/doc/d2?start=5&end=99999")  # out of range: no mark
    assert status == 200 and "<mark" not in body.decode()
    assert fetch(f"{server.url}/doc/..%2F..%2Fetc")[0] == 404


def test_pages_escape_graph_text():
    store = build_fixture_store()
    evil = "<script>alert(1)</script>"
    store.add(ox.Quad(ox.NamedNode(f"{ID}claim/c1"), ox.NamedNode("https://w3id.org/litkg/ontology#regimen"),
                      ox.Literal(evil), ox.NamedNode(f"{ID}doc/d1/assertions")))
    store.add(ox.Quad(ox.NamedNode(f"{ID}doc/d1"), ox.NamedNode("http://purl.org/dc/terms/title"),
                      ox.Literal(evil), ox.NamedNode(f"{ID}doc/d1/provenance")))
    for page in (pages.claim_page(store, f"{ID}claim/c1"), pages.doc_page(store, "d1", None, None)):
        assert evil not in page and "&lt;script&gt;" in page


def test_curation_paths_are_dispatched(server, monkeypatch):
    calls = []

    def handle(method, path, query, body, ctx):
        calls.append((method, path, query, body, ctx.read_only, ctx.store_path, ctx.corpus_dir,
                      ctx.curation_log))
        return 200, {"Content-Type": "text/plain"}, b"curation ok"

    monkeypatch.setitem(sys.modules, "litkg.serve.curation", types.SimpleNamespace(handle=handle))
    status, _, body = fetch(f"{server.url}/curate/claim?x=1", b"a=b",
                            {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and body == b"curation ok"
    method, path, query, payload, read_only, store_path, corpus, log = calls[0]
    assert (method, path, query, payload, read_only) == ("POST", "/curate/claim", {"x": ["1"]}, b"a=b", True)
    assert store_path.name == "store" and corpus.is_dir() and log == corpus / "curation.jsonl"


def test_real_curation_pages_answer(server):
    pytest.importorskip("litkg.serve.curation")
    status, headers, body = fetch(f"{server.url}/curate/nowhere")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    # Read-only server: curation posts are refused.
    status, _, _ = fetch(f"{server.url}/curate/accept", b"claim=x",
                         {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403


# --------------------------------------------------------------------------------------------
# On the seed store


def test_seed_served_class_query(request):
    srv = start(seed_path(request))  # skips until the seed store can be built
    try:
        url = f"{srv.url}/api/named/drug-class-outcomes?" + urllib.parse.urlencode({"drug_class": "calcimimetic"})
        rows = json.loads(fetch(url)[2])["results"]["bindings"]
        assert rows and all("cinacalcet" in r["drug"]["value"].lower() for r in rows)
    finally:
        srv.shutdown()
        srv.server_close()


def test_cli_serve_without_a_store_says_what_to_do(tmp_path):
    from click.testing import CliRunner

    from litkg.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "nothing"), "--port", "0"])
    assert result.exit_code == 1
    assert "no store has been built" in result.output and "litkg build" in result.output
