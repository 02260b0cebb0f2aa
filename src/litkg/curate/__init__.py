"""Curation: curators fix extractions, and their fixes last.

* :mod:`litkg.curate.log` — the append-only log ``corpus/curation.jsonl`` (read, append).
* :mod:`litkg.curate.actions` — build records (accept, reject, edit, add, relink, ...).
* :mod:`litkg.curate.apply` — fold records into extracted claims at build time.
* :mod:`litkg.curate.gold` — the seed gold file as curation records.

The CLI and the web page read the claims of the current build (``<store>/current/claims.jsonl``,
written by ``litkg build`` after curation) and fold in the log again, so an action shows up
at once, before the next build.  Applying the log twice is harmless: every record sets values.
"""

from __future__ import annotations

import os
from pathlib import Path

from litkg.curate.apply import CurationResult, apply_curations
from litkg.curate.log import CurationRecord, append, default_curator, read_log
from litkg.errors import CurationError
from litkg.models import Claim

__all__ = ["CurationRecord", "CurationResult", "apply_curations", "append",
           "current_claims", "default_curator", "find_claim", "live_claims", "read_log"]


def current_claims_path(store_dir: str | os.PathLike) -> Path:
    return Path(store_dir) / "current" / "claims.jsonl"


def current_claims(store_dir: str | os.PathLike) -> list[Claim]:
    """Every claim of the current build (after curation); pinned IRIs survive the JSON."""
    from litkg.export.claims import read_claims

    return list(read_claims(store_dir))


def live_claims(store_dir: str | os.PathLike, log_path: str | os.PathLike
                ) -> tuple[CurationResult, list[CurationRecord], list[CurationError]]:
    """The current build with the whole log applied again: what a curator should see now.

    Returns the result, the log's records (for histories) and the log's bad lines.
    """
    records, errors = read_log(log_path)
    return apply_curations(current_claims(store_dir), records), records, errors


def find_claim(claims: list[Claim] | tuple[Claim, ...], ref: str) -> Claim:
    """A claim by full IRI or by a unique prefix of its hash (as the CLI shows it)."""
    ref = ref.strip()
    exact = [c for c in claims if c.iri == ref]
    if exact:
        return exact[0]
    short = ref.rsplit("/", 1)[-1]
    if len(short) < 4:
        raise CurationError(f"claim reference {ref!r} is too short", hint="give at least 4 hash characters")
    found = [c for c in claims if c.iri.rsplit("/", 1)[-1].startswith(short)]
    if not found:
        raise CurationError(f"no claim {ref!r} in the current build",
                            hint="see 'litkg curate list'; rebuild if the corpus changed")
    if len(found) > 1:
        raise CurationError(f"claim reference {ref!r} is ambiguous ({len(found)} claims)",
                            hint="give more characters of the hash")
    return found[0]


def short_iri(iri: str | None, length: int = 10) -> str:
    return (iri or "").rsplit("/", 1)[-1][:length]
