"""Describe every figure of a cluster: where it comes from, what it counts, its tolerance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.analyze.actors import known_actor
from storyline.analyze.names import name_key
from storyline.analyze.readings import readings
from storyline.model import (
    AnalyzedArticle,
    Figure,
    FigureReading,
)

# How far a one-sided bound reaches, the share "around" gets: "more than 60,000" is read
# as 60,000-66,000 and "nearly 1,600" as 1,440-1,600; far more would be written rounder.
OPEN_BOUND_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class Item:
    """One figure with where it comes from and what it counts."""

    order: int
    article: str
    source: str
    figure: Figure
    reading: FigureReading
    subject: str | None  # subject key after alias merging
    low: float  # tolerance interval from the hedge words
    high: float


def figure_items(analyzed: Sequence[AnalyzedArticle], keys: Mapping[str, str]) -> list[Item]:
    """Describe every figure of every article, in reading order."""
    items: list[Item] = []
    for article, read in zip(analyzed, readings(analyzed), strict=True):
        for fig, reading in zip(article.figures, read, strict=True):
            low, high = _interval(fig)
            source = keys.get(article.id, article.id)
            subject = subject_key(fig.subject) if fig.subject else None
            items.append(Item(len(items), article.id, source, fig, reading, subject, low, high))
    return items


@lru_cache(maxsize=4096)
def subject_key(subject: str) -> str:
    """Key of a subject: its canonical actor name when listed, spelling variants folded."""
    known = known_actor(subject)
    return name_key(known[0] if known else subject)


def _interval(fig: Figure) -> tuple[float, float]:
    """Return the range of values a figure's wording allows."""
    low = fig.low if fig.low is not None else fig.value
    high = fig.high if fig.high is not None else fig.value
    if fig.low is not None and fig.high is None:
        high = fig.value * (1 + OPEN_BOUND_SHARE)
    if fig.high is not None and fig.low is None:
        low = fig.value * (1 - OPEN_BOUND_SHARE)
    return low, high
