"""Plain-text ingestion, format sniffing, sidecars and folder expansion (litkg.ingest)."""

from __future__ import annotations

import gzip
import json

import pytest

from litkg.errors import IngestError, MetadataError
from litkg.ingest import detect_format, iter_documents, load_sidecar
from litkg.ingest.metadata import document_stem, read_sidecar
from litkg.ingest.text import decode_text, text_document
from litkg.paths import corpus_dir


def _docs(items):
    return [x for x in items if not isinstance(x, Exception)]


def _errors(items):
    return [x for x in items if isinstance(x, Exception)]


# ------------------------------------------------------------------------------------------
# Encodings


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfCalcium fell.\n")
    doc = text_document(path)
    assert doc.text == "Calcium fell.\n"
    assert doc.id == "bom"
    assert doc.format == "text"


def test_latin1_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le patient a reçu du calcium à forte dose.".encode("latin-1"))
    assert text_document(path).text == "Le patient a reçu du calcium à forte dose."
    assert decode_text(path.read_bytes()).encoding == "latin-1"


def test_cp1252_smart_quotes_are_decoded(tmp_path):
    path = tmp_path / "smart.txt"
    path.write_bytes(b"The \x93X\x94 deformity \x96 see Table 1 \x85")
    decoded = decode_text(path.read_bytes())
    assert decoded.encoding == "cp1252"
    assert text_document(path).text == "The \u201cX\u201d deformity \u2013 see Table 1 \u2026"


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("PTH decreased.".encode("utf-16"))
    assert detect_format(path) == "text"
    assert text_document(path).text == "PTH decreased."


def test_undecodable_text_is_an_error(tmp_path):
    # 0x81/0x8d are undefined in CP1252 and control characters in Latin-1.
    path = tmp_path / "odd.txt"
    path.write_bytes(b"abc \x81\x8d\x90 def " * 3)
    with pytest.raises(IngestError) as info:
        text_document(path)
    assert "odd.txt" in str(info.value) and "UTF-8" in str(info.value)


def test_invalid_utf8_after_bom_is_an_error(tmp_path):
    path = tmp_path / "bad_bom.txt"
    path.write_bytes(b"\xef\xbb\xbfcaf\xe9")
    with pytest.raises(IngestError, match="BOM"):
        text_document(path)


# ------------------------------------------------------------------------------------------
# Unreadable inputs become errors, never exceptions, in iter_documents


def test_binary_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    items = list(iter_documents([path]))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert items[0].where == str(path) and "binary" in items[0].message
    assert items[0].hint


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    (error,) = list(iter_documents([path]))
    assert isinstance(error, IngestError) and "empty" in error.message


def test_pdf_is_an_error_with_a_hint(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (error,) = list(iter_documents([path]))
    assert isinstance(error, IngestError) and "pdftotext" in error.hint


def test_oversized_file_is_an_error(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("calcium " * 200)
    (error,) = list(iter_documents([path], max_bytes=1000))
    assert isinstance(error, IngestError) and "limit" in error.message
    (doc,) = list(iter_documents([path], max_bytes=10_000))
    assert doc.text.startswith("calcium")


def test_oversized_gzipped_text_is_an_error(tmp_path):
    # Small on disk, large once decompressed: the limit applies to the decompressed text.
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"calcium " * 2000))
    (error,) = list(iter_documents([path], max_bytes=5000))
    assert isinstance(error, IngestError)


def test_gzipped_text_is_read(tmp_path):
    path = tmp_path / "note.txt.gz"
    path.write_bytes(gzip.compress("PTH fell to 64 pg/mL.".encode()))
    (doc,) = list(iter_documents([path]))
    assert doc.text == "PTH fell to 64 pg/mL." and doc.id == "note"


def test_missing_file_is_an_error(tmp_path):
    (error,) = list(iter_documents([tmp_path / "nope.txt"]))
    assert isinstance(error, IngestError) and "nope.txt" in str(error)


def test_unsupported_xml_is_an_error(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text('<?xml version="1.0"?>\n<collection><document/></collection>')
    (error,) = list(iter_documents([path]))
    assert isinstance(error, IngestError) and "collection" in error.message


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("Calcium rose.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "c.txt").write_text("Phosphate fell.")
    items = list(iter_documents([tmp_path]))
    assert [d.id for d in _docs(items)] == ["a", "c"]
    assert len(_errors(items)) == 1 and "b.txt" in _errors(items)[0].where


# ------------------------------------------------------------------------------------------
# Sidecars


def test_sidecar_metadata_and_id(tmp_path):
    (tmp_path / "case.txt").write_text("Cinacalcet lowered PTH.")
    (tmp_path / "case.meta.json").write_text(json.dumps({
        "title": "A case", "year": "2017", "publication_types": ["Case Reports"],
        "pmid": 17942999, "note": "free text is allowed"}))
    doc = text_document(tmp_path / "case.txt")
    assert doc.id == "17942999"  # the sidecar gives a PMID: it becomes the id
    assert doc.metadata.title == "A case" and doc.metadata.year == 2017
    assert doc.metadata.publication_types == ("Case Reports",)
    assert doc.metadata.language == "en"  # model default kept when the sidecar is silent
    (tmp_path / "case.meta.json").write_text(json.dumps({"id": "my-case", "pmcid": "123"}))
    doc = text_document(tmp_path / "case.txt")
    assert doc.id == "my-case" and doc.metadata.pmcid == "PMC123"


def test_no_sidecar_means_stem_id_and_empty_metadata(tmp_path):
    (tmp_path / "plain.txt").write_text("Text.")
    assert load_sidecar(tmp_path / "plain.txt") is None
    doc = text_document(tmp_path / "plain.txt")
    assert doc.id == "plain" and doc.metadata.title is None


def test_bad_sidecar_json_names_line_and_column(tmp_path):
    (tmp_path / "x.txt").write_text("Calcium rose.")
    (tmp_path / "x.meta.json").write_text('{\n  "title": "A",\n  "year": 2017\n  "doi": "10.1/x"\n}')
    with pytest.raises(MetadataError) as info:
        load_sidecar(tmp_path / "x.txt")
    assert info.value.where == f"{tmp_path / 'x.meta.json'}:4:3"
    # In a build the error is reported and the document still comes, with empty metadata.
    items = list(iter_documents([tmp_path]))
    assert isinstance(items[0], MetadataError)
    assert items[1].id == "x" and items[1].metadata.title is None


def test_sidecar_bad_field_type_names_the_field_and_line(tmp_path):
    sidecar = tmp_path / "y.meta.json"
    sidecar.write_text('{\n  "title": "A",\n  "year": "last year"\n}')
    with pytest.raises(MetadataError) as info:
        read_sidecar(tmp_path / "y.txt")
    assert info.value.where == f"{sidecar}:3" and "year" in info.value.message
    sidecar.write_text('{"publication_types": [1, 2]}')
    with pytest.raises(MetadataError, match="publication_types"):
        read_sidecar(tmp_path / "y.txt")
    sidecar.write_text('["not", "an", "object"]')
    with pytest.raises(MetadataError, match="object"):
        read_sidecar(tmp_path / "y.txt")


def test_document_stem():
    assert document_stem("a/001_x.txt") == "001_x"
    assert document_stem("a/001_x.txt.gz") == "001_x"
    assert document_stem("README") == "README"


# ------------------------------------------------------------------------------------------
# Folder expansion


def test_folders_skip_hidden_sidecars_and_gold(tmp_path):
    (tmp_path / "b.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "a.meta.json").write_text('{"title": "First"}')
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "table.tsv").write_text("a\tb")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "g.txt").write_text("gold")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Third.")
    items = list(iter_documents([tmp_path]))
    assert not _errors(items)
    assert [d.id for d in items] == ["a", "b", "c"]
    assert items[0].metadata.title == "First"
    # A file named explicitly is always attempted, even with an ignored suffix.
    (doc,) = list(iter_documents([tmp_path / "notes.md"]))
    assert doc.text == "# notes"


def test_format_is_sniffed_from_content_not_name(tmp_path):
    path = tmp_path / "looks_like_text.txt"
    path.write_text("123|t|Title here.\n123|a|Abstract here.\n123\t0\t5\tTitle\tChemical\tD1\n\n")
    assert detect_format(path) == "pubtator"
    (doc,) = list(iter_documents([path]))
    assert doc.id == "123" and doc.format == "pubtator"


def test_seed_corpus_reads_with_sidecars():
    folder = corpus_dir()
    if not any(folder.glob("*.txt")):
        pytest.skip(f"seed corpus not found at {folder}")
    items = list(iter_documents([folder]))
    assert not _errors(items), _errors(items)
    docs = {d.id: d for d in items}
    assert len(docs) == len(list(folder.glob("*.txt")))
    for doc in docs.values():
        assert doc.text == (folder / f"{doc.id}.txt").read_text(encoding="utf-8-sig")
        assert doc.metadata.title  # every seed has a sidecar with a title


def test_text_starting_with_less_than_is_text(tmp_path):
    path = tmp_path / "lt.txt"
    path.write_text("<5% of patients had hypocalcaemia.")
    assert detect_format(path) == "text"
    path.write_text("<!DOCTYPE html>\n<html><body>page</body></html>")
    with pytest.raises(IngestError, match="HTML"):
        detect_format(path)


def test_plain_text_sections_from_headings(tmp_path):
    text = ("A title line\r\n\r\n1. Introduction\r\nWhy we did it.\r\n\r\nMETHODS:\r\nHow.\r\n\r\n"
            "Results: Calcium rose.\r\nThe results were clear\r\n\r\nCase 2\r\nA girl.\r\n")
    path = tmp_path / "paper.txt"
    path.write_bytes(text.encode())
    doc = text_document(path)
    assert [s.label for s in doc.sections] == ["Introduction", "METHODS", "Results", "Case 2"]
    results = doc.sections[2]
    assert doc.text[results.start:results.end] == "Results: Calcium rose.\r\nThe results were clear"
    assert all(doc.text[s.start:s.end] == doc.text[s.start:s.end].strip() for s in doc.sections)
    # A short line that is not a known heading does not start a section.
    assert "The results were clear" not in [s.label for s in doc.sections]


def test_mostly_utf8_with_a_stray_cp1252_byte(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Calcitriol 2 µg/day, 1α-hydroxylase ".encode() + b"\x93quoted\x94.")
    decoded = decode_text(path.read_bytes())
    assert decoded.encoding == "utf-8+cp1252"
    assert decoded.text == "Calcitriol 2 µg/day, 1α-hydroxylase \u201cquoted\u201d."


def test_a_first_line_standing_alone_is_the_title(tmp_path):
    from litkg.ingest.text import text_document

    path = tmp_path / "case.txt"
    path.write_text("Tolvaptan for hyponatremia: a case report\n\nA man was admitted.\n")
    assert text_document(path).metadata.title == "Tolvaptan for hyponatremia: a case report"
    path.write_text("A man was admitted with low sodium and was treated.\nSodium rose.\n")
    assert text_document(path).metadata.title is None
