"""Core types, one per pipeline stage.

Every derived fact points into the cleaned text of one article with character
offsets, so ``clean.text[fact.start:fact.end] == fact.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
PublishedFrom = Literal["metadata", "text", "unknown"]


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to day, month or year precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not dt.MINYEAR <= self.year <= dt.MAXYEAR:
            raise ValueError(f"PartialDate: year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise ValueError("PartialDate: a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"PartialDate: month {self.month} is out of range")
        if self.day is not None and self.month is not None:
            dt.date(self.year, self.month, self.day)  # raises on an impossible day

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """Return ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` by precision."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        parts = [int(p) for p in text.strip().split("-")]
        if not 1 <= len(parts) <= 3:
            raise ValueError(f"PartialDate: {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return cls(*parts)

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    def to_date(self) -> dt.date:
        """Return the first day the partial date covers."""
        return dt.date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True, slots=True)
class Citation:
    """A supporting span: ``articles[article].text[start:end]``."""

    article: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Citation: bad offsets {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Citation:
        return cls(str(data["article"]), int(data["start"]), int(data["end"]))


# ---------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as read, before any cleaning."""

    id: str
    raw: str
    source: str
    is_html: bool = False
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: PartialDate | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "raw": self.raw,
            "source": self.source,
            "is_html": self.is_html,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.iso() if self.published else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        return cls(
            id=data["id"],
            raw=data["raw"],
            source=data["source"],
            is_html=bool(data.get("is_html", False)),
            title=data.get("title"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=PartialDate.from_iso(published) if published else None,
        )


# ---------------------------------------------------------------- clean


@dataclass(frozen=True, slots=True)
class Removed:
    """A part of the input left out of the cleaned text, and why."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Removed:
        return cls(str(data["text"]), str(data["reason"]))


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article reduced to its own text; every citation indexes ``text``."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: PartialDate | None = None
    published_from: PublishedFrom = "unknown"
    removed: tuple[Removed, ...] = ()
    same_story_as: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published.iso() if self.published else None,
            "published_from": self.published_from,
            "text": self.text,
            "removed": [part.to_dict() for part in self.removed],
            "same_story_as": list(self.same_story_as),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CleanArticle:
        published = data.get("published")
        return cls(
            id=data["id"],
            text=data["text"],
            title=data.get("title"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=PartialDate.from_iso(published) if published else None,
            published_from=data.get("published_from", "unknown"),
            removed=tuple(Removed.from_dict(part) for part in data.get("removed", ())),
            same_story_as=tuple(data.get("same_story_as", ())),
        )


# ---------------------------------------------------------------- analyze


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity as spaCy found it; ``label`` is spaCy's (ORG, GPE, …)."""

    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression resolved against the article's publication date."""

    text: str
    start: int
    end: int
    date: PartialDate
    sentence: int  # index into AnalyzedArticle.sentences
    relative: bool = False
    # The TimeML value when it says more than ``date`` can: a week "1998-W08", a quarter
    # "1989-Q3", a season "1998-SU", a clock time "2010-06-15T21:59", "PRESENT_REF".
    timex: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place mention resolved to a gazetteer entry (or to an enclosing area)."""

    text: str
    start: int
    end: int
    name: str  # canonical name of what it resolved to
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    precision: str = "unknown"  # "city", "admin", "country", "unknown"
    resolved_via: str | None = None  # the enclosing area used when the place is unknown


@dataclass(frozen=True, slots=True)
class FigureReading:
    """What a figure counts, as read from the parse of its sentence."""

    noun: str | None  # class of the counted noun: "people", "fighters", "USD"
    qualifier: str  # subset adjectives as written: "Iraqi"; "" when none
    event: str  # "stock", a flow ("fled", "killed"…) or "unknown"
    period: str | None  # "week", "2 month", "overnight" for flows that name one
    increment: bool  # "another 520 militants": a count of its own
    kind: str | None  # kind noun naming the subject in the sentence: "camp"
    context: tuple[str, ...] = ()  # content lemmas of the figure's clause: "leak", "fund"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number and what it counts."""

    text: str  # surface form, e.g. "around 67,000 people"
    start: int
    end: int
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # counted noun or unit: "people", "fighters", "USD", "percent"
    subject: str | None = None  # what it belongs to: "al-Qusayr camp", "Kunduz"
    as_of: PartialDate | None = None
    sentence: int = 0
    reading: FigureReading | None = None  # set by the analyze stage
    attributed_to: str | None = None  # who says it: "the Red Cross", "Preval"


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """A cleaned article with everything the analyzers found in it."""

    clean: CleanArticle
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Mention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    figures: tuple[Figure, ...] = ()
    acronyms: tuple[tuple[str, str], ...] = ()  # (acronym, expansion) defined in the text

    @property
    def id(self) -> str:
        return self.clean.id


# ---------------------------------------------------------------- cluster


@dataclass(frozen=True, slots=True)
class Event:
    """Articles about one happening, in the order they arrived."""

    id: str
    article_ids: tuple[str, ...]
    start: PartialDate | None = None  # earliest publication date of its articles
    end: PartialDate | None = None  # latest publication date of its articles

    def __post_init__(self) -> None:
        if not self.article_ids:
            raise ValueError(f"Event: {self.id!r} has no article")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_ids": list(self.article_ids),
            "start": self.start.iso() if self.start else None,
            "end": self.end.iso() if self.end else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        start, end = data.get("start"), data.get("end")
        return cls(
            id=str(data["id"]),
            article_ids=tuple(str(i) for i in data["article_ids"]),
            start=PartialDate.from_iso(start) if start else None,
            end=PartialDate.from_iso(end) if end else None,
        )


# ---------------------------------------------------------------- brief


@dataclass(frozen=True, slots=True)
class Actor:
    """An organisation, group or person with its name variants merged."""

    name: str
    kind: str  # "organization", "person", "group"
    aliases: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "mentions": len(self.citations),
            "citations": [cite.to_dict() for cite in self.citations],
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A place mentioned across the articles, with coordinates when known."""

    name: str
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    precision: str = "unknown"
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "precision": self.precision,
            "mentions": len(self.citations),
            "citations": [cite.to_dict() for cite in self.citations],
        }


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One source's value for a figure group."""

    value: float
    text: str
    citation: Citation
    low: float | None = None
    high: float | None = None
    as_of: PartialDate | None = None
    sources: int = 1  # independent sources in the group that give this value
    attributed_to: str | None = None  # who the article says gives the value

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "text": self.text,
            "as_of": self.as_of.iso() if self.as_of else None,
            "attributed_to": self.attributed_to,
            "sources": self.sources,
            "citation": self.citation.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """Figures that count the same quantity, with their agreement status."""

    label: str
    status: str  # "agree", "conflict", "changed", "single"
    values: tuple[FigureValue, ...]
    conservative: float | None = None  # the lowest supported value (ACLED's rule)
    unit: str | None = None
    subject: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "status": self.status,
            "unit": self.unit,
            "subject": self.subject,
            "conservative": self.conservative,
            "values": [value.to_dict() for value in self.values],
        }


@dataclass(frozen=True, slots=True)
class CitedLine:
    """A summary or timeline line; it must cite at least one span."""

    text: str
    citations: tuple[Citation, ...]
    date: PartialDate | None = None

    def __post_init__(self) -> None:
        if not self.citations:
            raise ValueError(f"CitedLine: {self.text[:60]!r} has no citation")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text}
        if self.date is not None:
            data["date"] = self.date.iso()
        data["citations"] = [cite.to_dict() for cite in self.citations]
        return data


@dataclass(frozen=True, slots=True)
class OffTopic:
    """An article of the event's inputs that is about something else, kept out of the brief."""

    article: str
    reason: str
    closeness: float  # to the event's centre, as a share of its typical article's
    # Only these spans are off topic (a page of several stories); () means all of it.
    parts: tuple[tuple[int, int], ...] = ()

    def describe(self) -> str:
        """Say what is left out of the brief: the whole article, or its off-topic parts."""
        if not self.parts:
            return f"not about this event ({self.reason}): left out of the brief"
        chars = sum(end - start for start, end in self.parts)
        noun = "part" if len(self.parts) == 1 else "parts"
        return f"{len(self.parts)} {noun} ({chars:,} characters) {self.reason}: left out"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"article": self.article, "reason": self.reason}
        data["closeness"] = self.closeness
        data["parts"] = [{"start": start, "end": end} for start, end in self.parts]
        return data


@dataclass(frozen=True, slots=True)
class Brief:
    """Everything storyline says about one event (the ``storyline.brief/1`` contract)."""

    title: str
    articles: tuple[CleanArticle, ...]
    start: PartialDate | None = None
    end: PartialDate | None = None
    headline: CitedLine | None = None  # one-line summary (<= 40 words)
    summary: tuple[CitedLine, ...] = ()  # the digest
    timeline: tuple[CitedLine, ...] = ()
    figures: tuple[FigureGroup, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    off_topic: tuple[OffTopic, ...] = ()  # inputs not about the event: listed, not briefed
    schema: str = field(default="storyline.brief/1")

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "event": {
                "title": self.title,
                "start": self.start.iso() if self.start else None,
                "end": self.end.iso() if self.end else None,
                "headline": self.headline.to_dict() if self.headline else None,
            },
            "articles": [clean.to_dict() for clean in self.articles],
            "summary": [line.to_dict() for line in self.summary],
            "timeline": [line.to_dict() for line in self.timeline],
            "figures": [group.to_dict() for group in self.figures],
            "places": [place.to_dict() for place in self.places],
            "actors": [actor.to_dict() for actor in self.actors],
            "off_topic": [part.to_dict() for part in self.off_topic],
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that could not be processed; the batch goes on without it."""

    source: str  # file path, "path:line" for JSONL, or "-" for stdin
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.message}"
