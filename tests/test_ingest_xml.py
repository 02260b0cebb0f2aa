"""PubMed XML and PMC JATS readers (litkg.ingest.pubmed / litkg.ingest.jats)."""

from __future__ import annotations

import gc
import gzip
import tracemalloc

import pytest

from litkg.errors import IngestError
from litkg.ingest import detect_format, iter_documents
from litkg.ingest.jats import jats_document
from litkg.ingest.pubmed import pubmed_documents
from litkg.models import Document
from litkg.paths import benchmarks_dir

SAMPLES = benchmarks_dir() / "pubmed-samples"


def _samples(name: str):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"benchmark file {path} not found (shared benchmarks folder absent)")
    return path


def _check_sections(doc: Document) -> None:
    for section in doc.sections:
        assert 0 <= section.start < section.end <= len(doc.text), section
        assert doc.text[section.start:section.end].strip() == doc.text[section.start:section.end]


ARTICLE = """<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>
<Article PubModel="Print"><Journal><Title>Test journal</Title><JournalIssue><PubDate><MedlineDate>1998 Nov-Dec</MedlineDate></PubDate></JournalIssue></Journal>
<ArticleTitle>Drug X lowers <i>PTH</i>.</ArticleTitle>
<Abstract><AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">PTH is high.</AbstractText>
<AbstractText Label="RESULTS">Drug X lowered PTH (p &lt; 0.01).</AbstractText></Abstract>
<Language>fre</Language><PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType></PublicationTypeList>
</Article></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId><ArticleId IdType="pmc">PMC{pmid}</ArticleId><ArticleId IdType="doi">10.1/{pmid}</ArticleId></ArticleIdList>
<ReferenceList><Reference><Citation>Other.</Citation><ArticleIdList><ArticleId IdType="pmc">PMC999</ArticleId><ArticleId IdType="doi">10.9/other</ArticleId></ArticleIdList></Reference></ReferenceList>
</PubmedData></PubmedArticle>
"""


def _pubmed_set(*pmids: str, tail: str = "</PubmedArticleSet>\n") -> str:
    return ('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
            '1st January 2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n'
            "<PubmedArticleSet>\n" + "".join(ARTICLE.format(pmid=p) for p in pmids) + tail)


# ------------------------------------------------------------------------------------------
# PubMed, crafted


def test_pubmed_article_set_crafted(tmp_path):
    path = tmp_path / "set.xml"
    path.write_text(_pubmed_set("111", "222"))
    assert detect_format(path) == "pubmed-xml"
    docs = list(pubmed_documents(path))
    assert [d.id for d in docs] == ["111", "222"]
    doc = docs[0]
    assert doc.text == ("Drug X lowers PTH.\n\nBACKGROUND: PTH is high.\n\n"
                        "RESULTS: Drug X lowered PTH (p < 0.01).")
    labels = [(s.kind, s.label) for s in doc.sections]
    assert labels == [("title", "Title"), ("abstract", "BACKGROUND"), ("abstract", "RESULTS")]
    assert doc.text[doc.sections[2].start:doc.sections[2].end].startswith("RESULTS: Drug X")
    meta = doc.metadata
    # Ids come from the article's own ArticleIdList, not from its references.
    assert (meta.pmid, meta.pmcid, meta.doi) == ("111", "PMC111", "10.1/111")
    assert meta.year == 1998 and meta.language == "fr" and meta.journal == "Test journal"
    assert meta.publication_types == ("Randomized Controlled Trial",)
    assert doc.format == "pubmed-xml"


def test_pubmed_gzipped_without_gz_name(tmp_path):
    path = tmp_path / "set.xml"  # gzip is recognised by its magic number, not the name
    path.write_bytes(gzip.compress(_pubmed_set("333").encode()))
    assert detect_format(path) == "pubmed-xml"
    assert [d.id for d in iter_documents([path])] == ["333"]


def test_pubmed_malformed_part_way_yields_docs_then_error_with_line(tmp_path):
    path = tmp_path / "broken.xml"
    text = _pubmed_set("1", "2", tail="<PubmedArticle><MedlineCitation><PMID>3</PMID><Article>\n"
                                        "<ArticleTitle>Cut off</Broken>\n")
    path.write_text(text)
    items = list(iter_documents([path]))
    assert [d.id for d in items[:2]] == ["1", "2"]
    error = items[2]
    assert isinstance(error, IngestError) and len(items) == 3
    bad_line = text.count("\n", 0, text.index("</Broken>")) + 1
    assert error.where == f"{path}:{bad_line}"


def test_pubmed_record_without_pmid_is_reported_and_skipped(tmp_path):
    path = tmp_path / "nopmid.xml"
    path.write_text(_pubmed_set("5").replace("</PubmedArticleSet>",
                    "<PubmedArticle><MedlineCitation><Article><ArticleTitle>T</ArticleTitle>"
                    "</Article></MedlineCitation></PubmedArticle>\n" + ARTICLE.format(pmid="6")
                    + "</PubmedArticleSet>"))
    items = list(pubmed_documents(path))
    assert [getattr(i, "id", None) for i in items] == ["5", None, "6"]
    assert isinstance(items[1], IngestError) and "PMID" in items[1].message


# ------------------------------------------------------------------------------------------
# PubMed, real files


def test_medline_2016_file():
    path = _samples("medline16n0902.xml.gz")
    items = list(iter_documents([path]))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) == 604 and len(items) == 604
    assert len({d.id for d in docs}) == 604 and all(d.id.isdigit() for d in docs)
    structured = [d for d in docs if any(s.kind == "abstract" and s.label != "Abstract" for s in d.sections)]
    assert structured, "the 2016 file has structured abstracts"
    for doc in docs:
        _check_sections(doc)
        assert doc.metadata.pmid == doc.id and doc.metadata.year
        title = doc.sections[0]
        assert title.kind == "title" and doc.text[:title.end] == doc.metadata.title
        for section in doc.sections[1:]:
            if section.label != "Abstract":  # labelled paragraphs keep their label in the text
                assert doc.text[section.start:section.end].startswith(section.label + ": ")
    assert any(d.metadata.pmcid and d.metadata.pmcid.startswith("PMC") for d in docs)


def test_pubmed_2024_file_and_single_article():
    docs = list(iter_documents([_samples("test_current_medline.xml.gz")]))
    assert docs and all(isinstance(d, Document) for d in docs)
    assert any(d.metadata.doi for d in docs)
    (doc,) = list(iter_documents([_samples("pubmed-29768149.xml")]))
    assert doc.id == "29768149"
    assert [s.label for s in doc.sections if s.kind == "abstract"][:2] == ["BACKGROUND", "METHODS"]
    assert "β2-agonist" in doc.text  # pretty-printing whitespace before <sub> is not a space
    assert "Randomized Controlled Trial" in doc.metadata.publication_types
    _check_sections(doc)


def test_medline_streaming_memory_is_bounded():
    """Peak memory while streaming is well below that of holding all 604 documents."""
    path = _samples("medline16n0902.xml.gz")
    gc.collect()
    tracemalloc.start()
    count = 0
    for _doc in pubmed_documents(path):
        count += 1
    _, streaming_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    tracemalloc.start()
    held = list(pubmed_documents(path))
    _, holding_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == len(held) == 604
    print(f"streaming peak {streaming_peak / 1e6:.2f} MB, holding all {holding_peak / 1e6:.2f} MB")
    assert streaming_peak < holding_peak / 2


# ------------------------------------------------------------------------------------------
# JATS


JATS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.0 20120330//EN" "JATS-archivearticle1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="case-report">
<front><journal-meta><journal-title-group><journal-title>J Test</journal-title></journal-title-group></journal-meta>
<article-meta>{ids}
<title-group><article-title>Cinacalcet in a child</article-title></title-group>
<pub-date pub-type="epub"><year>2016</year></pub-date><pub-date pub-type="ppub"><year>2017</year></pub-date>
<abstract><p>We report a case.</p></abstract></article-meta></front>
<body><sec><title>Methods</title><p>Patients were treated.</p>
<sec><title>Statistics</title><p>We used <italic>t</italic>-tests.</p></sec></sec>
<sec><title>Results</title><p>PTH fell <xref ref-type="table" rid="t1">(Table 1)</xref>.</p>
<table-wrap id="t1"><label>Table 1</label><caption><p>Serum values</p></caption>
<table><thead><tr><th>Week</th><th>PTH</th><th>Ca</th></tr></thead>
<tbody><tr><td>0</td><td>1194</td><td>7.2</td></tr><tr><td colspan="2">4</td><td>8.9</td></tr></tbody></table>
</table-wrap></sec></body></article>
"""


def test_jats_crafted(tmp_path):
    path = tmp_path / "case.nxml"
    path.write_text(JATS.format(ids='<article-id pub-id-type="pmid">42</article-id>'
                                    '<article-id pub-id-type="pmc">777</article-id>'))
    assert detect_format(path) == "jats"
    (doc,) = list(iter_documents([path]))
    assert doc.id == "PMC777" and doc.format == "jats"
    assert doc.metadata.year == 2017 and doc.metadata.journal == "J Test"
    assert doc.metadata.pmid == "42" and "case-report" in doc.metadata.publication_types
    labels = {(s.kind, s.label) for s in doc.sections}
    assert {("title", "Title"), ("abstract", "Abstract"), ("section", "Methods"),
            ("section", "Methods / Statistics"), ("section", "Results"),
            ("table", "Table 1"), ("caption", "Table 1")} <= labels
    stats = next(s for s in doc.sections if s.label == "Methods / Statistics")
    assert doc.text[stats.start:stats.end] == "Statistics\n\nWe used t-tests."
    (table,) = doc.tables
    assert table.caption == "Serum values"
    assert [[c.text for c in row] for row in table.rows] == [["Week", "PTH", "Ca"],
                                                             ["0", "1194", "7.2"], ["4", "", "8.9"]]
    for row in table.rows:
        for cell in row:
            assert doc.text[cell.start:cell.end] == cell.text
    assert "0\t1194\t7.2" in doc.text[table.start:table.end]


def test_jats_sections_about_the_paper_are_left_out(tmp_path):
    extra = ('<sec sec-type="funding"><title>Funding</title><p>Supported by an award to GL.</p></sec>'
             '<sec><title>Conflicts of interest</title><p>AB consults for Pharma.</p></sec>'
             '<sec><title>Acknowledgements</title><p>We thank CD.</p></sec></body>')
    path = tmp_path / "case.nxml"
    path.write_text(JATS.format(ids="").replace("</body>", extra, 1))
    (doc,) = list(iter_documents([path]))
    assert "Patients were treated." in doc.text and "PTH fell" in doc.text
    assert "GL" not in doc.text and "Pharma" not in doc.text and "thank" not in doc.text


def test_jats_id_falls_back_to_pmid_then_stem(tmp_path):
    path = tmp_path / "a.nxml"
    path.write_text(JATS.format(ids='<article-id pub-id-type="pmid">42</article-id>'))
    assert jats_document(path).id == "42"
    path.write_text(JATS.format(ids=""))
    assert jats_document(path).id == "a"


def test_jats_malformed_has_line_number(tmp_path):
    path = tmp_path / "bad.nxml"
    text = JATS.format(ids="").replace("</sec></body>", "</body>")
    path.write_text(text)
    (error,) = list(iter_documents([path]))
    assert isinstance(error, IngestError)
    assert error.where.startswith(f"{path}:") and error.where.rsplit(":", 1)[1].isdigit()


def test_jats_real_files():
    folder = _samples("pmc")
    items = list(iter_documents([folder]))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) == len(list(folder.glob("*.nxml"))) == len(items)
    assert sum(len(d.tables) for d in docs) >= 5
    for doc in docs:
        assert doc.id.startswith("PMC") and doc.metadata.title and doc.metadata.doi
        assert any(s.kind == "abstract" for s in doc.sections)
        _check_sections(doc)
        for table in doc.tables:
            assert table.rows
            for row in table.rows:
                for cell in row:
                    assert doc.text[cell.start:cell.end] == cell.text
    assert any(" / " in s.label for d in docs for s in d.sections if s.kind == "section")


def test_truncated_gzip_yields_documents_then_error(tmp_path):
    data = gzip.compress(_pubmed_set(*[str(n) for n in range(1, 200)]).encode())
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(iter_documents([path]))
    assert isinstance(items[-1], IngestError) and str(path) in items[-1].where
    assert len(items) > 1 and all(isinstance(d, Document) for d in items[:-1])
