"""Group a stream of analysed articles into events, online and in arrival order."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.cluster._features import ArticleFeatures, features_from, features_of
from storyline.cluster._online import OnlineClusterer
from storyline.model import AnalyzedArticle, Event
from storyline.settings import Settings

__all__ = ["ArticleFeatures", "OnlineClusterer", "assign", "features_from", "features_of"]


def assign(
    articles: Iterable[AnalyzedArticle], *, settings: Settings | None = None
) -> tuple[Event, ...]:
    """Group ``articles`` into events in the order given; each article is in one event."""
    clusterer = OnlineClusterer(settings)
    for analyzed in articles:
        clusterer.add(features_of(analyzed))
    return clusterer.events()
