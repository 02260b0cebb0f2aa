"""Known abbreviations (litkg.extract.known_abbreviations): a short form the text does not
define takes the label and concept of the long form it was seen defined with elsewhere."""

import pytest
from handmade import doc_with_ents

from litkg.extract import known_abbreviations as known

TABLE = {"XYZS": ("CONDITION", "MONDO:1", "xyz syndrome", "xyz syndrome"),
         "ZBX": ("DRUG", None, "zorbex", "zorbex"),
         "NSAID": ("DRUG", "MESH:D000894", "NSAIDs", "nonsteroidal anti-inflammatory drugs")}


@pytest.fixture
def table(monkeypatch):
    monkeypatch.setattr(known, "known_abbreviations", lambda: TABLE)
    known._pattern.cache_clear()
    yield
    known._pattern.cache_clear()


def _spans(text, ents=(), defined=()):
    doc = doc_with_ents(text, ents, pipes=())
    return [(s.text, s.label_, s._.concept_id, s._.source)
            for s in known.known_abbreviation_spans(doc, dict.fromkeys(defined))]


def test_undefined_short_forms_are_labelled_from_the_table(table):
    assert _spans("She developed XYZS on ZBX and NSAIDs.") == [
        ("XYZS", "CONDITION", "MONDO:1", "abbreviation"), ("ZBX", "DRUG", None, "abbreviation"),
        ("NSAIDs", "DRUG", "MESH:D000894", "abbreviation")]


def test_matching_is_case_sensitive_and_on_word_boundaries(table):
    assert _spans("xyzs and ZBXA and pre-ZBX") == []
    assert [s[0] for s in _spans("ZBX-induced XYZS")] == ["ZBX", "XYZS"]
    # a plural of a named drug is something else; of a condition or a class it is the same
    assert [s[0] for s in _spans("ZBXs, XYZSs")] == ["XYZSs"]


def test_a_run_of_capitals_is_a_heading_not_abbreviations(table):
    assert _spans("RESULTS FOR XYZS PATIENTS") == []
    assert [s[0] for s in _spans("XYZS/ZBX")] == ["XYZS", "ZBX"]
    assert [s[0] for s in _spans("in NSTE XYZS")] == ["XYZS"]  # a run of abbreviations


def test_the_texts_own_definition_and_entities_win(table):
    assert _spans("XYZS was seen.", defined=["XYZS"]) == []
    assert _spans("ZBX was seen.", ents=[("ZBX", "TARGET")]) == []


def test_shipped_table_knows_common_undefined_abbreviations():
    table = known.known_abbreviations()
    assert table["NMS"][0] == "CONDITION" and table["MTX"][0] == "DRUG"
    # two-letter and lower-case forms are too ambiguous to ship unless seen defined alike
    assert all(any(c.isupper() for c in short) for short in table)


def _builder():
    """scripts/build_abbreviations.py as a module (scripts are no package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "build_abbreviations.py"
    spec = importlib.util.spec_from_file_location("build_abbreviations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_builder_keeps_grounded_unambiguous_short_forms_only():
    from collections import Counter

    from litkg.extract.lexicon import Entry, Lexicon, key_of

    def entry(label, cid):
        return Entry(label, cid, None, "name", "test")
    lexicon = Lexicon({key_of("zorbex"): entry("DRUG", "X:1"),
                       key_of("xyz syndrome"): entry("CONDITION", "X:2"),
                       key_of("messenger RNA"): entry("DRUG", "X:3"),
                       key_of("quux"): entry("CONDITION", "X:4")})
    seen = {"ZBX": Counter({"zorbex": 3}),
            "XYZS": Counter({"xyz syndrome": 2, "xyz syndromes": 1}),
            "QQS": Counter({"quux": 1, "zorbex": 1}),      # two labels: ambiguous
            "WVD": Counter({"wavy disease": 2}),           # a disease by its head, no id
            "ZB": Counter({"zorbex": 5}),                   # two letters: too ambiguous
            "ONE": Counter({"zorbex": 1}),                  # seen defined once only
            "mRNA": Counter({"messenger RNA": 4}),          # a molecule of the body
            # a known condition and an unidentified one of the same kind agree
            "XYZD": Counter({"xyz syndrome": 1, "adult xyz disease": 1})}
    rows = _builder().select(seen, lexicon, 0.75, 2)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("WVD", "CONDITION", ""), ("XYZD", "CONDITION", "X:2"), ("XYZS", "CONDITION", "X:2"),
        ("ZBX", "DRUG", "X:1")]
