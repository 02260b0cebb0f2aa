"""Custom spaCy attributes shared by litkg's components.

Registered by an explicit call (``register_extensions()``), not as an import side effect, so the
order in which modules are imported never matters.  Calling it twice is harmless.

Span attributes (on ``doc.ents`` entries):
- ``concept_id``: CURIE or ``None`` when unknown (never a guess).
- ``concept_label``: preferred label of the concept (falls back to the surface text).
- ``negated`` / ``hedged``: set by the context component for the entity's sentence scope.
- ``source``: which recogniser found it ("lexicon", "ner", "abbreviation").
Doc attributes:
- ``litkg_document``: the :class:`litkg.models.Document` being processed (or ``None``).
- ``abbreviations``: dict short form -> (long form, concept id or None, label).
- ``offset_map``: callable mapping an offset in ``doc.text`` to one in the original document
  text (identity when the text was not normalised).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_SPAN = {"concept_id": None, "concept_label": None, "negated": False, "hedged": False,
         "source": None}
_DOC = {"litkg_document": None, "abbreviations": None, "offset_map": None}
_TOKEN = {"negated": False, "hedged": False}


def register_extensions() -> None:
    for name, default in _SPAN.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in _DOC.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _TOKEN.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)
