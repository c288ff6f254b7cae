"""Timeline17 benchmark: storyline's timelines and a baseline, scored with tilse.

Data: Tran et al. (2013), Timeline17 (see the data set's PROVENANCE.md). Set-up as in
news-tls (Ghalandari & Ifrim 2020, https://github.com/complementizer/news-tls): for each
reference timeline, the articles published within its first and last date are the input,
candidate dates are the days in that span, and the output has as many dates as the
reference and, per date, the reference's average number of sentences (rounded). Each
article's publication date is its folder's name (metadata, as a feed would give it).

Usage: python -m storyline.evaluate.timeline17 DIR [--folders NAME…] [--max-articles N]
       [--cache DIR] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from storyline.analyze import analyze
from storyline.clean import clean
from storyline.corroborate import source_keys
from storyline.corroborate.focus import find_off_topic
from storyline.corroborate.on_topic import on_topic_articles
from storyline.evaluate._cache import ANALYSIS_STAGES, cache_path, cached
from storyline.evaluate._tilse import parse_reference, score
from storyline.ingest import read
from storyline.model import AnalyzedArticle, Article, CitedLine, PartialDate
from storyline.timeline import build

# The headline numbers: news-tls's alignment ROUGE (many-to-one) and date F1.
HEADLINE = {"ar1_f": "align_r1_f", "ar2_f": "align_r2_f", "date_f1": "date_f1"}
Timeline = dict[dt.date, list[str]]
# storyline as a brief builds its timeline (articles off the folder's topic left out), the
# same without topic focus (the ablation), and the simple baseline.
SYSTEMS = ("storyline", "storyline_no_focus", "baseline")


def evaluate_timeline17(
    data_dir: Path,
    *,
    folders: Sequence[str] | None = None,
    max_articles: int | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Score storyline and the baseline on every reference timeline of ``folders``."""
    names = list(folders) if folders else folder_names(data_dir)
    rows: dict[str, dict[str, list[dict[str, float]]]] = {system: {} for system in SYSTEMS}
    for name in names:
        analyzed = analyze_folder(data_dir / name, max_articles=max_articles, cache_dir=cache_dir)
        for system, scores in _score_folder(data_dir / name, analyzed).items():
            rows[system][name] = scores
    return {system: _summary(per_folder) for system, per_folder in rows.items()}


def folder_names(data_dir: Path) -> list[str]:
    """Return the T17 folders under ``data_dir`` (those with input documents), sorted."""
    return sorted(p.name for p in data_dir.iterdir() if (p / "InputDocs").is_dir())


def analyze_folder(
    folder: Path, *, max_articles: int | None = None, cache_dir: Path | None = None
) -> tuple[AnalyzedArticle, ...]:
    """Read, clean and analyze one folder, reusing a pickle under ``cache_dir`` when present."""
    size = "all" if max_articles is None else str(max_articles)
    cache = cache_path(cache_dir, folder, f"{folder.name}-{size}", stages=ANALYSIS_STAGES)
    return cached(cache, lambda: _analyze_folder(folder, max_articles))


def _analyze_folder(folder: Path, max_articles: int | None) -> tuple[AnalyzedArticle, ...]:
    cleaned = tuple(c for c in clean(read_folder(folder, max_articles)) if c.text.strip())
    return tuple(analyze(cleaned))


def read_folder(folder: Path, max_articles: int | None = None) -> tuple[Article, ...]:
    """Read a folder's non-empty articles, each dated by its publication folder."""
    paths = sorted(p for p in folder.glob("InputDocs/*/*.txt") if p.stat().st_size > 0)
    if max_articles is not None:
        paths = _spread(paths, max_articles)
    ingested = read([str(p) for p in paths])
    return tuple(_dated(article) for article in ingested.articles)


def _score_folder(
    folder: Path, analyzed: Sequence[AnalyzedArticle]
) -> dict[str, list[dict[str, float]]]:
    """Score both systems on each reference timeline of ``folder``."""
    focused = tuple(on_topic_articles(analyzed, find_off_topic(analyzed)))
    keys = source_keys([article.clean for article in analyzed])
    scores: dict[str, list[dict[str, float]]] = {system: [] for system in SYSTEMS}
    for path in sorted((folder / "timelines").glob("*.txt")):
        reference = parse_reference(path.read_text(encoding="utf-8"))
        if not reference:
            continue
        first, last = min(reference), max(reference)
        dates, per_date = len(reference), _sentences_per_date(reference)
        every = _within(analyzed, first, last)
        for system, inputs in (
            ("storyline", _within(focused, first, last)),
            ("storyline_no_focus", every),
        ):
            predicted = _timeline(
                build(inputs, keys=keys, max_dates=dates, sentences_per_date=per_date)
            )
            scores[system].append(score(predicted, reference))
        scores["baseline"].append(score(_baseline(every, dates, per_date), reference))
    return scores


def _timeline(lines: Sequence[CitedLine]) -> Timeline:
    """Group timeline lines by their day, as tilse reads a timeline."""
    predicted: Timeline = {}
    for line in lines:
        if line.date is not None:
            predicted.setdefault(line.date.to_date(), []).append(line.text)
    return predicted


def _within(
    analyzed: Sequence[AnalyzedArticle], first: dt.date, last: dt.date
) -> tuple[AnalyzedArticle, ...]:
    """Keep articles published in ``first``..``last``, and their day dates in that span."""
    kept = []
    for article in analyzed:
        published = article.clean.published
        if published is None or not first <= published.to_date() <= last:
            continue
        days = tuple(
            ref
            for ref in article.dates
            if ref.date.precision == "day" and first <= ref.date.to_date() <= last
        )
        kept.append(replace(article, dates=days))
    return tuple(kept)


def _sentences_per_date(reference: Timeline) -> int:
    """Return the reference's average number of sentences per date, rounded (at least one)."""
    return max(1, round(statistics.mean(len(sents) for sents in reference.values())))


def _baseline(analyzed: Sequence[AnalyzedArticle], dates: int, per_date: int) -> Timeline:
    """For each of the most mentioned dates, the first sentences that mention it."""
    mentions = Counter(ref.date for article in analyzed for ref in article.dates)
    top = {date for date, _ in mentions.most_common(dates)}
    timeline: Timeline = {}
    ordered = sorted(analyzed, key=lambda a: (a.clean.published or PartialDate(0), a.id))
    for article, index, date in _mentioning(ordered):
        sents = timeline.setdefault(date.to_date(), [])
        text = article.sentences[index].text
        if date in top and len(sents) < per_date and text not in sents:
            sents.append(text)
    return {day: sents for day, sents in timeline.items() if sents}


def _mentioning(analyzed: Sequence[AnalyzedArticle]) -> Iterator[tuple[Any, int, PartialDate]]:
    """Yield (article, sentence index, date) for every date mention, in reading order."""
    for article in analyzed:
        for ref in article.dates:
            if 0 <= ref.sentence < len(article.sentences):
                yield article, ref.sentence, ref.date


def _summary(per_folder: dict[str, list[dict[str, float]]]) -> dict[str, Any]:
    """Average per folder and over all reference timelines; headline metrics first."""
    every = [row for rows in per_folder.values() for row in rows]
    return {
        "mean": _mean(every),
        "timelines": len(every),
        "folders": {name: _mean(rows) for name, rows in per_folder.items()},
    }


def _mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    """Average each metric over ``rows``, under the headline names first."""
    if not rows:
        return {}
    names = list(HEADLINE) + list(rows[0])
    values = {
        name: statistics.mean(row[HEADLINE.get(name, name)] for row in rows) for name in names
    }
    return {name: round(value, 4) for name, value in values.items()}


def _spread(paths: Sequence[Path], count: int) -> list[Path]:
    """Pick ``count`` paths evenly spread over the sorted list (so over the dates)."""
    if count >= len(paths):
        return list(paths)
    step = len(paths) / max(count, 1)
    return [paths[int(i * step)] for i in range(count)]


def _dated(article: Article) -> Article:
    """Give an article its folder's publication date and an id unique in the folder."""
    path = Path(article.source)
    day = dt.date.fromisoformat(path.parent.name)
    stem = path.name.removesuffix(".txt").removesuffix(".htm")
    return replace(article, id=f"{day.isoformat()}/{stem}", published=PartialDate.from_date(day))


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark from the command line and print its result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path, metavar="DIR", help="Timeline17 folder")
    parser.add_argument("--folders", nargs="*", help="only these topic folders")
    parser.add_argument("--max-articles", type=int, help="articles read per folder")
    parser.add_argument("--cache", type=Path, help="keep analysed folders here (pickles)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = evaluate_timeline17(
        args.directory, folders=args.folders, max_articles=args.max_articles, cache_dir=args.cache
    )
    print(json.dumps(result, indent=None if args.json else 2))  # noqa: T201 (the CLI's output)


if __name__ == "__main__":
    main()
