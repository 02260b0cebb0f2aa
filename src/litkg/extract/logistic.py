"""The squashing functions of litkg's two shipped logistic-regression models, one definition for
run time (:mod:`litkg.extract.claims_direction`, :mod:`litkg.extract.claims_adverse_model`) and
the training scripts that fit them.  Pure Python: numpy is needed at training time only."""

import math


def sigmoid(z: float) -> float:
    """The logistic function, ``z`` clipped to [-30, 30] so ``exp`` never overflows."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def softmax(scores: list[float]) -> list[float]:
    """Class probabilities from class scores (shifted by the maximum for stability)."""
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return [e / total for e in exp]
