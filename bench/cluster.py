"""Scale of the clustering step: articles per second, memory per article, cost growth.

The stream is synthetic repetition of real vectors: the clusterer features of the ECB+,
BASIL and Multi-News dev articles (names read by spaCy, cached with --cache), copied
over and over. Each copy moves every term and name to other hash buckets and dates 30
days later, so copies form new events (the index and the event list keep growing, as on
a real stream) instead of joining the first copy's events. Making each copy and
``OnlineClusterer.add`` are timed; each size runs in a fresh process so its peak memory
is its own. The batch
baseline (agglomerative clustering on TF-IDF, all pairs) runs beside it on the first
articles of the same stream, to show its growth.

Usage: python bench/cluster.py [--sizes 10000 100000] [--cache DIR] [--baseline 1000 4000]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from storyline.cluster import ArticleFeatures, OnlineClusterer
from storyline.cluster._features import TERM_BUCKETS
from storyline.evaluate._cluster_peers import agglomerative
from storyline.evaluate._event_sets import PARTS, SETS
from storyline.evaluate.clustering import DEFAULT_DATA, _text, read_features

# A prime stride moves a copy's terms to unrelated buckets.
BUCKET_STRIDE = 7_919
# Days between copies of the stream, beyond the clustering window.
COPY_DAYS = 30
# Distance threshold of the baseline (its tuned value on the dev sets is near this).
BASELINE_THRESHOLD = 0.8


def real_features(cache_dir: Path | None) -> tuple[list[ArticleFeatures], list[str]]:
    """Return every dev article's features and texts, the sets one after the other."""
    features: list[ArticleFeatures] = []
    texts: list[str] = []
    for name, reader in SETS.items():
        parts = reader(DEFAULT_DATA)
        built = read_features(name, parts, data_dir=DEFAULT_DATA, cache_dir=cache_dir)
        for part in PARTS:
            features.extend(built[part])
            texts.extend(_text(article) for article in parts[part])
    return features, texts


def synthetic_stream(real: list[ArticleFeatures], size: int) -> Iterator[ArticleFeatures]:
    """Repeat the real articles up to ``size``, each copy in buckets and days of its own.

    Copies are made as the clusterer asks for them, so the input does not count in the
    memory measured; making them is timed with the clustering (an upper bound on it).
    """
    for number in range(size):
        copy, article = divmod(number, len(real))
        yield _copy(real[article], copy)


def _copy(article: ArticleFeatures, copy: int) -> ArticleFeatures:
    if copy == 0:
        return article
    shift = copy * BUCKET_STRIDE
    terms = {(bucket + shift) % TERM_BUCKETS: n for bucket, n in article.terms.items()}
    names = {f"{name}#{copy}": n for name, n in article.names.items()}
    day = article.day + copy * COPY_DAYS if article.day is not None else None
    return replace(article, id=f"{article.id}#{copy}", terms=terms, names=names, day=day)


def measure(size: int, cache_dir: Path | None) -> dict[str, float]:
    """Cluster a stream of ``size`` articles; return its rate and memory (this process)."""
    real, _ = real_features(cache_dir)
    stream = synthetic_stream(real, size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clusterer = OnlineClusterer()
    start = time.perf_counter()
    for article in stream:
        clusterer.add(article)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": size,
        "events": len(clusterer.profiles),
        "seconds": round(seconds, 2),
        "articles_per_second": round(size / seconds),
        "kib_per_article": round((after - before) / size, 2),  # ru_maxrss is in KiB
    }


def measure_baseline(size: int, cache_dir: Path | None) -> dict[str, float]:
    """Time the agglomerative baseline (TF-IDF, all pairs) on the first ``size`` articles."""
    _, texts = real_features(cache_dir)
    chosen = (texts * math.ceil(size / len(texts)))[:size]
    start = time.perf_counter()
    agglomerative(chosen)(BASELINE_THRESHOLD)
    seconds = time.perf_counter() - start
    return {
        "articles": size,
        "seconds": round(seconds, 2),
        "articles_per_second": round(size / seconds),
    }


def _in_fresh_process(kind: str, size: int, cache_dir: Path | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", kind, str(size)]
    if cache_dir is not None:
        command += ["--cache", str(cache_dir)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().split("\n")[-1])
    return result


def exponent(rows: list[dict[str, float]]) -> float | None:
    """Return the slope of log time against log size between the smallest and largest run."""
    if len(rows) < 2:
        return None
    first, last = rows[0], rows[-1]
    return round(
        math.log(last["seconds"] / first["seconds"])
        / math.log(last["articles"] / first["articles"]),
        2,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--baseline", type=int, nargs="*", default=[1_000, 4_000])
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, size = args.one[0], int(args.one[1])
        run = measure if kind == "storyline" else measure_baseline
        print(json.dumps(run(size, args.cache)))
        return
    storyline = [_in_fresh_process("storyline", size, args.cache) for size in args.sizes]
    baseline = [_in_fresh_process("baseline", size, args.cache) for size in args.baseline]
    print("| system | articles | events | seconds | articles/s | KiB/article |")
    print("|---|---|---|---|---|---|")
    for row in storyline:
        print(
            f"| storyline online | {row['articles']:,} | {row['events']:,} | {row['seconds']} "
            f"| {row['articles_per_second']:,} | {row['kib_per_article']} |"
        )
    for row in baseline:
        print(
            f"| agglomerative (batch) | {row['articles']:,} | – | {row['seconds']} "
            f"| {row['articles_per_second']:,} | – |"
        )
    print(f"\ncost growth exponent: storyline {exponent(storyline)}, batch {exponent(baseline)}")


if __name__ == "__main__":
    main()
