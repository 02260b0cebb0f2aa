"""apply_curations: curated values win, IRIs stay stable, orphans are never dropped silently."""

from litkg.curate import actions
from litkg.build import Orphan
from litkg.curate.apply import apply_curations
from litkg.curate.gold import gold_to_records
from litkg.models import Claim, Concept, Evidence

SENT1 = "Cinacalcet decreased FGF-23 in TIO."
SENT2 = "Phosphate rose after surgery."


def world():
    c1 = Claim(doc="d1", kind="outcome", subject=Concept("cinacalcet", "CHEBI:48390"),
               object=Concept("FGF-23", "HGNC:3680"), evidence=Evidence(SENT1, 0, len(SENT1)),
               direction="increased", patient="case 1")
    c2 = Claim(doc="d1", kind="treatment", subject=Concept("cinacalcet", "CHEBI:48390"),
               object=Concept("TIO"), evidence=Evidence(SENT1, 0, len(SENT1)))
    c3 = Claim(doc="d2", kind="outcome", subject=Concept("surgery"), object=Concept("TIO"),
               evidence=Evidence(SENT2, 5, 5 + len(SENT2)), direction="improved")
    return [c1, c2, c3]


def by_iri(result):
    return {c.iri: c for c in result.claims}


def test_accept_reject_edit_and_later_records_win():
    c1, c2, c3 = world()
    records = [actions.accept(c1, "alice", at="2026-01-01T00:00:00Z"),
               actions.edit(c1, "bob", {"direction": "decreased", "value": "3.5", "unit": "pg/ml"},
                            at="2026-01-02T00:00:00Z"),
               actions.reject(c2, "alice", "not_supported", note="<b>no</b>", at="2026-01-03T00:00:00Z"),
               actions.reject(c3, "alice", "wrong_entity", at="2026-01-04T00:00:00Z"),
               actions.accept(c3, "bob", at="2026-01-05T00:00:00Z")]
    result = apply_curations([c1, c2, c3], records)
    got = by_iri(result)
    assert list(got) == [c1.iri, c2.iri, c3.iri]  # rejected claims stay in the output
    assert got[c1.iri].direction == "decreased" and got[c1.iri].value == 3.5 and got[c1.iri].unit == "pg/ml"
    assert got[c1.iri].curation.status == "edited" and got[c1.iri].curation.curator == "bob"
    assert got[c1.iri].curation.curated_at == "2026-01-02T00:00:00Z"
    assert got[c2.iri].curation.status == "rejected" and got[c2.iri].curation.reason == "not_supported"
    assert got[c3.iri].curation.status == "accepted"
    assert result.orphans == () and result.warnings == ()
    # accepting the edited claim keeps it "edited": its values are still the curator's
    again = apply_curations([c1], records[:2] + [actions.accept(c1, "carol", at="2026-01-09T00:00:00Z")])
    assert again.claims[0].curation.status == "edited" and again.claims[0].direction == "decreased"


def test_reextraction_keeps_curations_and_reports_the_moved_value():
    c1, _, _ = world()
    records = [actions.edit(c1, "bob", {"direction": "decreased"}, at="t1")]
    # the new pipeline extracts the same claim (same IRI) with another direction and a unit
    reextracted = c1.with_changes(direction="unchanged", unit="pg/ml")
    assert reextracted.iri == c1.iri
    result = apply_curations([reextracted], records)
    claim = result.claims[0]
    assert claim.direction == "decreased" and claim.unit == "pg/ml" and claim.iri == c1.iri
    assert any("extraction now says 'unchanged'" in w for w in result.warnings)


def test_identity_edit_keeps_the_iri_the_curator_acted_on():
    c1, c2, _ = world()
    changes = actions.parse_assignments(c1, ["object.label=phosphate", "object.text=phosphate",
                                             "object.id=CHEBI:18367", "patient=case 2"])
    edit = actions.edit(c1, "bob", changes, at="t1")
    result = apply_curations([c1, c2], [edit, actions.reject(c1, "carol", "other", at="t2")])
    edited = result.claims[0]
    assert edited.pinned_iri == c1.iri and isinstance(edited, Claim)
    assert edited.iri == c1.iri and edited.as_dict()["claim"] == c1.iri
    assert edited.object.label == "phosphate" and edited.patient == "case 2"
    assert edited.content_iri != c1.iri
    assert result.renamed == ((c1.iri, edited.content_iri),)
    assert edited.curation.status == "rejected"  # the later record (naming the old IRI) still applies
    # a record naming the content IRI finds the same claim
    by_content = apply_curations([c1], [edit, actions.accept(edited.with_changes(), "dan", at="t3")])
    assert len(by_content.claims) == 1 and by_content.orphans == ()
    # once the extractor produces the fixed claim itself, the machine duplicate is dropped
    fixed = c1.with_changes(object=Concept("phosphate", "CHEBI:18367"), patient="case 2")
    dedup = apply_curations([c1, fixed], [edit])
    assert [c.iri for c in dedup.claims] == [c1.iri]
    assert any("duplicates edited claim" in w for w in dedup.warnings)


def test_add_creates_an_added_claim_and_replaces_a_later_machine_copy():
    c1, _, _ = world()
    missed = Claim(doc="d1", kind="mechanism", subject=Concept("cinacalcet", "CHEBI:48390"),
                   object=Concept("PTH"), evidence=Evidence(SENT1, 0, len(SENT1)))
    record = actions.add(missed, "alice", at="t1")
    result = apply_curations([c1], [record])
    assert [c.curation.status for c in result.claims] == ["machine", "added"]
    assert result.claims[1].iri == missed.iri
    later = apply_curations([c1, missed.with_changes(direction="increased")],
                            [record, actions.accept(missed, "bob", at="t2")])
    assert len(later.claims) == 2 and later.claims[1].direction is None
    assert later.claims[1].curation.status == "added"
    assert any("now also extracted" in w for w in later.warnings)


def test_relink_everywhere_keeps_iris():
    c1, c2, c3 = world()
    record = actions.relink("TIO", "tumor-induced osteomalacia", "MONDO:0018124", "alice", at="t1")
    result = apply_curations([c1, c2, c3], [record])
    got = by_iri(result)
    assert set(got) == {c1.iri, c2.iri, c3.iri}
    for iri in (c2.iri, c3.iri):
        assert got[iri].object == Concept("tumor-induced osteomalacia", "MONDO:0018124", text="TIO")
        assert got[iri].curation.status == "edited"
        assert got[iri].pinned_iri is None  # surface text kept, so the hash is unchanged
    assert got[c1.iri].curation.status == "machine"
    scoped = apply_curations([c1, c2, c3], [actions.relink("TIO", "tumor-induced osteomalacia",
                                                            "MONDO:0018124", "alice", doc="d2", at="t1")])
    assert by_iri(scoped)[c2.iri].object.id is None and by_iri(scoped)[c3.iri].object.id == "MONDO:0018124"


def test_orphans_are_reported_then_reattached_or_retired():
    c1, c2, c3 = world()
    old = c1.with_changes(evidence=Evidence(SENT1, 100, 100 + len(SENT1)))  # span moved: new IRI
    edit = actions.edit(old, "bob", {"direction": "decreased"}, at="t1")
    rej = actions.reject(c3, "bob", "wrong_entity", at="t2")
    result = apply_curations([c1, c2, c3], [edit, rej])
    assert result.orphans == (edit,)
    orphan = result.orphans[0]
    assert orphan.doc == "d1" and orphan.evidence["sentence"] == SENT1 and orphan.evidence["start"] == 100
    assert by_iri(result)[c1.iri].curation.status == "machine"
    line = Orphan.from_record(orphan).describe()
    assert old.iri in line and SENT1 in line and "d1[100:" in line and "litkg curate orphans" in line

    reattached = apply_curations([c1, c2, c3], [edit, rej, actions.reattach(orphan, c1, "carol", at="t3")])
    assert reattached.orphans == ()
    assert by_iri(reattached)[c1.iri].direction == "decreased"
    assert by_iri(reattached)[c1.iri].curation.status == "edited"

    retired = apply_curations([c1, c2, c3], [edit, rej, actions.retire(orphan, "carol", at="t3")])
    assert retired.orphans == () and by_iri(retired)[c1.iri].curation.status == "machine"


def test_applying_twice_is_idempotent():
    c1, c2, c3 = world()
    records = [actions.edit(c1, "bob", actions.parse_assignments(c1, ["object.label=phosphate",
                                                                       "object.text=phosphate"]), at="t1"),
               actions.reject(c2, "a", "wrong_drug_attribution", at="t2"),
               actions.relink("TIO", "tumor-induced osteomalacia", "MONDO:0018124", "a", at="t3")]
    once = apply_curations([c1, c2, c3], records)
    twice = apply_curations(list(once.claims), records)
    assert [c.as_dict() for c in twice.claims] == [c.as_dict() for c in once.claims]
    assert twice.orphans == ()


def test_gold_to_records_accept_edit_add():
    c1, c2, c3 = world()
    gold_same = c2
    gold_fixed = c1.with_changes(direction="decreased", value=12.0)
    # overlaps c3 but reaches beyond its span: still c3, with a real evidence edit
    gold_moved = c3.with_changes(evidence=Evidence(SENT2, 3, 5 + len(SENT2)))
    gold_missing = Claim(doc="d2", kind="outcome", subject=Concept("surgery"),
                         object=Concept("phosphate", "CHEBI:18367"), evidence=Evidence(SENT2, 5, 5 + len(SENT2)),
                         direction="increased")
    records = gold_to_records([gold_same, gold_fixed, gold_moved, gold_missing], [c1, c2, c3], at="t")
    assert [r.action for r in records] == ["accept", "edit", "edit", "add"]
    assert records[1].changes == {"direction": {"old": "increased", "new": "decreased"},
                                  "value": {"old": None, "new": 12.0}}
    assert all(r.curator == "gold" for r in records)
    result = apply_curations([c1, c2, c3], records)
    got = by_iri(result)
    assert got[c1.iri].direction == "decreased" and got[c3.iri].evidence.start == 3
    assert got[c3.iri].iri == c3.iri  # identity edit: IRI pinned
    assert got[gold_missing.iri].curation.status == "added"
    assert result.orphans == ()


def test_gold_span_inside_the_machine_sentence_is_agreement_not_an_edit():
    _, _, c3 = world()
    clause = c3.with_changes(evidence=Evidence(SENT2[2:-3], c3.evidence.start + 2, c3.evidence.end - 3))
    assert [r.action for r in gold_to_records([clause], [c3], at="t")] == ["accept"]


def test_gold_lines_with_aliases_and_no_ids_match_machine_claims():
    c1, c2, _ = world()
    raw = {"doc": "d1", "kind": "treatment", "subject": {"label": "cinacalcet", "id": None, "aliases": ["Sensipar"]},
           "object": {"label": "tumor-induced osteomalacia", "id": None, "aliases": ["TIO"]},
           "direction": None, "evidence": c2.evidence.as_dict()}
    raw_fgf = {"doc": "d1", "kind": "outcome", "subject": {"label": "cinacalcet", "id": None},
               "object": {"label": "FGF-23", "id": None}, "direction": "decreased",
               "evidence": c1.evidence.as_dict()}
    records = gold_to_records([raw, raw_fgf], [c1, c2], at="t")
    assert [r.action for r in records] == ["accept", "edit"]
    # no CURIE in gold does not erase the machine's; unstated fields (patient) are left alone
    assert records[1].changes == {"direction": {"old": "increased", "new": "decreased"}}


def test_gold_adds_are_grounded_through_the_lexicon_but_never_guessed():
    from litkg.extract.lexicon import ground

    known, unknown = "cinacalcet", "zorblaxine"
    expected = ground(known)
    assert expected is not None and expected.id
    gold = [Claim(doc="d9", kind="treatment", subject=Concept(name), object=Concept("calciphylaxis"),
                  evidence=Evidence(f"{name} for calciphylaxis", 0, len(name) + 18))
            for name in (known, unknown)]
    records = gold_to_records(gold, [], at="t")
    assert [r.action for r in records] == ["add", "add"]
    assert records[0].claim_data["subject"]["id"] == expected.id
    assert records[1].claim_data["subject"]["id"] is None
    assert records[0].claim == gold[0].iri  # grounding does not change the claim's identity
