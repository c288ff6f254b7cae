"""Throughput of ingest + clean + analyze on Timeline17 articles, beside spaCy's parse alone.

The peer is the floor no analyzer can beat: the same spaCy pipeline parsing the same
cleaned texts with nothing else. The ratio says what storyline's own work costs.

Usage: python bench/analyze.py [--data DIR] [--articles N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from _t17 import DEFAULT_DATA, sample_paths
from storyline.analyze import analyze
from storyline.analyze.nlp import load_nlp
from storyline.clean import clean
from storyline.ingest import read
from storyline.settings import Settings

T = TypeVar("T")


def timed(step: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = step()
    return result, time.perf_counter() - start


def run(data: Path, count: int) -> dict[str, float]:
    """Time each stage on ``count`` articles, one process and all cores, and spaCy alone."""
    paths = sample_paths(data, count)
    load_nlp()  # model loading is start-up cost, not throughput
    ingested, t_ingest = timed(lambda: read(paths))
    cleaned, t_clean = timed(lambda: clean(ingested.articles))
    one = replace(Settings(), parallel_min_articles=10**9)
    analyzed, t_analyze = timed(lambda: list(analyze(cleaned, settings=one)))
    every = replace(Settings(), parallel_min_articles=1)
    _, t_parallel = timed(lambda: list(analyze(cleaned, settings=every)))
    texts = [c.text for c in cleaned]
    _, t_spacy = timed(lambda: list(load_nlp().pipe(texts, batch_size=16)))
    n = len(analyzed)
    serial = t_ingest + t_clean + t_analyze
    return {
        "articles": n,
        "workers": os.cpu_count() or 1,
        "words_per_article": sum(len(t.split()) for t in texts) / max(n, 1),
        "storyline_articles_per_s": n / serial,
        "storyline_parallel_articles_per_s": n / (t_ingest + t_clean + t_parallel),
        "spacy_parse_articles_per_s": n / t_spacy,
        "ingest_share": t_ingest / serial,
        "clean_share": t_clean / serial,
        "analyze_share": t_analyze / serial,
    }


def print_table(result: dict[str, float]) -> None:
    spacy_rate = result["spacy_parse_articles_per_s"]
    rows = [
        ("storyline ingest+clean+analyze, 1 process", result["storyline_articles_per_s"]),
        (
            f"storyline ingest+clean+analyze, {int(result['workers'])} workers",
            result["storyline_parallel_articles_per_s"],
        ),
        ("spaCy en_core_web_sm parse only, 1 process", spacy_rate),
    ]
    print(f"{int(result['articles'])} T17 articles, {result['words_per_article']:.0f} words each\n")
    print("| pipeline | articles/s | vs spaCy parse alone |")
    print("|---|---|---|")
    for name, rate in rows:
        print(f"| {name} | {rate:.1f} | {rate / spacy_rate:.2f}x |")
    print(
        f"\nshare of 1-process time: ingest {result['ingest_share']:.0%}, "
        f"clean {result['clean_share']:.0%}, analyze {result['analyze_share']:.0%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.data, args.articles)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
