"""CLI commands: ``litkg curate list|show|accept|reject|edit|add|relink|orphans``.

Claims come from the current build (``<store>/current/claims.jsonl``) with the log applied
again, so an action shows at once; every action appends one record to the log.  Claims are
named by full IRI or by a unique prefix of the hash shown in ``list``.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

from litkg import paths
from litkg.curate import actions, find_claim, live_claims, short_iri
from litkg.curate.log import DEFAULT_LOG, REJECT_REASON_LABELS, REJECT_REASONS, append, default_curator
from litkg.errors import CurationError
from litkg.models import CLAIM_KINDS, DIRECTIONS, STATUSES, Claim, Concept, Evidence


def _common(command):
    """--store, --log and --curator on every subcommand (so they can go after the verb)."""

    @click.option("--store", "store", type=click.Path(path_type=Path), default=paths.DEFAULT_STORE,
                  show_default=True, help="Store directory of the current build.")
    @click.option("--log", "log", type=click.Path(path_type=Path), default=DEFAULT_LOG, show_default=True,
                  help="Curation log (append-only JSONL).")
    @click.option("--curator", default=None, help="Your name (default: $LITKG_CURATOR or the OS user).")
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        kwargs["curator"] = kwargs.get("curator") or default_curator()
        return command(*args, **kwargs)

    return wrapper


def _state(store: Path, log: Path):
    result, records, errors = live_claims(store, log)
    for err in errors:  # a bad line never blocks curation, but it must be seen
        click.echo(f"warning: {err}", err=True)
    return result, records


def _num(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def format_claim(claim: Claim) -> str:
    """One compact line: hash, doc, kind, subject -> object, direction, values, status."""
    values = []
    if claim.before is not None or claim.after is not None:
        values.append(f"{_num(claim.before)}->{_num(claim.after)}")
    if claim.value is not None:
        values.append(_num(claim.value))
    if values and claim.unit:
        values.append(claim.unit)
    context = [x for x in (claim.patient or claim.arm, claim.timepoint) if x]
    flags = [f for f, on in (("NEG", claim.negated), ("HEDGED", claim.hedged)) if on]
    parts = [short_iri(claim.iri), claim.doc, claim.kind,
             f"{_concept(claim.subject)} -> {_concept(claim.object)}",
             claim.direction or "-", " ".join(values) or "-"]
    line = "  ".join(parts)
    if context:
        line += f"  ({', '.join(context)})"
    if flags:
        line += "  " + " ".join(flags)
    return line + f"  [{claim.curation.status}]"


def _concept(concept: Concept | None) -> str:
    if concept is None:
        return "-"
    return f"{concept.label} ({concept.id})" if concept.id else concept.label


def _done(verb: str, claim_iri: str, log: Path) -> None:
    click.echo(f"{verb} {short_iri(claim_iri)} (logged to {log}; applied at the next build)")


@click.group("curate")
def curate() -> None:
    """Review extracted claims: accept, reject, edit, add, relink; fixes go to the curation log."""


@curate.command("list")
@click.option("--doc", default=None, help="Only this document id.")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), default=None)
@click.option("--status", type=click.Choice(STATUSES), default=None)
@_common
def list_cmd(doc, kind, status, store, log, curator):
    """List claims (filter by --doc, --kind, --status)."""
    result, _ = _state(store, log)
    shown = [c for c in result.claims if (not doc or c.doc == doc) and (not kind or c.kind == kind)
             and (not status or c.curation.status == status)]
    for claim in shown:
        click.echo(format_claim(claim))
    click.echo(f"{len(shown)} claim(s)" + (f"; {len(result.orphans)} orphaned curation record(s): "
                                           "see 'litkg curate orphans'" if result.orphans else ""), err=True)


@curate.command("show")
@click.argument("ref")
@_common
def show_cmd(ref, store, log, curator):
    """Show one claim: fields, evidence sentence with its span, and its curation history."""
    result, records = _state(store, log)
    claim = find_claim(result.claims, ref)
    click.echo(format_claim(claim))
    click.echo(f"IRI:      {claim.iri}")
    ev = claim.evidence
    click.echo(f"evidence: {claim.doc} [{ev.start}:{ev.end}]" + (f" {ev.section}" if ev.section else ""))
    click.echo(f"  \u00bb{ev.sentence}\u00ab")
    for name, value in claim.as_dict().items():
        if name in ("claim", "evidence", "doc", "kind") or value in (None, False, {}):
            continue
        click.echo(f"  {name}: {value}")
    cur = claim.curation
    if cur.status != "machine":
        click.echo(f"curation: {cur.status} by {cur.curator} at {cur.curated_at}"
                   + (f", reason {cur.reason}" if cur.reason else "") + (f": {cur.note}" if cur.note else ""))
    history = [r for r in records if claim.iri in (r.claim, r.target)]
    if history:
        click.echo("history:")
        for record in history:
            click.echo("  " + describe_record(record))


def describe_record(record) -> str:
    text = f"{record.at} {record.curator} {record.action}"
    if record.reason:
        text += f" ({REJECT_REASON_LABELS.get(record.reason, record.reason)})"
    for name, change in (record.changes or {}).items():
        text += f" {name}: {change.get('old')!r} -> {change.get('new')!r};"
    if record.target:
        text += f" -> {short_iri(record.target)}"
    if record.entity:
        text += f" {record.entity.get('match')!r} -> {record.entity.get('label')} ({record.entity.get('id')})"
    if record.note:
        text += f" \u2014 {record.note}"
    return text


@curate.command("accept")
@click.argument("ref")
@click.option("--note", default=None)
@_common
def accept_cmd(ref, note, store, log, curator):
    """Accept a claim as extracted."""
    result, _ = _state(store, log)
    claim = find_claim(result.claims, ref)
    append(log, actions.accept(claim, curator, note=note))
    _done("accepted", claim.iri, log)


@curate.command("reject")
@click.argument("ref")
@click.option("--reason", required=True, type=click.Choice(REJECT_REASONS),
              help="Why the claim is wrong (details in --note).")
@click.option("--note", default=None, help="Free text.")
@_common
def reject_cmd(ref, reason, note, store, log, curator):
    """Reject a claim (it stays in the graph with status 'rejected')."""
    result, _ = _state(store, log)
    claim = find_claim(result.claims, ref)
    append(log, actions.reject(claim, curator, reason, note=note))
    _done("rejected", claim.iri, log)


@curate.command("edit")
@click.argument("ref")
@click.option("--set", "assignments", multiple=True, required=True, metavar="FIELD=VALUE",
              help="e.g. direction=decreased, object.id=MONDO:0018124, value=2.4, negated=true, "
                   "timepoint='6 months' (repeatable).")
@click.option("--note", default=None)
@_common
def edit_cmd(ref, assignments, note, store, log, curator):
    """Edit fields of a claim; the claim keeps its IRI."""
    result, _ = _state(store, log)
    claim = find_claim(result.claims, ref)
    record = actions.edit(claim, curator, actions.parse_assignments(claim, list(assignments)), note=note)
    append(log, record)
    for name, change in record.changes.items():
        click.echo(f"  {name}: {change['old']!r} -> {change['new']!r}")
    _done("edited", claim.iri, log)


@curate.command("add")
@click.option("--doc", help="Document id (or take it from --like).")
@click.option("--like", "like", default=None, help="An existing claim whose sentence/span the new claim uses.")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), required=True)
@click.option("--subject", required=True, help="Subject label.")
@click.option("--subject-id", default=None, help="Subject CURIE.")
@click.option("--object", "object_", required=True, help="Object label.")
@click.option("--object-id", default=None, help="Object CURIE.")
@click.option("--direction", type=click.Choice(DIRECTIONS), default=None)
@click.option("--start", type=int, default=None, help="Evidence span start in the document text.")
@click.option("--end", type=int, default=None, help="Evidence span end.")
@click.option("--sentence", default=None, help="Evidence text (default: the document text at start:end).")
@click.option("--corpus", type=click.Path(path_type=Path), default=None, help="Corpus dir (for --start/--end).")
@click.option("--set", "assignments", multiple=True, metavar="FIELD=VALUE", help="Other fields, as for edit.")
@click.option("--note", default=None)
@_common
def add_cmd(doc, like, kind, subject, subject_id, object_, object_id, direction, start, end, sentence,
            corpus, assignments, note, store, log, curator):
    """Add a claim the machine missed, pointing at a sentence/span."""
    result, _ = _state(store, log)
    if like:
        base = find_claim(result.claims, like)
        doc, evidence = doc or base.doc, base.evidence
    else:
        if not doc or start is None or end is None:
            raise CurationError("add needs --doc with --start/--end, or --like CLAIM", hint="see --help")
        if sentence is None:
            text_file = (corpus or paths.corpus_dir()) / f"{doc}.txt"
            if not text_file.exists():
                raise CurationError("document text not found", where=str(text_file),
                                    hint="pass --sentence or --corpus DIR")
            sentence = text_file.read_text(encoding="utf-8")[start:end]
        evidence = Evidence(sentence, start, end)
    try:
        claim = Claim(doc=doc, kind=kind, subject=Concept(subject, subject_id), object=Concept(object_, object_id),
                      evidence=evidence, direction=direction, extractor="curator")
    except ValueError as err:
        raise CurationError(str(err)) from None
    if assignments:
        changes = {k: actions.normalise_value(k, v)
                   for k, v in actions.parse_assignments(claim, list(assignments)).items()}
        claim = actions.apply_changes(claim, changes)
    if any(c.iri == claim.iri for c in result.claims):
        raise CurationError("this claim already exists", where=claim.iri, hint="edit or accept it instead")
    append(log, actions.add(claim, curator, note=note))
    _done("added", claim.iri, log)


@curate.command("relink")
@click.argument("match")
@click.option("--label", required=True, help="Preferred label of the right entity.")
@click.option("--id", "concept_id", default=None, help="Its CURIE, e.g. MONDO:0018124.")
@click.option("--doc", default=None, help="Only in this document (default: the whole corpus).")
@click.option("--note", default=None)
@_common
def relink_cmd(match, label, concept_id, doc, note, store, log, curator):
    """Relink an entity (surface text, label or CURIE) everywhere in a document or the corpus."""
    result, _ = _state(store, log)
    from litkg.curate.apply import concept_matches

    hits = [c for c in result.claims if (not doc or c.doc == doc)
            and any(concept_matches(getattr(c, n), match) for n in ("subject", "object", "condition"))]
    append(log, actions.relink(match, label, concept_id, curator, doc=doc, note=note))
    click.echo(f"relinked {match!r} -> {label} ({concept_id or 'no id'}) in {len(hits)} claim(s)"
               + (f" of {doc}" if doc else "") + f" (logged to {log})")


@curate.command("orphans")
@click.argument("ref", required=False)
@click.option("--to", "target", default=None, help="Re-attach the orphan's curations to this claim.")
@click.option("--retire", is_flag=True, help="Drop the orphan's curations on purpose.")
@click.option("--note", default=None)
@_common
def orphans_cmd(ref, target, retire, note, store, log, curator):
    """List curations whose claim no longer exists; re-attach (--to) or retire (--retire) one."""
    result, _ = _state(store, log)
    grouped = result.orphan_claims()
    if not ref:
        if target or retire:
            raise CurationError("name the orphan to re-attach or retire", hint="litkg curate orphans HASH --to NEW")
        for iri, records in grouped.items():
            first = records[-1]
            ev = first.evidence or {}
            click.echo(f"{short_iri(iri)}  {first.doc}  [{ev.get('start')}:{ev.get('end')}]  "
                       f"{len(records)} record(s): {', '.join(r.action for r in records)}")
            click.echo(f"  \u00bb{ev.get('sentence', '')}\u00ab")
            candidates = [c for c in result.claims if c.doc == first.doc and ev
                          and c.evidence.start < ev.get("end", -1) and ev.get("start", 0) < c.evidence.end]
            for claim in candidates[:5]:
                click.echo(f"  candidate: {format_claim(claim)}")
        click.echo(f"{len(grouped)} orphaned claim(s)", err=True)
        return
    matches = [iri for iri in grouped if iri == ref or short_iri(iri, 64).startswith(ref.rsplit("/", 1)[-1])]
    if len(matches) != 1:
        raise CurationError(f"{'no' if not matches else 'ambiguous'} orphan {ref!r}", hint="see 'litkg curate orphans'")
    orphan = grouped[matches[0]][-1]
    if bool(target) == bool(retire):
        raise CurationError("give exactly one of --to NEW_IRI or --retire")
    if target:
        claim = find_claim(result.claims, target)
        append(log, actions.reattach(orphan, claim, curator, note=note))
        click.echo(f"re-attached {short_iri(orphan.claim)} -> {short_iri(claim.iri)} (logged to {log})")
    else:
        append(log, actions.retire(orphan, curator, note=note))
        click.echo(f"retired {short_iri(orphan.claim)} (logged to {log})")


COMMANDS = [curate]
