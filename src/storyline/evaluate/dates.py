"""Dates benchmark: temporal expressions found and resolved, storyline beside two peers.

Data: ../shared/data/dates/ (TempEval-3 TimeML news with gold TIMEX3 values; its
PROVENANCE.md gives the format and the scoring convention, implemented in ``_timex``).
Storyline reads each document as the analyze stage does: a spaCy parse and
``find_dates`` against the document's publication date; each date it finds is a DATE
timex valued ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the brief's precision) unless the
date carries a richer TimeML value (a week, a quarter, the present). The peers, dateparser
and HeidelTime, run in the same process on the same texts; their outputs are cached per
input file, as HeidelTime needs about ten seconds a document.

Usage: storyline evaluate dates FILE.jsonl… [--peers NAME…] [--cache DIR] [--limit N] [--json]
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from storyline.analyze.dates import find_dates
from storyline.errors import ConfigError
from storyline.evaluate._cache import parse_cached
from storyline.evaluate._date_peers import (
    HEIDELTIME_INSTALL,
    PEERS,
    heideltime_available,
    peer_names,
)
from storyline.evaluate._timex import Timex, TimexTally
from storyline.model import PartialDate

# Bumped when what the caches hold changes shape.
DATES_CACHE_VERSION = 1
# The score of several files together is reported under this name.
ALL_FILES = "all"
# A slow peer logs how far it has got every this many documents.
PROGRESS_EVERY = 10

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One benchmark document: its text, publication date and gold timexes."""

    id: str
    text: str
    published: str  # YYYY-MM-DD, the document creation time
    timexes: tuple[Timex, ...]


def evaluate_dates(
    paths: Sequence[Path],
    *,
    peers: Sequence[str] | None = None,
    cache_dir: Path | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score storyline and the peers on each file of ``paths`` (and on all together)."""
    files = {path.stem: read_gold(path)[:limit] for path in paths}
    names = peer_names(peers)
    result: dict[str, Any] = {"storyline": {}}
    if "heideltime" in names and not heideltime_available():
        if peers is not None:  # asked for by name: say how to get it
            raise ConfigError(f"the HeidelTime peer is not installed: {HEIDELTIME_INSTALL}")
        names.remove("heideltime")
        result["heideltime"] = {"skipped": f"HeidelTime is not installed: {HEIDELTIME_INSTALL}"}
    predicted: dict[str, dict[str, list[list[Timex]]]] = {"storyline": {}}
    for stem, documents in files.items():
        predicted["storyline"][stem] = storyline_timexes(documents, cache_dir=cache_dir)
        for name in names:
            predicted.setdefault(name, {})[stem] = peer_timexes(name, documents, cache_dir)
    for name, by_file in predicted.items():
        result[name] = _scores(files, by_file)
    return result


def read_gold(path: Path) -> list[GoldDocument]:
    """Read the benchmark's documents with their gold timexes, in file order."""
    if not path.is_file():
        raise ConfigError(
            f"no dates benchmark file at {path}: give a *.jsonl of ../shared/data/dates/"
        )
    documents = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            gold = tuple(_timex(t) for t in row["timexes"])
            documents.append(GoldDocument(str(row["id"]), row["text"], row["published"], gold))
        except (ValueError, KeyError, TypeError) as e:
            raise ConfigError(
                f"line {number} is not a dates benchmark record ({e!r}): see PROVENANCE.md",
                source=str(path),
            ) from e
    return documents


def storyline_timexes(
    documents: Sequence[GoldDocument], *, cache_dir: Path | None = None
) -> list[list[Timex]]:
    """Find each document's dates as the analyze stage does, as TimeML DATE timexes."""
    docs = parse(documents, cache_dir=cache_dir)
    found = []
    for document, doc in zip(documents, docs, strict=True):
        refs = find_dates(doc, PartialDate.from_iso(document.published))
        found.append([Timex(r.start, r.end, r.timex or r.date.iso(), "DATE", r.text) for r in refs])
    return found


def parse(documents: Sequence[GoldDocument], *, cache_dir: Path | None) -> list[Doc]:
    """Parse every document with spaCy, reusing the parses saved in ``cache_dir``."""
    cache = _cache_file(cache_dir, "parse", documents, "spacy")
    return parse_cached([document.text for document in documents], cache)


def peer_timexes(
    name: str, documents: Sequence[GoldDocument], cache_dir: Path | None
) -> list[list[Timex]]:
    """Run peer ``name`` on every document, keeping each output in the cache as it comes."""
    cache = _cache_file(cache_dir, name, documents, "jsonl")
    done = _read_predictions(cache) if cache is not None and cache.is_file() else {}
    tag = PEERS[name]
    found = []
    for index, document in enumerate(documents):
        if document.id not in done:
            _progress(name, index, len(documents))
            done[document.id] = tag(document.text, document.published)
            if cache is not None:
                _append_prediction(cache, document.id, done[document.id])
        found.append(done[document.id])
    return found


def _scores(
    files: dict[str, list[GoldDocument]], by_file: dict[str, list[list[Timex]]]
) -> dict[str, Any]:
    total, scores = TimexTally(), {}
    for stem, documents in files.items():
        tally = TimexTally()
        for document, predicted in zip(documents, by_file[stem], strict=True):
            tally.add(document.timexes, predicted)
            total.add(document.timexes, predicted)
        scores[stem] = tally.scores()
    if len(files) > 1:
        scores[ALL_FILES] = total.scores()
    return scores


def _timex(row: dict[str, Any]) -> Timex:
    start, end = int(row["start"]), int(row["end"])
    kind = row.get("type")
    return Timex(start, end, str(row["value"]), str(kind) if kind else None, row.get("text", ""))


def _cache_file(
    cache_dir: Path | None, label: str, documents: Sequence[GoldDocument], suffix: str
) -> Path | None:
    """Return the cache file of ``label`` for these documents (keyed by their content)."""
    if cache_dir is None:
        return None
    digest = hashlib.sha1(usedforsecurity=False)
    for document in documents:
        digest.update(f"{document.id}\0{document.published}\0{document.text}\0".encode())
    key = digest.hexdigest()[:10]
    return cache_dir / f"dates-{label}-{key}-v{DATES_CACHE_VERSION}.{suffix}"


def _read_predictions(cache: Path) -> dict[str, list[Timex]]:
    """Read a predictions file: one ``{id, dates: [{start, end, value, type?}]}`` a line."""
    done = {}
    for line in cache.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            row = json.loads(line)
            done[str(row["id"])] = [_timex(t) for t in row["dates"]]
    return done


def _append_prediction(cache: Path, document_id: str, timexes: Sequence[Timex]) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    dates = [
        {"start": t.start, "end": t.end, "value": t.value, "type": t.type, "text": t.text}
        for t in timexes
    ]
    with cache.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": document_id, "dates": dates}) + "\n")


def _progress(name: str, index: int, total: int) -> None:
    """Log how far a slow peer has got."""
    if index % PROGRESS_EVERY == 0:
        _log.warning("dates benchmark: %s on document %d of %d", name, index + 1, total)


def render_table(result: dict[str, Any]) -> str:
    """Render the result as one Markdown table per file: a row per system."""
    header = (
        "| system | strict F1 | relaxed P / R / F1 | value F1 | DATE recall "
        "| DATE value acc. | calendar value acc. |\n|---|---|---|---|---|---|---|"
    )
    lines = []
    for stem in result["storyline"]:
        lines += [f"\n{stem}", header]
        for name, scored in result.items():
            if "skipped" in scored:
                lines.append(f"| {name} | skipped: {scored['skipped']} |")
            else:
                lines.append(_row(name, scored[stem]))
    return "\n".join(lines).lstrip("\n") + "\n"


def _row(name: str, scores: dict[str, Any]) -> str:
    relaxed = scores["relaxed"]
    cells = [
        _cell(scores["strict"]["f1"]),
        " / ".join(_cell(relaxed[key]) for key in ("p", "r", "f1")),
        _cell(scores["value"]["f1"]),
        _cell(scores["date_recall"]),
        _cell(scores["date_value_accuracy"]),
        _cell(scores["calendar_value_accuracy"]),
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"
