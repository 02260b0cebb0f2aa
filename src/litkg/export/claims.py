"""The claims contract as JSON Lines (for programs) or TSV (for curators' spreadsheets)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Iterable, Iterator

from litkg.errors import StoreError
from litkg.models import Claim
from litkg.store import live_claims_path

#: TSV columns, in the order a curator reads a claim.
TSV_COLUMNS = (
    "claim", "doc", "kind", "subject", "subject_id", "object", "object_id", "condition",
    "condition_id", "direction", "negated", "hedged", "value", "before", "after", "unit",
    "statistic", "patient", "arm", "timepoint", "regimen", "computed", "status", "curator",
    "curated_at", "evidence_start", "evidence_end", "sentence",
)


def read_claims(store_dir: Path | str) -> Iterator[Claim]:
    """Every claim of the live build, after curation."""
    path = live_claims_path(store_dir)
    if not path.exists():
        raise StoreError("the live build has no claims.jsonl", where=str(path),
                         hint="rebuild with `litkg build`")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield Claim.from_dict(json.loads(line))


def write_claims(claims: Iterable[Claim], out: IO[str], fmt: str = "jsonl") -> int:
    count = 0
    if fmt == "jsonl":
        for claim in claims:
            out.write(json.dumps(claim.as_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    elif fmt == "tsv":
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(TSV_COLUMNS)
        for claim in claims:
            writer.writerow([_cell(v) for v in tsv_row(claim)])
            count += 1
    else:
        raise ValueError(f"unknown claims format {fmt!r}: use jsonl or tsv")
    return count


def tsv_row(claim: Claim) -> tuple:
    c = claim.condition
    return (
        claim.iri, claim.doc, claim.kind, claim.subject.label, claim.subject.id,
        claim.object.label, claim.object.id, c.label if c else None, c.id if c else None,
        claim.direction, claim.negated, claim.hedged, claim.value, claim.before, claim.after,
        claim.unit, json.dumps(claim.statistic) if claim.statistic else None, claim.patient,
        claim.arm, claim.timepoint, claim.regimen, claim.computed, claim.curation.status,
        claim.curation.curator, claim.curation.curated_at, claim.evidence.start,
        claim.evidence.end, claim.evidence.sentence,
    )


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    # Tabs/newlines inside a cell would break a spreadsheet's row structure.
    return " ".join(str(value).split())
