"""Exports: the flat claims table (:mod:`litkg.export.claims`), visual graphs
(:mod:`litkg.export.graph`), and RDF dumps (:mod:`litkg.rdf.dump`)."""
