"""Clustering benchmark: articles grouped into events, storyline beside a batch baseline and
a streaming peer.

Data: ../shared/data/events/ (ECB+ and BASIL dev, see its PROVENANCE.md) and the 250
Multi-News dev clusters. Each set is split into a part tuned on and a part held out
(see ``_event_sets``); each part is one stream. storyline groups it online with its
default settings (tuned on the tune parts only); the agglomerative baseline and river's
textClust get their threshold tuned on the tune part of the same set, then run on both
parts. Names for storyline come from spaCy's entity recogniser (the analyze stage's
model), cached with ``--cache``. Scores: B-cubed and pairwise precision/recall/F1.

Usage: storyline evaluate clustering [--data DIR] [--sets NAME…] [--cache DIR] [--json]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyline.analyze.nlp import load_nlp
from storyline.cluster import OnlineClusterer, features_from
from storyline.cluster._features import NAME_LABELS, ArticleFeatures
from storyline.evaluate._cache import ANALYSIS_STAGES, cache_path, cached
from storyline.evaluate._cluster_peers import (
    Labeller,
    agglomerative,
    textclust,
    textclust_available,
    tuned_threshold,
)
from storyline.evaluate._event_sets import PARTS, SETS, GoldArticle, Stream
from storyline.evaluate._partition import partition_scores
from storyline.settings import Settings

# Articles per spaCy batch when reading names for the benchmark.
NER_BATCH = 16
# Default data folder, relative to the working directory (the repository's checkout).
DEFAULT_DATA = Path("../shared/data")
# Settings reported with the result, so a table says which values produced it.
CLUSTER_SETTINGS = (
    "cluster_similarity",
    "cluster_entity_weight",
    "cluster_window_days",
    "cluster_time_penalty",
    "cluster_max_candidates",
    "cluster_max_postings",
    "cluster_key_terms",
    "cluster_centroid_terms",
)


def evaluate_clustering(
    data_dir: Path = DEFAULT_DATA,
    *,
    sets: Sequence[str] | None = None,
    cache_dir: Path | None = None,
    settings: Settings | None = None,
    peers: bool = True,
) -> dict[str, Any]:
    """Score storyline, the batch baseline and textClust on each set's two parts."""
    settings = settings or Settings()
    result: dict[str, Any] = {
        "settings": {name: getattr(settings, name) for name in CLUSTER_SETTINGS},
        "textclust": "river" if textclust_available() else "absent: pip install 'storyline[peers]'",
        "sets": {},
    }
    for name in sets or list(SETS):
        parts = SETS[name](data_dir)
        features = read_features(name, parts, data_dir=data_dir, cache_dir=cache_dir)
        result["sets"][name] = _score_set(parts, features, settings, peers=peers)
    return result


def read_features(
    name: str, parts: dict[str, Stream], *, data_dir: Path, cache_dir: Path | None
) -> dict[str, list[ArticleFeatures]]:
    """Build each part's clusterer features, names read by spaCy (cached in ``cache_dir``)."""
    cache = cache_path(
        cache_dir, data_dir / name, f"clustering-names-{name}", stages=ANALYSIS_STAGES
    )
    articles = [article for part in PARTS for article in parts[part]]
    names = cached(cache, lambda: _names(articles))
    return {
        part: [
            features_from(a.id, _text(a), names=names[a.id], published=a.published) for a in stream
        ]
        for part, stream in parts.items()
    }


def cluster_labels(features: Sequence[ArticleFeatures], settings: Settings) -> list[str]:
    """Stream the features through storyline's clusterer; return each article's event id."""
    clusterer = OnlineClusterer(settings)
    return [clusterer.add(article) for article in features]


def _score_set(
    parts: dict[str, Stream],
    features: dict[str, list[ArticleFeatures]],
    settings: Settings,
    *,
    peers: bool,
) -> dict[str, Any]:
    gold = {part: [a.event for a in stream] for part, stream in parts.items()}
    scores: dict[str, Any] = {
        "storyline": {
            part: partition_scores(gold[part], cluster_labels(features[part], settings))
            for part in PARTS
        }
    }
    if peers:
        texts = {part: [_text(a) for a in stream] for part, stream in parts.items()}
        scores["baseline_agglomerative"] = _tuned_peer(agglomerative, texts, gold)
        if textclust_available():
            scores["textclust"] = _tuned_peer(textclust, texts, gold)
    return scores


def _tuned_peer(
    make: Any, texts: dict[str, list[str]], gold: dict[str, list[str]]
) -> dict[str, Any]:
    """Tune a peer's threshold on the tune part, then score it on both parts."""
    labellers: dict[str, Labeller] = {part: make(texts[part]) for part in PARTS}
    threshold = tuned_threshold(labellers["tune"], gold["tune"])
    scored: dict[str, Any] = {"threshold": threshold}
    for part in PARTS:
        scored[part] = partition_scores(gold[part], labellers[part](threshold))
    return scored


def _names(articles: Sequence[GoldArticle]) -> dict[str, tuple[str, ...]]:
    """Read the names (actors, places) spaCy's entity recogniser finds in each article."""
    nlp = load_nlp()
    names: dict[str, tuple[str, ...]] = {}
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        docs = nlp.pipe((_text(a) for a in articles), batch_size=NER_BATCH)
        for article, doc in zip(articles, docs, strict=True):
            names[article.id] = tuple(e.text for e in doc.ents if e.label_ in NAME_LABELS)
    return names


def _text(article: GoldArticle) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text
