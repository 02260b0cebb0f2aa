"""PMC JATS full texts (``.nxml``): title, abstract(s), body sections, tables, captions.

Layout of ``Document.text`` (paragraphs separated by a blank line)::

    Title
    Abstract paragraphs           (Section kind="abstract", label "Abstract" or "Abstract / Methods")
    Heading                       (body: Section kind="section", label "Methods / Statistics")
    paragraphs ...
    Table 1. Caption              (Section kind="caption"; the whole block Section kind="table")
    cell<TAB>cell<TAB>cell        (one line per row: TableCell offsets point here)
    Figure 1. Caption             (Section kind="caption")

Nested sections are flattened: every run of a section's own paragraphs is one Section whose
label is the path of headings.  Tables and figures float in JATS, so they are written after
the body, in document order, rather than in the middle of a paragraph.
"""

from __future__ import annotations

import re

from pathlib import Path
from typing import Iterable

from lxml import etree

from litkg.errors import IngestError
from litkg.ingest.detect import open_binary
from litkg.ingest.metadata import document_stem, normalise_pmcid, normalise_pmid
from litkg.ingest.pubmed import LANGUAGES, inline_text
from litkg.models import Document, DocumentMetadata, Section, Table, TableCell

__all__ = ["jats_document", "parse_jats"]

# Not prose: floats are written separately, formulas and references would be noise.
_SKIP = frozenset({"table-wrap", "fig", "supplementary-material", "ref-list", "math",
                   "tex-math", "disp-formula", "alternatives", "graphic", "media", "fn-group",
                   "object-id"})
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(node: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in node if _local(c.tag) in names]


def _first(node: etree._Element | None, path: str) -> etree._Element | None:
    return node.find(path) if node is not None else None


def _text(node: etree._Element | None) -> str:
    return inline_text(node, skip=_SKIP)


class _Writer:
    """Appends paragraphs to the document text and records sections with their offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sections: list[Section] = []

    def paragraph(self, text: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def section(self, label: str, paragraphs: Iterable[str], kind: str) -> None:
        spans = [self.paragraph(p) for p in paragraphs if p]
        if spans:
            self.sections.append(Section(label, spans[0][0], spans[-1][1], kind=kind))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _block_paragraphs(node: etree._Element) -> list[str]:
    """The prose of a section's own (non-section) children, one string per paragraph."""
    out: list[str] = []
    for child in node:
        name = _local(child.tag)
        if name in ("title", "label", "sec") or name in _SKIP:
            continue
        if name == "list":
            out.extend(_text(item) for item in _children(child, "list-item"))
        else:
            out.append(_text(child))
    return [p for p in out if p]


#: Sections about the paper rather than its findings (sec-type values and heading words): their
#: names and acronyms ("award to GL") are no evidence, and an initials-only author reads as a drug.
_NOT_CONTENT_TYPES = frozenset({"funding", "funding-information", "acknowledgment", "acknowledgement",
                                "acknowledgments", "acknowledgements", "coi-statement", "conflict",
                                "competing-interests", "author-contributions", "contributions",
                                "data-availability", "supplementary-material", "abbreviations"})
_NOT_CONTENT_HEADING = re.compile(
    r"^(funding|financial (support|disclosure)|acknowledge?ments?|disclosures?|conflicts? of interest|"
    r"competing interests?|declaration of interests?|author(s'|s’)? contributions?|contributors|"
    r"data availability|abbreviations)\b", re.I)


def _write_sections(writer: _Writer, node: etree._Element, path: tuple[str, ...], kind: str) -> None:
    heading = _text(_first(node, "title")).rstrip(":").strip()
    if (node.get("sec-type") or "").lower() in _NOT_CONTENT_TYPES or _NOT_CONTENT_HEADING.match(heading):
        return
    label_path = path + (heading,) if heading else path
    label = " / ".join(label_path) or ("Abstract" if kind == "abstract" else "Main text")
    paragraphs = _block_paragraphs(node)
    # The heading is written as its own paragraph (as in a plain-text article) inside the span.
    if heading and kind == "section":
        paragraphs = [heading, *paragraphs]
    if paragraphs:
        writer.section(label, paragraphs, kind)
    for sub in _children(node, "sec"):
        _write_sections(writer, sub, label_path, kind)


def _table_rows(table: etree._Element) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.iter():
        if _local(row.tag) != "tr":
            continue
        cells: list[str] = []
        for cell in row:
            if _local(cell.tag) not in ("td", "th"):
                continue
            cells.append(_text(cell))
            # A spanning cell keeps later cells in their own column; the padding is empty.
            span = int(cell.get("colspan") or 1) if (cell.get("colspan") or "1").isdigit() else 1
            cells.extend([""] * (span - 1))
        rows.append(cells)
    return rows


def _write_table(writer: _Writer, wrap: etree._Element, number: int) -> Table:
    label = _text(_first(wrap, "label")).rstrip(".:").strip() or f"Table {number}"
    caption = _text(_first(wrap, "caption"))
    heading = f"{label}. {caption}" if caption else label
    start, caption_end = writer.paragraph(heading)
    writer.sections.append(Section(label, start, caption_end, kind="caption"))
    table_rows: list[tuple[TableCell, ...]] = []
    table = next((t for t in wrap.iter() if _local(t.tag) == "table"), None)
    end = caption_end
    if table is not None:
        rows = _table_rows(table)
        lines = ["\t".join(cells) for cells in rows]
        if any(line.strip() for line in lines):
            body_start, end = writer.paragraph("\n".join(lines))
            offset = body_start
            for r, cells in enumerate(rows):
                row_cells = []
                for c, cell in enumerate(cells):
                    row_cells.append(TableCell(r, c, cell, offset, offset + len(cell)))
                    offset += len(cell) + 1  # the tab, or the newline after the last cell
                table_rows.append(tuple(row_cells))
    foot = _text(_first(wrap, "table-wrap-foot"))
    if foot:
        end = writer.paragraph(foot)[1]
    writer.sections.append(Section(label, start, end, kind="table"))
    return Table(label=label, caption=caption, rows=tuple(table_rows), start=start, end=end)


def _metadata(root: etree._Element, title: str) -> DocumentMetadata:
    meta = root.find("front/article-meta")
    ids = {}
    for node in (meta.findall("article-id") if meta is not None else []):
        ids.setdefault((node.get("pub-id-type") or "").lower(), (node.text or "").strip())
    journal_meta = root.find("front/journal-meta")
    journal = None
    if journal_meta is not None:
        journal = (_text(journal_meta.find(".//journal-title"))
                   or _text(journal_meta.find("journal-id[@journal-id-type='nlm-ta']")) or None)
    year = None
    if meta is not None:
        dates = meta.findall("pub-date")
        # Prefer the print/publication date, then electronic, then anything with a year.
        order = {"ppub": 0, "pub": 0, "epub": 1, "epub-ppub": 1, "collection": 2}
        dates.sort(key=lambda d: order.get(d.get("pub-type") or d.get("date-type") or "", 3))
        for date in dates:
            value = (date.findtext("year") or "").strip()
            if value.isdigit():
                year = int(value)
                break
    types = [root.get("article-type")] if root.get("article-type") else []
    if meta is not None:
        types += [_text(s) for s in meta.findall("article-categories/subj-group[@subj-group-type='heading']/subject")]
    lang = (root.get(_XML_LANG) or "en").lower()
    return DocumentMetadata(
        title=title or None, journal=journal, year=year, doi=ids.get("doi") or None,
        pmid=normalise_pmid(ids.get("pmid")), pmcid=normalise_pmcid(ids.get("pmc") or ids.get("pmcid")),
        publication_types=tuple(dict.fromkeys(t for t in types if t)),
        language=LANGUAGES.get(lang, lang), source_kind="pmc-jats")


def parse_jats(root: etree._Element, *, source: str, stem: str) -> Document:
    """Build a Document from a parsed JATS ``<article>`` element."""
    if _local(root.tag) != "article":
        raise IngestError(f"root element is <{_local(root.tag)}>, not <article>", where=source,
                          hint="only JATS/NLM <article> files are read as JATS")
    writer = _Writer()
    title = _text(root.find("front/article-meta/title-group/article-title"))
    if title:
        writer.section("Title", [title], "title")
    for abstract in root.findall("front/article-meta/abstract"):
        kind_label = abstract.get("abstract-type")
        # An abstract's own <title> becomes its label; otherwise "Abstract" / "Author summary".
        base = () if _first(abstract, "title") is not None else (
            kind_label.replace("-", " ").capitalize() if kind_label else "Abstract",)
        _write_sections(writer, abstract, base, "abstract")
    body = root.find("body")
    if body is not None:
        _write_sections(writer, body, (), "section")
    tables: list[Table] = []
    figures = 0
    for node in root.iter():
        name = _local(node.tag)
        if name == "table-wrap":
            tables.append(_write_table(writer, node, len(tables) + 1))
        elif name == "fig":
            figures += 1
            label = _text(_first(node, "label")).rstrip(".:").strip() or f"Figure {figures}"
            caption = _text(_first(node, "caption"))
            if caption:
                writer.section(label, [f"{label}. {caption}"], "caption")
    if not writer.parts:
        raise IngestError("the article has no title, abstract or body text", where=source,
                          hint="nothing to extract; check the file is a full JATS article")
    metadata = _metadata(root, title)
    doc_id = metadata.pmcid or metadata.pmid or stem
    return Document(id=doc_id, text=writer.text, metadata=metadata, sections=tuple(writer.sections),
                    tables=tuple(tables), source=source, format="jats")


def jats_document(path: str | Path, *, max_bytes: int = 10_000_000) -> Document:
    """Read a JATS file (gzipped or not).  Raises :class:`IngestError` with the line on bad XML."""
    path = Path(path)
    with open_binary(path) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(f"the file is larger than the limit of {max_bytes:,} bytes", where=str(path),
                          hint="raise max_bytes if the article is genuine")
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False,
                             remove_comments=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else "?")
        raise IngestError(f"malformed XML: {exc.msg}", where=f"{path}:{line}",
                          hint="the file is truncated or corrupt; re-download it") from exc
    return parse_jats(root, source=str(path), stem=document_stem(path))
