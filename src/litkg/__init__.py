"""litkg: a literature-evidence knowledge graph.

The library follows the pipeline: :mod:`litkg.ingest` (files -> Documents),
:mod:`litkg.extract` (spaCy pipeline -> Mentions and Claims), :mod:`litkg.rdf` (Claims -> RDF),
:mod:`litkg.store` (Oxigraph on disk), then :mod:`litkg.query`, :mod:`litkg.curate`,
:mod:`litkg.export`.  :mod:`litkg.cli` is a thin layer over these.
"""

__version__ = "0.1.0"
