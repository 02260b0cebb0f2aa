"""Named research questions (``queries/*.rq``) and ad-hoc SPARQL over the store.

A named query is a ``.rq`` file whose header comment documents it::

    # Question: Outcomes where analyte A fell but analyte B was unchanged ...
    # @param a = ^(PTH|parathyroid hormone)$     regex over the analyte label
    # @param b = ^calcium$
    # Example output: ...

Parameters are bound as RDF literals in a ``VALUES`` block placed first in the ``WHERE`` group
(so FILTERs see them), serialised by Oxigraph's own N-Triples escaping: a parameter value is
always one literal and cannot change the query's structure.  (Oxigraph's SEP-0007
``substitutions`` would be neater but only binds variables that are projected.)
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pyoxigraph as ox

from litkg.errors import QueryError
from litkg.paths import queries_dir

_PARAM = re.compile(r"^#\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")
_QUESTION = re.compile(r"^#\s*Question:\s*(.*)$", re.IGNORECASE)
#: Prefixes every query may use without declaring them.
DEFAULT_PREFIXES = {
    "litkg": "https://w3id.org/litkg/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "obo": "http://purl.obolibrary.org/obo/",
}


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path | None
    text: str
    question: str = ""
    #: parameter name -> default value ("" when the parameter is required)
    params: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, *, name: str = "inline", path: Path | None = None) -> "NamedQuery":
        params: dict[str, str] = {}
        question = ""
        for line in text.splitlines():
            if not line.startswith("#"):
                continue
            if m := _PARAM.match(line):
                # A default may be followed by two+ spaces and a description.
                params[m.group(1)] = re.split(r"\s{2,}", m.group(2), maxsplit=1)[0]
            elif m := _QUESTION.match(line):
                question = m.group(1).strip()
        return cls(name=name, path=path, text=text, question=question, params=params)


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT (or the boolean of an ASK) with values as plain Python strings."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    boolean: bool | None = None

    def as_dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]


def list_named_queries(directory: Path | None = None) -> list[NamedQuery]:
    directory = directory or queries_dir()
    return [load_named_query(p.stem, directory) for p in sorted(directory.glob("*.rq"))]


def load_named_query(name_or_path: str | Path, directory: Path | None = None) -> NamedQuery:
    """A query by name (``pth-fell-ca-unchanged``) or by ``.rq`` file path."""
    directory = directory or queries_dir()
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" and candidate.exists():
        path = candidate
    else:
        path = directory / f"{name_or_path}.rq"
        if not path.exists():
            known = ", ".join(p.stem for p in sorted(directory.glob("*.rq"))) or "none"
            raise QueryError(f"no named query {str(name_or_path)!r}", where=str(directory),
                             hint=f"known queries: {known}; or pass a .rq file or --sparql TEXT")
    return NamedQuery.from_text(path.read_text(encoding="utf-8"), name=path.stem, path=path)


def run_query(store: ox.Store, query: NamedQuery | str,
              params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a SELECT or ASK query (the union of named graphs is the default graph)."""
    named = query if isinstance(query, NamedQuery) else NamedQuery.from_text(query)
    text = bind_params(named, params or {})
    try:
        result = store.query(text, use_default_graph_as_union=True, prefixes=DEFAULT_PREFIXES)
    except SyntaxError as err:
        raise QueryError(f"SPARQL does not parse: {err}", where=str(named.path or named.name),
                         hint="check the query syntax at the line/column given") from err
    if isinstance(result, (bool, ox.QueryBoolean)):
        return QueryResult(variables=(), rows=(), boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_plain(solution[v]) for v in variables) for solution in result)
        return QueryResult(variables=variables, rows=rows)
    # CONSTRUCT / DESCRIBE: one row per triple.
    rows = tuple((str(t.subject), str(t.predicate), str(t.object)) for t in result)
    return QueryResult(variables=("subject", "predicate", "object"), rows=rows)


def bind_params(named: NamedQuery, params: Mapping[str, str] | None = None) -> str:
    """The query text with its parameters (given, else defaults) bound in a VALUES block."""
    return _with_values(named.text, _bindings(named, params or {}))


def _bindings(named: NamedQuery, params: Mapping[str, str]) -> dict[ox.Variable, ox.Literal]:
    unknown = set(params) - set(named.params)
    if unknown:
        raise QueryError(f"unknown parameter(s) {', '.join(sorted(unknown))}",
                         where=named.name,
                         hint=f"this query takes: {', '.join(named.params) or 'no parameters'}")
    values = {**named.params, **params}
    missing = [k for k, v in values.items() if v == ""]
    if missing:
        raise QueryError(f"missing parameter(s) {', '.join(missing)}", where=named.name,
                         hint="pass them as --param NAME=VALUE")
    return {ox.Variable(k): ox.Literal(v) for k, v in values.items()}


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def _with_values(text: str, bindings: Mapping[ox.Variable, ox.Literal]) -> str:
    if not bindings:
        return text
    body = re.sub(r"(?m)^\s*#.*$", lambda m: " " * len(m.group(0)), text)  # keep offsets
    match = _WHERE.search(body) or re.search(r"\{", body)
    if match is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(str(v) for v in bindings)
    values = " ".join(str(v) for v in bindings.values())
    return f"{text[:match.end()]} VALUES ({names}) {{ ({values}) }} {text[match.end():]}"


def _plain(term: Any) -> str | None:
    if term is None:
        return None
    return term.value if hasattr(term, "value") else str(term)


# --------------------------------------------------------------------------------------------
# Output formats


def format_result(result: QueryResult, fmt: str = "table", *, width: int = 160) -> str:
    if result.boolean is not None:
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if fmt == "json":
        return json.dumps({"head": {"vars": list(result.variables)},
                           "results": {"bindings": [
                               {k: {"type": "literal", "value": v} for k, v in row.items() if v is not None}
                               for row in result.as_dicts()]}}, indent=2, ensure_ascii=False)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            # TSV is for spreadsheets: a line break inside a cell (PDF-wrapped evidence) would
            # split the row, so whitespace runs become one space.  CSV quotes and keeps them.
            writer.writerow(["" if v is None else (" ".join(v.split()) if fmt == "tsv" else v)
                             for v in row])
        return out.getvalue()
    if fmt == "table":
        return _table(result, width)
    raise QueryError(f"unknown format {fmt!r}", hint="use table, csv, tsv or json")


def _table(result: QueryResult, width: int) -> str:
    """A readable text table; long cells (evidence sentences) wrap inside their column."""
    if not result.rows:
        return "(no results)"
    headers = list(result.variables)
    cells = [[_short(v) for v in row] for row in result.rows]
    natural = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    widths = list(natural)
    budget = max(width - 3 * (len(headers) - 1), 20 * len(headers))
    while sum(widths) > budget:  # shrink the widest column until the table fits
        i = widths.index(max(widths))
        widths[i] = max(12, widths[i] - 4)
        if all(w == 12 for w in widths):
            break
    lines = [" | ".join(h.ljust(w) for h, w in zip(headers, widths)),
             "-+-".join("-" * w for w in widths)]
    for row in cells:
        wrapped = [textwrap.wrap(v, w) or [""] for v, w in zip(row, widths)]
        for k in range(max(len(c) for c in wrapped)):
            lines.append(" | ".join((c[k] if k < len(c) else "").ljust(w)
                                    for c, w in zip(wrapped, widths)).rstrip())
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)


def _short(value: str | None) -> str:
    if value is None:
        return ""
    value = " ".join(value.split())
    for prefix in ("https://w3id.org/litkg/id/claim/", "https://w3id.org/litkg/id/doc/"):
        if value.startswith(prefix):
            return value[len(prefix):]
    return value
