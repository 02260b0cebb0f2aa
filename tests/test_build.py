"""`litkg build` end to end: idempotent, atomic, and robust to broken documents."""

import gzip
import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset
from rdflib.compare import isomorphic

from litkg.build import build
from litkg.cli import cli
from litkg.errors import StoreError, ValidationError
from litkg.query import load_named_query, run_query
from litkg.store import live_path, open_store


def _dataset(store_dir) -> Dataset:
    ds = Dataset()
    ds.parse(data=open_store(store_dir).dump(format=__import__("pyoxigraph").RdfFormat.N_QUADS).decode(),
             format="nquads")
    return ds


def _graphs(ds: Dataset):
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def test_seed_build_reports_documents_claims_and_triples(seed_store):
    summary = json.loads((live_path(seed_store) / "build.json").read_text())
    assert summary["documents"] == 4
    assert summary["triples"] > 1000
    for kind in ("treatment", "outcome", "mechanism", "adverse_effect", "measurement"):
        assert summary["claims_by_kind"].get(kind, 0) > 0, f"no {kind} claims from the seeds"
    assert summary["violations"] == []


def test_rebuild_is_idempotent(small_corpus, tmp_path):
    build([small_corpus], tmp_path / "a")
    build([small_corpus], tmp_path / "b")
    a, b = _graphs(_dataset(tmp_path / "a")), _graphs(_dataset(tmp_path / "b"))
    assert a.keys() == b.keys()
    for name in a:
        assert isomorphic(a[name], b[name]), f"graph {name} differs between two identical builds"


def test_broken_documents_are_reported_and_skipped(small_corpus, tmp_path):
    (small_corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (small_corpus / "empty.txt").write_text("")
    (small_corpus / "broken.xml").write_text("<PubmedArticleSet><PubmedArticle><MedlineCitation>"
                                             "<PMID>1</PMID><Article><ArticleTitle>x</Article>")
    (small_corpus / "huge.txt").write_text("calcium " * 1_500_000)  # 12 MB > the 10 MB limit
    with gzip.open(small_corpus / "bad.xml.gz", "wb") as handle:
        handle.write(b"\x00\x01not xml at all")
    report = build([small_corpus], tmp_path / "store")
    assert report.documents == 2
    text = "\n".join(report.warnings)
    for name in ("binary.txt", "empty.txt", "broken.xml", "huge.txt", "bad.xml.gz"):
        assert name in text, f"no warning names {name}: {text}"


def test_nothing_usable_fails_and_keeps_the_previous_store(small_corpus, tmp_path):
    store = tmp_path / "store"
    build([small_corpus], store)
    live = live_path(store)
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "empty.txt").write_text("")
    with pytest.raises(StoreError, match="nothing usable"):
        build([junk], store)
    assert live_path(store) == live


def test_validation_failure_does_not_publish(small_corpus, tmp_path, monkeypatch):
    store = tmp_path / "store"
    build([small_corpus], store)
    live = live_path(store)
    monkeypatch.setattr("litkg.build._validate", lambda _store: ["claim X: end beyond text"])
    with pytest.raises(ValidationError, match="not published"):
        build([small_corpus], store)
    assert live_path(store) == live
    report = build([small_corpus], store, keep_going=True)
    assert report.published and live_path(store) != live


def test_pth_fell_calcium_unchanged_finds_the_calciphylaxis_letter(seed_store):
    rows = run_query(open_store(seed_store), load_named_query("pth-fell-ca-unchanged")).as_dicts()
    assert rows, "the PTH/calcium question returned nothing"
    docs = {r["doc"] for r in rows}
    assert "004_295ae36b53f7cab3" in docs
    letter = [r for r in rows if r["doc"] == "004_295ae36b53f7cab3"]
    assert any(r["after"] and float(r["after"]) == 225 for r in letter)
    assert any(r["before"] and float(r["before"]) == 269 for r in letter)
    assert all("cinacalcet" in r["drug"].lower() for r in letter)


def test_cli_build_query_export(small_corpus, tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    result = runner.invoke(cli, ["build", str(small_corpus), "--store", store, "-q"])
    assert result.exit_code == 0, result.output
    assert "documents  2" in result.output and "claims" in result.output
    result = runner.invoke(cli, ["query", "pth-fell-ca-unchanged", "--store", store])
    assert result.exit_code == 0, result.output
    assert "004_295ae36b53f7cab3" in result.output and "225" in result.output
    result = runner.invoke(cli, ["export", "claims", "--format", "tsv", "--store", store])
    lines = result.output.splitlines()
    assert lines[0].startswith("claim\tdoc\tkind") and len(lines) > 5
    assert all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)


def test_cli_errors_are_one_line_messages(tmp_path):
    result = CliRunner().invoke(cli, ["query", "pth-fell-ca-unchanged", "--store", str(tmp_path)])
    assert result.exit_code == 1
    assert "litkg build" in result.output and "Traceback" not in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["build", str(empty), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "nothing usable" in result.output


def test_table_series_are_time_ordered(seed_store):
    rows = run_query(open_store(seed_store), load_named_query("analyte-time-series")).as_dicts()
    table = [r for r in rows if r["timeOrder"] is not None]
    assert [int(r["timeOrder"]) for r in table] == list(range(1, 14))  # Table 1: 13 visits
    assert [float(r["value"]) for r in table[:4]] == [7.2, 7.8, 8.5, 6.8]


def test_curations_apply_and_orphans_are_reported_not_dropped(small_corpus, tmp_path):
    from litkg.curate import actions
    from litkg.curate.log import append
    from litkg.export.claims import read_claims
    from litkg.models import Claim, Concept, Evidence

    store, log = tmp_path / "store", tmp_path / "curation.jsonl"
    build([small_corpus], store, curation_log=log)
    claims = list(read_claims(store))
    target = next(c for c in claims if c.kind == "treatment")
    text = (small_corpus / "004_295ae36b53f7cab3.txt").read_text()
    # A curation made on a claim that a later pipeline no longer produces:
    gone = Claim(doc="004_295ae36b53f7cab3", kind="outcome", subject=Concept("warfarin"),
                 object=Concept("calcium"), direction="increased",
                 evidence=Evidence(text[10:60], 10, 60))
    append(log, actions.reject(target, "ann", "wrong_direction", note="<b>not</b> a treatment"))
    append(log, actions.accept(gone, "bob"))
    with log.open("a") as handle:
        handle.write("{this line was hand-edited badly\n")

    report = build([small_corpus], store, curation_log=log)
    after = {c.iri: c for c in read_claims(store)}
    assert after[target.iri].curation.status == "rejected"
    assert after[target.iri].curation.curator == "ann"
    assert [o.claim for o in report.orphans] == [gone.iri]
    assert report.orphans[0].text == text[10:60] and report.orphans[0].span == (10, 60)
    assert any(":3" in w for w in report.warnings), report.warnings  # the bad line, by number
    rejected = run_query(open_store(store), f"""SELECT ?s WHERE {{ <{target.iri}> litkg:curationStatus ?s }}""")
    assert rejected.rows == (("https://w3id.org/litkg/ontology#Rejected",),)


def test_the_shipped_curation_log_has_no_orphans_on_the_shipped_corpus(tmp_path):
    # every curated decision of corpus/curation.jsonl must still find its claim: an extraction
    # change that moves a seed claim (a new sentence split, say) has to come with a regenerated
    # log (scripts/gold_to_curation.py), not with decisions that silently stop applying
    from litkg.paths import corpus_dir

    report = build([corpus_dir()], tmp_path / "store",
                   curation_log=corpus_dir() / "curation.jsonl", validate=False, reason=False)
    assert [(o.claim, o.text) for o in report.orphans] == []
