"""BioCreative V CDR: document-level chemical-induced-disease (CID) pairs by MeSH id.

An ``adverse_effect`` claim that is not negated counts as a CID positive for its
(subject MeSH, object MeSH) pair.  Two entity modes:

- ``entities="gold"``: the corpus' own chemical/disease mentions become ``doc.ents`` (DRUG /
  CONDITION with ``MESH:`` ids).  This isolates the claim stage (relation extraction given
  entities), the usual CDR relation setting.
- ``entities="pipeline"``: litkg's full pipeline; predicted ids are mapped to MeSH through the
  lexicon's cross-references (:meth:`litkg.extract.lexicon.Lexicon.mesh_of`).

Gold CID pairs are document level and many span sentences, so sentence claims have a recall
ceiling well below 1; that is reported, not hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litkg.errors import EvaluationError
from litkg.evaluate.claims import annotated_doc
from litkg.evaluate.scores import Prf
from litkg.models import Document

_LABEL = {"Chemical": "DRUG", "Disease": "CONDITION"}


@dataclass
class CdrReport:
    file: str
    documents: int
    entities: str
    pairs: Prf
    examples_fp: list = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "documents": self.documents, "entities": self.entities,
                "cid_pairs": self.pairs.as_dict(), "false_positive_examples": self.examples_fp}

    def as_table(self) -> str:
        p = self.pairs
        return (f"CDR {self.file} ({self.documents} documents, {self.entities} entities)\n"
                f"CID pairs  tp={p.tp} fp={p.fp} fn={p.fn}  P={p.precision:.3f} "
                f"R={p.recall:.3f} F1={p.f1:.3f}")


def read_relations(path: Path) -> dict[str, set[tuple[str, str]]]:
    rels: dict[str, set[tuple[str, str]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[1] == "CID":
                rels.setdefault(parts[0], set()).add((f"MESH:{parts[2]}", f"MESH:{parts[3]}"))
    return rels


def _mesh(cid: str | None, lexicon) -> str | None:
    if not cid:
        return None
    if cid.upper().startswith("MESH:"):
        return "MESH:" + cid.split(":", 1)[1]
    return lexicon.mesh_of(cid) if lexicon is not None else None


def evaluate_cdr(path: Path | str, *, entities: str = "gold", limit: int | None = None) -> CdrReport:
    """CID pair precision/recall/F1 of litkg's adverse-effect claims on a CDR PubTator file."""
    from litkg.evaluate.ner import norm_gold_id, read_gold

    path = Path(path)
    if entities not in ("gold", "pipeline"):
        raise EvaluationError(f"unknown entity mode {entities!r}", hint="use 'gold' or 'pipeline'")
    docs = read_gold(path)[:limit] if limit else read_gold(path)
    if not docs:
        raise EvaluationError("no documents in benchmark file", where=str(path))
    gold = read_relations(path)
    lexicon = None
    if entities == "pipeline":
        from litkg.extract.lexicon import load_lexicon
        from litkg.extract.pipeline import extract_document, shared_nlp

        lexicon, nlp = load_lexicon(), shared_nlp()
    from litkg.extract.claims import extract_claims

    score, fps = Prf(), []
    for gdoc in docs:
        document = Document(id=gdoc.pmid, text=gdoc.text)
        if entities == "gold":
            spans = []
            for m in gdoc.mentions:
                if m.type in _LABEL:
                    ids = [norm_gold_id(i, m.type) for i in m.ids]
                    spans.append((m.start, m.end, _LABEL[m.type], next((i for i in ids if i), None)))
            claims = extract_claims(annotated_doc(gdoc.text, spans), document)
        else:
            claims = list(extract_document(document, nlp).claims)
        predicted = set()
        for c in claims:
            if c.kind == "adverse_effect" and not c.negated:
                pair = (_mesh(c.subject.id, lexicon), _mesh(c.object.id, lexicon))
                if all(pair):
                    predicted.add(pair)
        truth = gold.get(gdoc.pmid, set())
        score.tp += len(predicted & truth)
        score.fp += len(predicted - truth)
        score.fn += len(truth - predicted)
        if len(fps) < 20:
            fps += [(gdoc.pmid, *p) for p in sorted(predicted - truth)][:2]
    return CdrReport(path.name, len(docs), entities, score, fps)
