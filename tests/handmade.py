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


def hand_claims(text, ents, doc_id="t1", offset_map=None, original=None, title=None):
    """The claims :func:`litkg.extract.claims.extract_claims` makes of ``text`` with ``ents``:
    (phrase, label[, occurrence]) tuples, each entity's concept label its lower-cased phrase;
    sentences from spaCy's sentencizer, context from ``litkg_context``."""
    from litkg.extract.claims import extract_claims
    from litkg.extract.context import make_context  # noqa: F401 (registers litkg_context)
    from litkg.models import Document, DocumentMetadata

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("litkg_context")
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    spans = []
    for phrase, label, *nth in ents:
        start = -1
        for _ in range((nth[0] if nth else 0) + 1):
            start = text.index(phrase, start + 1)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
    doc.ents = spans
    for e in doc.ents:
        e._.concept_label = e.text.lower()
    doc = nlp.get_pipe("litkg_context")(doc)
    doc._.offset_map = offset_map
    return extract_claims(doc, Document(id=doc_id, text=original or text,
                                        metadata=DocumentMetadata(title=title)))


def find_claim(claims, kind, obj, subject=None):
    """The first claim of ``kind`` on ``obj`` (and ``subject``); fails the test when none."""
    found = [c for c in claims if c.kind == kind and c.object.label == obj
             and (subject is None or c.subject.label == subject)]
    assert found, f"no {kind} claim on {obj!r} in {[(c.kind, c.subject.label, c.object.label) for c in claims]}"
    return found[0]
