"""PubTator reader (litkg.ingest.pubtator): the format and the quirks of the public corpora."""

from __future__ import annotations

import pytest

from litkg.errors import IngestError
from litkg.ingest import iter_documents, read_pubtator
from litkg.ingest.pubtator import pubtator_documents, split_ids
from litkg.models import Document
from litkg.paths import benchmarks_dir

BENCH = benchmarks_dir()

CRAFTED = (
    "\n"  # NCBI files start with a blank line
    "100|t|Naloxone reverses clonidine.\r\n"
    "100|a|Clonidine caused hypotension and cardiovascular, and respiratory depression.\r\n"
    "100\t0\t8\tNaloxone\tChemical\tD009270\r\n"
    "100\t29\t38\tClonidine\tChemical\tD003000\r\n"
    "100\t46\t57\thypotension\tDisease\t-1\r\n"
    "100\t62\t104\tcardiovascular, and respiratory depression\tDisease\tD002318|D012131\t"
    "cardiovascular depression|respiratory depression\r\n"
    "100\tCID\tD003000\tD007022\r\n"
    "\r\n"
    "200|t|BRCA1 c.5382insC in breast cancer.\n"
    "200|a|\n"
    "200\t0\t5\tBRCA1\tGeneOrGeneProduct\t672\n"
    "200\t6\t16\tc.5382insC\tSequenceVariant\tc|INS|5382|C\n"
    "200\t20\t33\tbreast cancer\tDiseaseOrPhenotypicFeature\tD001943,D010051\n"
    "200\tAssociation\t672\tD001943\tNovel\n"
    # no blank line before the next record: a new title line starts it anyway
    "300|t|Only a title\n"
    "300\t5\t6\ta\tDiseaseClass\n"
)


def test_crafted_records_and_quirks(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_bytes(CRAFTED.encode("utf-8"))
    first, second, third = list(read_pubtator(path))
    assert first.pmid == "100"
    assert first.text == first.title + " " + first.abstract
    assert [m.ids for m in first.mentions] == [("D009270",), ("D003000",), (), ("D002318", "D012131")]
    assert first.mentions[2].raw_id == "-1"
    assert first.mentions[3].extra == ("cardiovascular depression|respiratory depression",)
    assert all(first.text[m.start:m.end] == m.text for m in first.mentions)
    (cid,) = first.relations
    assert (cid.type, cid.arg1, cid.arg2, cid.extra, cid.novel) == ("CID", "D003000", "D007022", (), None)
    assert second.abstract == "" and second.text == second.title
    assert [m.ids for m in second.mentions] == [("672",), ("c|INS|5382|C",), ("D001943", "D010051")]
    assert second.relations[0].novel is True and second.relations[0].extra == ("Novel",)
    assert third.pmid == "300" and third.mentions[0].ids == ()


def test_split_ids():
    assert split_ids("D020279+D035583") == ("D020279", "D035583")  # NCBI conjunction
    assert split_ids("D006470|D003556") == ("D006470", "D003556")
    assert split_ids("OMIM:217000") == ("OMIM:217000",)
    assert split_ids("3172,3651,6927") == ("3172", "3651", "6927")
    assert split_ids("g|SUB|C|3318-15|T") == ("g|SUB|C|3318-15|T",)  # a variant id stays whole
    assert split_ids("-1") == () and split_ids("") == ()
    assert split_ids("D001|-1") == ("D001",)


def test_bad_offset_raises_with_line(tmp_path):
    path = tmp_path / "bad.PubTator"
    path.write_text("1|t|Good title.\n1|a|Text.\n1\t0\t4\tGood\tX\tD1\n\n"
                    "2|t|Second title.\n2|a|Text.\n2\t0\t4\tNope\tX\tD1\n\n"
                    "3|t|Third title.\n3|a|Text.\n")
    reader = read_pubtator(path)
    assert next(reader).pmid == "1"
    with pytest.raises(IngestError) as info:
        next(reader)
    assert info.value.where == f"{path}:5" and "Nope" in info.value.message
    # The document reader reports the bad record and goes on.
    items = list(pubtator_documents(path))
    assert [getattr(i, "id", None) for i in items] == ["1", None, "3"]


def test_malformed_annotation_line(tmp_path):
    path = tmp_path / "bad2.txt"
    path.write_text("1|t|Title.\n1|a|Text.\n1\tjunk\n\n2|t|Two.\n2|a|Text.\n")
    with pytest.raises(IngestError) as info:
        list(read_pubtator(path))
    assert info.value.where == f"{path}:3"
    items = list(iter_documents([path]))
    assert isinstance(items[0], IngestError) and items[1].id == "2"


def test_documents_have_sections(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(CRAFTED)
    doc = next(d for d in iter_documents([path]) if isinstance(d, Document))
    assert doc.format == "pubtator" and doc.id == "100" and doc.metadata.pmid == "100"
    title, abstract = doc.sections
    assert doc.text[title.start:title.end] == "Naloxone reverses clonidine."
    assert doc.text[abstract.start:abstract.end].startswith("Clonidine caused")


@pytest.mark.parametrize("relative, records, min_mentions, min_relations", [
    ("cdr/CDR_TrainingSet.PubTator.txt", 500, 9000, 1000),
    ("cdr/CDR_DevelopmentSet.PubTator.txt", 500, 9000, 1000),
    ("ncbi-disease/NCBItrainset.txt", 593, 5000, 0),
    ("ncbi-disease/NCBIdevelopset.txt", 100, 700, 0),
    ("biored/Train.PubTator", 400, 13000, 4000),
    ("biored/Dev.PubTator", 100, 3000, 1000),
])
def test_public_corpora(relative, records, min_mentions, min_relations):
    path = BENCH / relative
    if not path.exists():
        pytest.skip(f"benchmark file {path} not found (shared benchmarks folder absent)")
    recs = list(read_pubtator(path))
    assert len(recs) == records
    # NCBItrainset.txt repeats one PMID (8528200) as two records: both are kept.
    assert len({r.pmid for r in recs}) >= records - 1
    mentions = [m for r in recs for m in r.mentions]
    assert len(mentions) >= min_mentions
    assert sum(len(r.relations) for r in recs) >= min_relations
    for rec in recs:
        for m in rec.mentions:
            assert rec.text[m.start:m.end] == m.text
    # Most mentions are normalised; composite ones split into several ids.
    assert sum(1 for m in mentions if m.ids) / len(mentions) > 0.95
    assert any(len(m.ids) > 1 for m in mentions)
    if relative.startswith("biored"):
        assert {r.novel for rec in recs for r in rec.relations} == {True, False}
        variants = [m for m in mentions if m.type == "SequenceVariant"]
        assert any("|" in i for m in variants for i in m.ids)  # HGVS-like ids kept whole
