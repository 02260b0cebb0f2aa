// The query page: pick a named research question or write SPARQL, run it, see a table.
// Results are rendered with DOM text nodes only (never innerHTML): values from the graph are
// untrusted text.
"use strict";

const CLAIM = "https://w3id.org/litkg/id/claim/";
const DOC = "https://w3id.org/litkg/id/doc/";
const SHORT = [
  ["https://w3id.org/litkg/ontology#", "litkg:"],
  ["http://purl.obolibrary.org/obo/", "obo:"],
  [CLAIM, "claim/"],
  [DOC, "doc/"],
];

let library = [];
let pristine = "";  // text of the selected named query, to know whether the user edited it

const $ = (id) => document.getElementById(id);

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function shorten(iri) {
  for (const [long, short] of SHORT) if (iri.startsWith(long)) return short + iri.slice(long.length);
  return iri;
}

function cell(term) {
  const td = el("td");
  if (!term) return td;
  if (term.type === "uri") {
    const v = term.value;
    if (v.startsWith(CLAIM) && !v.slice(CLAIM.length).includes("/")) {
      td.appendChild(el("a", { href: "/claim?iri=" + encodeURIComponent(v), class: "claim" }, shorten(v)));
    } else if (v.startsWith(DOC) && !v.slice(DOC.length).includes("/")) {
      td.appendChild(el("a", { href: "/doc/" + encodeURIComponent(v.slice(DOC.length)) }, shorten(v)));
    } else {
      td.appendChild(el("span", { title: v }, shorten(v)));
    }
  } else {
    td.textContent = term.value;
  }
  return td;
}

function showResults(data, truncated) {
  const box = $("results");
  box.replaceChildren();
  if (data.boolean !== undefined) {
    box.appendChild(el("p", {}, "ASK: " + data.boolean));
    return 1;
  }
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const table = el("table", { id: "result-table" });
  const head = el("tr");
  vars.forEach((v) => head.appendChild(el("th", {}, v)));
  table.appendChild(el("thead")).appendChild(head);
  const body = table.appendChild(el("tbody"));
  for (const row of rows) {
    const tr = el("tr", { class: "result-row" });
    vars.forEach((v) => tr.appendChild(cell(row[v])));
    body.appendChild(tr);
  }
  if (truncated) box.appendChild(el("p", { class: "warn" }, "Results were cut at the server's row limit (" + truncated + ")."));
  box.appendChild(table);
  return rows.length;
}

function currentRequest() {
  const name = $("named").value;
  const text = $("query").value;
  if (name && text === pristine) {
    const params = new URLSearchParams();
    document.querySelectorAll("#params input").forEach((input) => params.set(input.name, input.value));
    return { url: "/api/named/" + encodeURIComponent(name) + "?" + params, init: {} };
  }
  const body = new URLSearchParams({ query: text });
  return { url: "/sparql", init: { method: "POST", body }, csv: "/sparql?format=csv&query=" + encodeURIComponent(text) };
}

async function run() {
  const req = currentRequest();
  $("error").classList.add("hidden");
  $("status").textContent = "running…";
  const started = performance.now();
  try {
    const init = Object.assign({ headers: { Accept: "application/sparql-results+json" } }, req.init);
    const resp = await fetch(req.url, init);
    const ms = Math.round(performance.now() - started);
    if (!resp.ok) {
      $("results").replaceChildren();
      $("error").textContent = resp.status + " " + resp.statusText + "\n" + (await resp.text());
      $("error").classList.remove("hidden");
      $("status").textContent = "failed after " + ms + " ms";
      return;
    }
    const truncated = resp.headers.get("X-Litkg-Truncated");
    const n = showResults(await resp.json(), truncated);
    $("status").textContent = n + " row" + (n === 1 ? "" : "s") + " in " + ms + " ms";
    const csv = $("csv");
    if (req.csv) { csv.href = req.csv; csv.classList.remove("hidden"); } else { csv.classList.add("hidden"); }
  } catch (err) {
    $("error").textContent = String(err);
    $("error").classList.remove("hidden");
    $("status").textContent = "";
  }
}

function pick() {
  const q = library.find((item) => item.name === $("named").value);
  const params = $("params");
  params.replaceChildren();
  $("question").textContent = q ? q.question : "";
  if (!q) { pristine = ""; return; }
  for (const [name, value] of Object.entries(q.params)) {
    const id = "param-" + name;
    const wrap = el("div");
    wrap.appendChild(el("label", { for: id }, name));
    const input = el("input", { id, name, type: "text" });
    input.value = value;
    wrap.appendChild(input);
    params.appendChild(wrap);
  }
  $("query").value = q.text;
  pristine = q.text;
}

async function init() {
  $("run").addEventListener("click", run);
  document.addEventListener("keydown", (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") { ev.preventDefault(); run(); }
  });
  $("named").addEventListener("change", pick);
  const resp = await fetch("/api/queries");
  library = await resp.json();
  for (const q of library) {
    const opt = el("option", { value: q.name }, q.name + " — " + q.question);
    $("named").appendChild(opt);
  }
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", init);
