"""The curation log: one sorted-key JSON record per line, bad lines reported, concurrent appends safe."""

import json
import multiprocessing

import pytest

from litkg.curate import actions
from litkg.curate.log import CurationRecord, append, default_curator, read_log
from litkg.errors import CurationError
from litkg.models import Claim, Concept, Evidence


def make_claim(**changes):
    base = Claim(doc="d1", kind="treatment", subject=Concept("cinacalcet", "CHEBI:48390"),
                 object=Concept("tumor-induced osteomalacia", "MONDO:0018124", text="TIO"),
                 evidence=Evidence("Cinacalcet treated TIO.", 10, 33), direction="improved")
    return base.with_changes(**changes)


def test_record_line_is_sorted_single_line_and_round_trips(tmp_path):
    record = actions.reject(make_claim(), "alice", "wrong direction", note="says\nworse", at="2026-01-01T00:00:00Z")
    line = record.to_line()
    assert "\n" not in line
    data = json.loads(line)
    assert list(data) == sorted(data)
    assert data["reason"] == "wrong_direction" and data["doc"] == "d1"
    assert data["evidence"] == {"sentence": "Cinacalcet treated TIO.", "start": 10, "end": 33}
    log = tmp_path / "curation.jsonl"
    append(log, record)
    records, errors = read_log(log)
    assert errors == [] and len(records) == 1
    assert records[0].as_dict() == record.as_dict() and records[0].line == 1


def test_malformed_lines_are_reported_with_line_numbers_and_the_rest_applies(tmp_path):
    log = tmp_path / "curation.jsonl"
    good = actions.accept(make_claim(), "bob", at="2026-01-01T00:00:00Z").to_line()
    bad_reason = json.loads(good) | {"action": "reject", "reason": "because"}
    log.write_text("\n".join([good, "{not json", "# a comment", "", json.dumps(bad_reason),
                              json.dumps({"action": "accept"}), good]) + "\n", encoding="utf-8")
    records, errors = read_log(log)
    assert [r.line for r in records] == [1, 7]
    assert [e.where for e in errors] == [f"{log}:2", f"{log}:5", f"{log}:6"]
    assert all(isinstance(e, CurationError) for e in errors)
    assert "not valid JSON" in errors[0].message and "because" in errors[1].message


def test_missing_log_is_empty(tmp_path):
    assert read_log(tmp_path / "none.jsonl") == ([], [])


def test_append_after_hand_edit_without_final_newline_keeps_lines_apart(tmp_path):
    log = tmp_path / "curation.jsonl"
    log.write_text(actions.accept(make_claim(), "a", at="t").to_line(), encoding="utf-8")
    append(log, actions.accept(make_claim(), "b", at="t"))
    records, errors = read_log(log)
    assert errors == [] and [r.curator for r in records] == ["a", "b"]


def test_invalid_records_are_refused():
    with pytest.raises(CurationError):
        CurationRecord(action="frobnicate", curator="a", at="t", claim="x")
    with pytest.raises(CurationError):
        actions.reject(make_claim(), "a", "not a reason")
    with pytest.raises(CurationError):
        actions.edit(make_claim(), "a", {"direction": "sideways"})
    with pytest.raises(CurationError):
        actions.edit(make_claim(), "a", {"direction": "improved"})  # changes nothing


def test_default_curator_from_environment(monkeypatch):
    monkeypatch.setenv("LITKG_CURATOR", "carol")
    assert default_curator() == "carol"
    monkeypatch.delenv("LITKG_CURATOR")
    assert default_curator()


def _writer(path, worker, count):
    claim = make_claim()
    for i in range(count):
        append(path, actions.accept(claim, f"w{worker}", note=f"{worker}-{i}" + "x" * 300, at="t"))


def test_concurrent_processes_lose_nothing(tmp_path):
    log = tmp_path / "curation.jsonl"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(log), w, 50)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    records, errors = read_log(log)
    assert errors == []
    assert len(records) == 200
    assert {r.note.split("x")[0] for r in records} == {f"{w}-{i}" for w in range(4) for i in range(50)}
