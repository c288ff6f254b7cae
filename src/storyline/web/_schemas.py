"""The JSON shapes of the API (pydantic models, so they appear in the OpenAPI document)."""

from __future__ import annotations

from pydantic import BaseModel

from storyline.model import Brief, CleanArticle, PartialDate
from storyline.store import EventInfo, SearchHit, StoredArticle, highlight_parts
from storyline.web._views import path_part


class InputError(BaseModel):
    """One input (a file, a JSONL line, the pasted text) that could not be used."""

    source: str
    code: str
    message: str


class ErrorBody(BaseModel):
    """What went wrong: a stable code, a message naming the fix, the HTTP status."""

    code: str
    message: str
    status: int
    details: list[InputError] | None = None


class ErrorOut(BaseModel):
    """The one error shape every route answers with."""

    error: ErrorBody


class EventOut(BaseModel):
    """One row of the events list."""

    id: str
    title: str
    start: str | None
    end: str | None
    articles: int
    updated: str
    url: str
    brief: str


class ArticleRef(BaseModel):
    """An article of an event, without its text."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str


class EventDetailOut(BaseModel):
    """One event: its facts, its articles and how much its brief holds."""

    id: str
    title: str
    start: str | None
    end: str | None
    headline: str | None
    articles: list[ArticleRef]
    counts: dict[str, int]
    brief: str


class RemovedOut(BaseModel):
    """A part of the input left out of the cleaned text, and why."""

    text: str
    reason: str


class ArticleOut(BaseModel):
    """One stored article: its cleaned text (every citation indexes it) and what was removed."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    published_from: str
    version: int
    ingested: str
    events: list[str]
    text: str
    removed: list[RemovedOut]
    same_story_as: list[str]


class SnippetPart(BaseModel):
    """A piece of a search snippet; ``match`` marks the words the query matched."""

    text: str
    match: bool


class SearchHitOut(BaseModel):
    """One article matching a full-text query."""

    article: str
    title: str | None
    snippet: str
    parts: list[SnippetPart]
    events: list[str]
    url: str


class InputOut(BaseModel):
    """What became of one uploaded or pasted input."""

    name: str
    articles: int
    errors: list[InputError]


class JobOut(BaseModel):
    """An ingest job: its state, its progress and what became of each input."""

    id: str
    state: str  # "queued", "running", "done", "failed"
    total: int
    analysed: int
    event: str | None
    url: str | None
    error: str | None
    inputs: list[InputOut]


class JobCreated(BaseModel):
    """The id of the job just started."""

    job: str
    url: str


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def event_out(info: EventInfo) -> EventOut:
    """Return the API row of one event."""
    return EventOut(
        id=info.id,
        title=info.title,
        start=_iso(info.start),
        end=_iso(info.end),
        articles=info.articles,
        updated=info.updated,
        url=f"/api/events/{path_part(info.id)}",
        brief=f"/api/events/{path_part(info.id)}/brief",
    )


def article_ref(clean: CleanArticle) -> ArticleRef:
    """Return the reference to one article of an event."""
    return ArticleRef(
        id=clean.id,
        title=clean.title,
        outlet=clean.outlet,
        published=_iso(clean.published),
        url=f"/api/articles/{path_part(clean.id)}",
    )


def event_detail(event: str, brief: Brief, info: EventInfo | None) -> EventDetailOut:
    """Return the API view of one event from its brief."""
    counts = {
        "summary": len(brief.summary),
        "timeline": len(brief.timeline),
        "figures": len(brief.figures),
        "places": len(brief.places),
        "actors": len(brief.actors),
    }
    return EventDetailOut(
        id=event,
        title=info.title if info and info.title else brief.title,
        start=_iso(brief.start),
        end=_iso(brief.end),
        headline=brief.headline.text if brief.headline else None,
        articles=[article_ref(clean) for clean in brief.articles],
        counts=counts,
        brief=f"/api/events/{path_part(event)}/brief",
    )


def article_out(stored: StoredArticle) -> ArticleOut:
    """Return the API view of one stored article."""
    clean = stored.analyzed.clean
    return ArticleOut(
        id=clean.id,
        title=clean.title,
        outlet=clean.outlet,
        url=clean.url,
        published=_iso(clean.published),
        published_from=clean.published_from,
        version=stored.version,
        ingested=stored.ingested,
        events=list(stored.events),
        text=clean.text,
        removed=[RemovedOut(text=part.text, reason=part.reason) for part in clean.removed],
        same_story_as=list(clean.same_story_as),
    )


def hit_out(hit: SearchHit) -> SearchHitOut:
    """Return the API view of one search hit."""
    parts = [SnippetPart(text=text, match=match) for text, match in highlight_parts(hit.snippet)]
    return SearchHitOut(
        article=hit.article,
        title=hit.title,
        snippet="".join(part.text for part in parts),
        parts=parts,
        events=list(hit.events),
        url=f"/api/articles/{path_part(hit.article)}",
    )
