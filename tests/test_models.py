"""Value objects: the claims contract round-trips and IRIs are stable and content-derived."""

import json

import pytest

from litkg.models import Claim, Concept, Curation, Evidence, is_curie


def _claim(**changes):
    base = Claim(doc="d1", kind="outcome", subject=Concept("cinacalcet", "CHEBI:48390"),
                 object=Concept("parathyroid hormone", "LOINC:2731-8", text="PTH"),
                 evidence=Evidence("PTH decreased to 225 pg/ml.", 10, 37),
                 direction="decreased", before=269, after=225, unit="pg/ml",
                 statistic_items=(("p", 0.04),))
    return base.with_changes(**changes) if changes else base


def test_contract_round_trips_through_json():
    claim = _claim()
    again = Claim.from_dict(json.loads(json.dumps(claim.as_dict())))
    assert again == claim
    assert again.as_dict()["statistic"] == {"p": 0.04}


def test_iri_ignores_values_but_not_identity():
    claim = _claim()
    assert _claim(direction="unchanged", after=260.0).iri == claim.iri
    assert _claim(curation=Curation(status="accepted", curator="ann")).iri == claim.iri
    assert _claim(patient="case 2").iri != claim.iri
    assert _claim(evidence=Evidence("PTH decreased to 225 pg/ml.", 11, 38)).iri != claim.iri
    assert _claim(object=Concept("calcium", None)).iri != claim.iri


def test_iri_is_case_and_space_insensitive_on_labels():
    a = _claim(subject=Concept("Cinacalcet"))
    b = _claim(subject=Concept("cinacalcet  "))
    assert a.iri == b.iri


@pytest.mark.parametrize("bad", [dict(kind="cure"), dict(direction="up")])
def test_invalid_kind_or_direction_is_refused(bad):
    with pytest.raises(ValueError):
        _claim(**bad)


def test_concept_ids_must_be_curies():
    assert is_curie("LOINC:2731-8") and is_curie("MESH:D002118")
    assert not is_curie("calcium") and not is_curie("http://x")
    with pytest.raises(ValueError):
        Concept("calcium", "calcium")
