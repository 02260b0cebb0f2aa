"""evaluate_ner: mention- and concept-level scores against PubTator files."""

import pytest

from litkg.errors import EvaluationError
from litkg.evaluate.ner import NerReport, Score, evaluate_ner, norm_gold_id, read_gold
from litkg.extract.entities import entity_nlp
from litkg.paths import benchmarks_dir

TEXT_T = "Cinacalcet caused hypocalcemia."
TEXT_A = "Warfarin was given to a patient with calciphylaxis and nausea."


@pytest.fixture(scope="module")
def nlp():
    return entity_nlp(use_ner=False)


def write_pubtator(path):
    # Offsets in title + " " + abstract.  Gold: cinacalcet, hypocalcemia, calciphylaxis
    # (wrong id on purpose), and a disease the system will not find ("patient" is not one).
    a = len(TEXT_T) + 1
    lines = [f"1|t|{TEXT_T}", f"1|a|{TEXT_A}",
             "1\t0\t10\tCinacalcet\tChemical\tC476217",
             "1\t18\t30\thypocalcemia\tDisease\tD006996",
             f"1\t{a + 37}\t{a + 50}\tcalciphylaxis\tDisease\tD999999",
             f"1\t{a + 24}\t{a + 31}\tpatient\tDisease\t-1",
             "1\tCID\tC476217\tD006996", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_scores_on_a_hand_made_file(tmp_path, nlp):
    report = evaluate_ner(write_pubtator(tmp_path / "tiny.txt"), nlp)
    assert isinstance(report, NerReport) and report.documents == 1
    mention = dict(report.mention)
    # Chemical: Cinacalcet found; Warfarin predicted but not annotated -> 1 tp, 1 fp.
    assert (mention["Chemical"].tp, mention["Chemical"].fp, mention["Chemical"].fn) == (1, 1, 0)
    # Disease: hypocalcemia + calciphylaxis found, "patient" missed, "nausea" predicted.
    assert (mention["Disease"].tp, mention["Disease"].fp, mention["Disease"].fn) == (2, 1, 1)
    concept = dict(report.concept)
    # Concept ids compared as MeSH: CHEBI cinacalcet -> C476217 (tp); calciphylaxis id differs.
    assert concept["Chemical"].tp == 1
    assert concept["Disease"].tp == 1 and concept["Disease"].fn == 1
    data = report.as_dict()
    assert data["mention"]["overall"]["tp"] == 3
    assert "overall" in report.as_table()


def test_score_arithmetic():
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == 0.75 and s.recall == 0.6 and round(s.f1, 4) == 0.6667
    assert Score(0, 0, 0).f1 == 0.0


def test_gold_id_normalisation():
    assert norm_gold_id("D009270", "Chemical") == "MESH:D009270"
    assert norm_gold_id("-1", "Disease") is None
    assert norm_gold_id("3175", "Gene") == "NCBIGene:3175"
    assert norm_gold_id("OMIM:277440", "Disease") == "OMIM:277440"


def test_missing_and_broken_files(tmp_path, nlp):
    with pytest.raises(EvaluationError):
        evaluate_ner(tmp_path / "nope.txt", nlp)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(EvaluationError):
        evaluate_ner(empty, nlp)


def test_cdr_development_sample():
    path = benchmarks_dir() / "cdr" / "CDR_DevelopmentSet.PubTator.txt"
    if not path.exists():
        pytest.skip(f"CDR benchmark not found at {path} (set LITKG_BENCHMARKS)")
    assert len(read_gold(path)) == 500
    report = evaluate_ner(path, limit=60)
    overall = dict(report.mention)["overall"]
    print(report.as_table())
    assert overall.f1 > 0.7
    assert dict(report.concept)["overall"].f1 > 0.7


def test_protein_analytes_are_not_scored_as_chemicals():
    from litkg.evaluate.ner import predicted_type
    from litkg.extract.lexicon import load_lexicon
    from litkg.models import Concept, Mention

    lexicon = load_lexicon()

    def kind(text, label, cid):
        return predicted_type(Mention(start=0, end=len(text), text=text, label=label,
                                      concept=Concept(label=text, id=cid), source="lexicon"), lexicon)

    assert kind("PTH", "ANALYTE", "PR:000013429") == "Gene"
    assert kind("calcium", "ANALYTE", lexicon.lookup("calcium").id) == "Chemical"
    assert kind("warfarin", "DRUG", "MESH:D014859") == "Chemical"


def test_analyte_spans_are_scored_from_their_chemical():
    from litkg.evaluate.ner import chemical_start
    from litkg.models import Concept, Mention

    def mention(text, label, start=10):
        return Mention(start=start, end=start + len(text), text=text, label=label,
                       concept=Concept(label=text))

    assert chemical_start(mention("serum creatinine", "ANALYTE")) == 16
    assert chemical_start(mention("plasma total calcium", "ANALYTE")) == 23
    assert chemical_start(mention("serum", "ANALYTE")) == 10  # nothing left: span kept
    assert chemical_start(mention("serum sickness", "CONDITION")) == 10  # only analytes
