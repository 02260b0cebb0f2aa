"""The /curate pages: handle() directly, then in headless Chromium behind a tiny http.server."""

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from litkg.curate.log import read_log
from litkg.models import Claim, Concept, Evidence
from litkg.serve.curation import handle

CHROMIUM = "/usr/bin/chromium"
from curation_world import S1, S2, TEXT, write_world
XSS = "<script>alert(1)</script>"


@pytest.fixture()
def ctx(tmp_path):
    s1, s2 = TEXT.index(S1), TEXT.index(S2)
    claims = [
        Claim(doc="d1", kind="outcome", subject=Concept("cinacalcet", "CHEBI:48390"),
              object=Concept("FGF-23", "HGNC:3680"), evidence=Evidence(S1, s1, s1 + len(S1)),
              direction="increased", value=3.0, unit="pg/ml"),
        Claim(doc="d1", kind="outcome", subject=Concept("surgery"), object=Concept("phosphate"),
              evidence=Evidence(S2, s2, s2 + len(S2)), direction="increased"),
        Claim(doc="d2", kind="treatment", subject=Concept("cinacalcet"), object=Concept("TIO"),
              evidence=Evidence("Cinacalcet for TIO.", 0, 19)),
    ]
    store, corpus = write_world(tmp_path, claims)
    return SimpleNamespace(store_path=store, read_only=False, corpus_dir=corpus,
                           curation_log=tmp_path / "curation.jsonl", curator=None, claims=claims)


def get(ctx, path, **query):
    return handle("GET", path, {k: [v] for k, v in query.items()}, b"", ctx)


def post(ctx, path, **form):
    return handle("POST", path, {}, urlencode(form).encode(), ctx)


def test_list_and_claim_pages(ctx):
    status, headers, body = get(ctx, "/curate")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.count(b"/curate/claim?iri=") == 3
    status, _, body = get(ctx, "/curate", doc="d1", kind="outcome")
    assert body.count(b"/curate/claim?iri=") == 2
    status, _, body = get(ctx, "/curate/claim", iri=ctx.claims[0].iri)
    page = body.decode()
    assert status == 200 and f'<mark id="evidence">{S1}</mark>' in page and "Phosphate rose" in page
    assert 'accesskey="a"' in page and 'accesskey="r"' in page and 'accesskey="e"' in page
    # no document text: the evidence sentence alone is shown
    page = get(ctx, "/curate/claim", iri=ctx.claims[2].iri)[2].decode()
    assert '<mark id="evidence">Cinacalcet for TIO.</mark>' in page
    assert get(ctx, "/curate/nope")[0] == 404
    assert get(ctx, "/curate/claim", iri="https://w3id.org/litkg/id/claim/ffffffff")[0] == 400


def test_post_appends_records_and_escapes_curator_input(ctx):
    iri = ctx.claims[0].iri
    status, headers, _ = post(ctx, "/curate/reject", iri=iri, reason="wrong_direction", note=XSS, curator="eve")
    assert status == 303 and "done=Rejected" in headers["Location"]
    record = read_log(ctx.curation_log)[0][0]
    assert record.action == "reject" and record.note == XSS and record.curator == "eve"
    page = get(ctx, "/curate/claim", iri=iri)[2].decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and XSS not in page
    assert post(ctx, "/curate/accept", iri=iri)[0] == 400  # no curator anywhere
    ctx.curator = "mallory<b>"
    post(ctx, "/curate/accept", iri=iri)
    assert "mallory&lt;b&gt;" in get(ctx, "/curate/claim", iri=iri)[2].decode()
    assert post(ctx, "/curate/reject", iri=iri, reason="bogus")[0] == 400


def test_edit_form_changes_only_what_changed(ctx):
    ctx.curator = "bob"
    page = get(ctx, "/curate/claim", iri=ctx.claims[0].iri)[2].decode()
    assert 'name="value" value="3"' in page
    claim = ctx.claims[0]
    form = {"iri": claim.iri, "kind": "outcome", "subject.label": "cinacalcet", "subject.id": "CHEBI:48390",
            "subject.text": "", "object.label": "FGF-23", "object.id": "HGNC:3680", "object.text": "",
            "condition.label": "", "direction": "decreased", "value": "3", "unit": "pg/ml", "before": "",
            "after": "", "statistic": "", "patient": "", "arm": "", "timepoint": "", "regimen": "",
            "evidence.start": str(claim.evidence.start), "evidence.end": str(claim.evidence.end)}
    assert post(ctx, "/curate/edit", **form)[0] == 303
    record = read_log(ctx.curation_log)[0][0]
    assert record.changes == {"direction": {"old": "increased", "new": "decreased"}}
    assert post(ctx, "/curate/edit", **(form | {"object.id": "not a curie"}))[0] == 400


def test_add_form_adds_a_claim_on_the_same_sentence(ctx):
    like = ctx.claims[0]
    page = get(ctx, "/curate/claim", iri=like.iri)[2].decode()
    assert 'id="add-form"' in page and 'id="relink-form"' in page
    assert page.count('id="f-subject.label"') == 1  # the edit form's ids stay unique
    status, headers, _ = post(ctx, "/curate/add", iri=like.iri, kind="mechanism", curator="ann",
                              **{"subject.label": "cinacalcet", "subject.id": "CHEBI:48390",
                                 "object.label": "FGF-23 secretion", "direction": "decreased"})
    assert status == 303 and "done=Added" in headers["Location"]
    record = read_log(ctx.curation_log)[0][0]
    assert record.action == "add" and record.claim_data["evidence"]["start"] == like.evidence.start
    new_iri = parse_qs(urlsplit(headers["Location"]).query)["iri"][0]
    assert new_iri != like.iri
    page = get(ctx, "/curate/claim", iri=new_iri)[2].decode()  # the added claim is live at once
    assert "FGF-23 secretion" in page and "status-added" in page
    # the same claim twice, an unknown kind, a missing object: clear 400s, nothing appended
    again = post(ctx, "/curate/add", iri=like.iri, kind="mechanism", curator="ann",
                 **{"subject.label": "cinacalcet", "subject.id": "CHEBI:48390",
                    "object.label": "FGF-23 secretion", "direction": "decreased"})
    assert again[0] == 400 and b"already exists" in again[2]
    assert post(ctx, "/curate/add", iri=like.iri, kind="rumour", curator="ann",
                **{"subject.label": "x", "object.label": "y"})[0] == 400
    assert post(ctx, "/curate/add", iri=like.iri, kind="outcome", curator="ann",
                **{"subject.label": "x"})[0] == 400
    assert len(read_log(ctx.curation_log)[0]) == 1


def test_relink_form_relinks_the_name_in_the_document(ctx):
    claim = ctx.claims[1]
    status, headers, _ = post(ctx, "/curate/relink", iri=claim.iri, match="phosphate", label="phosphate",
                              id="LOINC:2777-1", scope="document", curator="ann")
    assert status == 303 and "done=Relinked" in headers["Location"]
    record = read_log(ctx.curation_log)[0][0]
    assert record.action == "relink" and record.doc == "d1"
    assert record.entity == {"match": "phosphate", "label": "phosphate", "id": "LOINC:2777-1"}
    page = get(ctx, "/curate/claim", iri=claim.iri)[2].decode()
    assert "LOINC:2777-1" in page
    assert post(ctx, "/curate/relink", iri=claim.iri, match="phosphate", label="p", id="not a curie",
                curator="ann")[0] == 400


def test_read_only_refuses_posts(ctx):
    ctx.read_only = True
    status, _, body = post(ctx, "/curate/accept", iri=ctx.claims[0].iri, curator="x")
    assert status == 403 and b"read-only" in body
    assert not ctx.curation_log.exists()
    assert get(ctx, "/curate")[0] == 200


def test_no_build_is_a_clear_error(ctx, tmp_path):
    ctx.store_path = tmp_path / "empty"
    status, _, body = get(ctx, "/curate")
    assert status == 503 and b"litkg build" in body


# --------------------------------------------------------------------------------------------
# Browser


def serve(ctx):
    class Handler(BaseHTTPRequestHandler):
        def _dispatch(self, method):
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            status, headers, payload = handle(method, url.path, parse_qs(url.query), body, ctx)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):
            self._dispatch("GET")

        def do_POST(self):
            self._dispatch("POST")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} missing (apt-get install chromium)")
def test_curation_in_the_browser(ctx):
    from playwright.sync_api import sync_playwright

    server = serve(ctx)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    dialogs = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{base}/curate")
            assert page.locator("#claims tbody tr").count() == 3
            page.select_option("select[name=status]", "machine")
            page.select_option("select[name=doc]", "d1")
            page.click("button[type=submit]")
            assert page.locator("#claims tbody tr").count() == 2
            page.click(f"a[href*='{ctx.claims[0].iri.rsplit('/', 1)[-1]}']")
            assert page.locator("mark#evidence").inner_text() == S1

            # a curator name is needed; the shortcut "r" with no reason focuses the reason list
            page.fill("#curator-input", "eve")
            page.evaluate("document.activeElement.blur()")
            page.keyboard.press("r")
            assert page.evaluate("document.activeElement.id") == "reason"
            page.select_option("#reason", "wrong_direction")
            page.fill("#reject-note", XSS)
            page.click("#reject")
            page.wait_for_url("**done=Rejected**")
            assert "rejected" in page.locator("#status").inner_text()
            assert XSS in page.locator("#history td.note").first.inner_text()
            scripts = page.locator("script").all_inner_texts()
            assert len(scripts) == 1 and "alert" not in scripts[0]

            # keyboard shortcut "a" accepts
            page.keyboard.press("a")
            page.wait_for_url("**done=Accepted**")
            assert "accepted" in page.locator("#status").inner_text()

            # "e" jumps into the edit form; change the direction and save
            page.keyboard.press("e")
            assert page.evaluate("document.activeElement.id") == "f-direction"
            page.select_option("#f-direction", "decreased")
            page.click("#save")
            page.wait_for_url("**done=Saved**")
            assert "edited" in page.locator("#status").inner_text()
            assert "direction: increased \u2192 decreased" in page.locator("#history").inner_text()

            # a claim the machine missed, on the same sentence
            page.select_option("#a-kind", "mechanism")
            page.fill("#a-subject", "cinacalcet")
            page.fill("#a-object", "FGF-23 secretion")
            page.select_option("#a-direction", "decreased")
            page.click("#add")
            page.wait_for_url("**done=Added**")
            assert "added" in page.locator("#status").inner_text()
            assert page.locator("mark#evidence").inner_text() == S1
            browser.close()
    finally:
        server.shutdown()
    assert dialogs == []
    records = read_log(ctx.curation_log)[0]
    assert [(r.action, r.curator) for r in records] == [("reject", "eve"), ("accept", "eve"), ("edit", "eve"),
                                                        ("add", "eve")]
    assert records[0].note == XSS
