"""Throughput of ingest + clean + analyze on Timeline17 articles, beside spaCy's parse alone.

The peer is the floor no analyzer can beat: the same spaCy pipeline parsing the same
cleaned texts with nothing else. The ratio says what storyline's own work costs.

Usage: python bench/analyze.py [--data DIR] [--articles N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from storyline.analyze import analyze
from storyline.analyze.nlp import load_nlp
from storyline.clean import clean
from storyline.ingest import read

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeline17"


def sample_paths(data: Path, count: int) -> list[str]:
    """A fixed random sample of non-empty T17 article files."""
    paths = sorted(p for p in data.glob("*/InputDocs/*/*.txt") if p.stat().st_size > 0)
    return sorted(str(p) for p in random.Random(17).sample(paths, min(count, len(paths))))


def timed(step: object) -> tuple[object, float]:
    start = time.perf_counter()
    result = step() if callable(step) else step
    return result, time.perf_counter() - start


def run(data: Path, count: int) -> dict[str, float]:
    """Time each stage on ``count`` articles and spaCy alone on the same texts."""
    paths = sample_paths(data, count)
    load_nlp()  # model loading is start-up cost, not throughput
    ingested, t_ingest = timed(lambda: read(paths))
    cleaned, t_clean = timed(lambda: clean(ingested.articles))  # type: ignore[attr-defined]
    analyzed, t_analyze = timed(lambda: list(analyze(cleaned)))  # type: ignore[arg-type]
    texts = [c.text for c in cleaned]  # type: ignore[attr-defined]
    _, t_spacy = timed(lambda: list(load_nlp().pipe(texts, batch_size=16)))
    n = len(analyzed)  # type: ignore[arg-type]
    total = t_ingest + t_clean + t_analyze
    return {
        "articles": n,
        "tokens_per_article": sum(len(t.split()) for t in texts) / max(n, 1),
        "storyline_articles_per_s": n / total,
        "spacy_parse_articles_per_s": n / t_spacy,
        "ingest_share": t_ingest / total,
        "clean_share": t_clean / total,
        "analyze_share": t_analyze / total,
        "storyline_vs_spacy_time": total / t_spacy,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.data, args.articles)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{int(result['articles'])} T17 articles, {result['tokens_per_article']:.0f} words each\n"
    )
    print("| pipeline | articles/s | time vs spaCy parse alone |")
    print("|---|---|---|")
    print(
        f"| storyline ingest+clean+analyze | {result['storyline_articles_per_s']:.1f} | "
        f"{result['storyline_vs_spacy_time']:.2f}x |"
    )
    print(
        f"| spaCy en_core_web_sm parse only | {result['spacy_parse_articles_per_s']:.1f} | 1.00x |"
    )
    print(
        f"\nshare of storyline time: ingest {result['ingest_share']:.0%}, "
        f"clean {result['clean_share']:.0%}, analyze {result['analyze_share']:.0%}"
    )


if __name__ == "__main__":
    main()
