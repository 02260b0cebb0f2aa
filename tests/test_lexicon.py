"""The shipped lexicon: variant normalisation, grounding, loading speed, errors."""

import gzip

import pytest

from litkg.errors import ExtractionError
from litkg.extract import lexicon as lx
from litkg.models import is_curie


@pytest.mark.parametrize("a,b", [("hypocalcaemia", "hypocalcemia"), ("Oedema", "edema"),
                                 ("tumour", "tumor"), ("ionised", "ionized"), ("haemodialysis", "hemodialysis"),
                                 ("sulphate", "sulfate"), ("diarrhoea", "diarrhea"), ("Phosphates", "phosphate")])
def test_spelling_variants_share_a_key(a, b):
    assert lx.key_of(a) == lx.key_of(b)


def test_hyphen_and_possessive_variants_share_a_key():
    assert lx.key_of("25-hydroxyvitamin D") == lx.key_of("25 hydroxyvitamin D")
    assert lx.key_of("Crohn's disease") == lx.key_of("Crohn disease")


def test_greek_letters_and_their_names_share_a_key():
    assert lx.key_of("α-tocopherol") == lx.key_of("alpha-tocopherol") == "alpha tocopherol"
    assert lx.key_of("TNF-β") == lx.key_of("TNF-beta")
    assert "mu" not in lx.key_of("5 µg")  # the micro sign is a unit prefix, not a letter


def test_ground_brand_names_and_lab_synonyms():
    assert lx.ground("Sensipar").id == lx.ground("cinacalcet").id == "CHEBI:48390"
    assert lx.ground("Mimpara").label == "cinacalcet"
    assert lx.ground("iPTH").id == "LOINC:2731-8"
    assert lx.ground("parathormone").id == lx.ground("PTH").id is not None
    assert lx.ground("serum calcium").id == "LOINC:17861-6"
    assert lx.ground("ionised calcium").id == lx.ground("ionized calcium").id == "LOINC:1994-3"
    # a drug with neither a MeSH descriptor nor a DrugBank entry: MeSH's supplementary concept
    assert lx.ground("ferrous sulfate").id == lx.ground("ferrous sulphate").id == "MESH:C020748"
    hypo = lx.ground("hypocalcaemia")
    assert hypo is not None and hypo.id == lx.ground("hypocalcemia").id and hypo.text == "hypocalcaemia"


def test_ground_respects_labels_and_chemical_readings():
    assert lx.ground("calcium", {"ANALYTE"}).id.startswith("LOINC:")
    assert lx.ground("calcium", {"DRUG"}).id == "MESH:D002118"
    assert lx.ground("warfarin", {"ANALYTE"}) is None
    assert lx.ground("CaSR", {"TARGET"}).id == "HGNC:1514"


def test_unknown_names_stay_unknown():
    assert lx.ground("flurbozine wobblate") is None
    assert lx.ground("") is None
    assert lx.ground("   ") is None


def test_every_id_is_a_curie_and_labels_are_known():
    lexicon = lx.load_lexicon()
    assert len(lexicon) > 20000
    for key, entry in lexicon.entries.items():
        assert entry.id is None or is_curie(entry.id), (key, entry)
        assert entry.xref is None or entry.xref.startswith("MESH:"), (key, entry)


def test_mesh_cross_references():
    lexicon = lx.load_lexicon()
    assert lexicon.mesh_of("MONDO:0017215") == "MESH:D002115"  # calciphylaxis
    assert lexicon.mesh_of("MESH:D014859") == "MESH:D014859"
    assert lexicon.mesh_of(None) is None


def test_loading_is_cached_per_path(tmp_path):
    # Load time is measured by benchmarks/bench_entities.py, not asserted here.
    src = lx.default_lexicon_path()
    copy = tmp_path / "lexicon.tsv.gz"
    copy.write_bytes(src.read_bytes())
    lexicon = lx.load_lexicon(copy)
    assert len(lexicon) > 100_000
    assert lx.load_lexicon(copy) is lexicon


def test_malformed_and_missing_lexicon_raise(tmp_path):
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt") as handle:
        handle.write("aspirin\tNOT_A_LABEL\tMESH:D001241\t\taspirin\tx\t\n")
    with pytest.raises(ExtractionError, match="malformed"):
        lx.load_lexicon(bad)
    with pytest.raises(ExtractionError, match="not found"):
        lx.load_lexicon(tmp_path / "missing.tsv.gz")


def test_procedures_are_grounded_to_mesh_descriptors():
    from litkg.extract.lexicon import ground

    assert ground("parathyroidectomy", {"PROCEDURE"}).id == "MESH:D016105"
    # a curated alias takes the id of the name it stands for
    assert ground("total parathyroidectomy", {"PROCEDURE"}).id == "MESH:D016105"


def test_one_word_hpo_findings_find_spans_but_not_modifiers():
    # rarer one-word findings under "Phenotypic abnormality" find spans ...
    for word, cid in (("livedo", "HP:0033832"), ("pallor", "HP:0000980"), ("stridor", "HP:0010307")):
        entry = lx.lookup(word)
        assert entry.id == cid and entry.label == "PHENOTYPE" and "short" not in entry.flags
    # ... unless the training texts mostly leave them unannotated (then they only ground)
    assert "short" in lx.lookup("restlessness").flags
    # adjective-shaped labels and modifier terms ("Lateral", "Heterogeneous") name nothing
    assert lx.lookup("lateral") is None and lx.lookup("heterogeneous") is None


def test_hpo_synonyms_name_findings_but_no_measurements():
    # the synonym names the finding ("Deep vein thrombosis" of "Deep venous thrombosis") ...
    entry = lx.lookup("deep vein thrombosis")
    assert entry.id == "HP:0002625" and entry.label == "PHENOTYPE" and "short" not in entry.flags
    # ... but a synonym phrased as a measurement stays an analyte's change, and one opening on a
    # qualifier is the qualified finding (the corpora annotate "Neisseria infections")
    assert lx.lookup("low blood calcium levels") is None  # a synonym of Hypocalcemia
    assert lx.lookup("recurrent neisseria infections") is None


def test_a_wrong_mondo_mapping_does_not_ground_seizures_as_visual_epilepsy():
    entry = lx.lookup("seizure")
    assert entry.id == "HP:0001250" and lx.load_lexicon().mesh_of(entry.id) == "MESH:D012640"


def test_no_markup_or_cut_off_names():
    """Scraped synonym lists hold wiki markup and names cut at a comma ("Alcohol," of "Alcohol,
    Benzyl"), which would ground every "alcohol" to benzyl alcohol."""
    bad = [k for k in lx.load_lexicon().entries
           if k.endswith(" ,") or "&lt" in k or "ref name" in k or "{" in k]
    assert bad == []
    assert lx.ground("alcohol").id == "MESH:D000431"


@pytest.mark.parametrize("british, american", [("ureteric colic", "ureteral colic"),
                                                ("anaesthesia", "anesthesia"),
                                                ("coeliac disease", "celiac disease"),
                                                ("nonsteroidal drugs", "non-steroid drugs")])
def test_british_spellings_share_a_key(british, american):
    assert lx.key_of(british) == lx.key_of(american)


def test_a_time_phrase_is_no_procedure():
    from litkg.extract.entities import entity_nlp
    from litkg.extract.mentions import mentions_from_doc

    doc = entity_nlp()("Walk time improved after treatment in both groups.")
    assert [m.text for m in mentions_from_doc(doc) if m.label == "PROCEDURE"] == []


def test_a_finding_annotated_with_the_category_above_it_grounds_to_its_own_concept():
    # the corpora annotate "irritability" with MeSH Mental Disorders, which does not name it:
    # the phenotype of exactly this name grounds it, the corpus MeSH id stays its xref
    entry = lx.ground("irritability")
    assert entry.id == "HP:0000737" and entry.label == "Irritability"
    assert lx.lookup("irritability").xref == "MESH:D001523"
    # a name the annotators' descriptor lists as its own keeps the corpus concept
    assert lx.ground("hypertension").id == "MONDO:0005044"


def test_harms_trials_count_find_their_names():
    reaction = lx.lookup("Injection-site reactions")
    assert reaction.label == "PHENOTYPE" and "short" not in reaction.flags
    assert lx.lookup("suicide attempts").id == lx.lookup("attempted suicide").id == "MESH:D013406"
