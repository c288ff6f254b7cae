"""The store interface: one protocol, two back ends (SQLite by default, PostgreSQL).

A store holds articles (raw, cleaned, removed parts, analysis), events (sets of
articles) with their latest brief, and the settings of each run, so that a brief
can be rebuilt and reproduced later. Writes of one batch are one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from storyline.model import AnalyzedArticle, Article, Brief, PartialDate


@dataclass(frozen=True, slots=True)
class EventInfo:
    """One row of the events list."""

    id: str
    title: str
    start: PartialDate | None
    end: PartialDate | None
    articles: int  # how many articles the event holds
    updated: str  # ISO 8601 UTC timestamp of the last change


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One article as stored: its latest version, the raw input and the analysis."""

    raw: Article
    analyzed: AnalyzedArticle
    version: int  # 1 for the first text seen under this id; +1 for each changed text
    ingested: str  # ISO 8601 UTC timestamp of this version
    events: tuple[str, ...]  # ids of the events that hold it


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a full-text query, with a snippet of the matching text."""

    article: str
    title: str | None
    snippet: str
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Ingested:
    """What one batch did: new articles, new versions of known ones, unchanged ones."""

    event: str
    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]


class Store(Protocol):
    """What both back ends provide. Methods raise `StoreError` with a message naming the fix."""

    def add_batch(
        self,
        pairs: list[tuple[Article, AnalyzedArticle]],
        *,
        event: str | None = None,
        title: str | None = None,
        settings: dict[str, object] | None = None,
    ) -> Ingested:
        """Store a batch of articles in one transaction and attach them to an event.

        With ``event`` None a new event is made whose id derives from the batch's
        article ids and texts (the same batch twice gives the same event).
        """

    def events(self, query: str | None = None, *, limit: int = 100) -> list[EventInfo]:
        """Return events, newest first; with ``query``, only those whose articles match it."""

    def event_articles(self, event: str) -> list[AnalyzedArticle]:
        """Return the latest version of every article of the event, in ingest order."""

    def save_brief(self, event: str, brief: Brief, *, settings: dict[str, object]) -> None:
        """Store the event's brief and the settings it was built with."""

    def brief(self, event: str) -> Brief | None:
        """Return the event's latest stored brief, or None when none was built yet."""

    def article(self, article: str, *, version: int | None = None) -> StoredArticle | None:
        """Return the latest (or the given) version of one article, or None when unknown."""

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Return articles matching a full-text query, best first."""

    def check(self) -> None:
        """Raise `StoreError` when the stored data is found damaged."""

    def close(self) -> None:
        """Release the connection."""
