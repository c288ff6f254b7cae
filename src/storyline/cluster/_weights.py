"""TF-IDF weights from document frequencies counted as the stream goes.

A batch TF-IDF (scikit-learn's ``TfidfTransformer``) needs every document before it
weighs one; online, each article is weighed by the frequencies seen up to and including
itself, with scikit-learn's smoothed formula ``idf = ln((1 + n) / (1 + df)) + 1`` and a
sublinear term frequency ``1 + ln(tf)`` (Manning et al. 2008, §6.4.1). Counts live in
fixed arrays over hash buckets, so memory does not grow with the vocabulary.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from sklearn.utils import murmurhash3_32

# Hash buckets for names (people, organisations, places); fewer distinct names than words.
NAME_BUCKETS = 2**18
Vector = dict[int, float]


class OnlineIdf:
    """Document frequencies over hash buckets, updated one document at a time.

    Not a dataclass: it owns a large mutable array and is updated in place.
    """

    def __init__(self, buckets: int) -> None:
        self.documents = 0
        self.frequencies: npt.NDArray[np.int64] = np.zeros(buckets, dtype=np.int64)

    def observe(self, buckets: list[int]) -> None:
        """Count one document holding ``buckets`` (each once)."""
        self.documents += 1
        if buckets:
            self.frequencies[np.asarray(buckets, dtype=np.int64)] += 1

    def weigh(self, counts: dict[int, int]) -> Vector:
        """Return the unit-length TF-IDF vector of ``counts`` (empty for no counts)."""
        if not counts:
            return {}
        buckets = sorted(counts)
        df = self.frequencies[np.asarray(buckets, dtype=np.int64)]
        idf = np.log((1.0 + self.documents) / (1.0 + df)) + 1.0
        tf = 1.0 + np.log(np.asarray([counts[b] for b in buckets], dtype=np.float64))
        weights = tf * idf
        norm = float(np.linalg.norm(weights))
        return {b: float(w) / norm for b, w in zip(buckets, weights, strict=True)}


def name_buckets(names: dict[str, int]) -> dict[int, int]:
    """Hash folded names to buckets with a stable hash (Python's own is salted per run)."""
    counts: dict[int, int] = {}
    for name, count in names.items():
        bucket = murmurhash3_32(name, positive=True) % NAME_BUCKETS
        counts[bucket] = counts.get(bucket, 0) + count
    return counts


def cosine(vector: Vector, profile: Vector, profile_norm: float) -> float:
    """Return the cosine of a unit vector and an (unnormalised) profile."""
    if not vector or not profile or profile_norm == 0.0:
        return 0.0
    small, large = (vector, profile) if len(vector) <= len(profile) else (profile, vector)
    dot = sum(weight * large.get(bucket, 0.0) for bucket, weight in small.items())
    return dot / profile_norm


def norm(profile: Vector) -> float:
    """Return the Euclidean length of a profile."""
    return math.sqrt(sum(weight * weight for weight in profile.values()))


def heaviest(vector: Vector, count: int) -> list[int]:
    """Return the buckets of the ``count`` largest weights (ties: lower bucket first)."""
    ranked = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
    return [bucket for bucket, _ in ranked[:count]]
