"""The batch baseline and the streaming peer that `evaluate clustering` runs beside storyline.

- Batch baseline: agglomerative clustering (average link) of TF-IDF vectors by cosine
  distance, with scikit-learn; it sees the whole part at once, and its distance
  threshold is tuned on the part tuned on.
- Streaming peer: textClust (Carnein et al. 2017; Assenmacher & Trautmann 2022) as the
  ``river`` package ships it (``pip install 'storyline[peers]'``); its radius is tuned
  the same way. Absent when river is not installed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

from storyline.evaluate._partition import partition_scores

# Thresholds tried when tuning a peer: cosine distances (baseline) or radii (textClust).
THRESHOLD_GRID = tuple(round(0.05 * step, 2) for step in range(2, 20))
# textClust forgets micro-clusters slowly: a benchmark part is a few hundred articles.
TEXTCLUST_FADING = 0.0005
# Outlier clean-up every this many articles (textClust's own default).
TEXTCLUST_GAP = 100

Labeller = Callable[[float], list[str]]


def agglomerative(texts: Sequence[str]) -> Labeller:
    """Return a labeller that groups ``texts`` by average link at a given cosine distance."""
    distances = cosine_distances(TfidfVectorizer(sublinear_tf=True).fit_transform(texts))

    def labels(threshold: float) -> list[str]:
        if len(texts) < 2:
            return ["0"] * len(texts)
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
        )
        return [str(label) for label in model.fit_predict(distances)]

    return labels


def textclust_available() -> bool:
    """Tell whether the river package (textClust) is installed."""
    return importlib.util.find_spec("river") is not None


def textclust(texts: Sequence[str]) -> Labeller:
    """Return a labeller that streams ``texts`` through river's textClust with a radius."""
    from river import cluster, feature_extraction

    # English stop words (the sets are English): without them textClust's distances are
    # dominated by function words and it lumps everything together.
    words = feature_extraction.BagOfWords(lowercase=True, stop_words=set(ENGLISH_STOP_WORDS))
    bags = [words.transform_one(text) for text in texts]  # type: ignore[no-untyped-call]

    def labels(threshold: float) -> list[str]:
        model = cluster.TextClust(  # type: ignore[no-untyped-call]
            radius=threshold,
            fading_factor=TEXTCLUST_FADING,
            tgap=TEXTCLUST_GAP,
            real_time_fading=False,
            auto_r=False,
        )
        found = []
        for number, bag in enumerate(bags):
            model.learn_one(bag)  # type: ignore[no-untyped-call]
            # The micro-cluster the article joined, read as it arrives (as storyline's are);
            # an article textClust places nowhere (None) is a group of its own.
            micro = model.predict_one(bag)  # type: ignore[no-untyped-call]
            found.append(f"micro-{micro}" if micro is not None else f"alone-{number}")
        return found

    return labels


def tuned_threshold(labeller: Labeller, gold: Sequence[str]) -> float:
    """Return the grid threshold with the best B-cubed F1 (ties: the smaller threshold)."""
    best, best_f1 = THRESHOLD_GRID[0], -1.0
    for threshold in THRESHOLD_GRID:
        f1 = partition_scores(gold, labeller(threshold))["bcubed"]["f1"]
        if f1 > best_f1:
            best, best_f1 = threshold, f1
    return best
