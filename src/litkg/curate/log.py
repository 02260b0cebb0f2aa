"""The curation log: an append-only JSON Lines file (default ``corpus/curation.jsonl``).

Curation is data the team reviews and versions, so the log is written for people and for
``git diff``: one record per line, keys sorted, no pretty-printing, UTF-8 kept readable.
Records are never rewritten; a correction is a new record (later records win, see
:mod:`litkg.curate.apply`).

Line format (``v`` is the record format version)::

    {"action": "reject", "at": "2026-11-22T18:30:00Z", "claim": "https://w3id.org/litkg/id/claim/…",
     "curator": "alice", "doc": "000_965f…", "evidence": {"end": 80, "sentence": "…", "start": 12},
     "note": "free text", "reason": "wrong_direction", "v": 1}

Actions and the fields they use:

``accept`` / ``reject`` (``reason`` one of :data:`REJECT_REASONS`, ``note`` free text)
``edit``     ``changes``: ``{field: {"old": …, "new": …}}`` in claims-contract JSON form
``add``      ``claim_data``: a full claims-contract dict of the claim the machine missed
``relink``   ``entity``: ``{"match": surface text or CURIE, "label": …, "id": …}``; ``doc`` limits
             the scope to one document, ``null`` means the whole corpus; ``claim`` is ``null``
``reattach`` ``target``: the IRI an orphaned claim's records now apply to
``retire``   the orphaned claim's records are deliberately dropped

Every record about a claim carries the claim's ``doc`` and ``evidence`` as they were when the
curator acted, so a record whose claim disappears after re-extraction (an orphan) can still be
shown with its text and re-attached.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from filelock import FileLock

from litkg.errors import CurationError

#: Record format version, written on every line so the format can evolve.
LOG_VERSION = 1
ACTIONS = ("accept", "reject", "edit", "add", "relink", "reattach", "retire")
#: Reasons a curator can pick when rejecting; details go into the free-text ``note``.
REJECT_REASONS = ("wrong_entity", "wrong_direction", "not_supported", "wrong_drug_attribution",
                  "negation_missed", "other")
REJECT_REASON_LABELS = {
    "wrong_entity": "wrong entity",
    "wrong_direction": "wrong direction",
    "not_supported": "not supported by the text",
    "wrong_drug_attribution": "wrong drug attribution",
    "negation_missed": "negation missed",
    "other": "other (see note)",
}
#: Default log location, relative to the working directory (the checkout).
DEFAULT_LOG = Path("corpus") / "curation.jsonl"

# Actions that name an existing claim in ``claim`` (``add`` names the claim it creates).
_CLAIM_ACTIONS = ("accept", "reject", "edit", "add", "reattach", "retire")


def utc_now() -> str:
    """UTC ISO 8601 with a ``Z`` suffix and whole seconds: short, sortable, diff-friendly."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_curator() -> str:
    """``$LITKG_CURATOR``, else the OS user name."""
    env = os.environ.get("LITKG_CURATOR", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry (containers): still attribute the record to someone
        return "unknown"


@dataclass(frozen=True)
class CurationRecord:
    """One curator action, exactly as stored on one line of the log.

    Mapping-valued fields hold plain JSON data (the claims contract form) so a record
    round-trips through :meth:`as_dict`/:meth:`from_dict` unchanged.
    """

    action: str
    curator: str
    at: str
    claim: str | None = None
    doc: str | None = None
    evidence: Mapping[str, Any] | None = None
    reason: str | None = None
    note: str | None = None
    changes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    claim_data: Mapping[str, Any] | None = None
    entity: Mapping[str, Any] | None = None
    target: str | None = None
    #: Line number in the log it was read from (not stored); lets messages point at the line.
    line: int | None = field(default=None, compare=False)

    def __post_init__(self):
        self.validate()

    def validate(self) -> None:
        if self.action not in ACTIONS:
            raise CurationError(f"unknown action {self.action!r}",
                                hint=f"use one of {', '.join(ACTIONS)}")
        if not self.curator or not str(self.curator).strip():
            raise CurationError("record has no curator", hint="set --curator or $LITKG_CURATOR")
        if not self.at:
            raise CurationError("record has no time ('at')", hint="use UTC ISO 8601, e.g. 2026-01-31T12:00:00Z")
        if self.action in _CLAIM_ACTIONS and not self.claim:
            raise CurationError(f"{self.action} record names no claim IRI", hint="add \"claim\": IRI")
        if self.action == "reject" and self.reason not in REJECT_REASONS:
            raise CurationError(f"reject reason {self.reason!r} is not one of {', '.join(REJECT_REASONS)}",
                                hint="use 'other' and explain in the note")
        if self.action == "edit" and not self.changes:
            raise CurationError("edit record has no changes", hint='add "changes": {field: {"old": ..., "new": ...}}')
        if self.action == "edit":
            for name, change in self.changes.items():
                if not isinstance(change, Mapping) or "new" not in change:
                    raise CurationError(f"edit change for {name!r} has no 'new' value",
                                        hint='write {"old": ..., "new": ...}')
        if self.action == "add" and not isinstance(self.claim_data, Mapping):
            raise CurationError("add record has no claim_data", hint="add the full claim as \"claim_data\"")
        if self.action == "relink":
            entity = self.entity or {}
            if not entity.get("match") or not entity.get("label"):
                raise CurationError("relink record needs entity.match and entity.label",
                                    hint='e.g. "entity": {"match": "TIO", "label": "tumor-induced osteomalacia", "id": "MONDO:0018124"}')
        if self.action == "reattach" and not self.target:
            raise CurationError("reattach record has no target IRI", hint="add \"target\": NEW_IRI")

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"v": LOG_VERSION, "action": self.action, "curator": self.curator,
                                "at": self.at, "claim": self.claim}
        # Only the fields an action uses are written: shorter lines, cleaner diffs.
        for name in ("doc", "evidence", "reason", "note", "claim_data", "entity", "target"):
            value = getattr(self, name)
            if value is not None:
                data[name] = _plain(value)
        if self.changes:
            data["changes"] = _plain(self.changes)
        return data

    def to_line(self) -> str:
        return json.dumps(self.as_dict(), sort_keys=True, ensure_ascii=False, separators=(", ", ": "))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, line: int | None = None) -> "CurationRecord":
        if not isinstance(data, Mapping):
            raise CurationError("record is not a JSON object", hint="one {...} object per line")
        version = data.get("v", LOG_VERSION)
        if version != LOG_VERSION:
            raise CurationError(f"record format v={version!r} is not supported (expected {LOG_VERSION})",
                                hint="upgrade litkg or fix the line")
        for key in ("action", "curator", "at"):
            if key not in data:
                raise CurationError(f"record has no {key!r}", hint="every record needs action, curator and at")
        for key, kind in (("evidence", Mapping), ("changes", Mapping), ("claim_data", Mapping),
                          ("entity", Mapping)):
            if data.get(key) is not None and not isinstance(data[key], kind):
                raise CurationError(f"{key!r} must be a JSON object")
        return cls(action=data["action"], curator=data["curator"], at=data["at"],
                   claim=data.get("claim"), doc=data.get("doc"), evidence=data.get("evidence"),
                   reason=data.get("reason"), note=data.get("note"),
                   changes=dict(data.get("changes") or {}), claim_data=data.get("claim_data"),
                   entity=data.get("entity"), target=data.get("target"), line=line)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def read_log(path: str | os.PathLike) -> tuple[list[CurationRecord], list[CurationError]]:
    """Every valid record of the log, and one error per bad line (``where="file:line"``).

    A missing log is an empty log.  Blank lines and ``#`` comment lines are skipped, so people
    can annotate the file by hand; a malformed line never stops the rest from applying.
    """
    path = Path(path)
    records: list[CurationRecord] = []
    errors: list[CurationError] = []
    if not path.exists():
        return records, errors
    raw = path.read_bytes()
    for number, line in enumerate(raw.split(b"\n"), start=1):
        text = line.strip()
        if not text or text.startswith(b"#"):
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(text.decode("utf-8"))
        except UnicodeDecodeError:
            errors.append(CurationError("line is not UTF-8", where=where, hint="re-save the file as UTF-8"))
            continue
        except json.JSONDecodeError as err:
            errors.append(CurationError(f"not valid JSON ({err.msg} at column {err.colno})", where=where,
                                        hint="fix or remove the line; the other lines still apply"))
            continue
        try:
            records.append(CurationRecord.from_dict(data, line=number))
        except CurationError as err:
            errors.append(CurationError(err.message, where=where, hint=err.hint))
        except (TypeError, ValueError) as err:
            errors.append(CurationError(f"invalid record ({err})", where=where, hint="fix or remove the line"))
    return records, errors


def append(path: str | os.PathLike, record: CurationRecord) -> None:
    """Append one record durably, safe against concurrent curators (threads or processes).

    The file lock serialises writers (including the "does the file end with a newline" check);
    the single ``O_APPEND`` write keeps a record on one line even if a writer ignored the lock;
    ``fsync`` makes an acknowledged curation survive a crash.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = record.to_line() + "\n"
    with FileLock(str(path) + ".lock"):
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            size = os.fstat(fd).st_size
            if size:
                # A hand edit may have left the last line without "\n": never glue two records.
                with open(path, "rb") as existing:
                    existing.seek(size - 1)
                    if existing.read(1) != b"\n":
                        payload = "\n" + payload
            os.write(fd, payload.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)


def append_many(path: str | os.PathLike, records: list[CurationRecord]) -> None:
    for record in records:
        append(path, record)
