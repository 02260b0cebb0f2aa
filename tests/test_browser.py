"""The query page and the HTML graph export, driven in headless Chromium (Debian's /usr/bin/chromium)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from litkg.export.graph import evidence_graph, write_graph
from litkg.serve import make_server
from test_queries_library import build_fixture_store

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("LITKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set LITKG_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("browser") / "store"
    build_fixture_store(store)
    srv = make_server(store, port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(20_000)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    page.close()


def test_named_query_to_highlighted_evidence(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.select_option("#named", "analyte-fell-other-unchanged")
    assert page.input_value("input[name=a]") == "^(PTH|parathyroid hormone)$"
    assert page.input_value("input[name=b]") == "^calcium$"
    assert "fall" in page.text_content("#question")
    page.click("#run")
    row = page.wait_for_selector("tr.result-row")
    assert "case 1" in row.text_content() and "cinacalcet" in row.text_content()
    assert page.locator("tr.result-row").count() == 1
    page.locator("tr.result-row a.claim").first.click()
    page.wait_for_url("**/claim?iri=*")
    assert page.text_content("mark#evidence") == "PTH fell from 940 to 120 pg/mL in case 1."
    page.click("#doclink")
    page.wait_for_url("**/doc/d1?start=*")
    mark = page.locator("mark#evidence")
    assert mark.text_content() == "PTH fell from 940 to 120 pg/mL in case 1."
    assert mark.is_visible()


def test_parameters_change_the_answer(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.select_option("#named", "analyte-fell-other-unchanged")
    page.fill("input[name=a]", "^calcium$")  # swapped roles: nothing fell while PTH stayed put
    page.fill("input[name=b]", "^PTH$")
    page.click("#run")
    page.wait_for_selector("#status >> text=/rows? in/")  # (the page's CSP forbids eval'd predicates)
    assert page.locator("tr.result-row").count() == 0
    assert page.text_content("#status").startswith("0 rows")


def test_adhoc_query_with_ctrl_enter_and_error(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#query", "SELECT ?d WHERE { ?d a litkg:Document } ORDER BY ?d")
    page.press("#query", "Control+Enter")
    page.wait_for_selector("tr.result-row")
    assert page.locator("tr.result-row").count() == 3
    page.fill("#query", "SELECT * WHERE {\n ?s ?p }")
    page.press("#query", "Control+Enter")
    page.wait_for_selector("#error:not(.hidden)")
    assert "400" in page.text_content("#error") and "2:" in page.text_content("#error")
    assert page.dialogs == []


def test_result_values_are_text_not_html(server, page):
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#query", 'SELECT ?x WHERE { BIND("<img src=x onerror=alert(1)>" AS ?x) }')
    page.click("#run")
    cell = page.wait_for_selector("tr.result-row td")
    assert cell.text_content() == "<img src=x onerror=alert(1)>"
    assert page.locator("#results img").count() == 0 and page.dialogs == []


def test_html_graph_export_renders_nodes(page, tmp_path):
    store = build_fixture_store()
    evil = "<img src=x onerror=alert(1)>"
    store.add(ox.Quad(ox.NamedNode("http://purl.obolibrary.org/obo/CHEBI_17823"),
                      ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(evil),
                      ox.NamedNode("urn:g")))
    graph = evidence_graph(store)
    path = write_graph(graph, "html", tmp_path / "graph.html")
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-rendered]")
    assert page.locator("svg g.node").count() == graph.number_of_nodes()
    assert page.locator("svg line.edge").count() == graph.number_of_edges()
    labels = page.locator("svg g.node text").all_text_contents()
    assert "cinacalcet" in labels and "parathyroid hormone" in labels
    # Every node was laid out inside the drawing area.
    box = page.locator("#graph").bounding_box()
    for circle in page.locator("svg g.node circle").all():
        b = circle.bounding_box()
        assert box["x"] <= b["x"] <= box["x"] + box["width"] and box["y"] <= b["y"] <= box["y"] + box["height"]
    page.locator("svg g.node circle").first.click()
    assert "type:" in page.text_content("#info")
    assert page.locator("img").count() == 0 and page.dialogs == []


def test_seed_spine_query_to_evidence(browser, request):
    """The project's PTH/calcium question on the seed corpus, clicked through to its evidence."""
    from test_queries_library import seed_path

    srv = make_server(seed_path(request), port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    page = browser.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(srv.url + "/")
        page.wait_for_selector("body[data-ready=true]")
        page.select_option("#named", "pth-fell-ca-unchanged")
        page.press("#query", "Control+Enter")
        row = page.wait_for_selector("tr.result-row")
        headers = page.locator("#result-table th").all_text_contents()
        sentence = row.query_selector_all("td")[headers.index("sentence")].text_content()
        page.locator("tr.result-row a.claim").first.click()
        page.wait_for_url("**/claim?iri=*")
        assert " ".join(page.text_content("mark#evidence").split()) == " ".join(sentence.split())
    finally:
        page.close()
        srv.shutdown()
        srv.server_close()
