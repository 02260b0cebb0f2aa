"""The seed gold claims (``corpus/gold/claims.jsonl``) as curation records.

The gold file is the project's reference.  Turned into curation, it says which machine claims
a person confirmed (``accept``), which needed a fix (``edit``, old -> new values), and which the
extractor missed (``add``).  Machine claims absent from gold are left alone: the gold file may
not be exhaustive, so absence is not a rejection.

Matching a gold claim to a machine claim, in order:
1. same IRI (same doc, kind, evidence span, subject, object, patient, time point);
2. same doc and kind, overlapping evidence spans, and the same subject and object
   (by CURIE when both have one, else by normalised text/label) -> an edit of the identity
   fields that differ (the machine IRI is kept, see :mod:`litkg.curate.apply`); a gold span
   inside the machine's evidence span is agreement, not an edit (gold marks clauses, the
   extractor cites whole sentences);
3. otherwise the gold claim is added.
Each machine claim is matched at most once.

Gold claims may be given as raw contract dicts (see :func:`read_gold`): then a concept's
``aliases`` (e.g. "TIO" for tumor-induced osteomalacia) also match, only the fields the gold
line states are compared, and a matching concept without a gold id keeps the machine's CURIE.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Mapping, Sequence

from litkg.curate import actions
from litkg.curate.log import CurationRecord, utc_now
from litkg.errors import CurationError
from litkg.models import Claim, Concept, normalise_key

# Fields compared between gold and machine; provenance/curation fields are not claim content.
_COMPARED = ("kind", "subject", "object", "condition", "direction", "negated", "hedged", "value",
             "before", "after", "unit", "statistic", "patient", "arm", "timepoint", "regimen",
             "evidence")


def read_claims(path: str | os.PathLike) -> list[Claim]:
    """Claims from a claims-contract JSONL file; bad lines raise with ``file:line``."""
    path = Path(path)
    claims = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            claims.append(Claim.from_dict(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            raise CurationError(f"not a valid claim ({err})", where=f"{path}:{number}",
                                hint="see the claims contract (Claim.as_dict)") from None
    return claims


def read_gold(path: str | os.PathLike) -> list[dict[str, Any]]:
    """Raw gold lines (dicts, aliases kept); each is checked to be a valid claim."""
    path = Path(path)
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            data = json.loads(line)
            Claim.from_dict(data)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            raise CurationError(f"not a valid gold claim ({err})", where=f"{path}:{number}",
                                hint="see the claims contract (Claim.as_dict)") from None
        rows.append(data)
    return rows


def _keys(concept: Concept, aliases: Sequence[str] = ()) -> set[str]:
    return {concept.key, normalise_key(concept.label)} | {normalise_key(a) for a in aliases}


def _same_concept(machine: Concept | None, gold: Concept | None, aliases: Sequence[str] = ()) -> bool:
    if machine is None or gold is None:
        return machine is gold
    if machine.id and gold.id:
        return machine.id == gold.id
    return bool(_keys(machine) & _keys(gold, aliases))


def _grounded(claim: Claim) -> Claim:
    """Fill the ids a hand-written gold claim leaves out from litkg's lexicon (never guessed:
    a name the lexicon does not know keeps ``id: null``), so an added claim lands on the same
    entity node as the machine's claims about the same drug or analyte."""
    from litkg.extract.lexicon import ground

    changes = {}
    for role in ("subject", "object", "condition"):
        concept = getattr(claim, role)
        if concept is not None and concept.id is None:
            found = ground(concept.text or concept.label)
            if found is not None and found.id:
                changes[role] = Concept(concept.label, found.id, concept.text)
    return claim.with_changes(**changes) if changes else claim  # ids are not identity: same IRI


def _overlap(a: Claim, b: Claim) -> bool:
    return a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end


def _differences(gold: Claim, machine: Claim, raw: Mapping[str, Any] | None) -> dict:
    g, m = gold.as_dict(), machine.as_dict()
    diff = {}
    for name in _COMPARED:
        if raw is not None and name not in raw:
            continue  # the gold line says nothing about it
        if g.get(name) == m.get(name):
            continue
        if name == "evidence" and machine.evidence.start <= gold.evidence.start \
                and gold.evidence.end <= machine.evidence.end:
            continue  # gold marks the clause; the machine's evidence sentence contains it
        if name in ("subject", "object", "condition") and getattr(gold, name) is not None \
                and not getattr(gold, name).id and _same_concept(getattr(machine, name), getattr(gold, name),
                                                                  _aliases(raw, name)):
            continue  # same entity; the gold file just has no CURIE for it
        diff[name] = g[name]
    return diff


def _aliases(raw: Mapping[str, Any] | None, name: str) -> Sequence[str]:
    concept = (raw or {}).get(name) or {}
    return tuple(concept.get("aliases") or ()) if isinstance(concept, Mapping) else ()


def gold_to_records(gold_claims: Sequence[Claim | Mapping[str, Any]], machine_claims: Sequence[Claim],
                    curator: str = "gold", *, at: str | None = None) -> list[CurationRecord]:
    """Curation records that turn ``machine_claims`` into ``gold_claims`` (see module doc)."""
    at = at or utc_now()
    by_iri = {claim.iri: claim for claim in machine_claims}
    used: set[str] = set()
    records: list[CurationRecord] = []
    note = "from the seed gold file"
    for item in gold_claims:
        raw = item if isinstance(item, Mapping) else None
        gold = Claim.from_dict(item) if raw is not None else item
        match = by_iri.get(gold.iri) if gold.iri not in used else None
        if match is None:
            candidates = [m for m in machine_claims
                          if m.iri not in used and m.doc == gold.doc and m.kind == gold.kind
                          and _overlap(m, gold) and _same_concept(m.subject, gold.subject, _aliases(raw, "subject"))
                          and _same_concept(m.object, gold.object, _aliases(raw, "object"))]
            match = candidates[0] if candidates else None
        if match is None:
            records.append(actions.add(_grounded(gold), curator, note=note, at=at))
            continue
        used.add(match.iri)
        diff = _differences(gold, match, raw)
        if diff:
            records.append(actions.edit(match, curator, diff, note=note, at=at))
        else:
            records.append(actions.accept(match, curator, note=note, at=at))
    return records
