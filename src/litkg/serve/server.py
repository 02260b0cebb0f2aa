"""The litkg HTTP server: a SPARQL 1.1 Protocol endpoint over Oxigraph plus the web pages.

Routes::

    /sparql             SPARQL 1.1 Protocol (GET ?query=, POST form or application/sparql-query;
                        updates only with --read-write)
    /                   the query page (pages.py + static/)
    /api/queries        the named query library as JSON
    /api/named/<name>   run a named query with ?param=value (parameters bound as literals)
    /claim?iri=         one claim with its evidence highlighted
    /doc/<id>?start=&end=   a document's text with a span highlighted
    /static/<file>      bundled JS/CSS (nothing is loaded from the internet)
    /curate...          handed to litkg.serve.curation.handle

Queries go to pyoxigraph as strings (a pre-parsed rdflib query would fall back to rdflib's engine,
~1800x slower; see shared/notes/stack-facts.md).  Oxigraph has no query timeout, but it releases
the GIL while it evaluates, so each query runs in a worker thread that the request thread waits for
at most ``timeout_s``; on a timeout the client gets 503 at once and the worker stops at its next
result row (a long blocking step such as a big ORDER BY still finishes in the background).
Because such a step keeps its core busy after the client got its 503, at most ``max_queries``
queries may be running at once, abandoned ones included: a further query gets 503 with
Retry-After instead of piling more work onto the machine.
"""

from __future__ import annotations

import json
import re
import importlib
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from litkg.errors import LitkgError, QueryError
from litkg.paths import corpus_dir as default_corpus_dir
from litkg.store import live_path, open_store

#: Largest request body accepted (queries and form posts), in bytes.
MAX_BODY = 2 * 1024 * 1024
STATIC_DIR = Path(__file__).resolve().parent / "static"

_RESULT_TYPES = {  # media type -> pyoxigraph results format (SELECT / ASK)
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {  # media type -> RDF format (CONSTRUCT / DESCRIBE)
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
#: ?format= shortcuts (handy in a browser address bar and in curl).
_FORMAT_ALIASES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                   "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                   "ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
                   "rdfxml": "application/rdf+xml"}


class HttpError(Exception):
    """An error answer: status code and a plain-text message for the client."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class ServeContext:
    """What request handlers (ours and litkg.serve.curation) need to know about the server."""

    store_path: Path
    read_only: bool
    corpus_dir: Path
    timeout_s: float
    max_rows: int
    #: returns the open store (re-opened when a new build has been published)
    store: Callable[[], ox.Store] = None  # type: ignore[assignment]
    #: the curation log the /curate pages append to (default corpus/curation.jsonl)
    curation_log: Path | None = None
    #: who curates through this server; None: the page asks for a name
    curator: str | None = None
    #: running queries (timed-out ones until they really stop) hold one slot each
    query_slots: threading.BoundedSemaphore | None = None


class _StoreHolder:
    """Keeps the store open; in read-only mode follows the ``current`` symlink to new builds."""

    def __init__(self, store_path: Path, read_only: bool):
        self.store_path, self.read_only = store_path, read_only
        self._lock = threading.Lock()
        self._opened_from = live_path(store_path)  # StoreError when nothing was built
        self._store = open_store(store_path, read_only=read_only)

    def get(self) -> ox.Store:
        if not self.read_only:  # the writable store holds the lock: never re-open under it
            return self._store
        with self._lock:
            live = live_path(self.store_path)
            if live != self._opened_from:
                self._store = open_store(self.store_path, read_only=True)
                self._opened_from = live
            return self._store


# --------------------------------------------------------------------------------------------
# Query execution with limits


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def _term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def negotiate(accept: str | None, offered: dict[str, Any], default: str) -> str:
    """The offered media type the Accept header likes best (``default`` for */* or no match)."""
    best, best_q = default, -1.0
    for i, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media in offered:
            candidate = media
        elif media == "*/*":
            candidate = default
        elif media.endswith("/*"):
            same_family = [m for m in offered if m.startswith(media[:-1])]
            if not same_family:
                continue
            candidate = default if default in same_family else same_family[0]
        else:
            continue
        # Earlier entries win ties (clients list their preference first).
        if q > best_q:
            best, best_q = candidate, q
    return best


def _take(results, max_rows: int, cancelled: threading.Event) -> tuple[list, bool] | None:
    """Up to ``max_rows`` solutions or triples and whether more were cut; ``None`` when the
    query was cancelled meanwhile (checked per row: Oxigraph evaluates lazily)."""
    items = []
    for item in results:
        if cancelled.is_set():
            return None
        if len(items) == max_rows:
            return items, True
        items.append(item)
    return items, False


def execute(store: ox.Store, query: str, *, accept: str | None, timeout_s: float, max_rows: int,
            default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None,
            slots: threading.BoundedSemaphore | None = None) -> Answer:
    """Run one SPARQL query with the time and size limits, serialised as negotiated.

    ``slots`` caps concurrent queries: the worker holds a slot until it has really finished,
    also after its client was answered 503 for the time limit."""
    from litkg.query import DEFAULT_PREFIXES

    kwargs: dict[str, Any] = {"prefixes": DEFAULT_PREFIXES}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]

    cancelled = threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            result = store.query(query, **kwargs)
            if isinstance(result, ox.QueryBoolean):
                outcome["ask"] = bool(result)
                return
            taken = _take(result, max_rows, cancelled)
            if taken is None:
                return  # the client already got its 503
            items, truncated = taken
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                rows = [{v: _term_json(s[v]) for v in variables if s[v] is not None} for s in items]
                outcome["select"] = ({"head": {"vars": variables}, "results": {"bindings": rows}}, truncated)
            else:
                outcome["graph"] = (items, truncated)
        except BaseException as err:  # handed to the request thread
            outcome["error"] = err
        finally:
            if slots is not None:
                slots.release()

    if slots is not None and not slots.acquire(blocking=False):
        raise HttpError(503, "too many queries are running (some may be finishing after their time "
                             "limit); retry in a few seconds, or restart the server with a larger "
                             "--max-queries", headers={"Retry-After": "5"})
    worker = threading.Thread(target=work, name="litkg-query", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        cancelled.set()
        raise HttpError(503, f"query exceeded the time limit of {timeout_s:g} s "
                             "(narrow it, add LIMIT, or restart the server with a larger --timeout)")
    if "error" in outcome:
        err = outcome["error"]
        if isinstance(err, SyntaxError):
            raise HttpError(400, f"SPARQL syntax error: {err}")
        if isinstance(err, (ValueError, RuntimeError, TypeError)):
            raise HttpError(400, f"query could not be evaluated: {err}")
        raise HttpError(500, f"query failed: {err}")

    headers: dict[str, str] = {}
    if "graph" in outcome:
        triples, truncated = outcome["graph"]
        media = negotiate(accept, _GRAPH_TYPES, "text/turtle")
        fmt = _GRAPH_TYPES[media]
        body = ox.serialize(triples, format=fmt,
                            prefixes=DEFAULT_PREFIXES if fmt == ox.RdfFormat.TURTLE else None)
        count = len(triples)
    else:
        media = negotiate(accept, _RESULT_TYPES, "application/sparql-results+json")
        fmt = _RESULT_TYPES[media]
        if "ask" in outcome:
            truncated, count = False, 1
            if fmt in (ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV):
                media, fmt = "application/sparql-results+json", ox.QueryResultsFormat.JSON
            doc = {"head": {}, "boolean": outcome["ask"]}
        else:
            doc, truncated = outcome["select"]
            count = len(doc["results"]["bindings"])
        body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if fmt != ox.QueryResultsFormat.JSON:
            # We build JSON ourselves (to stop at max_rows) and let Oxigraph's own serialisers
            # write XML/CSV/TSV from it, so those formats follow the W3C specs exactly.
            body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=fmt)
    if truncated:
        headers["X-Litkg-Truncated"] = f"true; limit={max_rows}"
    headers["X-Litkg-Result-Count"] = str(count)
    charset = "; charset=utf-8" if media.startswith(("text/", "application/sparql-results", "application/json")) else ""
    headers["Content-Type"] = media + charset
    return Answer(200, headers, body)


def named_query_answer(ctx: ServeContext, name: str, params: dict[str, str], accept: str | None) -> Answer:
    """Run a named query from the library with its parameters bound as literals."""
    from litkg.query import load_named_query

    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise HttpError(404, f"no named query {name!r}")
    try:
        named = load_named_query(name)
    except QueryError as err:
        raise HttpError(404, str(err)) from err
    # The same binding as `litkg query` (a VALUES block of literals; QueryError -> 400).
    from litkg.query import bind_params

    text = bind_params(named, params)
    return execute(ctx.store(), text, accept=accept, timeout_s=ctx.timeout_s, max_rows=ctx.max_rows,
                   slots=ctx.query_slots)


# --------------------------------------------------------------------------------------------
# HTTP


class LitkgServer(ThreadingHTTPServer):
    daemon_threads = True
    # Several servers (tests, two `litkg serve`) must not silently share a port.
    allow_reuse_address = False

    def __init__(self, address, ctx: ServeContext, verbose: bool = False):
        self.ctx = ctx
        self.verbose = verbose
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}"


class _Handler(BaseHTTPRequestHandler):
    server: LitkgServer
    server_version = "litkg"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        try:
            answer = self._route(method)
        except HttpError as err:
            answer = _text(err.status, err.message)
            answer.headers.update(err.headers)
        except LitkgError as err:
            answer = _text(400 if isinstance(err, QueryError) else 500, str(err))
        except Exception as err:  # last resort: a message, never a stack trace to the client
            answer = _text(500, f"internal error: {type(err).__name__}: {err}")
        self.send_response(answer.status)
        for key, value in answer.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(answer.body)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise HttpError(413, f"request body larger than {MAX_BODY} bytes")
        return self.rfile.read(length) if length else b""

    def _route(self, method: str) -> Answer:
        from litkg.serve import pages

        ctx = self.server.ctx
        url = urlsplit(self.path)
        path = unquote(url.path)
        query = parse_qs(url.query, keep_blank_values=True)
        body = self._body() if method == "POST" else b""
        first = {k: v[-1] for k, v in query.items()}

        if path == "/sparql":
            return self._sparql(method, query, body)
        if path == "/curate" or path.startswith("/curate/"):
            return _curation(method, path, query, body, ctx)
        if method != "GET":
            raise HttpError(405, f"{method} is not allowed on {path}")
        if path == "/":
            return _html(pages.index_page())
        if path == "/api/queries":
            return Answer(200, {"Content-Type": "application/json; charset=utf-8"},
                          json.dumps(pages.query_library(), ensure_ascii=False).encode("utf-8"))
        if path.startswith("/api/named/"):
            return named_query_answer(ctx, path[len("/api/named/"):], first, self.headers.get("Accept"))
        if path == "/claim":
            return _html(pages.claim_page(ctx.store(), first.get("iri", "")))
        if path.startswith("/doc/"):
            return _html(pages.doc_page(ctx.store(), path[len("/doc/"):], first.get("start"),
                                        first.get("end"), corpus=ctx.corpus_dir))
        if path.startswith("/static/"):
            return _static(path[len("/static/"):])
        raise HttpError(404, f"nothing at {path}")

    def _sparql(self, method: str, query: dict[str, list[str]], body: bytes) -> Answer:
        ctx = self.server.ctx
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = {k: list(v) for k, v in query.items()}
        text = update = None
        if method == "POST":
            if ctype == "application/x-www-form-urlencoded":
                for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                text = body.decode("utf-8")
            elif ctype == "application/sparql-update":
                update = body.decode("utf-8")
            else:
                raise HttpError(415, "POST a form (application/x-www-form-urlencoded), "
                                     "application/sparql-query or application/sparql-update")
        elif "update" in params:
            raise HttpError(405, "SPARQL Update must be POSTed")
        if text is None and "query" in params:
            text = params["query"][-1]
        if update is None and "update" in params:
            update = params["update"][-1]
        if update is not None:
            if ctx.read_only:
                raise HttpError(403, "this server is read-only: SPARQL Update is refused "
                                     "(restart with `litkg serve --read-write` to allow it)")
            try:
                ctx.store().update(update)
            except SyntaxError as err:
                raise HttpError(400, f"SPARQL syntax error: {err}") from err
            return _text(200, "update applied")
        if not text:
            raise HttpError(400, "no query: pass ?query=... (GET) or POST a query")
        accept = self.headers.get("Accept")
        if "format" in params and params["format"][-1] in _FORMAT_ALIASES:
            accept = _FORMAT_ALIASES[params["format"][-1]]
        return execute(ctx.store(), text, accept=accept, timeout_s=ctx.timeout_s, max_rows=ctx.max_rows,
                       default_graphs=params.get("default-graph-uri"),
                       named_graphs=params.get("named-graph-uri"), slots=ctx.query_slots)


def _text(status: int, message: str) -> Answer:
    return Answer(status, {"Content-Type": "text/plain; charset=utf-8"}, (message + "\n").encode("utf-8"))


def _html(page: str, status: int = 200) -> Answer:
    return Answer(status, {"Content-Type": "text/html; charset=utf-8",
                           # The pages load only our own scripts and styles.
                           "Content-Security-Policy": "default-src 'self'; style-src 'self'; img-src 'self' data:"},
                  page.encode("utf-8"))


def _static(name: str) -> Answer:
    # Only plain file names that exist in static/: no path traversal.
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name) or not (STATIC_DIR / name).is_file():
        raise HttpError(404, f"no static file {name!r}")
    types = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
    media = types.get(Path(name).suffix, "application/octet-stream")
    return Answer(200, {"Content-Type": f"{media}; charset=utf-8", "Cache-Control": "no-cache"},
                  (STATIC_DIR / name).read_bytes())


def _curation(method: str, path: str, query: dict[str, list[str]], body: bytes, ctx: ServeContext) -> Answer:
    # import_module (not `from litkg.serve import curation`) so the module registry is the
    # single source of truth, which is also what lets tests stand in a stub handler.
    curation = importlib.import_module("litkg.serve.curation")
    status, headers, payload = curation.handle(method, path, query, body, ctx)
    return Answer(int(status), dict(headers), payload)


def make_server(store_path: Path, host: str = "127.0.0.1", port: int = 0, read_only: bool = True,
                timeout_s: float = 30.0, max_rows: int = 10000, *, corpus_dir: Path | None = None,
                curation_log: Path | None = None, curator: str | None = None,
                verbose: bool = False, max_queries: int = 4) -> LitkgServer:
    """A server bound to ``host:port`` (0 picks a free port); call ``serve_forever()`` to run it."""
    if timeout_s <= 0 or max_rows <= 0 or max_queries <= 0:
        raise QueryError("the time limit, the row limit and the number of concurrent queries "
                         "must be positive", hint="e.g. --timeout 30 --max-rows 10000 --max-queries 4")
    holder = _StoreHolder(Path(store_path), read_only)
    corpus = Path(corpus_dir) if corpus_dir else default_corpus_dir()
    ctx = ServeContext(store_path=Path(store_path), read_only=read_only, corpus_dir=corpus,
                       timeout_s=timeout_s, max_rows=max_rows, store=holder.get,
                       curation_log=Path(curation_log) if curation_log else corpus / "curation.jsonl",
                       curator=curator, query_slots=threading.BoundedSemaphore(max_queries))
    try:
        return LitkgServer((host, port), ctx, verbose=verbose)
    except OSError as err:
        raise LitkgError(f"cannot listen on {host}:{port}: {err}", where=f"{host}:{port}",
                         hint="choose another --port, or stop the process that uses it") from err
