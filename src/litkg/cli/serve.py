"""CLI commands: serve (owned by the serve work; attached in litkg.cli)."""

from __future__ import annotations

from pathlib import Path

import click

from litkg.paths import DEFAULT_STORE


@click.command()
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=DEFAULT_STORE,
              show_default=True, help="Store folder (built by `litkg build`).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; the default only accepts connections from this machine.")
@click.option("--port", type=int, default=7878, show_default=True, help="Port (0 picks a free one).")
@click.option("--read-write", is_flag=True,
              help="Accept SPARQL Update and curation posts (both refused by default).")
@click.option("--timeout", "timeout_s", type=float, default=30.0, show_default=True,
              help="Time limit of one query, in seconds.")
@click.option("--max-rows", type=int, default=10000, show_default=True,
              help="Rows (or triples) returned at most; more are cut and flagged.")
@click.option("--max-queries", type=int, default=4, show_default=True,
              help="Queries running at once (timed-out ones count until they stop); more get 503.")
@click.option("--curation-log", type=click.Path(path_type=Path), default=None,
              help="Curation log the /curate pages append to [default: corpus/curation.jsonl].")
@click.option("--curator", default=None, help="Name recorded on curations made through the pages "
                                              "(default: each page asks).")
@click.option("--verbose", is_flag=True, help="Log every request to stderr.")
def serve(store_dir: Path, host: str, port: int, read_write: bool, timeout_s: float, max_rows: int,
          max_queries: int, curation_log: Path | None, curator: str | None, verbose: bool) -> None:
    """Serve the graph: SPARQL endpoint at /sparql, query page at /."""
    from litkg.serve.server import make_server

    server = make_server(store_dir, host=host, port=port, read_only=not read_write,
                         timeout_s=timeout_s, max_rows=max_rows, curation_log=curation_log,
                         curator=curator, verbose=verbose, max_queries=max_queries)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other machines can reach this server", err=True)
    mode = "read-write" if read_write else "read-only"
    click.echo(f"litkg serving {store_dir} ({mode}) at {server.url}/  (SPARQL: {server.url}/sparql)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.server_close()


COMMANDS: list = [serve]
