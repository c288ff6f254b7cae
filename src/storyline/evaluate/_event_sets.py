"""The event-grouping sets as streams, each split into a part tuned on and a part held out.

- ECB+ dev: topics with an even number are tuned on, odd ones held out; each part is one
  stream in a fixed shuffled order (ECB+ has no publication dates), so the two look-alike
  events of a topic arrive interleaved.
- BASIL dev: events by order of first appearance in the file, even ones tuned on; each
  part streams in publication order (ties in a fixed shuffled order).
- Multi-News dev: clusters by index, even ones tuned on; each part's articles shuffled
  into one stream (no dates in this copy).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluate.multinews import read_clusters
from storyline.model import PartialDate

# Seed of every shuffle, so each run streams the articles in the same order.
STREAM_SEED = 20181031
PARTS = ("tune", "held_out")
ECBPLUS_FILE = "events/ecbplus_dev.jsonl"
BASIL_FILE = "events/basil_dev.jsonl"
MULTINEWS_FILE = "multinews/sample_validation.csv"


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a stream with its gold event."""

    id: str
    text: str
    event: str
    title: str | None = None
    published: PartialDate | None = None


Stream = list[GoldArticle]
Reader = Callable[[Path], dict[str, Stream]]


def read_ecbplus(data_dir: Path) -> dict[str, Stream]:
    """Read ECB+ dev as two shuffled streams: even topics (tune), odd topics (held out)."""
    rows = _jsonl(data_dir / ECBPLUS_FILE)
    parts: dict[str, Stream] = {part: [] for part in PARTS}
    for row in rows:
        part = PARTS[int(str(row["topic"])) % 2]
        parts[part].append(_gold(row))
    return {part: _shuffled(stream) for part, stream in parts.items()}


def read_basil(data_dir: Path) -> dict[str, Stream]:
    """Read BASIL dev as two streams in publication order, events alternating by part."""
    rows = _jsonl(data_dir / BASIL_FILE)
    order = list(dict.fromkeys(str(row["event"]) for row in rows))
    part_of = {event: PARTS[i % 2] for i, event in enumerate(order)}
    parts: dict[str, Stream] = {part: [] for part in PARTS}
    for row in rows:
        parts[part_of[str(row["event"])]].append(_gold(row))
    return {part: _by_date(_shuffled(stream)) for part, stream in parts.items()}


def read_multinews(data_dir: Path) -> dict[str, Stream]:
    """Read the Multi-News dev clusters' articles, even clusters tuned on, as two streams."""
    parts: dict[str, Stream] = {part: [] for part in PARTS}
    for cluster in read_clusters(data_dir / MULTINEWS_FILE):
        for number, text in enumerate(cluster.documents):
            article = GoldArticle(f"mn-{cluster.index}-{number}", text, str(cluster.index))
            parts[PARTS[cluster.index % 2]].append(article)
    return {part: _shuffled(stream) for part, stream in parts.items()}


SETS: dict[str, Reader] = {
    "ecbplus": read_ecbplus,
    "basil": read_basil,
    "multinews": read_multinews,
}


def _jsonl(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [json.loads(line) for line in lines if line.strip()]


def _gold(row: dict[str, object]) -> GoldArticle:
    published = row.get("published")
    title = row.get("title")
    return GoldArticle(
        id=str(row["id"]),
        text=str(row["text"]),
        event=str(row["event"]),
        title=str(title) if title else None,
        published=PartialDate.from_iso(str(published)) if published else None,
    )


def _shuffled(stream: Stream) -> Stream:
    ordered = sorted(stream, key=lambda article: article.id)
    random.Random(STREAM_SEED).shuffle(ordered)
    return ordered


def _by_date(stream: Stream) -> Stream:
    # sorted() is stable: articles of one day keep their shuffled order.
    return sorted(stream, key=lambda article: article.published or PartialDate(1))
