"""Fold the curation log into extracted claims at build time: curated values win.

Rules (in log order, later records win):

* ``accept`` -> status ``accepted``; accepting an edited or added claim keeps ``edited`` /
  ``added`` (its values are still the curator's, not the machine's).
* ``reject`` -> status ``rejected`` with the reason; the claim stays in the output (queries
  filter rejected claims, and the decision stays visible).
* ``edit`` -> fields changed via ``Claim.with_changes``; status ``edited`` (``added`` stays
  ``added``).  Editing a rejected claim revives it as ``edited``.
* ``add`` -> a new claim from the record's ``claim_data``, status ``added``.  If the extractor
  now produces the same claim, the curated one replaces it (with a warning).
* ``relink`` -> every subject/object/condition matching ``entity.match`` (surface text, label
  or CURIE) in ``doc`` (or everywhere) gets the new label and id; status ``edited``.
* ``reattach`` -> the records of an orphaned claim apply to ``target`` instead.
* ``retire`` -> the records of an orphaned claim up to this one are dropped on purpose.

**Stable IRIs under identity edits.**  ``Claim.iri`` hashes identity fields (subject, object,
patient/arm, time point, evidence span).  When an edit changes one, the claim keeps the IRI the
curator acted on: the result holds a ``Claim`` with ``pinned_iri`` set (its ``iri`` is the pinned one)
and ``CurationResult.renamed`` maps that IRI to the IRI the edited content would hash to.  So
the claim keeps its place in the graph, in the log and in people's links, and records naming
either IRI find it.  If the edited content now equals another machine claim (the extractor
learnt the fix), that duplicate machine claim is dropped with a warning.

A record whose claim is not in the extraction (and was not re-attached or retired) is an
*orphan*: never dropped silently, it is returned in ``CurationResult.orphans`` with the doc,
text and span it was made on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from litkg.curate.actions import apply_changes
from litkg.curate.log import CurationRecord
from litkg.errors import CurationError
from litkg.models import Claim, Concept, Curation, is_curie, normalise_key

_STATUS_FOR = {"accept": "accepted", "reject": "rejected", "edit": "edited"}


@dataclass(frozen=True)
class CurationResult:
    claims: tuple[Claim, ...]
    orphans: tuple[CurationRecord, ...]
    warnings: tuple[str, ...]
    #: pinned IRI -> IRI the edited content would hash to (identity edits only).
    renamed: tuple[tuple[str, str], ...] = ()

    def orphan_claims(self) -> dict[str, list[CurationRecord]]:
        """Orphaned records grouped by the claim IRI they were made on (log order)."""
        grouped: dict[str, list[CurationRecord]] = {}
        for record in self.orphans:
            grouped.setdefault(record.claim or "", []).append(record)
        return grouped


def pin(claim: Claim, iri: str) -> Claim:
    """``claim`` with its IRI fixed to ``iri`` (unpinned when its content already hashes to it)."""
    return claim.with_changes(pinned_iri=None if claim.content_iri == iri else iri)


def _where(record: CurationRecord) -> str:
    return f"log line {record.line}" if record.line else f"{record.action} by {record.curator} at {record.at}"


def apply_curations(claims: Sequence[Claim], records: Sequence[CurationRecord]) -> CurationResult:
    """Extracted ``claims`` with ``records`` applied; see the module docstring for the rules."""
    order: list[str] = []  # slot keys in output order: extraction order, then additions
    slots: dict[str, Claim] = {}  # slot key = the IRI the claim is known by
    aliases: dict[str, str] = {}  # any IRI a record may name -> slot key
    warnings: list[str] = []
    for claim in claims:
        if claim.iri in slots:
            warnings.append(f"duplicate claim {claim.iri} in the extraction; the first one is kept")
            continue
        slots[claim.iri] = claim
        order.append(claim.iri)
        aliases[claim.iri] = claim.iri
        content = claim.content_iri
        aliases.setdefault(content, claim.iri)

    # Reattach/retire come later in the log than the records they redirect, so collect them first.
    redirect: dict[str, str] = {}
    retired_until: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.action == "reattach":
            redirect[record.claim] = record.target
        elif record.action == "retire":
            retired_until[record.claim] = index

    orphans: list[CurationRecord] = []

    def resolve(iri: str | None) -> str | None:
        seen = set()
        while iri and iri not in aliases and iri in redirect and iri not in seen:
            seen.add(iri)
            iri = redirect[iri]
        return aliases.get(iri) if iri else None

    for index, record in enumerate(records):
        action = record.action
        if action in ("reattach", "retire"):
            if action == "reattach" and resolve(record.target) is None:
                warnings.append(f"{_where(record)}: reattach target {record.target} is not a current claim; "
                                f"the records of {record.claim} stay orphaned")
            continue
        if action == "relink":
            changed = _relink(record, order, slots)
            if not changed:
                warnings.append(f"{_where(record)}: relink of {record.entity.get('match')!r} matched no claim"
                                + (f" in {record.doc}" if record.doc else ""))
            continue
        if action == "add":
            _add(record, order, slots, aliases, warnings)
            continue
        key = resolve(record.claim)
        if key is None:
            # Retiring only concerns orphans: if the claim comes back, its curations apply again.
            if index > retired_until.get(record.claim, -1):
                orphans.append(record)
            continue
        claim = slots[key]
        status = claim.curation.status
        if action == "edit":
            _warn_if_machine_moved(record, claim, warnings)
            try:
                claim = apply_changes(claim, {k: v["new"] for k, v in record.changes.items()}, where=key)
            except CurationError as err:
                warnings.append(f"{_where(record)}: edit of {key} not applied: {err.message}")
                continue
            new_status = "added" if status == "added" else "edited"
        elif action == "accept":
            new_status = status if status in ("edited", "added") else "accepted"
        else:  # reject
            new_status = "rejected"
        reason = record.reason if action == "reject" else None
        claim = claim.with_changes(curation=Curation(status=new_status, curator=record.curator,
                                                     curated_at=record.at, reason=reason,
                                                     note=record.note))
        slots[key] = pin(claim, key)
        aliases.setdefault(slots[key].content_iri if slots[key].pinned_iri else key, key)

    renamed = []
    final: list[Claim] = []
    content_of_curated = {}
    for key in order:
        claim = slots[key]
        if claim.pinned_iri:
            renamed.append((key, claim.content_iri))
            content_of_curated[claim.content_iri] = key
    for key in order:
        claim = slots[key]
        owner = content_of_curated.get(key)
        if owner and owner != key:
            if claim.curation.status == "machine":
                warnings.append(f"machine claim {key} duplicates edited claim {owner}; the curated claim is kept")
                continue
            warnings.append(f"curated claims {owner} and {key} now have the same content; both are kept")
        final.append(claim)
    return CurationResult(claims=tuple(final), orphans=tuple(orphans), warnings=tuple(warnings),
                          renamed=tuple(renamed))


def _warn_if_machine_moved(record: CurationRecord, claim: Claim, warnings: list[str]) -> None:
    """Re-extraction changed a field the curator had edited: the curator's value still wins."""
    current = claim.as_dict()
    for name, change in record.changes.items():
        if "old" in change and current.get(name) not in (change.get("old"), change.get("new")):
            warnings.append(f"{_where(record)}: {name} of {claim.iri} was {change.get('old')!r} when edited, "
                            f"extraction now says {current.get(name)!r}; the curated {change['new']!r} wins")


def _add(record: CurationRecord, order: list[str], slots: dict[str, Claim], aliases: dict[str, str],
         warnings: list[str]) -> None:
    try:
        claim = Claim.from_dict(record.claim_data)
    except (KeyError, TypeError, ValueError) as err:
        warnings.append(f"{_where(record)}: added claim {record.claim} is invalid ({err}); not added")
        return
    claim = pin(claim.with_changes(curation=Curation(status="added", curator=record.curator,
                                                     curated_at=record.at, note=record.note)), record.claim)
    key = aliases.get(record.claim) or aliases.get(claim.iri)
    if key is not None:
        if slots[key].curation.status == "machine":
            warnings.append(f"{_where(record)}: added claim {record.claim} is now also extracted; "
                            "the curated version replaces the machine one")
        slots[key] = pin(claim, key)
        return
    slots[record.claim] = claim
    order.append(record.claim)
    aliases[record.claim] = record.claim
    aliases.setdefault(claim.content_iri, record.claim)


def concept_matches(concept: Concept | None, match: str) -> bool:
    """A concept matches by CURIE (exact) or by its surface text or label (normalised)."""
    if concept is None:
        return False
    if is_curie(match) and concept.id == match:
        return True
    key = normalise_key(match)
    return key in (normalise_key(concept.text or ""), normalise_key(concept.label))


def relink_concept(concept: Concept, label: str, concept_id: str | None) -> Concept:
    # The surface text is kept so the claim's identity (and IRI) does not change.
    return Concept(label=label, id=concept_id, text=concept.text or concept.label)


def _relink(record: CurationRecord, order: list[str], slots: dict[str, Claim]) -> int:
    """Relink matching concepts in place; returns how many claims mention the entity."""
    entity: Mapping = record.entity or {}
    match, label, concept_id = entity["match"], entity["label"], entity.get("id")
    hits = 0
    for key in order:
        claim = slots[key]
        if record.doc and claim.doc != record.doc:
            continue
        updates, matched = {}, False
        for name in ("subject", "object", "condition"):
            concept = getattr(claim, name)
            if concept_matches(concept, match):
                matched = True
                new = relink_concept(concept, label, concept_id)
                if new != concept:
                    updates[name] = new
        status = claim.curation.status
        # Already linked right: a machine claim stays untouched, but a curated one (e.g. when the
        # log is applied again on top of a build) records the relink, so re-applying is stable.
        hits += matched
        if not matched or (not updates and status == "machine"):
            continue
        new_status = status if status in ("added", "rejected") else "edited"
        claim = claim.with_changes(**updates, curation=Curation(status=new_status, curator=record.curator,
                                                                curated_at=record.at,
                                                                reason=claim.curation.reason,
                                                                note=record.note))
        slots[key] = pin(claim, key)
    return hits
