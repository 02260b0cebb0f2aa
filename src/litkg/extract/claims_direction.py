"""A small direction classifier for comparative result sentences (RCT-style reporting).

"X significantly reduced Y compared with placebo", "Y did not differ between groups",
"Y was higher in the X arm (p<0.01)": the rule cues of :mod:`litkg.extract.claims` read
case reports well but not these comparisons.  This is a multinomial logistic regression over
word unigrams and bigrams (numbers folded to ``<num>``) predicting increased / decreased /
unchanged for the clause around an outcome.

Provenance: trained by ``scripts/train_direction_model.py`` on the evidence spans and majority
labels of the Evidence Inference 2.0 *train* split (github jayded/evidence-inference, MIT);
the validation split is kept for measurement.  The weights ship as
``litkg/data/direction_model.json.gz``; if the file is absent the classifier is simply not used.
"""

import math
import re
from functools import lru_cache

from litkg.paths import read_data_json

MODEL_FILE = "direction_model.json.gz"
CLASSES = ("increased", "decreased", "unchanged")
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[<>=≤≥]")
#: Words that make a sentence a comparison between arms or time points.
COMPARATIVE = re.compile(
    r"\b(significant\w*|p\s*[<=>≤≥]|compared|versus|vs\.?|than|differ\w*|group|groups|arm|"
    r"placebo|control|baseline|between)\b", re.I)


def features(text: str) -> list[str]:
    """Unigrams and bigrams of lower-cased words, numbers folded to ``<num>``."""
    words = ["<num>" if w[0].isdigit() else w for w in _TOKEN.findall(text.lower())]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]


@lru_cache(maxsize=1)
def load_model() -> dict | None:
    model = read_data_json(MODEL_FILE)
    if model is None:
        return None
    model["index"] = {f: i for i, f in enumerate(model["features"])}
    return model


def predict(text: str) -> tuple[str, float] | None:
    """(direction, probability) for ``text``, or ``None`` when no model is installed."""
    model = load_model()
    if model is None:
        return None
    index, weights, bias = model["index"], model["weights"], model["bias"]
    scores = list(bias)
    for f in set(features(text)):
        i = index.get(f)
        if i is not None:
            for c in range(len(CLASSES)):
                scores[c] += weights[c][i]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    best = max(range(len(CLASSES)), key=lambda c: exp[c])
    return CLASSES[best], exp[best] / sum(exp)


_FLIP = {"increased": "decreased", "decreased": "increased"}
_COMPARATOR_WORDS = re.compile(r"\b(placebo|control|sham|vehicle|usual care|standard care|"
                               r"comparator)\b", re.I)


def arm_order(direction: str | None, sent, start: int, drug, ents) -> str | None:
    """Direction for ``drug`` in "Y was lower in <comparator> than in <drug>": a comparative
    whose first arm (between the comparative word and "than") is the comparator and whose
    second arm is the drug states the drug's effect with the opposite sign.  ``start`` is the
    token where the claim's clause begins (its cue or object)."""
    if direction not in _FLIP or drug is None:
        return direction
    doc = sent.doc
    than = next((t.i for t in doc[start:min(sent.end, start + 20)] if t.lower_ == "than"), None)
    if than is None or not (than < drug.start < than + 10):
        return direction
    comp = next((t.i for t in reversed(doc[start:than]) if _COMPARATIVE_WORD.match(t.lower_)), None)
    if comp is None:
        return direction
    first_arm = doc[comp + 1:than]
    other = any(e is not drug and e.label_ in ("DRUG", "PROCEDURE")
                and first_arm.start <= e.start < than for e in ents)
    if other or _COMPARATOR_WORDS.search(first_arm.text):
        return _FLIP[direction]
    return direction


_COMPARATIVE_WORD = re.compile(r"^(higher|lower|greater|smaller|more|less|fewer|larger|longer|"
                               r"shorter|faster|slower|increased|decreased|reduced|elevated)$")
