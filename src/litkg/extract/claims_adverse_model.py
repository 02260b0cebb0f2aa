"""A small (drug, condition) harm classifier: is this condition an adverse effect of this drug?

Complements the cue rules of :mod:`litkg.extract.claims_relations`, which miss long lists of
effects and unusual phrasings.  Binary logistic regression over sparse features of the pair in
its sentence: the words between the two entities, a few words either side, their order and
distance, entities in between, negation, the indication/case-framing patterns of the rules, and
the sentence's words.

Provenance: trained by ``scripts/train_adverse_model.py`` on the ADE corpus v2 (Gurulingappa
et al. 2012; DRUG-AE.rel and ADE-NEG.txt) sentences whose PMID is *not* divisible by 5; PMIDs
divisible by 5 are held out for ``litkg evaluate ade``.  Weights ship as
``litkg/data/adverse_model.json.gz``; without the file only the rules are used.
"""

import math
import re
from functools import lru_cache

from spacy.tokens import Span

from litkg.paths import read_data_json

MODEL_FILE = "adverse_model.json.gz"
_WORD = re.compile(r"[a-z]+|\d+")


def _words(span) -> list[str]:
    return ["<num>" if w[0].isdigit() else w for w in _WORD.findall(span.text.lower())]


def _bucket(n: int) -> str:
    return "0-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else ">20"


def pair_features(sent: Span, drug: Span, cond: Span, ents: list[Span]) -> list[str]:
    """Sparse features of a (drug, condition) pair in ``sent``."""
    from litkg.extract.claims_relations import _case_framing, _is_indication

    doc = sent.doc
    first, second = (drug, cond) if drug.start < cond.start else (cond, drug)
    between = doc[first.end:second.start]
    bw = _words(between)
    if len(bw) > 10:
        bw = bw[:5] + bw[-5:]
    feats = [f"B:{w}" for w in bw] + [f"BB:{a}_{b}" for a, b in zip(bw, bw[1:])]
    feats += [f"L:{w}" for w in _words(doc[max(sent.start, first.start - 3):first.start])]
    feats += [f"R:{w}" for w in _words(doc[second.end:min(sent.end, second.end + 3)])]
    order = "drug_first" if first is drug else "cond_first"
    feats += [f"ORD:{order}", f"DIST:{_bucket(len(between))}",
              f"ORDDIST:{order}_{_bucket(len(between))}"]
    inside = sum(1 for e in ents if e.start >= first.end and e.end <= second.start)
    feats.append(f"NENT:{min(inside, 3)}")
    others = sum(1 for e in ents if e.label_ == "DRUG" and e is not drug
                 and e.start >= first.end and e.end <= second.start)
    feats.append(f"NDRUG:{min(others, 2)}")
    if cond._.negated:
        feats.append("NEG:cond")
    if cond._.hedged:
        feats.append("HEDGE:cond")
    if _is_indication(doc, sent, cond):
        feats.append("IND")
    if _case_framing(doc, sent, cond, drug):
        feats.append("FRAME")
    feats += [f"S:{w}" for w in set(_words(sent))]
    feats += [f"C:{w}" for w in _words(cond)[-2:]]
    return feats + ["BIAS"]


@lru_cache(maxsize=1)
def load_model() -> dict | None:
    return read_data_json(MODEL_FILE)


def probability(sent: Span, drug: Span, cond: Span, ents: list[Span]) -> float | None:
    """P(condition is an adverse effect of drug), or ``None`` without an installed model."""
    model = load_model()
    if model is None:
        return None
    weights = model["weights"]
    z = sum(weights.get(f, 0.0) for f in pair_features(sent, drug, cond, ents))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
