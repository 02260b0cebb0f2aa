"""Sidecar metadata: ``<stem>.meta.json`` beside a plain-text document.

A sidecar is a JSON object with any of the :class:`~litkg.models.DocumentMetadata` fields plus
``id`` (overrides the document id).  Unknown keys (e.g. ``note``) are allowed and ignored, so
curators can annotate sidecars freely; *known* keys must have the right type, because a
wrong year or a string where a list belongs would silently corrupt the graph.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litkg.errors import MetadataError
from litkg.models import DocumentMetadata

__all__ = ["Sidecar", "sidecar_path", "document_stem", "read_sidecar", "load_sidecar",
           "normalise_pmid", "normalise_pmcid"]

SIDECAR_SUFFIX = ".meta.json"
_STRING_FIELDS = ("title", "journal", "doi", "language", "review_status", "source_kind", "url")


@dataclass(frozen=True)
class Sidecar:
    """What a sidecar says: the metadata and an explicit document id (or ``None``)."""

    path: Path
    metadata: DocumentMetadata
    id: str | None = None

    @property
    def document_id(self) -> str | None:
        """Explicit id, else PMID, else PMCID: the id the document should get, if any."""
        return self.id or self.metadata.pmid or self.metadata.pmcid


def document_stem(path: str | Path) -> str:
    """File name without ``.gz`` and without its last suffix: ``a/001.txt.gz`` -> ``001``."""
    name = Path(path).name
    if name.endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name


def sidecar_path(path: str | Path) -> Path:
    """Where the sidecar of the document at ``path`` lives (it may not exist)."""
    path = Path(path)
    return path.with_name(document_stem(path) + SIDECAR_SUFFIX)


def normalise_pmid(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    text = re.sub(r"^(?:PMID|pmid)\s*:?\s*", "", text)
    return text if text.isdigit() else None


def normalise_pmcid(value: Any) -> str | None:
    """``"123"``, ``123``, ``"PMC123"``, ``"pmc123"`` -> ``"PMC123"``."""
    if value is None or value == "":
        return None
    text = str(value).strip().upper()
    text = text[3:] if text.startswith("PMC") else text
    return f"PMC{text}" if text.isdigit() else None


def _line_of(raw: str, key: str) -> int:
    """Line (1-based) where ``"key":`` appears in the sidecar, for error messages."""
    match = re.search(r'"%s"\s*:' % re.escape(key), raw)
    return raw.count("\n", 0, match.start()) + 1 if match else 1


def _field_error(path: Path, raw: str, key: str, expected: str, value: Any) -> MetadataError:
    return MetadataError(f"field {key!r} must be {expected}, not {type(value).__name__} {value!r}",
                         where=f"{path}:{_line_of(raw, key)}",
                         hint=f"fix {key!r} in the sidecar or remove it")


def parse_sidecar(raw: str, path: Path) -> Sidecar:
    """Validate the JSON text of a sidecar; raise :class:`MetadataError` naming file:line."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MetadataError(f"invalid JSON: {exc.msg}", where=f"{path}:{exc.lineno}:{exc.colno}",
                            hint="fix the JSON syntax (a missing comma or quote?)") from exc
    if not isinstance(data, dict):
        raise MetadataError(f"a sidecar must be a JSON object, not {type(data).__name__}",
                            where=f"{path}:1", hint='write {"title": ..., "year": ...}')
    values: dict[str, Any] = {}
    for key in _STRING_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise _field_error(path, raw, key, "a string", value)
        values[key] = value.strip() or None if isinstance(value, str) else None
    if values.get("language") is None and "language" not in data:
        values.pop("language")  # keep the model default ("en")
    year = data.get("year")
    if year is not None:
        if isinstance(year, bool) or not (isinstance(year, int) or (isinstance(year, str)
                                                                   and year.strip().isdigit())):
            raise _field_error(path, raw, "year", "an integer such as 2017", year)
        values["year"] = int(year)
    types = data.get("publication_types")
    if types is not None:
        if isinstance(types, str):
            types = [types]  # a single type written as a string is unambiguous
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            raise _field_error(path, raw, "publication_types", "a list of strings", types)
        values["publication_types"] = tuple(t.strip() for t in types if t.strip())
    for key, normalise in (("pmid", normalise_pmid), ("pmcid", normalise_pmcid)):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int)) or normalise(value) is None:
            raise _field_error(path, raw, key, "a PMID such as \"17942999\"" if key == "pmid"
                               else "a PMCID such as \"PMC1790863\"", value)
        values[key] = normalise(value)
    doc_id = data.get("id")
    if doc_id is not None and (not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool)
                               or not str(doc_id).strip()):
        raise _field_error(path, raw, "id", "a non-empty string", doc_id)
    return Sidecar(path=path, metadata=DocumentMetadata(**values),
                   id=str(doc_id).strip() if doc_id is not None else None)


def read_sidecar(path: str | Path) -> Sidecar | None:
    """The sidecar of the document at ``path`` (or the sidecar file itself), or ``None``."""
    path = Path(path)
    target = path if path.name.endswith(SIDECAR_SUFFIX) else sidecar_path(path)
    if not target.is_file():
        return None
    try:
        raw = target.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MetadataError(f"not UTF-8 (byte {exc.start})", where=str(target),
                            hint="save the sidecar as UTF-8") from exc
    except OSError as exc:
        raise MetadataError(f"cannot read: {exc}", where=str(target), hint="check permissions") from exc
    return parse_sidecar(raw, target)


def load_sidecar(path: str | Path) -> DocumentMetadata | None:
    """Metadata from the sidecar beside ``path``; ``None`` when there is no sidecar.

    Raises :class:`MetadataError` (``where`` = sidecar:line[:col]) on bad JSON or field types.
    """
    sidecar = read_sidecar(path)
    return sidecar.metadata if sidecar else None
