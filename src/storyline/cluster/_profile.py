"""What the clusterer keeps of one event: its articles, content, names and dates."""

from __future__ import annotations

import datetime as dt

from storyline.cluster._weights import Vector, heaviest, norm
from storyline.model import Event, PartialDate


class EventProfile:
    """The running state of one event; sums of its articles' unit vectors.

    Not a dataclass: it grows in place as articles join. The content profile is cut
    back to its heaviest terms whenever it doubles that size, so it stays bounded.
    """

    def __init__(self, event_id: str, *, max_terms: int) -> None:
        self.id = event_id
        self.max_terms = max_terms
        self.article_ids: list[str] = []
        self.terms: Vector = {}
        self.names: Vector = {}
        self.terms_norm = 0.0
        self.names_norm = 0.0
        self.first_day: int | None = None
        self.last_day: int | None = None

    def add(self, article_id: str, terms: Vector, names: Vector, day: int | None) -> None:
        """Take in one article's weighted terms, names and day."""
        self.article_ids.append(article_id)
        _accumulate(self.terms, terms)
        _accumulate(self.names, names)
        self.terms = _bounded(self.terms, self.max_terms)
        self.names = _bounded(self.names, self.max_terms)
        self.terms_norm = norm(self.terms)
        self.names_norm = norm(self.names)
        if day is not None:
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)

    def gap_days(self, day: int | None) -> int:
        """Return how many days ``day`` lies outside the event's dates (0 when unknown)."""
        if day is None or self.first_day is None or self.last_day is None:
            return 0
        return max(0, self.first_day - day, day - self.last_day)

    def to_event(self) -> Event:
        """Freeze the profile into the pipeline's ``Event`` type."""
        return Event(
            id=self.id,
            article_ids=tuple(self.article_ids),
            start=_partial(self.first_day),
            end=_partial(self.last_day),
        )


def _accumulate(profile: Vector, vector: Vector) -> None:
    for bucket, weight in vector.items():
        profile[bucket] = profile.get(bucket, 0.0) + weight


def _bounded(profile: Vector, size: int) -> Vector:
    """Cut a profile back to its ``size`` heaviest buckets once it is twice that big."""
    if len(profile) <= 2 * size:
        return profile
    return {bucket: profile[bucket] for bucket in heaviest(profile, size)}


def _partial(day: int | None) -> PartialDate | None:
    return PartialDate.from_date(dt.date.fromordinal(day)) if day is not None else None
