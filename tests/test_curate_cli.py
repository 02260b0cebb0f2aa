"""`litkg curate ...` against a tiny current build in tmp_path."""

import json

import pytest

from litkg.errors import StoreError
from click.testing import CliRunner

from litkg.cli.curate import curate
from litkg.curate import current_claims, short_iri
from litkg.curate.log import read_log
from litkg.errors import CurationError
from litkg.models import Claim, Concept, Evidence

from curation_world import S1, S2, TEXT, write_world


@pytest.fixture()
def world(tmp_path):
    s1, s2 = TEXT.index(S1), TEXT.index(S2)
    claims = [
        Claim(doc="d1", kind="outcome", subject=Concept("cinacalcet", "CHEBI:48390"),
              object=Concept("FGF-23", "HGNC:3680"), evidence=Evidence(S1, s1, s1 + len(S1)),
              direction="increased", value=3.0, unit="pg/ml", patient="case 1"),
        Claim(doc="d1", kind="treatment", subject=Concept("cinacalcet", "CHEBI:48390"),
              object=Concept("TIO"), evidence=Evidence(S1, s1, s1 + len(S1))),
        Claim(doc="d2", kind="outcome", subject=Concept("surgery"), object=Concept("phosphate"),
              evidence=Evidence(S2, s2, s2 + len(S2)), direction="increased"),
    ]
    store, corpus = write_world(tmp_path, claims)
    return {"claims": claims, "store": store, "log": tmp_path / "curation.jsonl", "corpus": corpus}


def run(world, *args, ok=True):
    result = CliRunner().invoke(curate, [*args, "--store", str(world["store"]), "--log", str(world["log"]),
                                         "--curator", "tester"])
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    return result


def test_list_filters_and_compact_lines(world):
    out = run(world, "list").stdout
    assert len(out.strip().splitlines()) == 3
    assert short_iri(world["claims"][0].iri) in out
    assert "cinacalcet (CHEBI:48390) -> FGF-23 (HGNC:3680)  increased  3 pg/ml  (case 1)  [machine]" in out
    assert len(run(world, "list", "--doc", "d2").stdout.strip().splitlines()) == 1
    assert len(run(world, "list", "--kind", "treatment").stdout.strip().splitlines()) == 1
    assert run(world, "list", "--status", "rejected").stdout.strip() == ""


def test_accept_reject_edit_show_history(world):
    c1, c2, c3 = world["claims"]
    run(world, "accept", short_iri(c3.iri))
    run(world, "reject", short_iri(c2.iri), "--reason", "not_supported", "--note", "only background")
    out = run(world, "edit", c1.iri, "--set", "direction=decreased", "--set", "value=2.5").stdout
    assert "direction: 'increased' -> 'decreased'" in out
    records, errors = read_log(world["log"])
    assert errors == [] and [r.action for r in records] == ["accept", "reject", "edit"]
    assert all(r.curator == "tester" and r.at.endswith("Z") for r in records)
    assert records[2].changes["value"] == {"old": 3.0, "new": 2.5}
    assert "[rejected]" in run(world, "list", "--status", "rejected").stdout
    shown = run(world, "show", short_iri(c1.iri)).stdout
    assert "\u00bb" + S1 + "\u00ab" in shown and f"[{c1.evidence.start}:{c1.evidence.end}]" in shown
    assert "decreased  2.5 pg/ml" in shown and "[edited]" in shown
    assert "tester edit direction: 'increased' -> 'decreased'" in shown


def test_identity_edit_keeps_the_iri_in_the_cli(world):
    c1 = world["claims"][0]
    run(world, "edit", short_iri(c1.iri), "--set", "object.label=FGF23 protein", "--set", "patient=case 2")
    out = run(world, "list", "--status", "edited").stdout
    assert short_iri(c1.iri) in out and "FGF23 protein" in out and "(case 2)" in out
    run(world, "accept", short_iri(c1.iri))  # the same hash still names it


def test_add_relink_and_errors(world):
    c1, c2, _ = world["claims"]
    start = TEXT.index("Phosphate")
    run(world, "add", "--doc", "d1", "--kind", "outcome", "--subject", "surgery", "--object", "phosphate",
        "--object-id", "CHEBI:18367", "--direction", "increased", "--start", str(start),
        "--end", str(start + len(S2)), "--corpus", str(world["corpus"]))
    added = run(world, "list", "--status", "added").stdout
    assert "surgery -> phosphate (CHEBI:18367)" in added
    record = read_log(world["log"])[0][-1]
    assert record.claim_data["evidence"]["sentence"] == S2
    run(world, "add", "--like", short_iri(c1.iri), "--kind", "mechanism", "--subject", "cinacalcet",
        "--object", "PTH", "--set", "hedged=true")
    assert "HEDGED  [added]" in run(world, "list", "--kind", "mechanism").stdout
    out = run(world, "relink", "TIO", "--label", "tumor-induced osteomalacia", "--id", "MONDO:0018124").stdout
    assert "in 1 claim(s)" in out
    assert "tumor-induced osteomalacia (MONDO:0018124)" in run(world, "show", short_iri(c2.iri)).stdout
    bad = run(world, "reject", short_iri(c1.iri), "--reason", "because", ok=False)
    assert bad.exit_code != 0
    missing = run(world, "accept", "ffffffffff", ok=False)
    assert isinstance(missing.exception, CurationError) and "no claim" in str(missing.exception)


def test_orphans_list_reattach_retire(world):
    c1, _, c3 = world["claims"]
    run(world, "edit", short_iri(c1.iri), "--set", "direction=decreased")
    run(world, "reject", short_iri(c3.iri), "--reason", "wrong_entity")
    # re-extraction: c1's span moved, c3 is gone
    moved = c1.with_changes(evidence=Evidence(S1, c1.evidence.start + 1, c1.evidence.end + 1))
    (world["store"] / "current" / "claims.jsonl").write_text(json.dumps(moved.as_dict()) + "\n")
    out = run(world, "orphans").stdout
    assert short_iri(c1.iri) in out and short_iri(c3.iri) in out and S2 in out
    assert "candidate: " + short_iri(moved.iri) in out
    run(world, "orphans", short_iri(c1.iri), "--to", short_iri(moved.iri))
    run(world, "orphans", short_iri(c3.iri), "--retire")
    assert run(world, "orphans").stdout.strip() == ""
    assert "decreased" in run(world, "show", short_iri(moved.iri)).stdout
    assert [r.action for r in read_log(world["log"])[0]][-2:] == ["reattach", "retire"]


def test_bad_log_line_is_a_warning_not_a_stop(world):
    world["log"].write_text("{oops\n", encoding="utf-8")
    result = CliRunner().invoke(curate, ["list", "--store", str(world["store"]),
                                                         "--log", str(world["log"])])
    assert result.exit_code == 0 and f"{world['log']}:1" in result.stderr


def test_current_claims_missing_build(tmp_path):
    with pytest.raises(StoreError, match="litkg build"):
        current_claims(tmp_path)
