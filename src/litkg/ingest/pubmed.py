"""PubMed / MEDLINE XML: ``MedlineCitationSet`` (2016 DTD) and ``PubmedArticleSet`` (2024 DTD).

Files hold thousands of citations (a MEDLINE baseline file ~30k), so articles are streamed with
``lxml.etree.iterparse`` and each element is cleared (with its already-processed siblings) once
its :class:`Document` is built: memory stays proportional to one article, not to the file.

Per article: id = PMID; text = title + ``"\\n\\n"`` + abstract, one paragraph per
``AbstractText``, labelled ones written ``"LABEL: text"``; a ``title`` Section and one
``abstract`` Section per paragraph (label = the NLM label, or ``"Abstract"``).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Iterator

from lxml import etree

from litkg.errors import IngestError
from litkg.ingest.detect import open_binary
from litkg.ingest.metadata import normalise_pmcid
from litkg.models import Document, DocumentMetadata, Section

__all__ = ["pubmed_documents", "article_document"]

#: MEDLINE uses ISO 639-2 codes; the model uses ISO 639-1 where one exists.
LANGUAGES = {"eng": "en", "fre": "fr", "ger": "de", "spa": "es", "ita": "it", "jpn": "ja",
             "chi": "zh", "rus": "ru", "por": "pt", "pol": "pl", "dut": "nl", "kor": "ko",
             "swe": "sv", "dan": "da", "nor": "no", "fin": "fi", "cze": "cs", "hun": "hu",
             "tur": "tr", "gre": "el", "heb": "he", "ara": "ar", "per": "fa"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ARTICLE_TAGS = ("PubmedArticle", "MedlineCitation", "PubmedBookArticle")


_ATTACHED = {"sub", "sup"}  # sub/superscripts attach to the previous token: "β<sub>2</sub>"
_LEADING_WS = re.compile(r"^\s+")
_TRAILING_WS = re.compile(r"\s+$")


def inline_text(element: etree._Element | None, skip: frozenset[str] = frozenset()) -> str:
    """All text inside ``element`` with inline markup flattened and whitespace collapsed.

    Pretty-printed XML puts indentation before inline elements ("&#946;\\n\\t<sub>2</sub>");
    that whitespace is dropped before a sub/superscript so "β2-agonist" stays one token.
    Elements whose tag is in ``skip`` (and their text, not their tail) are left out.
    """
    if element is None:
        return ""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        text = node.text or ""
        children = [c for c in node if isinstance(c.tag, str)]
        if children and _local(children[0].tag) in _ATTACHED:
            text = _TRAILING_WS.sub("", text)
        out.append(text)
        for child in node:
            if isinstance(child.tag, str) and _local(child.tag) not in skip:
                walk(child)
            tail = child.tail or ""
            nxt = child.getnext()
            if nxt is not None and isinstance(nxt.tag, str) and _local(nxt.tag) in _ATTACHED:
                tail = _TRAILING_WS.sub("", tail)
            out.append(tail)

    walk(element)
    return " ".join("".join(out).split())


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_text = inline_text


def _year(article: etree._Element | None, citation: etree._Element) -> int | None:
    candidates = []
    if article is not None:
        pub_date = article.find("Journal/JournalIssue/PubDate")
        if pub_date is not None:
            candidates += [pub_date.findtext("Year"), pub_date.findtext("MedlineDate")]
        candidates.append(article.findtext("ArticleDate/Year"))
    candidates.append(citation.findtext("DateCompleted/Year"))
    candidates.append(citation.findtext("DateCreated/Year"))
    for value in candidates:
        match = _YEAR.search(value or "")
        if match:
            return int(match.group(1))
    return None


def _ids(record: etree._Element, citation: etree._Element) -> dict[str, str]:
    """DOI / PMCID of the article itself (not of its references)."""
    ids: dict[str, str] = {}
    # PubmedData/ArticleIdList (2024); the direct child path skips ReferenceList ids.
    for node in record.findall("PubmedData/ArticleIdList/ArticleId"):
        kind = (node.get("IdType") or "").lower()
        if kind in ("doi", "pmc") and kind not in ids and (node.text or "").strip():
            ids[kind] = node.text.strip()
    for node in citation.findall("Article/ELocationID"):
        if (node.get("EIdType") or "").lower() == "doi" and "doi" not in ids and node.text:
            ids["doi"] = node.text.strip()
    for node in citation.findall("OtherID"):  # 2016 DTD: <OtherID Source="NLM">PMC123</OtherID>
        value = (node.text or "").strip()
        if value.upper().startswith("PMC") and "pmc" not in ids:
            ids["pmc"] = value.split()[0]
    return ids


def article_document(record: etree._Element, source: str) -> Document:
    """Build the Document of one ``PubmedArticle`` or bare ``MedlineCitation`` element.

    Raises :class:`IngestError` when the record has no PMID or no text at all.
    """
    citation = record if record.tag == "MedlineCitation" else record.find("MedlineCitation")
    where = f"{source.rsplit('#', 1)[0]}:{record.sourceline}"
    if citation is None:
        raise IngestError(f"<{record.tag}> has no <MedlineCitation>", where=where,
                          hint="the record is skipped; check the file is a PubMed export")
    pmid = (citation.findtext("PMID") or "").strip()
    if not pmid:
        raise IngestError("citation without a <PMID>", where=where, hint="the record is skipped")
    article = citation.find("Article")
    title = _text(article.find("ArticleTitle")) if article is not None else ""
    if not title and article is not None:
        title = _text(article.find("VernacularTitle"))
    paragraphs: list[tuple[str, str]] = []  # (label, paragraph text as written into the doc)
    abstract = article.find("Abstract") if article is not None else None
    if abstract is None:
        abstract = citation.find("OtherAbstract")
    if abstract is not None:
        for node in abstract.findall("AbstractText"):
            body = _text(node)
            if not body:
                continue
            label = (node.get("Label") or "").strip()
            paragraphs.append((label or "Abstract", f"{label}: {body}" if label else body))
    if not title and not paragraphs:
        raise IngestError(f"PMID {pmid} has neither a title nor an abstract", where=where,
                          hint="nothing to extract; the record is skipped")

    parts: list[str] = []
    sections: list[Section] = []
    offset = 0
    if title:
        parts.append(title)
        sections.append(Section("Title", 0, len(title), kind="title"))
        offset = len(title)
    for label, paragraph in paragraphs:
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(paragraph)
        sections.append(Section(label, offset, offset + len(paragraph), kind="abstract"))
        offset += len(paragraph)

    ids = _ids(record, citation)
    journal = None
    language = None
    types: tuple[str, ...] = ()
    if article is not None:
        journal = (_text(article.find("Journal/Title")) or _text(article.find("Journal/ISOAbbreviation"))
                   or None)
        lang = (article.findtext("Language") or "").strip().lower()
        language = LANGUAGES.get(lang, lang or None)
        types = tuple(_text(node) for node in article.findall("PublicationTypeList/PublicationType")
                      if _text(node))
    journal = journal or _text(citation.find("MedlineJournalInfo/MedlineTA")) or None
    metadata = DocumentMetadata(
        title=title or None, journal=journal, year=_year(article, citation), doi=ids.get("doi"),
        pmid=pmid, pmcid=normalise_pmcid(ids.get("pmc")), publication_types=types,
        language=language or "en", source_kind="pubmed-abstract",
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/")
    return Document(id=pmid, text="".join(parts), metadata=metadata, sections=tuple(sections),
                    source=source, format="pubmed-xml")


def pubmed_documents(path: str | Path) -> Iterator[Document | IngestError]:
    """Stream the articles of a PubMed/MEDLINE XML file (gzipped or not).

    Yields one :class:`Document` per citation and an :class:`IngestError` for each bad record;
    if the XML is malformed part-way, the documents before the fault are yielded, then an
    error with the line number, and iteration stops.
    """
    path = Path(path)
    index = 0
    try:
        with open_binary(path) as stream:
            # No DTD loading, no network, no entity expansion beyond the predefined ones.
            events = etree.iterparse(stream, events=("end",), tag=_ARTICLE_TAGS, load_dtd=False,
                                     no_network=True, resolve_entities=False, huge_tree=True,
                                     remove_comments=True)
            for _event, element in events:
                parent = element.getparent()
                if element.tag == "MedlineCitation" and parent is not None \
                        and parent.tag == "PubmedArticle":
                    continue  # handled when its PubmedArticle ends (PubmedData holds the ids)
                if element.tag == "PubmedBookArticle":
                    _release(element)
                    continue  # book chapters have no MedlineCitation: out of scope
                try:
                    yield article_document(element, f"{path}#{index}")
                except IngestError as exc:
                    yield exc
                index += 1
                _release(element)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else "?")
        yield IngestError(f"malformed XML after {index} article(s): {exc.msg}", where=f"{path}:{line}",
                          hint="the file is truncated or corrupt; re-download it")
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(f"cannot read the file after {index} article(s): {exc}", where=str(path),
                          hint="the gzip stream is truncated or corrupt; re-download it")


def _release(element: etree._Element) -> None:
    """Free a processed record and the siblings before it (iterparse keeps them otherwise)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
