"""The recognised entities of a spaCy Doc as :class:`~litkg.models.Mention` value objects.

Split from :mod:`litkg.extract.entities`: the entity component decides the spans (``doc.ents``
with their concept in ``Span._``), this module turns them into what the rest of litkg reads,
with offsets in the original document text.  Two kinds of mention are not spans of their own
and travel in ``doc.user_data`` under the keys below: the other concepts of a composite name
("protein C and S deficiency") and the chemicals inside a target named after its ligand
("histamine" in "histamine H2-receptors").
"""

from __future__ import annotations

from spacy.tokens import Doc

from litkg.extract.extensions import register_extensions
from litkg.models import ENTITY_LABELS, Concept, Mention

#: ``doc.user_data`` key prefix: (prefix, start char, end char) -> ((id, name), ...) of the other
#: concepts a composite mention names.
CONJUNCTS = "litkg_conjuncts"
#: ``doc.user_data`` key prefix: (prefix, start char, end char) of a target named after its
#: ligand -> ((start char, end char, label, id, name), ...) of the chemicals inside it
LIGANDS = "litkg_ligands"


def mentions_from_doc(doc: Doc, *, ligands: bool = False) -> list[Mention]:
    """The doc's entities as :class:`Mention` objects, offsets in the original document text
    when the doc carries an offset map (``Doc._.offset_map``) and the document.  ``ligands``:
    also the chemical inside a target named after it ("histamine" in "histamine H2-receptors"),
    which chemical-only corpora (CDR) annotate; litkg's own mentions name the target only."""
    register_extensions()
    offset_map = doc._.offset_map
    document = doc._.litkg_document
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end, text = ent.start_char, ent.end_char, ent.text
        if offset_map is not None:
            start, end = offset_map(ent.start_char), offset_map(ent.end_char - 1) + 1
            if document is not None:
                text = document.text[start:end]
        cid = ent._.concept_id
        label = ent._.concept_label or ent.text
        concept = Concept(label=label, id=cid, text=ent.text if ent.text != label else None)
        out.append(Mention(start=start, end=end, text=text, label=ent.label_, concept=concept,
                           source=ent._.source or "lexicon"))
        # a composite mention ("protein C and S deficiency") also names its other conjuncts
        for other_id, other_label in doc.user_data.get((CONJUNCTS, ent.start_char, ent.end_char), ()):
            concept = Concept(label=other_label, id=other_id, text=ent.text)
            out.append(Mention(start=start, end=end, text=text, label=ent.label_, concept=concept,
                               source=ent._.source or "lexicon"))
        if ligands:
            out += [_ligand_mention(doc, ligand)
                    for ligand in doc.user_data.get((LIGANDS, ent.start_char, ent.end_char), ())]
    return out


def _ligand_mention(doc: Doc, ligand: tuple) -> Mention:
    """The ligand recorded inside a target's name, as a mention (see :func:`mentions_from_doc`)."""
    start, end, label, cid, name = ligand
    text = doc.text[start:end]
    if doc._.offset_map is not None:
        start, end = doc._.offset_map(start), doc._.offset_map(end - 1) + 1
    concept = Concept(label=name, id=cid, text=text if text != name else None)
    return Mention(start=start, end=end, text=text, label=label, concept=concept, source="lexicon")
