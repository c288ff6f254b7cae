"""Audit the actors of a brief: the clusters-gold alias checks and a top-N listing to judge.

For each cluster (a clusters-gold JSONL, or the first week of a Timeline17 folder) it
analyses the articles once (cached), merges actors with the current code and prints:
the gold `aliases` checks when a gold file sits beside the JSONL (README of
../shared/data/clusters: exactly one record among places + actors carries any of the
names), and the top N actors by mentions as `kind | name | aliases` for a hand count of
junk records, wrong merges and split records.

Usage: python bench/actors.py [--top 40] [--json] CLUSTER...
  CLUSTER: path/to/name.jsonl, or a Timeline17 folder name with an optional start day
  (H1N1_bbc or H1N1_bbc@2009-04-27; default: its first day), read for DAYS days.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path

from _t17 import DEFAULT_DATA
from storyline.analyze import analyze
from storyline.analyze.names import fold
from storyline.clean import clean
from storyline.corroborate import merge_actors
from storyline.corroborate.actor_places import drop_place_actors
from storyline.corroborate.places import drop_actor_places, merge_places
from storyline.evaluate._cache import cache_path, cached
from storyline.ingest import read
from storyline.model import Actor, AnalyzedArticle, Place

DAYS = 7  # a week of coverage per Timeline17 folder, as in issue 9's trial


def cluster_paths(spec: str, data: Path) -> tuple[list[str], Path]:
    """The input paths of one cluster spec and the path that names it for the cache."""
    if spec.endswith(".jsonl"):
        return [spec], Path(spec)
    folder, _, start = spec.partition("@")
    days = sorted(p for p in (data / folder / "InputDocs").iterdir() if p.is_dir())
    first = dt.date.fromisoformat(start or days[0].name)
    week = [d for d in days if 0 <= (dt.date.fromisoformat(d.name) - first).days < DAYS]
    paths = sorted(str(p) for d in week for p in d.glob("*.txt") if p.stat().st_size > 0)
    return paths, data / folder / first.isoformat()


def analysed(paths: list[str], source: Path) -> tuple[AnalyzedArticle, ...]:
    """Read, clean and analyse ``paths`` (cached under STORYLINE_CACHE_DIR when set)."""
    root = os.environ.get("STORYLINE_CACHE_DIR")
    cache = cache_path(Path(root) / "bench-actors" if root else None, source, "actors")
    cleaned = lambda: tuple(clean(read(paths).articles))  # noqa: E731
    return cached(cache, lambda: tuple(analyze([c for c in cleaned() if c.text.strip()])))


def alias_checks(gold: Path, records: Sequence[Actor | Place]) -> list[dict[str, object]]:
    """The gold `aliases` checks: exactly one record carries any name of each group."""
    checks = []
    for group in json.loads(gold.read_text("utf-8")).get("aliases", []):
        wanted = {fold(name) for name in group}
        holders = [r.name for r in records if wanted & {fold(n) for n in (r.name, *r.aliases)}]
        checks.append({"names": group, "records": holders, "ok": len(holders) == 1})
    return checks


def audit(spec: str, data: Path, top: int) -> dict[str, object]:
    """Merge one cluster's actors and report its alias checks and top actors."""
    paths, source = cluster_paths(spec, data)
    articles = analysed(paths, source)
    places = drop_actor_places(merge_places(articles))
    acronyms = {a.id: dict(a.acronyms) for a in articles}
    actors = drop_place_actors(merge_actors(articles, acronyms), places)
    gold = Path(spec.removesuffix(".jsonl") + ".gold.json")
    checks = alias_checks(gold, [*places, *actors]) if gold.is_file() else []
    listed = [
        {"kind": a.kind, "name": a.name, "mentions": len(a.citations), "aliases": list(a.aliases)}
        for a in actors[:top]
    ]
    return {"cluster": spec, "articles": len(articles), "aliases": checks, "top": listed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", nargs="+")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    reports = [audit(spec, args.data, args.top) for spec in args.clusters]
    if args.json:
        print(json.dumps(reports, indent=1))
        return
    for report in reports:
        checks = report["aliases"]
        assert isinstance(checks, list) and isinstance(report["top"], list)
        passed = sum(bool(c["ok"]) for c in checks)
        print(f"== {report['cluster']} ({report['articles']} articles)")
        if checks:
            print(f"aliases {passed}/{len(checks)}")
        for check in checks:
            print(f"  {'ok ' if check['ok'] else 'BAD'} {check['names']} -> {check['records']}")
        for i, actor in enumerate(report["top"], 1):
            aliases = "; ".join(actor["aliases"])
            print(f"{i:3} {actor['kind'][:5]:5} {actor['mentions']:4} {actor['name']} | {aliases}")


if __name__ == "__main__":
    main()
