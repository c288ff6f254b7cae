"""Multi-News benchmark: storyline's digest against sumy LexRank, TextRank and a lead baseline.

Multi-News (Fabbri et al. 2019, https://aclanthology.org/P19-1102/) pairs clusters
of news articles with an editor's summary. Every system gets the same articles and
its summary is cut to the same first ``words`` words; scores are ROUGE-1/2/L F1
with stemming from the ``rouge-score`` package (Lin 2004,
https://aclanthology.org/W04-1013/), averaged over clusters, as fractions in [0, 1].

Run: ``python -m storyline.evaluate.multinews FILE.csv [--limit N] [--skip N] [--cache DIR]
--json`` (``--cache`` keeps the analysed clusters, the slow part, for the next run).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate.sources import source_keys
from storyline.evaluate._cache import ANALYSIS_STAGES, cache_path, cached
from storyline.evaluate._peers import lead_summary, lexrank_summary, textrank_summary
from storyline.model import AnalyzedArticle, Article
from storyline.summarize import summarize

METRICS = ("rouge1", "rouge2", "rougeL")
# Enough sentences that the word budget, not the count, ends storyline's digest.
SENTENCE_CAP = 100
# Decimal places kept in the printed scores.
DIGITS = 4

_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*")


@dataclass(frozen=True, slots=True)
class Cluster:
    """The source documents of one Multi-News row and its reference summary."""

    index: int
    documents: tuple[str, ...]
    summary: str


def read_clusters(csv_path: Path, *, limit: int | None = None, skip: int = 0) -> list[Cluster]:
    """Read rows ``skip`` … ``skip + limit`` of a Multi-News CSV (documents: a list literal)."""
    csv.field_size_limit(sys.maxsize)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    end = None if limit is None else skip + limit
    return [
        Cluster(i, tuple(str(d) for d in ast.literal_eval(row["documents"])), row["summary"])
        for i, row in enumerate(rows)
        if i >= skip and (end is None or i < end)
    ]


def cluster_articles(cluster: Cluster) -> tuple[Article, ...]:
    """One Article per document; paragraph breaks (`` \\n \\n ``) become blank lines."""
    return tuple(
        Article(
            id=f"mn{cluster.index:04d}-{j}",
            raw=_PARAGRAPH_BREAK.sub("\n\n", document.strip()),
            source=f"multinews:{cluster.index}:{j}",
        )
        for j, document in enumerate(cluster.documents)
    )


def analyze_clusters(clusters: Sequence[Cluster]) -> Iterator[tuple[AnalyzedArticle, ...]]:
    """Clean each cluster on its own, analyze all articles in one batch, regroup them."""
    cleaned = [clean(cluster_articles(cluster)) for cluster in clusters]
    usable = [c for group in cleaned for c in group if c.text.strip()]
    by_id = {a.id: a for a in analyze(usable)}
    for group in cleaned:
        yield tuple(by_id[c.id] for c in group if c.id in by_id)


def load_analyzed(
    csv_path: Path,
    clusters: Sequence[Cluster],
    *,
    cache_dir: Path | None = None,
) -> list[tuple[AnalyzedArticle, ...]]:
    """Analyze the clusters, reusing a pickle under ``cache_dir`` when present."""
    rows = f"{clusters[0].index}-{clusters[-1].index}" if clusters else "none"
    cache = cache_path(cache_dir, csv_path, f"{csv_path.stem}-{rows}", stages=ANALYSIS_STAGES)
    return cached(cache, lambda: list(analyze_clusters(clusters)))


def storyline_summary(analyzed: Sequence[AnalyzedArticle], words: int) -> str:
    """Return storyline's headline and digest of one cluster within ``words`` words, as text."""
    keys = source_keys([a.clean for a in analyzed])
    summary = summarize(
        analyzed, keys=keys, max_sentences=SENTENCE_CAP, max_words=words, count_headline=True
    )
    lines = [summary.headline, *summary.digest] if summary.headline else summary.digest
    return " ".join(line.text for line in lines)


def cut_words(text: str, words: int) -> str:
    """Keep the first ``words`` whitespace-separated words of ``text``."""
    return " ".join(text.split()[:words])


def evaluate_multinews(
    csv_path: Path,
    *,
    words: int = 250,
    limit: int | None = None,
    skip: int = 0,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Score storyline and its peers on the clusters of ``csv_path`` at one word budget."""
    clusters = read_clusters(csv_path, limit=limit, skip=skip)
    analyzed_clusters = load_analyzed(csv_path, clusters, cache_dir=cache_dir)
    systems: dict[str, Callable[[Cluster, Sequence[AnalyzedArticle]], str]] = {
        "storyline": lambda _, analyzed: storyline_summary(analyzed, words),
        "lexrank": lambda cluster, _: lexrank_summary(cluster.documents, words),
        "textrank": lambda cluster, _: textrank_summary(cluster.documents, words),
        "lead": lambda cluster, _: lead_summary(cluster.documents, words),
    }
    outputs: dict[str, list[str]] = {name: [] for name in systems}
    for cluster, analyzed in zip(clusters, analyzed_clusters, strict=True):
        for name, system in systems.items():
            outputs[name].append(cut_words(system(cluster, analyzed), words))
    references = [cluster.summary for cluster in clusters]
    result: dict[str, Any] = {"n": len(clusters), "words": words}
    for name, summaries in outputs.items():
        result[name] = rouge_f1(summaries, references)
    return result


def rouge_f1(summaries: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Average ROUGE-1/2/L F1 (Porter stemming) of ``summaries`` against ``references``."""
    from rouge_score import rouge_scorer  # type: ignore[import-untyped, unused-ignore]

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = dict.fromkeys(METRICS, 0.0)
    for summary, reference in zip(summaries, references, strict=True):
        scores = scorer.score(reference, summary)
        for metric in METRICS:
            totals[metric] += scores[metric].fmeasure
    count = max(1, len(summaries))
    return {metric: round(total / count, DIGITS) for metric, total in totals.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the benchmark and print its JSON object."""
    parser = argparse.ArgumentParser(prog="python -m storyline.evaluate.multinews")
    parser.add_argument("csv_path", type=Path, help="Multi-News sample CSV")
    parser.add_argument("--words", type=int, default=250, help="word budget for every system")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--skip", type=int, default=0, help="start after the first N clusters")
    parser.add_argument("--cache", type=Path, help="keep analysed clusters here (a pickle)")
    parser.add_argument("--json", action="store_true", help="print JSON (the only format)")
    args = parser.parse_args(argv)
    result = evaluate_multinews(
        args.csv_path, words=args.words, limit=args.limit, skip=args.skip, cache_dir=args.cache
    )
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
