"""Build curation records from curator intent (shared by the CLI and the web page).

Each function takes the claim as the curator saw it (from the current build), validates the
action and returns a :class:`CurationRecord`; writing it is :func:`litkg.curate.log.append`.
Field values in records use the claims-contract JSON form (``Claim.as_dict``), so the log reads
like the claims file.
"""

from __future__ import annotations

from typing import Any, Mapping

from litkg.curate.log import REJECT_REASONS, CurationRecord, utc_now
from litkg.errors import CurationError
from litkg.models import CLAIM_KINDS, DIRECTIONS, Claim, is_curie

#: Fields a curator may edit (claims-contract names).  Concepts and evidence are edited as a
#: whole value or through dotted sub-fields (``object.id``, ``evidence.start``).
EDITABLE = ("kind", "subject", "object", "condition", "direction", "negated", "hedged", "value",
            "before", "after", "unit", "statistic", "patient", "arm", "timepoint", "regimen",
            "evidence")
_CONCEPT_FIELDS = ("subject", "object", "condition")
_NUMBER_FIELDS = ("value", "before", "after")
_BOOL_FIELDS = ("negated", "hedged")
_NULL_WORDS = ("", "null", "none", "-")


def _base(claim: Claim, action: str, curator: str, at: str | None, **extra: Any) -> CurationRecord:
    return CurationRecord(action=action, curator=curator, at=at or utc_now(), claim=claim.iri,
                          doc=claim.doc, evidence=claim.evidence.as_dict(), **extra)


def accept(claim: Claim, curator: str, *, note: str | None = None, at: str | None = None) -> CurationRecord:
    return _base(claim, "accept", curator, at, note=note or None)


def reject(claim: Claim, curator: str, reason: str, *, note: str | None = None,
           at: str | None = None) -> CurationRecord:
    reason = (reason or "").strip().replace(" ", "_").replace("-", "_")
    if reason not in REJECT_REASONS:
        raise CurationError(f"unknown reject reason {reason!r}",
                            hint=f"use one of {', '.join(REJECT_REASONS)} and put details in the note")
    return _base(claim, "reject", curator, at, reason=reason, note=note or None)


def edit(claim: Claim, curator: str, changes: Mapping[str, Any], *, note: str | None = None,
         at: str | None = None) -> CurationRecord:
    """An edit record; ``changes`` maps field -> new value (contract JSON form).

    Unchanged fields are dropped; the edited claim is built once here so an invalid value
    (unknown direction, non-CURIE id) is refused before anything is written.
    """
    current = claim.as_dict()
    diff = {}
    for name, new in changes.items():
        if name not in EDITABLE:
            raise CurationError(f"field {name!r} cannot be edited", hint=f"editable: {', '.join(EDITABLE)}")
        new = normalise_value(name, new)
        if new != current.get(name):
            diff[name] = {"old": current.get(name), "new": new}
    if not diff:
        raise CurationError("the edit changes nothing", where=claim.iri,
                            hint="give at least one new value, e.g. --set direction=decreased")
    apply_changes(claim, {k: v["new"] for k, v in diff.items()}, where=claim.iri)
    return _base(claim, "edit", curator, at, changes=diff, note=note or None)


def add(claim: Claim, curator: str, *, note: str | None = None, at: str | None = None) -> CurationRecord:
    # Empty fields are left out to keep the line short; Claim.from_dict restores the defaults.
    data = {k: v for k, v in claim.as_dict().items()
            if k not in ("status", "curator", "curated_at") and v not in (None, False)}
    return _base(claim, "add", curator, at, claim_data=data, note=note or None)


def relink(match: str, label: str, concept_id: str | None, curator: str, *, doc: str | None = None,
           note: str | None = None, at: str | None = None) -> CurationRecord:
    """Relink every mention of ``match`` (surface text, label or CURIE) in ``doc`` or the corpus."""
    if concept_id and not is_curie(concept_id):
        raise CurationError(f"{concept_id!r} is not a CURIE", hint="e.g. MONDO:0018124")
    return CurationRecord(action="relink", curator=curator, at=at or utc_now(), doc=doc,
                          entity={"match": match, "label": label, "id": concept_id or None},
                          note=note or None)


def reattach(orphan: CurationRecord, target: Claim, curator: str, *, note: str | None = None,
             at: str | None = None) -> CurationRecord:
    return CurationRecord(action="reattach", curator=curator, at=at or utc_now(), claim=orphan.claim,
                          doc=orphan.doc, evidence=orphan.evidence, target=target.iri, note=note or None)


def retire(orphan: CurationRecord, curator: str, *, note: str | None = None,
           at: str | None = None) -> CurationRecord:
    return CurationRecord(action="retire", curator=curator, at=at or utc_now(), claim=orphan.claim,
                          doc=orphan.doc, evidence=orphan.evidence, note=note or None)


# --------------------------------------------------------------------------------------------
# Values


def normalise_value(name: str, value: Any) -> Any:
    """Bring a value (JSON or a string typed by a curator) to its contract JSON form."""
    if isinstance(value, str) and value.strip().lower() in _NULL_WORDS and name not in _BOOL_FIELDS:
        return None
    if name in _BOOL_FIELDS:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "yes", "1", "on", "y"):
            return True
        if text in ("false", "no", "0", "off", "n", "", "none", "null"):
            return False
        raise CurationError(f"{name} must be true or false, not {value!r}")
    if name in _NUMBER_FIELDS:
        try:
            return None if value is None else float(value)
        except (TypeError, ValueError):
            raise CurationError(f"{name} must be a number, not {value!r}", hint="e.g. --set value=2.4") from None
    if name == "statistic":
        if value is None or isinstance(value, Mapping):
            return dict(value) if value else None
        try:  # "rr=7.38, p=0.01"
            pairs = [part.split("=", 1) for part in str(value).split(",") if part.strip()]
            return {k.strip(): float(v) for k, v in pairs} or None
        except ValueError:
            raise CurationError(f"statistic {value!r} is not name=number[, ...]", hint="e.g. rr=7.38,p=0.01") from None
    if name == "direction" and value is not None and value not in DIRECTIONS:
        raise CurationError(f"direction {value!r} is not one of {', '.join(DIRECTIONS)}")
    if name == "kind" and value not in CLAIM_KINDS:
        raise CurationError(f"kind {value!r} is not one of {', '.join(CLAIM_KINDS)}")
    if name in _CONCEPT_FIELDS and value is not None:
        if not isinstance(value, Mapping) or not value.get("label"):
            raise CurationError(f"{name} needs a label", hint=f"e.g. --set {name}.label=phosphate")
        if value.get("id") and not is_curie(value["id"]):
            raise CurationError(f"{name} id {value['id']!r} is not a CURIE", hint="e.g. CHEBI:48390")
        return {k: v for k, v in {"label": value["label"], "id": value.get("id") or None,
                                  "text": value.get("text")}.items() if k != "text" or v}
    if name == "evidence":
        if not isinstance(value, Mapping) or "sentence" not in value:
            raise CurationError("evidence needs sentence, start and end")
        try:
            out = {"sentence": value["sentence"], "start": int(value["start"]), "end": int(value["end"])}
        except (KeyError, TypeError, ValueError):
            raise CurationError("evidence start and end must be integers") from None
        if out["end"] < out["start"]:
            raise CurationError("evidence end is before its start")
        if value.get("section"):
            out["section"] = value["section"]
        return out
    return value if value is None else str(value)


def parse_assignments(claim: Claim, assignments: list[str] | Mapping[str, str]) -> dict[str, Any]:
    """``["direction=decreased", "object.id=MONDO:0018124"]`` -> whole-field changes.

    Dotted names edit one part of a concept or of the evidence, starting from the claim's
    current value; a changed concept label without an explicit ``.text`` keeps the surface
    text as written, so relabelling a concept does not change the claim's identity.
    """
    pairs = assignments.items() if isinstance(assignments, Mapping) else [_split(a) for a in assignments]
    current = claim.as_dict()
    changes: dict[str, Any] = {}
    for key, value in pairs:
        key = key.strip()
        if "." in key:
            top, sub = key.split(".", 1)
            if top not in _CONCEPT_FIELDS + ("evidence",):
                raise CurationError(f"{key!r}: only concepts and evidence have sub-fields")
            base = changes.get(top) or dict(current.get(top) or {})
            if top in _CONCEPT_FIELDS and sub == "label" and "text" not in base:
                old = current.get(top) or {}
                if old.get("label") and old.get("label") != value:
                    base["text"] = old.get("text") or old.get("label")
            base[sub] = None if (sub == "id" and str(value).strip().lower() in _NULL_WORDS) else value
            changes[top] = base
        else:
            changes[key] = value
    return changes


def _split(assignment: str) -> tuple[str, str]:
    if "=" not in assignment:
        raise CurationError(f"{assignment!r} is not FIELD=VALUE", hint="e.g. --set direction=decreased")
    key, value = assignment.split("=", 1)
    return key, value


def apply_changes(claim: Claim, new_values: Mapping[str, Any], *, where: str | None = None) -> Claim:
    """``claim`` with contract-form values applied via ``Claim.with_changes``."""
    data = claim.as_dict()
    data.update(new_values)
    try:
        rebuilt = Claim.from_dict(data)  # converts concept/evidence/number JSON to model types
    except (KeyError, TypeError, ValueError) as err:
        raise CurationError(f"edit gives an invalid claim: {err}", where=where,
                            hint="check the field values (see 'litkg curate show')") from None
    converted = {("statistic_items" if k == "statistic" else k):
                 getattr(rebuilt, "statistic_items" if k == "statistic" else k) for k in new_values}
    return claim.with_changes(**converted)
