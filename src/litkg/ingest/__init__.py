"""Ingestion: files and folders in, :class:`~litkg.models.Document` objects out.

``iter_documents(paths)`` is the one entry point the build uses.  It expands folders, picks a
reader by content (:mod:`litkg.ingest.detect`) and *never raises for a bad document*: problems
are yielded as :class:`~litkg.errors.IngestError` / :class:`~litkg.errors.MetadataError`
(``where`` = path or path:line) so one broken file never stops a build.  Everything streams:
a 30k-article MEDLINE file is read one article at a time.

Readers: :mod:`.text` (plain text + ``.meta.json`` sidecar), :mod:`.pubmed` (PubMed/MEDLINE
XML), :mod:`.jats` (PMC full text), :mod:`.pubtator` (PubTator corpora; ``read_pubtator`` gives
the annotations for evaluation).  :mod:`.normalise` cleans text for extraction while keeping
offsets into the original.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from litkg.errors import IngestError, LitkgError
from litkg.ingest.detect import detect_format
from litkg.ingest.jats import jats_document
from litkg.ingest.metadata import load_sidecar, read_sidecar
from litkg.ingest.normalise import NormalisedText, normalise_text
from litkg.ingest.pubmed import pubmed_documents
from litkg.ingest.pubtator import (PubTatorMention, PubTatorRecord, PubTatorRelation,
                                   pubtator_documents, read_pubtator)
from litkg.ingest.text import safe_sidecar, text_document
from litkg.models import Document

__all__ = ["iter_documents", "read_file", "expand_paths", "detect_format", "load_sidecar",
           "read_sidecar", "normalise_text", "NormalisedText", "read_pubtator", "PubTatorRecord",
           "PubTatorMention", "PubTatorRelation", "pubtator_documents", "pubmed_documents",
           "jats_document", "text_document", "IGNORED_SUFFIXES", "IGNORED_FOLDERS"]

#: Files inside folders with these endings are not documents (sidecars, gold data, queries...).
IGNORED_SUFFIXES = (".meta.json", ".json", ".jsonl", ".md", ".tsv", ".csv", ".rq", ".ttl",
                    ".yaml", ".yml", ".toml", ".py", ".pyc", ".sh", ".log", ".lock")
#: Folders skipped while expanding (gold annotations live beside the corpus).
IGNORED_FOLDERS = frozenset({"gold", "__pycache__"})
#: Formats read whole into memory; the streaming ones are bounded per record instead.
_WHOLE_FILE_FORMATS = ("text", "jats")


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(IGNORED_SUFFIXES)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read: folders expanded recursively in sorted order; explicit files kept as-is."""
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            yield path  # named explicitly: always attempted (a missing file becomes an error)
            continue
        for root, folders, files in os.walk(path):
            folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in IGNORED_FOLDERS)
            for name in sorted(files):
                if not _ignored(name):
                    yield Path(root) / name


def read_file(path: str | Path, *, max_bytes: int = 10_000_000) -> Iterator[Document | LitkgError]:
    """Documents of one file (several for PubMed XML / PubTator), errors yielded not raised."""
    path = Path(path)
    try:
        fmt = detect_format(path)
        if fmt in _WHOLE_FILE_FORMATS and path.stat().st_size > max_bytes:
            raise IngestError(f"the file is {path.stat().st_size:,} bytes, over the limit of "
                              f"{max_bytes:,}", where=str(path),
                              hint="split the document, or raise max_bytes if it is genuine")
    except IngestError as exc:
        yield exc
        return
    except OSError as exc:
        yield IngestError(f"cannot read the file: {exc}", where=str(path), hint="check permissions")
        return
    try:
        if fmt == "pubmed-xml":
            yield from pubmed_documents(path)
        elif fmt == "pubtator":
            yield from pubtator_documents(path)
        elif fmt == "jats":
            yield jats_document(path, max_bytes=max_bytes)
        else:
            sidecar, error = safe_sidecar(path)
            if error is not None:
                yield error  # reported, and the document is still built with empty metadata
            yield text_document(path, max_bytes=max_bytes, sidecar=sidecar, use_sidecar=False)
    except LitkgError as exc:
        yield exc
    except Exception as exc:  # a reader bug must not stop the whole build
        yield IngestError(f"unexpected {type(exc).__name__} while reading {fmt}: {exc}",
                          where=str(path), hint="report this as a litkg bug with the file attached")


def iter_documents(paths: Iterable[str | Path], *,
                   max_bytes: int = 10_000_000) -> Iterator[Document | LitkgError]:
    """Yield a :class:`Document` per document found under ``paths``, or an error per problem.

    Folders are expanded recursively in sorted order, skipping hidden files, sidecars and
    other non-document files (see :data:`IGNORED_SUFFIXES`) and ``gold/`` folders; a file
    named explicitly is always attempted.  The format is sniffed from the content.  Text and
    JATS files over ``max_bytes`` are refused; PubMed XML and PubTator files are streamed
    record by record whatever their size.
    """
    for path in expand_paths(paths):
        yield from read_file(path, max_bytes=max_bytes)
