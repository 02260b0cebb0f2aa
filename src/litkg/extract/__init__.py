"""Extraction: a spaCy pipeline that finds entities and context, then claims.

See :func:`litkg.extract.pipeline.build_nlp` and :func:`litkg.extract.pipeline.extract_document`.
"""
