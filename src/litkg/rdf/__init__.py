"""Claims -> RDF: the ontology, the mapping to quads, SHACL validation, reasoning and dumps.

The shape of the graph is documented in ``docs/rdf-model.md``; modules:
:mod:`.namespaces` (IRIs and graph names), :mod:`.curies` (CURIE <-> IRI),
:mod:`.mapping` (Document + Claims -> pyoxigraph quads), :mod:`.validate` (pyshacl),
:mod:`.reason` (inferred types, HermiT consistency), :mod:`.dump` (Turtle/TriG/N-Quads/JSON-LD).
"""
