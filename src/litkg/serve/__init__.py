"""litkg serve: a SPARQL endpoint over the store, the query page and evidence pages.

``make_server`` is the library entry point (``litkg serve`` wraps it)::

    server = make_server(Path(".litkg"), port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.url)
"""

from litkg.serve.server import LitkgServer, ServeContext, make_server

__all__ = ["LitkgServer", "ServeContext", "make_server"]
