"""The curation web page: every path under ``/curate``.

The server (:mod:`litkg.serve.server`) calls :func:`handle` and sends back what it returns, so
this module has no HTTP machinery of its own and can be tested with any tiny server.

Pages: ``/curate`` (claims, filterable by doc/kind/status), ``/curate/claim?iri=`` (document
text with the evidence highlighted, an edit form, accept/reject/save, a form to add a claim the
machine missed in the same sentence, a form to relink a wrongly grounded entity in the document
or corpus, the history from the log), ``/curate/orphans``.  POST
``/curate/accept|reject|edit|add|relink`` append one record to the log and redirect (303), or
answer 403 when the server is read-only.

Everything that came from a curator or a document is HTML-escaped; the one inline script
carries a per-response nonce and the Content-Security-Policy allows nothing else.
"""

from __future__ import annotations

import html
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from litkg.curate import actions, find_claim, live_claims, short_iri
from litkg.curate.apply import concept_matches
from litkg.curate.log import REJECT_REASON_LABELS, REJECT_REASONS, CurationRecord, append
from litkg.errors import CurationError, LitkgError, StoreError
from litkg.models import CLAIM_KINDS, DIRECTIONS, STATUSES, Claim, Concept

Response = tuple[int, dict[str, str], bytes]

_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:70rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;
vertical-align:top}.doctext{white-space:pre-wrap;border:1px solid #ccc;padding:.8rem;max-height:22rem;
overflow:auto;font-family:Georgia,serif}mark{background:#ffe066;padding:0 .1rem}
.status-rejected{color:#a00}.status-accepted{color:#070}.status-edited,.status-added{color:#05a}
form.inline{display:inline-block;margin-right:1rem}.grid{display:grid;grid-template-columns:10rem 1fr;
gap:.3rem .8rem;align-items:center}.msg{background:#eef;padding:.5rem}.error{background:#fee;padding:.5rem}
kbd{border:1px solid #999;border-radius:3px;padding:0 .25rem;font-size:.85em}
"""

# a: accept, r: reject (choose a reason first, else the reason list gets focus), e: edit form.
_KEYS_JS = """
document.addEventListener('keydown', function (ev) {
  var t = ev.target.tagName;
  if (ev.altKey || ev.ctrlKey || ev.metaKey || t === 'INPUT' || t === 'SELECT' || t === 'TEXTAREA') return;
  if (ev.key === 'a') { ev.preventDefault(); document.getElementById('accept-form').requestSubmit(); }
  else if (ev.key === 'r') {
    ev.preventDefault();
    var reason = document.getElementById('reason');
    if (reason.value) document.getElementById('reject-form').requestSubmit(); else reason.focus();
  }
  else if (ev.key === 'e') { ev.preventDefault(); document.getElementById('f-direction').focus(); }
});
// Without a server-side curator, copy the name box into every form (and remember it).
var box = document.getElementById('curator-input');
if (box) {
  box.value = localStorage.getItem('litkg-curator') || '';
  document.addEventListener('submit', function (ev) {
    if (!box.value.trim()) { ev.preventDefault(); box.focus(); return; }
    localStorage.setItem('litkg-curator', box.value.trim());
    ev.target.querySelectorAll('input.curator').forEach(function (i) { i.value = box.value.trim(); });
  }, true);
}
var mark = document.getElementById('evidence'); if (mark) mark.scrollIntoView({block: 'center'});
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _page(title: str, body: str, *, status: int = 200, script: str = "") -> Response:
    nonce = secrets.token_urlsafe(12)
    tag = f'<script nonce="{nonce}">{script}</script>' if script else ""
    doc = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
           f'<style nonce="{nonce}">{_CSS}</style></head><body>'
           f'<nav><a href="/curate">claims</a> \u00b7 <a href="/curate/orphans">orphans</a></nav>'
           f'<h1>{_e(title)}</h1>{body}{tag}</body></html>')
    headers = {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
               "X-Content-Type-Options": "nosniff",
               "Content-Security-Policy": f"default-src 'none'; script-src 'nonce-{nonce}'; "
                                          f"style-src 'nonce-{nonce}'; form-action 'self'; base-uri 'none'"}
    return status, headers, doc.encode("utf-8")


def _error(status: int, message: str) -> Response:
    return _page({400: "Bad request", 403: "Read-only", 404: "Not found", 405: "Method not allowed",
                  503: "No build"}.get(status, "Error"), f'<p class="error">{_e(message)}</p>', status=status)


def _first(query: dict[str, list[str]], name: str, default: str = "") -> str:
    values = query.get(name) or [default]
    return values[0]


_POST_ROUTES = ("/curate/accept", "/curate/reject", "/curate/edit", "/curate/add", "/curate/relink")


def handle(method: str, path: str, query: dict[str, list[str]], body: bytes, ctx) -> Response:
    """Answer one request under ``/curate``: ``(status, headers, body)``."""
    route = path.rstrip("/") or "/"
    try:
        if method == "GET":
            if route == "/curate":
                return _list_page(query, ctx)
            if route == "/curate/claim":
                return _claim_page(query, ctx)
            if route == "/curate/orphans":
                return _orphans_page(ctx)
        elif method == "POST" and route in _POST_ROUTES:
            if getattr(ctx, "read_only", False):
                return _error(403, "This server is read-only: curation is switched off. "
                                   "Start it with `litkg serve --read-write` to curate.")
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            return _post(route.rsplit("/", 1)[-1], form, ctx)
        if route in ("/curate", "/curate/claim", "/curate/orphans") + _POST_ROUTES:
            return _error(405, f"{method} is not allowed on {path}")
        return _error(404, f"no curation page at {path}")
    except LitkgError as err:
        status = 503 if isinstance(err, StoreError) else 400
        return _error(status, str(err))


# --------------------------------------------------------------------------------------------
# Pages


def _status_span(claim: Claim) -> str:
    status = claim.curation.status
    return f'<span class="status-{_e(status)}">{_e(status)}</span>'


def _concept(concept) -> str:
    if concept is None:
        return ""
    return _e(concept.label) + (f" <small>({_e(concept.id)})</small>" if concept.id else "")


def _select(name: str, options, selected: str, *, blank: str | None = "any", attrs: str = "",
            id_: str | None = None) -> str:
    opts = [f'<option value="">{_e(blank)}</option>'] if blank is not None else []
    for value in options:
        label = REJECT_REASON_LABELS.get(value, value) if name == "reason" else value
        sel = " selected" if value == selected else ""
        opts.append(f'<option value="{_e(value)}"{sel}>{_e(label)}</option>')
    return f'<select name="{_e(name)}" id="{_e(id_ or name)}"{attrs}>{"".join(opts)}</select>'


def _list_page(query, ctx) -> Response:
    result, _, log_errors = live_claims(ctx.store_path, ctx.curation_log)
    doc, kind, status = _first(query, "doc"), _first(query, "kind"), _first(query, "status")
    docs = sorted({c.doc for c in result.claims})
    shown = [c for c in result.claims if (not doc or c.doc == doc) and (not kind or c.kind == kind)
             and (not status or c.curation.status == status)]
    rows = []
    for claim in shown:
        link = "/curate/claim?" + urlencode({"iri": claim.iri})
        values = " ".join(_e(v) for v in (claim.before, claim.after, claim.value, claim.unit) if v is not None)
        rows.append(f'<tr><td><a href="{_e(link)}"><code>{_e(short_iri(claim.iri))}</code></a></td>'
                    f'<td>{_e(claim.doc)}</td><td>{_e(claim.kind)}</td><td>{_concept(claim.subject)} \u2192 '
                    f'{_concept(claim.object)}</td><td>{_e(claim.direction or "")}</td><td>{values}</td>'
                    f'<td>{_status_span(claim)}</td></tr>')
    counts = ", ".join(f"{s}: {sum(c.curation.status == s for c in result.claims)}" for s in STATUSES)
    body = (f'<form method="get" action="/curate">doc {_select("doc", docs, doc)} kind '
            f'{_select("kind", CLAIM_KINDS, kind)} status {_select("status", STATUSES, status)} '
            f'<button type="submit">filter</button></form><p>{len(shown)} of {len(result.claims)} claims '
            f'({_e(counts)})' + (f'; <a href="/curate/orphans">{len(result.orphans)} orphaned record(s)</a>'
                                 if result.orphans else "") + "</p>"
            + _log_errors(log_errors)
            + '<table id="claims"><thead><tr><th>claim</th><th>doc</th><th>kind</th><th>subject \u2192 object'
              '</th><th>direction</th><th>values</th><th>status</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")
    return _page("Curation", body)


def _log_errors(errors) -> str:
    if not errors:
        return ""
    items = "".join(f"<li>{_e(err)}</li>" for err in errors)
    return f'<div class="error">Lines of the curation log that were skipped:<ul>{items}</ul></div>'


def _document_html(claim: Claim, corpus_dir: Path | None) -> str:
    """The document text with the evidence span in a ``<mark>``; the sentence alone if no text."""
    ev = claim.evidence
    text = None
    if corpus_dir is not None:
        path = Path(corpus_dir) / f"{claim.doc}.txt"
        if path.exists():
            text = path.read_text(encoding="utf-8", errors="replace")
    if text is not None:
        start, end = ev.start, ev.end
        if text[start:end] != ev.sentence:  # ingest may normalise text: fall back to searching
            found = text.find(ev.sentence)
            start, end = (found, found + len(ev.sentence)) if found >= 0 else (-1, -1)
        if start >= 0:
            return (f'<div class="doctext" id="doctext">{_e(text[:start])}<mark id="evidence">'
                    f'{_e(text[start:end])}</mark>{_e(text[end:])}</div>')
    return (f'<p><small>document text not available; evidence sentence:</small></p>'
            f'<div class="doctext"><mark id="evidence">{_e(ev.sentence)}</mark></div>')


def _field(label: str, name: str, value: Any, *, attrs: str = "", id_: str | None = None) -> str:
    id_ = id_ or f"f-{name}"  # two forms on one page each need their own ids
    return (f'<label for="{_e(id_)}">{_e(label)}</label><input id="{_e(id_)}" name="{_e(name)}" '
            f'value="{_e("" if value is None else value)}"{attrs}>')


def _fmt(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _edit_form(claim: Claim, curator_field: str) -> str:
    d = claim.as_dict()
    rows = [f'<label for="f-kind">kind</label>{_select("kind", CLAIM_KINDS, claim.kind, blank=None)}']
    for name in ("subject", "object", "condition"):
        concept = d.get(name) or {}
        rows.append(_field(f"{name} label", f"{name}.label", concept.get("label")))
        rows.append(_field(f"{name} id (CURIE)", f"{name}.id", concept.get("id")))
        rows.append(_field(f"{name} text as written", f"{name}.text", concept.get("text")))
    direction = _select("direction", DIRECTIONS, claim.direction or "", blank="(none)", id_="f-direction")
    rows.append(f'<label for="f-direction">direction</label>{direction}')
    for name in ("negated", "hedged"):
        checked = " checked" if getattr(claim, name) else ""
        rows.append(f'<label for="f-{name}">{name}</label><input type="checkbox" id="f-{name}" '
                    f'name="{name}" value="true"{checked}>')
    for name in ("value", "before", "after", "unit"):
        rows.append(_field(name, name, _fmt(getattr(claim, name))))
    stat = ", ".join(f"{k}={_fmt(v)}" for k, v in claim.statistic_items)
    rows.append(_field("statistic (name=value, ...)", "statistic", stat))
    for name in ("patient", "arm", "timepoint", "regimen"):
        rows.append(_field(name, name, getattr(claim, name)))
    rows.append(_field("evidence start", "evidence.start", claim.evidence.start))
    rows.append(_field("evidence end", "evidence.end", claim.evidence.end))
    rows.append(_field("note", "note", ""))
    return _claim_form("edit", claim, curator_field, rows,
                       '<button type="submit" accesskey="e" id="save">Save edit</button> <kbd>e</kbd> jumps here')


def _claim_form(action: str, claim: Claim, curator_field: str, rows: list[str], button: str) -> str:
    """A POST form about ``claim``: its IRI, the curator, the labelled fields in a grid."""
    return (f'<form method="post" action="/curate/{action}" id="{action}-form"><input type="hidden" '
            f'name="iri" value="{_e(claim.iri)}">{curator_field}<div class="grid">{"".join(rows)}</div>'
            f'<p>{button}</p></form>')


def _curator_field(ctx) -> str:
    """Hidden curator input for each form; without a server-side curator, the script fills it."""
    curator = getattr(ctx, "curator", None)
    return f'<input type="hidden" name="curator" class="curator" value="{_e(curator or "")}">'


def _curator_box(ctx) -> str:
    if getattr(ctx, "curator", None):
        return f'<p>curating as <b id="curator-name">{_e(ctx.curator)}</b></p>'
    return ('<p><label>your name <input id="curator-input" autocomplete="name" required></label> '
            '<small>(every record names its curator)</small></p>')


def _history(claim: Claim, records: list[CurationRecord]) -> str:
    rows = []
    for record in records:
        if record.action == "relink":
            entity = record.entity or {}
            if (record.doc and record.doc != claim.doc) or not any(
                    (getattr(claim, n) is not None and (concept_matches(getattr(claim, n), entity.get("match", ""))
                     or getattr(claim, n).label == entity.get("label")))
                    for n in ("subject", "object", "condition")):
                continue
            detail = f"{_e(entity.get('match'))} \u2192 {_e(entity.get('label'))} ({_e(entity.get('id'))})"
        elif claim.iri in (record.claim, record.target):
            parts = []
            if record.reason:
                parts.append(_e(REJECT_REASON_LABELS.get(record.reason, record.reason)))
            for name, change in (record.changes or {}).items():
                parts.append(f"{_e(name)}: {_e(change.get('old'))} \u2192 {_e(change.get('new'))}")
            if record.target and record.claim != claim.iri:
                parts.append(f"re-attached from {_e(short_iri(record.claim))}")
            detail = "; ".join(parts)
        else:
            continue
        rows.append(f'<tr><td>{_e(record.at)}</td><td>{_e(record.curator)}</td><td>{_e(record.action)}</td>'
                    f'<td>{detail}</td><td class="note">{_e(record.note)}</td></tr>')
    if not rows:
        return "<p>No curation yet: this claim is as the machine extracted it.</p>"
    return ('<table id="history"><thead><tr><th>when (UTC)</th><th>who</th><th>action</th><th>what</th>'
            '<th>note</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def _claim_page(query, ctx) -> Response:
    iri = _first(query, "iri")
    if not iri:
        return _error(400, "which claim? add ?iri=CLAIM_IRI")
    result, records, log_errors = live_claims(ctx.store_path, ctx.curation_log)
    claim = find_claim(result.claims, iri)
    done = _first(query, "done")
    msg = f'<p class="msg" id="msg">{_e(done)}.</p>' if done else ""
    curator_field = _curator_field(ctx)
    cur = claim.curation
    state = _status_span(claim) + (f" by {_e(cur.curator)} at {_e(cur.curated_at)}" if cur.curator else "")
    if cur.reason:
        state += f" \u2014 {_e(REJECT_REASON_LABELS.get(cur.reason, cur.reason))}"
    later = [c for c in result.claims if c.curation.status == "machine" and c.iri != claim.iri]
    next_link = (f' \u00b7 <a accesskey="n" href="/curate/claim?{_e(urlencode({"iri": later[0].iri}))}">next '
                 f'unreviewed claim</a>' if later else "")
    body = (msg + _log_errors(log_errors) + _curator_box(ctx)
            + f'<p><code>{_e(claim.iri)}</code> in <b>{_e(claim.doc)}</b>: {_e(claim.kind)} \u2014 '
              f'{_concept(claim.subject)} \u2192 {_concept(claim.object)} {_e(claim.direction or "")} '
              f'\u00b7 status <b id="status">{state}</b>{next_link}</p>'
            + _document_html(claim, getattr(ctx, "corpus_dir", None))
            + '<h2>Decide</h2>'
              f'<form class="inline" method="post" action="/curate/accept" id="accept-form">'
              f'<input type="hidden" name="iri" value="{_e(claim.iri)}">{curator_field}'
              '<button type="submit" accesskey="a" id="accept">Accept</button> <kbd>a</kbd></form>'
              f'<form class="inline" method="post" action="/curate/reject" id="reject-form">'
              f'<input type="hidden" name="iri" value="{_e(claim.iri)}">{curator_field}'
              + _select("reason", REJECT_REASONS, "", blank="reason\u2026", attrs=" required")
            + ' <input name="note" id="reject-note" placeholder="note (optional)"> '
              '<button type="submit" accesskey="r" id="reject">Reject</button> <kbd>r</kbd></form>'
              '<h2>Edit</h2>' + _edit_form(claim, curator_field)
            + '<h2>Add a claim from this sentence</h2>' + _add_form(claim, curator_field)
            + '<h2>Relink an entity</h2>' + _relink_form(claim, curator_field)
            + '<h2>History</h2>' + _history(claim, records))
    return _page(f"Claim {short_iri(claim.iri)}", body, script=_KEYS_JS)


def _add_form(claim: Claim, curator_field: str) -> str:
    """A claim the machine missed in this claim's sentence: same document and evidence span."""
    rows = [f'<label for="a-kind">kind</label>{_select("kind", CLAIM_KINDS, "", blank=None, id_="a-kind")}',
            _field("subject", "subject.label", "", attrs=" required", id_="a-subject"),
            _field("subject id", "subject.id", "", attrs=' placeholder="CURIE, optional"', id_="a-subject-id"),
            _field("object", "object.label", "", attrs=" required", id_="a-object"),
            _field("object id", "object.id", "", attrs=' placeholder="CURIE, optional"', id_="a-object-id"),
            f'<label for="a-direction">direction</label>'
            f'{_select("direction", DIRECTIONS, "", blank="(none)", id_="a-direction")}',
            _field("note", "note", "", id_="a-note")]
    return _claim_form("add", claim, curator_field, rows, '<button type="submit" id="add">Add claim</button>')


def _relink_form(claim: Claim, curator_field: str) -> str:
    """Every mention of a name gets another concept (a wrong or missing id)."""
    match = claim.subject.text or claim.subject.label
    rows = [_field("name in the text", "match", match, attrs=" required", id_="r-match"),
            _field("right label", "label", "", attrs=" required", id_="r-label"),
            _field("right id", "id", "", attrs=' placeholder="CURIE, or empty if unknown"', id_="r-id"),
            f'<label for="r-scope">where</label>'
            f'{_select("scope", ("document", "corpus"), "document", blank=None, id_="r-scope")}',
            _field("note", "note", "", id_="r-note")]
    return _claim_form("relink", claim, curator_field, rows, '<button type="submit" id="relink">Relink</button>')


def _orphans_page(ctx) -> Response:
    result, _, log_errors = live_claims(ctx.store_path, ctx.curation_log)
    items = []
    for iri, records in result.orphan_claims().items():
        last = records[-1]
        ev = last.evidence or {}
        items.append(f'<li><code>{_e(short_iri(iri))}</code> in {_e(last.doc)} [{_e(ev.get("start"))}:'
                     f'{_e(ev.get("end"))}]: {_e(", ".join(r.action + " by " + r.curator for r in records))}'
                     f'<blockquote>{_e(ev.get("sentence"))}</blockquote></li>')
    body = (_log_errors(log_errors) + "<p>Curations whose claim is no longer extracted. Re-attach or retire "
            "them with <code>litkg curate orphans HASH --to NEW | --retire</code>.</p>"
            + (f'<ul id="orphans">{"".join(items)}</ul>' if items else "<p>No orphans.</p>"))
    return _page("Orphaned curations", body)


# --------------------------------------------------------------------------------------------
# Actions


def _post(action: str, form: dict[str, list[str]], ctx) -> Response:
    curator = (getattr(ctx, "curator", None) or _first(form, "curator")).strip()
    if not curator:
        return _error(400, "Enter your name before curating: every record names its curator.")
    result, _, _ = live_claims(ctx.store_path, ctx.curation_log)
    claim = find_claim(result.claims, _first(form, "iri"))
    note = _first(form, "note").strip() or None
    target = claim
    if action == "add":
        record, target = _added(claim, form, curator, note, result.claims)
        done = "Added"
    elif action == "relink":
        record, done = _relinked(claim, form, curator, note), "Relinked"
    elif action == "accept":
        record, done = actions.accept(claim, curator, note=note), "Accepted"
    elif action == "reject":
        record, done = actions.reject(claim, curator, _first(form, "reason"), note=note), "Rejected"
    else:
        record, done = actions.edit(claim, curator, _form_changes(claim, form, ctx), note=note), "Saved"
    append(ctx.curation_log, record)
    location = "/curate/claim?" + urlencode({"iri": target.iri, "done": done})
    return 303, {"Location": location, "Content-Type": "text/plain; charset=utf-8",
                 "Cache-Control": "no-store"}, f"{done}; see {location}\n".encode("utf-8")


def _form_concept(form: dict[str, list[str]], name: str) -> Concept:
    label = _first(form, f"{name}.label").strip()
    if not label:
        raise CurationError(f"the new claim needs a {name}", hint="type its name as the text says it")
    return Concept(label, _first(form, f"{name}.id").strip() or None)


def _added(like: Claim, form: dict[str, list[str]], curator: str, note: str | None, claims):
    """The add record for a new claim on ``like``'s sentence, and the new claim."""
    direction = _first(form, "direction").strip() or None
    try:
        claim = Claim(doc=like.doc, kind=_first(form, "kind"), subject=_form_concept(form, "subject"),
                      object=_form_concept(form, "object"), evidence=like.evidence,
                      direction=direction, extractor="curator")
    except ValueError as err:  # unknown kind or direction, a malformed CURIE
        raise CurationError(str(err), hint="pick the kind and direction from the lists; ids are CURIEs") from None
    if any(c.iri == claim.iri for c in claims):
        raise CurationError("this claim already exists", where=claim.iri, hint="accept or edit it instead")
    return actions.add(claim, curator, note=note), claim


def _relinked(claim: Claim, form: dict[str, list[str]], curator: str, note: str | None):
    match, label = _first(form, "match").strip(), _first(form, "label").strip()
    if not match or not label:
        raise CurationError("relink needs the name as written and the right label")
    doc = claim.doc if _first(form, "scope", "document") == "document" else None
    return actions.relink(match, label, _first(form, "id").strip() or None, curator, doc=doc, note=note)


def _form_changes(claim: Claim, form: dict[str, list[str]], ctx) -> dict[str, Any]:
    """Whole-field new values from the edit form (``actions.edit`` drops the unchanged ones)."""
    changes: dict[str, Any] = {}
    for name in ("kind", "direction", "value", "before", "after", "unit", "statistic", "patient", "arm",
                 "timepoint", "regimen"):
        if name in form:
            changes[name] = _first(form, name).strip()
    for name in ("negated", "hedged"):
        changes[name] = _first(form, name) == "true"
    for name in ("subject", "object", "condition"):
        label = _first(form, f"{name}.label").strip()
        if not label:
            changes[name] = None
            continue
        text = _first(form, f"{name}.text").strip()
        concept = {"label": label, "id": _first(form, f"{name}.id").strip() or None}
        if text and text != label:
            concept["text"] = text
        changes[name] = concept
    try:
        start = int(_first(form, "evidence.start", str(claim.evidence.start)))
        end = int(_first(form, "evidence.end", str(claim.evidence.end)))
    except ValueError:
        raise CurationError("evidence start and end must be whole numbers") from None
    if (start, end) != (claim.evidence.start, claim.evidence.end):
        sentence = claim.evidence.sentence
        path = Path(getattr(ctx, "corpus_dir", None) or ".") / f"{claim.doc}.txt"
        if path.exists():
            sentence = path.read_text(encoding="utf-8", errors="replace")[start:end]
        changes["evidence"] = {**claim.evidence.as_dict(), "sentence": sentence, "start": start, "end": end}
    return changes
