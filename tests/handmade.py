"""Docs built by hand for component tests, as spaCy's own tests do: a blank English pipeline,
sentence boundaries, and the entities the test names, so a test reads one component alone."""

from __future__ import annotations

import spacy

from litkg.extract.extensions import register_extensions


def doc_with_ents(text: str, ents=(), *, pipes=("sentencizer",), concept_labels: bool = False):
    """``text`` as a Doc through ``pipes`` (factory names, run in order) with ``ents`` set:
    (phrase, label) or (phrase, label, concept id) in order of appearance.  With
    ``concept_labels`` each entity's concept label is its lower-cased phrase."""
    register_extensions()
    nlp = spacy.blank("en")
    for name in pipes:
        nlp.add_pipe(name)
    doc = nlp.make_doc(text)
    if "sentencizer" in pipes:
        doc = nlp.get_pipe("sentencizer")(doc)
    spans, at = [], 0
    for phrase, label, *cid in ents:
        start = text.index(phrase, at)
        at = start + len(phrase)
        span = doc.char_span(start, at, label=label)
        span._.concept_id = cid[0] if cid else None
        if concept_labels:
            span._.concept_label = phrase.lower()
        spans.append(span)
    doc.ents = spans
    for name in pipes:
        if name != "sentencizer":
            doc = nlp.get_pipe(name)(doc)
    return doc


def annotated(text: str, ents, title: str | None = None):
    """``text`` as a Doc of the claims stage with ``ents`` ((phrase, label) pairs, each the
    first occurrence of its phrase), and its :class:`Document` (with ``title`` if given)."""
    from litkg.evaluate.claims import annotated_doc
    from litkg.models import Document, DocumentMetadata

    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        spans.append((start, start + len(phrase), label, None))
    document = Document(id="t", text=text, metadata=DocumentMetadata(title=title))
    return annotated_doc(text, spans), document


def claims_of(text: str, ents, title: str | None = None):
    """The claims of ``text`` with the entities ``ents`` (see :func:`annotated`)."""
    from litkg.extract.claims import extract_claims

    return extract_claims(*annotated(text, ents, title))
