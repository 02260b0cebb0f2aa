"""Entity recognition and grounding measured against a PubTator corpus (CDR, NCBI, BioRED).

Two scores, each as precision / recall / F1:

- *mention level*: exact character span and type, per type and micro-averaged overall (a lab
  analyte scored as a chemical starts after its specimen words: "serum creatinine" is scored as
  "creatinine", see :func:`chemical_start`);
- *document level concept ids*: the set of (type, id) pairs per document, ids compared as MeSH
  (litkg's MONDO / HPO / LOINC ids are mapped back through the lexicon's MeSH cross-references;
  genes as NCBI Gene ids).

Corpus types are mapped onto three scoring types: Chemical (litkg DRUG, and ANALYTEs that are
chemicals, i.e. have a MeSH cross-reference or a chemical flag), Disease (CONDITION, PHENOTYPE)
and Gene (TARGET).  Only the scoring types that the gold file annotates are scored, so a
disease-only corpus does not count drugs as false positives.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from litkg.errors import EvaluationError, IngestError
from litkg.evaluate.scores import Prf
from litkg.extract.lexicon import SPECIMEN_WORDS
from litkg.ingest.pubtator import read_pubtator

#: PubTator entity types -> scoring type.
GOLD_TYPES = {
    "Chemical": "Chemical", "ChemicalEntity": "Chemical", "Disease": "Disease",
    "DiseaseOrPhenotypicFeature": "Disease", "SpecificDisease": "Disease",
    "DiseaseClass": "Disease", "Modifier": "Disease", "CompositeMention": "Disease",
    "GeneOrGeneProduct": "Gene", "Gene": "Gene",
}


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    type: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class GoldDoc:
    pmid: str
    text: str
    mentions: tuple[GoldMention, ...]


def read_gold(path: Path | str) -> list[GoldDoc]:
    """A PubTator file's documents and mentions, read by :func:`litkg.ingest.pubtator.read_pubtator`
    (text = title + " " + abstract, the offsets' reference)."""
    path = Path(path)
    if not path.exists():
        raise EvaluationError("benchmark file not found", where=str(path),
                              hint="give the path of a PubTator file, e.g. CDR_DevelopmentSet.PubTator.txt")
    docs = []
    try:
        for rec in read_pubtator(path):
            mentions = tuple(GoldMention(m.start, m.end, m.text, m.type, tuple(m.ids))
                             for m in rec.mentions)
            docs.append(GoldDoc(str(rec.pmid), rec.text, mentions))
    except IngestError as exc:
        raise EvaluationError(exc.message, where=exc.where, hint=exc.hint) from exc
    return docs


def norm_gold_id(raw: str, kind: str) -> str | None:
    """CDR "D009270" -> "MESH:D009270"; "-1" -> None; genes -> "NCBIGene:N"."""
    raw = raw.strip()
    if not raw or raw == "-1" or raw == "-":
        return None
    if kind == "Gene":
        return f"NCBIGene:{raw}" if raw.isdigit() else raw
    if raw[0] in "CD" and raw[1:].isdigit():
        return f"MESH:{raw}"
    if raw.upper().startswith("MESH:"):
        return "MESH:" + raw.split(":", 1)[1]
    return raw


#: Scores here are never updated after they are computed; the shared class is used as is.
Score = Prf


@dataclass(frozen=True)
class NerReport:
    """Scores of one run: ``mention`` and ``concept`` map scoring type (and "overall") to a Score."""

    corpus: str
    documents: int
    mention: tuple[tuple[str, Score], ...]
    concept: tuple[tuple[str, Score], ...]

    def as_dict(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "documents": self.documents,
                "mention": {k: s.as_dict() for k, s in self.mention},
                "concept": {k: s.as_dict() for k, s in self.concept}}

    def as_table(self) -> str:
        lines = [f"{self.corpus}: {self.documents} documents",
                 f"{'level':<9} {'type':<9} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"]
        for level, scores in (("mention", self.mention), ("concept", self.concept)):
            for kind, s in scores:
                lines.append(f"{level:<9} {kind:<9} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                             f"{s.tp:6d} {s.fp:6d} {s.fn:6d}")
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2)


def _score(gold: dict[str, set], pred: dict[str, set], kinds: Iterable[str]) -> tuple[tuple[str, Score], ...]:
    rows, total = [], Counter()
    for kind in kinds:
        g, p = gold.get(kind, set()), pred.get(kind, set())
        s = Score(len(g & p), len(p - g), len(g - p))
        total.update({"tp": s.tp, "fp": s.fp, "fn": s.fn})
        rows.append((kind, s))
    rows.append(("overall", Score(total["tp"], total["fp"], total["fn"])))
    return tuple(rows)


def predicted_type(mention, lexicon) -> str | None:
    """Scoring type of a litkg mention (None: not scored, e.g. procedures, vital signs)."""
    label = mention.label
    if label == "DRUG":
        return "Chemical"
    if label in ("CONDITION", "PHENOTYPE"):
        return "Disease"
    if label == "TARGET":
        return "Gene"
    if label == "ANALYTE":
        if (mention.concept.id or "").startswith(("PR:", "UniProt:", "NCBIGene:")):
            return "Gene"  # a protein measured as a lab analyte (PTH): a gene product, not a chemical
        entry = lexicon.lookup(mention.text)
        if lexicon.mesh_of(mention.concept.id) or (entry is not None and "chem" in entry.flags):
            return "Chemical"
    return None


def chemical_start(mention) -> int:
    """Where the chemical of a lab-analyte mention starts: litkg's analyte spans name the lab
    test ("serum creatinine"), a chemical corpus annotates the chemical ("creatinine"), so the
    specimen words in front are not part of the chemical's span."""
    if mention.label != "ANALYTE":
        return mention.start
    words = mention.text.split(" ")
    skip = 0
    while len(words) > 1 and words[0].lower() in SPECIMEN_WORDS:
        skip += len(words.pop(0)) + 1
    return mention.start + skip


def evaluate_ner(path: Path, nlp=None, *, limit: int | None = None) -> NerReport:
    """Score litkg's entity stage on a PubTator file; ``nlp`` defaults to
    :func:`litkg.extract.entities.entity_nlp`."""
    from litkg.extract.entities import entity_nlp
    from litkg.extract.mentions import mentions_from_doc
    from litkg.extract.lexicon import load_lexicon

    docs = read_gold(path)
    if limit:
        docs = docs[:limit]
    if not docs:
        raise EvaluationError("no documents in benchmark file", where=str(path))
    if nlp is None:
        nlp = entity_nlp()
    lexicon = load_lexicon()
    gold_m: dict[str, set] = defaultdict(set)
    gold_c: dict[str, set] = defaultdict(set)
    pred_m: dict[str, set] = defaultdict(set)
    pred_c: dict[str, set] = defaultdict(set)
    kinds: set[str] = set()
    for doc in docs:
        for m in doc.mentions:
            kind = GOLD_TYPES.get(m.type)
            if kind is None:
                continue
            kinds.add(kind)
            gold_m[kind].add((doc.pmid, m.start, m.end))
            for raw in m.ids:
                cid = norm_gold_id(raw, kind)
                if cid:
                    gold_c[kind].add((doc.pmid, cid))
    for gold, sdoc in zip(docs, nlp.pipe(d.text for d in docs)):
        # a corpus without genes annotates the ligand inside a receptor's name as the chemical
        # ("dopamine" in "dopamine D2 receptor", CDR); one with genes annotates the receptor
        for m in mentions_from_doc(sdoc, ligands="Gene" not in kinds):
            kind = predicted_type(m, lexicon)
            if kind not in kinds:
                continue
            pred_m[kind].add((gold.pmid, chemical_start(m), m.end))
            cid = m.concept.id
            if kind != "Gene":
                cid = lexicon.mesh_of(cid)
            if cid:
                pred_c[kind].add((gold.pmid, cid))
    order = [k for k in ("Chemical", "Disease", "Gene") if k in kinds]
    return NerReport(Path(path).name, len(docs), _score(gold_m, pred_m, order),
                     _score(gold_c, pred_c, order))
