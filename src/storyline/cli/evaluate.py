"""`storyline evaluate multinews FILE.csv` / `timeline17 DIR` / `places FILE.jsonl` /
`dates FILE.jsonl…` / `clusters DIR` / `clustering`: benchmarks."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def add_parser(commands: Any) -> None:
    """Register the `evaluate` sub-command and its data sets."""
    parser = commands.add_parser(
        "evaluate", help="score storyline and its peers on a public benchmark"
    )
    sets = parser.add_subparsers(dest="dataset", required=True, metavar="DATASET")
    multinews = sets.add_parser("multinews", help="multi-document summaries, ROUGE F1")
    multinews.add_argument("csv", type=Path, metavar="FILE.csv", help="Multi-News CSV file")
    multinews.add_argument("--words", type=int, default=250, help="summary budget in words")
    multinews.add_argument("--limit", type=int, help="score only the first N clusters")
    multinews.add_argument("--skip", type=int, default=0, help="start after the first N clusters")
    multinews.add_argument("--cache", type=Path, help="keep analysed clusters here between runs")
    multinews.set_defaults(run=run_multinews)
    timeline = sets.add_parser("timeline17", help="timelines, alignment ROUGE and date F1")
    timeline.add_argument("directory", type=Path, metavar="DIR", help="Timeline17 folder")
    timeline.add_argument("--folders", nargs="*", help="only these topic folders")
    timeline.add_argument("--max-articles", type=int, help="articles read per folder")
    timeline.add_argument("--cache", type=Path, help="keep analysed folders here between runs")
    timeline.set_defaults(run=run_timeline17)
    places = sets.add_parser("places", help="toponyms found and placed, acc@161 and errors")
    places.add_argument("jsonl", type=Path, metavar="FILE.jsonl", help="places gold file")
    places.add_argument("--peers", type=Path, help="folder of peer outputs (default: peers/)")
    places.add_argument("--limit", type=int, help="score only the first N articles")
    places.add_argument("--cache", type=Path, help="keep the spaCy parses here between runs")
    places.set_defaults(run=run_places)
    for sub in (multinews, timeline, places):
        sub.add_argument("--json", action="store_true", help="print one JSON object")
    _add_dates(sets)
    _add_clusters(sets)
    _add_clustering(sets)


def _add_clustering(sets: Any) -> None:
    """Register `evaluate clustering`: articles grouped into events, B-cubed and pairwise."""
    from storyline.evaluate._event_sets import SETS
    from storyline.evaluate.clustering import DEFAULT_DATA

    clustering = sets.add_parser("clustering", help="articles grouped into events, B-cubed F1")
    clustering.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, metavar="DIR", help="the shared data folder"
    )
    clustering.add_argument("--sets", nargs="*", choices=list(SETS), help="only these sets")
    clustering.add_argument("--cache", type=Path, help="keep the spaCy names here between runs")
    clustering.add_argument("--json", action="store_true", help="print one JSON object")
    clustering.set_defaults(run=run_clustering)


def run_clustering(args: argparse.Namespace) -> int:
    """Score event grouping on the event sets; print the result."""
    from storyline.evaluate.clustering import evaluate_clustering

    result = evaluate_clustering(args.data, sets=args.sets, cache_dir=args.cache)
    _print(result, as_json=args.json)
    return 0


def _add_dates(sets: Any) -> None:
    """Register `evaluate dates FILE.jsonl…`: TimeML timexes found and resolved."""
    from storyline.evaluate._date_peers import PEERS

    dates = sets.add_parser("dates", help="date expressions found and resolved (TempEval-3)")
    dates.add_argument("jsonl", type=Path, nargs="+", metavar="FILE.jsonl", help="dates gold file")
    dates.add_argument(
        "--peers",
        nargs="*",
        choices=sorted(PEERS),
        help="peers run beside storyline (default: all; heideltime needs storyline[eval])",
    )
    dates.add_argument("--limit", type=int, help="score only the first N documents of each file")
    dates.add_argument("--cache", type=Path, help="keep parses and peer outputs here between runs")
    dates.add_argument("--json", action="store_true", help="print one JSON object")
    dates.set_defaults(run=run_dates)


def run_dates(args: argparse.Namespace) -> int:
    """Score date expressions on TimeML gold files; print a table or JSON."""
    from storyline.evaluate.dates import evaluate_dates, render_table

    result = evaluate_dates(args.jsonl, peers=args.peers, cache_dir=args.cache, limit=args.limit)
    if args.json:
        print(json.dumps(result))
    else:
        print(render_table(result), end="")
    return 0


def _add_clusters(sets: Any) -> None:
    """Register `evaluate clusters DIR`: the dev clusters' hand-written gold."""
    from storyline.evaluate.clusters import PARTS

    clusters = sets.add_parser("clusters", help="briefs against the dev clusters' gold checks")
    clusters.add_argument("directory", type=Path, metavar="DIR", help="folder of *.gold.json")
    clusters.add_argument("--part", choices=PARTS, default="all", help="which checks to run")
    clusters.add_argument(
        "--brief",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="score this brief JSON (named after its cluster) instead of building",
    )
    clusters.add_argument("--cache", type=Path, help="keep built briefs here between runs")
    clusters.add_argument("--json", action="store_true", help="print one JSON object")
    clusters.add_argument("--failures", action="store_true", help="list each failing check")
    clusters.set_defaults(run=run_clusters)


def run_clusters(args: argparse.Namespace) -> int:
    """Score briefs against the dev-cluster gold; print tables or JSON."""
    from storyline.evaluate.clusters import evaluate_clusters, render_table

    result = evaluate_clusters(
        args.directory, part=args.part, briefs=args.brief, cache_dir=args.cache
    )
    if args.json:
        print(json.dumps(result))
    else:
        print(render_table(result, failures=args.failures), end="")
    return 0


def run_multinews(args: argparse.Namespace) -> int:
    """Score summaries on Multi-News; print the result."""
    from storyline.evaluate.multinews import evaluate_multinews

    result = evaluate_multinews(
        args.csv, words=args.words, limit=args.limit, skip=args.skip, cache_dir=args.cache
    )
    _print(result, as_json=args.json)
    return 0


def run_timeline17(args: argparse.Namespace) -> int:
    """Score timelines on Timeline17; print the result."""
    from storyline.evaluate.timeline17 import evaluate_timeline17

    result = evaluate_timeline17(
        args.directory, folders=args.folders, max_articles=args.max_articles, cache_dir=args.cache
    )
    _print(result, as_json=args.json)
    return 0


def run_places(args: argparse.Namespace) -> int:
    """Score toponym resolution on a places gold file; print the result."""
    from storyline.evaluate.places import evaluate_places

    result = evaluate_places(
        args.jsonl, peers_dir=args.peers, cache_dir=args.cache, limit=args.limit
    )
    _print(result, as_json=args.json)
    return 0


def _print(result: dict[str, Any], *, as_json: bool) -> None:
    print(json.dumps(result, indent=None if as_json else 2, sort_keys=not as_json))
