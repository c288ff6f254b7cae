"""Places benchmark: toponyms found and placed, storyline beside a baseline and nine peers.

Data: ../shared/data/places/ (LGL, GeoVirus, TR-News, GeoWebNews with gold coordinates,
and the EUPEG outputs of nine geoparsers on the same articles; see its PROVENANCE.md).
Each article is briefed on its own: its places are the brief's places (resolved mentions
merged within the article), every citation of a place being a predicted toponym at the
place's point. The baseline reads the same spaCy entities and gives each the most
populous gazetteer entry of its name. Peers are scored by the same code. Articles are
split by their index in the file: even ones are the part tuned on, odd ones held out.

Usage: storyline evaluate places FILE.jsonl [--peers DIR] [--cache DIR] [--limit N] [--json]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from storyline.analyze.gazetteer import LEVEL_ALTERNATE, load_gazetteer
from storyline.analyze.places import PLACE_LABELS, resolve_places
from storyline.corroborate.places import drop_actor_places, merge_places
from storyline.evaluate._cache import parse_cached
from storyline.evaluate._toponyms import Tally, Toponym
from storyline.model import AnalyzedArticle, CleanArticle

# Peer files sit beside the gold in this folder, named eupeg_<System>.dev.pred.jsonl.
PEERS_FOLDER = "peers"
PEER_GLOB = "eupeg_*.pred.jsonl"
HALVES = ("tune", "held_out", "all")
# Bumped when what the parse cache holds changes.
PARSE_CACHE_VERSION = 1


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One benchmark article: its text and its gold toponyms."""

    id: str
    text: str
    gold: tuple[Toponym, ...]


Predictor = Callable[[GoldArticle, Doc], Sequence[Toponym]]


def evaluate_places(
    path: Path,
    *,
    peers_dir: Path | None = None,
    cache_dir: Path | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score storyline, the baseline and every peer on ``path``, per half of the set."""
    articles = read_gold(path)[:limit]
    docs = parse(articles, cache_dir=cache_dir)
    systems: dict[str, Predictor] = {
        "storyline": storyline_toponyms,
        "baseline_population": baseline_toponyms,
    }
    for name, predicted in read_peers(peers_dir or path.parent / PEERS_FOLDER).items():
        systems[name] = _peer_predictor(predicted)
    return {name: _score(articles, docs, predict) for name, predict in systems.items()}


def read_gold(path: Path) -> list[GoldArticle]:
    """Read the benchmark's articles with their gold toponyms, in file order."""
    articles = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        row = json.loads(line)
        gold = tuple(_toponym(t) for t in row["toponyms"])
        articles.append(GoldArticle(str(row["id"]), str(row["text"]), gold))
    return articles


def read_peers(folder: Path) -> dict[str, dict[str, tuple[Toponym, ...]]]:
    """Read each peer's predictions, by system name then article id."""
    peers: dict[str, dict[str, tuple[Toponym, ...]]] = {}
    for file in sorted(folder.glob(PEER_GLOB)) if folder.is_dir() else ():
        name = file.name.split(".")[0].removeprefix("eupeg_")
        lines = file.read_text(encoding="utf-8").split("\n")
        rows = (json.loads(line) for line in lines if line.strip())
        peers[name] = {str(r["id"]): tuple(_toponym(p) for p in r["places"]) for r in rows}
    return peers


def parse(articles: Sequence[GoldArticle], *, cache_dir: Path | None) -> list[Doc]:
    """Parse every article with spaCy, reusing the parses saved in ``cache_dir``."""
    return parse_cached([article.text for article in articles], _parse_cache(articles, cache_dir))


def storyline_toponyms(article: GoldArticle, doc: Doc) -> list[Toponym]:
    """Brief the article on its own; each citation of a place is a toponym at its point."""
    clean = CleanArticle(id=article.id, text=article.text)
    analyzed = AnalyzedArticle(clean=clean, places=resolve_places(doc))
    places = drop_actor_places(merge_places([analyzed]))
    return [
        Toponym(cite.start, cite.end, place.lat, place.lon)
        for place in places
        for cite in place.citations
    ]


def baseline_toponyms(article: GoldArticle, doc: Doc) -> list[Toponym]:
    """Give each place entity the most populous gazetteer entry of its exact name."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        text = ent.text.removeprefix("the ").removeprefix("The ")
        start = ent.end_char - len(text)
        matches = [m for m in load_gazetteer().match(text) if m.level >= LEVEL_ALTERNATE]
        if matches:
            best = max(matches, key=lambda m: m.entry.population).entry
            found.append(Toponym(start, ent.end_char, best.lat, best.lon))
    return found


def halves(articles: Sequence[GoldArticle]) -> dict[str, list[int]]:
    """Split the article indexes: even ones are tuned on, odd ones held out."""
    indexes = list(range(len(articles)))
    return {"tune": indexes[::2], "held_out": indexes[1::2], "all": indexes}


def _score(
    articles: Sequence[GoldArticle], docs: Sequence[Doc], predict: Predictor
) -> dict[str, Any]:
    predictions = [predict(article, doc) for article, doc in zip(articles, docs, strict=True)]
    scores = {}
    for half, indexes in halves(articles).items():
        tally = Tally()
        for index in indexes:
            tally.add(articles[index].gold, predictions[index])
        scores[half] = tally.scores()
    return scores


def _peer_predictor(predicted: dict[str, tuple[Toponym, ...]]) -> Predictor:
    def predict(article: GoldArticle, doc: Doc) -> Sequence[Toponym]:
        return predicted.get(article.id, ())

    return predict


def _toponym(row: dict[str, Any]) -> Toponym:
    lat, lon = row.get("lat"), row.get("lon")
    point = (float(lat), float(lon)) if lat is not None and lon is not None else (None, None)
    return Toponym(int(row["start"]), int(row["end"]), *point)


def _parse_cache(articles: Sequence[GoldArticle], cache_dir: Path | None) -> Path | None:
    if cache_dir is None:
        return None
    digest = hashlib.sha1(usedforsecurity=False)
    for text in _texts(articles):
        digest.update(text.encode())
    return cache_dir / f"places-parse-{digest.hexdigest()[:10]}-v{PARSE_CACHE_VERSION}.spacy"


def _texts(articles: Iterable[GoldArticle]) -> Iterator[str]:
    for article in articles:
        yield article.id
        yield article.text
