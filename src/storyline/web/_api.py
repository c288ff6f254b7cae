"""The JSON API: events, briefs (storyline.brief/1), articles, search, and ingest jobs."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from storyline.ingest import read_bytes
from storyline.model import Failure
from storyline.settings import Settings
from storyline.web._app import event_info, load_brief, opened, state
from storyline.web._errors import ApiError
from storyline.web._forms import InputSizedForms
from storyline.web._jobs import Upload
from storyline.web._schemas import (
    ArticleOut,
    ErrorOut,
    EventDetailOut,
    EventOut,
    InputError,
    JobCreated,
    JobOut,
    SearchHitOut,
    article_out,
    event_detail,
    event_out,
    hit_out,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "not found"},
    422: {"model": ErrorOut, "description": "invalid request"},
}
BRIEF_DOC = (
    "the brief in the storyline.brief/1 shape (JSON Schema: storyline/report/brief.schema.json)"
)
MAX_LIMIT = 500  # most rows one list or search request returns
PASTED_NAME = "pasted-{digest}.txt"  # a pasted text's input name; its id derives from the text

router = APIRouter(prefix="/api", responses=ERRORS, route_class=InputSizedForms)


@router.get("/events", response_model=list[EventOut])
def list_events(
    request: Request,
    q: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> list[EventOut]:
    """List events, newest first; with ``q``, only those whose articles match it."""
    with opened(request) as store:
        events = store.events(q.strip() if q and q.strip() else None, limit=limit)
    return [event_out(info) for info in events]


@router.get("/events/{event}", response_model=EventDetailOut)
def get_event(request: Request, event: str) -> EventDetailOut:
    """Return one event: its dates, headline, articles and how much its brief holds."""
    with opened(request) as store:
        return event_detail(event, load_brief(store, event), event_info(store, event))


@router.get("/events/{event}/brief", responses={200: {"description": BRIEF_DOC}})
def get_brief(request: Request, event: str) -> dict[str, Any]:
    """Return the event's brief exactly in the storyline.brief/1 shape."""
    with opened(request) as store:
        return load_brief(store, event).to_dict()


@router.get("/articles/{article:path}", response_model=ArticleOut)
def get_article(request: Request, article: str) -> ArticleOut:
    """Return one article's cleaned text (which citations index) and what was removed."""
    with opened(request) as store:
        stored = store.article(article)
    if stored is None:
        raise ApiError(404, "not_found", f"no article {article!r} in the store")
    return article_out(stored)


@router.get("/search", response_model=list[SearchHitOut])
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> list[SearchHitOut]:
    """Return the articles matching a full-text query, best first."""
    with opened(request) as store:
        return [hit_out(hit) for hit in store.search(q, limit=limit)]


@router.get("/jobs/{job}", response_model=JobOut)
def get_job(request: Request, job: str) -> JobOut:
    """Return an ingest job's state and progress."""
    found = state(request).jobs.get(job)
    if found is None:
        raise ApiError(
            404, "not_found", f"no job {job!r}; jobs are forgotten when the server stops"
        )
    return found


@router.post("/events", status_code=202, response_model=JobCreated)
async def create_event(
    request: Request,
    files: Annotated[list[UploadFile] | None, File(description=".txt, .html, .jsonl")] = None,
    text: Annotated[str, Form(description="pasted article text or HTML")] = "",
    title: Annotated[str, Form(description="event title (optional)")] = "",
) -> JSONResponse:
    """Read pasted text and uploaded files into articles and start ingesting them as an event."""
    app = state(request)
    read = [await _read_upload(file, app.settings) for file in files or []]
    uploads = [upload for upload in read if upload is not None]
    if text.strip():
        uploads.append(_read_pasted(text, app.settings))
    if not uploads:
        raise ApiError(422, "no_input", "paste an article or choose at least one file")
    if not any(upload.articles for upload in uploads):
        details = [_input_error(f) for upload in uploads for f in upload.failures]
        raise ApiError(422, "no_articles", "no input could be read as an article", details=details)
    job = app.jobs.submit(uploads, title=title.strip() or None)
    body = JobCreated(job=job.id, url=f"/api/jobs/{job.id}")
    return JSONResponse(body.model_dump(), status_code=202)


async def _read_upload(file: UploadFile, settings: Settings) -> Upload | None:
    """Read one uploaded file (None for the empty part a form sends when no file is chosen)."""
    max_bytes = settings.max_bytes
    name = file.filename or "upload.txt"
    data = await file.read(max_bytes + 1)
    if not data and not file.filename:
        return None
    if len(data) > max_bytes:
        message = f"file is over the limit of {max_bytes:,} bytes; split it or raise max_bytes"
        return Upload(name, (), (Failure(name, "E020", message),))
    result = read_bytes(data, name, settings=settings)
    return Upload(name, result.articles, result.failures)


def _read_pasted(text: str, settings: Settings) -> Upload:
    max_bytes = settings.max_bytes
    data = text.encode("utf-8")
    name = PASTED_NAME.format(digest=hashlib.sha1(data).hexdigest()[:12])
    if len(data) > max_bytes:
        message = f"pasted text is over the limit of {max_bytes:,} bytes"
        return Upload("pasted text", (), (Failure("pasted text", "E020", message),))
    result = read_bytes(data, name, settings=settings)
    return Upload("pasted text", result.articles, result.failures)


def _input_error(failure: Failure) -> InputError:
    return InputError(source=failure.source, code=failure.code, message=failure.message)
