"""Group a stream of articles into events online, in arrival order.

Single-pass clustering as in online topic detection and tracking (Allan et al. 1998,
"On-line new event detection and tracking", SIGIR; Miranda et al. 2018, "Multilingual
clustering of streaming news", EMNLP): each article is compared with the events that
share its names or heaviest terms (found through a bounded inverted index, never with
every event), joins the most similar one when the similarity reaches a threshold, and
starts a new event otherwise. Nothing already grouped is regrouped, so the cost of one
article does not grow with the stream.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.cluster._features import TERM_BUCKETS, ArticleFeatures
from storyline.cluster._index import CandidateIndex
from storyline.cluster._profile import EventProfile
from storyline.cluster._weights import (
    NAME_BUCKETS,
    OnlineIdf,
    Vector,
    cosine,
    heaviest,
    name_buckets,
)
from storyline.model import Event
from storyline.settings import Settings

# Between the cosine to an event's centroid (1) and average link (0); see ``_scale``.
LINK_EXPONENT = 0.5


@dataclass(frozen=True, slots=True)
class Match:
    """The best event found for an article, and how similar it is."""

    event: int  # index into the clusterer's events
    similarity: float


class OnlineClusterer:
    """Assign articles to events one at a time; the same stream gives the same events.

    Not a dataclass: it holds the stream's running state (frequencies, index, events).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.term_idf = OnlineIdf(TERM_BUCKETS)
        self.name_idf = OnlineIdf(NAME_BUCKETS)
        self.index = CandidateIndex(max_postings=self.settings.cluster_max_postings)
        self.profiles: list[EventProfile] = []
        self.event_of: dict[str, int] = {}

    def add(self, article: ArticleFeatures) -> str:
        """Put one article in an event and return the event's id."""
        known = self.event_of.get(article.id)
        if known is not None:
            return self.profiles[known].id  # the same article twice is placed once
        terms, names = self._weigh(article)
        keys = self._keys(terms, names)
        match = self._best_match(terms, names, article.day, keys)
        if match is None or match.similarity < self.settings.cluster_similarity:
            event = len(self.profiles)
            self.profiles.append(
                EventProfile(f"event-{article.id}", max_terms=self.settings.cluster_centroid_terms)
            )
        else:
            event = match.event
        self.profiles[event].add(article.id, terms, names, article.day)
        self.index.add(event, keys)
        self.event_of[article.id] = event
        return self.profiles[event].id

    def events(self) -> tuple[Event, ...]:
        """Return every event so far, in the order each was started."""
        return tuple(profile.to_event() for profile in self.profiles)

    def _weigh(self, article: ArticleFeatures) -> tuple[Vector, Vector]:
        names = name_buckets(article.names)
        self.term_idf.observe(list(article.terms))
        self.name_idf.observe(list(names))
        return self.term_idf.weigh(article.terms), self.name_idf.weigh(names)

    def _keys(self, terms: Vector, names: Vector) -> list[int]:
        """Index keys: every name (offset past the term buckets) and the heaviest terms."""
        heavy = heaviest(terms, self.settings.cluster_key_terms)
        return heavy + [TERM_BUCKETS + bucket for bucket in sorted(names)]

    def _best_match(
        self, terms: Vector, names: Vector, day: int | None, keys: list[int]
    ) -> Match | None:
        best: Match | None = None
        limit = self.settings.cluster_max_candidates
        for event in sorted(self.index.candidates(keys, limit=limit)):
            similarity = self._similarity(self.profiles[event], terms, names, day)
            if similarity is not None and (best is None or similarity > best.similarity):
                best = Match(event, similarity)
        return best

    def _similarity(
        self, profile: EventProfile, terms: Vector, names: Vector, day: int | None
    ) -> float | None:
        """Content and name similarity less the time penalty; None outside the window."""
        settings = self.settings
        gap = profile.gap_days(day)
        if gap > settings.cluster_window_days:
            return None
        size = len(profile.article_ids)
        content = cosine(terms, profile.terms, _scale(profile.terms_norm, size))
        if names and profile.names:
            shared = cosine(names, profile.names, _scale(profile.names_norm, size))
            weight = settings.cluster_entity_weight
            content = (1.0 - weight) * content + weight * shared
        penalty = settings.cluster_time_penalty * gap / max(settings.cluster_window_days, 1)
        return content - penalty


def _scale(length: float, size: int) -> float:
    """Divide an event's summed vector by ``length**e * size**(1 - e)``, not by its length.

    With ``e = 1`` this is the cosine to the centroid, which rises as an event's articles
    spread out (their sum grows slower than their number) and so lets broad events
    swallow more; with ``e = 0`` it is the average similarity to the event's articles
    (average link). The geometric mean of the two (``e = 0.5``) scored best on the tune
    parts of ECB+, BASIL and Multi-News dev (issue 11).
    """
    return float(length**LINK_EXPONENT * size ** (1.0 - LINK_EXPONENT))
