"""CLI commands: build, query, export, validate.  Each parses options and calls the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from litkg.errors import QueryError
from litkg.paths import DEFAULT_STORE, corpus_dir

store_option = click.option("--store", "store_dir", type=click.Path(path_type=Path),
                            default=DEFAULT_STORE, show_default=True,
                            help="Store folder (an Oxigraph database per build).")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--curation-log", type=click.Path(path_type=Path), default=None,
              help="Curation log applied on top of extraction [default: corpus/curation.jsonl].")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation (faster; not for publishing).")
@click.option("--keep-going", is_flag=True,
              help="Publish even when SHACL validation reports violations (for curators).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(paths, store_dir, curation_log, no_validate, keep_going, quiet):
    """Build the evidence graph from PATHS (files or folders; default: corpus/)."""
    from litkg.build import build as run_build

    paths = list(paths) or [corpus_dir()]
    if curation_log is None:
        curation_log = corpus_dir() / "curation.jsonl"
    bar = _progress_bar(quiet)
    try:
        report = run_build(paths, store_dir, curation_log=curation_log, validate=not no_validate,
                           keep_going=keep_going, progress=(lambda _doc: bar.update(1)) if bar else None)
    finally:
        if bar:
            bar.close()
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for orphan in report.orphans:
        click.echo(orphan.describe(), err=True)
    click.echo(report.summary_text())


def _progress_bar(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(desc="documents", unit="doc", file=sys.stderr, leave=False)


@click.command()
@click.argument("name", required=False)
@click.option("--sparql", help="Inline SPARQL instead of a named query or file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a named query's parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@store_option
def query(name, sparql, params, fmt, list_queries, store_dir):
    """Run a named query (queries/NAME.rq), a .rq FILE, or --sparql TEXT."""
    from litkg.query import format_result, list_named_queries, load_named_query, run_query
    from litkg.store import open_store

    if list_queries:
        for named in list_named_queries():
            click.echo(f"{named.name:36} {named.question}")
        return
    if bool(name) == bool(sparql):
        raise QueryError("give either a query NAME/FILE or --sparql TEXT",
                         hint="`litkg query --list` shows the named queries")
    named = load_named_query(name) if name else sparql
    result = run_query(open_store(store_dir), named, _parse_params(params))
    click.echo(format_result(result, fmt))


def _parse_params(params) -> dict[str, str]:
    parsed = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {item!r} is not NAME=VALUE", hint="e.g. --param drug=cinacalcet")
        parsed[key.strip()] = value
    return parsed


@click.group()
def export():
    """Export claims, the RDF graph, or a graph for visualisation."""


@export.command("claims")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="File (default: stdout).")
@store_option
def export_claims(fmt, output, store_dir):
    """Every claim in the flat claims contract (after curation)."""
    from litkg.export.claims import read_claims, write_claims

    claims = read_claims(store_dir)
    if output is None:
        write_claims(claims, sys.stdout, fmt)
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        count = write_claims(claims, handle, fmt)
    click.echo(f"wrote {count} claims to {output}", err=True)


@export.command("rdf")
@click.option("--format", "fmt", type=click.Choice(["turtle", "nquads", "trig", "jsonld"]),
              default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@store_option
def export_rdf(fmt, output, store_dir):
    """Dump the store as RDF (TriG/N-Quads/JSON-LD keep the named graphs)."""
    from litkg.rdf.dump import dump
    from litkg.store import open_store

    dump(open_store(store_dir), fmt, output)
    click.echo(f"wrote {output}", err=True)


@export.command("graph")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "cytoscape", "html", "png", "dot"]),
              default="html", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--drug", default=None, help="Only claims whose subject label or id matches.")
@click.option("--doc", default=None, help="Only claims of this document id.")
@click.option("--kind", default=None, help="Only this claim kind (treatment, outcome, ...).")
@click.option("--curated-only", is_flag=True, help="Only claims a curator accepted, edited or added.")
@store_option
def export_graph(fmt, output, drug, doc, kind, curated_only, store_dir):
    """A drug/condition/analyte/target network for Gephi, Cytoscape or a browser."""
    from litkg.export.graph import evidence_graph, write_graph
    from litkg.store import open_store

    graph = evidence_graph(open_store(store_dir), drug=drug, doc=doc, kind=kind,
                           curated_only=curated_only)
    write_graph(graph, fmt, output)
    click.echo(f"wrote {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges to {output}",
               err=True)


@click.command()
@store_option
def validate(store_dir):
    """Check the live store against ontology/shapes.ttl (SHACL)."""
    from litkg.rdf.validate import validate as run_validate
    from litkg.store import open_store

    violations = run_validate(open_store(store_dir))
    for violation in violations:
        click.echo(str(violation))
    click.echo(f"{len(violations)} violation(s)")
    if violations:
        sys.exit(1)


COMMANDS = [build, query, export, validate]
