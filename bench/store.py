"""Store speed: ingest throughput and full-text search latency, SQLite beside PostgreSQL.

The same N Timeline17 articles are cleaned and analysed once; then, per back end, into a
new empty store: the store writes alone (``add_batch`` in batches, one transaction each),
the same batches again (every article unchanged), the event's brief rebuilt from the
store, and search latency over the most frequent entity names of the sample. The whole
ingest line adds the shared clean+analyse time to each back end's writes and rebuilds.

PostgreSQL: ``--pg URL`` of a server where we may create databases, or a throwaway
cluster started here with ``storyline.store.testing.temporary_postgres`` (Debian's
``postgresql`` package), with fsync on like the SQLite store (synchronous=FULL). Each of
``--repeat`` runs uses a new store per back end; the table gives the medians.

Usage: python bench/store.py [--articles N] [--batch N] [--queries N] [--repeat N]
                             [--pg URL] [--cache FILE] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pickle
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from _t17 import DEFAULT_DATA, sample_paths
from storyline.analyze import analyze
from storyline.clean import clean
from storyline.ingest import read
from storyline.model import AnalyzedArticle, Article
from storyline.pipeline import assemble_brief
from storyline.settings import Settings
from storyline.store import PostgresStore, SqlStore, open_store, rebuild_brief
from storyline.store.testing import temporary_postgres

Pair = tuple[Article, AnalyzedArticle]
# Articles of the untimed brief built first, so that no back end pays for lazy loading.
WARM_UP_ARTICLES = 5
# spaCy labels of the names used as search queries (what a reader would type).
QUERY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def load_pairs(data: Path, count: int) -> tuple[list[Pair], float]:
    """Read, clean and analyse a fixed T17 sample once; return the pairs and the seconds."""
    paths = sample_paths(data, count)
    articles = []
    for path in paths:
        (article,) = read([path]).articles
        # File stems repeat across T17 folders: key each article by its path instead.
        articles.append(replace(article, id=_path_id(Path(path))))
    settings = Settings()
    start = time.perf_counter()
    cleaned = [c for c in clean(articles, settings=settings) if c.text.strip()]
    analyzed = list(analyze(cleaned, settings=settings))
    seconds = time.perf_counter() - start
    by_id = {article.id: article for article in articles}
    return [(by_id[a.id], a) for a in analyzed], seconds


def cached_pairs(cache: Path | None, data: Path, count: int) -> tuple[list[Pair], float]:
    """The analysed sample from the cache file when made for this count, else analysed now."""
    if cache is not None and cache.exists():
        cached_count, pairs, seconds = pickle.loads(cache.read_bytes())
        if cached_count == count:
            return pairs, seconds
    pairs, seconds = load_pairs(data, count)
    if cache is not None:
        cache.write_bytes(pickle.dumps((count, pairs, seconds)))
    return pairs, seconds


def _path_id(path: Path) -> str:
    """An article id unique across T17 folders: topic, date and file number."""
    topic = path.parents[2].name
    return f"{topic}-{path.parent.name}-{path.name.split('.')[0]}"


def entity_queries(pairs: list[Pair], count: int) -> list[str]:
    """The most frequent entity names of the sample, one query each."""
    names = Counter(
        m.text for _, a in pairs for m in a.entities if m.label in QUERY_LABELS and len(m.text) > 2
    )
    return [name for name, _ in names.most_common(count)]


def measure(store: SqlStore, pairs: list[Pair], batch: int, queries: list[str]) -> dict[str, float]:
    """Time writes, unchanged re-writes, the brief rebuild and searches in one store."""
    batches = [pairs[i : i + batch] for i in range(0, len(pairs), batch)]
    write_s = _time(lambda: [store.add_batch(b, event="bench") for b in batches])
    again_s = _time(lambda: [store.add_batch(b, event="bench") for b in batches])
    read_s = _time(lambda: store.event_articles("bench"))
    brief_s = _time(lambda: rebuild_brief(store, "bench", settings=Settings()))
    latencies, hits = [], 0
    for query in queries:
        start = time.perf_counter()
        hits += len(store.search(query))
        latencies.append((time.perf_counter() - start) * 1000)
    return {
        "write_rate": len(pairs) / write_s,
        "unchanged_rate": len(pairs) / again_s,
        "write_s": write_s,
        "read_ms": read_s * 1000,
        "brief_s": brief_s,
        "search_median_ms": statistics.median(latencies),
        "search_p95_ms": _percentile(latencies, 0.95),
        "hits_per_query": hits / max(len(queries), 1),
    }


def _time(action: Callable[[], object]) -> float:
    """Wall seconds one call takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _percentile(values: list[float], share: float) -> float:
    """The value below which the given share of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@contextlib.contextmanager
def postgres(dsn: str | None) -> Iterator[str]:
    """The given PostgreSQL URL, or a throwaway cluster's for the run."""
    if dsn:
        yield dsn
        return
    with temporary_postgres(durable=True) as started:
        yield started


def _fresh_database(dsn: str, n: int) -> str:
    """Create an empty database beside the one in the URL; return its URL."""
    name = f"storyline_bench_{n}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    return urlunsplit(urlsplit(dsn)._replace(path=f"/{name}"))


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each metric's median over the runs."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def table(results: dict[str, dict[str, float]], analysis_s: float, n: int) -> str:
    """One table, both back ends side by side, with the PostgreSQL/SQLite ratio."""
    rows = [
        ("store writes (articles/s)", "write_rate", "{:.0f}"),
        ("re-ingest, all unchanged (articles/s)", "unchanged_rate", "{:.0f}"),
        ("read the event's articles back (ms)", "read_ms", "{:.0f}"),
        ("brief rebuilt from the store (s, mostly assemble_brief)", "brief_s", "{:.2f}"),
        ("whole ingest incl. clean+analyse (articles/s)", "whole_rate", "{:.2f}"),
        ("search latency median (ms)", "search_median_ms", "{:.2f}"),
        ("search latency p95 (ms)", "search_p95_ms", "{:.2f}"),
        ("hits per query (limit 20)", "hits_per_query", "{:.1f}"),
    ]
    for found in results.values():
        found["whole_rate"] = n / (analysis_s + found["write_s"] + found["brief_s"])
    lite, pg = results["sqlite"], results["postgres"]
    lines = [
        f"| metric ({n} T17 articles) | SQLite | PostgreSQL | PostgreSQL / SQLite |",
        "|---|---:|---:|---:|",
    ]
    for label, key, fmt in rows:
        ratio = pg[key] / lite[key] if lite[key] else float("nan")
        lines.append(f"| {label} | {fmt.format(lite[key])} | {fmt.format(pg[key])} | {ratio:.2f} |")
    lines.append(
        f"\nclean+analyse once, shared: {analysis_s:.1f} s ({n / analysis_s:.2f} articles/s)"
    )
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the timeline17 folder")
    parser.add_argument("--articles", type=int, default=200, help="T17 articles (default 200)")
    parser.add_argument("--batch", type=int, default=20, help="articles per transaction")
    parser.add_argument("--queries", type=int, default=50, help="search queries (entity names)")
    parser.add_argument("--pg", help="postgresql:// URL of an empty database (default: start one)")
    parser.add_argument(
        "--cache", type=Path, help="keep the analysed sample in this pickle file for re-runs"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per back end (median)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON too")
    args = parser.parse_args()
    pairs, analysis_s = cached_pairs(args.cache, args.data, args.articles)
    queries = entity_queries(pairs, args.queries)
    assemble_brief([a for _, a in pairs[:WARM_UP_ARTICLES]])  # load lazy models before timing
    runs: dict[str, list[dict[str, float]]] = {"sqlite": [], "postgres": []}
    with postgres(args.pg) as dsn:
        for n in range(args.repeat):
            with tempfile.TemporaryDirectory() as folder, open_store(f"{folder}/b.db") as lite:
                runs["sqlite"].append(measure(lite, pairs, args.batch, queries))
            with open_store(_fresh_database(dsn, n)) as pg:
                if not isinstance(pg, PostgresStore):
                    raise SystemExit(f"not a PostgreSQL store: {pg.location}")
                runs["postgres"].append(measure(pg, pairs, args.batch, queries))
    results = {backend: _medians(found) for backend, found in runs.items()}
    print(table(results, analysis_s, len(pairs)))
    print(f"queries: {len(queries)} most frequent entity names, e.g. {', '.join(queries[:6])}")
    if args.json:
        print(json.dumps({"analysis_s": analysis_s, "articles": len(pairs), **results}, indent=2))


if __name__ == "__main__":
    main()
